"""XLSX (openpyxl): the nine public tables, one sheet each, as published.

Each sheet: title, 表号, 部门 / 年度 / 金额单位, the header rows with merged cells, the body
with codes stored as text and amounts as numbers formatted ``#,##0.00``, and the notes.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from juesuan.publish.document import Document, TableView, place

MONEY_FORMAT = "#,##0.00"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="EEF1F5")
FONT = "宋体"


def sheet_name(t: TableView) -> str:
    return f"公开{t.key}表" if t.number else t.title[:31]


def _sheet(ws: Worksheet, t: TableView) -> None:
    ncols = max(t.ncols, 3)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.cell(1, 1, t.title).font = Font(name=FONT, size=16, bold=True)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.cell(2, ncols, t.number).alignment = Alignment(horizontal="right")
    ws.cell(3, 1, t.unit_line)
    ws.cell(3, max(2, ncols // 2), t.year_line)
    ws.cell(3, ncols, f"金额单位：{t.amount_unit}").alignment = Alignment(horizontal="right")
    top = 4
    rows = t.header + t.body
    for r, c, cell in place(rows):
        row, col = top + r, 1 + c
        target = ws.cell(row, col)
        if cell.kind == "num" and cell.value is not None:
            target.value = cell.value
            target.number_format = MONEY_FORMAT
        elif cell.kind == "code":
            target.value = cell.text
            target.number_format = "@"
        elif cell.kind == "index" and cell.text.isdigit():
            target.value = int(cell.text)
        else:
            target.value = cell.text or None
        horizontal = {"head": "center", "index": "center", "num": "right"}.get(cell.kind, "left")
        target.alignment = Alignment(
            horizontal=horizontal, vertical="center", wrap_text=True, indent=cell.indent
        )
        bold = cell.kind == "head" or cell.bold
        target.font = Font(name=FONT, size=10, bold=bold)
        if cell.kind == "head":
            target.fill = HEAD_FILL
        if cell.colspan > 1 or cell.rowspan > 1:
            ws.merge_cells(
                start_row=row,
                start_column=col,
                end_row=row + cell.rowspan - 1,
                end_column=col + cell.colspan - 1,
            )
    last = top + len(rows) - 1
    for row_cells in ws.iter_rows(min_row=top, max_row=last, min_col=1, max_col=t.ncols):
        for target in row_cells:
            target.border = BOX
    for i, note in enumerate(t.notes):
        ws.cell(last + 1 + i, 1, ("注：" if i == 0 else "") + note).font = Font(name=FONT, size=9)
    widths = t.widths or [12] * t.ncols
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(6, w * 0.9)
    ws.freeze_panes = f"A{top + len(t.header)}"
    ws.page_setup.orientation = "landscape" if t.landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if ws.sheet_properties.pageSetUpPr is not None:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{top}:{top + len(t.header) - 1}"


def render_xlsx(doc: Document) -> bytes:
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    for t in doc.tables:
        _sheet(wb.create_sheet(sheet_name(t)), t)
    wb.properties.title = doc.title
    wb.properties.creator = "juesuan"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_xlsx(doc: Document, path: Path) -> None:
    path.write_bytes(render_xlsx(doc))
