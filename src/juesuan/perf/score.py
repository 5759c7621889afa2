"""The scoring engine: ``recompute(evaluation, profile) -> ScoredEvaluation``.

Per indicator: the recomputed score (quantitative) or band (qualitative), the printed
score and notes; the recomputed 预算执行率 points; the total as printed, as the sum of the
printed parts (Σ printed indicator scores + execution points), and fully recomputed; the
grade under the profile; and the weight totals per 一级 category against the profile.
The formulas themselves live in :mod:`juesuan.perf.formulas` and are re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from juesuan.model.figure import Num
from juesuan.model.perf import Evaluation
from juesuan.perf.execution import ExecutionResult, score_execution
from juesuan.perf.formulas import (
    achievement,
    deviation,
    execution_points,
    execution_rate,
    score_at_least,
    score_at_most,
    score_equal,
    score_quantitative,
)
from juesuan.perf.indicator import IndicatorResult, score_indicator
from juesuan.perf.interval import ZERO, Interval, fmt, of
from juesuan.perf.profile import PerfProfile, load_profile

__all__ = [
    "CategoryWeight",
    "ScoredEvaluation",
    "achievement",
    "deviation",
    "execution_points",
    "execution_rate",
    "profile_for",
    "recompute",
    "score_at_least",
    "score_at_most",
    "score_equal",
    "score_quantitative",
]

UNCATEGORISED = "未归类"


@dataclass(frozen=True)
class CategoryWeight:
    name: str
    printed: Decimal  # Σ printed indicator weights in the category
    profile: Decimal | None  # the profile's weight (None: the profile sets none)
    printed_score: Decimal  # Σ printed scores
    recomputed_score: Decimal  # Σ recomputed points


@dataclass
class ScoredEvaluation:
    evaluation: Evaluation
    profile: PerfProfile
    indicators: list[IndicatorResult]
    execution: ExecutionResult
    categories: list[CategoryWeight]
    weight_total: Decimal  # Σ indicator weights + execution weight (as printed)
    printed_sum: Interval | None  # Σ printed indicator scores + execution points
    recomputed_total: Decimal | None  # Σ recomputed points + execution points (profile)
    inferred_index: int | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def printed_total(self) -> Num | None:
        return self.evaluation.total_score

    @property
    def printed_grade(self) -> str | None:
        g = self.evaluation.grade
        if not g:
            return None
        return self.profile.canonical_grade(g) or g

    def expected_grades(self) -> set[str]:
        """Grades consistent with the printed total (both ends of its rounding interval)."""
        if self.printed_total is None:
            return set()
        iv = of(self.printed_total)
        return {self.profile.grade_of(iv.lo), self.profile.grade_of(iv.hi)}

    @property
    def recomputed_grade(self) -> str | None:
        if self.recomputed_total is None:
            return None
        return self.profile.grade_of(self.recomputed_total)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (strings for Decimals, two decimals for computed values)."""
        ex = self.execution
        return {
            "name": self.evaluation.name,
            "kind": self.evaluation.kind,
            "profile": self.profile.name,
            "execution": {
                "weight": _s(ex.weight_printed),
                "profile_weight": str(ex.profile_weight),
                "rate_printed": _s(ex.rate_printed),
                "rate_recomputed": fmt(ex.rate, pct=True) if ex.rate is not None else None,
                "points_printed": _s(ex.points_printed),
                "points_recomputed": fmt(ex.points) if ex.points is not None else None,
                "notes": ex.notes,
            },
            "indicators": [_indicator_dict(r) for r in self.indicators],
            "categories": [
                {
                    "name": c.name,
                    "weight": str(c.printed),
                    "profile_weight": str(c.profile) if c.profile is not None else None,
                    "printed_score": str(c.printed_score),
                    "recomputed_score": fmt(c.recomputed_score),
                }
                for c in self.categories
            ],
            "weight_total": str(self.weight_total),
            "total_printed": _s(self.printed_total),
            "total_from_printed_parts": (
                fmt(self.printed_sum.mid) if self.printed_sum is not None else None
            ),
            "total_recomputed": (
                fmt(self.recomputed_total) if self.recomputed_total is not None else None
            ),
            "grade_printed": self.evaluation.grade,
            "grade_recomputed": self.recomputed_grade,
            "notes": self.notes,
        }


def _s(n: Num | None) -> str | None:
    return str(n.value) if n is not None else None


def _indicator_dict(r: IndicatorResult) -> dict[str, Any]:
    return {
        "level1": r.indicator.level1,
        "level2": r.indicator.level2,
        "level3": r.indicator.level3,
        "category": r.category,
        "method": r.method,
        "weight": str(r.weight) if r.weight is not None else None,
        "target": r.indicator.target_text or _s(r.indicator.target),
        "actual": r.indicator.actual_text or _s(r.indicator.actual),
        "printed": _s(r.printed),
        "recomputed": fmt(r.computed) if r.computed is not None else None,
        "band": r.band.name if r.band is not None else None,
        "agrees": r.agrees(),
        "deviation": fmt(r.deviation, pct=True) if r.deviation is not None else None,
        "notes": r.notes,
    }


