"""Cut a layout into table blocks: title, meta lines, header rows, data rows, notes.

A block starts at a table title (or a printed ``公开NN表``), collects the lines that
describe the table (部门, 年度, 金额单位), then its rows (lines split into cells), then its
notes (注：… / 说明：…).  Any other text closes it.  Blocks know nothing of the columns;
:mod:`juesuan.extract.tables` interprets them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from juesuan.extract.norm import norm
from juesuan.extract.titles import match_title, printed_number, table_for_number
from juesuan.model.spec import SPECS
from juesuan.model.tables import TableId
from juesuan.read.layout import Line

_META = re.compile(
    r"^(?:部门|单位|部门\(单位\)|部门名称|单位名称|编制单位|预算单位)[:：]"
    r"|^\d{4}年度?$|金额单位[:：]|^单位[:：](?:万元|元)"
)
_UNIT = re.compile(r"单位[:：](万元|元)")
_NOTE = re.compile(r"^(?:注|说明|备注|注释)\s*[:：1-9１-９]")
_NOTE_MORE = re.compile(r"^(?:\d{1,2}|[（(]\d{1,2}[)）])\s*[.、．)]?\s*\D")
_TOTAL_LABELS = {"合计", "总计"}
MAX_META_CHARS = 80


@dataclass
class Block:
    """The lines of one printed table (one fragment when a table is split across pages)."""

    table_id: TableId | None
    title: str | None = None
    title_line: Line | None = None
    printed_no: str | None = None
    unit: str | None = None
    meta_lines: list[Line] = field(default_factory=list)
    rows: list[Line] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)
    header_rows: list[Line] = field(default_factory=list)
    data_rows: list[Line] = field(default_factory=list)
    fragments: list[int] = field(default_factory=list)  # first line of each merged fragment

    @property
    def first_line(self) -> int:
        for line in (self.title_line, *self.meta_lines, *self.rows):
            if line is not None:
                return line.no
        return 0

    @property
    def last_line(self) -> int:
        for group in (self.notes, self.rows, self.meta_lines):
            if group:
                return group[-1].no
        return self.first_line


@dataclass
class Orphan:
    """A title found without any table under it (a picture, a table of contents entry ...)."""

    table_id: TableId | None
    title: str
    line: Line


# Characters NFKC never turns into a digit (CJK ideographs, Latin letters, the point).
_NO_DIGIT_CELL = re.compile(r"[\u4e00-\u9fffA-Za-z.]")


def is_stub_line(line: Line) -> bool:
    """栏次 lines: ``栏次 | | 1 | 2 …`` or a bare ``1 2 3 … n`` numbering of the columns."""
    if "栏" not in line.text and _NO_DIGIT_CELL.search(line.text):
        return False  # a Chinese character, letter or point: no cell is a column number
    cells = [norm(c) for c in line.filled]
    if not cells:
        return False
    if "栏次" in cells:
        return all(c == "栏次" or c.isdigit() for c in cells)
    if len(cells) < 3 or not all(c.isdigit() for c in cells):
        return False
    numbers = [int(c) for c in cells]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers))) and numbers[0] <= 1


def _vocabulary() -> frozenset[str]:
    words = {
        "项目",
        "科目代码",
        "科目名称",
        "科目编码",
        "功能分类科目编码",
        "科目",
        "类",
        "款",
        "项",
        "行次",
        "栏次",
        "收入",
        "支出",
        "金额",
        "合计",
        "小计",
        "人员经费",
        "公用经费",
        "决算数",
        "预算数",
        "代码",
        "名称",
        "本年支出",
        "本年收入",
        "年初结转和结余",
        "年末结转和结余",
    }
    for spec in SPECS.values():
        for col in (*spec.columns, *spec.income_columns):
            words.update(col.header.split("/"))
    return frozenset(norm(w) for w in words)


_VOCABULARY = _vocabulary()
_DECIMAL = re.compile(r"\d[.,]\s*\d")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|\d{3,})")


def is_header_row(line: Line) -> bool:
    """A row of column headers: mostly known header words, no figures, no 科目 codes."""
    cells = [norm(c) for c in line.filled]
    if not cells or any(_DECIMAL.search(c) for c in cells):
        return False
    texts = [c for c in cells if not c.isdigit()]
    ints = [int(c) for c in cells if c.isdigit()]
    if not texts:
        return False
    if ints and (len(ints) < 3 or ints != list(range(ints[0], ints[0] + len(ints)))):
        return False
    if len(texts) == 1 and texts[0] in _TOTAL_LABELS:
        return False
    if any(_NUMBERED.match(t) for t in texts):
        return False
    known = sum(1 for t in texts if t in _VOCABULARY)
    return known * 2 >= len(texts)


def split_rows(block: Block) -> None:
    """Header rows are the leading rows without figures; 栏次 lines are dropped."""
    block.header_rows, block.data_rows = [], []
    for line in block.rows:
        if is_stub_line(line):
            continue
        if not block.data_rows and is_header_row(line):
            block.header_rows.append(line)
        else:
            block.data_rows.append(line)


def find_blocks(lines: list[Line], skip: range | None = None) -> tuple[list[Block], list[Orphan]]:
    """All table blocks in reading order, and titles that have no table under them."""
    blocks: list[Block] = []
    orphans: list[Orphan] = []
    pending: Block | None = None

    def close() -> None:
        nonlocal pending
        if pending is not None:
            if pending.rows:
                split_rows(pending)
                blocks.append(pending)
            elif pending.title_line is not None:
                orphans.append(Orphan(pending.table_id, pending.title or "", pending.title_line))
        pending = None

    for line in lines:
        if skip is not None and line.no in skip:
            continue
        cells = line.filled
        if not cells:
            continue
        if len(cells) >= 2:
            if pending is not None and pending.notes:
                close()
            if pending is not None:
                pending.rows.append(line)
            continue
        text = cells[0]
        if len(text) > 200:
            close()
            continue
        title = match_title(text)
        if title is not None:
            if pending is not None and not pending.rows and pending.title_line is None:
                pending.table_id, pending.title = title.table_id, title.title
                pending.title_line = line
                pending.printed_no = title.printed_no or pending.printed_no
            else:
                close()
                pending = Block(title.table_id, title.title, line, title.printed_no)
            continue
        number = printed_number(text)
        if number is not None:
            if pending is not None and not pending.rows and pending.printed_no is None:
                pending.printed_no = number
                pending.meta_lines.append(line)
            else:
                close()
                pending = Block(table_for_number(number), printed_no=number)
                pending.meta_lines.append(line)
            continue
        if pending is None:
            continue
        t = norm(text)
        if not pending.rows and len(t) <= MAX_META_CHARS and _META.search(t):
            pending.meta_lines.append(line)
            unit = _UNIT.search(t)
            if unit:
                pending.unit = unit.group(1)
            continue
        if _NOTE.match(t) or (pending.notes and _NOTE_MORE.match(t) and len(t) < 300):
            pending.notes.append(line)
            continue
        if (len(line.cells) >= 2 or t in _TOTAL_LABELS) and pending.rows and not pending.notes:
            pending.rows.append(line)  # a row with one filled cell (合计 of an empty table)
            continue
        close()
    close()
    return blocks, orphans
