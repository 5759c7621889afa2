"""Read 补充数据 into ``Extras``: every section found by its 【title】 and header labels."""

from __future__ import annotations

from typing import Any

from juesuan.compile.cells import cell_code, norm
from juesuan.compile.grid import Ctx, Sheet
from juesuan.compile.layout import (
    BOOL_CHOICES,
    COMPARE_SECTION,
    GRADE_SECTION,
    ITEM_BUDGET_SECTION,
    KV_SECTIONS,
    VEHICLE_SECTION,
    KvSection,
)
from juesuan.compile.sections import (
    Section,
    choice,
    require_columns,
    scan_sections,
    text_at,
    value_at,
)
from juesuan.model.extras import Extras
from juesuan.model.subjects import SUBJECTS, is_subject, subject_name

_NAMES = {norm(name): key for key, name in SUBJECTS.items()}
_AMOUNTS = (
    ("上年决算数", "prior"),
    ("年初预算数", "budget_initial"),
    ("全年预算数", "budget_final"),
)
_REASONS = (("变动原因", "reasons"), ("预算差异原因", "budget_reasons"))


class _Acc:
    """The Extras under construction, as plain dicts."""

    def __init__(self) -> None:
        self.maps: dict[str, dict[str, Any]] = {
            name: {}
            for name in ("prior", "budget_initial", "budget_final", "reasons", "budget_reasons")
        }
        self.sub: dict[str, dict[str, Any]] = {
            "": {},
            "sangong_counts": {},
            "procurement": {},
            "assets": {},
            "performance": {},
        }
        self.seen: dict[str, str] = {}

    def build(self) -> Extras:
        return Extras(
            **self.maps,
            **self.sub[""],
            sangong_counts=self.sub["sangong_counts"],
            procurement=self.sub["procurement"],
            assets=self.sub["assets"],
            performance=self.sub["performance"],
        )


def _amounts(
    ctx: Ctx,
    sheet: Sheet,
    section: Section,
    r: int,
    acc: _Acc,
    key: str,
    label: str,
    reason_labels: tuple[tuple[str, str], ...],
) -> None:
    for header, target in _AMOUNTS:
        num = (
            ctx.num(sheet, r, section.col(header) or 0, row=label, code=key, column=header)
            if section.col(header) is not None
            else None
        )
        if num is not None:
            acc.maps[target][key] = num
    for header, target in reason_labels:
        text = text_at(sheet, r, section.col(header))
        if text:
            acc.maps[target][key] = text


def _duplicate(ctx: Ctx, sheet: Sheet, r: int, col: int, key: str, acc: _Acc) -> bool:
    where = f"{sheet.title}!{sheet.ws.cell(r, col).coordinate}"
    if key in acc.seen:
        ctx.problem(sheet, r, col, f'事项重复: "{key}"（已出现在 {acc.seen[key]}）')
        return True
    acc.seen[key] = where
    return False


def _has_values(sheet: Sheet, section: Section, r: int, skip: tuple[str, ...]) -> bool:
    skipped = {section.col(s) for s in skip}
    return any(sheet.value(r, c) is not None for c in section.columns.values() if c not in skipped)


def _compare(ctx: Ctx, sheet: Sheet, section: Section, acc: _Acc) -> None:
    if not require_columns(ctx, sheet, section, ("事项键",)):
        return
    key_col = section.col("事项键") or 1
    for r in section.rows:
        key = text_at(sheet, r, key_col)
        name = text_at(sheet, r, section.col("事项"))
        if not _has_values(sheet, section, r, ("事项键", "事项")):
            if key and not is_subject(key):
                ctx.problem(sheet, r, key_col, f'未知的事项键: "{key}"')
            continue
        if not key:
            key = _NAMES.get(norm(name), "")
            if not key:
                ctx.problem(
                    sheet, r, key_col, f"缺少事项键（事项“{name}”）" if name else "缺少事项键"
                )
                continue
        if not is_subject(key):
            ctx.problem(sheet, r, key_col, f'未知的事项键: "{key}"')
            continue
        if _duplicate(ctx, sheet, r, key_col, key, acc):
            continue
        _amounts(ctx, sheet, section, r, acc, key, name or subject_name(key), _REASONS)


