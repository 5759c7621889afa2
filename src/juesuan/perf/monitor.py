"""绩效运行监控 ("双监控"): execution and indicator progress at a date vs 序时进度.

序时进度 is the elapsed share of the fiscal (calendar) year at the date, counting the date
itself: 2023-07-31 is day 212 of 365 → 58.08 %.  Execution more than ``threshold`` (10)
percentage points behind it is flagged; so are cumulative quantitative indicators whose
progress (actual ÷ target) lags it by as much, rate-type indicators still below target by
more than the threshold, and cost-type (≤) indicators already above their ceiling.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from juesuan.model.perf import Evaluation
from juesuan.perf.execution import main_line
from juesuan.perf.indicator import IndicatorResult
from juesuan.perf.interval import HUNDRED, ONE, ZERO, divide, fmt
from juesuan.perf.profile import PerfProfile
from juesuan.perf.score import recompute

Status = Literal["on_track", "behind", "exceeded", "unknown"]
DEFAULT_THRESHOLD = Decimal(10)


@dataclass(frozen=True)
class IndicatorProgress:
    label: str
    status: Status
    progress: Decimal | None  # actual ÷ target (fraction), or None
    message: str


@dataclass
class MonitorResult:
    evaluation: Evaluation
    date: date
    schedule: Decimal  # 序时进度, fraction
    threshold: Decimal  # percentage points
    execution_rate: Decimal | None  # B ÷ A to date, fraction
    execution_behind: bool
    indicators: list[IndicatorProgress] = field(default_factory=list)
    alerts: list[str] = field(default_factory=list)

    @property
    def lag(self) -> Decimal | None:
        """Percentage points by which execution trails the schedule (negative: ahead)."""
        if self.execution_rate is None:
            return None
        return (self.schedule - self.execution_rate) * HUNDRED

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.evaluation.name,
            "date": self.date.isoformat(),
            "schedule": fmt(self.schedule, pct=True),
            "execution_rate": (
                fmt(self.execution_rate, pct=True) if self.execution_rate is not None else None
            ),
            "lag_points": fmt(self.lag) if self.lag is not None else None,
            "threshold_points": str(self.threshold),
            "execution_behind": self.execution_behind,
            "indicators": [
                {
                    "label": p.label,
                    "status": p.status,
                    "progress": fmt(p.progress, pct=True) if p.progress is not None else None,
                    "message": p.message,
                }
                for p in self.indicators
            ],
            "alerts": self.alerts,
        }


def schedule_share(at: date, year: int | None = None) -> Decimal:
    """序时进度: days elapsed in ``year`` up to and including ``at``, ÷ days in the year."""
    fy = year or at.year
    if at.year < fy:
        return ZERO
    if at.year > fy:
        return ONE
    days = 366 if calendar.isleap(fy) else 365
    return divide(Decimal(at.timetuple().tm_yday), Decimal(days))


def monitor(
    evaluation: Evaluation,
    at: date,
    threshold: Decimal = DEFAULT_THRESHOLD,
    profile: PerfProfile | None = None,
) -> MonitorResult:
    """Execution and indicator progress of ``evaluation`` at date ``at``."""
    schedule = schedule_share(at, evaluation.year)
    result = MonitorResult(evaluation, at, schedule, threshold, None, False)
    line = main_line(evaluation)
    name = evaluation.name
    if line is None or line.annual_budget is None or line.executed is None:
        result.alerts.append(f"“{name}”缺少全年预算数或执行数，无法计算执行进度")
    elif line.annual_budget.value == 0:
        result.alerts.append(f"“{name}”全年预算数为 0，无法计算执行进度")
    else:
        rate = divide(line.executed.value, line.annual_budget.value)
        result.execution_rate = rate
        lag = (schedule - rate) * HUNDRED
        if lag > threshold:
            result.execution_behind = True
            result.alerts.append(
                f"“{name}”截至 {at.isoformat()} 预算执行率 {fmt(rate, pct=True)}，"
                f"低于序时进度 {fmt(schedule, pct=True)} {fmt(lag)} 个百分点"
                f"（超过 {threshold} 个百分点），执行进度滞后"
            )
    scored = recompute(evaluation, profile)
    for r in scored.indicators:
        progress = _progress(r, schedule, threshold)
        result.indicators.append(progress)
        if progress.status in ("behind", "exceeded"):
            result.alerts.append(f"“{name}”的指标“{r.label}”：{progress.message}")
    return result


def _is_rate(r: IndicatorResult) -> bool:
    return bool(r.target and r.target.unit == "%") or "率" in r.label


def _progress(r: IndicatorResult, schedule: Decimal, threshold: Decimal) -> IndicatorProgress:
    if r.method != "quantitative" or r.target is None or r.actual is None:
        return IndicatorProgress(r.label, "unknown", None, "定性或缺少数值，需人工判断完成可能性")
    target, actual, op = r.target.value, r.actual.value, r.operator or "≥"
    if op in ("≤", "<"):
        if actual > target:
            return IndicatorProgress(
                r.label, "exceeded", None, f"实际值 {actual} 已超过上限 {target}，年底前难以达标"
            )
        return IndicatorProgress(r.label, "on_track", None, f"实际值 {actual} 未超过上限 {target}")
    if target == 0:
        return IndicatorProgress(r.label, "unknown", None, "目标值为 0，无法计算进度")
    progress = divide(actual, target)
    if _is_rate(r):
        gap = (target - actual) if r.target.unit == "%" else (ONE - progress) * HUNDRED
        if gap > threshold:
            return IndicatorProgress(
                r.label,
                "behind",
                progress,
                f"当前 {actual} 低于目标 {target} 超过 {threshold} 个百分点，可能无法完成",
            )
        return IndicatorProgress(r.label, "on_track", progress, "比率类指标接近或达到目标")
    lag = (schedule - progress) * HUNDRED
    if lag > threshold:
        return IndicatorProgress(
            r.label,
            "behind",
            progress,
            f"完成进度 {fmt(progress, pct=True)}，低于序时进度 {fmt(schedule, pct=True)} "
            f"{fmt(lag)} 个百分点，可能无法完成",
        )
    return IndicatorProgress(r.label, "on_track", progress, f"完成进度 {fmt(progress, pct=True)}")
