"""Cell constructors and the parts every table view shares (title lines, notes)."""

from __future__ import annotations

from juesuan.model.disclosure import Disclosure
from juesuan.model.figure import Num
from juesuan.model.spec import spec
from juesuan.model.tables import Row, Table
from juesuan.publish.document import Cell, TableView
from juesuan.publish.fmt import cell_money

EMPTY_NOTE = "本部门本年度无此项收支，按要求以空表列示。"

STANDARD_NOTES: dict[str, str] = {
    "01": "本表反映部门本年度的总收支和年末结转结余情况。",
    "02": "本表反映部门本年度取得的各项收入情况。",
    "03": "本表反映部门本年度各项支出情况。",
    "04": (
        "本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算"
        "财政拨款的收支和年初、年末结转结余情况。"
    ),
    "05": "本表反映部门本年度一般公共预算财政拨款支出情况。",
    "06": "本表反映部门本年度一般公共预算财政拨款基本支出明细情况。",
    "07": "本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。",
    "08": "本表反映部门本年度国有资本经营预算财政拨款支出情况。",
    "09": (
        "本表反映部门本年度一般公共预算财政拨款“三公”经费的预算数和决算数。"
        "预算数为按规定程序调整后的全年预算数；"
        "决算数包括当年财政拨款和以前年度结转资金安排的实际支出。"
    ),
}
ROUNDING_NOTE = "本套报表金额单位为万元，由元折算时四舍五入，合计数与分项之和可能存在尾数差异。"


def head(text: str, colspan: int = 1, rowspan: int = 1) -> Cell:
    return Cell(text, "head", colspan, rowspan, bold=True)


def label(text: str, indent: int = 0, bold: bool = False, colspan: int = 1) -> Cell:
    return Cell(text, "label", colspan=colspan, bold=bold, indent=indent)


def code(text: str) -> Cell:
    return Cell(text, "code")


def num(n: Num | None, bold: bool = False) -> Cell:
    return Cell(cell_money(n), "num", value=None if n is None else n.value, bold=bold)


def index(text: str) -> Cell:
    return Cell(text, "index")


def blank(kind: str = "text") -> Cell:
    return Cell("", "num" if kind == "num" else "text")


def column_numbers(prefix: list[Cell], count: int, start: int = 1) -> list[Cell]:
    """The 栏次 row: ``栏次`` then 1, 2, 3 …"""
    return [*prefix, *(index(str(i)) for i in range(start, start + count))]


def frame(d: Disclosure, table_id: str, t: Table | None) -> TableView:
    """A table view with its title lines and notes filled in, grids still empty."""
    s = spec(table_id)
    title = (t.title if t is not None and t.title else None) or s.title
    notes = list(t.notes) if t is not None and t.notes else [STANDARD_NOTES[table_id]]
    empty = t is None or t.is_empty
    if empty and not any("空表" in n or "无数据" in n or "无此" in n for n in notes):
        notes.append(EMPTY_NOTE)
    if table_id == "01":
        notes.append(ROUNDING_NOTE)
    scope = "（汇总）" if d.meta.scope == "汇总" else ""
    return TableView(
        key=table_id,
        title=title,
        number=f"公开{table_id}表",
        unit_line=f"部门（单位）：{d.meta.unit_name}{scope}",
        year_line=f"{d.meta.fiscal_year}年度",
        amount_unit=d.meta.amount_unit,
        notes=notes,
        empty=empty,
    )


def value(row: Row | None, column: str) -> Num | None:
    return row.values.get(column) if row is not None else None
