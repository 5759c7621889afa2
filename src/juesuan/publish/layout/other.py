"""Tables 06 (three side-by-side blocks) and 09 (one row, 预算数 | 决算数), and the unit list."""

from __future__ import annotations

from juesuan.model.disclosure import Disclosure
from juesuan.model.spec import SANGONG_ITEMS
from juesuan.model.tables import Row
from juesuan.publish.document import Cell, TableView
from juesuan.publish.layout.cells import blank, code, column_numbers, frame, head, label, num

PERSONNEL = ("301", "303")
PUBLIC_A = ("302",)
PUBLIC_B = ("307", "310", "312", "399")


def _block(rows: list[Row], classes: tuple[str, ...]) -> list[list[Cell]]:
    out = []
    for r in rows:
        c = r.code or ""
        if c[:3] in classes:
            top = len(c) == 3
            out.append(
                [
                    code(c),
                    label(r.label, indent=0 if top else 1, bold=top),
                    num(r.values.get("决算数"), bold=top),
                ]
            )
    return out


def table06(d: Disclosure) -> TableView:
    t = d.tables.get("06")
    view = frame(d, "06", t)
    block = [head("科目代码"), head("科目名称"), head("决算数")]
    view.header = [[head("人员经费", colspan=3), head("公用经费", colspan=6)], block * 3]
    rows = t.coded_rows() if t is not None else []
    blocks = [_block(rows, PERSONNEL), _block(rows, PUBLIC_A), _block(rows, PUBLIC_B)]
    height = max(len(b) for b in blocks)
    filler = [blank(), blank(), blank("num")]
    body = []
    for i in range(height):
        line: list[Cell] = []
        for b in blocks:
            line.extend(b[i] if i < len(b) else filler)
        body.append(line)
    personnel = t.find("人员经费合计") if t is not None else None
    public = t.find("公用经费合计") if t is not None else None
    body.append(
        [
            label("人员经费合计", bold=True, colspan=2),
            num(personnel.values.get("决算数") if personnel else None, bold=True),
            label("公用经费合计", bold=True, colspan=5),
            num(public.values.get("决算数") if public else None, bold=True),
        ]
    )
    view.body = body
    view.widths = [9, 22, 11] * 3
    view.landscape = True
    return view


def table09(d: Disclosure) -> TableView:
    t = d.tables.get("09")
    view = frame(d, "09", t)
    top: list[Cell] = []
    second: list[Cell] = []
    third: list[Cell] = []
    for _block_name in ("预算数", "决算数"):
        second += [
            head("合计", rowspan=2),
            head("因公出国（境）费", rowspan=2),
            head("公务用车购置及运行维护费", colspan=3),
            head("公务接待费", rowspan=2),
        ]
        third += [head("小计"), head("公务用车购置费"), head("公务用车运行维护费")]
    top = [head("预算数", colspan=6), head("决算数", colspan=6)]
    view.header = [top, second, third, column_numbers([], 12)]
    row = t.find("三公经费") if t is not None else None
    if row is None and t is not None and t.rows:
        row = t.rows[0]
    cells = [
        num(row.values.get(f"{b}/{k}") if row else None)
        for b in ("预算数", "决算数")
        for k, _ in SANGONG_ITEMS
    ]
    view.body = [cells]
    view.widths = [10] * 12
    view.landscape = True
    return view


def units_table(d: Disclosure) -> TableView | None:
    units = d.profile.units
    if not units:
        return None
    view = TableView(key="units", title="决算单位构成")
    view.header = [[head("序号"), head("单位名称"), head("单位基本性质"), head("经费形式")]]
    view.body = [
        [Cell(str(i), "index"), label(u.name), label(u.nature or ""), label(u.funding_form or "")]
        for i, u in enumerate(units, start=1)
    ]
    view.notes = [
        "单位基本性质分为行政单位、参公事业单位、财政补助事业单位、经费自理事业单位四类。",
        "经费形式分为财政拨款、财政性资金基本保证、财政性资金定额或定项补助、财政性资金零补助四类。",
    ]
    view.widths = [6, 40, 18, 18]
    return view
