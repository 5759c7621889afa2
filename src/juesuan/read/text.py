"""Read plain-text and Markdown exports of published documents into a :class:`Layout`.

Decoding: UTF-8 (with or without BOM), UTF-16 with BOM, then GB18030.  Binary junk (NUL
bytes, mostly undecodable or control characters) is refused with a :class:`JuesuanError`.

Each line keeps its 1-based number in the original file.  Decoration that carries no
content is removed from the text: HTML tags (``<b>``, ``<p>`` ...), Markdown headings,
bold markers and list dashes, Word bookmarks ``[bookmark: _Toc...]`` and image
placeholders.  Tab-separated lines (and Markdown pipe tables) are split into cells; empty
cells are kept because their position matters.  A form feed starts a new page.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from juesuan.errors import JuesuanError
from juesuan.read.layout import Cell, Layout, Line, PageInfo

_new_cell = tuple.__new__  # Cell(text) without the named tuple's keyword handling
MAX_BYTES = 50 * 1024 * 1024
MAX_CELLS = 500  # a "row" with more cells than this is kept as plain text
_BAD_SHARE = 0.01  # share of replacement / control characters above which a file is binary

_BOOKMARK = re.compile(r"\[bookmark:[^\[\]]*\]")
_IMAGE = re.compile(r"\[image:[^\[\]]*\]")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
_MD_LIST = re.compile(r"^\s{0,6}(?:[-*+]) (?=\S)")
_MD_QUOTE = re.compile(r"^\s{0,3}> ?")
_MD_RULE = re.compile(r"^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
_MD_PIPE_SEPARATOR = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")
_MD_STARTS = frozenset("#>-*+_|")
# Every byte but the control characters counted against a text file (NUL to BS, VT, SO to
# US, DEL).  UTF-8 and GB18030 never use these bytes inside a multi-byte character, so the
# file's control bytes are its text's control characters, counted in one C pass.
_NOT_CONTROL = bytes(
    b for b in range(256) if not (b <= 0x08 or b == 0x0B or 0x0E <= b <= 0x1F or b == 0x7F)
)


def read_text(path: str | Path) -> Layout:
    """Read a ``.txt`` / ``.md`` file into a :class:`Layout` (``format="text"``)."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise JuesuanError(f"无法读取文件：{exc.strerror or exc}", str(p)) from exc
    if size > MAX_BYTES:
        raise JuesuanError(
            f"文件过大（{size / 1024 / 1024:.1f} MB），超过 {MAX_BYTES // 1024 // 1024} MB 的上限",
            str(p),
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise JuesuanError(f"无法读取文件：{exc.strerror or exc}", str(p)) from exc
    warnings: list[str] = []
    text = decode_bytes(data, str(p), warnings)
    return layout_from_text(text, str(p), warnings)


def decode_bytes(data: bytes, location: str, warnings: list[str]) -> str:
    """Decode a text file's bytes; raise :class:`JuesuanError` when it is no text file."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise JuesuanError("不是文本文件：UTF-16 内容无法解码", location) from exc
    if b"\x00" in data:
        raise JuesuanError("不是文本文件：含有二进制内容（NUL 字节），请提供 TXT/MD 文本", location)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        _check_controls(data, len(text), location)
        if encoding == "gb18030":
            warnings.append("文件不是 UTF-8 编码，已按 GB18030 解码")
        return text
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad > max(1, len(text) * _BAD_SHARE):
        raise JuesuanError("不是文本文件：大部分内容无法按 UTF-8 或 GB18030 解码", location)
    _check_controls(data, len(text), location)
    warnings.append(f"有 {bad} 个字符无法解码，已替换为 “\ufffd”")
    return text


def _check_controls(data: bytes, length: int, location: str) -> None:
    """Refuse a file whose decoded text (``length`` characters) is mostly control characters."""
    controls = len(data.translate(None, _NOT_CONTROL))
    if controls > max(8, length * _BAD_SHARE):
        raise JuesuanError("不是文本文件：含有大量控制字符（疑似二进制文件）", location)


class _CellCache(dict[str, Cell]):
    """Cells by their (stripped) text: cells are immutable, so equal ones are shared, and a
    row's cells are looked up in one ``map`` call; a new text makes its cell here."""

    def __missing__(self, text: str) -> Cell:
        made = self[text] = _new_cell(Cell, (text, None, None))
        return made


def layout_from_text(text: str, file: str, warnings: list[str] | None = None) -> Layout:
    """Split decoded text into numbered, cleaned lines (one :class:`Line` per source line)."""
    layout = Layout(file=file, warnings=list(warnings or []), format="text")
    if "\r" in text:  # a line's CR LF ends it; any other CR is a space, as is U+3000
        if text.endswith("\r"):
            text = text[:-1]
        text = text.replace("\r\n", "\n").replace("\r", " ")
    if "\u3000" in text:
        text = text.replace("\u3000", " ")
    raw_lines = text.split("\n")
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    page = 1
    paged = "\f" in text
    cells = _CellCache()
    for index, raw in enumerate(raw_lines, start=1):
        if paged and "\f" in raw:
            page += raw.count("\f")
            raw = raw.replace("\f", "")
        if len(raw) > MAX_CELLS and raw.count("\t") > MAX_CELLS:
            layout.warnings.append(f"第{index}行的单元格超过 {MAX_CELLS} 个，按普通文本处理")
            raw = raw.replace("\t", " ")
        layout.lines.append(_clean_line(raw, index, page if paged else None, cells))
    if paged:
        layout.pages = [PageInfo(number=n) for n in range(1, page + 1)]
    return layout


def _clean_line(text: str, no: int, page: int | None, cache: _CellCache) -> Line:
    """One source line without decoration, split into cells when it is a table row."""
    # ``text``: CR and U+3000 already spaces.  Lines are made positionally: the reader makes
    # one per source line, and keywords double a dataclass's __init__ time.
    if not text.strip():
        return Line(no, "", [], page)
    if "[" in text:
        text = _IMAGE.sub("", _BOOKMARK.sub("", text))
    if "<" in text:
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    first = text.lstrip()[:1]
    if first in _MD_STARTS:
        if _MD_RULE.match(text) or ("|" in text and _MD_PIPE_SEPARATOR.match(text)):
            return Line(no, "", [], page)
        text = _MD_LIST.sub("", _MD_QUOTE.sub("", _MD_HEADING.sub("", text)))
    if "**" in text or "__" in text:
        text = text.replace("**", "").replace("__", "")
    if "\t" in text:
        parts = list(map(str.strip, text.split("\t")))
    elif text.count("|") >= 2 and text.strip().startswith("|") and text.strip().endswith("|"):
        parts = list(map(str.strip, text.strip()[1:-1].split("|")))
        text = "\t".join(parts)
    else:
        text = text.strip()
        if not text:
            return Line(no, "", [], page)
        return Line(no, text, [cache[text]], page, None, None, [text])
    # the filled cells are those whose (stripped) text is not empty
    return Line(
        no, text, list(map(cache.__getitem__, parts)), page, None, None, [*filter(None, parts)]
    )
