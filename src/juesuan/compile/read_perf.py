"""Read 绩效自评表 (Evaluation) and 绩效汇总 (EvaluationSummaryRow)."""

from __future__ import annotations

import re
from typing import Any

from juesuan.compile.cells import norm
from juesuan.compile.grid import Ctx, Sheet
from juesuan.compile.layout import (
    CATEGORY_RATE_SUFFIX,
    OPERATOR_ALIASES,
    OPERATORS,
    PERF_FUNDING_SECTION,
    PERF_GOAL_SECTION,
    PERF_INDICATOR_SECTION,
    PERF_INDICATOR_VALUE_COLUMNS,
    PERF_INFO_SECTION,
    PERF_KINDS,
    PERF_SECTIONS,
)
from juesuan.compile.sections import Section, choice, require_columns, scan_sections, text_at
from juesuan.model.figure import Num
from juesuan.model.numbers import NotANumberError, parse_printed
from juesuan.model.perf import Evaluation, EvaluationSummaryRow, FundingLine, Goal, Indicator

NAME = "项目名称"
_OPERATOR_CHOICES = {**{op: op for op in OPERATORS}, **OPERATOR_ALIASES}
_LEADING_OPERATOR = re.compile(r"^\s*(>=|<=|≥|≤|≧|≦|=|＝|>|<)\s*")


def _nums(
    ctx: Ctx, sheet: Sheet, section: Section, r: int, name: str, fields: tuple[tuple[str, str], ...]
) -> dict[str, Num]:
    out: dict[str, Num] = {}
    for header, field in fields:
        col = section.col(header)
        if col is None:
            continue
        num = ctx.num(sheet, r, col, row=name, column=header)
        if num is not None:
            out[field] = num
    return out


def _texts(
    sheet: Sheet, section: Section, r: int, fields: tuple[tuple[str, str], ...]
) -> dict[str, str]:
    out: dict[str, str] = {}
    for header, field in fields:
        text = text_at(sheet, r, section.col(header))
        if text:
            out[field] = text
    return out


def _info(ctx: Ctx, sheet: Sheet, section: Section, evals: dict[str, dict[str, Any]]) -> None:
    if not require_columns(ctx, sheet, section, (NAME,)):
        return
    name_col = section.col(NAME) or 1
    for r in section.rows:
        name = text_at(sheet, r, name_col)
        if not name:
            if any(sheet.value(r, c) is not None for c in section.columns.values()):
                ctx.problem(sheet, r, name_col, "缺少项目名称")
            continue
        if name in evals:
            ctx.problem(sheet, r, name_col, f'项目重复: "{name}"')
            continue
        data: dict[str, Any] = {"name": name, "prov": ctx.prov(sheet, r, name_col, row=name)}
        kind = choice(ctx, sheet, r, section.col("类型"), PERF_KINDS, ("项目", "部门整体"))
        if kind is not None:
            data["kind"] = kind
        year_col = section.col("年度")
        if year_col is not None and sheet.value(r, year_col) is not None:
            data["year"] = ctx.integer(sheet, r, year_col)
        data |= _texts(
            sheet,
            section,
            r,
            (
                ("主管部门", "department"),
                ("实施单位", "implementer"),
                ("评价等级", "grade"),
                ("评分规则", "profile"),
                ("存在问题及整改措施", "problems"),
            ),
        )
        data |= _nums(
            ctx,
            sheet,
            section,
            r,
            name,
            (
                ("预算执行率分值", "execution_weight"),
                ("预算执行率得分", "execution_score"),
                ("总分", "total_score"),
            ),
        )
        data.update(funding=[], goals=[], indicators=[])
        evals[name] = data


def _owner(
    ctx: Ctx, sheet: Sheet, section: Section, r: int, evals: dict[str, dict[str, Any]]
) -> dict[str, Any] | None:
    name_col = section.col(NAME) or 1
    name = text_at(sheet, r, name_col)
    if not any(sheet.value(r, c) is not None for c in section.columns.values() if c != name_col):
        return None
    if not name:
        ctx.problem(sheet, r, name_col, "缺少项目名称")
        return None
    if name not in evals:
        ctx.problem(sheet, r, name_col, f"项目“{name}”未在【{PERF_INFO_SECTION}】中登记")
        return None
    return evals[name]


