"""Read 基本信息 (Meta) and 部门概况 (Profile)."""

from __future__ import annotations

from typing import Any

from juesuan.compile.cells import CellError, cell_int, norm
from juesuan.compile.grid import Ctx, Sheet, coord
from juesuan.compile.layout import (
    DEPARTMENTS_SECTION,
    DUTIES_SECTION,
    FUNDING_FORMS,
    INFO_FIELDS,
    ITEM_COLUMN,
    PROFILE_SECTIONS,
    STAFF_SECTION,
    TEMPLATE_CHOICES,
    UNIT_COLUMNS,
    UNIT_NATURES,
    UNITS_SECTION,
)
from juesuan.compile.sections import choice, require_columns, scan_sections, text_at
from juesuan.model.meta import Profile, UnitInfo

YEAR_MESSAGE = "决算年度应为四位数字年份（如 2023）"


def _value_col(sheet: Sheet) -> int | None:
    for r in range(1, min(sheet.max_row, 10) + 1):
        col = sheet.find_in_row(r, ("内容", "填写内容", "数值"))
        if col is not None:
            return col
    return None


def read_meta(ctx: Ctx, sheet: Sheet) -> dict[str, Any]:
    """The Meta fields found on 基本信息, as a dict ready for ``Meta(**...)``."""
    fields = {norm(f.label): f for f in INFO_FIELDS}
    value_col = _value_col(sheet)
    data: dict[str, Any] = {}
    where: dict[str, tuple[int, int]] = {}
    before = len(ctx.problems.items)
    for r in range(1, sheet.max_row + 1):
        for c in range(1, sheet.max_col + 1):
            info = fields.get(sheet.key(r, c))
            if info is None or info.field in where:
                continue
            col = value_col if value_col is not None and value_col > c else c + 1
            where[info.field] = (r, col)
            value = _info_value(ctx, sheet, r, col, info.field, info.kind, info.choices)
            if value is not None:
                data[info.field] = value
            break
    reported = {p.location for p in ctx.problems.items[before:]}
    for info in INFO_FIELDS:
        if not info.required or info.field in data:
            continue
        if info.field not in where:
            ctx.problem(sheet, 0, 0, f"缺少必填项“{info.label}”")
            continue
        r, col = where[info.field]
        if f"{sheet.title}!{coord(r, col)}" not in reported:
            ctx.problem(sheet, r, col, f"缺少必填项“{info.label}”")
    return data


def _info_value(
    ctx: Ctx, sheet: Sheet, r: int, col: int, field: str, kind: str, choices: tuple[str, ...]
) -> Any:
    if field == "fiscal_year":
        if sheet.value(r, col) is None:
            return None
        try:
            year = cell_int(sheet.value(r, col), sheet.fmt(r, col))
        except CellError:
            year = None
        if year is None or not 1990 <= year <= 2100:
            ctx.problem(sheet, r, col, f'{YEAR_MESSAGE}: "{sheet.text(r, col)}"')
            return None
        return year
    if kind == "choice":
        if field == "template":
            return choice(ctx, sheet, r, col, TEMPLATE_CHOICES, choices)
        return choice(ctx, sheet, r, col, choices)
    text = sheet.text(r, col)
    return text or None


def read_profile(ctx: Ctx, sheet: Sheet) -> Profile:
    duties: list[str] = []
    departments: list[str] = []
    units: list[UnitInfo] = []
    staff: list[str] = []
    for section in scan_sections(sheet, PROFILE_SECTIONS):
        if section.title == UNITS_SECTION:
            if not require_columns(ctx, sheet, section, UNIT_COLUMNS[:1]):
                continue
            for r in section.rows:
                name = text_at(sheet, r, section.col("单位名称"))
                nature = choice(ctx, sheet, r, section.col("单位基本性质"), UNIT_NATURES)
                form = choice(ctx, sheet, r, section.col("经费形式"), FUNDING_FORMS)
                if name:
                    units.append(UnitInfo(name=name, nature=nature, funding_form=form))
                elif nature or form:
                    ctx.problem(sheet, r, section.col("单位名称") or 1, "缺少单位名称")
            continue
        if not require_columns(ctx, sheet, section, (ITEM_COLUMN,)):
            continue
        target = {DUTIES_SECTION: duties, DEPARTMENTS_SECTION: departments, STAFF_SECTION: staff}
        for r in section.rows:
            text = text_at(sheet, r, section.col(ITEM_COLUMN))
            if text:
                target[section.title].append(text)
    return Profile(
        duties=duties,
        internal_departments=departments,
        units=units,
        staff_note="\n".join(staff) or None,
    )
