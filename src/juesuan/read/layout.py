"""The format-neutral layout every reader produces and every extractor consumes.

Readers (text/Markdown, DOCX, PDF, OCR) know nothing of 决算: they turn a file into
pages of lines, each line with its cells (a tab-separated row, a DOCX table row, or words
grouped into columns by position), and keep where everything was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class Cell(NamedTuple):
    """One cell's text and, where the format has geometry, its horizontal extent (points).

    A named tuple: immutable, shared between equal cells, and made several times faster
    than a frozen dataclass (a document has thousands)."""

    text: str
    x0: float | None = None
    x1: float | None = None


@dataclass(slots=True)
class Line:
    """One line of the source.

    ``no`` is the 1-based line number in the file for text formats, or the line's index on
    its page for PDF; ``page`` is 1-based where the format has pages.  ``cells`` holds the
    line split into cells when the line is part of a table (tab-separated, a DOCX table row,
    or positioned words); a plain paragraph has a single cell equal to ``text``.  Every
    cell's text is part of ``text`` (recognisers test ``text`` before looking at cells).
    ``table_index`` numbers real tables of formats that have them (DOCX), else ``None``.
    """

    no: int
    text: str
    cells: list[Cell] = field(default_factory=list)
    page: int | None = None
    y: float | None = None
    table_index: int | None = None
    # The texts of the cells that are not blank, in order: several recognisers ask it of
    # every line, so it is worked out once (here, unless the reader gives it).  A line's
    # cells never change once read.
    filled: list[str] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.filled and self.cells:
            self.filled = [c.text for c in self.cells if c.text.strip()]

    @property
    def is_row(self) -> bool:
        return len(self.cells) > 1


@dataclass
class PageInfo:
    number: int
    width: float | None = None
    height: float | None = None
    needs_ocr: bool = False
    note: str | None = None


@dataclass
class Layout:
    """A whole document: its lines in reading order, pages, and reader warnings."""

    file: str
    lines: list[Line] = field(default_factory=list)
    pages: list[PageInfo] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    format: str = "text"
