"""The extractor against the real seed documents and hand-made fixtures of their tables."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from juesuan.extract import load_document
from juesuan.model import Disclosure

SEEDS = Path(__file__).parents[1] / ".." / "shared" / "seeds"
FIXTURES = Path(__file__).parent / "fixtures"
SEED_001 = "001_d73751aaba95274a.txt"
SEED_002 = "002_930f75fc3326c2a1.txt"
SEED_003 = "003_1c2740dd0732688e.txt"
SEED_004 = "004_fe270c263743eea8.txt"

Cell = tuple[str, str | None, str, str, str]


def seed(name: str) -> Path:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed {name} not available at {SEEDS}")
    return path


@cache
def parsed(name: str) -> Disclosure:
    return load_document(seed(name))


def fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))
    return data


def expected_cells(spec: dict[str, Any]) -> dict[Cell, int]:
    out: dict[Cell, int] = {}
    for row in spec["rows"]:
        for column, value in row["values"].items():
            cell = (row["table"], row.get("side"), str(row["row"]), column, str(value))
            assert cell not in out, f"fixture lists {cell} twice"
            out[cell] = row["line"]
    return out


def actual_cells(d: Disclosure) -> dict[Cell, int | None]:
    out: dict[Cell, int | None] = {}
    for tid, table in d.tables.items():
        for row in table.rows:
            for column, num in row.values.items():
                cell = (tid, row.side, row.key, column, str(num.value))
                out[cell] = num.prov.line if num.prov else None
    return out


@pytest.mark.parametrize(
    ("seed_name", "fixture_name"),
    [(SEED_002, "seed002_tables.yaml"), (SEED_003, "seed003_tables.yaml")],
)
def test_every_cell_extracted_exactly(seed_name: str, fixture_name: str) -> None:
    spec = fixture(fixture_name)
    d = parsed(seed_name)
    expected = expected_cells(spec)
    actual = actual_cells(d)
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    assert not missing, f"missing cells: {missing}"
    assert not extra, f"unexpected cells: {extra}"
    wrong_lines = {c: (expected[c], actual[c]) for c in expected if expected[c] != actual[c]}
    assert not wrong_lines, f"cells on the wrong line (expected, got): {wrong_lines}"
    assert sorted(d.tables) == spec["tables_present"]
    for tid in spec["empty_tables"]:
        assert d.tables[tid].is_empty


@pytest.mark.parametrize("seed_name", [SEED_002, SEED_003])
def test_provenance_on_every_figure(seed_name: str) -> None:
    d = parsed(seed_name)
    for tid, table in d.tables.items():
        assert table.prov is not None and table.prov.line is not None
        for row in table.rows:
            assert row.prov is not None and row.prov.line is not None
            assert row.prov.table == tid
            for column, num in row.values.items():
                prov = num.prov
                assert prov is not None
                assert prov.file == seed_name
                assert prov.table == tid
                assert prov.line == row.prov.line
                assert prov.row == row.label
                assert prov.code == row.code
                assert prov.column, f"{tid} {row.key} {column}: no printed column"


def test_raw_text_kept_for_reformatted_numbers() -> None:
    d2 = parsed(SEED_002)
    t01 = d2.tables["01"]
    total = t01.cell("一般公共预算财政拨款收入", "金额", "收入")
    assert total is not None and total.raw == "2,619.78" and total.decimals == 2
    d3 = parsed(SEED_003)
    union = d3.tables["06"].cell("30228", "决算数")
    assert union is not None and union.value == Decimal("3.34") and union.raw == "3. 34"


def test_seed002_details() -> None:
    d = parsed(SEED_002)
    assert d.meta.unit_name == "秦皇岛市医疗保障局"
    assert d.meta.fiscal_year == 2023
    assert d.meta.scope == "汇总"
    assert d.meta.amount_unit == "万元"
    assert d.meta.template == "national"
    assert d.meta.budget_code == "450"
    t01 = d.tables["01"]
    health = t01.find("卫生健康支出", "支出")
    assert health is not None and health.code == "210" and health.line_no == 40
    assert health.printed_label == "九、卫生健康支出"
    t04 = d.tables["04"]
    assert t04.find("国有资本经营预算财政拨款", "收入") is not None  # printed 国有资本经营财政拨款
    assert t04.headers["一般公共预算财政拨款"] == "支出/一般公共预算财政拨款"
    t09 = d.tables["09"]
    assert t09.headers["决算数/公务用车购置及运行维护费"].endswith("/合计")
    assert t09.title == "财政拨款“三公”经费支出决算表"
    assert any("以空表列示" in n for n in d.tables["07"].notes)
    assert len(d.tables["01"].notes) == 2
    assert [u.name for u in d.profile.units] == [
        "秦皇岛市医疗保障局(本级)",
        "秦皇岛市医疗保险基金管理中心",
    ]
    assert d.profile.units[1].nature == "财政补助事业单位"
    table_notices = [n for n in d.notices if not (n.location and n.location.table == "绩效自评")]
    assert not table_notices, [n.message for n in table_notices]


def test_seed003_details() -> None:
    d = parsed(SEED_003)
    assert d.meta.unit_name == "武陟县医疗保障局"
    assert d.meta.fiscal_year == 2024
    assert d.meta.scope == "本级"
    assert d.tables["05"].headers["合计"] == "本年支出/小计"
    assert d.tables["09"].title == "一般公共预算财政拨款“三公”经费支出决算表"
    assert d.tables["08"].title == "国有资本经营预算财政拨款支出决算表"
    merged = [n.message for n in d.notices if "已合并" in n.message]
    assert len(merged) == 3
    assert all(d.tables[t].rows for t in ("01", "04", "06"))
    t04 = d.tables["04"]
    keys = [r.key for r in t04.rows if r.side == "收入"]
    assert keys == [
        "一般公共预算财政拨款",
        "政府性基金预算财政拨款",
        "国有资本经营预算财政拨款",
        "本年收入合计",
        "年初财政拨款结转和结余",
        "年初财政拨款结转和结余/一般公共预算财政拨款",
        "年初财政拨款结转和结余/政府性基金预算财政拨款",
        "年初财政拨款结转和结余/国有资本经营预算财政拨款",
        "总计",
    ]
    t06 = d.tables["06"]
    assert len({r.key for r in t06.rows}) == len(t06.rows)
    assert t06.find("39999") is not None and t06.find("30399") is not None
    assert len(d.tables["07"].notes) == 2


@pytest.mark.parametrize("seed_name", [SEED_002, SEED_003])
def test_sections_and_glossary(seed_name: str) -> None:
    d = parsed(seed_name)
    parts = [s for s in d.narrative.sections if s.level == 1]
    kinds = [s.kind for s in parts]
    assert kinds[:4] == ["概况", "决算表", "情况说明", "名词解释"]
    for s in d.narrative.sections:
        assert s.line_start is not None and s.line_end is not None
        assert s.line_start <= s.line_end
    toc_end = 51 if seed_name == SEED_003 else 53
    assert all((s.line_start or 0) > toc_end for s in d.narrative.sections)
    explained = [s for s in d.narrative.sections if s.kind == "情况说明" and s.level == 2]
    assert len(explained) >= 10
    glossary = d.narrative.glossary
    assert "财政拨款收入" in glossary
    assert "机关运行经费" in glossary
    assert len(glossary) >= 16


def test_seed003_sections_after_a_numbered_list() -> None:
    """The 自评 results are a list “1、…” to “25、…” of sentences; the headings 四、五、六 after
    it are still headings (read off seed 003, lines 811–828)."""
    d = parsed(SEED_003)
    level2 = {(s.line_start, s.heading) for s in d.narrative.sections if s.level == 2}
    assert {
        (811, "自评发现的问题及整改措施"),
        (823, "绩效自评工作建议及预算安排建议"),
        (828, "其他需要说明的问题"),
    } <= level2
    assert not any("自评分数" in s.heading for s in d.narrative.sections)  # the list items


def test_seed002_glossary_definition_wraps() -> None:
    glossary = parsed(SEED_002).narrative.glossary
    assert glossary["基本建设支出"].endswith("各类拼盘自筹资金等。")


def test_seed001_has_no_tables() -> None:
    d = parsed(SEED_001)
    assert d.tables == {}
    assert d.meta.fiscal_year == 2022
    assert d.meta.unit_name == "盐边县医疗保障局"
    kinds = [s.kind for s in d.narrative.sections if s.level == 1]
    assert kinds == ["概况", "情况说明", "名词解释", "附件"]
    assert any("没有表格" in n.message or "无法识别" in n.message for n in d.notices)
    assert "财政拨款收入" in d.narrative.glossary


def test_seed004_has_no_public_tables() -> None:
    d = parsed(SEED_004)
    assert d.tables == {}
    assert d.meta.fiscal_year == 2023
    assert d.meta.document_kind != "部门决算"


def test_source_fingerprint() -> None:
    d = parsed(SEED_002)
    assert d.meta.source_file is not None and d.meta.source_file.endswith(SEED_002)
    assert d.meta.source_sha256 is not None and len(d.meta.source_sha256) == 64
