"""Fill the nine public-table sheets of the template from a disclosure."""

from __future__ import annotations

from collections.abc import Mapping

from openpyxl.styles import Font
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from juesuan.compile.fill_xlsx import (
    Skipped,
    clear_row,
    ensure_rows,
    find_row,
    find_rows,
    put_int,
    put_num,
    put_text,
    text_of,
    write_notes,
)
from juesuan.compile.layout import COLUMN_NO_LABEL, SANGONG_ROW_LABEL, TABLE_SHEETS
from juesuan.compile.read_side import SPLIT_PARENTS
from juesuan.compile.tablecommon import strip_numbering
from juesuan.compile.template_tables import BLANK_CODED_ROWS, NOTES
from juesuan.compile.xlsxkit import BOLD
from juesuan.model.spec import SPECS, TableSpec
from juesuan.model.tables import Row, Side, Table, TableId

FUNCTION_LENGTHS = (3, 5, 7)
ECONOMIC_LENGTHS = (3, 5)
TOTAL_KEY = "合计"
PLAIN = Font(bold=False)


def _where(table: Table, row: Row) -> str:
    return f"公开{table.id}表 {row.code or row.key}"


def _furniture(ws: Worksheet, table: Table, ncols: int) -> None:
    """Title, printed number and amount unit as the model has them (else the template's)."""
    if table.title:
        ws.cell(1, 1).value = table.title
    if table.printed_no:
        ws.cell(2, ncols).value = table.printed_no
    if table.unit:
        ws.cell(3, ncols).value = f"金额单位：{table.unit}"


def _notes(ws: Worksheet, table: Table, ncols: int) -> None:
    """Replace the template's standard note with the model's notes."""
    rows = find_rows(ws, 1, NOTES[table.id])
    if not rows:  # pragma: no cover - the template always writes it
        return
    clear_row(ws, rows[0])
    write_notes(ws, rows[0], table.notes, ncols)


def _values(
    ws: Worksheet,
    r: int,
    row: Row,
    columns: dict[str, int],
    table: Table,
    skipped: Skipped,
) -> None:
    for key, num in row.values.items():
        col = columns.get(key)
        if col is None:
            skipped.add(f"{_where(table, row)}：模板中没有栏目“{key}”，未写入")
            continue
        put_num(ws, r, col, num)


def _valid_code(code: str | None, lengths: tuple[int, ...]) -> bool:
    return code is not None and code.isdigit() and len(code) in lengths


def _coded_rows(
    table: Table, lengths: tuple[int, ...], skipped: Skipped, order: bool
) -> tuple[Row | None, list[Row], list[Row]]:
    """(合计 row, coded rows, other rows) with bad codes and duplicates reported."""
    total: Row | None = None
    coded: list[Row] = []
    other: list[Row] = []
    seen: set[str] = set()
    for row in table.rows:
        if row.code is None:
            if row.key == TOTAL_KEY and total is None:
                total = row
            else:
                other.append(row)
            continue
        if not _valid_code(row.code, lengths):
            skipped.add(
                f"{_where(table, row)}：科目编码不是{'/'.join(map(str, lengths))}位数字，未写入"
            )
            continue
        if row.code in seen:
            skipped.add(f"{_where(table, row)}：科目编码重复，未写入")
            continue
        seen.add(row.code)
        coded.append(row)
    if order:
        coded.sort(key=lambda r: r.code or "")
    return total, coded, other


def fill_function_table(wb: Workbook, table: Table, skipped: Skipped) -> None:
    """公开02/03/05/07/08: the 合计 row, then the coded rows in code order."""
    spec = SPECS[table.id]
    ws = wb[TABLE_SHEETS[table.id]]
    ncols = 2 + len(spec.columns)
    columns = {c.key: 3 + i for i, c in enumerate(spec.columns)}
    _furniture(ws, table, ncols)
    total_row = find_row(ws, 1, TOTAL_KEY, start=5)
    total, coded, other = _coded_rows(table, FUNCTION_LENGTHS, skipped, order=True)
    for row in other:
        skipped.add(f"{_where(table, row)}：没有科目编码的行（合计除外）无法写入")
    put_text(ws, total_row, 1, None if total is None else total.printed_label or TOTAL_KEY)
    if total is not None:
        _values(ws, total_row, total, columns, table, skipped)
    first = total_row + 1
    ensure_rows(ws, first, BLANK_CODED_ROWS, len(coded) + 10)
    for i, row in enumerate(coded):
        r = first + i
        put_text(ws, r, 1, row.code)
        put_text(ws, r, 2, row.label)
        _values(ws, r, row, columns, table, skipped)
    _notes(ws, table, ncols)


def fill_economic_table(wb: Workbook, table: Table, skipped: Skipped) -> None:
    """公开06: the model's 经济分类 rows as one list (replacing the standard list), footers."""
    spec = SPECS["06"]
    ws = wb[TABLE_SHEETS["06"]]
    _furniture(ws, table, 3)
    header = find_row(ws, 1, "科目编码")
    first = header + 1
    fixed_keys = [f.key for f in spec.fixed_rows]
    footer = find_row(ws, 1, fixed_keys[0], start=first)
    _, coded, other = _coded_rows(table, ECONOMIC_LENGTHS, skipped, order=False)
    capacity = footer - first
    for r in range(first, footer):
        for col in (1, 2, 3):
            ws.cell(r, col).value = None
            ws.cell(r, col).font = PLAIN
    ensure_rows(ws, first, capacity, len(coded) + 10)
    for i, row in enumerate(coded):
        r = first + i
        put_text(ws, r, 1, row.code)
        put_text(ws, r, 2, row.label)
        if row.code is not None and len(row.code) == 3:
            ws.cell(r, 1).font = BOLD
            ws.cell(r, 2).font = BOLD
        _values(ws, r, row, {"决算数": 3}, table, skipped)
    footers = {key: find_row(ws, 1, key, start=first) for key in fixed_keys}
    for row in other:
        if row.key not in fixed_keys:
            skipped.add(f"{_where(table, row)}：模板中没有这一行，未写入")
            continue
        _values(ws, footers.pop(row.key), row, {"决算数": 3}, table, skipped)
    for r in footers.values():  # a footer the disclosure does not have
        put_text(ws, r, 1, None)
    _notes(ws, table, 3)


