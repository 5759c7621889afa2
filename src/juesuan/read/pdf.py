"""Read a PDF's text layer into a :class:`~juesuan.read.layout.Layout` (pypdfium2, no OCR).

Characters and their boxes come from PDFium's text page; they are grouped

* inside **ruled tables** (horizontal and vertical rules drawn as path objects) into one
  :class:`Line` per ruled row band, one :class:`Cell` per ruled cell: a wrapped cell
  ("机关事业单位基本养老保险缴" / "费") is one cell, and ``Cell.x0``/``x1`` are the cell's
  box (its left and right rules), so a number and the header above it share the same span;
  ``Line.table_index`` numbers the ruled tables of the document;
* elsewhere into visual lines by their vertical position, split into cells at wide
  horizontal gaps (``x0``/``x1`` then being the text's extent).

A page whose text layer is empty or unusable (glyphs without Unicode mapping, private-use
code points) is never mis-read: it is marked ``needs_ocr`` with a warning and contributes
no lines.  Damaged, encrypted, truncated and non-PDF files raise :class:`JuesuanError`.
Pages are processed one at a time and released, so memory stays bounded by the output.
"""

from __future__ import annotations

import ctypes
import os
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from juesuan.errors import JuesuanError
from juesuan.read.layout import Cell, Layout, Line, PageInfo

DEFAULT_PAGE_LIMIT = 2000
"""Refuse documents with more pages than this unless the caller raises the limit."""

MAX_CHARS_PER_PAGE = 200_000
"""Characters read from one page at most (a sane page has a few thousand)."""

_PAGES_PER_OPEN = 100  # reopen the document after this many pages: PDFium caches fonts per document
_MAX_OBJECTS_PER_PAGE = 20_000
_RULE_THICKNESS = 2.5  # a path thinner than this (points) is a rule
_MIN_RULE_LENGTH = 4.0
_MAX_BAND_HEIGHT = 160.0  # taller "rows" are frames around text, not table rows
_WHITESPACE = frozenset((0x09, 0x0A, 0x0D, 0x20, 0xA0, 0x3000, 0x2002, 0x2003, 0x2009, 0xFEFF))


# --------------------------------------------------------------------------------------
# public API


def read_pdf(
    path: str | os.PathLike[str],
    max_pages: int | None = None,
    *,
    page_limit: int = DEFAULT_PAGE_LIMIT,
) -> Layout:
    """Read ``path`` into a layout (``format="pdf"``), pages 1-based, y in PDF points.

    ``max_pages`` reads only the first pages (with a warning that the rest was skipped);
    ``page_limit`` refuses longer documents outright.
    """
    file = Path(path)
    _check_file(file)
    doc = _open(file)
    layout = Layout(file=str(file), format="pdf")
    try:
        total = len(doc)
        if total <= 0:
            raise JuesuanError("PDF文件中没有页面", str(file))
        if total > page_limit:
            raise JuesuanError(f"PDF共{total}页，超过上限{page_limit}页，拒绝读取", str(file))
        count = total if max_pages is None else max(0, min(total, max_pages))
        if count < total:
            layout.warnings.append(f"只读取了前{count}页（共{total}页）")
        table_counter = [0]
        for index in range(count):
            if index and index % _PAGES_PER_OPEN == 0:
                # PDFium keeps every font and image it has parsed until the document is
                # closed; reopening bounds memory on long documents
                doc.close()
                doc = _open(file)
            try:
                page = doc[index]
            except pdfium.PdfiumError as exc:
                raise JuesuanError(
                    f"第{index + 1}页无法读取，PDF文件可能已损坏", str(file)
                ) from exc
            try:
                _read_page(page, index + 1, layout, table_counter)
            finally:
                page.close()
    finally:
        doc.close()
    return layout


def _open(file: Path) -> Any:
    try:
        return pdfium.PdfDocument(str(file))
    except pdfium.PdfiumError as exc:
        raise JuesuanError(_open_error_message(exc), str(file)) from exc


# --------------------------------------------------------------------------------------
# file checks


def _check_file(file: Path) -> None:
    where = str(file)
    if not file.exists():
        raise JuesuanError("文件不存在", where)
    if not file.is_file():
        raise JuesuanError("不是文件", where)
    size = file.stat().st_size
    if size == 0:
        raise JuesuanError("文件为空（0字节），不是有效的PDF", where)
    with file.open("rb") as fh:
        head = fh.read(1024)
        fh.seek(max(0, size - 2048))
        tail = fh.read()
    if b"%PDF-" not in head:
        raise JuesuanError("不是PDF文件（缺少%PDF文件头）", where)
    if b"%%EOF" not in tail:
        raise JuesuanError("PDF文件不完整（缺少%%EOF结尾标记），可能下载或复制中断", where)


