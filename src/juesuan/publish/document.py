"""The intermediate document every renderer draws from (a docling-like neutral model).

``Document`` holds the cover, the table of contents, the 部门概况, the nine tables as
grids of cells (header rows with spans, body rows), the 情况说明, the 名词解释, the
performance attachments and the charts.  Renderers never read the disclosure model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from juesuan.publish.narrative import Missing, NarrativeSection

CellKind = Literal["head", "label", "code", "num", "text", "index"]


@dataclass(frozen=True)
class Cell:
    text: str = ""
    kind: CellKind = "text"
    colspan: int = 1
    rowspan: int = 1
    value: Decimal | None = None  # numbers, for spreadsheets
    bold: bool = False
    indent: int = 0


Grid = list[list[Cell]]


@dataclass
class TableView:
    """One table in its published layout."""

    key: str  # "01" … "09", or "perf-1" for attachments
    title: str
    number: str = ""  # 公开01表
    unit_line: str = ""  # 部门（单位）：…
    year_line: str = ""  # 2024年度
    amount_unit: str = "万元"
    header: Grid = field(default_factory=list)
    body: Grid = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    landscape: bool = False
    widths: list[int] = field(default_factory=list)  # relative column widths
    empty: bool = False

    @property
    def ncols(self) -> int:
        rows = self.header or self.body
        return sum(c.colspan for c in rows[0]) if rows else 0


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    section: str  # narrative section key the chart illustrates
    png: bytes
    width_px: int
    height_px: int


@dataclass(frozen=True)
class TocEntry:
    level: int
    text: str


@dataclass
class ProfileView:
    duties: list[str] = field(default_factory=list)
    internal_departments: list[str] = field(default_factory=list)
    units: TableView | None = None
    staff_note: str | None = None


@dataclass
class Part:
    """A 第N部分 heading."""

    number: str  # 第一部分
    title: str

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}"


@dataclass
class Document:
    title: str  # 武陟县医疗保障局2024年度部门决算
    unit_name: str
    year: int
    amount_unit: str
    parts: dict[str, Part]
    toc: list[TocEntry]
    profile: ProfileView
    tables: list[TableView]
    narrative: list[NarrativeSection]
    glossary: list[tuple[str, str]]
    attachments: list[TableView] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def charts_for(self, section_key: str) -> list[Chart]:
        return [c for c in self.charts if c.section == section_key]


def place(rows: Grid) -> list[tuple[int, int, Cell]]:
    """Grid positions (row, column) of every cell, honouring row and column spans."""
    taken: set[tuple[int, int]] = set()
    out: list[tuple[int, int, Cell]] = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    return out


def matrix(rows: Grid, ncols: int) -> list[list[str]]:
    """Plain text of every grid position (spanned positions left empty)."""
    placed = place(rows)
    out = [["" for _ in range(ncols)] for _ in range(len(rows))]
    for r, c, cell in placed:
        if c < ncols:
            out[r][c] = cell.text
    return out
