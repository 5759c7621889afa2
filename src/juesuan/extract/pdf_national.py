"""National-template PDFs (公开01–09 with 行次): ruled rows through the text-side parsers.

Shanghai PDFs are read by position (:mod:`juesuan.extract.pdf_tables`).  The national
template prints its printed numbers (公开NN表) and the same tables as the TXT/DOCX export,
so its ruled rows are laid out on one column grid per ruled table (a merged cell becomes
its text followed by empty cells, as in the exports) and handed to
:func:`juesuan.extract.blocks.find_blocks` and :func:`juesuan.extract.tables.build_tables`.

Lines are renumbered through the document while parsing (the text-side code needs
increasing line numbers); provenance is mapped back to page and line on the page.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from juesuan.extract.blocks import find_blocks
from juesuan.extract.context import Context
from juesuan.extract.meta import guess_meta
from juesuan.extract.norm import nfkc, norm
from juesuan.extract.perf_tables import extract_evaluations
from juesuan.extract.profile import find_units
from juesuan.extract.sections import find_glossary, find_sections, find_toc
from juesuan.extract.tables import build_tables
from juesuan.extract.titles import match_title, printed_number
from juesuan.extract.titles_scan import scan_titles, scan_unit_mentions
from juesuan.model.disclosure import Disclosure
from juesuan.model.figure import Num
from juesuan.model.meta import Meta, Profile
from juesuan.model.narrative import Section
from juesuan.model.provenance import Prov
from juesuan.model.tables import Table, TableId
from juesuan.read.layout import Cell, Layout, Line

_MIN_NUMBERS = 3  # distinct 公开NN表 numbers that make a document national
_GRID_TOL = 2.0  # points: rule positions closer than this are one column boundary
_FURNITURE_CHARS = 16  # page numbers and running heads between two pages of a table
_NOTE_RE = re.compile(r"^(?:注|说明|备注|注释)\s*[:：1-9１-９]")
_LOCAL = dict[int, tuple[int | None, int]]


def is_national(layout: Layout) -> bool:
    """True when the PDF prints its tables' national numbers (公开01表 …) as captions."""
    numbers: set[str] = set()
    for line in layout.lines:
        if line.table_index is None and len(line.cells) <= 1:
            number = printed_number(line.text)
            if number is not None:
                numbers.add(number)
    return len(numbers) >= _MIN_NUMBERS


@dataclass
class _Group:
    """Ruled regions (one per page) forming one printed table."""

    regions: list[int] = field(default_factory=list)
    bounds: list[float] = field(default_factory=list)


def _groups(lines: list[Line]) -> tuple[dict[int, int], dict[int, str]]:
    """Ruled region → group id, and the regions that continue a table from a previous page
    (→ the printed number to repeat before them)."""
    group_of: dict[int, int] = {}
    continued: dict[int, str] = {}
    number: str | None = None
    last_region: int | None = None
    last_page: int | None = None
    clean_gap = True
    for line in lines:
        region = line.table_index
        if region is None:
            text = line.text.strip()
            found = printed_number(text) if len(line.cells) <= 1 else None
            if found is not None:
                number = found
            if (
                found is not None
                or match_title(text) is not None
                or _NOTE_RE.match(norm(text))
                or len(norm(text)) > _FURNITURE_CHARS
            ):
                clean_gap = False
            continue
        if region in group_of:
            last_region, last_page = region, line.page
            continue
        if (
            last_region is not None
            and clean_gap
            and number is not None
            and line.page is not None
            and last_page is not None
            and line.page == last_page + 1
        ):
            group_of[region] = group_of[last_region]
            continued[region] = number
        else:
            group_of[region] = region
        last_region, last_page = region, line.page
        clean_gap = True
    return group_of, continued


def _bounds(lines: list[Line], group_of: dict[int, int]) -> dict[int, list[float]]:
    xs: dict[int, list[float]] = {}
    for line in lines:
        if line.table_index is None:
            continue
        group = group_of[line.table_index]
        for cell in line.cells:
            for x in (cell.x0, cell.x1):
                if x is not None:
                    xs.setdefault(group, []).append(x)
    out: dict[int, list[float]] = {}
    for group, values in xs.items():
        merged: list[float] = []
        for v in sorted(values):
            if merged and v - merged[-1] <= _GRID_TOL:
                continue
            merged.append(v)
        out[group] = merged
    return out