def _open_error_message(exc: Exception) -> str:
    code = getattr(exc, "err_code", None)
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        return "PDF文件已加密（需要密码），无法读取"
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return "PDF文件使用了不支持的加密方式，无法读取"
    if code == pdfium_c.FPDF_ERR_FILE:
        return "无法打开PDF文件（文件不可读）"
    return "PDF文件已损坏或格式错误，无法读取"


# --------------------------------------------------------------------------------------
# page reading


@dataclass(slots=True)
class _Char:
    x0: float
    x1: float
    y0: float
    y1: float
    ch: str
    yc: float = 0.0
    h: float = 0.0

    def __post_init__(self) -> None:
        self.yc = (self.y0 + self.y1) / 2
        self.h = self.y1 - self.y0


@dataclass
class _Band:
    top: float
    bottom: float
    xs: list[float]  # cell boundaries, ascending
    top_rules: list[tuple[float, float]] = field(default_factory=list)  # x-extents of top rule
    region: int = 0
    cells: dict[int, list[_Char]] = field(default_factory=dict)


@dataclass
class _Graphics:
    hrules: list[tuple[float, float, float]] = field(default_factory=list)  # y, x0, x1
    vrules: list[tuple[float, float, float]] = field(default_factory=list)  # x, y0, y1
    image_area: float = 0.0
    complex_paths: int = 0


def _read_page(page: object, number: int, layout: Layout, table_counter: list[int]) -> None:
    width, height = page.get_size()  # type: ignore[attr-defined]
    rotation = int(page.get_rotation()) % 360  # type: ignore[attr-defined]
    shown_w, shown_h = (float(height), float(width)) if rotation in (90, 270) else (width, height)
    info = PageInfo(number=number, width=float(shown_w), height=float(shown_h))
    layout.pages.append(info)
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    try:
        chars, bad, truncated = _page_chars(textpage, rotation, float(width), float(height))
    finally:
        textpage.close()
    if truncated:
        layout.warnings.append(f"第{number}页字符过多，只读取了前{MAX_CHARS_PER_PAGE}个")
    graphics = _page_graphics(page, rotation, float(width), float(height))
    page_area = max(1.0, float(shown_w) * float(shown_h))
    usable = len(chars)
    if usable == 0 or bad > 0.3 * (usable + bad):
        if usable == 0 and bad == 0 and graphics.image_area == 0 and graphics.complex_paths < 50:
            info.note = "空白页（没有文字和图像）"
            return
        info.needs_ocr = True
        info.note = "没有可用文字层"
        layout.warnings.append(f"第{number}页没有可用文字层，需要OCR")
        return
    if graphics.image_area > 0.5 * page_area and usable < 40:
        info.needs_ocr = True
        info.note = "整页图像，文字层几乎为空（可能是扫描件）"
        layout.warnings.append(f"第{number}页没有可用文字层，需要OCR")
        return
    if bad:
        layout.warnings.append(f"第{number}页有{bad}个字符无法识别（缺少字符编码），已忽略")
    bands = _ruled_bands(graphics, table_counter)
    free = _assign_to_bands(chars, bands)
    lines = _band_lines(bands, number) + _free_lines(free, number)
    lines.sort(key=lambda ln: -(ln.y or 0.0))
    for i, line in enumerate(lines, start=1):
        line.no = i
    layout.lines.extend(lines)


def _page_chars(
    textpage: object, rotation: int, width: float, height: float
) -> tuple[list[_Char], int, bool]:
    """All non-blank characters with loose boxes, in display coordinates; count of bad ones."""
    raw = textpage.raw  # type: ignore[attr-defined]
    n = pdfium_c.FPDFText_CountChars(raw)
    truncated = n > MAX_CHARS_PER_PAGE
    n = min(n, MAX_CHARS_PER_PAGE)
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    get_unicode = pdfium_c.FPDFText_GetUnicode
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    chars: list[_Char] = []
    bad = 0
    prev: _Char | None = None
    for i in range(n):
        code = get_unicode(raw, i)
        if code in _WHITESPACE:
            continue
        if (
            code == 0
            or code == 0xFFFD
            or 0xE000 <= code <= 0xF8FF
            or code < 0x20
            or code > 0x10FFFF
        ):
            bad += 1
            continue
        if not get_box(raw, i, rect_ref):
            continue
        x0, x1, y0, y1 = rect.left, rect.right, rect.bottom, rect.top
        if y0 > y1:
            y0, y1 = y1, y0
        if rotation:
            x0, y0, x1, y1 = _rotate_box(x0, y0, x1, y1, rotation, width, height)
        ch = chr(code)
        # fake bold: the same glyph drawn twice at (almost) the same place
        if (
            prev is not None
            and prev.ch == ch
            and abs(prev.x0 - x0) < 0.8
            and abs(prev.y0 - y0) < 0.8
        ):
            continue
        prev = _Char(x0, x1, y0, y1, ch)
        chars.append(prev)
    return chars, bad, truncated


