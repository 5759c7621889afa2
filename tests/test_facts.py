"""The public ``facts`` format (JSON Lines)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from juesuan.model import Disclosure, Meta, Num, Prov, Row, Table
from juesuan.model.facts import facts_jsonl, iter_facts

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "wuzhi-county-2024" / "disclosure.yaml"
KEYS = {"file", "table", "side", "code", "row", "column", "value", "raw", "unit", "line", "page"}


def _example() -> Disclosure:
    return Disclosure.model_validate(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")))


def test_every_fact_has_the_documented_keys_and_decimal_strings() -> None:
    facts = [json.loads(line) for line in facts_jsonl(_example()).splitlines()]
    assert facts
    for f in facts:
        assert set(f) == KEYS
        assert isinstance(f["value"], str)


def test_table_facts_use_codes_rows_and_standard_headers() -> None:
    facts = list(iter_facts(_example()))
    basic = [
        f
        for f in facts
        if f["table"] == "03" and f["code"] == "2101501" and f["column"] == "基本支出"
    ]
    assert [f["value"] for f in basic] == ["77.70"]
    assert basic[0]["row"] == "行政运行" and basic[0]["unit"] == "万元" and basic[0]["side"] is None
    t05 = {f["column"] for f in facts if f["table"] == "05"}
    assert t05 == {"本年支出/合计", "本年支出/基本支出", "本年支出/项目支出"}
    income01 = [
        f
        for f in facts
        if f["table"] == "01" and f["side"] == "收入" and f["row"] == "本年收入合计"
    ]
    assert len(income01) == 1


def test_blank_cells_emit_no_fact_and_count_matches_values() -> None:
    d = _example()
    n_cells = sum(len(r.values) for t in d.tables.values() for r in t.rows)
    table_facts = [f for f in iter_facts(d) if f["table"] in d.tables]
    assert len(table_facts) == n_cells
    assert not [f for f in table_facts if f["table"] == "07"]


def test_printed_headers_raw_text_and_provenance_are_kept() -> None:
    prov = Prov(file="x.txt", line=42, page=3)
    t = Table(
        id="05",
        headers={"合计": "本年支出/小 计"},
        rows=[
            Row(
                key="合计",
                label="合计",
                printed_label="合 计",
                values={"合计": Num.of("2,948.42", prov)},
            )
        ],
    )
    d = Disclosure(
        meta=Meta(unit_name="某局", fiscal_year=2024, source_file="x.txt"), tables={"05": t}
    )
    (fact,) = iter_facts(d)
    assert fact == {
        "file": "x.txt",
        "table": "05",
        "side": None,
        "code": None,
        "row": "合计",
        "column": "本年支出/小计",
        "value": "2948.42",
        "raw": "2,948.42",
        "unit": "万元",
        "line": 42,
        "page": 3,
    }


def test_extras_become_section_facts() -> None:
    facts = list(iter_facts(_example()))
    prior = [f for f in facts if f["table"] == "上年数" and f["code"] == "office_running"]
    assert prior and prior[0]["value"] == "53.31" and prior[0]["row"] == "机关运行经费"
    budget = [f for f in facts if f["table"] == "年初预算" and f["code"] == "func:2101301"]
    assert budget[0]["value"] == "1787.51"
    assert any(f["table"] == "绩效自评" and f["column"] == "总分" for f in facts)
