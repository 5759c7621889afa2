"""``write_filled`` / ``juesuan template --from``: the template pre-filled with a disclosure.

Reading a filled workbook gives the disclosure back.  What is compared: the model dumps
without provenance, without a figure's raw text and without the source file's name and
digest.  Where the disclosure leaves the tables' furniture unset (headers, 公开NN表,
金额单位, title, 行次, the 类 codes of 公开01/04) the workbook supplies the template's, so
those are compared only where the disclosure has them.  The committed example workbooks
are regenerated with::

    juesuan template --from examples/<name>/disclosure.yaml \\
        -o examples/<name>/disclosure.xlsx --force
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from juesuan.cli.app import app
from juesuan.compile import load, read_workbook
from juesuan.compile.fill import write_filled
from juesuan.compile.layout import EXTRAS_SHEET, PERF_SHEET, TABLE_SHEETS
from juesuan.errors import JuesuanError, Problem
from juesuan.model import Disclosure, Num, Row
from juesuan.model.meta import UnitInfo
from juesuan.model.numbers import decimals_of
from juesuan.model.perf import (
    EvaluationSummaryRow,
    FundingLine,
    Goal,
    Indicator,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
YAMLS = sorted(EXAMPLES.glob("*/disclosure.yaml"))
FURNITURE = ("headers", "printed_no", "unit", "title")
SIDE_TABLES = ("01", "04")


def _strip(data: Any) -> Any:
    """Drop ``prov`` everywhere; a figure becomes its value (with decimals if they differ)."""
    if isinstance(data, dict):
        if "value" in data and set(data) <= {"value", "decimals", "raw", "prov"}:
            value = str(data["value"])
            decimals = data.get("decimals", decimals_of(Decimal(value)))
            if decimals == decimals_of(Decimal(value)):
                return value
            return {"value": value, "decimals": decimals}
        return {k: _strip(v) for k, v in data.items() if k != "prov"}
    if isinstance(data, list):
        return [_strip(v) for v in data]
    return data


def comparable(d: Disclosure) -> dict[str, Any]:
    """The model as JSON without provenance, raw text and the source file's name/digest."""
    out: dict[str, Any] = _strip(d.model_dump(mode="json"))
    out["meta"].pop("source_file")
    out["meta"].pop("source_sha256")
    return out


def without_supplied(original: Disclosure, read: Disclosure) -> tuple[Any, Any]:
    """Both dumps, minus the table furniture the original leaves to the template."""
    a, b = comparable(original), comparable(read)
    for table_id, table in a["tables"].items():
        other = b["tables"].get(table_id, {})
        for name in FURNITURE:
            if not table.get(name):
                table.pop(name, None)
                other.pop(name, None)
        for row, row_b in zip(table["rows"], other.get("rows", []), strict=False):
            fields = ("line_no", "code") if table_id in SIDE_TABLES else ("line_no",)
            for name in fields:
                if row.get(name) is None:
                    row.pop(name, None)
                    row_b.pop(name, None)
    return a, b


def assert_same(original: Disclosure, read: Disclosure) -> None:
    a, b = without_supplied(original, read)
    assert a == b


@pytest.fixture(scope="module", params=YAMLS, ids=lambda p: p.parent.name)
def example(request: pytest.FixtureRequest) -> Disclosure:
    path: Path = request.param
    return load(path)


@pytest.fixture(scope="module")
def filled(example: Disclosure, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_filled(example, tmp_path_factory.mktemp("fill") / "filled.xlsx")


def test_examples_round_trip(example: Disclosure, filled: Path) -> None:
    read = read_workbook(filled)
    assert read.meta.source_file == "filled.xlsx"
    assert read.notices == []
    assert_same(example, read)
    again = Disclosure.model_validate_json(read.model_dump_json())
    assert again == read
    assert_same(example, again)


def test_filled_workbook_round_trips_exactly(filled: Path, tmp_path: Path) -> None:
    """A model read from a workbook carries all furniture: filling it again changes nothing."""
    first = read_workbook(filled)
    second = read_workbook(write_filled(first, tmp_path / "again.xlsx"))
    assert comparable(second) == comparable(first)


def test_amounts_are_numbers_with_their_decimals(example: Disclosure, filled: Path) -> None:
    wb = openpyxl.load_workbook(filled)
    ws = wb[TABLE_SHEETS["02"]]
    total = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "合计")
    expected = example.tables["02"].rows[0].values["本年收入合计"]
    cell = ws.cell(total, 3)
    assert isinstance(cell.value, int | float)
    assert cell.number_format == "#,##0.00"
    assert Decimal(repr(cell.value)).quantize(Decimal("0.01")) == expected.value
    # codes stay text
    assert isinstance(ws.cell(total + 1, 1).value, str)


