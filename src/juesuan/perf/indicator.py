"""Recompute one indicator: quantitative score, or qualitative band, plus 偏差度."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from juesuan.model.figure import Num
from juesuan.model.perf import Indicator
from juesuan.perf import formulas
from juesuan.perf.interval import HUNDRED, ONE, ZERO, Interval, divide, fmt, of
from juesuan.perf.profile import Kind, PerfProfile, QualBand
from juesuan.perf.qualitative import judge
from juesuan.perf.quantity import Quantity, actual_of, normalise_percent, target_of

Method = Literal["quantitative", "qualitative", "none"]


@dataclass
class IndicatorResult:
    """An indicator as recomputed under a profile, beside what was printed."""

    index: int
    indicator: Indicator
    category: str | None
    method: Method
    operator: str | None = None
    target: Quantity | None = None
    actual: Quantity | None = None  # after percent normalisation
    ratio: Decimal | None = None  # achievement, 0..1 (score ÷ weight)
    met: bool | None = None  # whether the actual reaches the target
    computed: Decimal | None = None  # recomputed points
    band: QualBand | None = None
    band_reason: str | None = None
    text_actual_for_number: bool = False  # numeric target, actual given only in words
    deviation: Decimal | None = None  # (actual − target)/target, fraction
    shortfall_deviation: Decimal | None = None  # 0 when the target is met
    suspicious_target: str | None = None
    percent_normalised: bool = False
    inferred: Interval | None = None  # a missing printed score inferred from the total
    notes: list[str] = field(default_factory=list)

    # Read once from the indicator, which scoring does not change: its weight (分值), its
    # printed score and that score's interval.
    weight: Decimal | None = field(init=False, repr=False, compare=False)
    printed: Num | None = field(init=False, repr=False, compare=False)
    _printed_exact: Interval | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ind = self.indicator
        self.weight = ind.weight.value if ind.weight is not None else None
        self.printed = ind.score
        self._printed_exact = of(ind.score, assigned=True) if ind.score is not None else None

    @property
    def label(self) -> str:
        ind = self.indicator
        return ind.level3 or ind.level2 or ind.level1

    def printed_interval(self) -> Interval | None:
        if self._printed_exact is not None:
            return self._printed_exact
        if self.inferred is not None:
            return self.inferred
        return None

    def band_interval(self) -> Interval | None:
        """The band in points (weight × band%)."""
        if self.band is None or self.weight is None:
            return None
        w = self.weight
        return Interval(w * self.band.min / HUNDRED, w * self.band.max / HUNDRED)

    def in_band(self) -> bool | None:
        pi, bi = self.printed_interval(), self.band_interval()
        if pi is None or bi is None:
            return None
        return pi.meets(bi)

    def agrees(self) -> bool | None:
        """Printed score vs recomputed (quantitative) or band (qualitative)."""
        pi = self.printed_interval()
        if pi is None:
            return None
        if self.method == "quantitative" and self.computed is not None:
            return pi.contains(self.computed)  # meets Interval.exact(computed)
        return self.in_band()

    def final_points(self) -> Decimal | None:
        """Points used in the fully recomputed total (printed when the target is suspect)."""
        if self.suspicious_target and self.printed is not None:
            return self.printed.value
        if self.method == "quantitative" and self.computed is not None:
            return self.computed
        pi = self.printed_interval()
        bi = self.band_interval()
        if bi is not None:
            if pi is None:
                return bi.hi
            return min(max(pi.mid, bi.lo), bi.hi)
        if self.computed is not None:
            return self.computed
        return pi.mid if pi is not None else None

    def shown(self) -> str:
        """The recomputed result for display: points or band."""
        if self.method == "quantitative" and self.computed is not None:
            return fmt(self.computed)
        if self.band is not None:
            bi = self.band_interval()
            rng = f" {fmt(bi.lo)}–{fmt(bi.hi)}" if bi is not None else ""
            return f"{self.band.name}{rng}"
        return "需人工判断" if self.method != "none" else "—"


def band_for_degree(profile: PerfProfile, degree: Decimal) -> QualBand:
    """The best band containing ``degree`` (a fraction of the weight)."""
    pct = degree * HUNDRED
    for band in sorted(profile.qualitative, key=lambda b: b.max, reverse=True):
        if band.min <= pct <= band.max:
            return band
    return min(profile.qualitative, key=lambda b: b.min)


def score_indicator(
    ind: Indicator, index: int, profile: PerfProfile, kind: Kind
) -> IndicatorResult:
    category = profile.category_of(ind.level1, ind.level2, kind)
    target, actual = target_of(ind), actual_of(ind)
    operator = ind.operator or (target.operator if target else None)
    if operator == "文字描述" or (target is None and operator is None):
        res = IndicatorResult(index, ind, category, "qualitative", operator, target, actual)
        _qualitative(res, profile)
        return res
    if target is None:
        res = IndicatorResult(index, ind, category, "none", operator, None, actual)
        res.notes.append("缺少年度指标值，无法计分")
        return res
    res = IndicatorResult(index, ind, category, "quantitative", operator or "≥", target, actual)
    if operator is None:
        res.notes.append("未标明符号，按“≥”（正向指标）计分")
    elif operator in (">", "<"):
        res.notes.append(f"符号“{operator}”按“{'≥' if operator == '>' else '≤'}”计分")
    _quantitative(res, profile)
    return res


def _quantitative(res: IndicatorResult, profile: PerfProfile) -> None:
    target, op = res.target, res.operator or "≥"
    assert target is not None
    name = res.indicator.level3 or res.indicator.level2
    if target.unit == "%" and target.value > HUNDRED and "率" in name:
        res.suspicious_target = f"比率目标值 {target.value}% 超过 100%，疑为录入错误"
    if res.actual is None:
        res.text_actual_for_number = True
        verdict = judge(res.indicator.target_text, res.indicator.actual_text)
        res.band_reason = verdict.reason
        res.band = profile.band(verdict.band) if verdict.band else None
        res.method = "qualitative"
        res.notes.append(
            f"目标为数值而实际完成值为文字“{res.indicator.actual_text or '（空）'}”，"
            + (f"按文字判断为“{verdict.band}”" if verdict.band else "无法核实是否达到目标")
        )
        return
    actual, note = normalise_percent(target, res.actual, res.indicator.unit)
    if note:
        res.percent_normalised = True
        res.notes.append(note)
    res.actual = actual
    res.met = formulas.target_met(op, target.value, actual.value)
    res.ratio = formulas.achievement(op, target.value, actual.value)
    if res.weight is not None:
        res.computed = formulas.score_quantitative(op, res.weight, target.value, actual.value)
    res.deviation = formulas.deviation(target.value, actual.value)
    if res.deviation is None:
        res.notes.append("目标值为 0，偏差度无法计算")
    res.shortfall_deviation = ZERO if res.met else res.deviation
    if op == "=" and target.value == 0:
        res.notes.append("目标值为 0 的“=”指标：实际值 ≤ 0 得满分，否则不得分")


def _qualitative(res: IndicatorResult, profile: PerfProfile) -> None:
    actual = res.actual
    if actual is not None and actual.percent_sign:
        # 实际完成值以百分比表示完成程度（部门整体自评表常见）：按程度定档。
        degree = divide(actual.value, HUNDRED)
        capped = max(min(degree, ONE), ZERO)
        res.ratio = capped
        res.met = degree >= ONE
        res.band = band_for_degree(profile, capped)
        res.band_reason = f"实际完成程度 {fmt(degree, pct=True)}"
        if res.weight is not None:
            res.computed = res.weight * capped
        res.deviation = degree - ONE
        res.shortfall_deviation = ZERO if res.met else res.deviation
        return
    verdict = judge(res.indicator.target_text, res.indicator.actual_text)
    res.band_reason = verdict.reason
    if verdict.band is not None:
        res.band = profile.band(verdict.band)
        res.met = verdict.band == "达成"
    else:
        res.notes.append(verdict.reason)
