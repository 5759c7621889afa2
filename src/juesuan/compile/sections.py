"""Label-driven sections: a 【title】 row, a header row, then data rows up to the next title."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from juesuan.compile.cells import norm
from juesuan.compile.grid import Ctx, Sheet
from juesuan.compile.tablecommon import first_text


@dataclass
class Section:
    title: str
    title_row: int
    header_row: int = 0
    columns: dict[str, int] = field(default_factory=dict)
    rows: list[int] = field(default_factory=list)

    def col(self, label: str) -> int | None:
        return self.columns.get(norm(label))


def scan_sections(sheet: Sheet, titles: tuple[str, ...]) -> list[Section]:
    """Every section of the sheet whose title is one of ``titles`` (in sheet order)."""
    wanted = {norm(t): t for t in titles}
    sections: list[Section] = []
    current: Section | None = None
    for r in range(1, sheet.max_row + 1):
        text = norm(first_text(sheet, r))
        if not text:
            continue
        if text in wanted:
            current = Section(wanted[text], r)
            sections.append(current)
        elif current is not None and current.header_row == 0:
            current.header_row = r
            for c in range(1, sheet.max_col + 1):
                key = sheet.key(r, c)
                if key:
                    current.columns.setdefault(key, c)
        elif current is not None:
            current.rows.append(r)
    return sections


def require_columns(ctx: Ctx, sheet: Sheet, section: Section, labels: tuple[str, ...]) -> bool:
    """Report each missing header of a section; True when all are there."""
    ok = True
    for label in labels:
        if section.col(label) is None:
            row = section.header_row or section.title_row
            ctx.problem(sheet, row, 1, f"【{section.title}】缺少表头“{label}”")
            ok = False
    return ok


def text_at(sheet: Sheet, r: int, col: int | None) -> str:
    return sheet.text(r, col) if col is not None else ""


def value_at(sheet: Sheet, r: int, col: int | None) -> Any:
    return sheet.value(r, col) if col is not None else None


def choice(
    ctx: Ctx,
    sheet: Sheet,
    r: int,
    col: int | None,
    choices: tuple[str, ...] | dict[str, str],
    shown: tuple[str, ...] = (),
) -> str | None:
    """An enumerated cell: None when blank, a problem when the value is not allowed.

    ``choices`` is the allowed values, or a mapping of accepted spellings to values; the
    message lists ``shown`` (default: the choices themselves).
    """
    text = text_at(sheet, r, col)
    if not text or col is None:
        return None
    table = choices if isinstance(choices, dict) else {c: c for c in choices}
    by_key = {norm(k): v for k, v in table.items()}
    if norm(text) in by_key:
        return by_key[norm(text)]
    listed = shown or tuple(table)
    ctx.problem(sheet, r, col, f'取值应为 {"、".join(listed)}: "{text}"')
    return None
