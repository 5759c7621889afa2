"""Parts and sections of the disclosure by their headings, and the 名词解释 glossary.

Headings are recognised by their numbering, whatever its style: 第一部分 / 第3部分 (parts),
一、 / 9、 (level 2), （一） / (一) (level 3), 1. / （1） (level 4, short lines only).  A
part's kind (概况 / 决算表 / 情况说明 / 名词解释 / 附件) comes from its title and is
inherited by its sections.  The table of contents (目录) is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from juesuan.extract.norm import nfkc, norm
from juesuan.model.narrative import Section
from juesuan.read.layout import Line

_PART = re.compile(r"^第\s*([一二三四五六七八九十\d]+)\s*部分\s*(.*)$")
_LEVELS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (2, re.compile(r"^([一二三四五六七八九十]+)\s*[、.．]\s*(.+)$")),
    (2, re.compile(r"^(\d{1,2})\s*、\s*(.+)$")),
    (3, re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*(.+)$")),
    (4, re.compile(r"^(\d{1,2})\s*[.．]\s*(?!\d)(.+)$")),
    (4, re.compile(r"^[（(]\s*(\d{1,2})\s*[)）]\s*(.+)$")),
)
_STARTS = frozenset("第一二三四五六七八九十（(0123456789０１２３４５６７８９")
_TOC = re.compile(r"^目\s*录$")
_KINDS: tuple[tuple[str, str], ...] = (
    ("名词解释", "名词解释"),
    ("附件", "附件"),
    ("附表", "附件"),
    ("情况说明", "情况说明"),
    ("决算说明", "情况说明"),
    ("决算表", "决算表"),
    ("报表", "决算表"),
    ("概况", "概况"),
)
_TABLES_TITLE = re.compile(r"^[^\s，。；：:、]{2,40}?\d{4}年度?部门决算表$")
_TERM = re.compile(r"^(.{1,60}?)[:：]\s*(.*)$")
MAX_HEADING_CHARS = 40
_COLON = re.compile(r"[:：]")


@dataclass(frozen=True)
class Heading:
    line: Line
    level: int
    number: str | None
    title: str


def _kind_of(title: str) -> str:
    for word, kind in _KINDS:
        if word in title:
            return kind
    return "其他"


def _text(line: Line) -> str:
    cells = line.filled
    return cells[0].strip() if len(cells) == 1 else ""


def _numbered(line: Line) -> tuple[int, str | None, str] | None:
    """(level, number, title) of a line that starts with a heading-style number."""
    found = _numbered_style(line)
    return None if found is None else found[1:]


def _numbered_style(line: Line) -> tuple[int, int, str | None, str] | None:
    """(numbering style, level, number, title): the style tells ``一、`` from ``1、``."""
    cells = line.filled  # _text(line), inlined: this runs on every line
    if len(cells) != 1:
        return None
    text = cells[0].strip()
    if not text or len(text) > 400 or text[:1] not in _STARTS:
        return None
    t = nfkc(text).strip()
    m = _PART.match(t)
    if m and len(t) <= 80:
        return -1, 1, m.group(1), m.group(2).strip() or t
    for style, (level, pattern) in enumerate(_LEVELS):
        m = pattern.match(t)
        if m:
            return style, level, m.group(1), m.group(2).strip()
    return None


def _looks_like_heading(level: int, title: str) -> bool:
    if level == 1:
        return True
    if "万元" in title:
        return False
    body = _COLON.split(title, maxsplit=1)
    if len(body) == 2 and len(body[1].strip()) > 2:
        return False  # 一、财政拨款收入：… is a glossary entry or a sentence
    if level == 4 and title.endswith("。"):
        return False
    size = len(norm(title))
    return size <= (24 if level == 4 else MAX_HEADING_CHARS)


def heading_of(line: Line) -> Heading | None:
    """The heading this line is, judged on its own (see :func:`find_headings` for lists)."""
    numbered = _numbered(line)
    if numbered is None or not _looks_like_heading(numbered[0], numbered[2]):
        return None
    level, number, title = numbered
    return Heading(line, level, number, title.rstrip("。").strip())


def find_headings(
    lines: list[Line], toc: range | None, *, tables_title: bool = False
) -> list[Heading]:
    """Headings in order.  A short item of a numbered list whose other items are sentences
    (``（九）完成市委、市政府交办的其他任务。`` after eight long duties) is no heading.

    Lists are told apart by their numbering style as well as their level: sentences
    numbered ``1、`` do not stop the next ``六、`` heading, though both are level 2 (seed 003
    and the Shanghai PDFs number their 项级 explanations and 自评 results so).

    With ``tables_title``, a document without a numbered 决算表 part gets one at its
    unnumbered title line (``上海市XX局2024年度部门决算表`` heading the tables' pages).
    """
    headings: list[Heading] = []
    items: set[tuple[int, int]] = set()  # (level, style) of lists of sentences
    for line in lines:
        if toc is not None and line.no in toc:
            continue
        numbered = _numbered_style(line)
        if numbered is None:
            continue
        style, level, number, title = numbered
        if not _looks_like_heading(level, title):
            items.add((level, style))
            continue
        if (level, style) in items:
            continue
        items = {x for x in items if x[0] < level}
        headings.append(Heading(line, level, number, title.rstrip("。").strip()))
    if tables_title and not any(h.level == 1 and _kind_of(h.title) == "决算表" for h in headings):
        found = _tables_title(lines, toc)
        if found is not None:
            headings.append(found)
            headings.sort(key=lambda h: h.line.no)
    return headings


def _tables_title(lines: list[Line], toc: range | None) -> Heading | None:
    for line in lines:
        if toc is not None and line.no in toc:
            continue
        text = _text(line)
        if text and len(text) <= 80 and _TABLES_TITLE.match(norm(text)):
            return Heading(line, 1, None, text.strip())
    return None


def find_toc(lines: list[Line]) -> range | None:
    """The 目录 block: from its heading to the first part heading printed a second time."""
    start: int | None = None
    seen: list[str] = []
    for line in lines:
        text = _text(line)
        if not text:
            continue
        if start is None:
            if len(text) < 20 and _TOC.match(norm(text)):
                start = line.no
            continue
        m = _PART.match(nfkc(text).strip()) if len(text) <= 80 else None
        if m:
            key = norm(text)
            if key in seen:
                return range(start, line.no)
            seen.append(key)
    if start is not None:
        # No repeated part heading: the contents end at the first long paragraph.
        for line in lines:
            if line.no > start and len(_text(line)) > 60:
                return range(start, line.no)
        return range(start, start + 1)
    return None


def find_sections(
    lines: list[Line], toc: range | None, *, tables_title: bool = False
) -> list[Section]:
    """Sections by their headings (:func:`find_headings`), each with its own text."""
    headings = find_headings(lines, toc, tables_title=tables_title)
    if not headings:
        return []
    last_no = lines[-1].no if lines else 0
    sections: list[Section] = []
    part_kind = "其他"
    text_by_index = {line.no: line for line in lines}
    for i, h in enumerate(headings):
        if h.level == 1:
            part_kind = _kind_of(h.title)
        end = last_no
        for later in headings[i + 1 :]:
            if later.level <= h.level:
                end = later.line.no - 1
                break
        own_end = headings[i + 1].line.no - 1 if i + 1 < len(headings) else last_no
        own = [
            text_by_index[n].text.strip()
            for n in range(h.line.no + 1, own_end + 1)
            if n in text_by_index and len(text_by_index[n].cells) == 1
        ]
        kind = part_kind if h.level > 1 or part_kind != "其他" else _kind_of(h.title)
        sections.append(
            Section(
                kind=kind,
                heading=h.title,
                number=h.number,
                level=h.level,
                line_start=h.line.no,
                line_end=end,
                page=h.line.page,
                page_end=text_by_index[end].page if end in text_by_index else None,
                text="\n".join(t for t in own if t),
            )
        )
    return sections


def find_glossary(lines: list[Line], sections: list[Section]) -> dict[str, str]:
    """Terms of the 名词解释 part: ``（一）财政拨款收入：定义…`` (definitions may wrap)."""
    parts = [s for s in sections if s.level == 1 and s.kind == "名词解释"]
    glossary: dict[str, str] = {}
    for part in parts:
        assert part.line_start is not None and part.line_end is not None
        current: str | None = None
        for line in lines:
            if not part.line_start < line.no <= part.line_end:
                continue
            text = _text(line)
            if not text:
                continue
            stripped = _strip_number(text)
            m = _TERM.match(stripped) if stripped != text else None
            if m:
                current = m.group(1).strip()
                glossary[current] = m.group(2).strip()
            elif current is not None and len(line.cells) == 1:
                glossary[current] += text.strip()
    return glossary


_ENTRY_NUMBER = re.compile(
    r"^(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十]+\s*[、.．]|\d{1,2}\s*[、.．])\s*"
)


def _strip_number(text: str) -> str:
    return _ENTRY_NUMBER.sub("", text.strip(), count=1)
