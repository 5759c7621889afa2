"""Indicator-level checks: score range, formula, band, completion claims, 偏差度."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from juesuan.model.finding import Finding, Severity
from juesuan.model.provenance import Prov
from juesuan.perf.findings import finding, indicator_prov
from juesuan.perf.indicator import IndicatorResult, band_for_degree
from juesuan.perf.interval import HUNDRED, ZERO, Interval, divide, fmt, of
from juesuan.perf.qualitative import is_positive_status
from juesuan.perf.score import ScoredEvaluation

_BAND_RANK = {"未达成": 0, "部分达成": 1, "达成": 2}


def check_indicators(scored: ScoredEvaluation) -> Iterator[Finding]:
    for r in scored.indicators:
        yield from _check_one(scored, r)


def _check_one(scored: ScoredEvaluation, r: IndicatorResult) -> Iterator[Finding]:
    ev = scored.evaluation
    loc = indicator_prov(ev, r, r.printed)
    where = f"“{ev.name}”的指标“{r.label}”"
    range_finding = _range(r, where, loc)
    if range_finding is not None:
        yield range_finding
    if r.suspicious_target:
        assert r.target is not None
        yield finding(
            "P0108",
            f"{where}：{r.suspicious_target}",
            indicator_prov(ev, r),
            expected="≤100%",
            actual=f"{r.target.value}%",
            computation="比率类指标（名称含“率”）的目标不应超过 100%",
        )
        yield from _deviation(scored, r, where)
        return
    claim = _completion_claim(scored, r, where)
    if claim is not None:
        yield claim
    elif r.method == "quantitative":
        formula = _formula(scored, r, where)
        if formula is not None:
            yield formula
    elif r.band is not None and r.in_band() is False:
        bi = r.band_interval()
        assert bi is not None and r.printed is not None
        yield finding(
            "P0104",
            f"{where}判定为“{r.band.name}”（{r.band_reason}），"
            f"得分 {r.printed.value} 不在该档区间 {fmt(bi.lo)}–{fmt(bi.hi)} 内",
            loc,
            expected=f"{fmt(bi.lo)}–{fmt(bi.hi)}",
            actual=str(r.printed.value),
            computation=f"分值 {r.weight} × {r.band.label()}",
        )
    yield from _deviation(scored, r, where)


def _range(r: IndicatorResult, where: str, loc: Prov) -> Finding | None:
    if r.weight is None:
        return None
    if r.printed is None:
        if r.inferred is None or r.inferred.meets(Interval(ZERO, r.weight)):
            return None
        score = r.inferred.mid
    else:
        score = r.printed.value
        if ZERO <= score <= r.weight:
            return None
    what = "反推得分" if r.printed is None else "得分"
    return finding(
        "P0103",
        f"{where}{what} {fmt(score) if r.printed is None else score} "
        + ("为负数" if score < 0 else f"超过分值 {r.weight}"),
        loc,
        expected=f"0–{r.weight}",
        actual=fmt(score) if r.printed is None else str(score),
        computation=f"0 ≤ 得分 ≤ 分值 {r.weight}",
    )


def _claims_done(r: IndicatorResult) -> tuple[bool, str]:
    if is_positive_status(r.indicator.status):
        return True, f"完成情况标为“{r.indicator.status}”"
    if r.printed is not None and r.weight is not None and r.printed.value >= r.weight > 0:
        return True, "给了满分"
    return False, ""


def _completion_claim(scored: ScoredEvaluation, r: IndicatorResult, where: str) -> Finding | None:
    done, how = _claims_done(r)
    if not done:
        return None
    ev = scored.evaluation
    ind = r.indicator
    loc = indicator_prov(ev, r, r.printed)
    target = ind.target_text or (str(ind.target.value) if ind.target else "")
    actual = ind.actual_text or (str(ind.actual.value) if ind.actual else "")
    if r.text_actual_for_number and r.band is None:
        return finding(
            "P0106",
            f"{where}{how}，但年度指标值为数值“{_op(r)}{target}”，实际完成值“{actual}”"
            "无法说明是否达到",
            loc,
            expected=f"{_op(r)}{target}",
            actual=actual or "（空）",
            computation="数值目标须有可比较的实际完成值",
        )
    far_floor = scored.profile.band("部分达成").min
    if r.method == "quantitative" and r.met is False and r.ratio is not None:
        far = r.ratio * HUNDRED < far_floor
        assert r.target is not None and r.actual is not None
        comp = (
            f"完成程度 {fmt(r.ratio, pct=True)}（{_op(r)}{r.target.value}，实际 {r.actual.value}）"
        )
        if r.computed is not None:
            comp += f"；按公式应得 {fmt(r.computed)}"
        return finding(
            "P0105",
            f"{where}{how}，但实际完成值 {actual} 未达到目标 {_op(r)}{target}"
            + ("，差距较大" if far else ""),
            loc,
            expected=fmt(r.computed) if r.computed is not None else f"{_op(r)}{target}",
            actual=str(r.printed.value) if r.printed is not None else (ind.status or ""),
            computation=comp,
            severity="error" if far else "warning",
        )
    if r.method == "qualitative" and r.band is not None and r.band.name != "达成":
        sev: Severity = "error" if r.band.name == "未达成" else "warning"
        return finding(
            "P0105",
            f"{where}{how}，但实际完成值“{actual}”判定为“{r.band.name}”（{r.band_reason}）",
            loc,
            expected=f"{r.band.label()}",
            actual=str(r.printed.value) if r.printed is not None else (ind.status or ""),
            computation=f"目标“{target}”，实际“{actual}”",
            severity=sev,
        )
    return None


def _op(r: IndicatorResult) -> str:
    op = r.operator or ""
    return "" if op == "文字描述" else op


def _formula(scored: ScoredEvaluation, r: IndicatorResult, where: str) -> Finding | None:
    if r.computed is None or r.printed is None or r.agrees() is not False:
        return None
    assert r.target is not None and r.actual is not None and r.weight is not None
    printed = r.printed.value
    sev: Severity
    if printed < r.computed:
        sev, tail = "info", "印出得分低于重算得分"
    else:
        printed_band = (
            band_for_degree(scored.profile, divide(printed, r.weight)) if r.weight else None
        )
        actual_band = band_for_degree(scored.profile, r.ratio or ZERO)
        higher = printed_band is not None and (
            _BAND_RANK.get(printed_band.name, 0) > _BAND_RANK.get(actual_band.name, 0)
        )
        sev = "error" if higher else "warning"
        tail = (
            f"印出得分相当于“{printed_band.name}”档，而实际完成程度属“{actual_band.name}”档"
            if higher and printed_band is not None
            else "印出得分高于重算得分"
        )
    return finding(
        "P0107",
        f"{where}得分 {printed} 与重算得分 {fmt(r.computed)} 不符（{tail}）",
        indicator_prov(scored.evaluation, r, r.printed),
        expected=fmt(r.computed),
        actual=str(printed),
        computation=_formula_text(r),
        severity=sev,
    )


def _formula_text(r: IndicatorResult) -> str:
    assert r.target is not None and r.actual is not None and r.weight is not None
    t, a, w, op = r.target.value, r.actual.value, r.weight, r.operator or "≥"
    if op in ("≤", "<"):
        if a <= t:
            body = f"实际 {a} ≤ 目标 {t}，得满分 {w}"
        elif a >= 2 * t:
            body = f"实际 {a} ≥ 2×目标 {2 * t}，得 0"
        else:
            body = f"{w} × (1 − ({a} − {t}) / {t}) = {fmt(r.computed)}"
    elif a >= t:
        body = f"实际 {a} ≥ 目标 {t}，得满分 {w}"
    elif t == 0:
        body = "目标为 0 且实际 > 0，得 0"
    else:
        body = f"{w} × {a} / {t} = {fmt(r.computed)}"
    return f"{op}：{body}" + ("（实际值已由小数换算为百分数）" if r.percent_normalised else "")


def _deviation(scored: ScoredEvaluation, r: IndicatorResult, where: str) -> Iterator[Finding]:
    printed = r.indicator.deviation
    if printed is None or r.deviation is None:
        return
    candidates = [r.deviation * HUNDRED]
    if r.shortfall_deviation is not None:
        candidates.append(r.shortfall_deviation * HUNDRED)
    pi = of(printed)
    if any(pi.contains(c) for c in candidates):  # meets Interval.exact(c)
        return
    raw = candidates[0]
    yield finding(
        "P0114",
        f"{where}偏差度印为 {printed.value}%，重算为 {fmt(raw)}%",
        indicator_prov(scored.evaluation, r, printed),
        expected=f"{fmt(raw)}%" + (" 或 0.00%（已达目标）" if r.met else ""),
        actual=f"{printed.value}%",
        computation=_deviation_text(r, raw),
    )


def _deviation_text(r: IndicatorResult, raw: Decimal) -> str:
    if r.target is not None and r.actual is not None:
        t, a = r.target.value, r.actual.value
        return f"({a} − {t}) / {t} = {fmt(raw)}%"
    return f"完成程度 − 100% = {fmt(raw)}%"
