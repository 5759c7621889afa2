"""Small openpyxl helpers for writing the template: styles, headers, validations."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from juesuan.compile.layout import MONEY_FORMAT, TEXT_FORMAT

THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
SECTION_FILL = PatternFill("solid", fgColor="FCE4D6")
INPUT_FILL = PatternFill("solid", fgColor="FFFFFF")
BOLD = Font(bold=True)
TITLE_FONT = Font(bold=True, size=14)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")


def widths(ws: Worksheet, values: Sequence[float]) -> None:
    for i, width in enumerate(values, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def title_block(
    ws: Worksheet,
    title: str,
    ncols: int,
    *,
    no: str = "",
    year: int | None = None,
    unit_line: bool = True,
) -> int:
    """Title, table number, 部门 / year / 金额单位 lines.  Returns the next free row."""
    ws.cell(1, 1, title).font = TITLE_FONT
    ws.cell(1, 1).alignment = CENTER
    if ncols > 1:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.row_dimensions[1].height = 28
    if no:
        ws.cell(2, ncols, no).alignment = RIGHT
    if unit_line:
        ws.cell(3, 1, "部门（单位）：")
        if year is not None and ncols >= 3:
            ws.cell(3, max(2, ncols // 2), f"{year}年度").alignment = CENTER
        ws.cell(3, ncols, "金额单位：万元").alignment = RIGHT
    return 5


def header_cell(ws: Worksheet, row: int, col: int, text: str) -> None:
    cell = ws.cell(row, col, text)
    cell.font = BOLD
    cell.fill = HEADER_FILL
    cell.alignment = CENTER
    cell.border = BORDER


def header_row(ws: Worksheet, row: int, labels: Sequence[str], start_col: int = 1) -> None:
    for i, label in enumerate(labels):
        header_cell(ws, row, start_col + i, label)


def section_title(ws: Worksheet, row: int, title: str, ncols: int, note: str = "") -> None:
    cell = ws.cell(row, 1, f"【{title}】")
    cell.font = BOLD
    cell.fill = SECTION_FILL
    for col in range(2, ncols + 1):
        ws.cell(row, col).fill = SECTION_FILL
    if note:
        ws.cell(row, 2, note).fill = SECTION_FILL


def input_cells(ws: Worksheet, row: int, cols: Sequence[int], number_format: str) -> None:
    for col in cols:
        cell = ws.cell(row, col)
        cell.number_format = number_format
        cell.border = BORDER
        if number_format == MONEY_FORMAT:
            cell.alignment = RIGHT


def text_cells(ws: Worksheet, row: int, cols: Sequence[int]) -> None:
    input_cells(ws, row, cols, TEXT_FORMAT)
    for col in cols:
        ws.cell(row, col).alignment = LEFT


def list_validation(
    ws: Worksheet, choices: Sequence[str], ref: str, *, strict: bool = True, prompt: str = ""
) -> None:
    formula = '"' + ",".join(choices) + '"'
    dv = DataValidation(type="list", formula1=formula, allow_blank=True)
    dv.error = "请从下拉列表中选择：" + "、".join(choices)
    dv.errorTitle = "取值不在列表中"
    dv.errorStyle = "stop" if strict else "warning"
    if prompt:
        dv.prompt = prompt
    ws.add_data_validation(dv)
    dv.add(ref)


def code_validation(ws: Worksheet, ref: str, lengths: Sequence[int]) -> None:
    """Allow only digit strings of the given lengths in a code column."""
    first = ref.split(":")[0]
    checks = ",".join(f"LEN({first})={n}" for n in lengths)
    formula = f"AND(ISNUMBER(--{first}),OR({checks}))"
    dv = DataValidation(type="custom", formula1=formula, allow_blank=True)
    dv.errorTitle = "科目编码格式不对"
    dv.error = "科目编码应为" + "、".join(str(n) for n in lengths) + "位数字（按文本填写）"
    dv.prompt = "科目编码：" + "/".join(str(n) for n in lengths) + "位数字"
    ws.add_data_validation(dv)
    dv.add(ref)


def range_ref(col: int, first_row: int, last_row: int) -> str:
    letter = get_column_letter(col)
    return f"{letter}{first_row}:{letter}{last_row}"
