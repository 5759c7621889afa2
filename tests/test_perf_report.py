"""``juesuan perf report``: 绩效自评表 (XLSX/DOCX) and the draft 自评报告 (DOCX/Markdown)."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from juesuan.cli.app import app
from juesuan.model.disclosure import Disclosure
from juesuan.model.meta import Meta
from juesuan.model.perf import Evaluation, FundingLine, Indicator
from juesuan.perf.report_write import OUTPUTS, write_perf_report

EXAMPLE = Path(__file__).resolve().parents[1] / "examples/qinhuangdao-city-2023/disclosure.yaml"
PLACEHOLDER = re.compile(r"【请填写：[^】]*】")
CENT = Decimal("0.01")


def run(*args: str | Path) -> Any:
    return CliRunner().invoke(app, ["perf", "report", *map(str, args)])


def rows_by_label(ws: Worksheet, col: int) -> dict[str, int]:
    """Row number of each text in a column (first occurrence)."""
    out: dict[str, int] = {}
    for row in range(1, ws.max_row + 1):
        v = ws.cell(row, col).value
        if isinstance(v, str) and v not in out:
            out[v] = row
    return out


def docx_text(path: Path) -> str:
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        parts.extend(c.text for r in t.rows for c in r.cells)
    return "\n".join(parts)


def q(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@pytest.fixture(scope="module")
def example_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("example") / "out"
    result = run(EXAMPLE, "-o", out)
    assert result.exit_code == 0, result.output
    assert "已为 1 张绩效自评表生成" in result.output
    return out


@pytest.fixture(scope="module")
def example_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    first: dict[str, Any] = data["evaluations"][0]
    return first


# -- the example ----------------------------------------------------------------------------
def test_writes_four_files(example_out: Path) -> None:
    assert sorted(p.name for p in example_out.iterdir()) == sorted(OUTPUTS)


def test_xlsx_cells_for_example(example_out: Path, example_data: dict[str, Any]) -> None:
    wb = load_workbook(example_out / "绩效自评表.xlsx")
    assert len(wb.worksheets) == 1
    ws = wb.worksheets[0]
    assert ws["A1"].value == "项目支出绩效自评表"
    assert str(ws.page_setup.paperSize) == str(ws.PAPERSIZE_A4)
    assert ws.page_setup.orientation == "landscape"
    labels = rows_by_label(ws, 2)
    assert ws.cell(rows_by_label(ws, 1)["项目名称"], 2).value == "医保运行保障及审计"
    funds = labels["年度资金总额"]
    line = example_data["funding"][0]
    assert ws.cell(funds, 5).value == pytest.approx(float(line["annual_budget"]))
    assert ws.cell(funds, 6).value == pytest.approx(float(line["executed"]))
    assert ws.cell(funds, 7).value == pytest.approx(10)
    assert ws.cell(funds, 8).value == pytest.approx(0.6248)
    assert ws.cell(funds, 8).number_format == "0.00%"
    assert ws.cell(funds, 9).value == pytest.approx(6.25)
    assert "其中：财政拨款" in labels and "其他资金" in labels
    by_name = rows_by_label(ws, 4)
    for ind in example_data["indicators"]:
        row = by_name[ind["level3"]]
        assert ws.cell(row, 5).value == pytest.approx(float(ind["weight"]))
        assert ws.cell(row, 8).value == pytest.approx(float(ind["score"]))
    total = rows_by_label(ws, 1)["总分"]
    assert ws.cell(total, 8).value == pytest.approx(96.25)
    assert ws.cell(total, 5).value == pytest.approx(100)
    assert ws.cell(rows_by_label(ws, 1)["评价等级"], 5).value == "优"
    # 产出指标 spans its three indicators; borders on the grid; no marks on a clean table
    merged = {str(r) for r in ws.merged_cells.ranges}
    first = by_name["委托第三方审计次数"]
    assert f"B{first}:B{first + 2}" in merged
    assert ws.cell(first, 4).border.left.style == "thin"
    assert not any(c.comment for row in ws.iter_rows() for c in row)


def test_docx_table_for_example(example_out: Path, example_data: dict[str, Any]) -> None:
    d = docx.Document(str(example_out / "绩效自评表.docx"))
    assert len(d.tables) == 1
    table = d.tables[0]
    cells = [[c.text for c in r.cells] for r in table.rows]
    header = next(r for r in cells if "三级指标" in r)
    assert header[1:] == [
        "一级指标",
        "二级指标",
        "三级指标",
        "分值",
        "年度指标值",
        "实际完成值",
        "得分",
        "偏差原因分析及改进措施",
    ]
    for ind in example_data["indicators"]:
        row = next(r for r in cells if r[3] == ind["level3"])
        assert row[4] == ind["weight"] and row[7] == ind["score"]
    # merged 一级指标: the three 产出 rows share one cell
    produce = [r for r in cells if r[1] == "产出指标"]
    assert len(produce) == 3
    total = next(r for r in cells if r[0] == "总分")
    assert total[7] == "96.25"


def test_report_figures_are_recomputed(example_out: Path, example_data: dict[str, Any]) -> None:
    line = example_data["funding"][0]
    a, b = Decimal(line["annual_budget"]), Decimal(line["executed"])
    rate = b / a
    points = Decimal(10) * min(rate, Decimal(1))
    indicators = sum(Decimal(i["score"]) for i in example_data["indicators"])
    total = points + indicators
    rate_text = f"{q(rate * 100)}%"
    total_text = f"{q(total)}分"
    assert rate_text == "62.48%" and total_text == "96.25分"  # 49.98/80; 6.2475 + 90
    md = (example_out / "绩效自评报告.md").read_text(encoding="utf-8")
    text = docx_text(example_out / "绩效自评报告.docx")
    for body in (md, text):
        assert f"预算执行率（B/A）{rate_text}" in body
        assert f"自评总分为{total_text}" in body
        assert f"计得{q(points)}分" in body
        assert "评价等级为“优”" in body
        for heading in ("一、项目基本情况", "二、绩效目标完成情况", "三、自评结论"):
            assert heading in body
        assert "四、存在的问题及原因" in body and "五、改进措施" in body
        assert "产出指标：分值50.00分，得分50.00分，得分率100.00%" in body


def test_example_placeholders_only_for_unexplained_items(example_out: Path) -> None:
    md = (example_out / "绩效自评报告.md").read_text(encoding="utf-8")
    # every indicator is met; the only unexplained deviation is the 62.48 % execution
    assert PLACEHOLDER.findall(md) == [
        "【请填写：预算未全额执行的原因】",
        "【请填写：提高预算执行率的措施】",
    ]
    four = md.split("## 四、")[1].split("## 五、")[0]
    assert "预算未全额执行的原因" in four


# -- a hand-built evaluation -------------------------------------------------------------------
def _evaluation(total: str = "90.00") -> Evaluation:
    return Evaluation(
        name="医保基金监管服务",
        department="某县医疗保障局",
        implementer="某县医疗保障局",
        year=2023,
        funding=[
            FundingLine(annual_budget="40.00", executed="40.00", weight="10", score="10"),
            FundingLine(label="其中：财政拨款", annual_budget="40.00", executed="40.00"),
        ],
        indicators=[
            Indicator(
                level1="产出指标",
                level2="数量指标",
                level3="检查定点医药机构数",
                weight="30",
                operator="≥",
                target_text="100家",
                target="100",
                unit="家",
                actual_text="58家",
                actual="58",
                score="17.40",
                reason="资金不足，未能对全部定点医院机构监督检查",
            ),
            Indicator(
                level1="产出指标",
                level2="质量指标",
                level3="问题整改率",
                weight="20",
                operator="≥",
                target_text="95%",
                target="95",
                unit="%",
                actual_text="76%",
                actual="76",
                score="16.00",
            ),
            Indicator(
                level1="效益指标",
                level2="社会效益指标",
                level3="基金安全运行",
                weight="30",
                operator="文字描述",
                target_text="基金安全",
                actual_text="基金安全",
                score="30",
            ),
            Indicator(
                level1="满意度指标",
                level2="服务对象满意度指标",
                level3="参保人员满意度",
                weight="10",
                operator="≥",
                target_text="90%",
                target="90",
                unit="%",
                actual_text="92%",
                actual="92",
                score="10",
            ),
        ],
        total_score=total,
        grade="良",
        profile="national",
    )


def _disclosure(*evaluations: Evaluation) -> Disclosure:
    return Disclosure(
        meta=Meta(unit_name="某县医疗保障局", fiscal_year=2023), evaluations=list(evaluations)
    )


def _write_yaml(path: Path, disclosure: Disclosure) -> Path:
    data = disclosure.model_dump(mode="json", exclude_none=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# 17.40 + 16.00 + 30 + 10 + 10 = 83.40 printed parts; printed total 90.00 is wrong
EXPECTED_TOTAL = "83.40"


def test_wrong_total_is_marked_in_xlsx(tmp_path: Path) -> None:
    result = write_perf_report(_disclosure(_evaluation()), tmp_path / "out")
    # one mismatch (the total); the two unprinted 执行率 are filled from B/A
    assert result.mismatches == 1 and result.filled == 2
    ws = load_workbook(tmp_path / "out" / "绩效自评表.xlsx").worksheets[0]
    total_row = rows_by_label(ws, 1)["总分"]
    cell = ws.cell(total_row, 8)
    assert cell.value == pytest.approx(90)  # the printed value stays
    assert cell.comment is not None
    assert f"印为 90.00，按评分规则应为 {EXPECTED_TOTAL}" in cell.comment.text
    assert cell.font.color is not None and cell.font.color.rgb.endswith("C00000")
    notes = [c.value for c in ws["A"][total_row + 1 :] if isinstance(c.value, str)]
    assert any(f"应为 {EXPECTED_TOTAL}" in n for n in notes)
    # the correct indicator scores carry no mark
    by_name = rows_by_label(ws, 4)
    assert ws.cell(by_name["检查定点医药机构数"], 8).comment is None
    assert ws.cell(by_name["检查定点医药机构数"], 8).value == pytest.approx(17.4)
    assert ws.cell(rows_by_label(ws, 2)["年度资金总额"], 8).value == pytest.approx(1)


def test_wrong_total_is_noted_in_docx_and_report(tmp_path: Path) -> None:
    src = _write_yaml(tmp_path / "bad.yaml", _disclosure(_evaluation()))
    result = run(src, "--output", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "与重算不一致的印出值 1 处" in result.output
    tables = docx_text(tmp_path / "out" / "绩效自评表.docx")
    assert f"印为 90.00，按评分规则应为 {EXPECTED_TOTAL}" in tables
    assert "①" in tables
    md = (tmp_path / "out" / "绩效自评报告.md").read_text(encoding="utf-8")
    assert f"自评总分为{EXPECTED_TOTAL}分" in md
    assert "自评表印出总分为90.00分，与重算结果不一致" in md
    assert "评价等级为“良”" in md


def test_missing_printed_values_are_filled(tmp_path: Path) -> None:
    ev = _evaluation().model_copy(update={"total_score": None, "grade": None})
    ev.funding[0] = ev.funding[0].model_copy(update={"score": None})
    result = write_perf_report(_disclosure(ev), tmp_path / "out")
    ws = load_workbook(tmp_path / "out" / "绩效自评表.xlsx").worksheets[0]
    total = ws.cell(rows_by_label(ws, 1)["总分"], 8)
    assert total.value == pytest.approx(float(EXPECTED_TOTAL))
    assert total.comment is not None and "原表未印" in total.comment.text
    assert total.font.italic
    points = ws.cell(rows_by_label(ws, 2)["年度资金总额"], 9)
    assert points.value == pytest.approx(10) and points.comment is not None
    grade = ws.cell(rows_by_label(ws, 1)["评价等级"], 5)
    assert grade.value == "良"
    # total, grade, 执行率得分 and the two 执行率
    assert result.mismatches == 0 and result.filled == 5


def test_placeholders_exactly_where_reasons_are_missing(tmp_path: Path) -> None:
    write_perf_report(_disclosure(_evaluation()), tmp_path / "out")
    md = (tmp_path / "out" / "绩效自评报告.md").read_text(encoding="utf-8")
    four = md.split("## 四、")[1].split("## 五、")[0]
    five = md.split("## 五、")[1]
    # 检查定点医药机构数 has a reason; 问题整改率 has none; execution is 100 %
    assert PLACEHOLDER.findall(four) == ["【请填写：“问题整改率”未完成的原因】"]
    assert PLACEHOLDER.findall(five) == ["【请填写：“问题整改率”的改进措施】"]
    assert "资金不足，未能对全部定点医院机构监督检查" in four
    assert "资金不足，未能对全部定点医院机构监督检查" in five
    assert "预算" not in "".join(PLACEHOLDER.findall(md))
    two = md.split("## 二、")[1].split("## 三、")[0]
    assert "未完全实现年度指标值的指标2个" in two
    assert "年度指标值≥95%，实际完成值76%" in two
    assert "基金安全运行" not in two.split("未完全实现")[1]
    # the table's reason column: the reason where given, the placeholder where missing
    ws = load_workbook(tmp_path / "out" / "绩效自评表.xlsx").worksheets[0]
    by_name = rows_by_label(ws, 4)
    assert str(ws.cell(by_name["检查定点医药机构数"], 9).value).startswith("资金不足")
    assert ws.cell(by_name["问题整改率"], 9).value == "【请填写：偏差原因及改进措施】"
    assert ws.cell(by_name["参保人员满意度"], 9).value is None
    # the DOCX report shows the same placeholders
    text = docx_text(tmp_path / "out" / "绩效自评报告.docx")
    assert PLACEHOLDER.findall(text) == PLACEHOLDER.findall(md)


def test_problems_field_is_quoted_not_replaced(tmp_path: Path) -> None:
    ev = _evaluation("83.40").model_copy(update={"problems": "部分机构未检查，下年度补查。"})
    write_perf_report(_disclosure(ev), tmp_path / "out")
    md = (tmp_path / "out" / "绩效自评报告.md").read_text(encoding="utf-8")
    assert md.count("部分机构未检查，下年度补查。") == 2  # 四 and 五
    assert "与重算结果不一致" not in md


def test_several_evaluations(tmp_path: Path) -> None:
    dept = _evaluation("83.40").model_copy(update={"kind": "department", "name": "某县医疗保障局"})
    second = _evaluation("83.40").model_copy(update={"name": "第二个项目"})
    result = write_perf_report(_disclosure(_evaluation(), second, dept), tmp_path / "out")
    wb = load_workbook(tmp_path / "out" / "绩效自评表.xlsx")
    assert len(wb.worksheets) == 3
    assert wb.worksheets[2]["A1"].value == "部门整体支出绩效自评表"
    d = docx.Document(str(tmp_path / "out" / "绩效自评表.docx"))
    assert len(d.tables) == 3 and len(d.sections) == 3
    md = result.report.text()
    assert "共2个项目开展绩效自评" in md and "“良”2个" in md
    assert "（三）某县医疗保障局" in md


# -- refusals and bad input ------------------------------------------------------------------
def test_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run(EXAMPLE, "-o", out).exit_code == 0
    target = out / "绩效自评报告.md"
    target.write_text("用户修改过的报告", encoding="utf-8")
    again = run(EXAMPLE, "-o", out)
    assert again.exit_code == 2
    assert "已存在" in again.output and "--force" in again.output
    assert target.read_text(encoding="utf-8") == "用户修改过的报告"
    forced = run(EXAMPLE, "-o", out, "--force")
    assert forced.exit_code == 0, forced.output
    assert target.read_text(encoding="utf-8").startswith("# 2023年度")


def test_no_evaluations(tmp_path: Path) -> None:
    src = _write_yaml(tmp_path / "empty.yaml", _disclosure())
    result = run(src, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "没有绩效自评表" in result.output
    assert not (tmp_path / "out").exists()


def test_bad_input_exit_2(tmp_path: Path) -> None:
    missing = run(tmp_path / "nope.yaml", "-o", tmp_path / "out")
    assert missing.exit_code == 2 and "文件不存在" in missing.output
    bad_profile = run(EXAMPLE, "-o", tmp_path / "out", "--profile", "没有这个规则")
    assert bad_profile.exit_code == 2 and "未知的评分规则" in bad_profile.output
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    not_dir = run(EXAMPLE, "-o", a_file)
    assert not_dir.exit_code == 2 and "不是文件夹" in not_dir.output


def test_profile_option_changes_grade(tmp_path: Path) -> None:
    result = run(EXAMPLE, "-o", tmp_path / "out", "--profile", "national-qualified")
    assert result.exit_code == 0, result.output
    md = (tmp_path / "out" / "绩效自评报告.md").read_text(encoding="utf-8")
    assert "自评总分为96.25分" in md


def test_suspicious_target_is_a_remark_not_a_mismatch(tmp_path: Path) -> None:
    ev = _evaluation("83.40")
    typo = Indicator(
        level1="满意度指标",
        level2="服务对象满意度指标",
        level3="补助支付准确率",
        weight="10",
        operator="=",
        target_text="1000%",
        target="1000",
        unit="%",
        actual_text="1",
        actual="1",
        status="完成",
        score="10",
    )
    ev = ev.model_copy(update={"indicators": [*ev.indicators[:3], typo]})
    result = write_perf_report(_disclosure(ev), tmp_path / "out")
    kinds = [m.kind for _, m in result.tables[0].marks]
    assert "mismatch" not in kinds and "note" in kinds
    md = (tmp_path / "out" / "绩效自评报告.md").read_text(encoding="utf-8")
    assert "补助支付准确率" not in md.split("## 四、")[1]
