"""The 绩效自评表 as XLSX: one sheet per evaluation, bordered, merged, A4 print setup.

Figures are stored as numbers (amounts ``#,##0.00``, scores with their printed decimals,
rates as percentages).  A printed value that disagrees with the recomputation is red
with a comment "印为 X，按评分规则应为 Y"; a value the source did not print is filled with
the recomputed one in blue italics with a comment; every mark is also listed in the
notes under the table, so it survives printing.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from juesuan.perf.report_table import NCOLS, WIDTHS, GridCell, SelfEvalTable, Value

FONT = "宋体"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="EEF1F5")
LABEL_FILL = PatternFill("solid", fgColor="F7F7F7")
RED = "C00000"
BLUE = "1F4E99"
ORANGE = "B26B00"
COLORS = {"mismatch": RED, "filled": BLUE, "note": ORANGE}
TOP = 4  # first grid row
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
LEGEND = (
    "红色：印出值与按评分规则重算的结果不一致；蓝色斜体：原表未印，按评分规则补算；"
    "橙色：保留印出值，另有说明。"
)


def note_marker(i: int) -> str:
    return CIRCLED[i] if i < len(CIRCLED) else f"[{i + 1}]"


def number_format(v: Value) -> str:
    decimals = max(v.decimals, 0)
    frac = "." + "0" * decimals if decimals else ""
    if v.num_kind == "money":
        return "#,##0" + frac
    if v.num_kind == "rate":
        return "0" + ("." + "0" * (decimals - 2) if decimals > 2 else "") + "%"
    return "0" + frac


def sheet_title(index: int, name: str, taken: set[str]) -> str:
    clean = re.sub(r"[\[\]:*?/\\']", "", name).strip() or "自评表"
    title = f"{index}-{clean}"[:31]
    n = 2
    while title in taken:
        title = f"{index}-{clean}"[: 31 - len(str(n)) - 1] + f"~{n}"
        n += 1
    taken.add(title)
    return title


def _write_cell(ws: Worksheet, cell: GridCell, marker: str | None) -> None:
    row, col = TOP + cell.row, 1 + cell.col
    target = ws.cell(row, col)
    v = cell.value
    if v.number is not None and v.num_kind is not None:
        target.value = v.number
        target.number_format = number_format(v)
    else:
        target.value = v.text or None
    horizontal = {"head": "center", "label": "center", "num": "right"}.get(cell.kind, "left")
    target.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
    color, italic = None, False
    if v.mark is not None:
        color = COLORS[v.mark.kind]
        italic = v.mark.kind == "filled"
        target.comment = Comment(f"{marker or ''}{v.mark.text}", "juesuan", width=260, height=80)
    elif v.text.startswith("【请填写"):
        color = RED
    target.font = Font(name=FONT, size=10, bold=cell.kind == "head", color=color, italic=italic)
    if cell.kind == "head":
        target.fill = HEAD_FILL
    elif cell.kind == "label":
        target.fill = LABEL_FILL
    if cell.rowspan > 1 or cell.colspan > 1:
        ws.merge_cells(
            start_row=row,
            start_column=col,
            end_row=row + cell.rowspan - 1,
            end_column=col + cell.colspan - 1,
        )


def write_sheet(ws: Worksheet, t: SelfEvalTable) -> None:
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=NCOLS)
    ws.cell(1, 1, t.title).font = Font(name=FONT, size=16, bold=True)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 26
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=NCOLS)
    ws.cell(2, 1, t.subtitle or None).font = Font(name=FONT, size=11)
    ws.cell(2, 1).alignment = Alignment(horizontal="center")
    unit = ws.cell(3, NCOLS, f"金额单位：{t.amount_unit}")
    unit.font = Font(name=FONT, size=10)
    unit.alignment = Alignment(horizontal="right")
    markers = {id(c): note_marker(i) for i, (c, _) in enumerate(t.marks)}
    for cell in t.cells:
        _write_cell(ws, cell, markers.get(id(cell)))
    last = TOP + t.nrows - 1
    for row_cells in ws.iter_rows(min_row=TOP, max_row=last, min_col=1, max_col=NCOLS):
        for target in row_cells:
            target.border = BOX
    _notes(ws, last + 1, [f"{markers[id(c)]}{m.text}" for c, m in t.marks])
    for i, w in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    _print_setup(ws, t)


def _notes(ws: Worksheet, first: int, lines: Iterable[str]) -> None:
    items = list(lines)
    if not items:
        return
    rows = ["注：" + LEGEND, *items]
    for i, text in enumerate(rows):
        row = first + i
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=NCOLS)
        c = ws.cell(row, 1, text)
        c.font = Font(name=FONT, size=9)
        c.alignment = Alignment(wrap_text=True, vertical="top")


def _print_setup(ws: Worksheet, t: SelfEvalTable) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if ws.sheet_properties.pageSetUpPr is not None:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    footer = ws.oddFooter
    if footer is not None and footer.center is not None:
        footer.center.text = f"{t.name}　第 &P 页，共 &N 页"


def render_tables_xlsx(tables: list[SelfEvalTable], title: str = "绩效自评表") -> bytes:
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    taken: set[str] = set()
    for i, t in enumerate(tables, start=1):
        write_sheet(wb.create_sheet(sheet_title(i, t.name, taken)), t)
    wb.properties.title = title
    wb.properties.creator = "juesuan"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
