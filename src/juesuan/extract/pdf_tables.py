"""The nine tables of a PDF disclosure, from a positioned :class:`Layout` (``read_pdf``).

Tables are found by their **titles** (never by the printed number, which is kept in
``Table.printed_no`` from the title or the table of contents); Shanghai prints 三公 as its
table 七, which is the national 09.  Within a table, header cells are recognised by their
vocabulary and position: label headers (项目, 科目编码, 科目名称, 类/款/项) span the label
area, value headers (决算数, 本年收入合计, 基本支出 …) give the value columns, their printed
paths (``预算数`` under ``小计`` under ``公务用车购置及运行费`` …) are mapped to the spec's
column keys.  Data cells are assigned to columns by horizontal position, so blank cells
need no placeholder.  A table split across pages is one table; a page's own header, if
repeated, replaces the columns for that page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from juesuan.errors import JuesuanError
from juesuan.extract import pdf_vocab as vocab
from juesuan.extract.pdf_national import extract_national, is_national, narrative_layout
from juesuan.model.disclosure import Disclosure
from juesuan.model.figure import Num
from juesuan.model.finding import Notice
from juesuan.model.meta import Meta, Scope, Template
from juesuan.model.numbers import NotANumberError, parse_printed
from juesuan.model.provenance import Prov
from juesuan.model.spec import SPECS
from juesuan.model.tables import Row, Side, Table, TableId
from juesuan.read.layout import Cell, Layout, Line

_UNIT_RE = re.compile(r"^单位[:：]\s*(万元|元)")
_NOTE_RE = re.compile(r"^(注|说明|备注)\s*[0-9一二三四五六七八九十]*\s*[:：]")
_YEAR_RE = re.compile(r"(\d{4})\s*年度?")
_COVER_RE = re.compile(r"^(?P<name>.*?)\s*(?P<year>(19|20)\d{2})\s*年度?\s*部门决算\s*$")
_PART_ONE_RE = re.compile(r"^第一部分(.+?)(?:部门)?概况$")
_PART_RE = re.compile(r"^第[一二三四五六七八九十]+部分")
_CODE_RE = re.compile(r"^\d{2,7}$")
_PLACEHOLDER_RE = re.compile(r"^[.。…·\s]+$")
_FUNCTION_LENGTHS = (3, 5, 7)
_ECONOMIC_LENGTHS = (3, 5)


# ------------------------------------------------------------------------------ public


def extract_pdf(layout: Layout) -> Disclosure:
    """Build a :class:`Disclosure` (template ``shanghai`` or ``national``) from a PDF layout.

    A national-template PDF (公开NN表 captions) goes through the text-side table parsers
    (:mod:`juesuan.extract.pdf_national`); other PDFs are read by position.
    """
    if is_national(layout):
        try:
            fallback: Meta | None = _meta(layout, {})
        except JuesuanError:
            fallback = None
        national = extract_national(layout, fallback)
        if national is not None:
            return national
    notices: list[Notice] = [
        Notice(message=w, location=Prov(file=Path(layout.file).name)) for w in layout.warnings
    ]
    found = _find_titles(layout.lines)
    tables: dict[TableId, Table] = {}
    order: list[TableId] = []
    for i, (tid, start, printed_no) in enumerate(found):
        end = found[i + 1][1] if i + 1 < len(found) else _part_end(layout.lines, start)
        if tid in tables:
            notices.append(
                Notice(
                    message=f"公开{tid}表重复出现，只取第一张",
                    location=_prov(layout, layout.lines[start], tid),
                )
            )
            continue
        builder = _TableBuilder(layout, tid, layout.lines[start], layout.lines[start + 1 : end])
        builder.table.printed_no = printed_no
        tables[tid] = builder.build()
        notices.extend(builder.notices)
        order.append(tid)
    if not tables:
        raise JuesuanError("未在PDF中找到部门决算表（按表名识别）", layout.file)
    meta = _meta(layout, tables)
    template: Template = "shanghai" if _is_shanghai(order) else "national"
    meta.template = template
    return Disclosure(meta=meta, tables=dict(sorted(tables.items())), notices=notices)


def claims_layout(layout: Layout) -> Layout:
    """The layout the narrative's claims are read from: wrapped lines joined (national)."""
    return narrative_layout(layout) if is_national(layout) else layout


