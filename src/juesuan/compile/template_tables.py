"""The nine public-table sheets of the template, in their standard published layout."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from juesuan.compile import standard
from juesuan.compile.layout import (
    COLUMN_NO_LABEL,
    INT_FORMAT,
    LINE_HEADER,
    MONEY_FORMAT,
    SANGONG_ROW_LABEL,
    TABLE_SHEETS,
    TEXT_FORMAT,
)
from juesuan.compile.xlsxkit import (
    BOLD,
    BORDER,
    CENTER,
    LEFT,
    code_validation,
    header_cell,
    input_cells,
    range_ref,
    text_cells,
    title_block,
    widths,
)
from juesuan.model.spec import (
    EXPENSE_04_TOTALS,
    EXPENSE_TOTALS_01,
    INCOME_01,
    INCOME_01_TOTALS,
    INCOME_04,
    SPECS,
    TableSpec,
)
from juesuan.model.tables import TableId

BLANK_CODED_ROWS = 60
ZH_NUMERALS = "一二三四五六七八九十"

NOTES: dict[str, str] = {
    "01": "注：本表反映部门（或单位）本年度的总收支和年末结转结余情况。",
    "02": "注：本表反映部门（或单位）本年度取得的各项收入情况。",
    "03": "注：本表反映部门（或单位）本年度各项支出情况。",
    "04": "注：本表反映部门（或单位）本年度一般公共预算财政拨款、政府性基金预算财政拨款和"
    "国有资本经营预算财政拨款的总收支和年末结转结余情况。",
    "05": "注：本表反映部门（或单位）本年度一般公共预算财政拨款支出情况。",
    "06": "注：本表反映部门（或单位）本年度一般公共预算财政拨款基本支出明细情况。",
    "07": "注：本表反映部门（或单位）本年度政府性基金预算财政拨款收入、支出及结转和结余情况。",
    "08": "注：本表反映部门（或单位）本年度国有资本经营预算财政拨款支出情况。",
    "09": "注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。其中：预算数为“三公”经费"
    "全年预算数，反映按规定程序调整后的预算数；决算数是包括当年财政拨款和以前年度结转资金"
    "安排的实际支出。",
}


def zh_number(n: int) -> str:
    """1 → 一, 12 → 十二, 26 → 二十六 (enough for the 26 classes)."""
    tens, ones = divmod(n, 10)
    prefix = "" if tens == 0 else ("十" if tens == 1 else ZH_NUMERALS[tens - 1] + "十")
    return prefix + (ZH_NUMERALS[ones - 1] if ones else "")


def write_headers(ws: Worksheet, top: int, height: int, paths: Sequence[tuple[int, str]]) -> None:
    """Multi-level headers: each path ("本年支出/合计") split on "/", groups merged."""
    ids: dict[tuple[int, int], str] = {}
    for col, path in paths:
        levels = path.split("/")
        for i in range(height):
            depth = min(i, len(levels) - 1)
            ids[(top + i, col)] = "/".join(levels[: depth + 1])
    seen: set[str] = set()
    for _cell, ident in sorted(ids.items()):
        if ident in seen:
            continue
        seen.add(ident)
        cells = [rc for rc, other in ids.items() if other == ident]
        r0, r1 = min(r for r, _ in cells), max(r for r, _ in cells)
        c0, c1 = min(c for _, c in cells), max(c for _, c in cells)
        header_cell(ws, r0, c0, ident.split("/")[-1])
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                ws.cell(r, c).border = BORDER
        if (r0, c0) != (r1, c1):
            ws.merge_cells(start_row=r0, start_column=c0, end_row=r1, end_column=c1)


def _note(ws: Worksheet, row: int, table_id: str, ncols: int) -> None:
    ws.cell(row, 1, NOTES[table_id]).alignment = LEFT
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
    ws.row_dimensions[row].height = 32


def _column_numbers(ws: Worksheet, row: int, first_col: int, count: int, label_cols: int) -> None:
    ws.cell(row, 1, COLUMN_NO_LABEL).alignment = CENTER
    if label_cols > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=label_cols)
    for i in range(count):
        cell = ws.cell(row, first_col + i, str(i + 1))
        cell.alignment = CENTER
        cell.number_format = TEXT_FORMAT


def coded_sheet(wb: Workbook, spec: TableSpec, year: int) -> None:
    """公开02/03/05/07/08: 科目编码 | 科目名称 | the spec's columns."""
    ws = wb.create_sheet(TABLE_SHEETS[spec.id])
    ncols = 2 + len(spec.columns)
    top = title_block(ws, spec.title, ncols, no=f"公开{spec.id}表", year=year)
    height = max(2, *(len(c.header.split("/")) for c in spec.columns))
    write_headers(ws, top, height - 1, [(1, "项目"), (2, "项目")])
    header_cell(ws, top + height - 1, 1, "科目编码")
    header_cell(ws, top + height - 1, 2, "科目名称")
    write_headers(ws, top, height, [(3 + i, c.header) for i, c in enumerate(spec.columns)])
    row = top + height
    _column_numbers(ws, row, 3, len(spec.columns), 2)
    row += 1
    ws.cell(row, 1, "合计").alignment = CENTER
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    input_cells(ws, row, range(3, ncols + 1), MONEY_FORMAT)
    ws.freeze_panes = ws.cell(row, 3)
    first = row + 1
    for r in range(first, first + BLANK_CODED_ROWS):
        text_cells(ws, r, (1, 2))
        input_cells(ws, r, range(3, ncols + 1), MONEY_FORMAT)
    code_validation(ws, range_ref(1, first, first + BLANK_CODED_ROWS - 1), (3, 5, 7))
    _note(ws, first + BLANK_CODED_ROWS + 1, spec.id, ncols)
    widths(ws, [12, 34, *([14] * len(spec.columns))])


