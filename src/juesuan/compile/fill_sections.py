"""Fill the 【section】 sheets: 基本信息, 部门概况, 补充数据, 绩效自评表, 绩效汇总."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import BaseModel

from juesuan.compile.cells import norm
from juesuan.compile.fill_xlsx import (
    Skipped,
    ensure_rows,
    find_row,
    put_int,
    put_num,
    put_text,
    text_of,
)
from juesuan.compile.layout import (
    CATEGORY_RATE_SUFFIX,
    COMPARE_SECTION,
    DEPARTMENTS_SECTION,
    DUTIES_SECTION,
    EXTRAS_SHEET,
    GRADE_SECTION,
    INFO_FIELDS,
    INFO_SHEET,
    ITEM_BUDGET_SECTION,
    KV_SECTIONS,
    MONEY_FORMAT,
    PERF_FUNDING_SECTION,
    PERF_GOAL_SECTION,
    PERF_INDICATOR_SECTION,
    PERF_INDICATOR_VALUE_COLUMNS,
    PERF_INFO_SECTION,
    PERF_SHEET,
    PERF_SUMMARY_SHEET,
    PROFILE_SHEET,
    STAFF_SECTION,
    SUMMARY_COLUMNS,
    UNITS_SECTION,
    VEHICLE_SECTION,
    KvSection,
)
from juesuan.compile.xlsxkit import header_cell, input_cells
from juesuan.model.disclosure import Disclosure
from juesuan.model.extras import Extras
from juesuan.model.figure import Num
from juesuan.model.perf import Evaluation, EvaluationSummaryRow
from juesuan.model.subjects import SUBJECTS, subject_name
from juesuan.model.tables import Table, TableId

Cell = Num | int | bool | str | None


@dataclass
class Block:
    """One 【title】 section: its header columns and data rows (``first`` .. ``first+size-1``)."""

    ws: Worksheet
    title_row: int
    columns: dict[str, int]
    first: int
    size: int

    def col(self, label: str) -> int:
        return self.columns[norm(label)]

    def grow(self, needed: int) -> None:
        self.size += ensure_rows(self.ws, self.first, self.size, needed)

    def rows(self) -> range:
        return range(self.first, self.first + self.size)


def block(ws: Worksheet, title: str) -> Block:
    """Locate a section by its 【title】: header on the next row, data up to the blank row."""
    top = find_row(ws, 1, f"【{title}】")
    header = top + 1
    columns = {
        norm(text_of(ws, header, c)): c
        for c in range(1, ws.max_column + 1)
        if text_of(ws, header, c)
    }
    end = ws.max_row + 1
    for r in range(header + 1, ws.max_row + 1):
        if text_of(ws, r, 1).startswith("【"):
            end = r - 1  # the blank row before the next section
            break
    return Block(ws, top, columns, header + 1, end - header - 1)


def put(ws: Worksheet, r: int, col: int, value: Cell) -> None:
    """Any model value into a cell: figures exactly, counts as integers, 是/否, text."""
    if isinstance(value, Num) or value is None:
        put_num(ws, r, col, value)
    elif isinstance(value, bool):
        put_text(ws, r, col, "是" if value else "否")
    elif isinstance(value, int):
        put_int(ws, r, col, value)
    else:
        put_text(ws, r, col, value)


def put_row(b: Block, r: int, values: dict[str, Cell]) -> None:
    for label, value in values.items():
        put(b.ws, r, b.col(label), value)


# ---------------------------------------------------------------- 基本信息 / 部门概况

TEMPLATE_LABELS = {"national": "全国通用", "shanghai": "上海", "other": "其他"}


def fill_info(wb: Workbook, d: Disclosure, skipped: Skipped) -> None:
    ws = wb[INFO_SHEET]
    meta = d.meta
    for info in INFO_FIELDS:
        r = find_row(ws, 1, info.label)
        value = getattr(meta, info.field)
        if info.field == "template":
            value = TEMPLATE_LABELS.get(str(value), str(value))
        put(ws, r, 2, value)
    if meta.document_kind != "部门决算":
        skipped.add(f"{INFO_SHEET}：模板没有“文件类型”一项（{meta.document_kind}），未写入")


def _lines(wb: Workbook, title: str, lines: Sequence[str]) -> None:
    b = block(wb[PROFILE_SHEET], title)
    b.grow(len(lines))
    for i, text in enumerate(lines):
        r = b.first + i
        if "序号" in b.columns:
            put_int(b.ws, r, b.col("序号"), i + 1)
        put_text(b.ws, r, b.col("内容"), text)


def fill_profile(wb: Workbook, d: Disclosure) -> None:
    p = d.profile
    _lines(wb, DUTIES_SECTION, p.duties)
    _lines(wb, DEPARTMENTS_SECTION, p.internal_departments)
    b = block(wb[PROFILE_SHEET], UNITS_SECTION)
    b.grow(len(p.units))
    for i, unit in enumerate(p.units):
        r = b.first + i
        put_int(b.ws, r, b.col("序号"), i + 1)
        put_row(
            b,
            r,
            {"单位名称": unit.name, "单位基本性质": unit.nature, "经费形式": unit.funding_form},
        )
    _lines(wb, STAFF_SECTION, p.staff_note.split("\n") if p.staff_note else [])


# ---------------------------------------------------------------- 补充数据

_AMOUNTS = (
    ("上年决算数", "prior"),
    ("年初预算数", "budget_initial"),
    ("全年预算数", "budget_final"),
)
_REASONS = (("变动原因", "reasons"), ("预算差异原因", "budget_reasons"))
_ITEM_REASONS = (("差异原因", "budget_reasons"),)


def _subject_values(e: Extras, key: str, reasons: tuple[tuple[str, str], ...]) -> dict[str, Cell]:
    out: dict[str, Cell] = {}
    for header, name in (*_AMOUNTS, *reasons):
        mapping: dict[str, Any] = getattr(e, name)
        if key in mapping:
            out[header] = mapping[key]
    return out


def _item_name(tables: Mapping[TableId, Table], code: str) -> str | None:
    """The 科目名称 of a 功能分类 code, as the coded tables print it."""
    ids: tuple[TableId, ...] = ("05", "03", "02", "07", "08")
    for table_id in ids:
        table = tables.get(table_id)
        row = table.find(code) if table is not None else None
        if row is not None and row.label:
            return row.label
    return None


def _extras_keys(e: Extras) -> tuple[list[str], list[str]]:
    """(compare-section keys outside the pre-listed subjects, 功能分类科目预算 keys)."""
    keys: dict[str, None] = {}
    for mapping in (e.prior, e.budget_initial, e.budget_final, e.reasons, e.budget_reasons):
        keys.update(dict.fromkeys(mapping))
    compare: list[str] = []
    items: list[str] = []
    for key in sorted(keys):
        if key in SUBJECTS:
            continue
        only_budget = key not in e.prior and key not in e.reasons
        (items if key.startswith("func:") and only_budget else compare).append(key)
    return compare, items


def _fill_compare(wb: Workbook, d: Disclosure) -> None:
    e = d.extras
    extra, items = _extras_keys(e)
    b = block(wb[EXTRAS_SHEET], COMPARE_SECTION)
    key_col = b.col("事项键")
    listed = {text_of(b.ws, r, key_col): r for r in b.rows() if text_of(b.ws, r, key_col)}
    b.grow(len(listed) + len(extra))
    for key, r in listed.items():
        put_row(b, r, _subject_values(e, key, _REASONS))
    for i, key in enumerate(extra):
        r = b.first + len(listed) + i
        name = _item_name(d.tables, key[5:]) if key.startswith("func:") else None
        put_row(b, r, {"事项键": key, "事项": name or subject_name(key)})
        put_row(b, r, _subject_values(e, key, _REASONS))
    b = block(wb[EXTRAS_SHEET], ITEM_BUDGET_SECTION)
    b.grow(len(items))
    for i, key in enumerate(items):
        r = b.first + i
        code = key.removeprefix("func:")
        put_row(b, r, {"功能分类编码": code, "科目名称": _item_name(d.tables, code)})
        put_row(b, r, _subject_values(e, key, _ITEM_REASONS))


def _fill_kv(wb: Workbook, e: Extras, section: KvSection) -> None:
    b = block(wb[EXTRAS_SHEET], section.title)
    model: BaseModel = getattr(e, section.target) if section.target else e
    value_col = b.col("数值")
    label_col = b.col("项目")
    for f in section.fields:
        r = next(r for r in b.rows() if norm(text_of(b.ws, r, label_col)) == norm(section.label(f)))
        put(b.ws, r, value_col, getattr(model, f.field))


def _fill_counts(wb: Workbook, title: str, counts: dict[str, int]) -> None:
    b = block(wb[EXTRAS_SHEET], title)
    listed = {text_of(b.ws, r, 1): r for r in b.rows() if text_of(b.ws, r, 1)}
    extra = [name for name in counts if name not in listed]
    b.grow(len(listed) + len(extra))
    for i, name in enumerate(extra):
        listed[name] = b.first + len(listed) + i
        put_text(b.ws, listed[name], 1, name)
    for name, count in counts.items():
        put_int(b.ws, listed[name], 2, count)


def fill_extras(wb: Workbook, d: Disclosure) -> None:
    _fill_compare(wb, d)
    for section in KV_SECTIONS:
        _fill_kv(wb, d.extras, section)
    _fill_counts(wb, VEHICLE_SECTION, d.extras.assets.vehicles_by_category)
    _fill_counts(wb, GRADE_SECTION, d.extras.performance.grade_counts)


# ---------------------------------------------------------------- 绩效自评表 / 绩效汇总

KIND_LABELS = {"project": "项目", "department": "部门整体"}


def _evaluations(d: Disclosure, skipped: Skipped) -> list[Evaluation]:
    out: list[Evaluation] = []
    names: set[str] = set()
    for ev in d.evaluations:
        if not ev.name.strip() or ev.name in names:
            what = "项目名称为空" if not ev.name.strip() else f"项目“{ev.name}”重复"
            skipped.add(f"{PERF_SHEET}：{what}，这张自评表未写入")
            continue
        names.add(ev.name)
        out.append(ev)
    return out


def _value_columns(b: Block) -> dict[str, int]:
    """Add the numeric 年度指标值/实际完成值 columns after the indicator section's header."""
    out: dict[str, int] = {}
    col = max(b.columns.values())
    for header in PERF_INDICATOR_VALUE_COLUMNS.values():
        col += 1
        header_cell(b.ws, b.title_row + 1, col, header)
        for r in b.rows():
            input_cells(b.ws, r, (col,), MONEY_FORMAT)
        out[header] = col
        b.columns[norm(header)] = col
    return out


