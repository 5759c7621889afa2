"""Items 五–六: 一般公共预算财政拨款支出 (总体/结构/具体) and 基本支出 (人员/公用经费)."""

from __future__ import annotations

from decimal import Decimal

from juesuan.model.tables import Row, Table
from juesuan.publish.narrative.base import BUDGET_PLACEHOLDER, NarrativeSection, Writer

PERSONNEL_CLASSES = ("301", "303")
PUBLIC_CLASSES = ("302", "307", "310", "312", "399")


def class_phrase(label: str) -> str:
    """``社会保障和就业支出`` → ``社会保障和就业（类）支出``."""
    base = label[:-2] if label.endswith("支出") and len(label) > 4 else label
    return f"{base}（类）支出"


def _rows(t: Table | None, digits: int) -> list[Row]:
    if t is None:
        return []
    return [r for r in t.rows if r.code and len(r.code) == digits and r.code.isdigit()]


def _total(r: Row) -> Decimal:
    n = r.values.get("合计")
    return n.value if n is not None else Decimal(0)


def general(w: Writer, heading: str) -> list[NarrativeSection]:
    return [
        NarrativeSection("general", heading, ()),
        _overall(w, "（一）一般公共预算财政拨款支出决算总体情况"),
        _structure(w, "（二）一般公共预算财政拨款支出决算结构情况"),
        _items(w, "（三）一般公共预算财政拨款支出决算具体情况"),
    ]


def _overall(w: Writer, heading: str) -> NarrativeSection:
    w.section = heading
    value = w.value("general.expense")
    text = (
        f"{w.who}{w.year}年度一般公共预算财政拨款支出{w.amt(value)}"
        f"{w.share(value, w.value('expense.total'), '本年支出合计')}。"
    )
    text += "".join(w.versus_prior("general.expense", "一般公共预算财政拨款支出"))
    return NarrativeSection("general.overall", heading, (text,), level=2)


def _structure(w: Writer, heading: str) -> NarrativeSection:
    w.section = heading
    total = w.value("general.expense")
    classes = [r for r in _rows(w.d.tables.get("05"), 3) if _total(r) != 0]
    text = f"{w.who}{w.year}年度一般公共预算财政拨款支出{w.amt(total)}"
    if not classes:
        return NarrativeSection("general.structure", heading, (text + "。",), level=2)
    parts = [
        f"{class_phrase(r.label)}{w.amt(_total(r))}{w.share(_total(r), total)}" for r in classes
    ]
    text += "，主要用于以下方面：" + "；".join(parts) + "。"
    return NarrativeSection("general.structure", heading, (text,), level=2)


def _items(w: Writer, heading: str) -> NarrativeSection:
    w.section = heading
    t05 = w.d.tables.get("05")
    names = {r.code: r.label for r in (t05.rows if t05 else []) if r.code}
    actual = {r.code: _total(r) for r in _rows(t05, 7) if r.code}
    budgets = {
        k[5:]: v.value
        for k, v in w.d.extras.budget_initial.items()
        if k.startswith("func:") and len(k) == 12
    }
    codes = sorted({c for c, v in actual.items() if v != 0} | {c for c, v in budgets.items() if v})
    paras = [_items_total(w, codes, budgets)]
    none_known = not any(c in budgets for c in codes)
    if none_known and codes:
        w.note_missing("general.expense", "分项（项级科目）年初预算数", "各项级科目")
        paras.append(f"各项级科目的年初预算数：{BUDGET_PLACEHOLDER}。")
    for i, code in enumerate(codes, start=1):
        path = _path(code, names)
        b = actual.get(code, Decimal(0))
        a = budgets.get(code)
        if a is None:
            if not none_known:
                w.note_missing(f"func:{code}", "年初预算数", names.get(code, code))
            budget_text = "" if none_known else f"年初预算为{BUDGET_PLACEHOLDER}，"
            paras.append(f"{i}. {path}：{budget_text}支出决算为{w.amt(b)}。")
            continue
        text = f"{i}. {path}：年初预算为{w.amt(a)}，支出决算为{w.amt(b)}{w.completion(b, a)}。"
        if a != b:
            text += (
                f"主要原因是：{w.reason(f'func:{code}', budget=True, name=names.get(code, ''))}。"
            )
        paras.append(text)
    return NarrativeSection("general.items", heading, tuple(paras), level=2)


def _items_total(w: Writer, codes: list[str], budgets: dict[str, Decimal]) -> str:
    actual = w.value("general.expense")
    budget = w.budget("general.expense")
    if budget is None and codes and all(c in budgets for c in codes):
        budget = sum((budgets[c] for c in codes), Decimal(0))
    lead = f"{w.who}{w.year}年度一般公共预算财政拨款支出"
    if budget is None:
        w.note_missing("general.expense", "年初预算数")
        return (
            f"{lead}年初预算为{BUDGET_PLACEHOLDER}，支出决算为{w.amt(actual)}。"
            "按支出功能分类科目（项级）说明如下："
        )
    return (
        f"{lead}年初预算为{w.amt(budget)}，支出决算为{w.amt(actual)}"
        f"{w.completion(actual, budget)}。按支出功能分类科目（项级）说明如下："
    )


def _path(code: str, names: dict[str, str]) -> str:
    cls = names.get(code[:3], code[:3])
    kuan = names.get(code[:5], code[:5])
    xiang = names.get(code, code)
    return f"{cls}（类）{kuan}（款）{xiang}（项）"


def basic(w: Writer, heading: str) -> NarrativeSection:
    w.section = heading
    basic_total = w.value("general.basic")
    t06 = w.d.tables.get("06")
    personnel = w.value("personnel")
    public = w.value("public")
    text = f"{w.who}{w.year}年度一般公共预算财政拨款基本支出{w.amt(basic_total)}。"
    clauses = []
    for label, value, classes in (
        ("人员经费", personnel, PERSONNEL_CLASSES),
        ("公用经费", public, PUBLIC_CLASSES),
    ):
        names = _nonzero_names(t06, classes)
        clause = f"{label}{w.amt(value)}{w.share(value, basic_total, '基本支出')}"
        if names:
            clause += "，主要包括：" + "、".join(names)
        clauses.append(clause)
    text += "其中：" + "；".join(clauses) + "。"
    return NarrativeSection("basic", heading, (text,))


def _nonzero_names(t: Table | None, classes: tuple[str, ...]) -> list[str]:
    out = []
    for r in _rows(t, 5):
        code = r.code or ""
        n = r.values.get("决算数")
        if code[:3] in classes and n is not None and n.value != 0:
            out.append(r.label)
    return out
