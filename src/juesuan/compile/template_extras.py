"""The 补充数据, 绩效自评表 and 绩效汇总 sheets of the template."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from juesuan.compile.layout import (
    COMPARE_COLUMNS,
    COMPARE_SECTION,
    EXTRAS_SHEET,
    FUNDING_SOURCES,
    GRADE_COLUMNS,
    GRADE_SECTION,
    GRADES,
    INT_FORMAT,
    ITEM_BUDGET_COLUMNS,
    ITEM_BUDGET_SECTION,
    KV_COLUMNS,
    KV_SECTIONS,
    LEVEL1_CHOICES,
    MONEY_FORMAT,
    OPERATORS,
    PERF_FUNDING_COLUMNS,
    PERF_FUNDING_SECTION,
    PERF_GOAL_COLUMNS,
    PERF_GOAL_SECTION,
    PERF_INDICATOR_COLUMNS,
    PERF_INDICATOR_SECTION,
    PERF_INFO_COLUMNS,
    PERF_INFO_SECTION,
    PERF_SHEET,
    PERF_SUMMARY_SHEET,
    SUMMARY_COLUMNS,
    VEHICLE_CATEGORIES,
    VEHICLE_COLUMNS,
    VEHICLE_SECTION,
)
from juesuan.compile.xlsxkit import (
    code_validation,
    header_row,
    input_cells,
    list_validation,
    range_ref,
    section_title,
    text_cells,
    title_block,
    widths,
)
from juesuan.model.subjects import SUBJECTS

TEXT_COLUMNS = {
    "事项键",
    "事项",
    "变动原因",
    "预算差异原因",
    "功能分类编码",
    "科目名称",
    "差异原因",
    "车辆类别",
    "等级",
    "项目名称",
    "类型",
    "主管部门",
    "实施单位",
    "评价等级",
    "评分规则",
    "存在问题及整改措施",
    "资金来源",
    "年度预期目标",
    "实际完成情况",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标说明",
    "符号",
    "年度指标值",
    "计量单位",
    "实际完成值",
    "完成情况",
    "偏差原因及改进措施",
    "评价结果",
}
INT_COLUMNS = {"数量", "项目数", "年度"}


def _formats(ws: Worksheet, row: int, columns: Sequence[str]) -> None:
    for col, label in enumerate(columns, start=1):
        if label in TEXT_COLUMNS:
            text_cells(ws, row, (col,))
        elif label in INT_COLUMNS:
            input_cells(ws, row, (col,), INT_FORMAT)
        else:
            input_cells(ws, row, (col,), MONEY_FORMAT)


def _table_section(
    ws: Worksheet,
    row: int,
    title: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    blank: int,
    note: str = "",
) -> int:
    section_title(ws, row, title, len(columns), note)
    header_row(ws, row + 1, columns)
    row += 2
    for values in rows:
        _formats(ws, row, columns)
        for col, value in enumerate(values, start=1):
            ws.cell(row, col, value)
        row += 1
    for _ in range(blank):
        _formats(ws, row, columns)
        row += 1
    return row + 1


def _kv_sections(ws: Worksheet, row: int) -> int:
    for section in KV_SECTIONS:
        section_title(ws, row, section.title, 3)
        header_row(ws, row + 1, KV_COLUMNS)
        row += 2
        for f in section.fields:
            text_cells(ws, row, (1, 3))
            ws.cell(row, 1, section.label(f))
            ws.cell(row, 3, f.note)
            if f.kind == "int":
                input_cells(ws, row, (2,), INT_FORMAT)
            elif f.kind == "num":
                input_cells(ws, row, (2,), MONEY_FORMAT)
            else:
                text_cells(ws, row, (2,))
                list_validation(ws, f.choices, f"B{row}")
            row += 1
        row += 1
        if section.target == "assets":
            row = _table_section(
                ws, row, VEHICLE_SECTION, VEHICLE_COLUMNS, [(c,) for c in VEHICLE_CATEGORIES], 2
            )
        if section.target == "performance":
            row = _table_section(ws, row, GRADE_SECTION, GRADE_COLUMNS, [(g,) for g in GRADES], 0)
    return row


def extras_sheet(wb: Workbook, year: int) -> None:
    ws = wb.create_sheet(EXTRAS_SHEET)
    title_block(
        ws, f"{year}年度决算补充数据（情况说明所需、决算表中没有的数字）", 7, unit_line=False
    )
    ws.cell(
        2, 1, "金额单位：万元；比例单位：%。按【】中的栏目标题识别，可插入行，请勿修改栏目标题。"
    )
    row = 4
    subjects = [(key, name) for key, name in SUBJECTS.items()]
    row = _table_section(
        ws,
        row,
        COMPARE_SECTION,
        COMPARE_COLUMNS,
        subjects,
        5,
        "上年决算数、预算数及原因；事项键可用 func:功能分类编码 或 econ:经济分类编码",
    )
    first = row + 2
    row = _table_section(
        ws,
        row,
        ITEM_BUDGET_SECTION,
        ITEM_BUDGET_COLUMNS,
        [],
        40,
        "一般公共预算财政拨款支出按“项”的年初预算（情况说明“具体情况”用）",
    )
    code_validation(ws, range_ref(1, first, first + 39), (3, 5, 7))
    _kv_sections(ws, row)
    ws.freeze_panes = "A4"
    widths(ws, [34, 30, 16, 16, 16, 30, 30])


def perf_sheet(wb: Workbook, year: int) -> None:
    ws = wb.create_sheet(PERF_SHEET)
    title_block(ws, f"{year}年度项目支出绩效自评表", len(PERF_INDICATOR_COLUMNS), unit_line=False)
    ws.cell(
        2,
        1,
        "每个项目在【项目信息】中登记一行；其余各栏目的每一行都要填写项目名称。金额单位：万元。",
    )
    row = 4
    row = _table_section(ws, row, PERF_INFO_SECTION, PERF_INFO_COLUMNS, [], 10)
    list_validation(ws, ("项目", "部门整体"), range_ref(2, 6, row - 2))
    first = row + 2
    row = _table_section(ws, row, PERF_FUNDING_SECTION, PERF_FUNDING_COLUMNS, [], 30)
    list_validation(ws, FUNDING_SOURCES, range_ref(2, first, row - 2), strict=False)
    row = _table_section(ws, row, PERF_GOAL_SECTION, PERF_GOAL_COLUMNS, [], 10)
    first = row + 2
    row = _table_section(ws, row, PERF_INDICATOR_SECTION, PERF_INDICATOR_COLUMNS, [], 100)
    list_validation(ws, LEVEL1_CHOICES, range_ref(2, first, row - 2), strict=False)
    list_validation(ws, OPERATORS, range_ref(7, first, row - 2))
    widths(ws, [30, 12, 14, 24, 20, 8, 8, 14, 10, 14, 10, 8, 10, 30])


def summary_sheet(wb: Workbook, year: int) -> None:
    ws = wb.create_sheet(PERF_SUMMARY_SHEET)
    title_block(ws, f"{year}年度项目支出绩效自评汇总表", len(SUMMARY_COLUMNS), unit_line=False)
    header_row(ws, 3, SUMMARY_COLUMNS)
    for row in range(4, 34):
        _formats(ws, row, SUMMARY_COLUMNS)
    ws.freeze_panes = "B4"
    list_validation(ws, ("优", "良", "中", "差", "合格", "不合格"), "I4:I33", strict=False)
    widths(ws, [30, *([14] * (len(SUMMARY_COLUMNS) - 1))])
