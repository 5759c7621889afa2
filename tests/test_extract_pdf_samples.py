"""The PDF extractor against blind hand transcriptions of real Shanghai-template PDFs.

The fixtures were transcribed from rendered page images (cross-checked with poppler's
``pdftotext``) by someone who had seen neither the parser's output nor earlier fixtures; they
agreed with the earlier, non-blind fixtures on all 503 cells.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from juesuan.extract.pdf_tables import extract_pdf
from juesuan.model.disclosure import Disclosure
from juesuan.model.numbers import parse_printed
from juesuan.model.spec import SPECS
from juesuan.read.pdf import read_pdf

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

Cell = tuple[str, str | None, str, str, Decimal, int]


def _sample(name: str) -> Path:
    path = SAMPLES / name
    if not path.is_file():
        pytest.skip(f"sample PDF not available: {path}")
    return path


def _fixture(name: str) -> dict[str, Any]:
    with (FIXTURES / name).open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


def _expected_cells(fx: dict[str, Any]) -> set[Cell]:
    out: set[Cell] = set()
    for tid, body in fx["cells"].items():
        sided = tid in ("01", "04")
        groups = body.items() if sided else [(None, body)]
        for side, rows in groups:
            for row_key, values in rows.items():
                for column, raw in values.items():
                    printed = parse_printed(str(raw))
                    assert printed.value is not None
                    out.add((tid, side, str(row_key), column, printed.value, printed.decimals))
    return out


def _actual_cells(d: Disclosure) -> set[Cell]:
    out: set[Cell] = set()
    for tid, table in d.tables.items():
        for row in table.rows:
            for column, num in row.values.items():
                out.add((tid, row.side, row.key, column, num.value, num.decimals))
    return out


_cache: dict[str, Disclosure] = {}


def _parse(name: str) -> Disclosure:
    if name not in _cache:
        _cache[name] = extract_pdf(read_pdf(_sample(name)))
    return _cache[name]


CASES = [
    ("shanghai-putuo-finance-2024.pdf", "shanghai_finance_2024.yaml"),
    ("shanghai-putuo-planning-2024.pdf", "shanghai_planning_2024.yaml"),
]


@pytest.mark.parametrize(("pdf", "fixture"), CASES)
def test_every_numeric_cell_extracted_exactly(pdf: str, fixture: str) -> None:
    d = _parse(pdf)
    expected = _expected_cells(_fixture(fixture))
    actual = _actual_cells(d)
    missing = sorted(expected - actual, key=str)
    extra = sorted(actual - expected, key=str)
    assert not missing and not extra, f"missing={missing}\nextra={extra}"


@pytest.mark.parametrize(("pdf", "fixture"), CASES)
def test_meta_and_table_identity(pdf: str, fixture: str) -> None:
    d = _parse(pdf)
    fx = _fixture(fixture)
    for key, value in fx["meta"].items():
        assert getattr(d.meta, key) == value, key
    assert sorted(d.tables) == sorted(SPECS)
    for tid, number in fx["printed_no"].items():
        assert d.tables[tid].printed_no == number, tid
    # identified by title: Shanghai's table 七 is the national 09 (三公)
    assert "三公" in (d.tables["09"].title or "")
    assert "政府性基金" in (d.tables["07"].title or "")
    assert "国有资本经营" in (d.tables["08"].title or "")
    for tid in fx["empty_tables"]:
        table = d.tables[tid]
        assert table.is_empty
        assert table.notes, f"{tid}: the 无数据 note is kept"
        assert table.headers, f"{tid}: the empty table's header is still read"


@pytest.mark.parametrize(("pdf", "fixture"), CASES)
def test_provenance_of_every_figure(pdf: str, fixture: str) -> None:
    d = _parse(pdf)
    pages = {tid: set(p) for tid, p in _fixture(fixture)["pages"].items()}
    for tid, table in d.tables.items():
        assert table.unit == "万元"
        for row in table.rows:
            assert row.prov is not None and row.prov.page in pages[tid]
            for column, num in row.values.items():
                prov = num.prov
                assert prov is not None
                assert prov.file is not None and prov.file.endswith(pdf)
                assert prov.page in pages[tid], (tid, row.key, column, prov.page)
                assert prov.line is not None and prov.line >= 1
                assert prov.table == tid and prov.column == column
                if row.code:
                    assert prov.code == row.code


def test_headers_keep_printed_paths() -> None:
    d = _parse("shanghai-putuo-finance-2024.pdf")
    sangong = d.tables["09"].headers
    assert sangong["预算数/公务用车购置费"] == "公务用车购置及运行费/公务用车购置费/预算数"
    assert sangong["决算数/公务用车购置及运行维护费"] == "公务用车购置及运行费/小计/决算数"
    assert d.tables["07"].headers["小计"] == "本年支出/小计"
    assert set(d.tables["03"].headers) == set(SPECS["03"].column_keys())


def test_fixed_rows_and_expense_classes() -> None:
    d = _parse("shanghai-putuo-finance-2024.pdf")
    t01 = d.tables["01"]
    income = [r.key for r in t01.rows if r.side == "收入"]
    assert income[:8] == [
        "一般公共预算财政拨款收入",
        "政府性基金预算财政拨款收入",
        "国有资本经营预算财政拨款收入",
        "上级补助收入",
        "事业收入",
        "经营收入",
        "附属单位上缴收入",
        "其他收入",
    ]
    classes = [r.code for r in t01.rows if r.side == "支出" and r.code]
    assert len(classes) == 26 and classes[0] == "201" and classes[-1] == "234"
    t04 = d.tables["04"]
    assert t04.find("年初财政拨款结转和结余/国有资本经营预算财政拨款", "收入") is not None
    assert t04.find("年末财政拨款结转和结余", "支出") is not None
    # wrapped label cells are joined
    assert d.tables["06"].find("30108") is not None
    assert d.tables["06"].find("30108").label == "机关事业单位基本养老保险缴费"  # type: ignore[union-attr]


def test_template_structure_without_values() -> None:
    d = _parse("shanghai-template-2024.pdf")
    assert d.meta.unit_name == "上海市XX局"
    assert d.meta.fiscal_year == 2024
    assert d.meta.template == "shanghai"
    assert sorted(d.tables) == sorted(SPECS)
    assert all(table.is_empty for table in d.tables.values())
    assert d.tables["09"].printed_no == "七"
    assert len(d.tables["09"].headers) == 12
    t01 = d.tables["01"]
    assert t01.find("使用非财政拨款结余（含专用结余）", "收入") is not None
    assert len([r for r in t01.rows if r.side == "支出" and r.code]) == 24
    assert [r.key for r in d.tables["02"].coded_rows()] == [
        "205",
        "20502",
        "2050205",
        "207",
        "20799",
    ]
    assert d.tables["02"].find("20799").label == "其他文化旅游体育与传媒支出"  # type: ignore[union-attr]
    t06 = d.tables["06"]
    assert len(t06.coded_rows()) == 65
    assert t06.find("人员经费合计") is not None and t06.find("公用经费合计") is not None
    assert set(d.tables["07"].headers) == set(SPECS["07"].column_keys())