def _rotate_box(
    x0: float, y0: float, x1: float, y1: float, rotation: int, width: float, height: float
) -> tuple[float, float, float, float]:
    """Map a box from PDF user space to the displayed (rotated) page, y still pointing up."""
    pts = ((x0, y0), (x1, y1))
    out: list[tuple[float, float]] = []
    for x, y in pts:
        if rotation == 90:
            out.append((y, width - x))
        elif rotation == 180:
            out.append((width - x, height - y))
        else:  # 270
            out.append((height - y, x))
    (ax, ay), (bx, by) = out
    return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


# --------------------------------------------------------------------------------------
# graphics: rules and images


def _page_graphics(page: object, rotation: int, width: float, height: float) -> _Graphics:
    g = _Graphics()
    raw = page.raw  # type: ignore[attr-defined]
    left, bottom, right, top = (
        ctypes.c_float(),
        ctypes.c_float(),
        ctypes.c_float(),
        ctypes.c_float(),
    )
    refs = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    budget = [_MAX_OBJECTS_PER_PAGE]

    def visit(obj: object, depth: int) -> None:
        if budget[0] <= 0:
            return
        budget[0] -= 1
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 4:
            for j in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
                visit(pdfium_c.FPDFFormObj_GetObject(obj, j), depth + 1)
            return
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE):
            return
        if not pdfium_c.FPDFPageObj_GetBounds(obj, *refs):
            return
        x0, y0, x1, y1 = left.value, bottom.value, right.value, top.value
        if rotation:
            x0, y0, x1, y1 = _rotate_box(x0, y0, x1, y1, rotation, width, height)
        w, h = x1 - x0, y1 - y0
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            g.image_area += max(0.0, w) * max(0.0, h)
            return
        if h <= _RULE_THICKNESS and w >= _MIN_RULE_LENGTH:
            g.hrules.append(((y0 + y1) / 2, x0, x1))
        elif w <= _RULE_THICKNESS and h >= _MIN_RULE_LENGTH:
            g.vrules.append(((x0 + x1) / 2, y0, y1))
        elif w > _RULE_THICKNESS and h > _RULE_THICKNESS:
            segments = pdfium_c.FPDFPath_CountSegments(obj)
            if 0 < segments <= 6:  # a rectangle: its four edges are rules
                g.hrules.append((y0, x0, x1))
                g.hrules.append((y1, x0, x1))
                g.vrules.append((x0, y0, y1))
                g.vrules.append((x1, y0, y1))
            else:
                g.complex_paths += 1

    for i in range(pdfium_c.FPDFPage_CountObjects(raw)):
        visit(pdfium_c.FPDFPage_GetObject(raw, i), 0)
    return g