def fill_sangong_table(wb: Workbook, table: Table, skipped: Skipped) -> None:
    """公开09: the one “三公”经费 row, 预算数 and 决算数 blocks."""
    spec = SPECS["09"]
    ws = wb[TABLE_SHEETS["09"]]
    ncols = 1 + len(spec.columns)
    _furniture(ws, table, ncols)
    r = find_row(ws, 1, SANGONG_ROW_LABEL, start=5)
    columns = {c.key: 2 + i for i, c in enumerate(spec.columns)}
    key = spec.fixed_rows[0].key
    if not table.rows:
        put_text(ws, r, 1, None)
    for i, row in enumerate(table.rows):
        if row.key != key or i > 0:
            skipped.add(f"{_where(table, row)}：公开09表只有一行（“三公”经费），未写入")
            continue
        put_text(ws, r, 1, row.printed_label or SANGONG_ROW_LABEL)
        _values(ws, r, row, columns, table, skipped)
    _notes(ws, table, ncols)


def _template_keys(
    ws: Worksheet, spec: TableSpec, side: Side, col: int, first: int, last: int
) -> dict[str, int]:
    """Row key → sheet row of one side of the template's 公开01/04 (split rows included)."""
    fixed = {f.key for f in spec.fixed_rows if f.side == side}
    out: dict[str, int] = {}
    parent: str | None = None
    for r in range(first, last + 1):
        text = text_of(ws, r, col)
        if not text:
            continue
        label = strip_numbering(text)
        split = f"{parent}/{label}" if parent else None
        if split in fixed:
            out[split] = r
            continue
        out.setdefault(label, r)
        parent = label if label in SPLIT_PARENTS else None
    return out


def fill_side_table(wb: Workbook, table: Table, skipped: Skipped) -> None:
    """公开01/04: fixed rows and 类 rows by key; rows the template lacks go below them."""
    spec = SPECS[table.id]
    ws = wb[TABLE_SHEETS[table.id]]
    ncols = 5 + len(spec.columns)
    _furniture(ws, table, ncols)
    header = find_row(ws, 1, "项目")
    numbers = find_row(ws, 1, COLUMN_NO_LABEL, start=header)
    first = numbers + 1
    last = find_row(ws, 1, NOTES[table.id], start=first) - 2
    layout: dict[Side, tuple[int, dict[str, int]]] = {
        "收入": (1, {c.key: 3 + i for i, c in enumerate(spec.income_columns)}),
        "支出": (4, {c.key: 6 + i for i, c in enumerate(spec.columns)}),
    }
    where = {
        side: _template_keys(ws, spec, side, col, first, last) for side, (col, _) in layout.items()
    }
    free: dict[Side, list[int]] = {
        side: [r for r in range(first, last + 1) if not text_of(ws, r, col)]
        for side, (col, _) in layout.items()
    }
    placed: dict[tuple[Side, str], int | None] = {}
    for row in table.rows:
        if row.side is None:
            skipped.add(f"{_where(table, row)}：没有注明收入或支出一侧，未写入")
            continue
        if (row.side, row.key) in placed:
            skipped.add(f"{_where(table, row)}：{row.side}项目重复，未写入")
            continue
        r = where[row.side].get(row.key)
        if r is None and row.side == "收入" and free["收入"]:
            # The blank rows between the income items and the income totals.
            r = free["收入"].pop(0)
        placed[(row.side, row.key)] = r
    overflow = max(
        sum(1 for (s, _), r in placed.items() if r is None and s == side) for side in layout
    )
    ensure_rows(ws, first, last - first + 1, last - first + 1 + overflow)
    for side, (col, _) in layout.items():
        for key, r in where[side].items():
            if (side, key) not in placed:  # a standard row the disclosure does not have
                put_text(ws, r, col, None)
    next_free: dict[Side, int] = {side: last + 1 for side in layout}
    for row in table.rows:
        if row.side is None or (row.side, row.key) not in placed:
            continue
        r = placed.pop((row.side, row.key))
        if r is None:
            r = next_free[row.side]
            next_free[row.side] += 1
        col, columns = layout[row.side]
        put_text(ws, r, col, row.printed_label or row.label)
        if row.line_no is not None:
            put_int(ws, r, col + 1, row.line_no)
        _values(ws, r, row, columns, table, skipped)
    _notes(ws, table, ncols)


def fill_tables(wb: Workbook, tables: Mapping[TableId, Table], skipped: Skipped) -> None:
    for table_id, table in sorted(tables.items()):
        if table_id in ("01", "04"):
            fill_side_table(wb, table, skipped)
        elif table_id == "06":
            fill_economic_table(wb, table, skipped)
        elif table_id == "09":
            fill_sangong_table(wb, table, skipped)
        else:
            fill_function_table(wb, table, skipped)