# ------------------------------------------------------------------------------ titles


def _find_titles(lines: list[Line]) -> list[tuple[TableId, int, str | None]]:
    """Table titles in document order: (national id, line index, printed number)."""
    toc_numbers: dict[TableId, str] = {}
    out: list[tuple[TableId, int, str | None]] = []
    for i, line in enumerate(lines):
        if line.table_index is not None or len(line.cells) > 1:
            continue
        match = vocab.match_title(line.text)
        if match is None:
            continue
        tid, number = match
        if _is_table_start(lines, i):
            out.append((tid, i, number or toc_numbers.get(tid)))
        elif number is not None:
            toc_numbers.setdefault(tid, number)
    return out


def _is_table_start(lines: list[Line], i: int) -> bool:
    page = lines[i].page
    for line in lines[i + 1 : i + 5]:
        if line.page != page:
            return False
        if _UNIT_RE.match(vocab.key(line.text)) or line.table_index is not None:
            return True
        if vocab.match_title(line.text) is not None:
            return False
    return False


def _part_end(lines: list[Line], start: int) -> int:
    for j in range(start + 1, len(lines)):
        if _PART_RE.match(lines[j].text.strip()):
            return j
    return len(lines)


def _is_shanghai(order: list[TableId]) -> bool:
    """Shanghai prints 三公 (09) before 政府性基金 (07) and 国有资本经营 (08)."""
    pos = {tid: i for i, tid in enumerate(order)}
    return "09" in pos and any(t in pos and pos["09"] < pos[t] for t in ("07", "08"))


# ------------------------------------------------------------------------------ grid


@dataclass
class _Column:
    key: str
    x0: float
    x1: float
    side: Side | None
    block: int
    path: list[str]

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class _Grid:
    label_areas: list[tuple[float, float]] = field(default_factory=list)
    block_starts: list[float] = field(default_factory=list)
    sides: list[tuple[float, float, Side]] = field(default_factory=list)
    columns: list[_Column] = field(default_factory=list)

    def block_of(self, x: float) -> int:
        block = 0
        for i, start in enumerate(self.block_starts):
            if x >= start - 2.0:
                block = i
        return block

    def side_of(self, x: float, block: int) -> Side | None:
        for x0, x1, side in self.sides:
            if x0 - 1.0 <= x <= x1 + 1.0:
                return side
        if len(self.block_starts) == 2:
            return "收入" if block == 0 else "支出"
        return None

    def in_label_area(self, x: float) -> bool:
        return any(a - 1.0 <= x <= b + 1.0 for a, b in self.label_areas)

    def column_at(self, x: float, block: int) -> _Column | None:
        inside = [c for c in self.columns if c.block == block and c.x0 - 1.0 <= x <= c.x1 + 1.0]
        if inside:
            return min(inside, key=lambda c: c.x1 - c.x0)
        near = [c for c in self.columns if c.block == block]
        if not near:
            return None
        best = min(near, key=lambda c: abs(c.center - x))
        width = best.x1 - best.x0
        return best if abs(best.center - x) <= max(8.0, 0.75 * width) else None


def _center(cell: Cell) -> float:
    return ((cell.x0 or 0.0) + (cell.x1 if cell.x1 is not None else cell.x0 or 0.0)) / 2


