"""Evaluation-level checks: 总分, 预算执行率, weights, grade."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from juesuan.model.finding import Finding
from juesuan.perf.execution import rate_interval_pct
from juesuan.perf.findings import eval_prov, finding
from juesuan.perf.interval import HUNDRED, ZERO, Interval, fmt, fmt_interval, of
from juesuan.perf.score import UNCATEGORISED, ScoredEvaluation

_HUNDRED_POINTS = Decimal(100)


def check_evaluation_level(scored: ScoredEvaluation) -> Iterator[Finding]:
    yield from _missing(scored)
    yield from _execution(scored)
    yield from _total(scored)
    yield from _weights(scored)
    yield from _grade(scored)
    yield from _regrade(scored)


def _name(scored: ScoredEvaluation) -> str:
    kind = "部门整体自评" if scored.evaluation.kind == "department" else "项目"
    return f"{kind}“{scored.evaluation.name}”"


def _missing(scored: ScoredEvaluation) -> Iterator[Finding]:
    notes = [*scored.execution.notes, *scored.notes]
    notes = [n for n in notes if "按 100% 计分" not in n]
    if scored.printed_total is None:
        notes.append("未印总分")
    if notes:
        yield finding(
            "P0100",
            f"{_name(scored)}：" + "；".join(dict.fromkeys(notes)),
            eval_prov(scored.evaluation),
        )


def _execution(scored: ScoredEvaluation) -> Iterator[Finding]:
    ex, ev, name = scored.execution, scored.evaluation, _name(scored)
    line = ex.line
    if ex.weight_printed is not None and ex.weight_printed.value != ex.profile_weight:
        yield finding(
            "P0109",
            f"{name}的预算执行率分值印为 {ex.weight_printed.value}，"
            f"评分规则“{scored.profile.name}”规定为 {ex.profile_weight}",
            eval_prov(ev, ex.weight_printed),
            expected=str(ex.profile_weight),
            actual=str(ex.weight_printed.value),
            computation=f"{scored.profile.title}：预算执行率 {ex.profile_weight} 分",
        )
    rate_pct = rate_interval_pct(ex)
    rate_printed = ex.rate_printed
    if (
        rate_printed is not None
        and rate_pct is not None
        and line is not None
        and not of(rate_printed).meets(rate_pct)
    ):
        assert ex.rate is not None and line.executed and line.annual_budget
        yield finding(
            "P0113",
            f"{name}的执行率印为 {rate_printed.value}%，"
            f"按全年执行数 ÷ 全年预算数应为 {fmt(ex.rate, pct=True)}",
            eval_prov(ev, rate_printed),
            expected=fmt(ex.rate, pct=True),
            actual=f"{rate_printed.value}%",
            computation=f"{line.executed.value} ÷ {line.annual_budget.value} × 100% = "
            f"{fmt(ex.rate, pct=True)}（区间 {fmt_interval(rate_pct)}）",
        )
    points = ex.points_printed
    if points is not None and (points.value < 0 or points.value > ex.weight_used):
        yield finding(
            "P0103",
            f"{name}的预算执行率得分 {points.value} 超出 0–{ex.weight_used}",
            eval_prov(ev, points),
            expected=f"0–{ex.weight_used}",
            actual=str(points.value),
            computation="0 ≤ 得分 ≤ 分值",
        )
    if (
        points is not None
        and ex.points_interval is not None
        and ex.points is not None
        and not of(points, assigned=True).meets(ex.points_interval)
    ):
        assert ex.rate is not None
        hint = ""
        if points.value == ex.weight_used and ex.rate < 1:
            hint = "（按满分计，但执行率未达 100%）"
        yield finding(
            "P0102",
            f"{name}的预算执行率得分印为 {points.value}，"
            f"按分值 × 执行率应为 {fmt(ex.points)}{hint}",
            eval_prov(ev, points),
            expected=fmt(ex.points),
            actual=str(points.value),
            computation=f"{ex.weight_used} × min({fmt(ex.rate, pct=True)}, 100%) = "
            f"{fmt(ex.points)}（区间 {fmt_interval(ex.points_interval)}）",
        )


def _total(scored: ScoredEvaluation) -> Iterator[Finding]:
    total, ev, name = scored.printed_total, scored.evaluation, _name(scored)
    if total is None:
        return
    if total.value < 0 or total.value > _HUNDRED_POINTS:
        yield finding(
            "P0103",
            f"{name}的总分 {total.value} 超出 0–100",
            eval_prov(ev, total),
            expected="0–100",
            actual=str(total.value),
        )
    psum = scored.printed_sum
    if psum is None or scored.inferred_index is not None:
        return
    if of(total).meets(psum):
        return
    indicators = sum((r.printed.value for r in scored.indicators if r.printed is not None), ZERO)
    points = scored.execution.points_for_total()
    points_mid = points.mid if points is not None else ZERO
    hint = ""
    if of(total).meets(Interval.exact(indicators)) and points_mid != 0:
        hint = "；总分恰等于指标得分合计，未计入预算执行率得分"
    yield finding(
        "P0101",
        f"{name}的总分印为 {total.value}，各指标得分之和加预算执行率得分为 {fmt(psum.mid)}{hint}",
        eval_prov(ev, total),
        expected=fmt(psum.mid),
        actual=str(total.value),
        computation=f"Σ 指标得分 {indicators} + 预算执行率得分 {fmt(points_mid)} = "
        f"{fmt(psum.mid)}（区间 {fmt_interval(psum)}，印出值区间 {fmt_interval(of(total))}）",
    )


def _weights(scored: ScoredEvaluation) -> Iterator[Finding]:
    ev, name, prof = scored.evaluation, _name(scored), scored.profile
    for cat in scored.categories:
        if cat.name == UNCATEGORISED and cat.printed:
            yield finding(
                "P0110",
                f"{name}有分值合计 {cat.printed} 的指标无法归入评分规则“{prof.name}”的一级指标",
                eval_prov(ev),
                expected="、".join(c.name for c in prof.categories_for(ev.kind)),
                actual=UNCATEGORISED,
            )
        elif cat.profile is not None and cat.printed != cat.profile:
            yield finding(
                "P0110",
                f"{name}的“{cat.name}”类指标分值合计 {cat.printed}，"
                f"评分规则“{prof.name}”规定为 {cat.profile}",
                eval_prov(ev),
                expected=str(cat.profile),
                actual=str(cat.printed),
                computation=f"Σ “{cat.name}”类三级指标分值 = {cat.printed}",
            )
    if scored.weight_total != HUNDRED:
        parts = " + ".join(f"{c.name} {c.printed}" for c in scored.categories if c.printed)
        yield finding(
            "P0111",
            f"{name}的指标分值与预算执行率分值合计为 {scored.weight_total}，不等于 100",
            eval_prov(ev),
            expected="100",
            actual=str(scored.weight_total),
            computation=f"{parts} + 预算执行率 {scored.execution.weight_used} "
            f"= {scored.weight_total}",
        )


def _grade(scored: ScoredEvaluation) -> Iterator[Finding]:
    ev, prof = scored.evaluation, scored.profile
    if not ev.grade or scored.printed_total is None:
        return
    canonical = prof.canonical_grade(ev.grade)
    expected = scored.expected_grades()
    if canonical is not None and canonical in expected:
        return
    bands = "、".join(f"{g.name} ≥{g.min}" for g in prof.grades)
    why = "" if canonical is not None else f"（“{ev.grade}”不是评分规则“{prof.name}”的等级名称）"
    yield finding(
        "P0112",
        f"{_name(scored)}总分 {scored.printed_total.value}，"
        f"等级应为“{'/'.join(sorted(expected))}”，"
        f"印为“{ev.grade}”{why}",
        eval_prov(ev),
        expected="/".join(sorted(expected)),
        actual=ev.grade,
        computation=f"{prof.title}：{bands}",
    )


def _regrade(scored: ScoredEvaluation) -> Iterator[Finding]:
    total, grade = scored.recomputed_total, scored.recomputed_grade
    printed = scored.printed_grade
    if total is None or grade is None or scored.printed_total is None:
        return
    shown = printed or scored.profile.grade_of(scored.printed_total.value)
    if shown == grade:
        return
    yield finding(
        "P0115",
        f"{_name(scored)}按评分规则“{scored.profile.name}”完全重算总分为 {fmt(total)}"
        f"（{grade}），印出 {scored.printed_total.value}（{shown}）",
        eval_prov(scored.evaluation, scored.printed_total),
        expected=f"{fmt(total)}（{grade}）",
        actual=f"{scored.printed_total.value}（{shown}）",
        computation="定量指标按公式、定性指标限于档次区间、预算执行率按规则分值重算",
    )
