"""Items 一–四: 收支总计, 收入, 支出, 财政拨款收支 (vs 上年 and vs 年初预算)."""

from __future__ import annotations

from juesuan.publish.narrative.base import BUDGET_PLACEHOLDER, NarrativeSection, Writer

INCOME_SOURCES: tuple[tuple[str, str], ...] = (
    ("income.fiscal", "财政拨款收入"),
    ("income.superior", "上级补助收入"),
    ("income.business", "事业收入"),
    ("income.operating", "经营收入"),
    ("income.affiliated", "附属单位上缴收入"),
    ("income.other", "其他收入"),
)
EXPENSE_PARTS: tuple[tuple[str, str], ...] = (
    ("expense.basic", "基本支出"),
    ("expense.project", "项目支出"),
    ("expense.upper", "上缴上级支出"),
    ("expense.operating", "经营支出"),
    ("expense.subsidiary", "对附属单位补助支出"),
)
FUNDS: tuple[tuple[str, str], ...] = (
    ("general", "一般公共预算财政拨款"),
    ("fund", "政府性基金预算财政拨款"),
    ("capital", "国有资本经营预算财政拨款"),
)


def overall(w: Writer, heading: str) -> NarrativeSection:
    w.section = heading
    total = w.value("total")
    paras = []
    if w.prior("total") is not None and w.prior("total") == total:
        paras.append(
            f"{w.who}{w.year}年度收、支总计均为{w.amt(total)}，与{w.prior_year}年度决算相比持平。"
        )
    else:
        first = f"{w.who}{w.year}年度收、支总计均为{w.amt(total)}。"
        paras.append(first + "".join(w.versus_prior("total", "收、支总计", each=True)))
    return NarrativeSection("total", heading, tuple(paras))


def income(w: Writer, heading: str) -> NarrativeSection:
    w.section = heading
    total = w.value("income.total")
    text = f"{w.who}{w.year}年度本年收入合计{w.amt(total)}。"
    parts = []
    for key, label in INCOME_SOURCES:
        value = w.value(key)
        if value == 0 and key != "income.fiscal":
            continue
        parts.append(f"{label}{w.amt(value)}{w.share(value, total, '本年收入合计')}")
    if total == 0:
        text += "本年度无收入。"
    else:
        text += "其中：" + "；".join(parts) + "。"
    return NarrativeSection("income", heading, (text,))


def expense(w: Writer, heading: str) -> NarrativeSection:
    w.section = heading
    total = w.value("expense.total")
    text = f"{w.who}{w.year}年度本年支出合计{w.amt(total)}。"
    parts = []
    for key, label in EXPENSE_PARTS:
        value = w.value(key)
        if value == 0 and key not in ("expense.basic", "expense.project"):
            continue
        parts.append(f"{label}{w.amt(value)}{w.share(value, total, '本年支出合计')}")
    if total == 0:
        text += "本年度无支出。"
    else:
        text += "其中：" + "；".join(parts) + "。"
    text += (
        "基本支出是为保障机构正常运转、完成日常工作任务发生的支出，"
        "项目支出是为完成特定工作任务和事业发展目标发生的支出。"
    )
    return NarrativeSection("expense", heading, (text,))


def fiscal(w: Writer, heading: str) -> NarrativeSection:
    w.section = heading
    paras: list[str] = []
    total = w.value("fiscal.total")
    has_detail = w.prior("fiscal.income") is not None or w.prior("fiscal.expense") is not None
    text = f"{w.who}{w.year}年度财政拨款收、支总计均为{w.amt(total)}。"
    if w.prior("fiscal.total") is not None or not has_detail:
        text += "".join(w.versus_prior("fiscal.total", "财政拨款收、支总计", each=True))
    paras.append(text)
    for key, label in (
        ("fiscal.income", "财政拨款本年收入"),
        ("fiscal.expense", "财政拨款本年支出"),
    ):
        value = w.value(key)
        sentence = f"{label}{w.amt(value)}。"
        compare = w.versus_prior(key, label, required=False)
        paras.append(sentence + "".join(compare))
    paras.extend(_versus_budget(w))
    paras.append(_by_fund(w))
    return NarrativeSection("fiscal", heading, tuple(paras))


def _versus_budget(w: Writer) -> list[str]:
    out = []
    for key, label in (
        ("fiscal.income", "财政拨款本年收入"),
        ("fiscal.expense", "财政拨款本年支出"),
    ):
        budget = w.budget(key)
        if budget is None:
            continue
        actual = w.value(key)
        text = (
            f"{label}年初预算为{w.amt(budget)}，决算为{w.amt(actual)}"
            f"{w.completion(actual, budget)}。"
        )
        if actual != budget:
            text += f"决算数与年初预算数存在差异的主要原因是：{w.reason(key, budget=True)}。"
        out.append(text)
    if not out and w.d.extras.budget_initial:
        return []
    if not out:
        w.note_missing("fiscal.expense", "年初预算数")
        out.append(f"财政拨款本年收支与年初预算的对比情况：{BUDGET_PLACEHOLDER}。")
    return out


def _by_fund(w: Writer) -> str:
    parts = []
    idle = []
    for scope, label in FUNDS:
        inc = w.value(f"{scope}.income")
        exp = w.value(f"{scope}.expense")
        if inc == 0 and exp == 0 and scope != "general":
            idle.append(label)
            continue
        parts.append(f"{label}本年收入{w.amt(inc)}，本年支出{w.amt(exp)}")
    text = "分资金来源看：" + "；".join(parts) + "。"
    if idle:
        text += "、".join(idle) + "本年度无收支。"
    return text
