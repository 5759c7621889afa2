"""Items 七–八: 政府性基金 and 国有资本经营预算财政拨款 (or the fixed “无…” sentence)."""

from __future__ import annotations

from decimal import Decimal

from juesuan.publish.narrative.base import NarrativeSection, Writer

_FUNDS = {
    "fund": ("政府性基金预算财政拨款", "07"),
    "capital": ("国有资本经营预算财政拨款", "08"),
}


def fund(w: Writer, heading: str, scope: str) -> NarrativeSection:
    w.section = heading
    label, table_id = _FUNDS[scope]
    income = w.value(f"{scope}.income")
    spent = w.value(f"{scope}.expense")
    table = w.d.tables.get(table_id)  # type: ignore[call-overload]
    empty = table is None or table.is_empty
    if income == 0 and spent == 0 and empty and not w.prior(f"{scope}.expense"):
        text = (
            f"{w.who}{w.year}年度没有{label}收入，也没有使用{label}安排的支出，"
            f"故公开{table_id}表以空表列示。"
        )
        return NarrativeSection(scope, heading, (text,))
    text = f"{w.who}{w.year}年度{label}本年收入{w.amt(income)}，本年支出{w.amt(spent)}"
    if table is not None:
        total = table.find("合计")
        if total is not None:
            basic = _cell(total.values.get("基本支出"))
            project = _cell(total.values.get("项目支出"))
            text += f"，其中：基本支出{w.amt(basic)}，项目支出{w.amt(project)}"
    text += "。"
    text += "".join(w.versus_prior(f"{scope}.expense", f"{label}支出", required=False))
    return NarrativeSection(scope, heading, (text,))


def _cell(n: object) -> Decimal:
    value = getattr(n, "value", None)
    return value if isinstance(value, Decimal) else Decimal(0)