def _grid_line(line: Line, bounds: list[float], no: int) -> Line:
    width = max(1, len(bounds) - 1)
    texts = [""] * width
    for cell in line.cells:
        x = cell.x0 if cell.x0 is not None else bounds[0]
        k = bisect_left(bounds, x - _GRID_TOL)
        k = min(max(k, 0), width - 1)
        texts[k] = f"{texts[k]} {cell.text}".strip() if texts[k] else cell.text
    cells = [
        Cell(t, bounds[i], bounds[i + 1] if i + 1 < len(bounds) else None)
        for i, t in enumerate(texts)
    ]
    return Line(
        no=no,
        text="\t".join(texts),
        cells=cells,
        page=line.page,
        y=line.y,
        table_index=line.table_index,
    )


def national_lines(layout: Layout) -> tuple[list[Line], _LOCAL]:
    """Lines for the text-side parsers (numbered 1…n) and n → (page, line on the page).

    Ruled rows get one cell per grid column of their table; other lines split at their
    wide gaps become one line per cell (部门 | 年度 | 金额单位 …), as a TXT export prints
    them.  A table continued on the next page gets its printed number repeated, so that it
    is merged as a table fragment.
    """
    group_of, continued = _groups(layout.lines)
    bounds = _bounds(layout.lines, group_of)
    out: list[Line] = []
    local: _LOCAL = {}

    def add(line: Line, source: Line) -> None:
        local[line.no] = (source.page, source.no)
        out.append(line)

    seen: set[int] = set()
    for line in layout.lines:
        region = line.table_index
        if region is not None:
            if region not in seen:
                seen.add(region)
                if region in continued:
                    text = f"公开{continued[region]}表"
                    no = len(out) + 1
                    add(Line(no=no, text=text, cells=[Cell(text)], page=line.page), line)
            add(_grid_line(line, bounds[group_of[region]], len(out) + 1), line)
            continue
        parts = [c for c in line.cells if c.text.strip()] if len(line.cells) > 1 else []
        if not parts:
            no = len(out) + 1
            add(
                Line(no=no, text=line.text, cells=[Cell(line.text)], page=line.page, y=line.y), line
            )
            continue
        for cell in parts:
            no = len(out) + 1
            add(Line(no=no, text=cell.text, cells=[cell], page=line.page, y=line.y), line)
    return out, local


def _relocate(prov: Prov | None, local: _LOCAL) -> Prov | None:
    if prov is None or prov.line is None or prov.line not in local:
        return prov
    page, no = local[prov.line]
    return prov._replace(page=page, line=no)


def _relocated(obj: Any, local: _LOCAL) -> Any:
    """``obj`` with every :class:`Prov` inside it mapped back to page-local line numbers.

    Mutable models are updated in place; frozen ones and the tuples ``Num`` and ``Prov`` are copied.
    """
    if isinstance(obj, Prov):
        return _relocate(obj, local)
    if isinstance(obj, Num):
        moved = _relocate(obj.prov, local)
        return obj if moved is obj.prov else obj.with_prov(moved)
    if isinstance(obj, list):
        for i, item in enumerate(obj):
            obj[i] = _relocated(item, local)
        return obj
    if isinstance(obj, dict):
        for key, item in list(obj.items()):
            obj[key] = _relocated(item, local)
        return obj
    if isinstance(obj, BaseModel):
        changes: dict[str, Any] = {}
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if isinstance(value, (Prov, Num, BaseModel, list, dict)):
                moved = _relocated(value, local)
                if moved is not value:
                    changes[name] = moved
        if not changes:
            return obj
        if obj.model_config.get("frozen"):
            return obj.model_copy(update=changes)
        for name, value in changes.items():
            setattr(obj, name, value)
        return obj
    return obj