def profile_for(evaluation: Evaluation, override: PerfProfile | None = None) -> PerfProfile:
    """The profile to score an evaluation with: the override, its own, or the default."""
    if override is not None:
        return override
    return load_profile(evaluation.profile) if evaluation.profile else load_profile()


def recompute(evaluation: Evaluation, profile: PerfProfile | None = None) -> ScoredEvaluation:
    """Score ``evaluation`` under ``profile`` (default: its own profile, else national)."""
    prof = profile_for(evaluation, profile)
    kind = evaluation.kind
    evaluation = _lift_execution_rows(evaluation, prof)
    results = [score_indicator(ind, i, prof, kind) for i, ind in enumerate(evaluation.indicators)]
    execution = score_execution(evaluation, prof)
    scored = ScoredEvaluation(
        evaluation=evaluation,
        profile=prof,
        indicators=results,
        execution=execution,
        categories=_categories(results, prof, evaluation),
        weight_total=sum((r.weight or ZERO for r in results), ZERO) + execution.weight_used,
        printed_sum=None,
        recomputed_total=None,
    )
    _infer_missing_score(scored)
    scored.printed_sum = _printed_sum(scored)
    scored.recomputed_total = _recomputed_total(scored)
    return scored


def _lift_execution_rows(evaluation: Evaluation, prof: PerfProfile) -> Evaluation:
    """A 预算执行率 row read as an indicator becomes the evaluation's execution weight/score."""
    execution = [prof.is_execution(i.level1 or i.level2) for i in evaluation.indicators]
    if not any(execution):
        return evaluation
    row = evaluation.indicators[execution.index(True)]
    update: dict[str, Any] = {
        "indicators": [
            i for i, is_row in zip(evaluation.indicators, execution, strict=True) if not is_row
        ]
    }
    if evaluation.execution_weight is None:
        update["execution_weight"] = row.weight
    if evaluation.execution_score is None:
        update["execution_score"] = row.score
    return evaluation.model_copy(update=update)


def _categories(
    results: list[IndicatorResult], prof: PerfProfile, evaluation: Evaluation
) -> list[CategoryWeight]:
    cats = prof.categories_for(evaluation.kind)
    order = [c.name for c in cats]
    by_name: dict[str, list[IndicatorResult]] = {}
    for r in results:
        by_name.setdefault(r.category or UNCATEGORISED, []).append(r)
    names = order + sorted(set(by_name) - set(order))
    out: list[CategoryWeight] = []
    for name in names:
        members = by_name.get(name, [])
        profile_weight = next((c.weight for c in cats if c.name == name), None)
        if not members and profile_weight is None:
            continue
        out.append(
            CategoryWeight(
                name=name,
                printed=sum((r.weight or ZERO for r in members), ZERO),
                profile=profile_weight,
                printed_score=sum(
                    (r.printed.value for r in members if r.printed is not None), ZERO
                ),
                recomputed_score=sum((r.final_points() or ZERO for r in members), ZERO),
            )
        )
    return out


def _infer_missing_score(scored: ScoredEvaluation) -> None:
    """Exactly one missing indicator score with a printed total: infer it from the total."""
    missing = [r for r in scored.indicators if r.printed is None]
    total = scored.printed_total
    points = scored.execution.points_for_total()
    if len(missing) != 1 or total is None or points is None:
        return
    others = sum((r.printed.value for r in scored.indicators if r.printed is not None), ZERO)
    value = of(total) - points - Interval.exact(others)
    r = missing[0]
    r.inferred = value
    scored.inferred_index = r.index
    msg = f"“{r.label}”未印得分，按总分反推为 {fmt(value.mid)}"
    r.notes.append(msg)
    scored.notes.append(msg)


def _printed_sum(scored: ScoredEvaluation) -> Interval | None:
    points = scored.execution.points_for_total()
    if points is None:
        points = Interval.exact(0)
        scored.notes.append("预算执行率得分未印出且无法重算，总分按不含执行率得分核对")
    lo, hi = points.lo, points.hi  # summed in order, as Interval.__add__ would
    for r in scored.indicators:
        iv = r.printed_interval()
        if iv is None:
            return None
        lo, hi = lo + iv.lo, hi + iv.hi
    return Interval(lo, hi)


def _recomputed_total(scored: ScoredEvaluation) -> Decimal | None:
    ex = scored.execution.profile_points
    if ex is None:
        return None
    parts = [r.final_points() for r in scored.indicators]
    if any(p is None for p in parts):
        scored.notes.append("部分指标缺少得分且无法重算，完全重算总分从略")
        return None
    return ex + sum((p for p in parts if p is not None), ZERO)
