"""Checks across evaluations: summary rows (项目自评汇总表), grade counts, averages."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from decimal import Decimal

from juesuan.model.disclosure import Disclosure
from juesuan.model.extras import PerfSummary
from juesuan.model.figure import Num
from juesuan.model.finding import Finding
from juesuan.model.perf import EvaluationSummaryRow
from juesuan.model.provenance import Prov
from juesuan.perf.findings import eval_prov, finding, summary_prov
from juesuan.perf.interval import HUNDRED, ONE, ZERO, Interval, divide, fmt, fmt_interval, of
from juesuan.perf.matching import match_name
from juesuan.perf.profile import PerfProfile
from juesuan.perf.score import ScoredEvaluation

_NARRATIVE = Prov(table="绩效自评", row="预算绩效情况说明")


def check_summary_rows(
    rows: Sequence[EvaluationSummaryRow], projects: Sequence[ScoredEvaluation], profile: PerfProfile
) -> Iterator[Finding]:
    names = [s.evaluation.name for s in projects]
    for row in rows:
        yield from _row_arithmetic(row, profile)
        hit = match_name(row.name, names)
        if hit is None:
            continue
        yield from _row_vs_evaluation(row, projects[hit[0]], hit[1])


def _row_vs_evaluation(
    row: EvaluationSummaryRow, scored: ScoredEvaluation, approximate: bool
) -> Iterator[Finding]:
    ev, prof = scored.evaluation, scored.profile
    note = f"（按名称相似匹配到自评表“{ev.name}”）" if approximate else ""
    total = ev.total_score
    if row.score is not None and total is not None and not of(row.score).meets(of(total)):
        yield finding(
            "P0120",
            f"汇总表中“{row.name}”的自评得分 {row.score.value}"
            f"与其自评表总分 {total.value} 不符{note}",
            summary_prov(row, row.score),
            expected=str(total.value),
            actual=str(row.score.value),
            related=[eval_prov(ev, total)],
        )
    if row.grade and ev.grade:
        a, b = prof.canonical_grade(row.grade), prof.canonical_grade(ev.grade)
        if (a or row.grade) != (b or ev.grade):
            yield finding(
                "P0120",
                f"汇总表中“{row.name}”的评价结果“{row.grade}”与其自评表等级“{ev.grade}”不符{note}",
                summary_prov(row),
                expected=ev.grade,
                actual=row.grade,
                related=[eval_prov(ev)],
            )


def _row_rate(row: EvaluationSummaryRow) -> Interval | None:
    """执行率 as a fraction: the printed one if any, else B/A."""
    if row.rate is not None:
        return of(row.rate).scale(ONE / HUNDRED)
    if row.annual_budget is not None and row.executed is not None:
        return of(row.executed).divided_by(of(row.annual_budget))
    return None


def _row_arithmetic(row: EvaluationSummaryRow, profile: PerfProfile) -> Iterator[Finding]:
    a, b = row.annual_budget, row.executed
    if row.rate is not None and a is not None and b is not None and a.value != 0:
        exact = of(b).divided_by(of(a))
        if exact is not None and not of(row.rate).meets(exact.scale(HUNDRED)):
            yield finding(
                "P0126",
                f"汇总表中“{row.name}”的执行率印为 {row.rate.value}%，"
                f"按执行数 ÷ 预算数应为 {fmt(divide(b.value, a.value), pct=True)}",
                summary_prov(row, row.rate),
                expected=fmt(divide(b.value, a.value), pct=True),
                actual=f"{row.rate.value}%",
                computation=f"{b.value} ÷ {a.value} × 100%"
                f"（区间 {fmt_interval(exact.scale(HUNDRED))}）",
            )
    if not row.category_rates or row.score is None:
        return
    rate = _row_rate(row)
    weights: list[tuple[str, Decimal, Num]] = []
    for key, value in row.category_rates.items():
        cat = profile.category_of(key)
        weight = next((c.weight for c in profile.categories if c.name == cat), None)
        if weight is None:
            return  # a category the profile does not weigh: cannot recompute
        weights.append((key, weight, value))
    if rate is None:
        return
    capped = Interval(max(min(rate.lo, ONE), ZERO), max(min(rate.hi, ONE), ZERO))
    total = capped.scale(profile.execution.weight)
    for _key, weight, value in weights:
        total = total + of(value).scale(weight / HUNDRED)
    if of(row.score).meets(total):
        return
    parts = " + ".join(f"{w} × {v.value}%" for _k, w, v in weights)
    yield finding(
        "P0125",
        f"汇总表中“{row.name}”的自评得分 {row.score.value}与各类得分率推算的 {fmt(total.mid)} 不符",
        summary_prov(row, row.score),
        expected=fmt(total.mid),
        actual=str(row.score.value),
        computation=f"{profile.execution.weight} × min(执行率, 100%) + {parts}"
        f"（区间 {fmt_interval(total)}）",
    )


# --- the narrative's summary (extras.performance) -----------------------------------
def check_performance_summary(
    disclosure: Disclosure, projects: Sequence[ScoredEvaluation], profile: PerfProfile
) -> Iterator[Finding]:
    perf = disclosure.extras.performance
    rows = disclosure.evaluation_summary
    yield from _department_score(perf, disclosure)
    claimed = {(profile.canonical_grade(k) or k): v for k, v in perf.grade_counts.items()}
    claimed_total = sum(perf.grade_counts.values())
    n_stated = perf.projects_evaluated
    if perf.grade_counts and n_stated is not None and claimed_total != n_stated:
        yield finding(
            "P0121",
            f"各等级项目数之和为 {claimed_total}，开展自评的项目数为 {perf.projects_evaluated}",
            _NARRATIVE,
            expected=str(perf.projects_evaluated),
            actual=str(claimed_total),
            computation=" + ".join(f"{k} {v}" for k, v in perf.grade_counts.items()),
        )
    if rows:
        source = "汇总表"
        scores = [r.score for r in rows]
        grades = [_row_grade(r.grade, r.score, profile) for r in rows]
    else:
        source = "项目自评表"
        scores = [s.evaluation.total_score for s in projects]
        grades = [
            _row_grade(s.evaluation.grade, s.evaluation.total_score, profile) for s in projects
        ]
    if not scores:
        return
    stated = (
        perf.projects_evaluated if perf.projects_evaluated is not None else claimed_total or None
    )
    if rows and stated is not None and len(rows) != stated:
        yield finding(
            "P0124",
            f"情况说明所述开展自评的项目 {stated} 个，汇总表列出 {len(rows)} 个",
            _NARRATIVE,
            expected=str(stated),
            actual=str(len(rows)),
            related=[summary_prov(rows[0])],
        )
    complete = stated is None or len(scores) == stated
    yield from _grade_counts(claimed, grades, complete, source)
    yield from _average(perf, scores, complete, source)


def _row_grade(grade: str | None, score: Num | None, profile: PerfProfile) -> str | None:
    if grade:
        return profile.canonical_grade(grade) or grade
    return profile.grade_of(score.value) if score is not None else None


def _grade_counts(
    claimed: dict[str, int], grades: list[str | None], complete: bool, source: str
) -> Iterator[Finding]:
    if not claimed:
        return
    counted = Counter(g for g in grades if g)
    for grade in sorted(set(claimed) | set(counted)):
        said, seen = claimed.get(grade, 0), counted.get(grade, 0)
        if seen > said or (complete and seen != said):
            yield finding(
                "P0122",
                f"情况说明称“{grade}”等级项目 {said} 个，{source}中为 {seen} 个",
                _NARRATIVE,
                expected=str(seen),
                actual=str(said),
                computation=f"按{source}逐项统计："
                + "、".join(f"{k} {v}" for k, v in counted.items()),
            )


def _average(
    perf: PerfSummary, scores: list[Num | None], complete: bool, source: str
) -> Iterator[Finding]:
    if perf.average_score is None or not complete or any(s is None for s in scores):
        return
    present = [s for s in scores if s is not None]
    total = Interval.exact(0)
    for s in present:
        total = total + of(s)
    n = Decimal(len(present))
    mean = Interval(divide(total.lo, n), divide(total.hi, n))
    if of(perf.average_score).meets(mean):
        return
    yield finding(
        "P0123",
        f"情况说明所述平均得分 {perf.average_score.value}"
        f"与{source}各项目得分的平均 {fmt(mean.mid)} 不符",
        perf.average_score.prov or _NARRATIVE,
        expected=fmt(mean.mid),
        actual=str(perf.average_score.value),
        computation=f"Σ 得分 {fmt(total.mid)} ÷ {len(present)} = {fmt(mean.mid)}"
        f"（区间 {fmt_interval(mean)}）",
    )


def _department_score(perf: PerfSummary, disclosure: Disclosure) -> Iterator[Finding]:
    if perf.department_score is None:
        return
    departments = [e for e in disclosure.evaluations if e.kind == "department" and e.total_score]
    if not departments:
        return
    ev = departments[0]
    assert ev.total_score is not None
    if of(perf.department_score).meets(of(ev.total_score)):
        return
    yield finding(
        "P0127",
        f"情况说明所述部门整体自评得分 {perf.department_score.value}"
        f"与自评表总分 {ev.total_score.value} 不符",
        perf.department_score.prov or _NARRATIVE,
        expected=str(ev.total_score.value),
        actual=str(perf.department_score.value),
        related=[eval_prov(ev, ev.total_score)],
    )