def economic_sheet(wb: Workbook, spec: TableSpec, year: int) -> None:
    """公开06 as one list: 科目编码 | 科目名称 | 决算数, then the two 合计 rows."""
    ws = wb.create_sheet(TABLE_SHEETS[spec.id])
    top = title_block(ws, spec.title, 3, no="公开06表", year=year)
    for col, label in enumerate(("科目编码", "科目名称", "决算数"), start=1):
        header_cell(ws, top, col, label)
    row = top + 1
    ws.freeze_panes = ws.cell(row, 3)
    items = standard.economic_items(year)
    for code, name in items:
        text_cells(ws, row, (1, 2))
        ws.cell(row, 1, code)
        ws.cell(row, 2, name)
        if code is not None and len(code) == 3:
            ws.cell(row, 1).font = BOLD
            ws.cell(row, 2).font = BOLD
        input_cells(ws, row, (3,), MONEY_FORMAT)
        row += 1
    code_validation(ws, range_ref(1, top + 1, row - 1), (3, 5))
    for fixed in spec.fixed_rows:
        ws.cell(row, 1, fixed.label).font = BOLD
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        input_cells(ws, row, (3,), MONEY_FORMAT)
        row += 1
    _note(ws, row + 1, spec.id, 3)
    widths(ws, [12, 40, 16])


def _side_block(
    ws: Worksheet,
    col: int,
    first_row: int,
    labels: Sequence[str | None],
    line_start: int,
    value_cols: int,
) -> int:
    """Write one side (labels, 行次, value cells) of 公开01/04.  Returns the next 行次."""
    line = line_start
    for i, label in enumerate(labels):
        row = first_row + i
        text_cells(ws, row, (col,))
        if label is not None:
            ws.cell(row, col, label)
        cell = ws.cell(row, col + 1, line)
        cell.number_format = INT_FORMAT
        cell.alignment = CENTER
        cell.border = BORDER
        input_cells(ws, row, range(col + 2, col + 2 + value_cols), MONEY_FORMAT)
        line += 1
    return line


def _numbered(names: Sequence[str]) -> list[str]:
    return [f"{zh_number(i)}、{name}" for i, name in enumerate(names, start=1)]