def extract_national(layout: Layout, fallback_meta: Meta | None = None) -> Disclosure | None:
    """The tables of a national-template PDF, or ``None`` when no table was understood."""
    file = Path(layout.file).name
    lines, local = national_lines(layout)
    ctx = Context(file)
    for warning in layout.warnings:
        ctx.notice(warning, Prov(file=file))
    toc = find_toc(lines)
    blocks, orphans = find_blocks(lines, toc)
    tables: dict[TableId, Table] = build_tables(blocks, orphans, ctx)
    if not tables:
        return None
    guess = guess_meta(lines, tables)
    for table in tables.values():
        if table.unit is None:
            table.unit = "元" if guess.amount_unit == "元" else "万元"
    base = fallback_meta
    year = guess.fiscal_year or (base.fiscal_year if base else None)
    if year is None:
        return None
    meta = Meta(
        unit_name=guess.unit_name or (base.unit_name if base else ""),
        fiscal_year=year,
        scope=guess.scope or (base.scope if base else "本级"),
        amount_unit=guess.amount_unit or (base.amount_unit if base else "万元"),
        template=guess.template if guess.template != "other" else "national",
        budget_code=guess.budget_code,
        document_kind=guess.document_kind,
        region=base.region if base else None,
        source_file=layout.file,
    )
    body = [line for line in lines if toc is None or line.no not in toc]
    evaluations, summary = extract_evaluations(body, ctx, unit_name=meta.unit_name)
    disclosure = Disclosure(
        meta=meta,
        profile=Profile(units=find_units(lines)),
        tables=dict(sorted(tables.items())),
        evaluations=evaluations,
        evaluation_summary=summary,
        notices=ctx.notices,
    )
    for name in ("tables", "evaluations", "evaluation_summary", "notices"):
        _relocated(getattr(disclosure, name), local)
    return disclosure


# ------------------------------------------------------------------------------ narrative

_FOLIO_RE = re.compile(r"^[-—–−_\s]*(?:第?\d{1,4}页?(?:[/／共]\d{1,4}页?)?)[-—–−_\s]*$")
_HEADING_RE = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]"
    r"|\d{1,2}\s*[、.．](?!\d)|注[:：])"
)
_MARGIN_TOL = 30.0  # points (about three characters): a line ending this close to the
# right margin is wrapped
_INDENT_TOL = 4.0  # points: a continuation starts at the left margin, a paragraph indented


def _extent(line: Line) -> tuple[float, float] | None:
    xs0 = [c.x0 for c in line.cells if c.x0 is not None]
    xs1 = [c.x1 for c in line.cells if c.x1 is not None]
    if not xs0 or not xs1:
        return None
    return min(xs0), max(xs1)


def _join(a: str, b: str) -> str:
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return f"{a} {b}"
    return a + b


def _margins(lines: list[Line]) -> dict[int | None, tuple[float, float]]:
    """Per page, the leftmost start and rightmost end of its lines outside ruled tables."""
    margins: dict[int | None, tuple[float, float]] = {}
    for line in lines:
        extent = _extent(line) if line.table_index is None else None
        if extent is None:
            continue
        left, right = margins.get(line.page, extent)
        margins[line.page] = (min(left, extent[0]), max(right, extent[1]))
    return margins


def narrative_layout(layout: Layout) -> Layout:
    """``layout`` with wrapped paragraph lines joined (for the narrative's claims).

    A plain line that runs to the right margin of its page continues on the next plain line
    when that one starts at the left margin (not indented, not a heading), skipping a page
    number between two pages.  The joined line keeps the first line's page and number.
    Table rows and everything else are kept as they are.
    """
    margins = _margins(layout.lines)

    def wrapped(line: Line) -> bool:
        extent = _extent(line)
        margin = margins.get(line.page)
        return (
            extent is not None
            and margin is not None
            and line.table_index is None
            and extent[1] >= margin[1] - _MARGIN_TOL
            and extent[0] <= margin[0] + _MARGIN_TOL  # not a centred title
            and not _FOLIO_RE.match(line.text)
        )

    def continues(line: Line) -> bool:
        extent = _extent(line)
        margin = margins.get(line.page)
        text = line.text.strip()
        return (
            extent is not None
            and margin is not None
            and line.table_index is None
            and bool(text)
            and extent[0] <= margin[0] + _INDENT_TOL
            and not _HEADING_RE.match(text)
            and not _FOLIO_RE.match(text)
            and printed_number(text) is None
            and match_title(text) is None
        )

    out: list[Line] = []
    lines = layout.lines
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.table_index is not None:
            out.append(line)
            i += 1
            continue
        text = line.text.strip()
        last = line
        j = i + 1
        while wrapped(last) and j < len(lines):
            k = j
            while (
                k < len(lines)
                and lines[k].page != last.page
                and lines[k].table_index is None
                and _FOLIO_RE.match(lines[k].text)
            ):
                k += 1
            if j < len(lines) and _FOLIO_RE.match(lines[j].text) and lines[j].page == last.page:
                k = j + 1  # the page number under the last line of a page
                while k < len(lines) and _FOLIO_RE.match(lines[k].text):
                    k += 1
                if k >= len(lines) or lines[k].page == last.page:
                    break
            if k >= len(lines) or not continues(lines[k]):
                break
            text = _join(text, lines[k].text.strip())
            last = lines[k]
            j = k + 1
        if last is line:
            out.append(line)
        else:
            extent = _extent(line)
            x0 = extent[0] if extent else None
            out.append(
                Line(
                    no=line.no,
                    text=text,
                    cells=[Cell(text, x0, None)],
                    page=line.page,
                    y=line.y,
                )
            )
        i = j
    return Layout(
        file=layout.file,
        lines=out,
        pages=layout.pages,
        warnings=layout.warnings,
        format=layout.format,
    )


