"""Title lines (cover, annex titles) and where the unit's name is printed.

The cover is the run of short lines before the first part heading (第一部分 / 目录); a title
line elsewhere is a short standalone line naming a year and the kind of document
(决算/绩效/评价/报告).  Unit mentions are the ``部门（单位）：…`` lines of the tables and
names ending in 局/委/办/中心… that look like the document's unit.
"""

from __future__ import annotations

import re

from juesuan.model import Prov, Section
from juesuan.read.layout import Line

_PART = re.compile(r"^第.{1,3}部分|^目\s*录")
_PART_STARTS = ("第", "目")  # the first character of every _PART match (text is stripped)
_TITLE = re.compile(r"20\d{2}\s*年.*(决算|预算|绩效|评价|自评|报告)|(决算|预算).*(公开|文本)")
_UNIT_LINE = re.compile(
    r"^(?:部门|单位|部门[（(]单位[)）]|部门名称|主管部门)\s*[:：]\s*(?P<name>[^\s:：]{4,30})"
)
_UNIT_LINE_STARTS = ("部门", "单位", "主管部门")  # every _UNIT_LINE match starts so
_ORG = re.compile(r"[\u4e00-\u9fff]{2,20}(?:局|委员会|委|办公室|中心|院|所|站|厅)")
MAX_TITLE = 40
_SENTENCE_ENDS = ("。", "；", ";", "：", ":", "，", ",")  # a title ends with none of these


def _is_title(text: str) -> bool:
    # every _TITLE match holds 年 or 算 (决算, 预算): a quick test before the regex
    return ("年" in text or "算" in text) and _TITLE.search(text) is not None


def scan_titles(lines: list[Line], file: str) -> list[Section]:
    out: list[Section] = []
    in_cover = True
    for line in lines:
        text = line.text.strip()
        if not text or line.is_row:
            continue
        if text[0] in _PART_STARTS and _PART.match(text.replace(" ", "")):
            in_cover = False
            continue
        if len(text) > MAX_TITLE or (not in_cover and text.endswith(_SENTENCE_ENDS)):
            if in_cover and len(text) > 80:
                in_cover = False
            continue
        if in_cover or _is_title(text):
            kind = "封面" if in_cover else "标题"
            if in_cover and not _is_title(text) and "决算" not in text and "预算" not in text:
                continue
            out.append(
                Section(
                    kind=kind,
                    heading=text,
                    line_start=line.no,
                    line_end=line.no,
                    page=line.page,
                    page_end=line.page,
                )
            )
    return out


def scan_unit_mentions(lines: list[Line], file: str, unit_name: str) -> list[Prov]:
    """Places where a name like the unit's is printed (for the name-consistency rule)."""
    out: list[Prov] = []
    if not unit_name:
        return out
    tail = unit_name[-3:]
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        names: list[str] = []
        m = _UNIT_LINE.match(text) if text.startswith(_UNIT_LINE_STARTS) else None
        if m:
            names.append(re.sub(r"[（(](汇总|本级)[)）]$", "", m.group("name")))
        if tail in text:  # the other kinds of mention all end with the tail
            for cell in line.cells if line.is_row else []:
                c = cell.text.strip()
                if c.endswith(tail) and 4 <= len(c) <= 30:
                    names.append(c)
            for found in _ORG.findall(text):
                if found.endswith(unit_name):
                    names.append(unit_name)  # the name after other words (纳入…, 第一部分…)
                elif found.endswith(tail):
                    names.append(found)
        for name in names:
            out.append(Prov(file=file, line=line.no, page=line.page, text=name))
    return out