def fill_evaluations(wb: Workbook, d: Disclosure, skipped: Skipped) -> None:
    evals = _evaluations(d, skipped)
    ws = wb[PERF_SHEET]
    b = block(ws, PERF_INFO_SECTION)
    b.grow(len(evals))
    for r, ev in zip(b.rows(), evals, strict=False):
        put_row(
            b,
            r,
            {
                "项目名称": ev.name,
                "类型": KIND_LABELS[ev.kind],
                "主管部门": ev.department,
                "实施单位": ev.implementer,
                "年度": ev.year,
                "预算执行率分值": ev.execution_weight,
                "预算执行率得分": ev.execution_score,
                "总分": ev.total_score,
                "评价等级": ev.grade,
                "评分规则": ev.profile,
                "存在问题及整改措施": ev.problems,
            },
        )
    funding = [(ev.name, line) for ev in evals for line in ev.funding]
    b = block(ws, PERF_FUNDING_SECTION)
    b.grow(len(funding))
    for r, (name, line) in zip(b.rows(), funding, strict=False):
        put_row(
            b,
            r,
            {
                "项目名称": name,
                "资金来源": line.label,
                "年初预算数": line.initial_budget,
                "全年预算数": line.annual_budget,
                "全年执行数": line.executed,
                "分值": line.weight,
                "执行率（%）": line.rate,
                "得分": line.score,
            },
        )
    goals = [(ev.name, goal) for ev in evals for goal in ev.goals]
    b = block(ws, PERF_GOAL_SECTION)
    b.grow(len(goals))
    for r, (name, goal) in zip(b.rows(), goals, strict=False):
        put_row(
            b,
            r,
            {
                "项目名称": name,
                "年度预期目标": goal.target,
                "实际完成情况": goal.achieved,
                "完成率（%）": goal.completion_rate,
            },
        )
    indicators = [(ev.name, ind) for ev in evals for ind in ev.indicators]
    b = block(ws, PERF_INDICATOR_SECTION)
    b.grow(len(indicators))
    _value_columns(b)
    target_col, actual_col = PERF_INDICATOR_VALUE_COLUMNS.values()
    for r, (name, ind) in zip(b.rows(), indicators, strict=False):
        if not ind.level1.strip():
            skipped.add(f"{PERF_SHEET}：项目“{name}”有一条绩效指标缺少一级指标，未写入")
            continue
        put_row(
            b,
            r,
            {
                "项目名称": name,
                "一级指标": ind.level1,
                "二级指标": ind.level2,
                "三级指标": ind.level3,
                "指标说明": ind.description,
                "分值": ind.weight,
                "符号": ind.operator,
                "年度指标值": ind.target_text,
                "计量单位": ind.unit,
                "实际完成值": ind.actual_text,
                "完成情况": ind.status,
                "得分": ind.score,
                "偏差度（%）": ind.deviation,
                "偏差原因及改进措施": ind.reason,
                target_col: ind.target,
                actual_col: ind.actual,
            },
        )