# ------------------------------------------------------------------------------ prose
# Sections and the 名词解释 of every PDF (national or Shanghai) are read from its prose.

_FIGURE_RE = re.compile(r"^图\s*(?:[0-9０-９]{1,2}(?:[-－.．][0-9０-９]{1,2})?)?\s*[:：]")
_PART_LINE_RE = re.compile(r"^第\s*[一二三四五六七八九十\d]+\s*部分")
_NUMERIC_CELL_RE = re.compile(r"^[-−+]?[\d,，.．]+%?$")
_NUMBER_CELL_RE = re.compile(
    r"^(?:第\s*[一二三四五六七八九十\d]+\s*部分|[一二三四五六七八九十]+\s*[、.．]"
    r"|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d{1,2}\s*[、.．])$"
)
_EDGE_BAND = 0.1  # share of the page height at top and bottom where running heads sit
_RUNNING_PAGES = 3  # a running head repeats on at least this many pages
_MAX_FURNITURE_CHARS = 40
_CAPTION_CHARS = 40
_TITLE_TAIL_CHARS = 12  # a part title wrapped onto a second, centred line (… 决算情况 / 说明)
_TITLE_GAP = 48.0  # points between the two lines of a wrapped part title, at most
_CENTRE_TOL = 30.0
_WRAP_CHARS = 4.0  # characters short of the right margin a wrapped line may end (a number
# or a bracket that does not fit is moved to the next line whole, ``）。`` never starts one)
_INDENT_CHARS = 3.0  # a paragraph's first line is indented by two characters


def _char_width(line: Line, extent: tuple[float, float]) -> float:
    """Average width of a full-width character on ``line`` (ASCII counts half)."""
    text = "".join(line.text.split())
    units = sum(1.0 if ord(ch) >= 0x2E80 else 0.55 for ch in text)
    return (extent[1] - extent[0]) / units if units else 0.0


@dataclass(frozen=True)
class ProseLines:
    """The prose of a PDF as a text export prints it, and where each line came from.

    ``lines`` are numbered 1…n; ``origin[n]`` is (page, first line, last line) of the
    printed lines that line ``n`` joins (line numbers on the page, as in PDF provenance).
    """

    lines: list[Line]
    origin: dict[int, tuple[int | None, int, int]]


def _edge(line: Line, heights: dict[int | None, float]) -> bool:
    height = heights.get(line.page)
    if height is None or line.y is None:
        return False
    return line.y <= height * _EDGE_BAND or line.y >= height * (1 - _EDGE_BAND)