def _funding(ctx: Ctx, sheet: Sheet, section: Section, evals: dict[str, dict[str, Any]]) -> None:
    if not require_columns(ctx, sheet, section, (NAME,)):
        return
    for r in section.rows:
        owner = _owner(ctx, sheet, section, r, evals)
        if owner is None:
            continue
        label = text_at(sheet, r, section.col("资金来源")) or "年度资金总额"
        nums = _nums(
            ctx,
            sheet,
            section,
            r,
            owner["name"],
            (
                ("年初预算数", "initial_budget"),
                ("全年预算数", "annual_budget"),
                ("全年执行数", "executed"),
                ("分值", "weight"),
                ("执行率（%）", "rate"),
                ("得分", "score"),
            ),
        )
        col = section.col(NAME) or 1
        owner["funding"].append(
            FundingLine(label=label, prov=ctx.prov(sheet, r, col, row=label), **nums)
        )


def _goals(ctx: Ctx, sheet: Sheet, section: Section, evals: dict[str, dict[str, Any]]) -> None:
    if not require_columns(ctx, sheet, section, (NAME,)):
        return
    for r in section.rows:
        owner = _owner(ctx, sheet, section, r, evals)
        if owner is None:
            continue
        texts = _texts(
            sheet, section, r, (("年度预期目标", "target"), ("实际完成情况", "achieved"))
        )
        nums = _nums(ctx, sheet, section, r, owner["name"], (("完成率（%）", "completion_rate"),))
        owner["goals"].append(Goal(**texts, **nums))


def _from_text(
    ctx: Ctx, sheet: Sheet, r: int, col: int | None, label: str, header: str
) -> tuple[str, str | None, Num | None]:
    """(text, leading operator, number) of a 年度指标值 / 实际完成值 text cell."""
    if col is None or sheet.value(r, col) is None:
        return "", None, None
    value = sheet.value(r, col)
    if not isinstance(value, str):
        num = ctx.num(sheet, r, col, row=label, column=header)
        return sheet.text(r, col), None, num
    text = value.strip()
    match = _LEADING_OPERATOR.match(text)
    operator = _OPERATOR_CHOICES.get(match.group(1), match.group(1)) if match else None
    rest = text[match.end() :] if match else text
    try:
        printed = parse_printed(rest)
    except NotANumberError:
        return text, operator, None
    if printed.value is None:
        return text, operator, None
    prov = ctx.prov(sheet, r, col, row=label, column=header)
    return text, operator, Num(value=printed.value, decimals=printed.decimals, raw=text, prov=prov)


def _measured(
    ctx: Ctx, sheet: Sheet, section: Section, r: int, label: str, header: str
) -> tuple[str, str | None, Num | None]:
    """The text cell, with the figure of the optional numeric column when that is filled."""
    text, operator, num = _from_text(ctx, sheet, r, section.col(header), label, header)
    value_header = PERF_INDICATOR_VALUE_COLUMNS[header]
    value_col = section.col(value_header)
    if value_col is None or sheet.value(r, value_col) is None:
        return text, operator, num
    exact = ctx.num(sheet, r, value_col, row=label, column=value_header)
    if exact is not None and num is not None and exact.value != num.value:
        ctx.problem(
            sheet, r, value_col, f"“{value_header}”与“{header}”不一致: {exact.value} ≠ {num.value}"
        )
    return text, operator, exact


