"""Narrative claims: subjects, kinds, directions, spans."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from juesuan.extract.claim_names import NameIndex
from juesuan.extract.claims import extract_claims
from juesuan.model import Claim, Disclosure, Meta, Num, Row, Table

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _names() -> NameIndex:
    t05 = Table(
        id="05",
        rows=[
            Row(key="210", code="210", label="卫生健康支出"),
            Row(key="21013", code="21013", label="医疗救助"),
            Row(key="2101301", code="2101301", label="城乡医疗救助"),
            Row(key="221", code="221", label="住房保障支出"),
        ],
    )
    d = Disclosure(meta=Meta(unit_name="测试局", fiscal_year=2024), tables={"05": t05})
    return NameIndex.from_disclosure(d, use_catalog=False)


def _claims(*lines: str) -> list[Claim]:
    return extract_claims(list(enumerate(lines, start=1)), _names(), 2024, "t.txt")


def _one(claims: list[Claim], kind: str, subject: str) -> Claim:
    found = [c for c in claims if c.kind == kind and c.subject == subject]
    assert len(found) == 1, (kind, subject, claims)
    return found[0]


def test_totals_change_and_rate_with_direction() -> None:
    claims = _claims(
        "一、收入支出决算总体情况说明",
        "本年度收、支总计均为 1,200.50 万元，比 2023 年增加 100.25 万元，增长 9.11%。",
    )
    assert _one(claims, "amount", "total").value == Num.of("1200.50")
    change = _one(claims, "change_amount", "total")
    assert (
        change.value == Num.of("100.25") and change.direction == "增加" and change.versus == "prior"
    )
    rate = _one(claims, "change_rate", "total")
    assert rate.value is not None and rate.value.value == Decimal("9.11")
    years = [c for c in claims if c.kind == "comparison_year"]
    assert [c.year for c in years] == [2023]


def test_shares_take_the_subject_before_zhan() -> None:
    claims = _claims(
        "三、支出决算情况说明",
        "本年支出合计 500.00 万元，其中：基本支出 100.00 万元，占 20.00%；项目支出 400.00 万元，占 80.00%。",
    )
    basic = _one(claims, "share", "expense.basic")
    assert basic.base == "expense.total" and basic.value == Num.of("20.00")
    _one(claims, "share", "expense.project")


def test_item_paths_resolve_to_codes_with_budget_and_completion() -> None:
    claims = _claims(
        "（三）一般公共预算财政拨款支出决算具体情况",
        "1.卫生健康支出（类）医疗救助（款）城乡医疗救助（项）。年初预算为 80.00 万元，"
        "支出决算为 60.00 万元，完成年初预算的 75.00%。",
    )
    assert _one(claims, "budget_amount", "func:2101301").versus == "budget_initial"
    assert _one(claims, "amount", "func:2101301").value == Num.of("60.00")
    assert _one(claims, "completion_rate", "func:2101301").value == Num.of("75.00")


def test_class_names_need_a_class_marker() -> None:
    claims = _claims(
        "（二）结构情况",
        "主要用于：卫生健康（类）支出 90.00 万元，占 90.00%；住房保障支出 10.00 万元，占 10.00%。",
    )
    assert _one(claims, "amount", "func:210").value == Num.of("90.00")
    assert _one(claims, "share", "func:221").value == Num.of("10.00")


def test_sangong_phrases_counts_and_flat_directions() -> None:
    claims = _claims(
        "七、“三公”经费支出决算情况说明",
        "“三公”经费财政拨款支出预算为 3.00 万元，支出决算为 1.50 万元，完成预算的 50.00%，较上年减少 0.50 万元，下降 25.00%。",
        "公务接待费支出 1.50 万元，共接待 3 批次、30 人次。因公出国（境）费支出 0.00 万元，与上年持平。",
    )
    assert _one(claims, "budget_amount", "sangong.total").value == Num.of("3.00")
    assert _one(claims, "amount", "sangong.total").value == Num.of("1.50")
    assert _one(claims, "change_rate", "sangong.total").direction == "减少"
    assert _one(claims, "count", "count:sangong.reception_batches").value == Num.of("3")
    assert _one(claims, "count", "count:sangong.reception_people").value == Num.of("30")
    flat = _one(claims, "change_amount", "sangong.abroad")
    assert flat.direction == "持平" and flat.value is None


def test_spans_point_at_the_source_line_and_columns() -> None:
    line = "[bookmark: _Toc1]机关运行经费支出 12.30 万元，比上年减少 1.00 万元。"
    claims = _claims("十、其他重要事项", line)
    amount = _one(claims, "amount", "office_running")
    assert amount.prov is not None and amount.prov.line == 2
    start, end = amount.prov.span or (0, 0)
    assert line[start:end].replace(" ", "") == "12.30万元"


def test_per_head_yuan_amounts_are_not_claims() -> None:
    claims = _claims(
        "一、总体情况",
        "收、支总计 10.00 万元，增加 1.00 万元，原因是补助标准由每人 350 元提高到 380 元。",
    )
    assert not [c for c in claims if c.unit == "元"]


def test_unit_slip_yuan_is_kept_for_audit() -> None:
    claims = _claims(
        "四、财政拨款收入支出决算总体情况说明",
        "财政拨款本年支出 20.00 万元，比年初预算增加 3.9 元。",
    )
    slip = [c for c in claims if c.unit == "元"]
    assert len(slip) == 1 and slip[0].kind == "change_amount" and slip[0].versus == "budget_initial"


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds not present")
def test_seed_003_itemised_budget_lines() -> None:
    lines = list(
        enumerate((SEEDS / "003_1c2740dd0732688e.txt").read_text(encoding="utf-8").splitlines(), 1)
    )
    narrative = [(n, t) for n, t in lines if 423 <= n < 561]
    d = Disclosure(meta=Meta(unit_name="武陟县医疗保障局", fiscal_year=2024))
    claims = extract_claims(narrative, NameIndex.from_disclosure(d), 2024, "003.txt")
    budgets = {
        c.subject: c.value
        for c in claims
        if c.kind == "budget_amount" and c.subject and c.subject.startswith("func:")
    }
    assert len(budgets) == 11
    assert budgets["func:2101301"] == Num.of("1787.51")
    assert budgets["func:2100101"] == Num.of("0.00")


def test_names_with_brackets_and_direction_words_inside() -> None:
    from juesuan.model import Disclosure as D

    names = NameIndex.from_disclosure(D(meta=Meta(unit_name="x", fiscal_year=2024)))
    lines = [
        "（三）一般公共预算财政拨款支出决算具体情况",
        "1. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）：年初预算为197.66万元，支出决算为197.66万元。",
        "2. 农林水支出（类）水利（款）水资源节约管理与保护（项）：年初预算为302.72万元，支出决算为300.00万元。",
    ]
    claims = extract_claims(list(enumerate(lines, 1)), names, 2024, "x")
    budgets = {c.subject: c.value for c in claims if c.kind == "budget_amount"}
    assert budgets == {"func:2010301": Num.of("197.66"), "func:2130311": Num.of("302.72")}
    assert not [c for c in claims if c.kind == "change_amount"]
