"""The nine tables in their standard layout as a grid, for reports (HTML view, XLSX export).

A :class:`TableGrid` has multi-level headers (from :data:`juesuan.model.spec.SPECS`, levels
split on "/") and body cells that keep the model row, column key and figure they show, so
that findings can be matched to cells (:func:`locate`).  公开01/04 are laid out side by
side: 收入 on the left, 支出 on the right, with 本年收入合计/本年支出合计 on the same line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from juesuan.model.figure import Num
from juesuan.model.normal import compact
from juesuan.model.provenance import Prov
from juesuan.model.spec import SPECS, TableSpec
from juesuan.model.tables import Row, Side, Table

CellKind = Literal["code", "label", "value", "empty"]


@dataclass(frozen=True)
class GridColumn:
    path: tuple[str, ...]
    kind: CellKind
    key: str | None = None
    side: Side | None = None


@dataclass
class GridCell:
    kind: CellKind
    text: str = ""
    num: Num | None = None
    row: Row | None = None
    column: str | None = None
    indent: int = 0

    @property
    def value(self) -> Decimal | None:
        return self.num.value if self.num is not None else None


@dataclass(frozen=True)
class HeaderCell:
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass
class TableGrid:
    table: Table
    columns: list[GridColumn]
    body: list[list[GridCell]] = field(default_factory=list)

    @property
    def spec(self) -> TableSpec:
        return SPECS[self.table.id]

    @property
    def title(self) -> str:
        return self.table.title or self.spec.title

    @property
    def header_depth(self) -> int:
        return max((len(c.path) for c in self.columns), default=1)

    def header_cells(self) -> list[HeaderCell]:
        return header_cells([c.path for c in self.columns])


def fmt_num(num: Num) -> str:
    """A figure with thousands separators and its printed decimals (``2,619.78``)."""
    decimals = max(num.decimals, 0)
    return f"{num.value:,.{decimals}f}"


def header_cells(paths: list[tuple[str, ...]]) -> list[HeaderCell]:
    """Merge multi-level header paths: equal prefixes span columns, short paths span rows."""
    depth = max((len(p) for p in paths), default=1)
    cells: list[HeaderCell] = []
    for level in range(depth):
        col = 0
        while col < len(paths):
            path = paths[col]
            if level >= len(path):
                col += 1
                continue
            last = level == len(path) - 1
            span = 1
            if not last:
                while (
                    col + span < len(paths)
                    and len(paths[col + span]) > level + 1
                    and paths[col + span][: level + 1] == path[: level + 1]
                ):
                    span += 1
            rowspan = depth - level if last else 1
            cells.append(HeaderCell(path[level], level, col, rowspan, span))
            col += span
    return cells


def _path(header: str) -> tuple[str, ...]:
    return tuple(p for p in header.split("/") if p)


def _value_columns(spec: TableSpec, table: Table, side: Side | None) -> list[tuple[str, str]]:
    """(key, standard header) of the value columns, spec order, then any extra keys."""
    cols = spec.income_columns if side == "收入" and spec.income_columns else spec.columns
    out = [(c.key, c.header) for c in cols]
    known = {k for k, _ in out}
    for row in table.rows:
        if side is not None and row.side != side:
            continue
        for key in row.values:
            if key not in known:
                known.add(key)
                out.append((key, key))
    return out


def _label(row: Row) -> str:
    return row.label or row.printed_label or row.key


def _code_indent(row: Row) -> int:
    if row.code:
        return {3: 0, 5: 1, 7: 2}.get(len(row.code), 0)
    return 0


def _value_cell(row: Row, key: str) -> GridCell:
    num = row.values.get(key)
    return GridCell("value", fmt_num(num) if num is not None else "", num=num, row=row, column=key)


def build_grid(table: Table) -> TableGrid:
    """The standard layout of one table."""
    spec = SPECS[table.id]
    if table.id in ("01", "04"):
        return _sides_grid(spec, table)
    columns: list[GridColumn] = []
    if spec.coded:
        columns += [GridColumn(("科目编码",), "code"), GridColumn(("科目名称",), "label")]
    else:
        columns.append(GridColumn(("项目",), "label"))
    values = _value_columns(spec, table, None)
    columns += [GridColumn(_path(h), "value", key=k) for k, h in values]
    grid = TableGrid(table, columns)
    for row in table.rows:
        line: list[GridCell] = []
        if spec.coded:
            line.append(GridCell("code", row.code or "", row=row))
        indent = _code_indent(row)
        line.append(GridCell("label", _label(row), row=row, indent=indent))
        line += [_value_cell(row, k) for k, _ in values]
        grid.body.append(line)
    return grid


def _split_tail(rows: list[Row]) -> tuple[list[Row], list[Row]]:
    for i, row in enumerate(rows):
        if row.key.startswith("本年") and row.key.endswith("合计"):
            return rows[:i], rows[i:]
    return rows, []


def _sides_grid(spec: TableSpec, table: Table) -> TableGrid:
    sides: dict[Side, list[tuple[str, str]]] = {
        "收入": _value_columns(spec, table, "收入"),
        "支出": _value_columns(spec, table, "支出"),
    }
    columns: list[GridColumn] = []
    for side, values in sides.items():
        columns.append(GridColumn((side, "项目"), "label", side=side))
        columns += [GridColumn((side, *_path(h)), "value", key=k, side=side) for k, h in values]
    grid = TableGrid(table, columns)
    income = [r for r in table.rows if r.side == "收入"]
    expense = [r for r in table.rows if r.side != "收入"]
    rows_in, tail_in = _split_tail(income)
    rows_ex, tail_ex = _split_tail(expense)
    height = max(len(rows_in), len(rows_ex))
    body_in: list[Row | None] = [*rows_in, *([None] * (height - len(rows_in)))]
    body_ex: list[Row | None] = [*rows_ex, *([None] * (height - len(rows_ex)))]
    tails: list[list[Row | None]] = [list(tail_in), list(tail_ex)]
    longest = max(len(t) for t in tails)
    for tail in tails:
        while len(tail) < longest:
            tail.insert(max(len(tail) - 1, 0), None)
    left: list[Row | None] = [*body_in, *tails[0]]
    right: list[Row | None] = [*body_ex, *tails[1]]
    for row_in, row_ex in zip(left, right, strict=True):
        line: list[GridCell] = []
        for row, values in ((row_in, sides["收入"]), (row_ex, sides["支出"])):
            if row is None:
                line.append(GridCell("empty"))
                line += [GridCell("empty") for _ in values]
                continue
            line.append(GridCell("label", _label(row), row=row, indent=1 if "/" in row.key else 0))
            line += [_value_cell(row, k) for k, _ in values]
        grid.body.append(line)
    return grid


# --------------------------------------------------------------------------- matching


def _norm(text: str | None) -> str:
    return compact(text or "")


def row_matches(row: Row, prov: Prov) -> bool:
    """Whether a location names this row (by code, else by key or label)."""
    if prov.code:
        return row.code == prov.code
    if not prov.row:
        return False
    wanted = _norm(prov.row)
    return wanted in {_norm(row.key), _norm(row.label), _norm(row.printed_label)}


def cell_matches(table: Table, cell: GridCell, prov: Prov) -> bool:
    """Whether a finding location points at this grid cell (or at its whole row)."""
    row = cell.row
    if row is None or cell.kind == "empty":
        return False
    own = cell.num.prov if cell.num is not None else None
    if prov.cell and prov.sheet and own is not None and own.cell:
        return own.sheet == prov.sheet and own.cell == prov.cell
    if (
        prov.line is not None
        and own is not None
        and own.line is not None
        and (own.page, own.line) != (prov.page, prov.line)
    ):
        return False
    if not row_matches(row, prov):
        return False
    if prov.column is None:
        return True
    if cell.kind != "value" or cell.column is None:
        return False
    key = cell.column
    names = {key, table.headers.get(key)}
    col = SPECS[table.id].column(key)
    if col is not None:
        names.add(col.header)
    if own is not None:
        names.add(own.column)
    wanted = _norm(prov.column)
    return any(wanted == _norm(n) for n in names if n)


def locate(grid: TableGrid, prov: Prov) -> list[tuple[int, int]]:
    """Body coordinates (row, column) of the cells a location points at."""
    if prov.table != grid.table.id:
        return []
    return [
        (r, c)
        for r, line in enumerate(grid.body)
        for c, cell in enumerate(line)
        if cell_matches(grid.table, cell, prov)
    ]
