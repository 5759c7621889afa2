"""openpyxl helpers for filling the template: exact figures, row insertion, locating labels."""

from __future__ import annotations

import re
from collections.abc import Iterable
from copy import copy
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.worksheet import Worksheet

from juesuan.compile.cells import cell_text, norm
from juesuan.compile.layout import INT_FORMAT
from juesuan.compile.xlsxkit import LEFT
from juesuan.model.figure import Num

NOTE_HEIGHT = 32


@dataclass
class Skipped:
    """What the workbook layout cannot hold, described in Chinese for the user."""

    items: list[str] = field(default_factory=list)

    def add(self, message: str) -> None:
        if message not in self.items:
            self.items.append(message)


def money_format(decimals: int) -> str:
    """The number format that shows exactly ``decimals`` decimals (2 → ``#,##0.00``)."""
    return "#,##0." + "0" * decimals if decimals > 0 else "#,##0"


def put_num(ws: Worksheet, row: int, col: int, num: Num | None) -> None:
    """A figure as a number cell whose format shows its printed decimals (never a float)."""
    cell = ws.cell(row, col)
    if num is None:
        cell.value = None
        return
    value: Decimal = num.value
    cell.value = value
    cell.number_format = money_format(num.decimals)


def put_int(ws: Worksheet, row: int, col: int, value: int | None) -> None:
    cell = ws.cell(row, col)
    cell.value = value
    if value is not None:
        cell.number_format = INT_FORMAT


def put_text(ws: Worksheet, row: int, col: int, text: str | None) -> None:
    """Text as text: a leading "=" (the operator "=", "=100%") is not a formula."""
    cell = ws.cell(row, col)
    cell.value = text if text else None
    if text and text.startswith("="):
        cell.data_type = "s"


def text_of(ws: Worksheet, row: int, col: int) -> str:
    return cell_text(ws.cell(row, col).value)


def find_rows(ws: Worksheet, col: int, text: str, start: int = 1) -> list[int]:
    """Rows (from ``start``) whose cell in ``col`` reads ``text`` (compared normalised)."""
    wanted = norm(text)
    return [r for r in range(start, ws.max_row + 1) if norm(text_of(ws, r, col)) == wanted]


def find_row(ws: Worksheet, col: int, text: str, start: int = 1) -> int:
    rows = find_rows(ws, col, text, start)
    if not rows:
        raise LookupError(f"{ws.title}: 找不到“{text}”")
    return rows[0]


def copy_row_style(ws: Worksheet, source: int, target: int) -> None:
    for col in range(1, ws.max_column + 1):
        src = ws.cell(source, col)
        dst = ws.cell(target, col)
        if src.has_style:
            # The style attributes read as proxies; a copy is the plain style object.
            dst.font = cast(Any, copy(src.font))
            dst.border = cast(Any, copy(src.border))
            dst.fill = cast(Any, copy(src.fill))
            dst.alignment = cast(Any, copy(src.alignment))
            dst.protection = cast(Any, copy(src.protection))
            dst.number_format = src.number_format


def _shift_formula(formula: str | None, old: CellRange, new: CellRange) -> str | None:
    if formula is None or (old.min_row, old.min_col) == (new.min_row, new.min_col):
        return formula
    before = f"{get_column_letter(old.min_col)}{old.min_row}"
    after = f"{get_column_letter(new.min_col)}{new.min_row}"
    return re.sub(rf"(?<![A-Z$]){before}(?!\d)", after, formula)


def insert_rows(ws: Worksheet, idx: int, amount: int, like: int | None = None) -> None:
    """Insert ``amount`` rows before ``idx``, keeping merged cells, validations and heights.

    openpyxl moves only cell values and styles; this also moves merged ranges, data
    validations (a range ending just above ``idx`` grows) and row heights, and styles the
    new rows like row ``like``.
    """
    if amount <= 0:
        return
    merged = [CellRange(r.coord) for r in ws.merged_cells.ranges if r.max_row >= idx]
    for rng in merged:
        ws.unmerge_cells(rng.coord)
    heights = {r: dim.height for r, dim in ws.row_dimensions.items() if r >= idx and dim.height}
    ws.insert_rows(idx, amount)
    for rng in merged:
        if rng.min_row >= idx:
            rng.shift(row_shift=amount)
        else:
            rng.expand(down=amount)
        ws.merge_cells(rng.coord)
    for r in heights:
        ws.row_dimensions[r].height = None
    for r, height in heights.items():
        ws.row_dimensions[r + amount].height = height
    for dv in ws.data_validations.dataValidation:
        ranges: list[CellRange] = []
        for old in dv.sqref.ranges:
            new = CellRange(old.coord)
            if new.min_row >= idx:
                new.shift(row_shift=amount)
            elif new.max_row >= idx - 1:
                new.expand(down=amount)
            if not ranges:
                dv.formula1 = _shift_formula(dv.formula1, old, new)
            ranges.append(new)
        dv.sqref = MultiCellRange(ranges)
    if like is not None:
        source = like if like < idx else like + amount
        for r in range(idx, idx + amount):
            copy_row_style(ws, source, r)


def ensure_rows(ws: Worksheet, first: int, capacity: int, needed: int) -> int:
    """Grow a block of ``capacity`` rows starting at ``first`` to hold ``needed``.

    Returns how many rows were inserted (after the block's last row, styled like it).
    """
    extra = needed - capacity
    if extra <= 0:
        return 0
    last = first + capacity - 1
    insert_rows(ws, last + 1, extra, like=last if capacity > 0 else None)
    return extra


def write_notes(ws: Worksheet, row: int, notes: Iterable[str], ncols: int) -> None:
    """Notes below a table, one per row, each merged across the table's width."""
    for i, note in enumerate(notes):
        r = row + i
        for rng in [x for x in ws.merged_cells.ranges if x.min_row <= r <= x.max_row]:
            ws.unmerge_cells(rng.coord)
        cell = ws.cell(r, 1, note)
        cell.alignment = LEFT
        if ncols > 1:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
        ws.row_dimensions[r].height = NOTE_HEIGHT


def clear_row(ws: Worksheet, row: int) -> None:
    """Unmerge and empty one row (its styles stay)."""
    for rng in [x for x in ws.merged_cells.ranges if x.min_row <= row <= x.max_row]:
        ws.unmerge_cells(rng.coord)
    for col in range(1, ws.max_column + 1):
        ws.cell(row, col).value = None
    ws.row_dimensions[row].height = None
