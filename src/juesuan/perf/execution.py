"""Recompute the 预算执行率 block: rate B/A and its points, beside what was printed."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from juesuan.model.figure import Num
from juesuan.model.perf import Evaluation, FundingLine
from juesuan.perf import formulas
from juesuan.perf.interval import HUNDRED, ONE, ZERO, Interval, fmt, of
from juesuan.perf.profile import PerfProfile

_TOTAL_LABELS = ("年度资金总额", "资金总额", "部门预算总额", "合计", "总计")


@dataclass
class ExecutionResult:
    line: FundingLine | None
    profile_weight: Decimal
    weight_printed: Num | None
    points_printed: Num | None
    rate: Decimal | None = None  # B/A from the printed amounts, fraction
    rate_interval: Interval | None = None  # B/A over the printed precision, fraction
    points: Decimal | None = None  # with the printed weight (or the profile's if none)
    points_interval: Interval | None = None
    profile_points: Decimal | None = None  # with the profile's weight
    notes: list[str] = field(default_factory=list)

    @property
    def weight_used(self) -> Decimal:
        return self.weight_printed.value if self.weight_printed is not None else self.profile_weight

    @property
    def rate_printed(self) -> Num | None:
        return self.line.rate if self.line is not None else None

    def points_agree(self) -> bool | None:
        """Printed points vs weight × min(B/A, 1) on printed precision (None: cannot tell)."""
        if self.points_printed is None or self.points_interval is None:
            return None
        return of(self.points_printed, assigned=True).meets(self.points_interval)

    def points_for_total(self) -> Interval | None:
        """Execution points as they enter the printed 总分: printed if given, else computed."""
        if self.points_printed is not None:
            return of(self.points_printed, assigned=True)
        return self.points_interval


def main_line(evaluation: Evaluation) -> FundingLine | None:
    """The 年度资金总额 line (or the first line that has amounts)."""
    lines = evaluation.funding
    for line in lines:
        is_total = any(lbl in line.label.replace(" ", "") for lbl in _TOTAL_LABELS)
        if is_total and (line.annual_budget is not None or line.executed is not None):
            return line
    for line in lines:
        if line.annual_budget is not None or line.executed is not None:
            return line
    return lines[0] if lines else None


def score_execution(evaluation: Evaluation, profile: PerfProfile) -> ExecutionResult:
    line = main_line(evaluation)
    weight = evaluation.execution_weight
    if weight is None and line is not None:
        weight = line.weight
    points = evaluation.execution_score
    if points is None and line is not None:
        points = line.score
    res = ExecutionResult(line, profile.execution_weight_for(evaluation.kind), weight, points)
    if line is None or line.annual_budget is None or line.executed is None:
        res.notes.append("缺少全年预算数（A）或全年执行数（B），无法重算执行率")
        return res
    a, b = line.annual_budget, line.executed
    if a.value == 0:
        res.notes.append("全年预算数（A）为 0，执行率无法计算（不作除法）")
        return res
    res.rate = formulas.execution_rate(a.value, b.value)
    res.rate_interval = of(b).divided_by(of(a))
    res.points = formulas.execution_points(res.weight_used, a.value, b.value)
    res.profile_points = formulas.execution_points(res.profile_weight, a.value, b.value)
    bound = _rate_bound(res.rate_interval, line.rate)
    if bound is not None:
        capped = Interval(max(bound.lo, ZERO), max(bound.hi, ZERO))
        res.points_interval = capped.capped(ONE).scale(res.weight_used)
    if res.rate is not None and res.rate > ONE:
        res.notes.append(f"执行数大于预算数（执行率 {fmt(res.rate, pct=True)}），按 100% 计分")
    return res


def _rate_bound(computed: Interval | None, printed: Num | None) -> Interval | None:
    """Where the true rate lies: B/A over the printed precision, narrowed by the printed
    执行率 when the two agree (both constrain the same unrounded rate)."""
    if computed is None or printed is None:
        return computed
    stated = of(printed).scale(ONE / HUNDRED)
    if not stated.meets(computed):
        return computed
    return Interval(max(stated.lo, computed.lo), min(stated.hi, computed.hi))


def rate_interval_pct(res: ExecutionResult) -> Interval | None:
    return res.rate_interval.scale(HUNDRED) if res.rate_interval is not None else None
