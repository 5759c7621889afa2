"""``juesuan parse --format xlsx``: the recovered nine tables in standard layout, and the facts.

One sheet per table present (``公开01表`` …): the title, a 单位/年度 line, the standard
headers (multi-level headers merged), the rows (科目编码 as text, 科目名称 indented by
level; 公开01/04 with 收入 and 支出 side by side), amounts written as exact Decimals with
the number format ``#,##0.00``, and the table's notes.  A last sheet ``事实`` lists every
numeric fact (:func:`juesuan.model.facts.iter_facts`) with an autofilter.
"""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from juesuan.audit.report_tables import TableGrid, build_grid
from juesuan.compile.layout import RECOVERED_FACTS_SHEET
from juesuan.model.disclosure import Disclosure
from juesuan.model.facts import iter_facts
from juesuan.model.tables import TABLE_IDS

AMOUNT_FORMAT = "#,##0.00"
HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")
THIN = Side(style="thin", color="8C939D")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FIRST_HEADER_ROW = 3

FACT_COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("file", "文件", 24),
    ("table", "表", 10),
    ("side", "收支", 6),
    ("code", "科目编码", 11),
    ("row", "行", 30),
    ("column", "列", 26),
    ("value", "数值", 16),
    ("raw", "原文", 14),
    ("unit", "单位", 6),
    ("line", "行号", 7),
    ("page", "页码", 6),
)
MONEY_UNITS = ("万元", "元")


def table_sheet_name(table_id: str) -> str:
    return f"公开{table_id}表"


def _widths(grid: TableGrid) -> list[int]:
    out = []
    for col in grid.columns:
        if col.kind == "code":
            out.append(11)
        elif col.kind == "label":
            out.append(30 if grid.table.id in ("01", "04") else 36)
        else:
            out.append(16)
    return out


def _plain(ws: Worksheet, row: int, column: int) -> Cell:
    cell = ws.cell(row=row, column=column)
    if not isinstance(cell, Cell):  # a merged cell: never written to here
        raise TypeError(f"cell {row},{column} is merged")
    return cell


def write_table(ws: Worksheet, grid: TableGrid, d: Disclosure) -> None:
    table = grid.table
    ncols = len(grid.columns)
    last = get_column_letter(ncols)
    ws["A1"] = f"公开{table.id}表 {grid.title}"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells(f"A1:{last}1")
    meta = d.meta
    ws["A2"] = (
        f"单位：{meta.unit_name or '（未识别）'}　　年度：{meta.fiscal_year}年度　　"
        f"金额单位：{table.unit or meta.amount_unit}"
    )
    if ncols > 1:
        ws.merge_cells(f"A2:{last}2")
    for h in grid.header_cells():
        r, c = FIRST_HEADER_ROW + h.row, 1 + h.col
        cell = ws.cell(row=r, column=c, value=h.text)
        for rr in range(r, r + h.rowspan):
            for cc in range(c, c + h.colspan):
                target = ws.cell(row=rr, column=cc)
                target.fill = HEADER_FILL
                target.border = BORDER
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if h.rowspan > 1 or h.colspan > 1:
            ws.merge_cells(
                start_row=r, start_column=c, end_row=r + h.rowspan - 1, end_column=c + h.colspan - 1
            )
    first_body = FIRST_HEADER_ROW + grid.header_depth
    for i, line in enumerate(grid.body):
        r = first_body + i
        for c, g in enumerate(line, start=1):
            cell = _plain(ws, r, c)
            cell.border = BORDER
            if g.kind == "value":
                if g.num is not None:
                    cell.value = g.num.value
                    cell.number_format = AMOUNT_FORMAT
            elif g.kind == "code":
                cell.value = g.text or None
                cell.number_format = "@"
                cell.data_type = "s"
            elif g.kind == "label":
                cell.value = g.text
                if g.indent:
                    cell.alignment = Alignment(indent=g.indent)
    r = first_body + len(grid.body) + 1
    for note in table.notes:
        cell = ws.cell(row=r, column=1, value=note)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if ncols > 1:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
        ws.row_dimensions[r].height = 15 * max(1, len(note) // max(ncols * 10, 20) + 1)
        r += 1
    for c, width in enumerate(_widths(grid), start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = f"A{first_body}"


def write_facts(ws: Worksheet, d: Disclosure) -> int:
    for c, (_key, name, width) in enumerate(FACT_COLUMNS, start=1):
        cell = ws.cell(row=1, column=c, value=name)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        ws.column_dimensions[get_column_letter(c)].width = width
    n = 0
    for n, fact in enumerate(iter_facts(d), start=1):
        for c, (key, _name, _w) in enumerate(FACT_COLUMNS, start=1):
            value = fact.get(key)
            cell = _plain(ws, n + 1, c)
            if key == "value" and value is not None:
                cell.value = Decimal(str(value))
                if fact.get("unit") in MONEY_UNITS:
                    cell.number_format = AMOUNT_FORMAT
            elif key in ("code", "raw") and value is not None:
                cell.value = str(value)
                cell.data_type = "s"
                cell.number_format = "@"
            else:
                cell.value = value
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(FACT_COLUMNS))}{max(n + 1, 2)}"
    return n


def build_model_workbook(d: Disclosure) -> Workbook:
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    for tid in TABLE_IDS:
        table = d.tables.get(tid)
        if table is None:
            continue
        write_table(wb.create_sheet(table_sheet_name(tid)), build_grid(table), d)
    write_facts(wb.create_sheet(RECOVERED_FACTS_SHEET), d)
    wb.properties.title = f"{d.meta.unit_name} {d.meta.fiscal_year}年度决算公开表"
    wb.properties.creator = "juesuan"
    return wb


def render_model_xlsx(d: Disclosure) -> bytes:
    buffer = io.BytesIO()
    build_model_workbook(d).save(buffer)
    return buffer.getvalue()
