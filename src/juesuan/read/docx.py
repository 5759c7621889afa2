"""Read Word (.docx) documents into a :class:`Layout` with python-docx.

Paragraphs and table rows come out in document order, one :class:`Line` each, numbered
from 1 (a DOCX has no stable line numbers; this numbering is what findings cite).  Table
rows carry their cells and ``table_index``.  A merged cell is printed once: the columns it
spans to the right, and the rows it spans downwards, get empty cells, exactly as a text
export shows them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from juesuan.errors import JuesuanError
from juesuan.read.layout import Cell, Layout, Line
from juesuan.read.text import MAX_BYTES

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: str | Path) -> Layout:
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise JuesuanError(f"无法读取文件：{exc.strerror or exc}", str(p)) from exc
    if size > MAX_BYTES:
        raise JuesuanError(f"文件过大（{size / 1024 / 1024:.1f} MB）", str(p))
    if not zipfile.is_zipfile(p):
        raise JuesuanError("不是有效的 DOCX 文件（不是 ZIP 格式）", str(p))
    _refuse_zip_bomb(p)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(str(p))
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise JuesuanError("读取 DOCX 需要安装 python-docx", str(p)) from exc
    except Exception as exc:  # python-docx raises many types on damaged files
        raise JuesuanError(f"无法打开 DOCX 文件：{exc}", str(p)) from exc
    layout = Layout(file=str(p), format="docx")
    body: Any = document.element.body
    table_index = 0
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            text = Paragraph(child, document).text.replace("\u3000", " ").strip()
            layout.lines.append(_line(layout, text, [Cell(text)] if text else []))
        elif child.tag == f"{_W}tbl":
            for texts in _table_rows(Table(child, document)):
                line = _line(layout, "\t".join(texts), [Cell(t) for t in texts])
                line.table_index = table_index
                layout.lines.append(line)
            table_index += 1
            layout.lines.append(_line(layout, "", []))
    return layout


MAX_UNPACKED = 256 * 1024 * 1024  # what a real disclosure never comes near
MAX_RATIO = 200  # XML compresses 10-30×; far more is a bomb


def _refuse_zip_bomb(p: Path) -> None:
    """Refuse a DOCX whose parts would unpack to far more than any real document."""
    try:
        with zipfile.ZipFile(p) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise JuesuanError(f"不是有效的 DOCX 文件：{exc}", str(p)) from exc
    unpacked = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if unpacked > MAX_UNPACKED or (unpacked > 8 * 1024 * 1024 and unpacked / packed > MAX_RATIO):
        raise JuesuanError(
            f"DOCX 解压后达 {unpacked / 1024 / 1024:.0f} MB（压缩比 {unpacked / packed:.0f} 倍），"
            "疑似“压缩炸弹”或损坏文件，已拒绝读取",
            str(p),
        )


def _line(layout: Layout, text: str, cells: list[Cell]) -> Line:
    return Line(no=len(layout.lines) + 1, text=text, cells=cells)


def _table_rows(table: Any) -> list[list[str]]:
    """Cell texts row by row; a merged cell's text only in its first grid position."""
    rows: list[list[str]] = []
    above: list[Any] = []
    for row in table.rows:
        texts: list[str] = []
        current: list[Any] = []
        previous: Any = None
        for col, cell in enumerate(row.cells):
            tc = cell._tc
            current.append(tc)
            same_as_left = tc is previous
            same_as_above = col < len(above) and above[col] is tc
            previous = tc
            if same_as_left or same_as_above:
                texts.append("")
            else:
                texts.append(" ".join(cell.text.split()))
        rows.append(texts)
        above = current
    return rows
