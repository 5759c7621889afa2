"""A worksheet as the reader sees it: values, formats, merged cells, located problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypedDict, Unpack

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from juesuan.compile.cells import (
    CellError,
    Problems,
    cell_code,
    cell_int,
    cell_num,
    cell_text,
    norm,
)
from juesuan.model.figure import Num
from juesuan.model.finding import Notice
from juesuan.model.provenance import Prov

UNCALCULATED = "公式没有计算结果：请用 Excel 或 WPS 打开并保存后再读取"


class Sheet:
    """Random access to one worksheet's cached values (``data_only``) and formats."""

    def __init__(self, ws: Worksheet, formulas: Worksheet | None = None) -> None:
        self.ws = ws
        self.title: str = ws.title
        self.formulas = formulas
        self.max_row: int = ws.max_row
        self.max_col: int = ws.max_column
        self._merged: dict[tuple[int, int], tuple[int, int]] = {}
        self._bottom: dict[tuple[int, int], int] = {}  # a merged range's anchor → last row
        for rng in ws.merged_cells.ranges:
            self._bottom[(rng.min_row, rng.min_col)] = rng.max_row
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    self._merged[(r, c)] = (rng.min_row, rng.min_col)

    def value(self, row: int, col: int) -> Any:
        return self.ws.cell(row, col).value

    def merged_value(self, row: int, col: int) -> Any:
        r, c = self._merged.get((row, col), (row, col))
        return self.ws.cell(r, c).value

    def merged_bottom(self, row: int, col: int) -> int:
        """The last row of the merged range holding this cell; its own row if not merged."""
        anchor = self._merged.get((row, col))
        return row if anchor is None else self._bottom[anchor]

    def text(self, row: int, col: int, merged: bool = False) -> str:
        value = self.merged_value(row, col) if merged else self.value(row, col)
        return cell_text(value)

    def key(self, row: int, col: int, merged: bool = False) -> str:
        """Normalised text for label comparison."""
        return norm(self.text(row, col, merged))

    def fmt(self, row: int, col: int) -> str:
        return str(self.ws.cell(row, col).number_format or "General")

    def uncalculated(self, row: int, col: int) -> bool:
        if self.formulas is None or self.value(row, col) is not None:
            return False
        raw = self.formulas.cell(row, col).value
        return isinstance(raw, str) and raw.startswith("=")

    def row_keys(self, row: int) -> list[str]:
        return [self.key(row, c) for c in range(1, self.max_col + 1)]

    def is_blank_row(self, row: int) -> bool:
        return all(self.value(row, c) is None for c in range(1, self.max_col + 1))

    def find_in_row(
        self, row: int, labels: tuple[str, ...] | set[str], start: int = 1
    ) -> int | None:
        wanted = {norm(x) for x in labels}
        for c in range(start, self.max_col + 1):
            if self.key(row, c) in wanted:
                return c
        return None


def coord(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"


class Where(TypedDict, total=False):
    """Where in the disclosure a workbook cell's figure belongs (the rest of its Prov)."""

    table: str | None
    row: str | None
    code: str | None
    column: str | None


@dataclass
class Ctx:
    """What every sheet reader shares: the file name, the year, problems and notices."""

    file: str
    year: int | None = None
    problems: Problems = field(default_factory=Problems)
    notices: list[Notice] = field(default_factory=list)

    def problem(self, sheet: Sheet | str, row: int, col: int, message: str) -> None:
        title = sheet if isinstance(sheet, str) else sheet.title
        self.problems.at(title, coord(row, col) if row else "", message)

    def notice(self, sheet: Sheet, row: int, col: int, message: str) -> None:
        prov = Prov(file=self.file, sheet=sheet.title, cell=coord(row, col))
        self.notices.append(Notice(message=message, location=prov))

    def prov(self, sheet: Sheet, r: int, c: int, /, **where: Unpack[Where]) -> Prov:
        return Prov(file=self.file, sheet=sheet.title, cell=coord(r, c), **where)

    def num(self, sheet: Sheet, r: int, c: int, /, **where: Unpack[Where]) -> Num | None:
        """The figure in a cell with its provenance; a problem (and None) when unreadable."""
        if sheet.uncalculated(r, c):
            self.problem(sheet, r, c, UNCALCULATED)
            return None
        try:
            return cell_num(sheet.value(r, c), sheet.fmt(r, c), self.prov(sheet, r, c, **where))
        except CellError as exc:
            self.problem(sheet, r, c, str(exc))
            return None

    def integer(self, sheet: Sheet, row: int, col: int) -> int | None:
        if sheet.uncalculated(row, col):
            self.problem(sheet, row, col, UNCALCULATED)
            return None
        try:
            return cell_int(sheet.value(row, col), sheet.fmt(row, col))
        except CellError as exc:
            self.problem(sheet, row, col, str(exc))
            return None

    def code(self, sheet: Sheet, row: int, col: int) -> str:
        return cell_code(sheet.value(row, col))