def _furniture(lines: list[Line], heights: dict[int | None, float]) -> set[int]:
    """Indexes of page furniture: page numbers, running heads and feet, figure captions."""
    drop: set[int] = set()
    by_page: dict[int | None, list[int]] = {}
    for i, line in enumerate(lines):
        if line.table_index is None and line.text.strip():
            by_page.setdefault(line.page, []).append(i)
    repeated: dict[str, list[int]] = {}
    for indexes in by_page.values():
        ends = {indexes[0], indexes[-1]}
        for i in indexes:
            line = lines[i]
            text = line.text.strip()
            edge = _edge(line, heights)
            if not edge and i not in ends:
                continue
            if _FOLIO_RE.match(text):
                drop.add(i)
                continue
            key = norm(text)
            if (
                edge
                and len(key) <= _MAX_FURNITURE_CHARS
                and printed_number(text) is None
                and match_title(text) is None
                and not _HEADING_RE.match(key)
                and not _PART_LINE_RE.match(key)
            ):
                repeated.setdefault(re.sub(r"\d+", "#", key), []).append(i)
    for indexes in repeated.values():
        if len({lines[i].page for i in indexes}) >= _RUNNING_PAGES:
            drop.update(indexes)
    for i, line in enumerate(lines):
        text = line.text.strip()
        if (
            line.table_index is None
            and len(norm(text)) <= _CAPTION_CHARS
            and _FIGURE_RE.match(nfkc(text))
        ):
            drop.add(i)
    return drop


def _plain_parts(line: Line) -> list[str] | None:
    """A line outside ruled tables as the text lines an export prints for it, or ``None``
    when it is a row of an unruled table (a cell after the first is a number).

    A line split at wide gaps is one line per part (``部门（单位）：…  2024年度  金额单位：
    万元``), unless the first part is only a heading's number (``第一部分  …概况``,
    ``1.  因公出国…``), which is joined to the rest by a space.
    """
    cells = [c.text.strip() for c in line.cells if c.text.strip()]
    if len(cells) <= 1:
        return [line.text.strip()]
    if any(_NUMERIC_CELL_RE.match(nfkc(c)) for c in cells[1:]):
        return None
    if _NUMBER_CELL_RE.match(nfkc(cells[0])):
        return [" ".join(cells)]
    return cells


def prose_lines(layout: Layout) -> ProseLines:
    """The lines sections and the 名词解释 are read from, as a text export prints them.

    Page furniture (page numbers, running heads, figure captions) is dropped, and so are
    the rows of ruled tables; a row of an unruled table stays one line of several cells.
    Wrapped lines are joined: a paragraph line running to the right margin continues on
    the next line starting at the left margin (also across a page break), and a centred
    part title continues on a short centred line under it (``第三部分 …决算情况`` /
    ``说明``).  A table's printed number (公开01表) printed above its title comes after it,
    as in the exports.
    """
    heights: dict[int | None, float] = {p.number: p.height for p in layout.pages if p.height}
    drop = _furniture(layout.lines, heights)
    kept = [line for i, line in enumerate(layout.lines) if i not in drop]
    margins = _margins(kept)

    def plain(line: Line) -> str | None:
        """The text of a single paragraph line, else ``None``."""
        parts = _plain_parts(line) if line.table_index is None else None
        return parts[0] if parts is not None and len(parts) == 1 else None

    def starts_line(text: str) -> bool:
        key = nfkc(text)
        return bool(
            _HEADING_RE.match(key)
            or _PART_LINE_RE.match(key)
            or printed_number(text) is not None
            or match_title(text) is not None
        )

    def continues(last: Line, nxt: Line) -> bool:
        """``nxt`` continues the paragraph line ``last`` (which ran to the right margin)."""
        extent, after = _extent(last), _extent(nxt)
        margin, margin_next = margins.get(last.page), margins.get(nxt.page)
        text = plain(nxt)
        if extent is None or after is None or margin is None or margin_next is None:
            return False
        if not text or starts_line(text):
            return False
        if nxt.page != last.page and (
            last.page is None or nxt.page is None or nxt.page != last.page + 1
        ):
            return False
        width = _char_width(last, extent)
        return (
            extent[1] >= margin[1] - max(_MARGIN_TOL, _WRAP_CHARS * width)
            # indented by a few characters at most: not a centred title
            and extent[0] <= margin[0] + max(_MARGIN_TOL, _INDENT_CHARS * width)
            and after[0] <= margin_next[0] + _INDENT_TOL
        )

    def title_tail(first: Line, nxt: Line) -> bool:
        """``nxt`` is the centred second line of the part title ``first``."""
        extent, after = _extent(first), _extent(nxt)
        margin = margins.get(first.page)
        text = plain(nxt)
        if extent is None or after is None or margin is None or not text:
            return False
        return (
            nxt.page == first.page
            and first.y is not None
            and nxt.y is not None
            and 0 < first.y - nxt.y <= _TITLE_GAP
            and len(norm(text)) <= _TITLE_TAIL_CHARS
            and not starts_line(text)
            and after[0] > margin[0] + _INDENT_TOL
            and abs((after[0] + after[1]) / 2 - (extent[0] + extent[1]) / 2) <= _CENTRE_TOL
        )

    out: list[Line] = []
    origin: dict[int, tuple[int | None, int, int]] = {}
    i = 0
    while i < len(kept):
        line = kept[i]
        i += 1
        if line.table_index is not None:
            continue
        parts = _plain_parts(line)
        no = len(out) + 1
        if parts is None:  # a row of an unruled table
            out.append(
                Line(no=no, text=line.text, cells=list(line.cells), page=line.page, y=line.y)
            )
            origin[no] = (line.page, line.no, line.no)
            continue
        if len(parts) > 1:
            for part, cell in zip(parts, [c for c in line.cells if c.text.strip()], strict=True):
                no = len(out) + 1
                out.append(Line(no=no, text=part, cells=[cell], page=line.page, y=line.y))
                origin[no] = (line.page, line.no, line.no)
            continue
        text = parts[0]
        if not text:
            continue
        last = line
        if _PART_LINE_RE.match(nfkc(text)) and i < len(kept) and title_tail(line, kept[i]):
            text = _join(text, (plain(kept[i]) or "").strip())
            last = kept[i]
            i += 1
        while i < len(kept) and continues(last, kept[i]):
            text = _join(text, (plain(kept[i]) or "").strip())
            last = kept[i]
            i += 1
        start, end = _extent(line), _extent(last)
        cell = Cell(text, start[0] if start else None, end[1] if end else None)
        joined = Line(no=no, text=text, cells=[cell], page=line.page, y=line.y)
        source = (line.page, line.no, last.no)
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.page == joined.page
            and printed_number(previous.text) is not None
            and match_title(text) is not None
        ):  # 公开01表 above 收入支出决算总表: the title first, as the exports print it
            joined.no, previous.no = previous.no, no
            out[-1:] = [joined, previous]
            origin[no], origin[joined.no] = origin[joined.no], source
            continue
        out.append(joined)
        origin[no] = source
    return ProseLines(out, origin)