def _cluster(values: list[float], tol: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def _ruled_bands(g: _Graphics, table_counter: list[int]) -> list[_Band]:
    """Row bands between consecutive horizontal rule levels that vertical rules cross."""
    if len(g.hrules) < 2 or len(g.vrules) < 3:
        return []
    levels = _cluster([y for y, _, _ in g.hrules], 1.2)
    levels.sort(reverse=True)
    by_level: dict[float, list[tuple[float, float]]] = {}
    ordered = sorted(levels)
    for y, x0, x1 in g.hrules:
        k = bisect_right(ordered, y + 1.2) - 1
        if k >= 0 and abs(ordered[k] - y) <= 1.2:
            by_level.setdefault(ordered[k], []).append((x0, x1))
    vrules = sorted(g.vrules, key=lambda v: v[1])
    bands: list[_Band] = []
    for upper, lower in pairwise(levels):
        if upper - lower < 3.0 or upper - lower > _MAX_BAND_HEIGHT:
            continue
        mid = (upper + lower) / 2
        xs = _cluster([x for x, y0, y1 in vrules if y0 - 1.0 <= mid <= y1 + 1.0], 1.5)
        if len(xs) < 3:
            continue
        bands.append(_Band(upper, lower, xs, by_level.get(upper, [])))
    # consecutive bands sharing a rule level belong to one ruled table
    prev: _Band | None = None
    for band in bands:
        if prev is None or abs(prev.bottom - band.top) > 1.5:
            table_counter[0] += 1
        band.region = table_counter[0]
        prev = band
    return bands


def _assign_to_bands(chars: list[_Char], bands: list[_Band]) -> list[_Char]:
    if not bands:
        return chars
    # bands are ordered top-down; search on negated tops
    neg_tops = [-b.top for b in bands]
    free: list[_Char] = []
    for c in chars:
        yc = c.yc
        k = bisect_right(neg_tops, -yc) - 1
        band = bands[k] if k >= 0 else None
        if (
            band is None
            or yc < band.bottom
            or not (band.xs[0] - 1 <= (c.x0 + c.x1) / 2 <= band.xs[-1] + 1)
        ):
            free.append(c)
            continue
        xc = (c.x0 + c.x1) / 2
        # a merged cell (no rule above it) belongs to the band where the cell starts
        while k > 0:
            above = bands[k - 1]
            if above.region != band.region or not _cell_open_above(band, xc):
                break
            k -= 1
            band = above
        idx = min(max(bisect_right(band.xs, xc) - 1, 0), len(band.xs) - 2)
        band.cells.setdefault(idx, []).append(c)
    return free


def _cell_open_above(band: _Band, xc: float) -> bool:
    """True when no horizontal rule closes the top of the cell of ``band`` around ``xc``."""
    idx = min(max(bisect_right(band.xs, xc) - 1, 0), len(band.xs) - 2)
    a, b = band.xs[idx], band.xs[idx + 1]
    mid = (a + b) / 2
    return not any(x0 - 1.0 <= mid <= x1 + 1.0 for x0, x1 in band.top_rules)


# --------------------------------------------------------------------------------------
# grouping text


def _split_sublines(chars: list[_Char]) -> list[list[_Char]]:
    """Group characters into visual lines (top first), each sorted left to right."""
    rows: list[list[_Char]] = []
    centers: list[float] = []
    for c in sorted(chars, key=lambda c: -c.yc):
        yc = c.yc
        if rows and abs(centers[-1] - yc) <= max(1.5, 0.45 * max(c.h, rows[-1][0].h)):
            rows[-1].append(c)
            centers[-1] = (centers[-1] * (len(rows[-1]) - 1) + yc) / len(rows[-1])
        else:
            rows.append([c])
            centers.append(yc)
    for row in rows:
        row.sort(key=lambda c: c.x0)
    return rows


def _is_wide(ch: str) -> bool:
    return ord(ch) > 0x2E7F


def _join_run(chars: list[_Char]) -> str:
    """Text of one visual line: spaces where gaps are wide, none inside CJK runs."""
    parts: list[str] = []
    prev: _Char | None = None
    for c in chars:
        if prev is not None:
            gap = c.x0 - prev.x1
            size = max(1.0, min(prev.h, c.h))
            if _is_wide(prev.ch) or _is_wide(c.ch):
                if gap > 1.2 * size:
                    parts.append(" ")
            elif gap > 0.25 * size:
                parts.append(" ")
        parts.append(c.ch)
        prev = c
    return "".join(parts)


def _join_sublines(texts: list[str]) -> str:
    out = ""
    for t in texts:
        if not out:
            out = t
        elif _is_wide(out[-1]) or _is_wide(t[0]):
            out += t
        else:
            out += " " + t
    return out


def _band_lines(bands: list[_Band], page: int) -> list[Line]:
    lines: list[Line] = []
    for band in bands:
        if not band.cells:
            continue
        cells: list[Cell] = []
        top = band.bottom
        for idx in sorted(band.cells):
            chars = band.cells[idx]
            subs = _split_sublines(chars)
            text = _join_sublines([_join_run(s) for s in subs])
            top = max(top, max(c.y1 for c in chars))
            cells.append(Cell(text, band.xs[idx], band.xs[idx + 1]))
        lines.append(
            Line(
                no=0,
                text=" ".join(c.text for c in cells),
                cells=cells,
                page=page,
                y=round(top, 2),
                table_index=band.region,
            )
        )
    return lines


def _free_lines(chars: list[_Char], page: int) -> list[Line]:
    lines: list[Line] = []
    for row in _split_sublines(chars):
        cells: list[Cell] = []
        start = 0
        for i in range(1, len(row) + 1):
            if i < len(row):
                gap = row[i].x0 - row[i - 1].x1
                size = max(1.0, min(row[i].h, row[i - 1].h))
                if gap <= 1.6 * size:
                    continue
            run = row[start:i]
            cells.append(Cell(_join_run(run), run[0].x0, run[-1].x1))
            start = i
        top = max(c.y1 for c in row)
        text = " ".join(c.text for c in cells)
        lines.append(Line(no=0, text=text, cells=cells, page=page, y=round(top, 2)))
    return lines