def _build_grid(tid: TableId, lines: list[Line]) -> _Grid | None:
    """Columns from the header cells of ``lines`` (one page of one table)."""
    label_cells: list[Cell] = []
    side_cells: list[tuple[Cell, Side]] = []
    for line in lines:
        for cell in line.cells:
            k = vocab.key(cell.text)
            if vocab.is_label_header(cell.text):
                label_cells.append(cell)
            elif k in vocab.SIDE_TERMS:
                side_cells.append((cell, vocab.SIDE_TERMS[k]))
    if not label_cells and tid != "09":
        return None
    grid = _Grid()
    spans = sorted(((c.x0 or 0.0), (c.x1 or 0.0)) for c in label_cells)
    for a, b in spans:
        if grid.label_areas and a <= grid.label_areas[-1][1] + 2.0:
            prev = grid.label_areas[-1]
            grid.label_areas[-1] = (prev[0], max(prev[1], b))
        else:
            grid.label_areas.append((a, b))
    grid.block_starts = [a for a, _ in grid.label_areas] or [0.0]
    grid.sides = [((c.x0 or 0.0), (c.x1 or 0.0), side) for c, side in side_cells]
    # value header cells: known vocabulary outside the label areas, with their line order
    headers: list[tuple[int, Cell]] = []
    for order, line in enumerate(lines):
        for cell in line.cells:
            if vocab.is_value_header(cell.text) and not grid.in_label_area(_center(cell)):
                headers.append((order, cell))
    for order, cell in headers:
        x = _center(cell)
        below = [
            other
            for o2, other in headers
            if o2 > order and (cell.x0 or 0.0) - 1.0 <= _center(other) <= (cell.x1 or 0.0) + 1.0
        ]
        if below:
            continue
        path = [
            other.text
            for o2, other in sorted(headers, key=lambda h: h[0])
            if o2 < order and (other.x0 or 0.0) - 1.0 <= x <= (other.x1 or 0.0) + 1.0
        ] + [cell.text]
        block = grid.block_of(x)
        side = grid.side_of(x, block) if tid in ("01", "04") else None
        col_key = vocab.column_key(tid, side, path)
        if col_key is None:
            continue
        grid.columns.append(_Column(col_key, cell.x0 or 0.0, cell.x1 or 0.0, side, block, path))
    return grid


# ------------------------------------------------------------------------------ rows


