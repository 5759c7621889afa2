"""The publisher's TXT output cut into tagged lines, so that noise and ground truth know
which line is a table title, a header row, a body row or a narrative paragraph."""

from __future__ import annotations

from dataclasses import dataclass

from juesuan.publish.document import Document, TableView, matrix
from juesuan.publish.render.txt import render_text, table_lines

Kind = str  # "other" | "title" | "meta" | "header" | "body" | "note" | "heading" | "para"


@dataclass(frozen=True)
class TLine:
    text: str
    kind: Kind = "other"
    table: str | None = None  # table key ("01".."09") for table lines
    index: int | None = None  # body row index, or (section, paragraph) packed as s*1000+p
    copy: bool = False  # a repeated line (page header, duplicated table)

    def with_text(self, text: str) -> TLine:
        return TLine(text, self.kind, self.table, self.index, self.copy)


def para_index(section: int, paragraph: int) -> int:
    return section * 1000 + paragraph


def tagged_lines(doc: Document) -> list[TLine]:
    """``render_text(doc)`` split into lines, each tagged with what it is."""
    lines = render_text(doc).rstrip("\n").split("\n")
    out: list[TLine] = [TLine(t) for t in lines]
    cursor = 0
    for t in doc.tables:
        block = table_lines(t)
        start = _find(lines, block, cursor)
        if start is None:
            continue
        for i, kind in enumerate(_table_kinds(t, len(block))):
            body_index = i - _body_start(t) if kind == "body" else None
            out[start + i] = TLine(lines[start + i], kind, t.key, body_index)
        cursor = start + len(block)
    part = next(
        (i for i in range(cursor, len(lines)) if lines[i] == doc.parts["narrative"].heading), None
    )
    if part is not None:
        pos = part + 1
        for s_no, section in enumerate(doc.narrative):
            while pos < len(lines) and lines[pos] != section.heading:
                pos += 1
            if pos >= len(lines):
                break
            out[pos] = TLine(lines[pos], "heading", None, para_index(s_no, 999))
            for p_no, para in enumerate(section.paragraphs):
                if pos + 1 + p_no < len(lines) and lines[pos + 1 + p_no] == para:
                    out[pos + 1 + p_no] = TLine(para, "para", None, para_index(s_no, p_no))
            pos += 1 + len(section.paragraphs)
    return out


def _meta_count(t: TableView) -> int:
    n = sum(1 for extra in (t.number, t.unit_line, t.year_line) if extra)
    return n + (1 if t.number else 0)


def _body_start(t: TableView) -> int:
    return 1 + _meta_count(t) + len(matrix(t.header, t.ncols))


def _table_kinds(t: TableView, length: int) -> list[Kind]:
    kinds: list[Kind] = ["title"] + ["meta"] * _meta_count(t)
    kinds += ["header"] * len(matrix(t.header, t.ncols))
    kinds += ["body"] * len(t.body)
    kinds += ["note"] * (length - len(kinds))
    return kinds[:length]


def _find(lines: list[str], block: list[str], start: int) -> int | None:
    n = len(block)
    for i in range(start, len(lines) - n + 1):
        if lines[i] == block[0] and lines[i : i + n] == block:
            return i
    return None


def join(lines: list[TLine]) -> str:
    return "\n".join(t.text for t in lines).rstrip() + "\n"


def line_of(lines: list[TLine], kind: Kind, table: str | None, index: int | None) -> int | None:
    """1-based number of the first (original, not repeated) line with this tag."""
    for no, t in enumerate(lines, start=1):
        if t.kind == kind and t.table == table and t.index == index and not t.copy:
            return no
    return None
