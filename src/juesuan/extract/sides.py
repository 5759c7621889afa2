"""Tables 01 and 04: income and expense printed side by side (项目 | 行次 | 金额 …)."""

from __future__ import annotations

from dataclasses import dataclass, field

from juesuan.extract.blocks import Block
from juesuan.extract.classes import FUNCTION_CLASSES, class_code
from juesuan.extract.context import Context, cell_text
from juesuan.extract.headers import SIDE_WORDS, ColumnPath, column_paths, find_column, map_columns
from juesuan.extract.norm import clean_label, norm, strip_numbering
from juesuan.extract.rowkit import Parsed, make_row, read_values, record_headers
from juesuan.model.spec import (
    EXPENSE_TOTALS_01,
    FUND_KINDS,
    INCOME_01,
    INCOME_01_TOTALS,
    Column,
    TableSpec,
)
from juesuan.model.tables import Row, Side
from juesuan.read.layout import Line

_SIDES: tuple[Side, Side] = ("收入", "支出")

_FUND_ALIASES = {
    **{norm(k): k for k in FUND_KINDS},
    **{norm(k + "收入"): k for k in FUND_KINDS},
    norm("国有资本经营财政拨款"): "国有资本经营预算财政拨款",
    norm("国有资本经营财政拨款收入"): "国有资本经营预算财政拨款",
}
_INCOME_01 = {norm(k): k for k in (*INCOME_01, *INCOME_01_TOTALS)} | {
    norm("使用非财政拨款结余"): "使用非财政拨款结余（含专用结余）",
    norm("国有资本经营财政拨款收入"): "国有资本经营预算财政拨款收入",
}
_EXPENSE_01 = {norm(k): k for k in EXPENSE_TOTALS_01}
_OPENING = {norm("年初结转和结余"), norm("年初财政拨款结转和结余")}
_CLOSING = {norm("年末结转和结余"), norm("年末财政拨款结转和结余")}
_TOTALS_04 = {
    norm("本年收入合计"): "本年收入合计",
    norm("本年支出合计"): "本年支出合计",
    norm("总计"): "总计",
}


@dataclass
class _SideColumns:
    side: Side
    label: int | None
    line_no: int | None
    mapping: dict[int, Column] = field(default_factory=dict)


@dataclass
class _Keyer:
    """Canonical row keys of one side; remembers the 年初/年末 row whose split follows."""

    table: str
    side: Side
    split_parent: str | None = None

    def key(self, label: str) -> tuple[str, str, str | None, bool]:
        """(key, label, code, known) for a printed label without its numbering."""
        n = norm(label)
        if self.table == "04":
            if n in _OPENING and self.side == "收入":
                self.split_parent = "年初财政拨款结转和结余"
                return self.split_parent, self.split_parent, None, True
            if n in _CLOSING and self.side == "支出":
                self.split_parent = "年末财政拨款结转和结余"
                return self.split_parent, self.split_parent, None, True
            if n in _FUND_ALIASES:
                kind = _FUND_ALIASES[n]
                if self.split_parent:
                    return f"{self.split_parent}/{kind}", kind, None, True
                return kind, kind, None, self.side == "收入"
            if n in _TOTALS_04:
                self.split_parent = None
                return _TOTALS_04[n], _TOTALS_04[n], None, True
        elif self.side == "收入" and n in _INCOME_01:
            return _INCOME_01[n], _INCOME_01[n], None, True
        elif self.side == "支出" and n in _EXPENSE_01:
            return _EXPENSE_01[n], _EXPENSE_01[n], None, True
        if self.side == "支出":
            code = class_code(label)
            if code is not None:
                name = next(k for k, v in FUNCTION_CLASSES.items() if v == code)
                return name, name, code, True
        return label, label, None, False


def _split_sides(paths: list[ColumnPath]) -> list[list[ColumnPath]]:
    sides: dict[str, list[ColumnPath]] = {}
    for p in paths:
        top = p.key_path[0] if p.key_path else ""
        if top in SIDE_WORDS:
            sides.setdefault(top, []).append(p)
    if len(sides) == 2:
        return [sides["收入"], sides["支出"]]
    # No 收入/支出 header: the second 项目 column starts the expense side.
    items = [p.index for p in paths if p.leaf == "项目"]
    if len(items) >= 2:
        return [paths[: items[1]], paths[items[1] :]]
    return []


def parse_sides(block: Block, spec: TableSpec, ctx: Context) -> Parsed | None:
    width = max(len(line.cells) for line in (*block.header_rows, *block.data_rows))
    paths = column_paths(block.header_rows, width)
    groups = _split_sides(paths)
    if not groups:
        return None
    tid = spec.id
    sides: list[_SideColumns] = []
    parsed = Parsed()
    for side, cols in zip(_SIDES, groups, strict=True):
        label = find_column(cols, "项目")
        line_no = find_column(cols, "行次")
        value_cols = [p for p in cols if p.index not in (label, line_no)]
        spec_cols = spec.income_columns if side == "收入" and spec.income_columns else spec.columns
        mapping, unknown = map_columns(value_cols, spec_cols)
        for path in unknown:
            ctx.notice(
                f"公开{tid}表{side}方的表头「{path.printed_path}」无法对应到标准栏目，该列已忽略",
                ctx.prov(block.header_rows[-1] if block.header_rows else None, tid),
            )
        if label is None or not mapping:
            return None
        record_headers(parsed, mapping, paths)
        sides.append(_SideColumns(side, label, line_no, mapping))
    per_side: dict[str, list[Row]] = {"收入": [], "支出": []}
    keyers = {s.side: _Keyer(tid, s.side) for s in sides}
    for line in block.data_rows:
        for cols_of in sides:
            row = _side_row(line, cols_of, keyers[cols_of.side], paths, ctx, tid)
            if row is not None:
                per_side[cols_of.side].append(row)
    for row in (*per_side["收入"], *per_side["支出"]):
        parsed.add(row, ctx)
    return parsed


def _side_row(
    line: Line,
    cols: _SideColumns,
    keyer: _Keyer,
    paths: list[ColumnPath],
    ctx: Context,
    tid: str,
) -> Row | None:
    printed = cell_text(line, cols.label).strip()
    label = clean_label(strip_numbering(printed))
    number_text = norm(cell_text(line, cols.line_no))
    line_no = int(number_text) if number_text.isdigit() else None
    if not label:
        values = read_values(line, cols.mapping, paths, ctx, table=tid, row=None, code=None)
        if values:
            ctx.notice(
                f"公开{tid}表{cols.side}方第{line_no or '?'}行有数值但没有项目名称，已忽略",
                ctx.prov(line, tid),
            )
        return None
    key, canonical, code, known = keyer.key(label)
    if not known:
        ctx.notice(
            f"公开{tid}表{cols.side}方的项目「{label}」不是标准项目", ctx.prov(line, tid, label)
        )
    values = read_values(line, cols.mapping, paths, ctx, table=tid, row=canonical, code=code)
    return make_row(
        ctx,
        line,
        tid,
        key=key,
        label=canonical,
        code=code,
        side=cols.side,
        line_no=line_no,
        printed_label=printed,
        values=values,
    )
