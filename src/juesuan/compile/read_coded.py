"""Read the coded tables: 公开02/03/05/07/08 (功能分类) and 公开06 (经济分类)."""

from __future__ import annotations

from dataclasses import dataclass

from juesuan.compile.cells import norm
from juesuan.compile.grid import Ctx, Sheet, coord
from juesuan.compile.layout import CODE_HEADERS, ITEM_HEADER, NAME_HEADERS
from juesuan.compile.tablecommon import (
    find_label,
    first_text,
    is_column_numbers,
    is_note_row,
    is_skip_label,
    match_columns,
    new_table,
    path_comps,
    report_columns,
    strip_numbering,
)
from juesuan.model.figure import Num
from juesuan.model.spec import TableSpec
from juesuan.model.tables import Row, Table

FUNCTION_LENGTHS = (3, 5, 7)
ECONOMIC_LENGTHS = (3, 5)
TOTAL_LABELS = {"合计", "总计"}
VALUE_HEADERS = ("决算数", "金额", "本年决算数")


def _length_text(lengths: tuple[int, ...]) -> str:
    """(3, 5, 7) → "3、5或7"."""
    head = "、".join(str(n) for n in lengths[:-1])
    return f"{head}或{lengths[-1]}" if head else str(lengths[-1])


@dataclass
class _Seen:
    """Duplicate keys inside one table."""

    cells: dict[str, str]

    def check(self, ctx: Ctx, sheet: Sheet, row: int, col: int, key: str, what: str) -> bool:
        if key in self.cells:
            ctx.problem(sheet, row, col, f'{what}重复: "{key}"（已出现在 {self.cells[key]}）')
            return False
        self.cells[key] = coord(row, col)
        return True


def _header_top(sheet: Sheet, code_row: int, spec: TableSpec) -> int:
    comps = {norm(part) for c in spec.columns for part in c.header.split("/")}
    comps |= {norm(ITEM_HEADER)}
    top = code_row
    while top > 1 and code_row - top < 4 and any(k in comps for k in sheet.row_keys(top - 1)):
        top -= 1
    return top


def _values(
    ctx: Ctx,
    sheet: Sheet,
    spec: TableSpec,
    r: int,
    columns: dict[str, int],
    label: str,
    code: str | None,
) -> dict[str, Num]:
    values: dict[str, Num] = {}
    for key, c in columns.items():
        num = ctx.num(sheet, r, c, table=spec.id, row=label, code=code, column=key)
        if num is not None:
            values[key] = num
    return values


def _coded_row(
    ctx: Ctx,
    sheet: Sheet,
    spec: TableSpec,
    r: int,
    code_col: int,
    name_col: int,
    columns: dict[str, int],
    lengths: tuple[int, ...],
    seen: _Seen,
    allow_labels: bool = True,
) -> Row | None:
    code = ctx.code(sheet, r, code_col)
    name = sheet.text(r, name_col)
    label_cells = [sheet.text(r, code_col), name]
    if any(is_skip_label(t) for t in label_cells):
        return None
    if not code and not name and is_column_numbers([sheet.text(r, c) for c in columns.values()]):
        return None
    bad_code = f'科目编码应为{_length_text(lengths)}位数字: "{sheet.text(r, code_col)}"'
    if code.isdigit():
        if len(code) not in lengths:
            ctx.problem(sheet, r, code_col, bad_code)
            _values(ctx, sheet, spec, r, columns, name, code)
            return None
        values = _values(ctx, sheet, spec, r, columns, name, code)
        if not seen.check(ctx, sheet, r, code_col, code, "科目编码"):
            return None
        return Row(
            key=code,
            label=name,
            code=code,
            values=values,
            prov=ctx.prov(sheet, r, code_col, table=spec.id, row=name, code=code),
        )
    label = strip_numbering(code or name)
    is_total = norm(label) in TOTAL_LABELS and not (code and name)
    values = _values(ctx, sheet, spec, r, columns, label, None)
    if is_total and allow_labels:
        key = "合计"
        if not seen.check(ctx, sheet, r, code_col, key, "合计行"):
            return None
        printed = label if label != key else None
        return Row(
            key=key,
            label=label,
            printed_label=printed,
            values=values,
            prov=ctx.prov(sheet, r, code_col, table=spec.id, row=label),
        )
    if code and (name or any(ch.isdigit() for ch in code)):
        ctx.problem(sheet, r, code_col, bad_code)
    elif name or code:
        if values or allow_labels:
            ctx.problem(sheet, r, code_col, f"缺少科目编码（科目名称“{name or code}”）")
    elif values:
        ctx.problem(sheet, r, code_col, "这一行有数字，但没有科目编码和科目名称")
    return None


