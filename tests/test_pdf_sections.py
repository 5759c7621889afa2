"""Sections and the 名词解释 glossary of PDFs, read from their prose (wrapped lines joined,
page furniture and table rows left out).

The national-template PDF we publish must give the sections and glossary of its TXT (the
reference, see ``test_publish_roundtrip``); real Shanghai-template PDFs are checked against
headings and terms transcribed by hand from the printed pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from juesuan.extract.document import load_document
from juesuan.extract.pdf_national import pdf_sections, prose_lines
from juesuan.model import Disclosure
from juesuan.model.narrative import Section
from juesuan.read.layout import Cell, Layout, Line, PageInfo

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT.parent / "shared" / "samples"

_SAMPLE_CACHE: dict[str, Disclosure] = {}


def _sample(name: str) -> Disclosure:
    path = SAMPLES / name
    if not path.is_file():
        pytest.skip(f"sample PDF not available: {path}")
    if name not in _SAMPLE_CACHE:
        _SAMPLE_CACHE[name] = load_document(path)
    return _SAMPLE_CACHE[name]


def _key(s: Section) -> tuple[str, int, str, str | None]:
    return (s.heading, s.level, s.kind, s.number)


def _paragraphs(section: Section) -> list[str]:
    """The section's lines without whitespace."""
    out = [re.sub(r"\s+", "", p) for p in section.text.split("\n")]
    return [p for p in out if p]


# ------------------------------------------------------------------------------ TXT = PDF


def test_pdf_sections_equal_txt(pair: tuple[Disclosure, Disclosure]) -> None:
    pdf, txt = pair
    mine, reference = pdf.narrative.sections, txt.narrative.sections
    assert len(reference) > 25
    assert [_key(s) for s in mine] == [_key(s) for s in reference]
    for got, want in zip(mine, reference, strict=True):
        assert _paragraphs(got) == _paragraphs(want), want.heading


def test_pdf_section_text_is_there(pair: tuple[Disclosure, Disclosure]) -> None:
    pdf, _ = pair
    by_heading = {s.heading: s for s in pdf.narrative.sections}
    total = by_heading["收入支出决算总体情况说明"].text
    assert "\n" not in total  # one paragraph printed over three lines
    assert total.startswith("本部门") and total.endswith("。")
    assert all(s.line_start is not None and s.line_start < 80 for s in pdf.narrative.sections)


def test_pdf_glossary_equals_txt(pair: tuple[Disclosure, Disclosure]) -> None:
    pdf, txt = pair
    reference = txt.narrative.glossary
    assert len(reference) >= 10
    assert list(pdf.narrative.glossary) == list(reference)
    for term, definition in reference.items():
        assert re.sub(r"\s+", "", pdf.narrative.glossary[term]) == re.sub(r"\s+", "", definition)


# ------------------------------------------------------------------------------ Shanghai

