"""DOCX renderings: the 绩效自评表 (one table per evaluation, a new page each) and the
draft 自评报告.  Fonts, borders and page setup come from
:mod:`juesuan.publish.render.docx` (宋体/黑体 with the East-Asian font set on every run).

A marked cell carries a circled number (red: printed value disagrees with the
recomputation; blue italics: not printed, recomputed); the numbered notes under the table
read "① 印为 X，按评分规则应为 Y".
"""

from __future__ import annotations

import io
import re
from typing import Any

from docx import Document as new_docx
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell

from juesuan.perf.report_table import NCOLS, WIDTHS, GridCell, SelfEvalTable
from juesuan.perf.report_text import Report
from juesuan.perf.report_xlsx import LEGEND, note_marker
from juesuan.publish.render.docx import _borders, _heading, _page, _run, _shade, _styles

RED = RGBColor(0xC0, 0, 0)
BLUE = RGBColor(0x1F, 0x4E, 0x99)
ORANGE = RGBColor(0xB2, 0x6B, 0x00)
COLORS = {"mismatch": RED, "filled": BLUE, "note": ORANGE}
PLACEHOLDER = re.compile(r"【请填写：[^】]*】")
_LANDSCAPE_USABLE_CM = 29.7 - 3.2
_SIZE = 8.5


def _cell_text(target: Any, cell: GridCell, marker: str | None) -> None:
    p = target.paragraphs[0]
    p.paragraph_format.space_after = Pt(0)
    p.alignment = {
        "head": WD_ALIGN_PARAGRAPH.CENTER,
        "label": WD_ALIGN_PARAGRAPH.CENTER,
        "num": WD_ALIGN_PARAGRAPH.RIGHT,
    }.get(cell.kind, WD_ALIGN_PARAGRAPH.LEFT)
    target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    v = cell.value
    if v.text:
        run = _run(p, v.text, size=_SIZE, sans=cell.kind == "head", bold=cell.kind == "head")
        if v.mark is not None:
            run.font.color.rgb = COLORS[v.mark.kind]
            run.italic = v.mark.kind == "filled"
        elif PLACEHOLDER.fullmatch(v.text):
            run.font.color.rgb = RED
    if v.mark is not None and marker:
        sup = _run(p, marker, size=_SIZE)
        sup.font.superscript = True
        sup.font.color.rgb = COLORS[v.mark.kind]
    if cell.kind == "head":
        _shade(target)


def _table(doc: Any, t: SelfEvalTable) -> None:
    for text, size, align in (
        (t.title, 15.0, WD_ALIGN_PARAGRAPH.CENTER),
        (t.subtitle, 11.0, WD_ALIGN_PARAGRAPH.CENTER),
        (f"金额单位：{t.amount_unit}", 9.0, WD_ALIGN_PARAGRAPH.RIGHT),
    ):
        if text:
            p = doc.add_paragraph()
            p.alignment = align
            p.paragraph_format.space_after = Pt(2)
            _run(p, text, size=size, sans=size > 12)
    table = doc.add_table(rows=t.nrows, cols=NCOLS)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borders(table)
    scale = _LANDSCAPE_USABLE_CM / sum(WIDTHS)
    grid = [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]
    for row in grid:
        for i, target in enumerate(row):
            target.width = Cm(WIDTHS[i] * scale)
    marks = t.marks
    markers = {id(c): note_marker(i) for i, (c, _) in enumerate(marks)}
    for cell in t.cells:
        _cell_text(grid[cell.row][cell.col], cell, markers.get(id(cell)))
    for cell in t.cells:
        if cell.rowspan > 1 or cell.colspan > 1:
            end = grid[cell.row + cell.rowspan - 1][cell.col + cell.colspan - 1]
            grid[cell.row][cell.col].merge(end)
    if marks:
        _note(doc, "注：" + LEGEND, None)
        for c, m in marks:
            _note(doc, f"{markers[id(c)]} {m.text}", COLORS[m.kind])


def _note(doc: Any, text: str, color: RGBColor | None) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(0)
    run = _run(p, text, size=9)
    if color is not None:
        run.font.color.rgb = color


def render_tables_docx(tables: list[SelfEvalTable]) -> bytes:
    doc = new_docx()
    _styles(doc)
    _page(doc.sections[0], True)
    for i, t in enumerate(tables):
        if i:
            section = doc.add_section(WD_SECTION.NEW_PAGE)
            _page(section, True)
        _table(doc, t)
    doc.core_properties.title = "绩效自评表"
    doc.core_properties.author = "juesuan"
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _paragraph(doc: Any, text: str) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(22)
    p.paragraph_format.space_after = Pt(3)
    pos = 0
    for m in PLACEHOLDER.finditer(text):
        if m.start() > pos:
            _run(p, text[pos : m.start()])
        marked = _run(p, m.group(0), bold=True)
        marked.font.color.rgb = RED
        pos = m.end()
    if pos < len(text):
        _run(p, text[pos:])


def render_report_docx(report: Report) -> bytes:
    doc = new_docx()
    _styles(doc)
    _page(doc.sections[0], False)
    _heading(doc, report.title, 1)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, report.subtitle, size=9)
    for s in report.sections:
        _heading(doc, s.heading, 2 if s.level == 1 else 3)
        for text in s.paragraphs:
            _paragraph(doc, text)
    doc.core_properties.title = report.title
    doc.core_properties.author = "juesuan"
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
