"""Tables 01 and 04: income and expense side by side, totals aligned at the bottom."""

from __future__ import annotations

from juesuan.model.disclosure import Disclosure
from juesuan.model.spec import FUND_KINDS, INCOME_01, INCOME_01_TOTALS
from juesuan.model.tables import Row, Side, Table
from juesuan.publish.document import Cell, TableView
from juesuan.publish.fmt import cn_ordinal
from juesuan.publish.layout.cells import blank, column_numbers, frame, head, index, label, num

Half = list[tuple[Cell, list[Cell]]]  # (label cell, value cells)

_EXPENSE_TOTALS_01 = ("本年支出合计", "结余分配", "年末结转和结余", "总计")
_INCOME_TOTALS_04 = (
    "本年收入合计",
    "年初财政拨款结转和结余",
    *(f"年初财政拨款结转和结余/{k}" for k in FUND_KINDS),
    "总计",
)


def _rows(t: Table | None, side: Side) -> list[Row]:
    return [r for r in t.rows if r.side == side] if t is not None else []


def _classes(d: Disclosure, t: Table | None, totals: set[str]) -> list[Row]:
    rows = [r for r in _rows(t, "支出") if r.key not in totals and not r.key.startswith("年末")]
    if rows:
        return rows
    try:
        from juesuan.catalog import table01_expense_classes

        entries = table01_expense_classes(d.meta.fiscal_year)
    except LookupError:
        return []
    return [Row(key=e.name, label=e.name, code=e.code, side="支出") for e in entries]


def _fixed(
    t: Table | None,
    keys: tuple[str, ...],
    side: Side,
    columns: tuple[str, ...],
    numbered: bool = False,
) -> Half:
    out: Half = []
    for i, key in enumerate(keys, start=1):
        row = t.find(key, side) if t is not None else None
        text = key.rpartition("/")[2]
        indent = 1 if "/" in key else 0
        if numbered:
            text = f"{cn_ordinal(i)}{text}"
        bold = key in ("总计", "本年收入合计", "本年支出合计")
        out.append(
            (
                label(text, indent=indent, bold=bold),
                [num(row.values.get(c) if row else None, bold=bold) for c in columns],
            )
        )
    return out


def _listed(rows: list[Row], columns: tuple[str, ...], numbered: bool) -> Half:
    return [
        (
            label(f"{cn_ordinal(i)}{r.label}" if numbered else r.label),
            [num(r.values.get(c)) for c in columns],
        )
        for i, r in enumerate(rows, start=1)
    ]


def _pad(side: Half, height: int, ncols: int) -> Half:
    filler = [(blank(), [blank("num") for _ in range(ncols)]) for _ in range(height - len(side))]
    if side and side[-1][0].text.endswith("总计"):
        return side[:-1] + filler + side[-1:]
    return side + filler


def _join(
    left_top: Half, left_bottom: Half, right_top: Half, right_bottom: Half, lcols: int, rcols: int
) -> list[list[Cell]]:
    top = max(len(left_top), len(right_top))
    bottom = max(len(left_bottom), len(right_bottom))
    left = _pad(left_top, top, lcols) + _pad(left_bottom, bottom, lcols)
    right = _pad(right_top, top, rcols) + _pad(right_bottom, bottom, rcols)
    body: list[list[Cell]] = []
    for i, ((ll, lv), (rl, rv)) in enumerate(zip(left, right, strict=True)):
        body.append([ll, index(str(i + 1)), *lv, rl, index(str(len(left) + i + 1)), *rv])
    return body


def table01(d: Disclosure) -> TableView:
    t = d.tables.get("01")
    view = frame(d, "01", t)
    view.header = [
        [head("收入", colspan=3), head("支出", colspan=3)],
        [head("项目"), head("行次"), head("金额"), head("项目"), head("行次"), head("金额")],
        [head("栏次"), head(""), index("1"), head("栏次"), head(""), index("2")],
    ]
    cols = ("金额",)
    classes = _classes(d, t, set(_EXPENSE_TOTALS_01))
    view.body = _join(
        _fixed(t, INCOME_01, "收入", cols, numbered=True),
        _fixed(t, INCOME_01_TOTALS, "收入", cols),
        _listed(classes, cols, numbered=True),
        _fixed(t, _EXPENSE_TOTALS_01, "支出", cols),
        1,
        1,
    )
    view.widths = [34, 7, 16, 34, 7, 16]
    return view


def table04(d: Disclosure) -> TableView:
    t = d.tables.get("04")
    view = frame(d, "04", t)
    exp_cols = ("合计", *FUND_KINDS)
    view.header = [
        [head("收入", colspan=3), head("支出", colspan=6)],
        [
            head("项目"),
            head("行次"),
            head("金额"),
            head("项目"),
            head("行次"),
            head("合计"),
            *(head(k) for k in FUND_KINDS),
        ],
        column_numbers([head("栏次"), head("")], 1)
        + column_numbers([head("栏次"), head("")], 4, 2),
    ]
    right_totals = ["本年支出合计", "年末财政拨款结转和结余"]
    right_totals += [r.key for r in _rows(t, "支出") if r.key.startswith("年末财政拨款结转和结余/")]
    right_totals.append("总计")
    classes = _classes(d, t, set(right_totals))
    view.body = _join(
        _fixed(t, FUND_KINDS, "收入", ("金额",), numbered=True),
        _fixed(t, _INCOME_TOTALS_04, "收入", ("金额",)),
        _listed(classes, exp_cols, numbered=True),
        _fixed(t, tuple(right_totals), "支出", exp_cols),
        1,
        4,
    )
    view.widths = [30, 5, 11, 30, 5, 10, 10, 10, 10]
    return view
