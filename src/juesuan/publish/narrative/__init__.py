"""The 情况说明, generated from the model with fixed, reviewed Chinese sentence templates.

Public API::

    from juesuan.publish.narrative import generate, compose
    sections = generate(d)            # list[NarrativeSection]
    result = compose(d)               # sections + the reasons/data the input lacks

Every figure is read from the model, every percentage computed with Decimal (half-up, two
decimals).  The wording is chosen so that :func:`juesuan.extract.claims.extract_claims`
reads the text back into the same claims (see ``tests/test_publish_roundtrip.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from juesuan.model.disclosure import Disclosure
from juesuan.publish.fmt import cn_ordinal
from juesuan.publish.narrative.base import (
    BUDGET_PLACEHOLDER,
    DATA_PLACEHOLDER,
    PLACEHOLDERS,
    PRIOR_PLACEHOLDER,
    REASON_PLACEHOLDER,
    Missing,
    NarrativeSection,
    Writer,
)
from juesuan.publish.narrative.funds import fund
from juesuan.publish.narrative.general import basic, general
from juesuan.publish.narrative.other import assets, office, procurement
from juesuan.publish.narrative.perf import performance
from juesuan.publish.narrative.sangong import sangong
from juesuan.publish.narrative.totals import expense, fiscal, income, overall

__all__ = [
    "BUDGET_PLACEHOLDER",
    "DATA_PLACEHOLDER",
    "PLACEHOLDERS",
    "PRIOR_PLACEHOLDER",
    "REASON_PLACEHOLDER",
    "Missing",
    "NarrativeResult",
    "NarrativeSection",
    "compose",
    "generate",
]

OTHER_HEADING = "其他需要说明的情况"


@dataclass
class NarrativeResult:
    sections: list[NarrativeSection] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)

    def text(self) -> str:
        lines: list[str] = []
        for s in self.sections:
            lines.append(s.heading)
            lines.extend(s.paragraphs)
        return "\n".join(lines)


def compose(d: Disclosure) -> NarrativeResult:
    """The narrative and the list of missing reasons/figures (shown as placeholders)."""
    w = Writer(d)
    out: list[NarrativeSection] = []
    items: list[tuple[str, Callable[[str], list[NarrativeSection]]]] = [
        ("收入支出决算总体情况说明", lambda h: [overall(w, h)]),
        ("收入决算情况说明", lambda h: [income(w, h)]),
        ("支出决算情况说明", lambda h: [expense(w, h)]),
        ("财政拨款收入支出决算总体情况说明", lambda h: [fiscal(w, h)]),
        ("一般公共预算财政拨款支出决算情况说明", lambda h: general(w, h)),
        ("一般公共预算财政拨款基本支出决算情况说明", lambda h: [basic(w, h)]),
        ("政府性基金预算财政拨款支出决算情况说明", lambda h: [fund(w, h, "fund")]),
        ("国有资本经营预算财政拨款支出决算情况说明", lambda h: [fund(w, h, "capital")]),
        ("一般公共预算财政拨款“三公”经费支出决算情况说明", lambda h: sangong(w, h)),
        ("机关运行经费支出情况说明", lambda h: [office(w, h)]),
        ("政府采购支出情况说明", lambda h: [procurement(w, h)]),
        ("国有资产占用情况说明", lambda h: [assets(w, h)]),
        ("预算绩效情况说明", lambda h: performance(w, h)),
        (OTHER_HEADING, lambda h: [_other(w, h)]),
    ]
    for no, (title, make) in enumerate(items, start=1):
        out.extend(make(f"{cn_ordinal(no)}{title}"))
    return NarrativeResult(out, list(w.missing))


def generate(d: Disclosure) -> list[NarrativeSection]:
    """The 情况说明 of ``d`` as headed sections of paragraphs."""
    return compose(d).sections


def _other(w: Writer, heading: str) -> NarrativeSection:
    paras = []
    empty = [tid for tid in ("07", "08", "09") if (t := w.d.tables.get(tid)) is None or t.is_empty]
    if empty:
        names = "、".join(f"公开{tid}表" for tid in empty)
        paras.append(f"{w.who}本年度无{names}所反映的收支，按要求以空表列示。")
    paras.append(
        "本套决算表的金额单位为万元，由元折算后四舍五入保留两位小数，"
        "个别合计数与分项之和可能存在尾数差异。"
    )
    return NarrativeSection("other", heading, tuple(paras))
