"""DOCX (python-docx): headings, bordered tables with merged header cells, East-Asian fonts.

The East-Asian font is set on every run (``w:eastAsia`` on ``w:rFonts``) and in the Normal
and heading styles, so Word and LibreOffice pick 宋体/黑体 (or the Noto CJK faces) for
Chinese text.  Each table starts on a new page; 06, 09 and the attachments get landscape
sections.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell

from juesuan.publish.document import Document, TableView, place
from juesuan.publish.fmt import cn_ordinal, cn_paren
from juesuan.publish.narrative import PLACEHOLDERS

SERIF = ("Times New Roman", "宋体")
SANS = ("Arial", "黑体")
ALT_EAST_ASIA = {"宋体": "Noto Serif CJK SC", "黑体": "Noto Sans CJK SC"}


def _fonts(run_or_style: Any, latin: str, east_asia: str) -> None:
    run_or_style.font.name = latin
    rpr = run_or_style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), east_asia)
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)


def _run(
    paragraph: Any, text: str, *, size: float = 11, sans: bool = False, bold: bool = False
) -> Any:
    run = paragraph.add_run(text)
    latin, east = SANS if sans else SERIF
    _fonts(run, latin, east)
    run.font.size = Pt(size)
    run.bold = bold
    return run


def _styles(doc: Any) -> None:
    normal = doc.styles["Normal"]
    _fonts(normal, *SERIF)
    normal.font.size = Pt(11)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        style = doc.styles[name]
        _fonts(style, *SANS)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.bold = False


def _page(section: Any, landscape: bool) -> None:
    width, height = Cm(21.0), Cm(29.7)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    margin = Cm(1.6) if landscape else Cm(2.0)
    section.left_margin = section.right_margin = margin
    section.top_margin = section.bottom_margin = Cm(1.8)


def _heading(doc: Any, text: str, level: int) -> None:
    h = doc.add_heading(level=level)
    size = {1: 16, 2: 13, 3: 11.5}[level]
    _run(h, text, size=size, sans=True)
    if level == 1:
        h.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _para(doc: Any, text: str, *, indent: bool = True, size: float = 11) -> None:
    p = doc.add_paragraph()
    if indent:
        p.paragraph_format.first_line_indent = Pt(size * 2)
    p.paragraph_format.space_after = Pt(2)
    rest = text
    while rest:
        hits = [(rest.find(ph), ph) for ph in PLACEHOLDERS if ph in rest]
        if not hits:
            _run(p, rest, size=size)
            break
        at, ph = min(hits)
        if at:
            _run(p, rest[:at], size=size)
        marked = _run(p, ph, size=size, bold=True)
        marked.font.color.rgb = RGBColor(0xAA, 0, 0)
        rest = rest[at + len(ph) :]


def _borders(table: Any) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.append(borders)


def _repeat_header(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _shade(cell: Any) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), "EEF1F5")
    tc_pr.append(shd)


def _grid_table(doc: Any, t: TableView, usable_cm: float) -> None:
    rows = t.header + t.body
    ncols = t.ncols
    table = doc.add_table(rows=len(rows), cols=ncols)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borders(table)
    widths = t.widths or [1] * ncols
    scale = usable_cm / sum(widths)
    # Address cells through their XML elements: python-docx's table.cell() rebuilds the
    # whole cell grid on every call, which is quadratic in the table size.
    grid = [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]
    for i, column in enumerate(table.columns):  # the grid LibreOffice and WPS lay out by
        column.width = Cm(widths[i] * scale)
    for row in grid:
        for i, target in enumerate(row):
            target.width = Cm(widths[i] * scale)
    size = 7.5 if t.landscape or ncols > 7 else 8.5
    placed = place(rows)
    for r, c, cell in placed:
        target = grid[r][c]
        p = target.paragraphs[0]
        p.paragraph_format.space_after = Pt(0)
        if cell.kind in ("head", "index"):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif cell.kind == "num":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if cell.indent:
            p.paragraph_format.left_indent = Pt(size * cell.indent)
        if cell.text:
            _run(p, cell.text, size=size, sans=cell.kind == "head" or cell.bold)
        if cell.kind == "head":
            _shade(target)
    for r, c, cell in placed:
        if cell.colspan > 1 or cell.rowspan > 1:
            grid[r][c].merge(grid[r + cell.rowspan - 1][c + cell.colspan - 1])
    for i in range(len(t.header)):
        _repeat_header(table.rows[i])


def _table_block(doc: Any, t: TableView, usable_cm: float) -> None:
    if t.number:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(p, t.number, size=9)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, t.title, size=15, sans=True)
    meta = "　　".join(
        x for x in (t.unit_line, t.year_line, f"金额单位：{t.amount_unit}" if t.number else "") if x
    )
    if meta:
        p = doc.add_paragraph()
        _run(p, meta, size=9)
    _grid_table(doc, t, usable_cm)
    for i, note in enumerate(t.notes, start=1):
        prefix = ("注：" if i == 1 else "　　") + (f"{i}. " if len(t.notes) > 1 else "")
        _para(doc, prefix + note, indent=False, size=9)


def _new_section(doc: Any, landscape: bool) -> float:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _page(section, landscape)
    return 29.7 - 3.2 if landscape else 21.0 - 4.0


def render_docx(doc: Document) -> bytes:
    out = new_docx()
    _styles(out)
    _page(out.sections[0], False)
    for _ in range(8):
        out.add_paragraph()
    for text, size in ((doc.unit_name, 26), (f"{doc.year}年度部门决算", 22)):
        p = out.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(p, text, size=size, sans=True)
    out.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    p = out.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, "目　录", size=16, sans=True)
    for e in doc.toc:
        p = out.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        if e.level > 1:
            p.paragraph_format.left_indent = Cm(1)
        _run(p, e.text, size=11 if e.level == 1 else 10.5, sans=e.level == 1)
    portrait = 17.0
    _new_section(out, False)
    _heading(out, doc.parts["profile"].heading, 1)
    _heading(out, "一、部门职责", 2)
    for i, duty in enumerate(doc.profile.duties, start=1):
        _para(out, f"{cn_paren(i)}{duty}")
    _heading(out, "二、机构设置", 2)
    if doc.profile.internal_departments:
        depts = doc.profile.internal_departments
        _para(out, f"{doc.unit_name}内设机构{len(depts)}个：{'、'.join(depts)}。")
    if doc.profile.units is not None:
        _para(
            out,
            f"纳入{doc.year}年度部门决算编制范围的单位共{len(doc.profile.units.body)}个，具体如下：",
        )
        _grid_table(out, doc.profile.units, portrait)
        for note in doc.profile.units.notes:
            _para(out, note, indent=False, size=9)
    if doc.profile.staff_note:
        _para(out, doc.profile.staff_note)
    for i, t in enumerate(doc.tables):
        usable = _new_section(out, t.landscape)
        if i == 0:
            _heading(out, doc.parts["tables"].heading, 1)
        _table_block(out, t, usable)
    _new_section(out, False)
    _heading(out, doc.parts["narrative"].heading, 1)
    for s in doc.narrative:
        _heading(out, s.heading, 2 if s.level == 1 else 3)
        for text in s.paragraphs:
            _para(out, text)
        for chart in doc.charts_for(s.key):
            p = out.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run().add_picture(io.BytesIO(chart.png), width=Cm(min(14.0, chart.width_px / 60)))
            cap = out.add_paragraph()
            cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(cap, f"图：{chart.title}", size=9)
    out.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _heading(out, doc.parts["glossary"].heading, 1)
    for i, (term, text) in enumerate(doc.glossary, start=1):
        p = out.add_paragraph()
        _run(p, f"{cn_ordinal(i)}{term}：", sans=True)
        _run(p, text)
    for i, t in enumerate(doc.attachments):
        usable = _new_section(out, t.landscape)
        if i == 0:
            _heading(out, doc.parts["attachments"].heading, 1)
        _table_block(out, t, usable)
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def write_docx(doc: Document, path: Path) -> None:
    path.write_bytes(render_docx(doc))
