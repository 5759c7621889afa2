"""Checks on hand-built evaluations that mirror the real errors in the seed documents.

Expected numbers are worked out by hand in each test (not copied from the engine).
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal as D

from juesuan.model import (
    Disclosure,
    Evaluation,
    EvaluationSummaryRow,
    Finding,
    FundingLine,
    Indicator,
    Meta,
    Num,
    Prov,
)
from juesuan.perf.checks import PERF_RULES, check_evaluation, check_evaluations
from juesuan.perf.interval import round2
from juesuan.perf.profile import load_profile
from juesuan.perf.score import recompute


def ind(
    level1: str,
    level2: str,
    level3: str,
    weight: str,
    op: str | None,
    target: str,
    actual: str,
    score: str | None,
    status: str | None = "完成",
    deviation: str | None = None,
) -> Indicator:
    return Indicator(
        level1=level1,
        level2=level2,
        level3=level3,
        weight=Num.of(weight),
        operator=op,
        target_text=target,
        actual_text=actual,
        status=status,
        score=Num.of(score) if score is not None else None,
        deviation=Num.of(deviation) if deviation is not None else None,
    )


def funds(a: str, b: str, weight: str, rate: str | None, score: str | None) -> FundingLine:
    return FundingLine(
        annual_budget=Num.of(a),
        executed=Num.of(b),
        weight=Num.of(weight),
        rate=Num.of(rate) if rate is not None else None,
        score=Num.of(score) if score is not None else None,
    )


def codes(findings: list[Finding]) -> Counter[str]:
    return Counter(f.code for f in findings)


def by_code(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


# --- seed 002 project 1: 下达 2023 年中央财政医疗服务与保障能力提升补助资金 ------------------
def seed002_project1(knowledge_score: str | None = "8") -> Evaluation:
    return Evaluation(
        name="下达 2023 年中央财政医疗服务与保障能力提升补助资金",
        funding=[funds("186.000000", "135.713830", "10", "72.96", "7.296442")],
        indicators=[
            ind(
                "产出指标",
                "数量指标",
                "练兵比武",
                "8.00",
                "≤",
                "5 项",
                "全省第二名, 团体二等奖",
                "8",
            ),
            ind("产出指标", "数量指标", "基金监管项目", "8.00", "≥", "1 项", "1 项", "8"),
            ind("产出指标", "数量指标", "集采监管项目", "8.00", "≥", "1 项", "1 项", "8"),
            ind("产出指标", "质量指标", "练兵比武完成率", "8.00", "≥", "50 %", "项目已完成。", "8"),
            ind(
                "产出指标",
                "质量指标",
                "基金监管完成率",
                "8.00",
                "≥",
                "50 %",
                "已按合同约定开展工作",
                "8",
            ),
            ind(
                "产出指标",
                "质量指标",
                "集采监管完成率",
                "8.00",
                "≥",
                "50 %",
                "已按合同约定开展工作",
                "8",
            ),
            ind("产出指标", "时效指标", "完成时限", "8.00", "文字描述", "12 月底前", "已完成", "8"),
            ind(
                "产出指标",
                "成本指标",
                "成本预算控制数",
                "8.00",
                "≤",
                "186 万元",
                "135.71 万元",
                "7",
            ),
            ind(
                "效益指标",
                "经济效益指标",
                "参保群众政策知晓率",
                "8.00",
                "≥",
                "90 %",
                "0.9",
                knowledge_score,
            ),
            ind(
                "效益指标",
                "可持续影响指标",
                "保障医保基金安全运行",
                "8.00",
                "文字描述",
                "持续影响",
                "同比上年持续影响",
                "8",
            ),
            ind(
                "满意度指标", "服务对象满意度", "参保人员满意度", "10.00", "≥", "85 %", "0.85", "10"
            ),
        ],
        total_score=Num.of("96.3"),
        grade="优",
    )


def test_seed002_project1_total_adds_up() -> None:
    # Σ indicator scores: 8×6 (rows 1–7 but row 8 is 7) → 8×7 + 7 + 8 + 8 + 10 = 89;
    # + 预算执行率 7.296442 = 96.296442, printed 96.3 = [96.25, 96.35] → consistent.
    # 执行率: 135.71383 / 186 = 72.9644…% (printed 72.96) and 10 × 0.729644… = 7.296442.
    findings = check_evaluation(seed002_project1())
    c = codes(findings)
    assert "P0101" not in c and "P0102" not in c and "P0113" not in c and "P0112" not in c
    # ≤ 5 项 with a text actual, given full marks and 完成: unverifiable → error.
    p0106 = by_code(findings, "P0106")
    assert {f.location.row for f in p0106} >= {
        "下达 2023 年中央财政医疗服务与保障能力提升补助资金 / 练兵比武"
    }
    assert all(f.severity == "error" for f in p0106)
    # ≤ 186 万元, actual 135.71: met, formula gives 8 but 7 was printed → under-scored (info).
    under = [f for f in by_code(findings, "P0107") if "成本预算控制数" in (f.location.row or "")]
    assert under and under[0].severity == "info" and under[0].expected == "8.00"
    # national weights: 产出 8 × 8 = 64 ≠ 50; 效益 8 + 8 = 16 ≠ 30; 满意度 10 = 10.
    p0110 = {f.actual for f in by_code(findings, "P0110")}
    assert p0110 == {"64.00", "16.00"}
    assert "P0111" not in c  # 64 + 16 + 10 + 10 = 100


def test_seed002_project1_missing_score_is_inferred() -> None:
    # The 知晓率 row lost its score in the export: 96.3 − 81 − 7.296442 = 8.003558 ≈ 8.00.
    scored = recompute(seed002_project1(knowledge_score=None))
    r = scored.indicators[8]
    assert r.inferred is not None and round2(r.inferred.mid) == D("8.00")
    findings = check_evaluation(seed002_project1(knowledge_score=None))
    assert "P0101" not in codes(findings)
    assert "P0103" not in codes(findings)  # [7.95, 8.05] meets [0, 8]
    assert any("反推" in f.message for f in by_code(findings, "P0100"))


def test_seed002_project1_wrong_total_is_an_error() -> None:
    ev = seed002_project1().model_copy(update={"total_score": Num.of("89")})
    f = by_code(check_evaluation(ev), "P0101")
    assert len(f) == 1 and f[0].severity == "error" and f[0].expected == "96.30"
    assert "未计入预算执行率得分" in f[0].message  # 89 = Σ indicator scores


# --- seed 002 医疗运行保障及审计 ------------------------------------------------------------
def seed002_audit() -> Evaluation:
    q = "数量指标"
    z = "质量指标"
    return Evaluation(
        name="医疗运行保障及审计",
        funding=[funds("80.000000", "49.980000", "10", "62.47", "6.2475")],
        indicators=[
            ind(
                "产出指标", q, "医疗保险基金收入", "10.00", "≥", "560000 万元", "677442 万元", "10"
            ),
            ind(
                "产出指标", q, "基本医疗保险参保人数", "5.00", "≥", "2750000 人", "2922434 人", "5"
            ),
            ind(
                "产出指标",
                q,
                "基本医疗保险基金支出",
                "5.00",
                "≥",
                "470000 万元",
                "593297 万元",
                "5",
            ),
            ind("产出指标", q, "委托第三方审计次数", "4.00", "≥", "2 次", "2 次", "4"),
            ind("产出指标", q, "档案托管的数量", "3.00", "≥", "3000 套", "3286 套", "3"),
            ind("产出指标", q, "参保企业缴费基数稽核情况", "5.00", "≥", "3000 家", "1692 家", "5"),
            ind("产出指标", z, "各项系统正常运行保障率", "5.00", "=", "100 %", "1", "5"),
            ind("产出指标", z, "托管档案的丢失率", "3.00", "=", "", "0", "3"),
            ind("产出指标", z, "参保人数覆盖率", "5.00", "≥", "95 %", "0.95", "5"),
            ind("产出指标", z, "基本医疗保险金支付完成率", "5.00", "≥", "95 %", "0.96", "5"),
            ind("产出指标", z, "征缴收入完成率", "5.00", "≥", "95 %", "1.04", "5"),
            ind(
                "产出指标",
                "时效指标",
                "项目完成的及时率",
                "5.00",
                "文字描述",
                "按时限要求完成",
                "完成",
                "5",
            ),
            ind("产出指标", "成本指标", "项目支出金额", "5.00", "≤", "80 万元", "49.98 万元", "4"),
            ind(
                "效益指标",
                "社会效益指标",
                "保障经办工作正常运行",
                "5.00",
                "文字描述",
                "基本保障",
                "基本保障",
                "5",
            ),
            ind(
                "效益指标",
                "社会效益指标",
                "保障各项系统正常运行",
                "5.00",
                "文字描述",
                "基本保障",
                "基本保障",
                "5",
            ),
            ind(
                "效益指标",
                "社会效益指标",
                "提高档案管理水平",
                "5.00",
                "文字描述",
                "有效提高",
                "有效提高",
                "5",
            ),
            ind(
                "满意度指标",
                "服务对象满意度指标",
                "参保人员满意度",
                "5.00",
                "≥",
                "90 %",
                "0.95",
                "5",
            ),
            ind(
                "满意度指标", "服务对象满意度指标", "项目单位满意度", "5.00", "≥", "90 %", "1", "5"
            ),
        ],
        total_score=Num.of("95.25"),
        grade="优",
    )


def test_seed002_audit_execution_and_total() -> None:
    # 49.98 / 80 = 62.475 % exactly: printed 62.47 = [62.465, 62.475] touches it → no P0113.
    # Points 10 × 0.62475 = 6.2475 as printed. Σ scores = 89; 89 + 6.2475 = 95.2475 ≈ 95.25.
    findings = check_evaluation(seed002_audit())
    c = codes(findings)
    assert "P0113" not in c and "P0102" not in c and "P0101" not in c
    # 稽核 ≥ 3000 家, actual 1692: 56.4 % < 60 %, marked 完成 with full marks → error;
    # the formula gives 5 × 1692/3000 = 2.82.
    miss = by_code(findings, "P0105")
    assert len(miss) == 1 and miss[0].severity == "error" and miss[0].expected == "2.82"
    # 项目支出金额 ≤ 80, actual 49.98 → full marks 5, printed 4 → info.
    under = by_code(findings, "P0107")
    assert [(f.severity, f.expected, f.actual) for f in under] == [("info", "5.00", "4")]
    # weights: 产出 10+5+5+4+3+5+5+3+5+5+5+5+5 = 65, 效益 15, 满意度 10.
    assert {f.actual for f in by_code(findings, "P0110")} == {"65.00", "15.00"}


def test_seed002_audit_fully_recomputed_total() -> None:
    # 89 − 5 (稽核) + 2.82 − 4 + 5 (支出金额) = 87.82; + 6.2475 = 94.0675 → 94.07 (优).
    scored = recompute(seed002_audit())
    assert scored.recomputed_total is not None
    assert round2(scored.recomputed_total) == D("94.07")
    assert scored.recomputed_grade == "优"


def test_seed002_rate_printed_wrong_is_caught() -> None:
    ev = seed002_audit()
    ev.funding[0] = funds("80.000000", "49.980000", "10", "62.46", "6.2475")
    assert "P0113" in codes(check_evaluation(ev))


def test_seed002_execution_points_from_printed_rate() -> None:
    # 10 × 62.47 % = 6.247 would be printed by someone using the rounded rate:
    # [6.2465, 6.2475] still meets 6.2475 — consistent, no error.
    ev = seed002_audit()
    ev.funding[0] = funds("80.000000", "49.980000", "10", "62.47", "6.247")
    assert "P0102" not in codes(check_evaluation(ev))
    ev.funding[0] = funds("80.000000", "49.980000", "10", "62.47", "6.5")
    assert "P0102" in codes(check_evaluation(ev))


# --- seed 002 城镇职工参保人员医疗救助 ---------------------------------------------------------
def seed002_relief() -> Evaluation:
    return Evaluation(
        name="城镇职工参保人员医疗救助",
        funding=[funds("100.000000", "100.000000", "10", "100", "10")],
        indicators=[
            ind("产出指标", "数量指标", "补助的人数", "20.00", "≥", "1000 人", "116 人", "20"),
            ind("产出指标", "质量指标", "补助支付准确率", "10.00", "=", "1000 %", "1", "10"),
            ind("产出指标", "质量指标", "发放补助人员合规率", "15.00", "=", "1000 %", "1", "15"),
            ind("产出指标", "时效指标", "及时完成率", "10.00", "=", "1000 %", "1", "10"),
            ind(
                "产出指标", "成本指标", "发放补助金额", "10.00", "≤", "1000 万元", "100 万元", "10"
            ),
            ind(
                "效益指标",
                "社会效益指标",
                "减轻负担",
                "15.00",
                "文字描述",
                "效果显著",
                "效果明显",
                "15",
            ),
            ind(
                "满意度指标",
                "服务对象满意度指标",
                "补助人员满意度",
                "10.00",
                "≥",
                "95 %",
                "0.97",
                "10",
            ),
        ],
        total_score=Num.of("100"),
        grade="优",
    )


def test_seed002_relief_far_miss_and_impossible_targets() -> None:
    findings = check_evaluation(seed002_relief())
    miss = by_code(findings, "P0105")
    # 116 of ≥ 1000 people: 11.6 % → error; formula 20 × 116/1000 = 2.32.
    assert [(f.severity, f.expected) for f in miss] == [("error", "2.32")]
    # three "= 1000 %" rate targets are typos: warned, not judged.
    assert len(by_code(findings, "P0108")) == 3
    assert "P0101" not in codes(findings)  # 90 + 10 = 100


# --- seed 003 部门整体自评表 (Henan) -------------------------------------------------------
def seed003_department() -> Evaluation:
    def row(l2: str, l3: str, target: str, actual: str, w: str, s: str, dev: str) -> Indicator:
        op = "文字描述" if target[:1] not in "≥≤" and "%" not in target else None
        return ind("投入管理指标", l2, l3, w, op, target, actual, s, None, dev)

    inds = [
        row("工作目标管理", "年度履职目标相关性", "相关", "100%", "1", "1", "0.00"),
        row("工作目标管理", "工作任务科学性", "科学", "100%", "2", "2", "0.00"),
        row("工作目标管理", "绩效指标合理性", "合理", "100%", "1", "1", "0.00"),
        row("预算和财务管理", "预算编制完整性", "完整", "100%", "1", "1", "0.00"),
        row("预算和财务管理", "专项资金细化率", "≥95%", "95%", "1", "1", "0.00"),
        row("预算和财务管理", "预算调整率", "≤20%", "38.40%", "1", "0.08", "92.00"),
        row("预算和财务管理", "结转结余率", "≤20%", "14.15%", "1", "1", "0.00"),
        row("预算和财务管理", "“三公经费”控制率", "≤90%", "0%", "2", "2", "0.00"),
        row("预算和财务管理", "政府采购执行率", "≥96%", "96%", "1", "1", "0.00"),
        row("预算和财务管理", "决算真实性", "真实", "100%", "2", "2", "0.00"),
        row("预算和财务管理", "资金使用合规性", "合规", "100%", "1", "1", "0.00"),
        row("预算和财务管理", "管理制度健全性", "健全", "100%", "2", "2", "0.00"),
        row("预算和财务管理", "预决算信息公开性", "公开", "100%", "2", "2", "0.00"),
        row("预算和财务管理", "资产管理规范性", "规范", "100%", "2", "2", "0.00"),
        *[
            row("绩效管理", name, "100%", "100%", "2", "2", "0.00")
            for name in ("绩效监控完成率", "绩效目标编制完成率", "绩效自评完成率")
        ],
        row("绩效管理", "部门绩效评价完成率", "100%", "100%", "2", "2", "0.00"),
        row("绩效管理", "评价结果应用率", "100%", "100%", "2", "2", "0.00"),
    ]
    inds += [
        ind(
            "产出指标",
            "重点工作任务完成",
            "城乡医疗救助",
            "9",
            "文字描述",
            "对医疗救助对象进行补贴",
            "100%",
            "9",
            None,
            "0.00",
        ),
        ind(
            "产出指标",
            "重点工作任务完成",
            "城乡居民基本医疗保险",
            "8",
            "文字描述",
            "确保享受相应待遇",
            "100%",
            "8",
            None,
            "0.00",
        ),
        ind(
            "产出指标",
            "履职目标实现",
            "医疗保险统筹基金使用率",
            "8",
            None,
            "≥91%",
            "91%",
            "8",
            None,
            "0.00",
        ),
        ind(
            "效益指标",
            "履职效益",
            "医疗保障水平",
            "20",
            "文字描述",
            "逐年提高",
            "96%",
            "19.2",
            None,
            "-4.00",
        ),
        ind(
            "满意度指标", "满意度", "服务对象满意度", "15", None, "≥91%", "95%", "15", None, "0.00"
        ),
    ]
    return Evaluation(
        kind="department",
        name="武陟县医疗保障局",
        funding=[
            FundingLine(
                label="部门预算总额（万元）",
                initial_budget=Num.of("14367.79"),
                annual_budget=Num.of("19885.7"),
                executed=Num.of("19336.28"),
                weight=Num.of("10"),
                rate=Num.of("97.24"),
                score=Num.of("10"),
            )
        ],
        indicators=inds,
        total_score=Num.of("98.28"),
        profile="henan",
        prov=Prov(file="003.txt", line=603),
    )


def test_seed003_budget_adjustment_rate_recomputed() -> None:
    # ≤ 20 %, actual 38.40 %: 20 < 38.4 < 40 → 1 × (1 − (38.4 − 20)/20) = 1 × (1 − 0.92) = 0.08;
    # 偏差度 (38.4 − 20)/20 = 92.00 % — both as printed.
    scored = recompute(seed003_department())
    r = next(r for r in scored.indicators if r.label == "预算调整率")
    assert r.computed == D("0.08") and r.agrees()
    assert r.deviation == D("0.92")
    findings = check_evaluation(seed003_department())
    assert "P0114" not in codes(findings)  # 0.00 % for met targets is accepted, -4.00 % ok
    assert not [f for f in findings if "预算调整率" in f.message]


def test_seed003_department_execution_points() -> None:
    # 19336.28 / 19885.7 = 97.237…% (printed 97.24 ✓); points 10 × 0.97237 = 9.72, printed 10.
    findings = check_evaluation(seed003_department())
    p0102 = by_code(findings, "P0102")
    assert len(p0102) == 1 and p0102[0].expected == "9.72" and p0102[0].actual == "10"
    assert p0102[0].location.line == 603  # the evaluation's provenance
    assert "P0113" not in codes(findings)
    # Printed total: Σ scores 30 − 0.92 + 25 + 19.2 + 15 = 88.28, + 10 = 98.28 → consistent.
    assert "P0101" not in codes(findings)
    # Henan department weights: 投入 30, 产出 25, 效益 20, 满意度 15 + 10 = 100.
    assert "P0110" not in codes(findings) and "P0111" not in codes(findings)
    # Fully recomputed: 88.28 + 9.7237 = 98.0037 → 98.00.
    total = recompute(seed003_department()).recomputed_total
    assert total is not None and round2(total) == D("98.00")


def test_deviation_mismatch_is_reported() -> None:
    ev = seed003_department()
    bad = ev.indicators[5].model_copy(update={"deviation": Num.of("46.00")})
    ev.indicators[5] = bad
    f = by_code(check_evaluation(ev), "P0114")
    assert len(f) == 1 and f[0].expected == "92.00%"


# --- seed 004 (Qinghai, OCR-damaged): 政府购买医保基金监管服务 ----------------------------------
def seed004_supervision() -> Evaluation:
    return Evaluation(
        name="政府购买医保基金监管服务",
        funding=[funds("4", "4", "90", "100", "80")],
        indicators=[
            ind("产出指标 (50分)", "数量指标", "两定机构数", "50", None, "100", "58", "40", None),
            ind(
                "满意度指标 (10分)",
                "社会效益指标",
                "群众关注度",
                "30",
                None,
                "100",
                "100",
                "30",
                None,
            ),
            ind(
                "满意度指标 (10分)",
                "",
                "参保人员对医保服务满意度",
                "10",
                None,
                "10",
                "10",
                "10",
                None,
            ),
        ],
        total_score=Num.of("80"),
    )


def test_seed004_fund_weight_90() -> None:
    findings = check_evaluation(seed004_supervision())
    c = codes(findings)
    p0109 = by_code(findings, "P0109")
    assert p0109 and p0109[0].expected == "10" and p0109[0].actual == "90"
    # 90 × min(100 %, 1) = 90 ≠ 80 (the printed rate 100 % pins the rate: 4万/4万 alone
    # only says [3.5/4.5, 4.5/3.5]).
    assert by_code(findings, "P0102")[0].expected == "90.00"
    # 总分 80 = 40 + 30 + 10: the execution points were left out.
    total = by_code(findings, "P0101")[0]
    assert "未计入预算执行率得分" in total.message
    # 50 + 30 + 10 + 90 = 180 ≠ 100.
    assert by_code(findings, "P0111")[0].actual == "180"
    assert c["P0110"] == 2  # 效益 0 ≠ 30, 满意度 40 ≠ 10


def test_seed004_two_designated_institutions() -> None:
    # ≥ 100, actual 58 → 50 × 58/100 = 29; printed 40 = 80 % (达成 band) while 58 % is
    # 未达成 → error (not just "higher than the formula").
    findings = check_evaluation(seed004_supervision())
    f = [f for f in by_code(findings, "P0107") if "两定机构数" in f.message]
    assert len(f) == 1 and f[0].severity == "error" and f[0].expected == "29.00"
    # fully recomputed: 29 + 30 + 10 + 10 × 100 % = 79 → 中.
    scored = recompute(seed004_supervision())
    assert scored.recomputed_total == D(79) and scored.recomputed_grade == "中"


# --- generic checks -------------------------------------------------------------------
def clean() -> Evaluation:
    return Evaluation(
        name="干净的项目",
        funding=[funds("100.00", "95.00", "10", "95.00", "9.50")],
        indicators=[
            ind("产出指标", "数量指标", "a", "50", "≥", "10 次", "12 次", "50"),
            ind("效益指标", "社会效益指标", "b", "30", "文字描述", "明显减轻", "明显减轻", "27"),
            ind("满意度指标", "服务对象满意度指标", "c", "10", "≥", "90%", "92%", "10"),
        ],
        total_score=Num.of("96.50"),
        grade="优",
    )


def test_clean_evaluation_has_no_findings() -> None:
    assert check_evaluation(clean()) == []


def test_score_above_weight_and_negative() -> None:
    ev = clean()
    ev.indicators[0] = ev.indicators[0].model_copy(update={"score": Num.of("55")})
    ev.indicators[2] = ev.indicators[2].model_copy(update={"score": Num.of("-1")})
    f = by_code(check_evaluation(ev), "P0103")
    assert len(f) == 2 and all(x.severity == "error" for x in f)


def test_qualitative_score_outside_band() -> None:
    ev = clean()
    ev.indicators[1] = ev.indicators[1].model_copy(update={"score": Num.of("20")})
    ev = ev.model_copy(update={"total_score": Num.of("89.50"), "grade": "良"})
    f = by_code(check_evaluation(ev), "P0104")
    # 达成 = 80–100 % of 30 = 24–30; 20 is outside.
    assert len(f) == 1 and f[0].severity == "warning" and f[0].expected == "24.00–30.00"


def test_marked_done_slightly_short_is_a_warning() -> None:
    # ≥ 10 次, actual 9, 完成, full marks: 90 % ≥ 60 % → warning; 50 × 9/10 = 45.
    ev = clean()
    ev.indicators[0] = ind("产出指标", "数量指标", "a", "50", "≥", "10 次", "9 次", "50")
    f = by_code(check_evaluation(ev), "P0105")
    assert [(x.severity, x.expected) for x in f] == [("warning", "45.00")]


def test_grade_inconsistent() -> None:
    ev = clean().model_copy(update={"grade": "良"})
    f = by_code(check_evaluation(ev), "P0112")
    assert len(f) == 1 and f[0].expected == "优"
    assert check_evaluation(clean().model_copy(update={"grade": "优秀"})) == []
    # under the 优/良/合格/不合格 profile, "中" is an alias of 合格
    low = clean().model_copy(update={"total_score": Num.of("70"), "grade": "中"})
    f = by_code(check_evaluation(low, load_profile("national-qualified")), "P0112")
    assert f == []


def test_summary_rows_and_narrative_counts() -> None:
    ev = clean()
    other = clean().model_copy(update={"name": "第二个项目"})
    rows = [
        EvaluationSummaryRow(name="干净的项目", score=Num.of("96.5"), grade="优"),
        EvaluationSummaryRow(name="第二个项目", score=Num.of("91"), grade="优"),
        EvaluationSummaryRow(name="第三个项目", score=Num.of("80"), grade="良"),
    ]
    d = Disclosure(
        meta=Meta(unit_name="测试局", fiscal_year=2024),
        evaluations=[ev, other],
        evaluation_summary=rows,
    )
    d.extras.performance.projects_evaluated = 3
    d.extras.performance.grade_counts = {"优": 3, "良": 0}
    d.extras.performance.average_score = Num.of("91.93")
    findings = check_evaluations(d)
    c = codes(findings)
    # row 2 says 91 but its table says 96.50.
    assert [f.actual for f in by_code(findings, "P0120")] == ["91"]
    # 优 3 + 良 0 = 3 = projects: fine; but the rows count 2 优 and 1 良.
    assert "P0121" not in c
    assert {(f.expected, f.actual) for f in by_code(findings, "P0122")} == {("2", "3"), ("1", "0")}
    # average of 96.5, 91, 80 = 267.5 / 3 = 89.1666… ≈ 89.17 ≠ 91.93.
    assert by_code(findings, "P0123")[0].expected == "89.17"


def test_incomplete_list_checks_only_contradictions() -> None:
    # Seed 003: the narrative says 17 projects, all 优; the report lists 25, two of them 良.
    rows = [
        EvaluationSummaryRow(name=f"项目{i}", score=Num.of("99"), grade="优秀") for i in range(23)
    ]
    rows += [
        EvaluationSummaryRow(name=f"良项目{i}", score=Num.of("80"), grade="良") for i in range(2)
    ]
    d = Disclosure(
        meta=Meta(unit_name="武陟县医疗保障局", fiscal_year=2024), evaluation_summary=rows
    )
    d.extras.performance.projects_evaluated = 17
    d.extras.performance.grade_counts = {"优": 17, "良": 0, "中": 0, "差": 0}
    d.extras.performance.average_score = Num.of("91.93")
    findings = check_evaluations(d, load_profile("henan"))
    c = codes(findings)
    assert c["P0124"] == 1  # 17 stated, 25 listed
    p0122 = by_code(findings, "P0122")
    # 23 优 > 17 and 2 良 > 0 contradict the narrative whatever the list's completeness.
    assert {(f.expected, f.actual) for f in p0122} == {("23", "17"), ("2", "0")}
    assert "P0123" not in c  # the list is not the 17 projects: the average is not checked


def test_summary_row_category_rates() -> None:
    # Henan: 10 × 100 % + 20 × 95 % + 10 + 30 + 25 + 5 (each × 100 %) = 99 (seed 003 row 1).
    rates = {k: Num.of("100.00") for k in ("成本指标", "产出指标", "效益指标", "满意度指标")}
    rates["资金管理情况"] = Num.of("95.00")
    row = EvaluationSummaryRow(
        name="提前下达2024年省级财政医疗救助补助资金",
        annual_budget=Num.of("118"),
        executed=Num.of("118"),
        rate=Num.of("100.00"),
        category_rates=rates,
        score=Num.of("99"),
    )
    d = Disclosure(
        meta=Meta(unit_name="武陟县医疗保障局", fiscal_year=2024), evaluation_summary=[row]
    )
    assert check_evaluations(d, load_profile("henan")) == []
    bad = row.model_copy(update={"score": Num.of("100")})
    d2 = d.model_copy(update={"evaluation_summary": [bad]})
    f = by_code(check_evaluations(d2, load_profile("henan")), "P0125")
    assert len(f) == 1 and f[0].expected == "99.00"


def test_department_score_in_narrative() -> None:
    d = Disclosure(
        meta=Meta(unit_name="武陟县医疗保障局", fiscal_year=2024),
        evaluations=[seed003_department()],
    )
    d.extras.performance.department_score = Num.of("98.82")
    assert "P0127" in codes(check_evaluations(d))


def test_every_finding_has_a_location_and_a_registered_code() -> None:
    for ev in (
        seed002_project1(),
        seed002_audit(),
        seed002_relief(),
        seed003_department(),
        seed004_supervision(),
    ):
        for f in check_evaluation(ev):
            assert f.code in PERF_RULES
            assert f.location.describe()
            assert f.message


def test_rules_table_shape() -> None:
    for code, (severity, title, explanation) in PERF_RULES.items():
        assert code.startswith("P01") and len(code) == 5
        assert severity in ("error", "warning", "info") and title and explanation


def test_a_name_inside_another_is_not_the_same_project() -> None:
    from juesuan.perf.matching import match_name

    candidates = ["下达2023年中央财政医疗服务与保障能力提升补助资金", "城镇职工特困人员医疗救助"]
    assert match_name("提前下达2023年中央财政医疗服务与保障能力提升补助资金", candidates) is None
    assert match_name("城镇职工特困人员 医疗救助", candidates) == (1, False)
    assert match_name("城镇职工特困人员医疗救肋", candidates) == (1, True)
