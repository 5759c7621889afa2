"""N rules: narrative figures against tables, extras and themselves."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from juesuan.audit import run
from juesuan.extract.claim_names import NameIndex
from juesuan.extract.claims import extract_claims
from juesuan.model import Disclosure, Meta

EXAMPLE = (
    Path(__file__).resolve().parents[1] / "examples" / "qinhuangdao-city-2023" / "disclosure.yaml"
)
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _example() -> Disclosure:
    return Disclosure.model_validate(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")))


def _with_text(d: Disclosure, *lines: str) -> Disclosure:
    d.narrative.claims = extract_claims(
        list(enumerate(lines, 1)), NameIndex.from_disclosure(d), d.meta.fiscal_year, "说明.txt"
    )
    return d


def _codes(d: Disclosure) -> list[str]:
    return [f.code for f in run(d, select=["N"]).findings if f.severity != "info"]


def test_correct_narrative_has_no_findings() -> None:
    d = _with_text(
        _example(),
        "一、收入支出决算总体情况说明",
        "本年度收、支总计 2623.78 万元，与 2022 年度相比减少 156.16 万元，下降 5.62%。",
        "三、支出决算情况说明",
        "本年支出合计 2623.78 万元，其中：基本支出 1483.68 万元，占 56.55%；项目支出 1140.10 万元，占 43.45%。",
        "五、“三公”经费支出决算情况说明",
        "“三公”经费支出预算为 6.43 万元，支出决算为 1.58 万元，完成预算的 24.57%，较上年减少 0.23 万元，下降 12.71%。",
        "六、机关运行经费支出说明",
        "机关运行经费支出 46.22 万元，比 2022 年度减少 2.34 万元，下降 4.82%。",
    )
    assert _codes(d) == []


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("本年支出合计 2623.78 万元，其中：基本支出 1438.68 万元，占 56.55%。", "N0101"),
        ("本年支出合计 2623.78 万元，其中：基本支出 1483.68 万元，占 58.55%。", "N0201"),
        ("“三公”经费支出预算为 6.43 万元，支出决算为 1.58 万元，完成预算的 42.57%。", "N0401"),
        ("“三公”经费支出预算为 6.34 万元，支出决算为 1.58 万元。", "N0102"),
        ("机关运行经费支出 46.22 万元，比上年减少 2.34 万元，下降 7.00%。", "N0301"),
        ("机关运行经费支出 46.22 万元，比上年增加 2.34 万元。", "N0301"),
        ("机关运行经费支出 46.22 万元，比上年减少 2.34 万元，增长 4.82%。", "N0302"),
        ("与 2021 年度决算相比，收、支总计减少 156.16 万元。", "N0601"),
    ],
)
def test_each_error_is_found_and_located(line: str, code: str) -> None:
    d = _with_text(_example(), "二、情况说明", line)
    findings = [f for f in run(d, select=["N"]).findings if f.code == code]
    assert findings, _codes(d)
    assert findings[0].location.line == 2
    assert findings[0].location.file == "说明.txt"


def test_zero_budget_rate_is_a_warning() -> None:
    d = _with_text(
        _example(),
        "五、“三公”经费",
        "因公出国（境）费支出预算为 0.00 万元，支出决算 0.00 万元，完成预算的 100%。",
    )
    found = run(d, select=["N"]).findings
    assert [f.code for f in found] == ["N0402"] and found[0].severity == "warning"


def test_unit_slip_and_itemised_budget_sum() -> None:
    d = _with_text(
        Disclosure(meta=Meta(unit_name="某局", fiscal_year=2023)),
        "四、财政拨款收入支出决算总体情况说明",
        "财政拨款本年支出 100.00 万元，比年初预算增加 3.90 元。一般公共预算财政拨款本年支出比年初预算增加 3.90 万元。",
        "（三）一般公共预算财政拨款支出决算具体情况",
        "一般公共预算财政拨款支出年初预算为 90.00 万元，支出决算为 100.00 万元。",
        "1.卫生健康支出（类）医疗救助（款）城乡医疗救助（项）。年初预算为 50.00 万元，支出决算为 60.00 万元，完成年初预算的 120.00%。",
        "2.住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为 30.00 万元，支出决算为 40.00 万元，完成年初预算的 133.33%。",
    )
    codes = _codes(d)
    assert "N0501" in codes and "N0403" in codes
    assert "N0401" not in codes


def test_counts_against_extras() -> None:
    d = _with_text(
        _example(), "五、“三公”经费", "公务用车运行维护费支出 1.53 万元，公务用车保有量 3 辆。"
    )
    assert _codes(d) == ["N0801"]


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds not present")
def test_seed_002_real_narrative_errors() -> None:
    lines = (SEEDS / "002_930f75fc3326c2a1.txt").read_text(encoding="utf-8").splitlines()
    narrative = [(n, t) for n, t in enumerate(lines, 1) if 404 <= n < 540]
    d = Disclosure(meta=Meta(unit_name="秦皇岛市医疗保障局", fiscal_year=2023))
    d.narrative.claims = extract_claims(narrative, NameIndex.from_disclosure(d), 2023, "002.txt")
    found = {(f.code, f.location.line) for f in run(d, select=["N"]).findings}
    # Checked by hand: compared with 2021 in a 2023 report; 397.9 元 for 万元; 三公 减少 0.23
    # but 提高 17.0% (0.23 / 1.81 = 12.7%); 机关运行经费 2.34 / 48.56 = 4.8%, printed 7.0%.
    assert {("N0601", 430), ("N0501", 447), ("N0302", 475), ("N0301", 475), ("N0301", 493)} <= found


def test_template_placeholders_one_finding_per_line() -> None:
    d = _with_text(
        _example(),
        "一、收入支出决算总体情况说明",
        "本年度收、支总计XX万元，与上年相比增加（减少）XX万元，增长（下降）XX%。",
        "本年收入合计 2619.78 万元。",
    )
    found = [f for f in run(d, select=["N0602"]).findings]
    assert len(found) == 1 and found[0].location.line == 2
    assert "“XX”" in found[0].message and "增加(减少)" in found[0].message
