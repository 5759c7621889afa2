"""The disclosure model: Decimal figures, provenance, validation, JSON round trip."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from juesuan.model import Disclosure, Extras, Meta, Num, Prov, Row, Table

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_num_keeps_printed_precision_and_raw() -> None:
    n = Num.model_validate("2,619.70")
    assert n.value == Decimal("2619.70")
    assert n.decimals == 2
    assert n.raw == "2,619.70"
    assert n.half_ulp == Decimal("0.005")


def test_num_serialises_compactly_without_provenance() -> None:
    assert Num.model_validate("4.00").model_dump(mode="json") == "4.00"
    with_prov = Num.of("1.5", Prov(file="a.txt", line=3))
    dumped = with_prov.model_dump(mode="json")
    assert dumped["value"] == "1.5" and dumped["prov"] == {"file": "a.txt", "line": 3}
    assert Num.model_validate(dumped) == with_prov


def test_num_refuses_float_and_garbage() -> None:
    with pytest.raises(ValidationError, match="浮点数"):
        Num.model_validate(0.1)
    with pytest.raises(ValidationError, match="不是数字"):
        Num.model_validate("1,2O3.5")


def test_extras_reject_unknown_subject_keys() -> None:
    Extras.model_validate({"prior": {"total": "1.00", "func:2101501": "2.00"}})
    with pytest.raises(ValidationError, match="未知的科目"):
        Extras.model_validate({"prior": {"totals": "1.00"}})


def test_table_lookup() -> None:
    t = Table(
        id="03",
        rows=[
            Row(
                key="2101501",
                code="2101501",
                label="行政运行",
                values={"基本支出": Num.of("317.67")},
            )
        ],
    )
    assert t.cell("2101501", "基本支出") == Num.of("317.67")
    assert t.cell("2101501", "项目支出") is None
    assert t.find("999") is None


@pytest.mark.parametrize(
    "example", sorted(EXAMPLES.glob("*/disclosure.yaml")), ids=lambda p: p.parent.name
)
def test_examples_round_trip_through_json(example: Path) -> None:
    d = Disclosure.model_validate(yaml.safe_load(example.read_text(encoding="utf-8")))
    again = Disclosure.model_validate_json(d.model_dump_json())
    assert again == d
    assert len(d.tables) == 9


def test_schema_is_json_and_mentions_all_parts() -> None:
    schema = Disclosure.model_json_schema()
    text = json.dumps(schema, ensure_ascii=False)
    for part in ("meta", "tables", "extras", "evaluations"):
        assert part in schema["properties"]
    assert "number" not in {v.get("type") for v in schema["$defs"]["Num"]["properties"].values()}
    assert "部门（单位）名称" in text


def test_meta_year_bounds() -> None:
    with pytest.raises(ValidationError):
        Meta(unit_name="x", fiscal_year=20230)
