"""Project performance self-evaluations scored under the national profile.

Indicator scores follow the profile's formulas; the total and the grade are set with
:func:`juesuan.perf.score.recompute` so that they agree with the rows.
"""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

from juesuan.model.figure import Num
from juesuan.model.perf import Evaluation, FundingLine, Indicator
from juesuan.perf.formulas import score_quantitative
from juesuan.perf.profile import load_profile
from juesuan.perf.score import recompute
from juesuan.synth import vocab
from juesuan.synth.money import dnum, pct

TWO = Decimal("0.01")
PROFILE = "national"


def _q2(v: Decimal) -> Decimal:
    return v.quantize(TWO, rounding=ROUND_HALF_UP)


def _n(v: Decimal | int) -> Num:
    return Num.of(v if isinstance(v, int) else _q2(v))


def _quant(
    rng: random.Random,
    level1: str,
    level2: str,
    level3: str,
    weight: int,
    op: str,
    target: Decimal,
    actual: Decimal,
    unit: str,
) -> Indicator:
    score = _q2(score_quantitative(op, Decimal(weight), target, actual))
    met = (actual >= target) if op == "≥" else (actual <= target)
    fmt_t = f"{target}{unit}"
    return Indicator(
        level1=level1,
        level2=level2,
        level3=level3,
        weight=Num.of(weight),
        operator=op,
        target_text=fmt_t,
        target=Num.of(target),
        unit=unit,
        actual_text=f"{actual}{unit}",
        actual=Num.of(actual),
        status="完成" if met else "未完成",
        score=Num.of(score if score != score.to_integral() else int(score)),
        reason=None
        if met
        else rng.choice(
            ("项目实施进度滞后，下一年度加快推进。", "受客观因素影响未全部完成，已加强督促。")
        ),
    )


def _text(
    rng: random.Random, level1: str, level2: str, level3: str, weight: int, words: str
) -> Indicator:
    full = rng.random() < 0.7
    score: Decimal | int = (
        weight if full else _q2(Decimal(weight) * Decimal(rng.choice((90, 95))) / 100)
    )
    return Indicator(
        level1=level1,
        level2=level2,
        level3=level3,
        weight=Num.of(weight),
        operator="文字描述",
        target_text=words,
        actual_text=words,
        status="完成",
        score=_n(score),
    )


def evaluation(
    rng: random.Random,
    name: str,
    department: str,
    implementer: str,
    year: int,
    executed: Decimal,
    initial_budget: Decimal,
    topic: str,
    *,
    full_rate: bool = False,
) -> Evaluation:
    """One 项目支出绩效自评表 whose 全年执行数 is ``executed`` 万元."""
    rate_pick = rng.random()
    if full_rate or rate_pick < 0.55:
        annual = executed
    else:
        annual = _q2(executed / Decimal(str(rng.uniform(0.82, 0.995))))
    rate = pct(executed, annual) or Decimal(0)
    exec_points = _q2(Decimal(10) * min(executed / annual, Decimal(1))) if annual else Decimal(0)
    exec_points_num = _n(exec_points if exec_points != 10 else 10)
    out_weights = rng.choice(((20, 10, 10, 10), (15, 15, 10, 10), (20, 15, 10, 5)))
    indicators: list[Indicator] = []
    lvl2, stem, unit = rng.choice(vocab.OUTPUT_COUNT)
    target = Decimal(rng.choice((5, 8, 10, 12, 20, 30, 50, 100, 200, 500, 1000)))
    met = rng.random() < 0.85
    actual = (
        target + Decimal(rng.randrange(0, max(2, int(target) // 10 + 1)))
        if met
        else ((target * Decimal(str(rng.uniform(0.8, 0.97)))).to_integral_value())
    )
    indicators.append(
        _quant(
            rng, "产出指标", lvl2, stem.format(t=topic), out_weights[0], "≥", target, actual, unit
        )
    )
    lvl2, stem = rng.choice(vocab.OUTPUT_RATE)
    target = Decimal(rng.choice((90, 95, 98, 100)))
    actual = (
        target if target == 100 or rng.random() < 0.5 else Decimal(rng.randrange(int(target), 101))
    )
    indicators.append(_quant(rng, "产出指标", lvl2, stem, out_weights[1], "≥", target, actual, "%"))
    indicators.append(
        _text(rng, "产出指标", "时效指标", "项目完成时间", out_weights[2], "按时完成")
    )
    indicators.append(
        _quant(
            rng, "产出指标", "成本指标", "项目总成本", out_weights[3], "≤", annual, executed, "万元"
        )
    )
    benefits = rng.sample(vocab.BENEFIT_TEXT, 2)
    for (lvl2, stem, words), weight in zip(benefits, (20, 10), strict=True):
        indicators.append(_text(rng, "效益指标", lvl2, stem.format(t=topic), weight, words))
    lvl2, stem = rng.choice(vocab.SATISFACTION)
    sat_target = Decimal(rng.choice((85, 90, 95)))
    sat_actual = Decimal(rng.randrange(int(sat_target), 100))
    indicators.append(_quant(rng, "满意度指标", lvl2, stem, 10, "≥", sat_target, sat_actual, "%"))
    ev = Evaluation(
        kind="project",
        name=name,
        department=department,
        implementer=implementer,
        year=year,
        profile=PROFILE,
        funding=[
            FundingLine(
                label="年度资金总额",
                initial_budget=dnum(initial_budget),
                annual_budget=dnum(annual),
                executed=dnum(executed),
                weight=Num.of(10),
                rate=Num.of(rate),
                score=exec_points_num,
            )
        ],
        indicators=indicators,
        execution_weight=Num.of(10),
        execution_score=exec_points_num,
    )
    return set_total(ev)


def set_total(ev: Evaluation) -> Evaluation:
    """Total = Σ printed indicator scores + execution points; grade from the profile."""
    scored = recompute(ev, load_profile(PROFILE))
    if scored.printed_sum is None:  # pragma: no cover - every indicator carries a score
        raise ValueError("incomplete evaluation")
    total = _q2(scored.printed_sum.mid)
    grade = scored.profile.grade_of(total)
    return ev.model_copy(update={"total_score": Num.of(total), "grade": grade})