def _category_header(category: str) -> str:
    return f"{category}{CATEGORY_RATE_SUFFIX.replace('(%)', '（%）')}"


def fill_summary(wb: Workbook, rows: list[EvaluationSummaryRow]) -> None:
    ws = wb[PERF_SUMMARY_SHEET]
    header = find_row(ws, 1, SUMMARY_COLUMNS[0])
    columns = {
        norm(text_of(ws, header, c)): c
        for c in range(1, ws.max_column + 1)
        if text_of(ws, header, c)
    }
    last = max(columns.values())
    for row in rows:
        for category in row.category_rates:
            label = _category_header(category)
            if norm(label) not in columns:
                last += 1
                header_cell(ws, header, last, label)
                for r in range(header + 1, ws.max_row + 1):
                    input_cells(ws, r, (last,), MONEY_FORMAT)
                columns[norm(label)] = last
    b = Block(ws, header - 1, columns, header + 1, ws.max_row - header)
    b.grow(len(rows))
    for r, item in zip(b.rows(), rows, strict=False):
        values: dict[str, Cell] = {
            "项目名称": item.name,
            "全年预算数": item.annual_budget,
            "全年执行数": item.executed,
            "预算执行率（%）": item.rate,
            "自评得分": item.score,
            "评价结果": item.grade,
        }
        values |= {_category_header(k): v for k, v in item.category_rates.items()}
        put_row(b, r, values)
