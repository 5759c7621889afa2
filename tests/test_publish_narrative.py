"""Narrative generation: figures recomputed independently from the example YAML, and each case."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from juesuan.model import Disclosure, Num
from juesuan.publish.narrative import REASON_PLACEHOLDER, compose, generate
from juesuan.source import load_any

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
WUZHI = EXAMPLES / "wuzhi-county-2024" / "disclosure.yaml"
QHD = EXAMPLES / "qinhuangdao-city-2023" / "disclosure.yaml"


def _raw(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _cell(raw: dict[str, Any], table: str, key: str, column: str) -> Decimal:
    tables = {str(k).zfill(2): v for k, v in raw["tables"].items()}
    for row in tables[table]["rows"]:
        if row["key"] == key and column in row.get("values", {}):
            return Decimal(str(row["values"][column]))
    return Decimal(0)


def _pct(part: Decimal, base: Decimal) -> str:
    return f"{(part / base * 100).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}%"


def _money(v: Decimal) -> str:
    return f"{v:,.2f}"


def _text(d: Disclosure) -> str:
    return "\n".join(p for s in generate(d) for p in (s.heading, *s.paragraphs))


def _section(d: Disclosure, key: str) -> str:
    return "\n".join(p for s in generate(d) if s.key == key for p in s.paragraphs)


@pytest.fixture()
def wuzhi() -> Disclosure:
    return load_any(WUZHI)


@pytest.fixture()
def qhd() -> Disclosure:
    return load_any(QHD)


def test_expense_shares_recomputed_from_the_yaml(qhd: Disclosure) -> None:
    raw = _raw(QHD)
    total = _cell(raw, "03", "合计", "本年支出合计")
    basic = _cell(raw, "03", "合计", "基本支出")
    project = _cell(raw, "03", "合计", "项目支出")
    text = _section(qhd, "expense")
    assert f"基本支出{_money(basic)}万元，占本年支出合计的{_pct(basic, total)}" in text
    assert f"项目支出{_money(project)}万元，占本年支出合计的{_pct(project, total)}" in text


def test_class_structure_shares_recomputed(wuzhi: Disclosure) -> None:
    raw = _raw(WUZHI)
    total = _cell(raw, "05", "合计", "合计")
    text = _section(wuzhi, "general.structure")
    for code, name in (("208", "社会保障和就业"), ("210", "卫生健康"), ("221", "住房保障")):
        value = _cell(raw, "05", code, "合计")
        assert f"{name}（类）支出{_money(value)}万元，占{_pct(value, total)}" in text


def test_total_change_against_prior_recomputed(wuzhi: Disclosure) -> None:
    raw = _raw(WUZHI)
    now = _cell(raw, "01", "总计", "金额")
    prior = Decimal(raw["extras"]["prior"]["total"])
    diff = now - prior
    text = _section(wuzhi, "total")
    assert f"收、支总计各增加{_money(diff)}万元，增长{_pct(diff, prior)}" in text
    assert raw["extras"]["reasons"]["total"].rstrip("。") in text


def test_item_completion_rates_and_reasons(wuzhi: Disclosure) -> None:
    raw = _raw(WUZHI)
    text = _section(wuzhi, "general.items")
    budget = Decimal(raw["extras"]["budget_initial"]["func:2101501"])
    actual = _cell(raw, "05", "2101501", "合计")
    assert (
        f"年初预算为{_money(budget)}万元，支出决算为{_money(actual)}万元，完成年初预算的{_pct(actual, budget)}"
        in text
    )
    assert raw["extras"]["budget_reasons"]["func:2101501"].rstrip("。") in text


def test_zero_initial_budget_gives_no_percentage(wuzhi: Disclosure) -> None:
    line = next(
        p
        for p in _section(wuzhi, "general.items").splitlines()
        if "卫生健康管理事务（款）行政运行（项）" in p
    )
    assert "年初预算为0.00万元" in line
    assert "%" not in line
    assert "决算数大于年初预算数" in line


def test_personnel_and_public_list_nonzero_kuan(qhd: Disclosure) -> None:
    text = _section(qhd, "basic")
    assert "人员经费1,396.74万元" in text and "公用经费86.94万元" in text
    assert "基本工资" in text and "公务用车运行维护费" in text
    assert "伙食补助费" not in text  # blank in table 06


def test_increase_decrease_and_flat(wuzhi: Disclosure) -> None:
    for prior, expected in (
        ("3000.00", "各减少51.59万元，下降1.72%"),
        ("2948.41", "与2023年度决算相比持平"),
        ("2000.00", "各增加948.41万元，增长47.42%"),
    ):
        wuzhi.extras.prior["total"] = Num.of(prior)
        assert expected in _section(wuzhi, "total")
    wuzhi.extras.prior["total"] = Num.of("2948.41")
    assert "主要原因" not in _section(wuzhi, "total")


def test_missing_reason_gives_placeholder_and_is_listed(wuzhi: Disclosure) -> None:
    assert not compose(wuzhi).missing  # the example carries every reason
    del wuzhi.extras.reasons["fiscal.total"], wuzhi.extras.reasons["general.expense"]
    result = compose(wuzhi)
    fiscal = next(s for s in result.sections if s.key == "fiscal")
    assert REASON_PLACEHOLDER in "".join(fiscal.paragraphs)
    assert {m.subject for m in result.missing} == {"fiscal.total", "general.expense"}
    assert all("缺少与上年相比变动原因" in m.describe() for m in result.missing)
    wuzhi.extras.reasons["fiscal.total"] = "测试原因"
    wuzhi.extras.reasons["general.expense"] = "测试原因"
    assert not compose(wuzhi).missing


def test_empty_fund_tables_give_the_fixed_sentence(wuzhi: Disclosure) -> None:
    assert "没有政府性基金预算财政拨款收入" in _section(wuzhi, "fund")
    assert "公开07表以空表列示" in _section(wuzhi, "fund")
    assert "没有国有资本经营预算财政拨款收入" in _section(wuzhi, "capital")


def test_no_sangong_gives_the_fixed_sentence(wuzhi: Disclosure) -> None:
    text = _section(wuzhi, "sangong")
    assert "没有发生“三公”经费支出" in text
    assert not [s for s in generate(wuzhi) if s.key == "sangong.detail"]


def test_sangong_budget_completion_counts_and_shares(qhd: Disclosure) -> None:
    raw = _raw(QHD)
    budget = _cell(raw, "09", "三公经费", "预算数/合计")
    actual = _cell(raw, "09", "三公经费", "决算数/合计")
    overall = _section(qhd, "sangong.overall")
    assert (
        f"预算为{_money(budget)}万元，支出决算为{_money(actual)}万元，完成预算的{_pct(actual, budget)}"
        in overall
    )
    vehicle = _cell(raw, "09", "三公经费", "决算数/公务用车购置及运行维护费")
    assert f"占“三公”经费支出的{_pct(vehicle, actual)}" in overall
    detail = _section(qhd, "sangong.detail")
    assert "年末公务用车保有量2辆" in detail and "全年国内公务接待1批次，5人次" in detail
    assert "因公出国（境）费预算为0.00万元" in detail and "完成预算的" not in detail.splitlines()[0]


def test_procurement_small_micro_denominator(qhd: Disclosure) -> None:
    text = _section(qhd, "procurement")
    assert "授予小微企业合同金额0.18万元，占政府采购支出总额的0.01%" in text
    qhd.extras.procurement.small_micro_denominator = "中小企业合同金额"
    assert "占授予中小企业合同金额的100.00%" in _section(qhd, "procurement")


def test_office_running_and_performance(qhd: Disclosure) -> None:
    office = _section(qhd, "office")
    assert "机关运行经费支出46.22万元，比2022年度减少2.34万元，下降4.82%" in office
    perf = _section(qhd, "perf.work")
    assert "共涉及项目8个，涉及资金1,140.10万元，占一般公共预算财政拨款项目支出的100.00%" in perf
    results = _section(qhd, "perf.results")
    assert "自评得分96.25分" in results and "预算执行率62.48%" in results


def test_every_percentage_has_two_decimals(qhd: Disclosure, wuzhi: Disclosure) -> None:
    import re

    for d in (qhd, wuzhi):
        for pct in re.findall(r"(\d+(?:\.\d+)?)%", _text(d)):
            assert re.fullmatch(r"\d+\.\d{2}", pct), pct
