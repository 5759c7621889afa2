"""Read 公开09: the 预算数 and 决算数 blocks of the “三公” table, one data row."""

from __future__ import annotations

from juesuan.compile.cells import CellError, cell_decimal, norm
from juesuan.compile.grid import Ctx, Sheet
from juesuan.compile.layout import ITEM_HEADER, SANGONG_ROW_LABEL
from juesuan.compile.tablecommon import (
    HEADER_SCAN_ROWS,
    first_text,
    is_column_numbers,
    is_note_row,
    is_skip_label,
    match_columns,
    new_table,
    path_comps,
    report_columns,
)
from juesuan.model.figure import Num
from juesuan.model.spec import TableSpec
from juesuan.model.tables import Row, Table

MAX_HEADER_ROWS = 4


def _is_numberish(sheet: Sheet, r: int, c: int) -> bool:
    value = sheet.value(r, c)
    if isinstance(value, int | float):
        return True
    try:
        return cell_decimal(value) is not None
    except CellError:
        return False


def _header_bottom(sheet: Sheet, top: int, label_col: int | None) -> int:
    bottom = top
    while bottom < sheet.max_row and bottom - top < MAX_HEADER_ROWS - 1:
        r = bottom + 1
        cols = [c for c in range(1, sheet.max_col + 1) if c != label_col]
        if label_col is not None and is_skip_label(sheet.text(r, label_col)):
            break
        texts = [sheet.text(r, c) for c in cols if sheet.text(r, c)]
        if not texts or any(_is_numberish(sheet, r, c) for c in cols):
            break
        bottom = r
    return bottom


def read_sangong_table(ctx: Ctx, sheet: Sheet, spec: TableSpec) -> Table | None:
    top = None
    for r in range(1, min(sheet.max_row, HEADER_SCAN_ROWS) + 1):
        keys = sheet.row_keys(r)
        if "预算数" in keys and "决算数" in keys:
            top = r
            break
    if top is None:
        ctx.problem(sheet, 0, 0, "找不到表头“预算数”“决算数”")
        return None
    label_col = sheet.find_in_row(top, (ITEM_HEADER,))
    bottom = _header_bottom(sheet, top, label_col)
    found: dict[int, list[str]] = {}
    printed: dict[int, str] = {}
    for c in range(1, sheet.max_col + 1):
        if c == label_col:
            continue
        keys, texts = path_comps(sheet, c, top, bottom)
        if keys:
            found[c] = keys
            printed[c] = "/".join(texts)
    columns, missing = match_columns(spec.columns, found)
    report_columns(ctx, sheet, top, found, columns, missing)
    fixed = spec.fixed_rows[0]
    rows: list[Row] = []
    notes: list[str] = []
    for r in range(bottom + 1, sheet.max_row + 1):
        text = first_text(sheet, r)
        if not text:
            continue
        if is_note_row(sheet, r, text):
            notes.append(text)
            continue
        label = sheet.text(r, label_col) if label_col is not None else ""
        if is_skip_label(label):
            continue
        if not label and is_column_numbers([sheet.text(r, c) for c in columns.values()]):
            continue
        if rows:
            ctx.problem(sheet, r, 1, "公开09表只应有一行数据（“三公”经费）")
            continue
        values: dict[str, Num] = {}
        for key, c in columns.items():
            num = ctx.num(sheet, r, c, table=spec.id, row=fixed.key, column=key)
            if num is not None:
                values[key] = num
        printed_label = label if label and norm(label) != norm(SANGONG_ROW_LABEL) else None
        rows.append(
            Row(
                key=fixed.key,
                label=fixed.label,
                printed_label=printed_label,
                values=values,
                prov=ctx.prov(sheet, r, label_col or 1, table=spec.id, row=fixed.key),
            )
        )
    headers = {key: printed[c] for key, c in columns.items()}
    return new_table(ctx, sheet, spec, top, rows, headers, notes)
