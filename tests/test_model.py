"""The disclosure model: Decimal figures, provenance, validation, JSON round trip."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from pydantic import TypeAdapter, ValidationError

from juesuan.extract.context import Context
from juesuan.model import Disclosure, Extras, Meta, Num, Prov, Row, Table
from juesuan.model.provenance import in_text, located
from juesuan.read.layout import Line

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NUM = TypeAdapter(Num)
PROV = TypeAdapter(Prov)


def test_num_keeps_printed_precision_and_raw() -> None:
    n = NUM.validate_python("2,619.70")
    assert n.value == Decimal("2619.70")
    assert n.decimals == 2
    assert n.raw == "2,619.70"
    assert n.half_ulp == Decimal("0.005")


def test_num_serialises_compactly_without_provenance() -> None:
    assert NUM.dump_python(NUM.validate_python("4.00"), mode="json") == "4.00"
    with_prov = Num.of("1.5", Prov(file="a.txt", line=3))
    dumped = NUM.dump_python(with_prov, mode="json")
    assert dumped["value"] == "1.5" and dumped["prov"] == {"file": "a.txt", "line": 3}
    assert NUM.validate_python(dumped) == with_prov


def test_num_refuses_float_and_garbage() -> None:
    with pytest.raises(ValidationError, match="浮点数"):
        NUM.validate_python(0.1)
    with pytest.raises(ValidationError, match="不是数字"):
        NUM.validate_python("1,2O3.5")


def test_num_and_prov_are_immutable_values() -> None:
    prov = Prov(file="a.txt", line=3, span=(4, 9))
    n = Num(Decimal("1.50"), 2, None, prov)
    with pytest.raises(AttributeError):
        n.value = Decimal(2)  # type: ignore[misc]
    with pytest.raises(AttributeError):
        prov.line = 4  # type: ignore[misc]
    assert {n, Num.of("1.50", Prov(file="a.txt", line=3, span=(4, 9)))} == {n}
    assert n.with_prov(None).prov is None and n.prov is prov
    assert prov._replace(line=None).as_dict() == {"file": "a.txt", "span": (4, 9)}


def test_located_is_the_keyword_form() -> None:
    made = located("a.txt", 2, 14, "03", "行政运行", "2010101", "基本支出")
    assert made == Prov(
        file="a.txt", page=2, line=14, table="03", row="行政运行", code="2010101", column="基本支出"
    )
    assert type(made) is Prov and located("b.txt", None, None) == Prov(file="b.txt")
    line = Line(14, "行政运行\t1.00", page=2)
    by_context = Context("a.txt").prov(line, "03", "行政运行", "2010101", "基本支出")
    assert by_context == made and type(by_context) is Prov
    assert Context("b.txt").prov(None) == Prov(file="b.txt")
    spanned = in_text("c.txt", 3, 7, (4, 9), "12.5万元")
    assert spanned == Prov(file="c.txt", page=3, line=7, span=(4, 9), text="12.5万元")
    assert type(spanned) is Prov


def test_prov_validates_its_mapping_form_and_round_trips() -> None:
    prov = PROV.validate_python({"file": "a.pdf", "page": 2, "span": [1, 5]})
    assert prov == Prov(file="a.pdf", page=2, span=(1, 5))
    assert PROV.validate_json(PROV.dump_json(prov)) == prov
    assert PROV.dump_python(prov, mode="json") == {"file": "a.pdf", "page": 2, "span": [1, 5]}
    with pytest.raises(ValidationError, match="colum"):
        PROV.validate_python({"colum": "决算数"})
    with pytest.raises(ValidationError, match="page"):
        PROV.validate_python({"page": "第二页"})


def test_num_validates_object_form_and_reports_where() -> None:
    n = NUM.validate_python({"value": "1,234.50", "prov": {"file": "a.txt", "line": 7}})
    assert (n.value, n.decimals, n.prov) == (Decimal("1234.50"), 2, Prov(file="a.txt", line=7))
    assert NUM.validate_python({"value": "3.1", "decimals": 2}).decimals == 2
    assert NUM.validate_json('"2,619.78"').value == Decimal("2619.78")
    with pytest.raises(ValidationError, match="浮点数"):
        NUM.validate_json("2619.78")
    with pytest.raises(ValidationError, match=r"prov\.line"):
        NUM.validate_python({"value": "1", "prov": {"line": "x"}})
    with pytest.raises(ValidationError, match="extra"):
        NUM.validate_python({"value": "1", "unit": "万元"})
    with pytest.raises(ValidationError, match="数值为空"):
        NUM.validate_python("-")


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
    num = schema["$defs"]["Num"]
    assert {"type": "string"} in num["anyOf"]  # a bare printed figure
    assert "number" not in json.dumps(num)  # floats are refused: money is exact
    assert schema["$defs"]["Prov"]["additionalProperties"] is False
    assert "部门（单位）名称" in text


def test_meta_year_bounds() -> None:
    with pytest.raises(ValidationError):
        Meta(unit_name="x", fiscal_year=20230)
