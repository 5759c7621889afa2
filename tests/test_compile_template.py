"""The blank template: sheets, layout, formats, validations, overwrite protection, CLI."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
import typer
from typer.testing import CliRunner

from juesuan.cli.template_cmd import template
from juesuan.compile import write_template
from juesuan.compile.layout import EXTRAS_SHEET, PERF_SHEET, TABLE_SHEETS
from juesuan.compile.standard import FUNCTION_CLASSES
from juesuan.errors import JuesuanError, Problem
from juesuan.model.subjects import SUBJECTS


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    path = write_template(tmp_path_factory.mktemp("t") / "模板.xlsx", 2023)
    return openpyxl.load_workbook(path)


def column_values(ws: openpyxl.worksheet.worksheet.Worksheet, col: int) -> list[object]:
    return [ws.cell(r, col).value for r in range(1, ws.max_row + 1)]


def test_sheets(book: openpyxl.Workbook) -> None:
    assert book.sheetnames == [
        "填写说明",
        "基本信息",
        "部门概况",
        *TABLE_SHEETS.values(),
        "补充数据",
        "绩效自评表",
        "绩效汇总",
    ]
    assert all(len(name) <= 31 for name in book.sheetnames)


def test_coded_table_layout(book: openpyxl.Workbook) -> None:
    ws = book[TABLE_SHEETS["05"]]
    assert ws["A1"].value == "一般公共预算财政拨款支出决算表"
    assert ws["E2"].value == "公开05表"
    assert ws["E3"].value == "金额单位：万元"
    assert [ws.cell(5, c).value for c in range(1, 6)] == ["项目", None, "本年支出", None, None]
    assert [ws.cell(6, c).value for c in range(1, 6)] == [
        "科目编码",
        "科目名称",
        "合计",
        "基本支出",
        "项目支出",
    ]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A5:B5", "C5:E5", "A8:B8"} <= merged
    assert ws["A8"].value == "合计"
    assert ws.freeze_panes == "C8"
    assert ws["C9"].number_format == "#,##0.00" and ws["A9"].number_format == "@"
    formulas = [dv.formula1 for dv in ws.data_validations.dataValidation]
    assert any("LEN(A9)=7" in (f or "") for f in formulas)


def test_table01_fixed_rows(book: openpyxl.Workbook) -> None:
    ws = book[TABLE_SHEETS["01"]]
    income = [v for v in column_values(ws, 1)[7:] if v]
    expense = [v for v in column_values(ws, 4)[7:] if v]
    assert income[:2] == ["一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入"]
    assert income[8:12] == [
        "本年收入合计",
        "使用非财政拨款结余（含专用结余）",
        "年初结转和结余",
        "总计",
    ]
    assert expense[0] == "一、一般公共服务支出"
    assert expense[25] == "二十六、抗疫特别国债安排的支出"
    assert expense[26:] == ["本年支出合计", "结余分配", "年末结转和结余", "总计"]
    assert len(FUNCTION_CLASSES) == 26
    # 本年收入合计 and 本年支出合计 on the same row, as published
    assert column_values(ws, 1).index("本年收入合计") == column_values(ws, 4).index("本年支出合计")
    assert ws.cell(8, 2).value == 1 and ws.cell(8, 5).value == 31


def test_table06_single_list_and_09_blocks(book: openpyxl.Workbook) -> None:
    ws = book[TABLE_SHEETS["06"]]
    assert [ws.cell(5, c).value for c in range(1, 4)] == ["科目编码", "科目名称", "决算数"]
    codes = [v for v in column_values(ws, 1)[5:] if isinstance(v, str) and v.isdigit()]
    assert codes[0] == "301" and "30113" in codes and codes[-1] == "39999"
    assert "人员经费合计" in column_values(ws, 1) and "公用经费合计" in column_values(ws, 1)
    ws = book[TABLE_SHEETS["09"]]
    assert ws["B5"].value == "预算数" and ws["H5"].value == "决算数"
    assert ws["D6"].value == "公务用车购置及运行维护费" and ws["D7"].value == "小计"
    assert ws["A9"].value == "“三公”经费"
    assert {"B5:G5", "H5:M5", "D6:F6", "A5:A7", "B6:B7"} <= {str(r) for r in ws.merged_cells.ranges}


def test_info_validations(book: openpyxl.Workbook) -> None:
    ws = book["基本信息"]
    assert [ws.cell(r, 1).value for r in range(4, 11)] == [
        "单位名称",
        "决算年度",
        "决算范围",
        "金额单位",
        "模板",
        "地区",
        "预算代码",
    ]
    assert ws["B5"].value == 2023
    lists = [dv.formula1 for dv in ws.data_validations.dataValidation]
    assert '"汇总,本级,单位"' in lists and '"万元,元"' in lists


def test_extras_and_perf_sections(book: openpyxl.Workbook) -> None:
    ws = book[EXTRAS_SHEET]
    col_a = column_values(ws, 1)
    for title in (
        "【收支对比】",
        "【功能分类科目预算】",
        "【“三公”经费数量】",
        "【机关运行经费】",
        "【政府采购】",
        "【国有资产】",
        "【车辆分类】",
        "【预算绩效】",
        "【各等级项目数】",
    ):
        assert title in col_a
    assert set(SUBJECTS) <= set(col_a)
    ws = book[PERF_SHEET]
    col_a = column_values(ws, 1)
    assert {"【项目信息】", "【资金情况】", "【年度总体目标】", "【绩效指标】"} <= set(col_a)
    r = col_a.index("【绩效指标】") + 2
    assert [ws.cell(r, c).value for c in range(1, 4)] == ["项目名称", "一级指标", "二级指标"]


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"keep me")
    with pytest.raises(JuesuanError) as info:
        write_template(path, 2023)
    assert info.value.problems == [
        Problem(str(path), f"文件已存在：{path}。如需覆盖请加 --force。")
    ]
    assert path.read_bytes() == b"keep me"
    write_template(path, 2023, force=True)
    assert openpyxl.load_workbook(path).sheetnames[0] == "填写说明"


def test_bad_year(tmp_path: Path) -> None:
    with pytest.raises(JuesuanError, match="决算年度"):
        write_template(tmp_path / "b.xlsx", 23)


def test_cli(tmp_path: Path) -> None:
    app = typer.Typer()
    app.command()(template)
    out = tmp_path / "x.xlsx"
    result = CliRunner().invoke(app, ["-o", str(out), "--year", "2024"])
    assert result.exit_code == 0, result.output
    assert "已生成 2024 年度决算编制模板" in result.output
    assert openpyxl.load_workbook(out)[TABLE_SHEETS["01"]]["A1"].value == "收入支出决算总表"
    again = CliRunner().invoke(app, ["-o", str(out)])
    assert again.exit_code != 0 and isinstance(again.exception, JuesuanError)
