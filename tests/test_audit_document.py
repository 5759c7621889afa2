"""F rules on the whole document: duplicated/image tables, cover, title years, unit names, sections."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from juesuan.audit import run
from juesuan.extract import load_document
from juesuan.model import Disclosure, Notice, Prov, Section

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "wuzhi-county-2024" / "disclosure.yaml"
SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _d() -> Disclosure:
    d = Disclosure.model_validate(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")))
    d.meta.source_file = "x.txt"
    return d


def _codes(d: Disclosure, select: str = "F") -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in run(d, select=[select]).findings]


def test_clean_document_with_sections_has_no_form_findings() -> None:
    d = _d()
    d.narrative.sections = [
        Section(kind="情况说明", heading="部门决算情况说明"),
        Section(kind="名词解释", heading="名词解释"),
    ]
    d.narrative.titles = [Section(kind="封面", heading="2024年度部门决算", line_start=2)]
    assert _codes(d) == []


def test_missing_sections_are_warned_only_for_documents() -> None:
    d = _d()
    assert ("F0204", "warning") in _codes(d)
    d.meta.source_file = "x.yaml"
    assert _codes(d) == []


def test_duplicate_and_different_copies() -> None:
    d = _d()
    d.meta.source_file = "x.yaml"
    d.notices = [
        Notice(
            message="公开06表重复出现",
            location=Prov(file="x", line=9, table="06"),
            kind="duplicate_table",
        ),
        Notice(
            message="公开05表出现两份且内容不同",
            location=Prov(file="x", line=99, table="05"),
            kind="different_copy",
        ),
    ]
    assert sorted(_codes(d)) == [("F0106", "error"), ("F0106", "warning")]


def test_cover_saying_budget_and_title_years() -> None:
    d = _d()
    d.meta.source_file = "x.yaml"
    d.narrative.titles = [
        Section(kind="封面", heading="部门预算公开文本", line_start=5),
        Section(kind="封面", heading="预算代码：450", line_start=9),
        Section(kind="标题", heading="2023年部门整体绩效评价报告", line_start=135),
        Section(kind="标题", heading="二〇二五年九月", line_start=7),
    ]
    findings = run(d, select=["F02"]).findings
    assert [(f.code, f.location.line) for f in findings] == [("F0201", 5), ("F0202", 135)]


def test_unit_name_variants_only_near_misses() -> None:
    d = _d()
    d.meta.source_file = "x.yaml"
    d.narrative.unit_mentions = [
        Prov(file="x", line=3, text="武陟县医疗保障局"),
        Prov(file="x", line=4, text="武涉县医疗保障局"),
        Prov(file="x", line=5, text="武陟县卫生健康委员会"),
        Prov(file="x", line=6, text="武陟县医保局"),
    ]
    findings = run(d, select=["F0203"]).findings
    assert [(f.location.line, f.actual) for f in findings] == [(4, "武涉县医疗保障局")]


def test_unit_name_missing_its_district_is_the_superior_body() -> None:
    d = _d()
    d.meta.source_file = "x.pdf"
    d.meta.unit_name = "上海市普陀区规划和自然资源局"
    d.narrative.unit_mentions = [
        Prov(file="x", page=7, line=1, text="上海市规划和自然资源局"),  # 普陀区 left out
        Prov(file="x", page=5, line=2, text="普陀区规划和自然资源局"),  # the usual short form
        Prov(file="x", page=6, line=3, text="上海市普陀区规划和自然资源局"),
    ]
    findings = run(d, select=["F0203"]).findings
    assert [(f.location.page, f.actual) for f in findings] == [(7, "上海市规划和自然资源局")]
    assert "少了“普陀区”" in findings[0].message


@pytest.mark.skipif(not SAMPLES.exists(), reason="../shared/samples not present")
def test_sample_pdf_unit_name_variants() -> None:
    d = load_document(SAMPLES / "shanghai-putuo-planning-2024.pdf")
    found = {(f.location.page, f.actual) for f in run(d, select=["F0203"]).findings}
    # read off the PDF: the title over 公开01表 (p.7) names the municipal bureau, and the
    # 情况说明 (p.26) writes 规划与自然资源局 for 规划和自然资源局
    assert found == {(7, "上海市规划和自然资源局"), (26, "上海市普陀区规划与自然资源局")}
    d = load_document(SAMPLES / "shanghai-putuo-finance-2024.pdf")
    assert run(d, select=["F0203"]).findings == []


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds not present")
def test_seed_regressions() -> None:
    d2 = load_document(SEEDS / "002_930f75fc3326c2a1.txt")
    assert [(f.code, f.location.line) for f in run(d2, select=["F0201"]).findings] == [("F0201", 5)]
    d4 = load_document(SEEDS / "004_fe270c263743eea8.txt")
    garbled = {f.actual for f in run(d4, select=["F0203"]).findings}
    assert garbled == {"潢川县医疗保障局", "镇源县医疗保障局", "潼源县医疗保障局"}
    d1 = load_document(SEEDS / "001_d73751aaba95274a.txt")
    assert {f.location.line for f in run(d1, select=["F0202"]).findings} == {135, 222}


def test_image_tables_are_noted_once_per_missing_table() -> None:
    d = _d()
    d.meta.source_file = "x.yaml"
    del d.tables["07"]
    where = Prov(file="x", line=278, table="07")
    d.notices = [
        Notice(message="找到公开07表标题，但其后没有表格内容", location=where, kind="image_table"),
        Notice(message="找到公开07表标题，但其后没有表格内容", location=where, kind="image_table"),
        Notice(
            message="找到公开05表标题",
            location=Prov(file="x", line=3, table="05"),
            kind="image_table",
        ),
    ]
    assert [(f.code, f.severity, f.location.line) for f in run(d, select=["F0107"]).findings] == [
        ("F0107", "info", 278)
    ]
