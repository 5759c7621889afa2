"""YAML/JSON input: exact decimals, dump/load round trips, located Chinese errors."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml
from pydantic import TypeAdapter

from juesuan.compile import dump_yaml, load, load_mapping, read_workbook, write_template
from juesuan.errors import JuesuanError, Problem
from juesuan.model import Disclosure, Num

BASIC = """\
meta:
  unit_name: 某局
  fiscal_year: 2023
tables:
  "03":
    id: "03"
    rows:
      - key: "合计"
        label: 合计
        values:
          本年支出合计: 2619.70
          基本支出: 1483.68
extras:
  prior:
    total: 2779.90
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[Problem]:
    with pytest.raises(JuesuanError) as info:
        load(path)
    return info.value.problems


def test_yaml_floats_are_exact_decimals(tmp_path: Path) -> None:
    data = load_mapping(write(tmp_path, "a.yaml", "a: 2619.70\nb: [0.1, 3]\nc: '2.10'\n"))
    assert data == {"a": Decimal("2619.70"), "b": [Decimal("0.1"), 3], "c": "2.10"}
    assert str(data["a"]) == "2619.70"


def test_json_floats_are_exact_decimals(tmp_path: Path) -> None:
    data = load_mapping(write(tmp_path, "a.json", '{"a": 2619.70, "b": 1e-2, "c": 7}'))
    assert data == {"a": Decimal("2619.70"), "b": Decimal("0.01"), "c": 7}
    assert str(data["a"]) == "2619.70"


def test_load_yaml_keeps_printed_precision(tmp_path: Path) -> None:
    path = write(tmp_path, "d.yaml", BASIC)
    d = load(path)
    total = d.tables["03"].cell("合计", "本年支出合计")
    assert total is not None and str(total.value) == "2619.70" and total.decimals == 2
    assert str(d.extras.prior["total"].value) == "2779.90"
    assert d.meta.source_file == "d.yaml"
    assert d.meta.source_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_dump_yaml_writes_numbers_as_strings(tmp_path: Path) -> None:
    d = load(write(tmp_path, "d.yaml", BASIC))
    text = dump_yaml(d)
    assert "本年支出合计: '2619.70'" in text
    again = load(write(tmp_path, "again.yaml", text))
    assert again.tables == d.tables and again.extras == d.extras


def test_workbook_yaml_json_round_trip(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(write_template(tmp_path / "t.xlsx", 2023))
    wb["基本信息"]["B4"] = "某局"
    ws = wb["公开03 支出决算表"]
    ws["C8"] = 2623.78
    ws["A9"], ws["B9"], ws["C9"], ws["D9"] = "208", "社会保障和就业支出", "177.01", 177.01
    wb.save(tmp_path / "f.xlsx")
    from_book = read_workbook(tmp_path / "f.xlsx")
    via_yaml = load(write(tmp_path, "f.yaml", dump_yaml(from_book)))
    via_json = load(write(tmp_path, "f.json", from_book.model_dump_json()))
    for other in (via_yaml, via_json):
        assert other.model_dump(exclude={"meta"}) == from_book.model_dump(exclude={"meta"})
        assert other.tables == from_book.tables
    cell = via_yaml.tables["03"].cell("208", "基本支出")
    assert cell is not None and str(cell.value) == "177.01"
    assert cell.prov is not None and cell.prov.cell == "D9"


def test_validation_errors_are_located_in_chinese(tmp_path: Path) -> None:
    text = """\
meta:
  fiscal_year: 二〇二三
  scope: 全部
  colour: red
tables:
  "03":
    id: "03"
    rows:
      - key: "208"
        label: x
      - key: "210"
        label: y
        values:
          基本支出: 1,2O3.5
"""
    got = problems(write(tmp_path, "bad.yaml", text))
    assert got == [
        Problem("bad.yaml: meta.unit_name", "缺少必填项"),
        Problem("bad.yaml: meta.fiscal_year", '不是数字: "二〇二三"'),
        Problem("bad.yaml: meta.scope", '取值应为 汇总、本级、单位: "全部"'),
        Problem("bad.yaml: meta.colour", "未知字段"),
        Problem("bad.yaml: tables.03.rows[1].values.基本支出", '不是数字: "1,2O3.5"'),
    ]


def test_float_input_to_num_is_refused() -> None:
    with pytest.raises(ValueError, match="浮点数"):
        TypeAdapter(Num).validate_python({"value": 0.1})


def test_syntax_errors(tmp_path: Path) -> None:
    assert problems(write(tmp_path, "s.yaml", "a: [1, 2\n"))[0].location.startswith("s.yaml:")
    assert problems(write(tmp_path, "s.yaml", "a: [1, 2\n"))[0].message.startswith("YAML 格式错误")
    got = problems(write(tmp_path, "s.json", '{"a": }'))
    assert got[0].location == "s.json:1:7" and got[0].message.startswith("JSON 格式错误")
    assert problems(write(tmp_path, "l.yaml", "- 1\n- 2\n")) == [
        Problem("l.yaml", "顶层应为键值映射（mapping）")
    ]


def test_unsupported_and_missing(tmp_path: Path) -> None:
    assert problems(tmp_path / "a.docx") == [
        Problem("a.docx", "不支持的文件类型“.docx”（支持 .xlsx、.xlsm、.yaml、.yml、.json）")
    ]
    assert problems(tmp_path / "none.yaml") == [Problem("none.yaml", "文件不存在")]
    assert problems(tmp_path / "none.xlsx") == [Problem("none.xlsx", "文件不存在")]


def test_dump_is_plain_yaml(tmp_path: Path) -> None:
    d = Disclosure.model_validate({"meta": {"unit_name": "某局", "fiscal_year": 2023}})
    assert yaml.safe_load(dump_yaml(d)) == {"meta": {"unit_name": "某局", "fiscal_year": 2023}}
    assert json.loads(d.model_dump_json())["meta"]["unit_name"] == "某局"