class _TableBuilder:
    def __init__(self, layout: Layout, tid: TableId, title: Line, lines: list[Line]) -> None:
        self.layout = layout
        self.tid = tid
        self.lines = lines
        self.notices: list[Notice] = []
        self.table = Table(id=tid, title=title.text.strip(), prov=_prov(layout, title, tid))
        self.after_opening: dict[Side | None, str] = {}
        self.blocks: dict[str, int] = {}

    def build(self) -> Table:
        ruled = any(line.table_index is not None for line in self.lines)
        body: list[Line] = []
        for line in self.lines:
            text = vocab.key(line.text)
            unit = _UNIT_RE.match(text)
            if unit:
                if self.table.unit is None:
                    self.table.unit = unit.group(1)  # type: ignore[assignment]
                continue
            if _NOTE_RE.match(text):
                self.table.notes.append(line.text.strip())
                continue
            if ruled and line.table_index is None:
                continue  # page numbers, captions and other text around the ruled table
            body.append(line)
        grid: _Grid | None = None
        for page_lines in _by_page(body):
            page_grid = _build_grid(self.tid, page_lines)
            if page_grid is not None and page_grid.columns:
                grid = page_grid
                for col in grid.columns:
                    header = "/".join(p.strip() for p in col.path)
                    self.table.headers.setdefault(col.key, header)
            elif page_grid is not None and grid is None:
                grid = page_grid
            if grid is None:
                continue
            for line in page_lines:
                self._row_line(line, grid)
        if self.tid in ("01", "04"):
            rank = {"收入": 0, "支出": 1}
            self.table.rows.sort(key=lambda r: rank.get(r.side or "", 2))
        elif self.tid == "06":
            blocks = self.blocks
            self.table.rows.sort(key=lambda r: (r.code is None, blocks.get(r.key, 0)))
        return self.table

    # one printed line → one row per block
    def _row_line(self, line: Line, grid: _Grid) -> None:
        blocks: dict[int, list[Cell]] = {}
        for cell in line.cells:
            if not cell.text.strip():
                continue
            blocks.setdefault(grid.block_of(_center(cell)), []).append(cell)
        for block, cells in sorted(blocks.items()):
            self._row_block(line, grid, block, cells)

    def _row_block(self, line: Line, grid: _Grid, block: int, cells: list[Cell]) -> None:
        tid = self.tid
        codes: list[str] = []
        labels: list[str] = []
        values: list[tuple[Cell, _Column]] = []
        header_only = True
        for cell in cells:
            text = cell.text.strip()
            x = _center(cell)
            if vocab.key(text) in vocab.SIDE_TERMS:
                continue
            if grid.in_label_area(x):
                if vocab.is_label_header(text):
                    continue
                header_only = False
                compact = re.sub(r"\s+", "", text)
                if _CODE_RE.match(compact):
                    codes.append(compact)
                elif not _PLACEHOLDER_RE.match(text):
                    labels.append(text)
                continue
            if vocab.is_value_header(text):
                continue
            header_only = False
            column = grid.column_at(x, block)
            if column is None:
                if _looks_numeric(text):
                    self._notice(f"数值“{text}”无法对应到表头列，已忽略", line)
                continue
            values.append((cell, column))
        if header_only or (not codes and not labels and not values):
            return
        side = grid.side_of(_center(cells[0]), block) if tid in ("01", "04") else None
        printed_label = " ".join(labels).strip()
        code = "".join(codes) if codes else None
        row = self._make_row(line, side, code, printed_label)
        if row is None:
            return
        for cell, column in values:
            self._put_value(row, line, cell, column)
        if self.table.find(row.key, side) is not None:
            existing = self.table.find(row.key, side)
            assert existing is not None
            if not existing.values and row.values:
                self.table.rows.remove(existing)
            else:
                self._notice(f"行“{row.key}”重复出现，后一行已忽略", line)
                return
        self.table.rows.append(row)
        self.blocks[row.key] = block

    def _make_row(
        self, line: Line, side: Side | None, code: str | None, printed: str
    ) -> Row | None:
        tid = self.tid
        label = _clean_label(printed)
        prov = _prov(self.layout, line, tid, row=label or None, code=code)
        coded = SPECS[tid].coded
        if code is not None:
            lengths = _ECONOMIC_LENGTHS if coded == "economic" else _FUNCTION_LENGTHS
            if len(code) not in lengths:
                self._notice(f"科目编码“{code}”位数不对", line)
            return Row(
                key=code,
                label=label,
                code=code,
                side=side,
                printed_label=printed or None,
                prov=prov,
            )
        if not label:
            if tid == "09":
                return Row(key="三公经费", label="“三公”经费", side=None, prov=prov)
            if printed == "":
                return None
        if tid in ("01", "04", "06"):
            fixed = vocab.fixed_row_key(tid, side, label)
            kind = vocab.fund_kind(label) if tid == "04" else None
            opening = self.after_opening.get(side)
            if kind is not None and opening is not None:
                fixed = f"{opening}/{kind}"
            if fixed is not None:
                if fixed in ("年初财政拨款结转和结余", "年末财政拨款结转和结余"):
                    self.after_opening[side] = fixed
                return Row(key=fixed, label=label, side=side, printed_label=printed, prov=prov)
            if side == "支出" or tid == "06":
                class_code = vocab.expense_classes().get(vocab.key(label))
                if class_code is not None:
                    return Row(
                        key=class_code,
                        label=label,
                        code=class_code,
                        side=side,
                        printed_label=printed,
                        prov=prov,
                    )
        canonical = vocab.key(label)
        if canonical in ("合计", "总计"):
            return Row(key=canonical, label=canonical, side=side, printed_label=printed, prov=prov)
        self._notice(f"未识别的行“{printed}”，按原文保留", line)
        return Row(key=label, label=label, side=side, printed_label=printed, prov=prov)

    def _put_value(self, row: Row, line: Line, cell: Cell, column: _Column) -> None:
        text = cell.text.strip()
        try:
            printed = parse_printed(text)
        except NotANumberError:
            self._notice(f"“{row.key}”行“{column.key}”列不是数字：“{text}”", line)
            return
        if not printed.is_number or printed.value is None:
            return
        if column.key in row.values:
            self._notice(f"“{row.key}”行“{column.key}”列有两个数值，后一个已忽略", line)
            return
        prov = _prov(
            self.layout, line, self.tid, row=row.label or row.key, code=row.code, column=column.key
        )
        raw = None if printed.canonical else text  # printed.raw is text
        row.values[column.key] = Num(
            value=printed.value, decimals=printed.decimals, raw=raw, prov=prov
        )

    def _notice(self, message: str, line: Line) -> None:
        self.notices.append(
            Notice(
                message=f"公开{self.tid}表：{message}", location=_prov(self.layout, line, self.tid)
            )
        )