def _indicators(ctx: Ctx, sheet: Sheet, section: Section, evals: dict[str, dict[str, Any]]) -> None:
    if not require_columns(ctx, sheet, section, (NAME, "一级指标")):
        return
    for r in section.rows:
        owner = _owner(ctx, sheet, section, r, evals)
        if owner is None:
            continue
        level1_col = section.col("一级指标") or 1
        level1 = text_at(sheet, r, level1_col)
        texts = _texts(
            sheet,
            section,
            r,
            (
                ("二级指标", "level2"),
                ("三级指标", "level3"),
                ("指标说明", "description"),
                ("计量单位", "unit"),
                ("完成情况", "status"),
                ("偏差原因及改进措施", "reason"),
            ),
        )
        label = texts.get("level3") or texts.get("level2") or level1
        operator = choice(ctx, sheet, r, section.col("符号"), _OPERATOR_CHOICES, OPERATORS)
        if not level1:
            ctx.problem(sheet, r, level1_col, "缺少一级指标")
            continue
        target_text, target_op, target = _measured(ctx, sheet, section, r, label, "年度指标值")
        actual_text, _, actual = _measured(ctx, sheet, section, r, label, "实际完成值")
        nums = _nums(
            ctx,
            sheet,
            section,
            r,
            label,
            (("分值", "weight"), ("得分", "score"), ("偏差度（%）", "deviation")),
        )
        owner["indicators"].append(
            Indicator(
                level1=level1,
                operator=operator or target_op,
                target_text=target_text,
                target=target,
                actual_text=actual_text,
                actual=actual,
                prov=ctx.prov(sheet, r, level1_col, row=label),
                **texts,
                **nums,
            )
        )


def read_evaluations(ctx: Ctx, sheet: Sheet) -> list[Evaluation]:
    evals: dict[str, dict[str, Any]] = {}
    sections = scan_sections(sheet, PERF_SECTIONS)
    readers = {
        PERF_FUNDING_SECTION: _funding,
        PERF_GOAL_SECTION: _goals,
        PERF_INDICATOR_SECTION: _indicators,
    }
    for section in sections:
        if section.title == PERF_INFO_SECTION:
            _info(ctx, sheet, section, evals)
    for section in sections:
        if section.title in readers:
            readers[section.title](ctx, sheet, section, evals)
    return [Evaluation(**data) for data in evals.values()]


def read_summary(ctx: Ctx, sheet: Sheet) -> list[EvaluationSummaryRow]:
    header = None
    for r in range(1, min(sheet.max_row, 10) + 1):
        col = sheet.find_in_row(r, (NAME,))
        if col is not None:
            header = (r, col)
            break
    if header is None:
        ctx.problem(sheet, 0, 0, "找不到表头“项目名称”")
        return []
    header_row, name_col = header
    fixed = {
        "全年预算数": "annual_budget",
        "全年执行数": "executed",
        "预算执行率(%)": "rate",
        "自评得分": "score",
    }
    columns: dict[int, str] = {c: sheet.key(header_row, c) for c in range(1, sheet.max_col + 1)}
    grade_col = next((c for c, k in columns.items() if k in ("评价结果", "评价等级")), None)
    out: list[EvaluationSummaryRow] = []
    for r in range(header_row + 1, sheet.max_row + 1):
        name = sheet.text(r, name_col)
        if not any(sheet.value(r, c) is not None for c in columns if c != name_col):
            continue
        if not name:
            ctx.problem(sheet, r, name_col, "缺少项目名称")
            continue
        data: dict[str, Any] = {"name": name, "category_rates": {}}
        for c, key in columns.items():
            if key in fixed:
                num = ctx.num(sheet, r, c, row=name, column=sheet.text(header_row, c))
                if num is not None:
                    data[fixed[key]] = num
            elif key.endswith(norm(CATEGORY_RATE_SUFFIX)) and key != norm(CATEGORY_RATE_SUFFIX):
                num = ctx.num(sheet, r, c, row=name, column=sheet.text(header_row, c))
                if num is not None:
                    data["category_rates"][key[: -len(norm(CATEGORY_RATE_SUFFIX))]] = num
        grade = sheet.text(r, grade_col) if grade_col is not None else ""
        out.append(
            EvaluationSummaryRow(
                grade=grade or None, prov=ctx.prov(sheet, r, name_col, row=name), **data
            )
        )
    return out