def pdf_sections(
    layout: Layout, prose: ProseLines | None = None
) -> tuple[list[Section], dict[str, str]]:
    """Sections and the 名词解释 glossary of a PDF, read from its :func:`prose_lines`.

    Section line numbers are line numbers on the page (as in PDF provenance): the
    heading's line and the last printed line of the section.
    """
    prose = prose if prose is not None else prose_lines(layout)
    toc = find_toc(prose.lines)
    sections = find_sections(prose.lines, toc, tables_title=True)
    glossary = find_glossary(prose.lines, sections)
    for section in sections:
        if section.line_start in prose.origin:
            section.page, section.line_start, _ = prose.origin[section.line_start]
        if section.line_end in prose.origin:
            section.page_end, _, section.line_end = prose.origin[section.line_end]
    return sections, glossary


def pdf_titles_and_mentions(
    prose: ProseLines, file: str, unit_name: str
) -> tuple[list[Section], list[Prov]]:
    """Title lines and the places the unit's name is printed, read from the prose (a name
    wrapped over two printed lines is read whole), located by page and line on the page."""
    titles = scan_titles(prose.lines, file)
    for title in titles:
        if title.line_start in prose.origin:
            page, first, last = prose.origin[title.line_start]
            title.page = title.page_end = page
            title.line_start, title.line_end = first, last
    mentions = []
    for mention in scan_unit_mentions(prose.lines, file, unit_name):
        where = prose.origin.get(mention.line) if mention.line is not None else None
        if where is not None:
            mention = mention._replace(page=where[0], line=where[1])
        mentions.append(mention)
    return titles, mentions


__all__ = [
    "ProseLines",
    "extract_national",
    "is_national",
    "narrative_layout",
    "national_lines",
    "pdf_sections",
    "pdf_titles_and_mentions",
    "prose_lines",
]