def _by_page(lines: list[Line]) -> list[list[Line]]:
    pages: list[list[Line]] = []
    for line in lines:
        if pages and pages[-1][0].page == line.page:
            pages[-1].append(line)
        else:
            pages.append([line])
    return pages


def _clean_label(printed: str) -> str:
    text = re.sub(r"\s+", "", printed)
    return vocab.strip_numbering(text)


def _looks_numeric(text: str) -> bool:
    try:
        return parse_printed(text).is_number
    except NotANumberError:
        return False


def _prov(
    layout: Layout,
    line: Line,
    tid: str,
    *,
    row: str | None = None,
    code: str | None = None,
    column: str | None = None,
) -> Prov:
    return Prov(
        file=Path(layout.file).name,
        page=line.page,
        line=line.no,
        table=tid,
        row=row,
        code=code,
        column=column,
    )


# ------------------------------------------------------------------------------ meta


def _meta(layout: Layout, tables: dict[TableId, Table]) -> Meta:
    name: str | None = None
    year: int | None = None
    early = [ln for ln in layout.lines if (ln.page or 1) <= 2][:12]
    for i, line in enumerate(early):
        text = line.text.strip()
        m = _COVER_RE.match(text)
        if m is None:
            continue
        year = int(m.group("year"))
        prefix = re.sub(r"\s+", "", m.group("name"))
        if prefix:
            name = prefix
        else:  # the name above the year, possibly wrapped over several lines
            above = [ln.text for ln in early[:i] if ln.page == line.page]
            name = re.sub(r"\s+", "", "".join(above[-3:])) or None
        break
    for line in layout.lines[:200]:
        m_part = _PART_ONE_RE.match(re.sub(r"\s+", "", line.text))
        if m_part:
            name = m_part.group(1)
            break
    if year is None:
        for line in layout.lines[:400]:
            if "部门决算" in line.text:
                m2 = _YEAR_RE.search(line.text)
                if m2:
                    year = int(m2.group(1))
                    break
    if year is None:
        raise JuesuanError("未能从PDF中识别决算年度（如“2024年度部门决算”）", layout.file)
    units = {t.unit for t in tables.values() if t.unit}
    amount_unit: Literal["万元", "元"] = "元" if units == {"元"} else "万元"
    region = None
    if name:
        m3 = re.match(r"^(.+?[省市](?:.+?[区县市])?)", name)
        region = m3.group(1) if m3 else None
    return Meta(
        unit_name=name or Path(layout.file).stem,
        fiscal_year=year,
        scope=_scope(layout),
        amount_unit=amount_unit,
        region=region,
        source_file=layout.file,
    )


def _scope(layout: Layout) -> Scope:
    """汇总 when 决算单位构成 lists more than one separately accounted unit, else 本级."""
    inside = False
    best = 0
    count = 0
    for line in layout.lines:
        text = vocab.key(line.text)
        if "决算单位构成" in text or "机构设置" in text:
            inside, count = True, 0
            continue
        if not inside:
            continue
        if _PART_RE.match(text) or vocab.match_title(line.text) is not None:
            inside = False
            continue
        first = line.cells[0].text.strip() if line.cells else ""
        if len(line.cells) > 1 and first.isdigit() and "并入本级" not in text:
            count += 1
            best = max(best, count)
    return "汇总" if best > 1 else "本级"


__all__ = ["claims_layout", "extract_pdf"]
