"""What the table readers share: finding header cells, matching columns, table furniture."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from juesuan.compile.cells import norm
from juesuan.compile.grid import Ctx, Sheet
from juesuan.compile.layout import COLUMN_NO_LABEL
from juesuan.model.provenance import Prov
from juesuan.model.spec import Column, TableSpec
from juesuan.model.tables import Row, Table

HEADER_SCAN_ROWS = 40
_NUMBERING = re.compile(
    r"^(?:\((?:[一二三四五六七八九十]+|\d+)\)|(?:[一二三四五六七八九十]+|\d+)[、.])"
)
_PRINTED_NO = re.compile(r"公开\s*0?\d\s*表")


def strip_numbering(text: str) -> str:
    """Drop printed numbering: ``一、``, ``(一)``, ``1.``, ``其中:``."""
    text = re.sub(r"\s+", "", text)
    while True:
        stripped = _NUMBERING.sub("", text, count=1)
        stripped = re.sub(r"^其中[:：]?", "", stripped)
        if stripped == text:
            return text
        text = stripped


def find_label(
    sheet: Sheet, labels: Iterable[str], limit: int = HEADER_SCAN_ROWS
) -> tuple[int, int] | None:
    wanted = {norm(x) for x in labels}
    for r in range(1, min(sheet.max_row, limit) + 1):
        for c in range(1, sheet.max_col + 1):
            if sheet.key(r, c) in wanted:
                return r, c
    return None


def path_comps(
    sheet: Sheet, col: int, top: int, bottom: int, skip: Sequence[str] = ()
) -> tuple[list[str], list[str]]:
    """Header texts of a column from ``top`` to ``bottom`` (merged-aware): normalised, printed."""
    keys: list[str] = []
    printed: list[str] = []
    skipped = {norm(s) for s in skip}
    for r in range(top, bottom + 1):
        key = sheet.key(r, col, merged=True)
        if key and key not in skipped and (not keys or keys[-1] != key):
            keys.append(key)
            printed.append(sheet.text(r, col, merged=True))
    return keys, printed


def _targets(column: Column) -> list[tuple[str, ...]]:
    out = [tuple(norm(x) for x in column.header.split("/"))]
    key = tuple(norm(x) for x in column.key.split("/"))
    if key not in out:
        out.append(key)
    return out


def _alias(comps: tuple[str, ...]) -> tuple[str, ...]:
    # 公开09 prints 公务用车购置及运行维护费/合计 where the standard says 小计.
    if len(comps) >= 3 and comps[-1] == "合计":
        return (*comps[:-1], "小计")
    return comps


def _suffix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return 0 < len(short) <= len(long) and long[-len(short) :] == short


def match_columns(
    columns: Sequence[Column], found: dict[int, list[str]]
) -> tuple[dict[str, int], list[Column]]:
    """Map spec column keys to sheet columns by header path; exact first, then by suffix."""
    paths = {c: _alias(tuple(comps)) for c, comps in found.items()}
    result: dict[str, int] = {}
    used: set[int] = set()
    for column in columns:
        for c, comps in paths.items():
            if c not in used and comps in _targets(column):
                result[column.key] = c
                used.add(c)
                break
    for column in columns:
        if column.key in result:
            continue
        for c, comps in paths.items():
            if c in used:
                continue
            if any(_suffix(comps, t) or _suffix(t, comps) for t in _targets(column)):
                result[column.key] = c
                used.add(c)
                break
    missing = [col for col in columns if col.key not in result]
    return result, missing


def report_columns(
    ctx: Ctx,
    sheet: Sheet,
    row: int,
    found: dict[int, list[str]],
    matched: dict[str, int],
    missing: Sequence[Column],
) -> None:
    for column in missing:
        ctx.problem(sheet, 0, 0, f"缺少表头“{column.header.split('/')[-1]}”")
    used = set(matched.values())
    for c, comps in found.items():
        if c not in used:
            ctx.notice(sheet, row, c, f"未识别的栏目“{'/'.join(comps)}”，已忽略")


def is_column_numbers(texts: Sequence[str]) -> bool:
    """The 栏次 row: 1, 2, 3 ... (at least three) and nothing else."""
    values = [t for t in texts if t]
    if len(values) < 3 or not all(t.isdigit() for t in values):
        return False
    return [int(t) for t in values] == list(range(1, len(values) + 1))


def is_skip_label(text: str) -> bool:
    return norm(text) == COLUMN_NO_LABEL


def first_text(sheet: Sheet, row: int) -> str:
    for c in range(1, sheet.max_col + 1):
        text = sheet.text(row, c)
        if text:
            return text
    return ""


def is_note(text: str) -> bool:
    key = norm(text)
    return key.startswith("注") and not key.startswith("注册")


def is_note_row(sheet: Sheet, row: int, text: str) -> bool:
    """A note below a table: ``注：…``, or (as the filled template writes any note, e.g.
    ``本部门本年度无此项收支，按要求以空表列示。``) one text merged across three or more
    columns from the first, with nothing else in the row."""
    if is_note(text):
        return True
    for rng in sheet.ws.merged_cells.ranges:
        if rng.min_row <= row <= rng.max_row and rng.min_col == 1 and rng.max_col >= 3:
            others = range(rng.max_col + 1, sheet.max_col + 1)
            return rng.min_row == row and all(sheet.value(row, c) is None for c in others)
    return False


def new_table(
    ctx: Ctx,
    sheet: Sheet,
    spec: TableSpec,
    header_top: int,
    rows: list[Row],
    headers: dict[str, str],
    notes: list[str],
) -> Table:
    """Assemble a Table with its title, printed number and unit found above the header."""
    title: str | None = None
    printed_no: str | None = None
    unit: str | None = None
    variants = [norm(v) for v in (spec.title, *spec.title_variants)]
    for r in range(1, header_top):
        for c in range(1, sheet.max_col + 1):
            text = sheet.text(r, c)
            key = norm(text)
            if not key:
                continue
            if title is None and any(v in key for v in variants):
                title = text
            if printed_no is None and _PRINTED_NO.fullmatch(key):
                printed_no = text
            if "金额单位" in key:
                unit = "万元" if "万元" in key else "元"
    return Table(
        id=spec.id,
        title=title or spec.title,
        printed_no=printed_no,
        unit="万元" if unit == "万元" else ("元" if unit == "元" else None),
        headers=headers,
        rows=rows,
        notes=notes,
        prov=Prov(file=ctx.file, sheet=sheet.title, table=spec.id),
    )
