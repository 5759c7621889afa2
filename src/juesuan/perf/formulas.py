"""The scoring formulas (财预〔2020〕10号 and common practice): pure functions on Decimal.

No float anywhere; divisions use 40 significant digits.  Each function returns the exact
result; rounding for display is the caller's business (:func:`juesuan.perf.interval.round2`).
"""

from __future__ import annotations

from decimal import Decimal

from juesuan.perf.interval import ONE, ZERO, divide


def execution_rate(annual_budget: Decimal, executed: Decimal) -> Decimal | None:
    """执行率 B/A as a fraction; ``None`` when A = 0 (no rate can be computed)."""
    if annual_budget == 0:
        return None
    return divide(executed, annual_budget)


def execution_points(weight: Decimal, annual_budget: Decimal, executed: Decimal) -> Decimal | None:
    """预算执行率得分 = weight × min(B/A, 1); ``None`` when A = 0."""
    rate = execution_rate(annual_budget, executed)
    if rate is None:
        return None
    return weight * max(min(rate, ONE), ZERO)


def score_at_least(weight: Decimal, target: Decimal, actual: Decimal) -> Decimal:
    """正向指标 (≥): full marks when actual ≥ target, else weight × actual/target (≥ 0)."""
    if actual >= target:
        return weight
    if target <= 0:  # actual < target ≤ 0: a shortfall with no meaningful ratio
        return ZERO
    return max(weight * divide(actual, target), ZERO)


def score_equal(weight: Decimal, target: Decimal, actual: Decimal) -> Decimal:
    """= : scored as ≥; with target 0, full marks only when actual ≤ 0, else nothing."""
    if target == 0:
        return weight if actual <= 0 else ZERO
    return score_at_least(weight, target, actual)


def score_at_most(weight: Decimal, target: Decimal, actual: Decimal) -> Decimal:
    """反向指标 (≤): full when actual ≤ target; between target and 2×target,
    weight × (1 − (actual − target)/target); at or beyond 2×target, nothing."""
    if actual <= target:
        return weight
    if target <= 0 or actual >= 2 * target:
        return ZERO
    return weight * (ONE - divide(actual - target, target))


def achievement(operator: str, target: Decimal, actual: Decimal) -> Decimal | None:
    """The degree of achievement as a fraction capped at 1 (score ÷ weight)."""
    if operator in ("≤", "<"):
        return score_at_most(ONE, target, actual)
    if operator == "=":
        return score_equal(ONE, target, actual)
    return score_at_least(ONE, target, actual)


def score_quantitative(operator: str, weight: Decimal, target: Decimal, actual: Decimal) -> Decimal:
    """Dispatch on the operator: ≥ and > as 正向, ≤ and < as 反向, = as described."""
    if operator in ("≤", "<"):
        return score_at_most(weight, target, actual)
    if operator == "=":
        return score_equal(weight, target, actual)
    return score_at_least(weight, target, actual)


def deviation(target: Decimal, actual: Decimal) -> Decimal | None:
    """偏差度 = (actual − target)/target as a fraction; ``None`` when target = 0."""
    if target == 0:
        return None
    return divide(actual - target, target)


def target_met(operator: str, target: Decimal, actual: Decimal) -> bool:
    if operator in ("≤", "<"):
        return actual <= target
    if operator == "=" and target == 0:
        return actual <= 0
    return actual >= target
