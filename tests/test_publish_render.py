"""Every renderer produces a valid file containing the tables."""

from __future__ import annotations

import importlib.util
import io
import re
from pathlib import Path

import pytest

from juesuan.model import Disclosure
from juesuan.publish.assemble import build_document
from juesuan.publish.document import Document
from juesuan.publish.render.docx import render_docx
from juesuan.publish.render.html import render_html
from juesuan.publish.render.txt import render_text
from juesuan.publish.render.xlsx import render_xlsx
from juesuan.source import load_any

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
QHD = EXAMPLES / "qinhuangdao-city-2023" / "disclosure.yaml"
TITLES = (
    "收入支出决算总表",
    "收入决算表",
    "支出决算表",
    "财政拨款收入支出决算总表",
    "一般公共预算财政拨款支出决算表",
    "基本支出决算明细表",
    "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款支出决算表",
    "“三公”经费支出决算表",
)


@pytest.fixture(scope="module")
def disclosure() -> Disclosure:
    return load_any(QHD)


@pytest.fixture(scope="module")
def doc(disclosure: Disclosure) -> Document:
    return build_document(disclosure)


def test_document_has_all_parts(doc: Document) -> None:
    assert doc.title == "秦皇岛市医疗保障局2023年度部门决算"
    assert [t.key for t in doc.tables] == ["01", "02", "03", "04", "05", "06", "07", "08", "09"]
    assert doc.tables[6].empty and any("空表" in n for n in doc.tables[6].notes)
    assert doc.attachments and doc.glossary
    terms = [t for t, _ in doc.glossary]
    assert "“三公”经费" in terms and "事业收入" not in terms  # 事业收入 is zero


def test_txt_has_every_table_tab_separated(doc: Document) -> None:
    text = render_text(doc)
    for title in TITLES:
        assert title in text
    assert "2101501\t行政运行\t317.67\t317.67" in text
    assert "第三部分 2023年度部门决算情况说明" in text


def test_html_is_self_contained_with_every_table(doc: Document) -> None:
    html = render_html(doc)
    assert html.count('<table class="grid') >= 10
    for i in range(1, 10):
        assert f'id="table-0{i}"' in html
    assert "<thead>" in html and "data:image/png;base64," in html
    assert not re.search(r'<(link|script)[^>]+(href|src)="http', html)
    assert 'colspan="3"' in html and 'rowspan="2"' in html


def test_docx_opens_with_tables_and_east_asian_fonts(doc: Document) -> None:
    import docx

    data = render_docx(doc)
    opened = docx.Document(io.BytesIO(data))
    assert len(opened.tables) >= 10  # units + nine tables (+ attachments)
    t05 = next(
        t for t in opened.tables if t.rows[0].cells[0].text == "项目" and len(t.columns) == 5
    )
    assert t05.rows[1].cells[0].text == "科目代码"
    assert t05.rows[0].cells[2].text == t05.rows[0].cells[4].text == "本年支出"  # merged
    xml = opened.element.xml
    assert 'w:eastAsia="宋体"' in xml and 'w:eastAsia="黑体"' in xml
    assert any(s.orientation == 1 for s in opened.sections)  # landscape section for wide tables
    assert len(opened.inline_shapes) == len(doc.charts)


def test_xlsx_has_nine_sheets_with_the_right_cells(doc: Document) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(doc)))
    assert wb.sheetnames == [f"公开0{i}表" for i in range(1, 10)]
    ws = wb["公开05表"]
    assert ws["A1"].value == "一般公共预算财政拨款支出决算表"
    rows = {r[0].value: r for r in ws.iter_rows(min_row=5)}
    assert rows["2101501"][1].value == "行政运行"
    assert rows["2101501"][0].data_type == "s"
    assert str(rows["2101501"][2].value) == "317.67"
    assert rows["2101501"][2].number_format == "#,##0.00"
    assert "A4:B4" in {str(r) for r in ws.merged_cells.ranges}
    assert wb["公开07表"].cell(7, 1).value == "合计"
    assert "空表" in str(wb["公开07表"].cell(8, 1).value)


@pytest.mark.skipif(
    importlib.util.find_spec("weasyprint") is None, reason="WeasyPrint 未安装，跳过 PDF 测试"
)
def test_pdf_starts_with_magic_and_has_pages(doc: Document) -> None:
    import pypdfium2  # type: ignore[import-untyped]

    from juesuan.publish.render.pdf import render_pdf

    data = render_pdf(doc)
    assert data.startswith(b"%PDF")
    pdf = pypdfium2.PdfDocument(data)
    assert len(pdf) >= 15
    widths = {round(pdf[i].get_size()[0]) for i in range(len(pdf))}
    assert widths == {595, 842}  # A4 portrait and landscape pages
    text = pdf[3].get_textpage().get_text_range()
    assert "收入支出决算总表" in text
