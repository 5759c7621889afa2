"""Shared pieces of the narrative generator: section type, missing items, the writer.

The writer reads every figure from the model (``juesuan.model.values.current`` for the
tables, ``d.extras`` for 上年数/年初预算/原因) and phrases the recurring clauses (amount,
share, change against the prior year, completion of the budget) with fixed templates.
When a change needs a reason the input does not give, the sentence carries the visible
placeholder :data:`REASON_PLACEHOLDER` and the gap is recorded in :attr:`Writer.missing`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from juesuan.model.disclosure import Disclosure
from juesuan.model.figure import Num
from juesuan.model.subjects import subject_name
from juesuan.model.values import current
from juesuan.publish.fmt import money, pct_text, percent

REASON_PLACEHOLDER = "【请填写原因】"
PRIOR_PLACEHOLDER = "【请补充上年决算数】"
BUDGET_PLACEHOLDER = "【请补充年初预算数】"
DATA_PLACEHOLDER = "【请补充数据】"
PLACEHOLDERS = (REASON_PLACEHOLDER, PRIOR_PLACEHOLDER, BUDGET_PLACEHOLDER, DATA_PLACEHOLDER)


@dataclass(frozen=True)
class NarrativeSection:
    """One heading of the 情况说明 and its paragraphs (level 1: 一、…; level 2: （一）…)."""

    key: str
    heading: str
    paragraphs: tuple[str, ...] = ()
    level: int = 1


@dataclass(frozen=True)
class Missing:
    """Something the narrative needed and the input lacks (shown as a placeholder)."""

    subject: str
    what: str  # 与上年相比变动原因 / 决算与年初预算差异原因 / 上年决算数 / 年初预算数 / 数据
    section: str
    name: str = ""

    def describe(self) -> str:
        name = self.name
        if not name:
            try:
                name = subject_name(self.subject)
            except KeyError:
                name = self.subject
        return f"{self.section}：“{name}”缺少{self.what}（键 {self.subject}）"


@dataclass
class Writer:
    """Figures and clause templates for one disclosure."""

    d: Disclosure
    missing: list[Missing] = field(default_factory=list)
    section: str = ""

    # -- figures -------------------------------------------------------------------------

    @property
    def year(self) -> int:
        return self.d.meta.fiscal_year

    @property
    def prior_year(self) -> int:
        return self.d.meta.fiscal_year - 1

    @property
    def unit(self) -> str:
        return self.d.meta.amount_unit

    @property
    def who(self) -> str:
        return "本单位" if self.d.meta.scope == "单位" else "本部门"

    def value(self, key: str) -> Decimal:
        """本年 value of a subject; a missing table or figure counts as zero."""
        found = current(self.d, key)
        return found.value if found is not None else Decimal(0)

    def known(self, key: str) -> bool:
        return current(self.d, key) is not None

    def prior(self, key: str) -> Decimal | None:
        return _val(self.d.extras.prior.get(key))

    def budget(self, key: str) -> Decimal | None:
        return _val(self.d.extras.budget_initial.get(key))

    # -- phrases -------------------------------------------------------------------------

    def amt(self, value: Decimal | Num | None) -> str:
        return f"{money(value)}{self.unit}"

    def share(self, part: Decimal, base: Decimal, of: str = "") -> str:
        """``，占…的x%`` or nothing when the base is zero."""
        p = percent(part, base)
        if p is None:
            return ""
        return f"，占{of}的{pct_text(p)}" if of else f"，占{pct_text(p)}"

    def reason(self, key: str, *, budget: bool = False, name: str = "") -> str:
        store = self.d.extras.budget_reasons if budget else self.d.extras.reasons
        text = (store.get(key) or "").strip().rstrip("。；;.，, ")
        if text:
            return text
        what = "决算与年初预算差异原因" if budget else "与上年相比变动原因"
        self.note_missing(key, what, name)
        return REASON_PLACEHOLDER

    def note_missing(self, key: str, what: str, name: str = "") -> None:
        item = Missing(key, what, self.section, name)
        if item not in self.missing:
            self.missing.append(item)

    def versus_prior(
        self, key: str, subject: str, *, each: bool = False, required: bool = True
    ) -> list[str]:
        """Sentences comparing ``key`` with the prior year, with the reason when it changed.

        ``subject`` is the phrase the sentence names (the claim reader needs it);
        ``each`` writes 各增加 (for 收、支总计).  Without a prior figure: a placeholder when
        ``required``, else nothing.
        """
        prior = self.prior(key)
        if prior is None:
            if not required:
                return []
            self.note_missing(key, "上年决算数")
            return [f"与{self.prior_year}年度决算相比的增减情况：{PRIOR_PLACEHOLDER}。"]
        now = self.value(key)
        clause = self.change_clause(now, prior, subject, each=each)
        if now == prior:
            return [f"{clause}。"]
        return [f"{clause}。", f"主要原因是：{self.reason(key)}。"]

    def change_clause(
        self, now: Decimal, prior: Decimal, subject: str, *, each: bool = False
    ) -> str:
        """``与2023年度决算相比，X增加a万元，增长b%`` (no rate when the prior is zero)."""
        lead = f"与{self.prior_year}年度决算相比"
        if now == prior:
            return f"{subject}{lead}持平"
        diff = now - prior
        up = diff > 0
        word, rate_word = ("增加", "增长") if up else ("减少", "下降")
        text = f"{lead}，{subject}{'各' if each else ''}{word}{self.amt(abs(diff))}"
        rate = percent(abs(diff), prior)
        if rate is not None:
            text += f"，{rate_word}{pct_text(rate)}"
        return text

    def completion(self, actual: Decimal, budget: Decimal, *, initial: bool = True) -> str:
        """``，完成年初预算的x%，决算数大于年初预算数`` (no rate when the budget is zero)."""
        which = "年初预算" if initial else "预算"
        rate = percent(actual, budget)
        text = (
            f"，完成{which}的{pct_text(rate)}" if rate is not None else f"，{which}未安排该项支出"
        )
        if actual > budget:
            text += f"，决算数大于{which}数"
        elif actual < budget:
            text += f"，决算数小于{which}数"
        return text


def _val(n: Num | None) -> Decimal | None:
    return n.value if n is not None else None