def _item_budget(ctx: Ctx, sheet: Sheet, section: Section, acc: _Acc) -> None:
    if not require_columns(ctx, sheet, section, ("功能分类编码",)):
        return
    code_col = section.col("功能分类编码") or 1
    for r in section.rows:
        code = cell_code(value_at(sheet, r, code_col))
        name = text_at(sheet, r, section.col("科目名称"))
        if not code:
            if _has_values(sheet, section, r, ("功能分类编码",)):
                ctx.problem(sheet, r, code_col, f"缺少功能分类编码（科目名称“{name}”）")
            continue
        if not code.isdigit() or len(code) not in (3, 5, 7):
            ctx.problem(
                sheet, r, code_col, f'科目编码应为3、5或7位数字: "{sheet.text(r, code_col)}"'
            )
            continue
        key = f"func:{code}"
        if _duplicate(ctx, sheet, r, code_col, key, acc):
            continue
        _amounts(ctx, sheet, section, r, acc, key, name or code, (("差异原因", "budget_reasons"),))


def _kv(ctx: Ctx, sheet: Sheet, section: Section, spec: KvSection, acc: _Acc) -> None:
    if not require_columns(ctx, sheet, section, ("项目", "数值")):
        return
    label_col, value_col = section.col("项目") or 1, section.col("数值") or 2
    fields = {norm(spec.label(f)): f for f in spec.fields}
    target = acc.sub[spec.target]
    for r in section.rows:
        label = text_at(sheet, r, label_col)
        if sheet.value(r, value_col) is None:
            continue
        f = fields.get(norm(label))
        if f is None:
            ctx.problem(sheet, r, label_col, f'【{spec.title}】中没有这一项: "{label}"')
            continue
        value: Any
        if f.kind == "int":
            value = ctx.integer(sheet, r, value_col)
        elif f.kind == "num":
            value = ctx.num(sheet, r, value_col, row=label, column="数值")
        elif f.kind == "bool":
            picked = choice(ctx, sheet, r, value_col, BOOL_CHOICES)
            value = None if picked is None else picked == "是"
        else:
            value = choice(ctx, sheet, r, value_col, f.choices)
        if value is not None:
            target[f.field] = value


def _counts(ctx: Ctx, sheet: Sheet, section: Section, labels: tuple[str, str]) -> dict[str, int]:
    out: dict[str, int] = {}
    if not require_columns(ctx, sheet, section, labels):
        return out
    name_col, count_col = section.col(labels[0]) or 1, section.col(labels[1]) or 2
    for r in section.rows:
        name = text_at(sheet, r, name_col)
        count = ctx.integer(sheet, r, count_col)
        if count is None:
            continue
        if not name:
            ctx.problem(sheet, r, name_col, f"缺少{labels[0]}")
            continue
        out[name] = count
    return out


def read_extras(ctx: Ctx, sheet: Sheet) -> Extras:
    kv = {s.title: s for s in KV_SECTIONS}
    titles = (COMPARE_SECTION, ITEM_BUDGET_SECTION, VEHICLE_SECTION, GRADE_SECTION, *kv)
    acc = _Acc()
    for section in scan_sections(sheet, titles):
        if section.title == COMPARE_SECTION:
            _compare(ctx, sheet, section, acc)
        elif section.title == ITEM_BUDGET_SECTION:
            _item_budget(ctx, sheet, section, acc)
        elif section.title == VEHICLE_SECTION:
            acc.sub["assets"]["vehicles_by_category"] = _counts(
                ctx, sheet, section, ("车辆类别", "数量")
            )
        elif section.title == GRADE_SECTION:
            acc.sub["performance"]["grade_counts"] = _counts(
                ctx, sheet, section, ("等级", "项目数")
            )
        else:
            _kv(ctx, sheet, section, kv[section.title], acc)
    return acc.build()