def side_sheet(wb: Workbook, spec: TableSpec, year: int) -> None:
    """公开01/04: income and expense side by side, 项目 | 行次 | 金额 (| fund columns)."""
    ws = wb.create_sheet(TABLE_SHEETS[spec.id])
    expense_cols = [c.header for c in spec.columns]
    ncols = 3 + 2 + len(expense_cols)
    top = title_block(ws, spec.title, ncols, no=f"公开{spec.id}表", year=year)
    write_headers(ws, top, 1, [(1, "收入"), (2, "收入"), (3, "收入")])
    write_headers(ws, top, 1, [(4 + i, "支出") for i in range(2 + len(expense_cols))])
    for col, label in enumerate(("项目", LINE_HEADER, "金额", "项目", LINE_HEADER), start=1):
        header_cell(ws, top + 1, col, label)
    for i, label in enumerate(expense_cols):
        header_cell(ws, top + 1, 6 + i, label)
    row = top + 2
    ws.cell(row, 1, COLUMN_NO_LABEL).alignment = CENTER
    ws.cell(row, 3, "1").alignment = CENTER
    ws.cell(row, 4, COLUMN_NO_LABEL).alignment = CENTER
    for i in range(len(expense_cols)):
        ws.cell(row, 6 + i, str(i + 2)).alignment = CENTER
    first = row + 1
    ws.freeze_panes = ws.cell(first, 1)
    classes = [name for _, name in standard.function_classes(year)]
    expense: list[str | None] = [*_numbered(classes)]
    income: list[str | None]
    if spec.id == "01":
        income = [*_numbered(INCOME_01)]
        income_totals = list(INCOME_01_TOTALS)
        expense_totals = list(EXPENSE_TOTALS_01)
    else:
        fund_rows = [r.label for r in INCOME_04[:3]]
        income = [*_numbered(fund_rows)]
        income_totals = [r.label for r in INCOME_04[3:]]
        expense_totals = [r.label for r in EXPENSE_04_TOTALS]
    pad = len(expense) - len(income)
    income += [None] * pad
    width = max(len(income_totals), len(expense_totals))
    income += income_totals + [None] * (width - len(income_totals))
    expense += expense_totals + [None] * (width - len(expense_totals))
    next_line = _side_block(ws, 1, first, income, 1, 1)
    _side_block(ws, 4, first, expense, next_line, len(expense_cols))
    for r in range(first, first + len(income)):
        for col in (1, 4):
            text = ws.cell(r, col).value
            if isinstance(text, str) and text in (*income_totals, *expense_totals):
                ws.cell(r, col).font = BOLD
    _note(ws, first + len(income) + 1, spec.id, ncols)
    widths(ws, [34, 6, 14, 34, 6, *([14] * len(expense_cols))])


def sangong_sheet(wb: Workbook, spec: TableSpec, year: int) -> None:
    """公开09: 预算数 and 决算数 blocks side by side, one data row."""
    ws = wb.create_sheet(TABLE_SHEETS[spec.id])
    ncols = 1 + len(spec.columns)
    top = title_block(ws, spec.title, ncols, no="公开09表", year=year)
    height = max(len(c.header.split("/")) for c in spec.columns)
    write_headers(ws, top, height, [(1, "项目")])
    write_headers(ws, top, height, [(2 + i, c.header) for i, c in enumerate(spec.columns)])
    row = top + height
    _column_numbers(ws, row, 2, len(spec.columns), 1)
    row += 1
    ws.cell(row, 1, SANGONG_ROW_LABEL).alignment = CENTER
    ws.cell(row, 1).border = BORDER
    input_cells(ws, row, range(2, ncols + 1), MONEY_FORMAT)
    ws.freeze_panes = ws.cell(row, 2)
    _note(ws, row + 2, spec.id, ncols)
    widths(ws, [14, *([12] * len(spec.columns))])


def write_table_sheets(wb: Workbook, year: int) -> None:
    ids: tuple[TableId, ...] = ("01", "02", "03", "04", "05", "06", "07", "08", "09")
    for table_id in ids:
        spec = SPECS[table_id]
        if table_id in ("01", "04"):
            side_sheet(wb, spec, year)
        elif table_id == "06":
            economic_sheet(wb, spec, year)
        elif table_id == "09":
            sangong_sheet(wb, spec, year)
        else:
            coded_sheet(wb, spec, year)
