"""Scoring formulas, profiles, qualitative judgement, units and interval helpers."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juesuan.errors import JuesuanError
from juesuan.model import Evaluation, FundingLine, Indicator, Num
from juesuan.perf import formulas
from juesuan.perf.interval import Interval, agrees, of, round2
from juesuan.perf.profile import list_profiles, load_profile
from juesuan.perf.qualitative import judge
from juesuan.perf.quantity import normalise_percent, parse_quantity
from juesuan.perf.score import recompute

W = D(10)


# --- execution ---------------------------------------------------------------------
def test_execution_points_full_partial_over_and_zero_budget() -> None:
    assert formulas.execution_points(W, D(100), D(100)) == D(10)
    assert formulas.execution_points(W, D(80), D("49.98")) == D("6.2475")  # 0.62475 × 10
    assert formulas.execution_points(W, D(100), D(120)) == D(10)  # capped at 100 %
    assert formulas.execution_points(W, D(0), D(5)) is None  # A = 0: no division
    assert formulas.execution_rate(D(0), D(0)) is None


# --- quantitative ≥ ------------------------------------------------------------------
def test_at_least_edges() -> None:
    assert formulas.score_at_least(W, D(100), D(100)) == W  # exactly at target
    assert formulas.score_at_least(W, D(100), D("100.01")) == W  # just over
    assert formulas.score_at_least(W, D(100), D("99.99")) == D("9.999")  # just under
    assert formulas.score_at_least(W, D(3000), D(1692)) == D("5.64")  # 10 × 1692/3000
    assert formulas.score_at_least(W, D(0), D(0)) == W  # target 0: any actual ≥ 0
    assert formulas.score_at_least(W, D(100), D(-5)) == 0  # never negative


def test_equal_edges() -> None:
    assert formulas.score_equal(W, D(100), D(100)) == W
    assert formulas.score_equal(W, D(100), D(50)) == D(5)
    assert formulas.score_equal(W, D(0), D(0)) == W  # target 0, actual 0: full
    assert formulas.score_equal(W, D(0), D("-1")) == W
    assert formulas.score_equal(W, D(0), D("0.01")) == 0  # target 0, actual > 0: nothing


# --- quantitative ≤ ------------------------------------------------------------------
def test_at_most_edges() -> None:
    assert formulas.score_at_most(W, D(20), D(20)) == W  # exactly at target
    assert formulas.score_at_most(W, D(20), D("14.15")) == W
    assert formulas.score_at_most(D(1), D(20), D("38.40")) == D("0.08")  # 003 预算调整率
    assert formulas.score_at_most(D("7.5"), D(20), D("29.2")) == D("4.05")  # 7.5 × (1 − 9.2/20)
    assert formulas.score_at_most(W, D(20), D(40)) == 0  # exactly 2 × target
    assert formulas.score_at_most(W, D(20), D("39.99")) == D("0.005")  # just under 2×
    assert formulas.score_at_most(W, D(20), D(41)) == 0
    assert formulas.score_at_most(W, D(0), D(0)) == W  # target 0: full only at ≤ 0
    assert formulas.score_at_most(W, D(0), D(1)) == 0


def test_deviation() -> None:
    assert formulas.deviation(D(20), D("38.40")) == D("0.92")  # 92.00 %
    assert formulas.deviation(D(100), D(96)) == D("-0.04")
    assert formulas.deviation(D(0), D(5)) is None


@given(
    st.decimals(min_value=1, max_value=10**6, places=2),
    st.decimals(min_value=0, max_value=10**6, places=2),
)
def test_scores_stay_within_weight(target: D, actual: D) -> None:
    for op in ("≥", "≤", "="):
        s = formulas.score_quantitative(op, W, target, actual)
        assert D(0) <= s <= W


# --- qualitative ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("target", "actual", "band"),
    [
        ("基本保障", "基本保障", "达成"),
        ("持续影响", "同比上年持续影响", "达成"),
        ("效果显著", "效果明显", "达成"),
        ("明显减轻", "明显减轻", "达成"),
        ("12 月底前", "已完成", "达成"),
        ("高中低", "高", "达成"),
        ("高中低", "中", "部分达成"),
        ("高中低", "低", "未达成"),
        ("好坏", "好", "达成"),
        ("好坏", "坏", "未达成"),
        ("上半年完成招标采购", "项目流标, 24 年继续", "未达成"),
        ("全面完成", "基本完成", "部分达成"),
        ("≤ 5 项", "全省第二名, 团体二等奖", None),
    ],
)
def test_judge(target: str, actual: str, band: str | None) -> None:
    assert judge(target, actual).band == band


def _qual(weight: str, score: str, target: str, actual: str) -> Indicator:
    return Indicator(
        level1="效益指标",
        level2="社会效益指标",
        level3="指标",
        weight=Num.of(weight),
        operator="文字描述",
        target_text=target,
        actual_text=actual,
        score=Num.of(score),
    )


def _evaluation(*indicators: Indicator, profile: str | None = None) -> Evaluation:
    return Evaluation(
        name="测试项目",
        funding=[FundingLine(annual_budget=Num.of("100"), executed=Num.of("100"))],
        indicators=list(indicators),
        execution_weight=Num.of("10"),
        execution_score=Num.of("10"),
        profile=profile,
    )


@pytest.mark.parametrize(
    ("score", "actual", "in_band"),
    [
        ("8", "已完成", True),  # 达成 lower edge 80 %
        ("7.99", "已完成", False),  # just below 达成
        ("10", "已完成", True),  # 达成 upper edge
        ("6", "基本完成", True),  # 部分达成 lower edge 60 %
        ("8", "基本完成", True),  # 部分达成 upper edge 80 %
        ("5.99", "基本完成", False),
        ("6", "未完成", True),  # 未达成 upper edge 60 %
        ("6.01", "未完成", False),
    ],
)
def test_bands_at_60_and_80(score: str, actual: str, in_band: bool) -> None:
    scored = recompute(_evaluation(_qual("10", score, "全面完成", actual)))
    assert scored.indicators[0].in_band() is in_band


def test_unknown_text_gives_no_band_and_no_points() -> None:
    r = recompute(_evaluation(_qual("10", "10", "≥5项", "全省第二名"))).indicators[0]
    assert r.band is None and r.computed is None and r.agrees() is None


# --- units ----------------------------------------------------------------------------
def test_parse_quantity() -> None:
    q = parse_quantity("≤20%")
    assert q is not None and q.value == D(20) and q.operator == "≤" and q.percent_sign
    q = parse_quantity("135.71 万元")
    assert q is not None and q.value == D("135.71") and q.unit == "万元"
    assert parse_quantity("12 月底前") is None
    assert parse_quantity("全省第二名") is None


def test_percent_printed_as_fraction_is_normalised_and_noted() -> None:
    target, actual = parse_quantity("90 %"), parse_quantity("0.9")
    assert target is not None and actual is not None
    scaled, note = normalise_percent(target, actual, "%")
    assert scaled.value == D(90) and note and "90" in note
    # 1.04 for 104 %
    a104 = parse_quantity("1.04")
    assert a104 is not None
    assert normalise_percent(parse_quantity("95") or target, a104, "%")[0].value == D(104)
    # an actual printed with its % sign is left alone
    a1 = parse_quantity("1%")
    assert a1 is not None and normalise_percent(target, a1, "%")[0].value == D(1)
    # a target that is itself a fraction is left alone
    t1 = parse_quantity("1")
    assert t1 is not None and normalise_percent(t1, actual, "%")[1] is None


def test_fraction_actual_scores_full_marks() -> None:
    ind = Indicator(
        level1="满意度指标",
        level3="参保人员满意度",
        weight=Num.of("10"),
        operator="≥",
        target_text="85 %",
        actual_text="0.85",
        score=Num.of("10"),
    )
    r = recompute(_evaluation(ind)).indicators[0]
    assert r.percent_normalised and r.computed == D(10) and r.agrees()


# --- profiles -------------------------------------------------------------------------
def test_builtin_profiles() -> None:
    names = [p.name for p in list_profiles()]
    assert names[0] == "national" and {"henan", "national-qualified"} <= set(names)
    nat = load_profile()
    assert nat.execution.weight == 10
    assert {c.name: c.weight for c in nat.categories} == {"产出": 50, "效益": 30, "满意度": 10}
    hen = load_profile("provincial-6")
    assert hen.name == "henan"
    assert sum(c.weight or 0 for c in hen.categories) + hen.execution.weight == 100
    assert nat.category_of("产出指标 (50分)") == "产出"
    assert nat.category_of("成本指标") == "产出"  # 二级 成本 belongs to 产出 nationally
    assert hen.category_of("成本指标") == "成本"  # a 一级 category in Henan
    assert nat.is_execution("预算执行")


def test_grades_per_profile() -> None:
    nat, qual = load_profile("national"), load_profile("national-qualified")
    assert [nat.grade_of(D(x)) for x in ("90", "89.99", "80", "60", "59.99")] == [
        "优",
        "良",
        "良",
        "中",
        "差",
    ]
    assert qual.grade_of(D(60)) == "合格" and qual.grade_of(D("59.99")) == "不合格"
    assert nat.canonical_grade("优秀") == "优"


def test_profile_switching_changes_category_check() -> None:
    inds = [
        Indicator(level1="产出指标", level3="a", weight=Num.of("30"), score=Num.of("30")),
        Indicator(level1="成本指标", level3="b", weight=Num.of("10"), score=Num.of("10")),
        Indicator(level1="资金管理", level3="c", weight=Num.of("20"), score=Num.of("20")),
        Indicator(level1="效益指标", level3="d", weight=Num.of("25"), score=Num.of("25")),
        Indicator(level1="满意度指标", level3="e", weight=Num.of("5"), score=Num.of("5")),
    ]
    ev = _evaluation(*inds)
    henan = {
        c.name: (c.printed, c.profile) for c in recompute(ev, load_profile("henan")).categories
    }
    assert all(printed == profile for printed, profile in henan.values())
    national = {c.name: c for c in recompute(ev, load_profile("national")).categories}
    assert national["产出"].printed == 40 and national["产出"].profile == 50
    assert "未归类" in national  # 资金管理 has no place in the national profile


def test_user_profile_by_path_and_bad_profiles(tmp_path: Path) -> None:
    good = tmp_path / "mine.yaml"
    text = (Path(__file__).parents[1] / "src/juesuan/perf/profiles/national.yaml").read_text(
        encoding="utf-8"
    )
    good.write_text(text.replace("name: national", "name: mine"), encoding="utf-8")
    assert load_profile(str(good)).name == "mine"
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(JuesuanError) as exc:
        load_profile(bad)
    assert "YAML" in str(exc.value) and "bad.yaml" in str(exc.value)
    incomplete = tmp_path / "incomplete.yaml"
    incomplete.write_text("name: x\ntitle: 测试\n", encoding="utf-8")
    with pytest.raises(JuesuanError) as exc:
        load_profile(incomplete)
    assert "缺少必填项" in str(exc.value) and "categories" in str(exc.value)
    with pytest.raises(JuesuanError, match="未知的评分规则"):
        load_profile("nowhere")


# --- intervals ------------------------------------------------------------------------
def test_interval_agreement_on_printed_precision() -> None:
    # 62.47 stands for [62.465, 62.475]; 49.98/80 = 62.475 % sits on its edge: consistent.
    assert agrees(Num.of("62.47"), D("62.475"))
    assert agrees(Num.of("62.48"), D("62.475"))
    assert not agrees(Num.of("62.46"), D("62.475"))
    assert agrees(Num.of("96.3"), D("96.296442"))
    assert not agrees(Num.of("8"), D("8.01"), assigned=True)  # an assigned score is exact
    assert of(Num.of("8")).lo == D("7.5")
    assert Interval(D(1), D(2)).divided_by(Interval(D(-1), D(1))) is None
    assert round2(D("6.2475")) == D("6.25") and round2(D("2.345")) == D("2.35")
