"""The 本年 value of a subject, read from the tables (or the extra figures).

This is the one place that knows which table cell a subject key (``juesuan.model.subjects``)
stands for; the audit (narrative vs tables) and the narrative generator both use it.
"""

from __future__ import annotations

from decimal import Decimal

from juesuan.model.disclosure import Disclosure
from juesuan.model.figure import Num
from juesuan.model.tables import Side

# subject -> (table, row key, column, side); first hit wins
_CELLS: dict[str, tuple[tuple[str, str, str, Side | None], ...]] = {
    "total": (("01", "总计", "金额", "收入"), ("01", "总计", "金额", "支出")),
    "income.total": (("01", "本年收入合计", "金额", "收入"), ("02", "合计", "本年收入合计", None)),
    "income.fiscal": (("02", "合计", "财政拨款收入", None),),
    "income.general": (("01", "一般公共预算财政拨款收入", "金额", "收入"),),
    "income.fund": (("01", "政府性基金预算财政拨款收入", "金额", "收入"),),
    "income.capital": (("01", "国有资本经营预算财政拨款收入", "金额", "收入"),),
    "income.superior": (
        ("01", "上级补助收入", "金额", "收入"),
        ("02", "合计", "上级补助收入", None),
    ),
    "income.business": (("01", "事业收入", "金额", "收入"), ("02", "合计", "事业收入", None)),
    "income.operating": (("01", "经营收入", "金额", "收入"), ("02", "合计", "经营收入", None)),
    "income.affiliated": (("01", "附属单位上缴收入", "金额", "收入"),),
    "income.other": (("01", "其他收入", "金额", "收入"), ("02", "合计", "其他收入", None)),
    "expense.total": (("01", "本年支出合计", "金额", "支出"), ("03", "合计", "本年支出合计", None)),
    "expense.basic": (("03", "合计", "基本支出", None),),
    "expense.project": (("03", "合计", "项目支出", None),),
    "expense.upper": (("03", "合计", "上缴上级支出", None),),
    "expense.operating": (("03", "合计", "经营支出", None),),
    "expense.subsidiary": (("03", "合计", "对附属单位补助支出", None),),
    "fiscal.total": (("04", "总计", "金额", "收入"), ("04", "总计", "合计", "支出")),
    "fiscal.income": (("04", "本年收入合计", "金额", "收入"),),
    "fiscal.expense": (("04", "本年支出合计", "合计", "支出"),),
    "general.income": (("04", "一般公共预算财政拨款", "金额", "收入"),),
    "general.expense": (
        ("05", "合计", "合计", None),
        ("04", "本年支出合计", "一般公共预算财政拨款", "支出"),
    ),
    "general.basic": (("05", "合计", "基本支出", None),),
    "general.project": (("05", "合计", "项目支出", None),),
    "fund.income": (("04", "政府性基金预算财政拨款", "金额", "收入"),),
    "fund.expense": (
        ("07", "合计", "小计", None),
        ("04", "本年支出合计", "政府性基金预算财政拨款", "支出"),
    ),
    "capital.income": (("04", "国有资本经营预算财政拨款", "金额", "收入"),),
    "capital.expense": (
        ("08", "合计", "合计", None),
        ("04", "本年支出合计", "国有资本经营预算财政拨款", "支出"),
    ),
    "personnel": (("06", "人员经费合计", "决算数", None),),
    "public": (("06", "公用经费合计", "决算数", None),),
    "sangong.total": (("09", "三公经费", "决算数/合计", None),),  # blank 合计 → Σ parts (below)
    "sangong.abroad": (("09", "三公经费", "决算数/因公出国（境）费", None),),
    "sangong.vehicle": (("09", "三公经费", "决算数/公务用车购置及运行维护费", None),),
    "sangong.vehicle_purchase": (("09", "三公经费", "决算数/公务用车购置费", None),),
    "sangong.vehicle_operation": (("09", "三公经费", "决算数/公务用车运行维护费", None),),
    "sangong.reception": (("09", "三公经费", "决算数/公务接待费", None),),
}

_SANGONG_BUDGET = {
    k: v[0][2].replace("决算数/", "预算数/") for k, v in _CELLS.items() if k.startswith("sangong.")
}


def current(d: Disclosure, key: str) -> Num | None:
    """本年 value of ``key``: the table cell it stands for, an extra figure, or None.

    A table that is present but whose cell is blank gives ``Num 0`` (blank means zero in
    the published tables); a missing table gives None.
    """
    if key.startswith("func:"):
        return _table_cell(d, "05", key[5:], "合计", None)
    if key.startswith("econ:"):
        return _table_cell(d, "06", key[5:], "决算数", None)
    if key.startswith("sangong.") and key in _CELLS:
        return _sangong_cell(d, _CELLS[key][0][2])
    for table, row, column, side in _CELLS.get(key, ()):
        found = _table_cell(d, table, row, column, side)
        if found is not None:
            return found
    return _extra(d, key)


def sangong_budget(d: Disclosure, key: str) -> Num | None:
    """三公 预算数 of a 三公 subject from table 09.

    A blank 合计 (or 小计) whose parts are printed stands for the sum of its parts: the
    blank itself is reported by the table rule T0901, and the narrative is compared with
    what the total should be rather than with the blank.
    """
    column = _SANGONG_BUDGET.get(key)
    return _sangong_cell(d, column) if column else None


_SANGONG_PARTS = {
    "合计": ("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"),
    "公务用车购置及运行维护费": ("公务用车购置费", "公务用车运行维护费"),
}


def _sangong_cell(d: Disclosure, column: str) -> Num | None:
    t = d.tables.get("09")
    row = t.find("三公经费") if t is not None else None
    if row is None:
        return _table_cell(d, "09", "三公经费", column, None)
    block, _, item = column.partition("/")
    printed = row.values.get(column)
    if printed is not None or item not in _SANGONG_PARTS:
        return _table_cell(d, "09", "三公经费", column, None)
    parts = [_sangong_cell(d, f"{block}/{p}") for p in _SANGONG_PARTS[item]]
    values = [p for p in parts if p is not None and p.value != 0]
    if not values:
        return Num(value=Decimal(0), decimals=2)
    total = sum((p.value for p in values), Decimal(0))
    return Num(value=total, decimals=max(p.decimals for p in values), prov=values[0].prov)


def _table_cell(d: Disclosure, table: str, row: str, column: str, side: Side | None) -> Num | None:
    t = d.tables.get(table)  # type: ignore[call-overload]
    if t is None:
        return None
    r = t.find(row, side)
    if r is None:
        return Num(value=Decimal(0), decimals=2) if t.is_empty else None
    value = r.values.get(column)
    return value if value is not None else Num(value=Decimal(0), decimals=2)


def _extra(d: Disclosure, key: str) -> Num | None:
    e = d.extras
    p = e.procurement
    mapping: dict[str, Num | None] = {
        "office_running": e.office_running,
        "procurement.total": p.total,
        "procurement.goods": p.goods,
        "procurement.works": p.works,
        "procurement.services": p.services,
        "procurement.sme": p.sme_amount,
        "procurement.small_micro": p.small_micro_amount,
        "perf.funds": e.performance.funds_covered,
        "sangong.reception_domestic": e.sangong_counts.domestic_reception_amount,
        "sangong.reception_foreign": e.sangong_counts.foreign_reception_amount,
    }
    if key == "vehicles.total" and e.assets.vehicles_total is not None:
        return Num.of(e.assets.vehicles_total)
    return mapping.get(key)