_FINANCE_SECTIONS = [
    (1, "概况", "上海市普陀区财政局概况"),
    (2, "概况", "主要职能"),
    (2, "概况", "部门决算单位构成"),
    (1, "决算表", "上海市普陀区财政局2024年度部门决算表"),
    (1, "情况说明", "上海市普陀区财政局2024年度部门决算情况说明"),  # printed over two lines
    (2, "情况说明", "收入支出决算总体情况说明"),
    (2, "情况说明", "收入决算情况说明"),
    (2, "情况说明", "支出决算情况说明"),
    (2, "情况说明", "财政拨款收入支出决算总体情况说明"),
    (2, "情况说明", "一般公共预算财政拨款支出决算情况说明"),
    (3, "情况说明", "一般公共预算财政拨款支出决算总体情况"),
    (3, "情况说明", "一般公共预算财政拨款支出决算结构情况"),
    (3, "情况说明", "一般公共预算财政拨款支出决算具体情况"),
    (2, "情况说明", "一般公共预算财政拨款基本支出决算情况说明"),  # after items 1、…11、
    (2, "情况说明", "财政拨款“三公”经费支出决算情况说明"),
    (3, "情况说明", "“三公”经费财政拨款支出决算总体情况说明"),
    (3, "情况说明", "“三公”经费财政拨款支出决算具体情况说明"),
    (2, "情况说明", "政府性基金预算财政拨款收入支出决算情况说明"),
    (2, "情况说明", "国有资本经营预算财政拨款收入支出决算情况说明"),
    (2, "情况说明", "预算绩效管理情况"),
    (2, "情况说明", "其他重要事项的情况说明"),  # so in the body (the contents: …事项说明)
    (3, "情况说明", "机关运行经费支出情况"),
    (3, "情况说明", "政府采购支出情况"),
    (3, "情况说明", "国有资产占有使用情况说明"),
    (1, "名词解释", "名词解释"),
]
_SHANGHAI_TERMS = [
    "财政拨款收入",
    "事业收入",
    "经营收入",
    "其他收入",
    "年初结转和结余",
    "年末结转和结余",
    "基本支出",
    "项目支出",
    "经营支出",
    "“三公”经费",
    "机关运行经费",
]


def test_shanghai_finance_sections() -> None:
    d = _sample("shanghai-putuo-finance-2024.pdf")
    got = [(s.level, s.kind, s.heading) for s in d.narrative.sections]
    assert got == _FINANCE_SECTIONS
    text = {s.heading: s.text for s in d.narrative.sections}
    # wrapped lines joined, also where a number or "费、" did not fit on the line
    assert (
        "住房保障支出（类）445.69万元，占15.16%；" in text["一般公共预算财政拨款支出决算结构情况"]
    )
    assert "退休费、个人农业生产补贴" in text["一般公共预算财政拨款基本支出决算情况说明"]
    details = text["一般公共预算财政拨款支出决算具体情况"].split("\n")
    assert len(details) == 12  # the introduction and items 1、 … 11、, one line each
    assert details[-1].startswith("11、住房保障支出（类）住房改革支出（款）购房补贴（项）")
    assert details[-1].endswith("决算数与预算数基本持平。")
    assert "收入支出决算总表" in text["上海市普陀区财政局2024年度部门决算表"]
    assert "2,940.05" not in text["上海市普陀区财政局2024年度部门决算表"]  # table rows left out


def test_shanghai_finance_glossary() -> None:
    d = _sample("shanghai-putuo-finance-2024.pdf")
    glossary = d.narrative.glossary
    assert list(glossary) == _SHANGHAI_TERMS
    assert glossary["财政拨款收入"] == (
        "指单位本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款、"
        "政府性基金预算财政拨款和国有资本经营预算财政拨款。"
    )
    assert glossary["机关运行经费"] == (
        "指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的"
        "日常公用经费支出。"
    )
    assert glossary["“三公”经费"].endswith("维修费、过路过桥费、保险费等支出。")


def test_shanghai_planning_parts() -> None:
    """Part titles printed as ``第一部分   …概况`` (a wide gap), the tables' part under an
    unnumbered title, the 情况说明 title over two lines."""
    d = _sample("shanghai-putuo-planning-2024.pdf")
    parts = [(s.kind, s.number, s.heading) for s in d.narrative.sections if s.level == 1]
    assert parts == [
        ("概况", "一", "上海市普陀区规划和自然资源局概况"),
        ("决算表", None, "上海市规划和自然资源局2024年度部门决算表"),
        ("情况说明", "三", "上海市普陀区规划和自然资源局2024年度部门决算情况说明"),
        ("名词解释", "四", "名词解释"),
    ]
    explained = [s.heading for s in d.narrative.sections if s.kind == "情况说明" and s.level == 2]
    assert len(explained) == 11
    assert explained[0] == "收入支出决算总体情况说明"
    assert explained[-1] == "其他重要事项的情况说明"
    assert list(d.narrative.glossary) == _SHANGHAI_TERMS
    assert d.narrative.glossary["其他收入"] == (
        "指单位取得的除“财政拨款收入”、“事业收入”、“经营收入”等以外的收入。"
    )