def read_function_table(ctx: Ctx, sheet: Sheet, spec: TableSpec) -> Table | None:
    """公开02/03/05/07/08: 科目编码 | 科目名称 | the spec's columns (found by header)."""
    hit = find_label(sheet, CODE_HEADERS)
    if hit is None:
        ctx.problem(sheet, 0, 0, "找不到表头“科目编码”")
        return None
    code_row, code_col = hit
    name_col = sheet.find_in_row(code_row, NAME_HEADERS)
    if name_col is None:
        ctx.problem(sheet, 0, 0, "找不到表头“科目名称”")
        return None
    top = _header_top(sheet, code_row, spec)
    # As the tables are printed, 科目编码 may span the header's rows (merged): the headers of
    # the figures (本年支出 › 基本支出) then end on its last row, not on the row it starts.
    bottom = sheet.merged_bottom(code_row, code_col)
    found: dict[int, list[str]] = {}
    printed: dict[int, str] = {}
    for c in range(1, sheet.max_col + 1):
        if c in (code_col, name_col):
            continue
        keys, texts = path_comps(sheet, c, top, bottom, skip=(ITEM_HEADER,))
        if keys:
            found[c] = keys
            printed[c] = "/".join(texts)
    columns, missing = match_columns(spec.columns, found)
    report_columns(ctx, sheet, code_row, found, columns, missing)
    rows: list[Row] = []
    notes: list[str] = []
    seen = _Seen({})
    for r in range(bottom + 1, sheet.max_row + 1):
        text = first_text(sheet, r)
        if not text:
            continue
        if is_note_row(sheet, r, text):
            notes.append(text)
            continue
        row = _coded_row(ctx, sheet, spec, r, code_col, name_col, columns, FUNCTION_LENGTHS, seen)
        if row is not None:
            rows.append(row)
    headers = {key: printed[c] for key, c in columns.items()}
    return new_table(ctx, sheet, spec, top, rows, headers, notes)


@dataclass(frozen=True)
class _Block:
    code_col: int
    name_col: int
    value_col: int


def _blocks(ctx: Ctx, sheet: Sheet, code_row: int) -> list[_Block]:
    code_keys = {norm(x) for x in CODE_HEADERS}
    starts = [c for c in range(1, sheet.max_col + 1) if sheet.key(code_row, c) in code_keys]
    blocks: list[_Block] = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else sheet.max_col + 1
        name_col = sheet.find_in_row(code_row, NAME_HEADERS, start + 1)
        value_col = sheet.find_in_row(code_row, VALUE_HEADERS, start + 1)
        if name_col is None or name_col >= end:
            ctx.problem(sheet, code_row, start, "找不到表头“科目名称”")
            continue
        if value_col is None or value_col >= end:
            ctx.problem(sheet, code_row, start, "找不到表头“决算数”")
            continue
        blocks.append(_Block(start, name_col, value_col))
    return blocks


def _fixed_cells(sheet: Sheet, r: int, labels: dict[str, str]) -> list[tuple[str, int, int | None]]:
    """Footer labels in a row (人员经费合计 ...): (key, label col, value col)."""
    out: list[tuple[str, int, int | None]] = []
    for c in range(1, sheet.max_col + 1):
        key = labels.get(sheet.key(r, c))
        if key is None:
            continue
        value_col = next(
            (v for v in range(c + 1, sheet.max_col + 1) if sheet.value(r, v) is not None), None
        )
        if value_col is not None and sheet.key(r, value_col) in labels:
            value_col = None
        out.append((key, c, value_col))
    return out


def read_economic_table(ctx: Ctx, sheet: Sheet, spec: TableSpec) -> Table | None:
    """公开06: one list (科目编码 | 科目名称 | 决算数) or the published three-block layout."""
    hit = find_label(sheet, CODE_HEADERS)
    if hit is None:
        ctx.problem(sheet, 0, 0, "找不到表头“科目编码”")
        return None
    code_row = hit[0]
    blocks = _blocks(ctx, sheet, code_row)
    fixed_labels = {norm(f.label): f.key for f in spec.fixed_rows}
    per_block: list[list[Row]] = [[] for _ in blocks]
    fixed: list[Row] = []
    notes: list[str] = []
    seen = _Seen({})
    for r in range(code_row + 1, sheet.max_row + 1):
        text = first_text(sheet, r)
        if not text:
            continue
        if is_note_row(sheet, r, text):
            notes.append(text)
            continue
        taken: set[int] = set()
        for key, label_col, value_col in _fixed_cells(sheet, r, fixed_labels):
            taken.update({label_col, value_col or 0})
            if not seen.check(ctx, sheet, r, label_col, key, "合计行"):
                continue
            values: dict[str, Num] = {}
            if value_col is not None:
                num = ctx.num(sheet, r, value_col, table=spec.id, row=key, column="决算数")
                if num is not None:
                    values["决算数"] = num
            fixed.append(
                Row(
                    key=key,
                    label=key,
                    values=values,
                    prov=ctx.prov(sheet, r, label_col, table=spec.id, row=key),
                )
            )
        for i, block in enumerate(blocks):
            if taken & {block.code_col, block.name_col, block.value_col}:
                continue
            row = _coded_row(
                ctx,
                sheet,
                spec,
                r,
                block.code_col,
                block.name_col,
                {"决算数": block.value_col},
                ECONOMIC_LENGTHS,
                seen,
                False,
            )
            if row is not None:
                per_block[i].append(row)
    rows = [row for block_rows in per_block for row in block_rows] + fixed
    return new_table(ctx, sheet, spec, code_row, rows, {"决算数": "决算数"}, notes)
