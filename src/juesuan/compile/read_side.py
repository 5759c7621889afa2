"""Read 公开01 and 公开04: an income side and an expense side printed side by side."""

from __future__ import annotations

from dataclasses import dataclass, field

from juesuan.compile import standard
from juesuan.compile.cells import CellError, cell_int, norm
from juesuan.compile.grid import Ctx, Sheet
from juesuan.compile.layout import ITEM_HEADER, LINE_HEADER
from juesuan.compile.tablecommon import (
    HEADER_SCAN_ROWS,
    first_text,
    is_note_row,
    is_skip_label,
    match_columns,
    new_table,
    report_columns,
    strip_numbering,
)
from juesuan.model.figure import Num
from juesuan.model.spec import FUND_KINDS, TableSpec
from juesuan.model.tables import Row, Side, Table

SPLIT_PARENTS = ("年初财政拨款结转和结余", "年末财政拨款结转和结余")
ALIASES = {
    "年初结转和结余": "年初财政拨款结转和结余",
    "年末结转和结余": "年末财政拨款结转和结余",
    "收入总计": "总计",
    "支出总计": "总计",
    "使用非财政拨款结余": "使用非财政拨款结余（含专用结余）",
}


def _variants(label: str) -> set[str]:
    key = norm(label)
    out = {key, key.removesuffix("收入"), key.replace("国有资本经营预算", "国有资本经营")}
    out |= {v.removesuffix("收入") for v in list(out)}
    return out


@dataclass
class _Resolver:
    """Label → row key for one side of 01/04; fund-kind rows after 年初/年末 are its split."""

    spec: TableSpec
    side: Side
    year: int | None
    labels: dict[str, str] = field(default_factory=dict)
    classes: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    parent: str | None = None

    def __post_init__(self) -> None:
        keys = [f.key for f in self.spec.fixed_rows if f.side == self.side and "/" not in f.key]
        for key in keys:
            for variant in _variants(key):
                self.labels.setdefault(variant, key)
        for alias, key in ALIASES.items():
            if key in keys:
                self.labels.setdefault(norm(alias), key)
        if self.side == "支出":
            year = self.year or 0
            for code, name in standard.function_classes(year):
                self.classes[norm(name)] = (name, code or standard.class_code(name, self.year))

    def resolve(self, label: str) -> tuple[str, str | None, bool]:
        """(key, code, known) for a printed label."""
        clean = strip_numbering(norm(label))
        if clean in self.classes:
            name, code = self.classes[clean]
            return name, code, True
        key = self.labels.get(clean)
        fund = next((k for k in FUND_KINDS if clean in _variants(k)), None)
        if self.parent is not None and fund is not None and (key is None or key == fund):
            split = f"{self.parent}/{fund}"
            if any(f.key == split for f in self.spec.fixed_rows):
                return split, None, True
        if key is not None:
            self.parent = key if key in SPLIT_PARENTS else None
            return key, None, True
        return strip_numbering(label.strip()), None, False


@dataclass(frozen=True)
class _SideCols:
    side: Side
    item_col: int
    line_col: int | None
    columns: dict[str, int]


def _side_columns(
    ctx: Ctx,
    sheet: Sheet,
    spec: TableSpec,
    header_row: int,
    side: Side,
    start: int,
    end: int,
    headers: dict[str, str],
) -> _SideCols:
    line_col = sheet.find_in_row(header_row, (LINE_HEADER,), start + 1)
    if line_col is not None and line_col >= end:
        line_col = None
    found: dict[int, list[str]] = {}
    for c in range(start + 1, end):
        key = sheet.key(header_row, c, merged=True)
        if c != line_col and key:
            found[c] = [key]
    spec_cols = spec.income_columns if side == "收入" and spec.income_columns else spec.columns
    columns, missing = match_columns(spec_cols, found)
    report_columns(ctx, sheet, header_row, found, columns, missing)
    for key, c in columns.items():
        headers.setdefault(key, sheet.text(header_row, c, merged=True))
    return _SideCols(side, start, line_col, columns)


def _line_no(sheet: Sheet, r: int, col: int | None) -> int | None:
    if col is None:
        return None
    try:
        return cell_int(sheet.value(r, col))
    except CellError:
        return None


def read_side_table(ctx: Ctx, sheet: Sheet, spec: TableSpec) -> Table | None:
    header_row = None
    item_cols: list[int] = []
    for r in range(1, min(sheet.max_row, HEADER_SCAN_ROWS) + 1):
        item_cols = [c for c, k in enumerate(sheet.row_keys(r), start=1) if k == ITEM_HEADER]
        if len(item_cols) >= 2:
            header_row = r
            break
    if header_row is None:
        ctx.problem(sheet, 0, 0, "找不到表头“项目”（收入、支出两侧各一个）")
        return None
    headers: dict[str, str] = {}
    sides = [
        _side_columns(ctx, sheet, spec, header_row, "收入", item_cols[0], item_cols[1], headers),
        _side_columns(
            ctx,
            sheet,
            spec,
            header_row,
            "支出",
            item_cols[1],
            item_cols[2] if len(item_cols) > 2 else sheet.max_col + 1,
            headers,
        ),
    ]
    resolvers = {s.side: _Resolver(spec, s.side, ctx.year) for s in sides}
    seen: dict[tuple[Side, str], str] = {}
    rows: dict[Side, list[Row]] = {"收入": [], "支出": []}
    notes: list[str] = []
    for r in range(header_row + 1, sheet.max_row + 1):
        text = first_text(sheet, r)
        if not text:
            continue
        if is_note_row(sheet, r, text):
            notes.append(text)
            continue
        for side in sides:
            row = _side_row(ctx, sheet, spec, r, side, resolvers[side.side], seen)
            if row is not None:
                rows[side.side].append(row)
    return new_table(ctx, sheet, spec, header_row, rows["收入"] + rows["支出"], headers, notes)


def _side_row(
    ctx: Ctx,
    sheet: Sheet,
    spec: TableSpec,
    r: int,
    side: _SideCols,
    resolver: _Resolver,
    seen: dict[tuple[Side, str], str],
) -> Row | None:
    label = sheet.text(r, side.item_col)
    if is_skip_label(label):
        return None
    key, code, known = resolver.resolve(label) if label else ("", None, False)
    values: dict[str, Num] = {}
    for column, c in side.columns.items():
        num = ctx.num(sheet, r, c, table=spec.id, row=key or None, code=code, column=column)
        if num is not None:
            values[column] = num
    if not label:
        if values:
            ctx.problem(sheet, r, side.item_col, f"{side.side}一侧这一行有数字，但没有项目名称")
        return None
    cell = sheet.ws.cell(r, side.item_col).coordinate
    if (side.side, key) in seen:
        ctx.problem(
            sheet,
            r,
            side.item_col,
            f'{side.side}项目重复: "{key}"（已出现在 {seen[(side.side, key)]}）',
        )
        return None
    seen[(side.side, key)] = cell
    if not known:
        ctx.notice(sheet, r, side.item_col, f"未识别的{side.side}项目“{label}”，已按原文读取")
    canonical = key.split("/")[-1]
    printed = label if label != canonical else None
    return Row(
        key=key,
        label=canonical,
        code=code,
        side=side.side,
        line_no=_line_no(sheet, r, side.line_col),
        printed_label=printed,
        values=values,
        prov=ctx.prov(sheet, r, side.item_col, table=spec.id, row=key, code=code),
    )