@pytest.mark.parametrize("path", YAMLS, ids=lambda p: p.parent.name)
def test_committed_example_workbooks_are_up_to_date(path: Path) -> None:
    xlsx = path.with_suffix(".xlsx")
    assert xlsx.exists(), f"缺少 {xlsx}，请用 juesuan template --from 生成"
    assert_same(load(path), read_workbook(xlsx))


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    d = load(YAMLS[0])
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"keep me")
    with pytest.raises(JuesuanError) as info:
        write_filled(d, path)
    assert info.value.problems == [
        Problem(str(path), f"文件已存在：{path}。如需覆盖请加 --force。")
    ]
    assert path.read_bytes() == b"keep me"
    write_filled(d, path, force=True)
    assert_same(d, read_workbook(path))
    assert [p.name for p in tmp_path.iterdir()] == ["a.xlsx"]


def test_cli_template_from(tmp_path: Path) -> None:
    source = YAMLS[0]
    out = tmp_path / "预填.xlsx"
    runner = CliRunner()
    result = runner.invoke(app, ["template", "--from", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "预填" in result.output and str(out) in result.output
    assert_same(load(source), read_workbook(out))
    again = runner.invoke(app, ["template", "--from", str(source), "-o", str(out)])
    assert again.exit_code != 0 and isinstance(again.exception, JuesuanError)
    # From a workbook, for another year.
    other = tmp_path / "next.xlsx"
    result = runner.invoke(
        app, ["template", "--from", str(out), "-o", str(other), "--year", "2025"]
    )
    assert result.exit_code == 0, result.output
    moved = read_workbook(other)
    assert moved.meta.fiscal_year == 2025
    assert comparable(moved)["tables"] == comparable(read_workbook(out))["tables"]
    missing = runner.invoke(
        app, ["template", "--from", str(tmp_path / "无.yaml"), "-o", str(other)]
    )
    assert missing.exit_code != 0


def test_cli_blank_template_still_works(tmp_path: Path) -> None:
    out = tmp_path / "blank.xlsx"
    result = CliRunner().invoke(app, ["template", "-o", str(out), "--year", "2023"])
    assert result.exit_code == 0, result.output
    assert read_workbook_or_problems(out) == ["基本信息!B4"]


def read_workbook_or_problems(path: Path) -> list[str]:
    try:
        read_workbook(path)
    except JuesuanError as exc:
        return [p.location for p in exc.problems]
    return []


# ------------------------------------------------------------------ growth and edge cases


def _n(text: str) -> Num:
    return Num.of(text)


def big_disclosure() -> Disclosure:
    """The county example, with more of everything than the blank template has rows for."""
    d = load(EXAMPLES / "wuzhi-county-2024" / "disclosure.yaml")
    t05 = d.tables["05"].model_copy(deep=True)
    extra = [
        Row(
            key=f"21{i:03d}01",
            code=f"21{i:03d}01",
            label=f"测试科目{i}",
            values={"合计": _n(f"{i}.5"), "基本支出": _n(f"{i}.500"), "项目支出": _n("-0.1")},
        )
        for i in range(100, 180)
    ]
    t05.rows = [*t05.rows, *reversed(extra)]
    t05.notes = ["注：本表金额单位为万元。", "本部门无其他说明。"]
    t06 = d.tables["06"].model_copy(deep=True)
    coded = [r for r in t06.rows if r.code]
    footers = [r for r in t06.rows if not r.code]
    more = [
        Row(key=f"399{i:02d}", code=f"399{i:02d}", label=f"其他{i}", values={"决算数": _n("1")})
        for i in range(10, 100)
    ]
    t06.rows = [*coded, *more, *footers]
    t01 = d.tables["01"].model_copy(deep=True)
    for row in t01.rows:
        if row.key == "一般公共服务支出":
            row.printed_label = "一、一般公共服务支出"
    extras = d.extras.model_copy(deep=True)
    extras.prior.update({f"econ:302{i:02d}": _n(f"{i}.25") for i in range(1, 20)})
    extras.reasons.update({"func:2101301": "标准提高。", "econ:30201": "办公费压减。"})
    extras.budget_initial.update({f"func:2101{i:03d}": _n(f"{i}.00") for i in range(100, 150)})
    extras.budget_final.update({"func:2101101": _n("4.5"), "sangong.total": _n("0")})
    extras.assets.vehicles_by_category = {"执法执勤用车": 2, "自定义用车": 1}
    extras.performance.grade_counts = {"优": 15, "良": 1, "合格": 1}
    extras.procurement.small_micro_denominator = "采购总额"
    extras.performance.department_evaluated = False
    base = d.evaluations[0]
    evaluations = [
        base.model_copy(
            update={
                "name": f"项目{i}",
                "kind": "department" if i == 0 else "project",
                "goals": [Goal(target=f"目标{i}", achieved="完成", completion_rate=_n("100"))],
                "funding": [
                    *base.funding,
                    FundingLine(label="其他资金", annual_budget=_n("1.000")),
                ],
                "indicators": [
                    *base.indicators,
                    Indicator(level1="产出指标", target_text="", target=_n("7"), actual_text="七"),
                ],
                "problems": "无" if i % 2 else None,
            }
        )
        for i in range(20)
    ]
    summary = [
        EvaluationSummaryRow(
            name=f"项目{i}",
            annual_budget=_n("10.00"),
            executed=_n("9.5"),
            rate=_n("95.00"),
            category_rates={"产出指标": _n("100.00"), "成本指标": _n("98.5")},
            score=_n("99"),
            grade="优",
        )
        for i in range(40)
    ]
    profile = d.profile.model_copy(
        update={
            "duties": [f"职责{i}" for i in range(20)],
            "internal_departments": [f"股室{i}" for i in range(16)],
            "units": [
                *d.profile.units,
                *[UnitInfo(name=f"单位{i}", nature="其他") for i in range(25)],
            ],
            "staff_note": "编制 20 人\n实有 18 人\n退休 5 人\n遗属 1 人",
        }
    )
    meta = d.meta.model_copy(
        update={"region": "河南省焦作市武陟县", "budget_code": "001002", "scope": "汇总"}
    )
    tables = {**d.tables, "05": t05, "06": t06, "01": t01}
    return d.model_copy(
        update={
            "meta": meta,
            "profile": profile,
            "tables": tables,
            "extras": extras,
            "evaluations": evaluations,
            "evaluation_summary": summary,
        }
    )


def test_growth_beyond_template_rows(tmp_path: Path) -> None:
    d = big_disclosure()
    read = read_workbook(write_filled(d, tmp_path / "big.xlsx"))
    a, b = without_supplied(d, read)
    # Coded rows come back in code order.
    rows = a["tables"]["05"]["rows"]
    a["tables"]["05"]["rows"] = [rows[0], *sorted(rows[1:], key=lambda r: r["code"])]
    assert a == b
    assert len(read.tables["05"].rows) == 21 + 80
    assert read.tables["05"].notes == ["注：本表金额单位为万元。", "本部门无其他说明。"]
    first_class = read.tables["01"].find("一般公共服务支出", "支出")
    assert first_class is not None and first_class.printed_label == "一、一般公共服务支出"
    assert len(read.evaluations) == 20 and len(read.evaluations[3].indicators) == 7
    target = read.evaluations[0].indicators[-1].target
    assert target is not None and (target.value, target.decimals) == (Decimal(7), 0)
    assert read.evaluations[0].indicators[-1].actual is None
    assert read.evaluations[0].kind == "department"
    # The sheets stay usable: the item-budget code validation moved with its rows.
    wb = openpyxl.load_workbook(tmp_path / "big.xlsx")
    ws = wb[EXTRAS_SHEET]
    title = next(
        r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "【功能分类科目预算】"
    )
    first = f"A{title + 2}"
    formulas = [dv for dv in ws.data_validations.dataValidation if "LEN(" in (dv.formula1 or "")]
    assert len(formulas) == 1
    assert formulas[0].formula1 is not None and f"LEN({first})" in formulas[0].formula1
    assert str(formulas[0].sqref).startswith(first)
    assert PERF_SHEET in wb.sheetnames
    # ... and filling the result once more changes nothing.
    again = read_workbook(write_filled(read, tmp_path / "again.xlsx"))
    assert comparable(again) == comparable(read)


def test_what_the_layout_cannot_hold_is_reported(tmp_path: Path) -> None:
    d = load(EXAMPLES / "qinhuangdao-city-2023" / "disclosure.yaml")
    t03 = d.tables["03"].model_copy(deep=True)
    t03.rows.append(Row(key="小计", label="小计", values={"基本支出": _n("1.00")}))
    t03.rows.append(Row(key="21015", code="21015", label="重复", values={}))
    t03.rows.append(Row(key="2101", code="2101", label="四位编码", values={}))
    t03.rows[0].values["不存在的栏目"] = _n("1.00")
    evaluations = [*d.evaluations, d.evaluations[0]]
    d = d.model_copy(
        update={
            "tables": {**d.tables, "03": t03},
            "evaluations": evaluations,
            "meta": d.meta.model_copy(update={"document_kind": "单位决算"}),
        }
    )
    skipped: list[str] = []
    path = write_filled(d, tmp_path / "s.xlsx", on_skip=skipped.append)
    assert skipped == [
        "基本信息：模板没有“文件类型”一项（单位决算），未写入",
        "公开03表 21015：科目编码重复，未写入",
        "公开03表 2101：科目编码不是3/5/7位数字，未写入",
        "公开03表 小计：没有科目编码的行（合计除外）无法写入",
        "公开03表 合计：模板中没有栏目“不存在的栏目”，未写入",
        "绩效自评表：项目“医保运行保障及审计”重复，这张自评表未写入",
    ]
    read = read_workbook(path)
    assert len(read.evaluations) == 1
    assert read.tables["03"].find("21015") is not None


def test_empty_tables_and_notes_without_prefix(tmp_path: Path) -> None:
    d = load(EXAMPLES / "wuzhi-county-2024" / "disclosure.yaml")
    t09 = d.tables["09"].model_copy(update={"rows": []})
    t07 = d.tables["07"].model_copy(update={"rows": []})
    d = d.model_copy(update={"tables": {**d.tables, "09": t09, "07": t07}})
    read = read_workbook(write_filled(d, tmp_path / "e.xlsx"))
    assert read.tables["09"].rows == [] and read.tables["07"].rows == []
    assert read.tables["09"].notes == d.tables["09"].notes
    assert read.tables["07"].notes == ["本部门本年度无此项收支，按要求以空表列示。"]
    assert_same(d, read)


def test_indicator_value_column_must_agree_with_text(tmp_path: Path) -> None:
    d = load(EXAMPLES / "wuzhi-county-2024" / "disclosure.yaml")
    path = write_filled(d, tmp_path / "i.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb[PERF_SHEET]
    header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "【绩效指标】") + 1
    cols = {ws.cell(header, c).value: c for c in range(1, ws.max_column + 1)}
    row = header + 2  # the second indicator: 95% / 95.00
    assert ws.cell(row, cols["年度指标值"]).value == "95%"
    ws.cell(row, cols["年度指标值"]).value = "96%"
    wb.save(path)
    with pytest.raises(JuesuanError) as info:
        read_workbook(path)
    col = openpyxl.utils.get_column_letter(cols["年度指标值（数值）"])
    assert [p.location for p in info.value.problems] == [f"{PERF_SHEET}!{col}{row}"]
    assert "不一致" in info.value.problems[0].message


def test_text_starting_with_equals_is_not_a_formula(tmp_path: Path) -> None:
    d = load(EXAMPLES / "wuzhi-county-2024" / "disclosure.yaml")
    ev = d.evaluations[0]
    first = ev.indicators[0].model_copy(
        update={"operator": "=", "target_text": "=100%", "target": _n("100.0")}
    )
    ev = ev.model_copy(update={"indicators": [first], "problems": "=SUM(A1) 不是公式"})
    d = d.model_copy(update={"evaluations": [ev]})
    read = read_workbook(write_filled(d, tmp_path / "eq.xlsx"))
    assert_same(d, read)
    assert read.evaluations[0].indicators[0].operator == "="