# ------------------------------------------------------------------------------ prose lines


def _line(no: int, text: str, x0: float, x1: float, y: float, page: int = 1) -> Line:
    return Line(no=no, text=text, cells=[Cell(text, x0, x1)], page=page, y=y)


def test_prose_lines_join_and_drop() -> None:
    """Paragraphs joined across a page break; folios, running heads, figure captions and
    ruled rows dropped; a centred part title continued on a second line."""
    page1 = [
        _line(1, "某某局2024年度部门决算", 200, 400, 810),  # running head
        _line(2, "第三部分 某某局2024年度部门决算情况", 100, 500, 760),
        _line(3, "说明", 280, 316, 730),
        _line(4, "一、收入支出决算总体情况说明", 96, 264, 700),
        _line(5, "本部门2024年度收入支出总计100.00万元，比上年增加10.00万", 96, 520, 680),
        _line(6, "元。主要原因是人员增加。", 72, 250, 665),
        _line(7, "图1：收支总计变动情况", 240, 350, 500),
        _line(8, "二、收入决算情况说明", 96, 216, 400),
        _line(9, "本年收入合计100.00万元，其中：财政拨款收入100.00万元，占", 96, 521, 380),
        _line(10, "- 1 -", 290, 305, 30),
    ]
    page2 = [
        _line(1, "某某局2024年度部门决算", 200, 400, 810, page=2),
        _line(2, "100.00%。", 72, 130, 760, page=2),
        Line(3, "项目\t金额", [Cell("项目", 72, 300), Cell("金额", 300, 520)], 2, 700, 0),
        _line(4, "第四部分 名词解释", 230, 380, 600, page=2),
        _line(5, "一、基本支出：指单位为保障机构正常运转、完成日常工作任务而发", 96, 522, 560, 2),
        _line(6, "生的各项支出。", 72, 180, 545, page=2),
        _line(7, "- 2 -", 290, 305, 30, page=2),
    ]
    page3 = [
        _line(1, "某某局2024年度部门决算", 200, 400, 810, page=3),
        _line(2, "第五部分 附件", 250, 350, 760, page=3),
    ]
    pages = [PageInfo(number=n, width=595, height=842) for n in (1, 2, 3)]
    layout = Layout(file="x.pdf", lines=page1 + page2 + page3, pages=pages, format="pdf")
    prose = prose_lines(layout)
    assert [line.text for line in prose.lines] == [
        "第三部分 某某局2024年度部门决算情况说明",
        "一、收入支出决算总体情况说明",
        "本部门2024年度收入支出总计100.00万元，比上年增加10.00万元。主要原因是人员增加。",
        "二、收入决算情况说明",
        "本年收入合计100.00万元，其中：财政拨款收入100.00万元，占100.00%。",
        "第四部分 名词解释",
        "一、基本支出：指单位为保障机构正常运转、完成日常工作任务而发生的各项支出。",
        "第五部分 附件",
    ]
    assert [line.no for line in prose.lines] == list(range(1, 9))
    assert prose.origin[5] == (1, 9, 2)  # page 1 line 9 to (page 2) line 2
    sections, glossary = pdf_sections(layout)
    assert [(s.level, s.kind, s.heading) for s in sections] == [
        (1, "情况说明", "某某局2024年度部门决算情况说明"),
        (2, "情况说明", "收入支出决算总体情况说明"),
        (2, "情况说明", "收入决算情况说明"),
        (1, "名词解释", "名词解释"),
        (1, "附件", "附件"),
    ]
    assert sections[1].line_start == 4 and sections[1].line_end == 6
    assert glossary == {"基本支出": "指单位为保障机构正常运转、完成日常工作任务而发生的各项支出。"}
