"""Summary rows: 项目自评汇总表, a 序号/项目名称/自评得分/评价结果 list, and a report's
per-project score list in prose ("1、X项目自评分数为99分，等级为优秀。其中预算执行情况（10分），
得分10分；资金管理情况（20分），得分19分；…")."""

from __future__ import annotations

import bisect
import re
from decimal import Decimal

from juesuan.extract.context import Context
from juesuan.extract.perf_cells import TABLE, Cells, cells_of, key
from juesuan.model.figure import Num
from juesuan.model.memo import text_cache
from juesuan.model.perf import EvaluationSummaryRow
from juesuan.perf.matching import name_key
from juesuan.read.layout import Line

# One item: "N、X项目自评分数为S分，等级为G", at the start of the text or after 。；; or a line
# break.  Two patterns rather than one ``(?:^|[。；;\n])…``: a pattern that starts with a
# character class lets the regex engine skip quickly to the candidates.
_ITEM_BODY = (
    r"\s*(\d{1,3})\s*[、.．]\s*([^。；;\n]{2,120}?)项目自评(?:分数|得分)为\s*"
    r"(\d+(?:\.\d+)?)\s*分\s*[，,]\s*等级为\s*(优秀|优|良好|良|中等|中|合格|不合格|较差|差)"
)
_ITEM_FIRST = re.compile(_ITEM_BODY)
_ITEM = re.compile(r"[。；;\n]" + _ITEM_BODY)
_NUMBERED = re.compile(r"^\d{1,3}\s*[、.．]")
_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
_CATEGORY = re.compile(
    r"(预算执行情况|资金管理情况|成本指标|产出指标|效益指标|满意度指标)\s*[（(]\s*(\d+(?:\.\d+)?)\s*分\s*"
    r"[)）]\s*[，,]?\s*得分\s*(\d+(?:\.\d+)?)\s*分?"
)
_EXECUTION_CATEGORY = "预算执行情况"
_HUNDRED = Decimal(100)
_TITLES = {
    "annual": "全年预算数",
    "executed": "全年执行数",
    "rate": "预算执行率",
    "score": "自评得分",
}
_CENT = Decimal("0.01")
_NAME = "项目名称"


# --- tables -----------------------------------------------------------------------------
@text_cache(8192)
def _column(text: str) -> str | None:
    k = key(text)
    if "系统查询" in k:
        return None
    if k.endswith("得分率"):
        return "rate:" + k[: -len("得分率")]
    if "执行率" in k:
        return "rate"
    if "执行数" in k:
        return "executed"
    if "预算数" in k:
        return "annual"
    if k in ("自评得分", "得分", "评价得分", "绩效自评得分"):
        return "score"
    if k in ("评价结果", "评价等级", "自评等级", "等级", "自评结果"):
        return "grade"
    if k == _NAME:
        return "name"
    return None


def is_summary_header(cells: Cells) -> bool:
    """A 项目名称 … 自评得分 header row (not an indicator header)."""
    keys = {c.key for _, c in cells}
    if _NAME not in keys or "一级指标" in keys:  # _column(t) == "name" iff key(t) == 项目名称
        return False
    return any(_column(c.text) == "score" for _, c in cells)


def parse_summary_table(
    lines: list[Line], ctx: Context, cells: list[Cells] | None = None
) -> list[EvaluationSummaryRow]:
    """Rows of a summary table; ``lines[0]`` is its header row.  ``cells`` may give
    ``cells_of`` of each line when the caller has it."""
    if cells is None:
        cells = [cells_of(line) for line in lines]
    header = {i: col for i, c in cells[0] if (col := _column(c.text)) is not None}
    name_col = next(i for i, c in header.items() if c == "name")
    rows: list[EvaluationSummaryRow] = []
    for line, line_cells in zip(lines[1:], cells[1:], strict=True):
        by_col = {i: c.text for i, c in line_cells}
        name = by_col.get(name_col, "")
        if not name or is_summary_header(line_cells):
            continue
        prov = ctx.prov(line, TABLE, name)
        values: dict[str, Num] = {}
        rates: dict[str, Num] = {}
        grade: str | None = None
        for index, col in header.items():
            text = by_col.get(index, "")
            if not text or col == "name":
                continue
            if col == "grade":
                grade = text
            else:
                title = _TITLES.get(col, col[5:] + "得分率")
                num = ctx.number(text, ctx.prov(line, TABLE, name, column=title))
                if num is None:
                    continue
                if col.startswith("rate:"):
                    rates[col[5:]] = num
                else:
                    values[col] = num
        if not values and not rates and grade is None:
            continue
        row = EvaluationSummaryRow(
            name=name,
            annual_budget=values.get("annual"),
            executed=values.get("executed"),
            rate=values.get("rate"),
            category_rates=rates,
            score=values.get("score"),
            grade=grade,
            prov=prov,
        )
        rows.append(row)
    return rows


# --- prose --------------------------------------------------------------------------------
def prose_rows(
    lines: list[Line], ctx: Context, whole: str | None = None
) -> list[EvaluationSummaryRow]:
    """The report's numbered list "N、X项目自评分数为S分，等级为G。其中…（W分），得分P分…".
    ``whole``: the lines' texts joined by line breaks, when the caller has it."""
    if whole is None:
        whole = "\n".join([line.text for line in lines])
    if "项目自评分数为" not in whole and "项目自评得分为" not in whole:  # neither spans lines
        return []
    parts: list[str] = []
    starts: list[int] = []
    owners: list[Line] = []
    offset = 0
    for line in lines:
        text = line.text
        if "\t" in text:
            text = text.replace("\t", " ")
        text = text.strip()
        if not text:
            continue
        # \d is what isdecimal() holds for: a quick test before the pattern
        if parts and text[0].isdecimal() and _NUMBERED.match(text):
            parts.append("\n")
            offset += 1
        starts.append(offset)
        owners.append(line)
        parts.append(text)
        offset += len(text)
    joined = "".join(parts)
    matches = _items(joined)
    rows: list[EvaluationSummaryRow] = []
    for n, m in enumerate(matches):
        end = matches[n + 1].start() if n + 1 < len(matches) else min(len(joined), m.end() + 600)
        segment = joined[m.end() : end]
        line = owners[max(bisect.bisect_right(starts, m.start(2)) - 1, 0)]
        name = _CJK_SPACE.sub("", m.group(2).strip())
        prov = ctx.prov(line, TABLE, name)
        score = Num.of(m.group(3), prov)
        rates: dict[str, Num] = {}
        total = Decimal(0)
        found = False
        for c in _CATEGORY.finditer(segment):
            category, weight, points = c.group(1), Decimal(c.group(2)), Decimal(c.group(3))
            total += points
            found = True
            if category == _EXECUTION_CATEGORY or weight == 0 or category in rates:
                continue
            rate = points / weight * _HUNDRED
            if rate != rate.quantize(_CENT):
                rate = rate.quantize(_CENT)
            column = f"{category}得分率（由得分÷分值推算）"
            rates[category] = Num.of(
                format(rate.normalize(), "f"), ctx.prov(line, TABLE, name, column=column)
            )
        if found and abs(total - score.value) > Decimal("0.005"):
            ctx.notice(
                f"第{line.no}行 项目「{name}」各类指标得分之和 {total}"
                f"与自评分数 {score.value} 不符",
                prov,
            )
        rows.append(
            EvaluationSummaryRow(
                name=name, category_rates=rates, score=score, grade=m.group(4), prov=prov
            )
        )
    return rows


def _items(text: str) -> list[re.Match[str]]:
    """The items of the list, exactly as one pattern "(at the start, or after 。；; or a line
    break) + the body" would find them with ``finditer``."""
    first = _ITEM_FIRST.match(text)
    if first is None:
        return list(_ITEM.finditer(text))
    return [first, *_ITEM.finditer(text, first.end())]


# --- merging ----------------------------------------------------------------------------
def merge_summaries(
    tables: list[list[EvaluationSummaryRow]], prose: list[EvaluationSummaryRow], ctx: Context
) -> list[EvaluationSummaryRow]:
    """One list: the prose list when there is one, each table row merged into the prose row
    of the same project (a conflicting score is reported, the prose row kept)."""
    seen: dict[str, EvaluationSummaryRow] = {}
    for row in prose:
        k = name_key(row.name)
        if k in seen:
            ctx.notice(f"报告所列项目「{row.name}」出现不止一次", row.prov)
        seen.setdefault(k, row)
    result = list(prose)
    merged: set[int] = set()
    for table in tables:
        for row in table:
            k = name_key(row.name)
            hit = next(
                (
                    i
                    for i, p in enumerate(result)
                    if i not in merged and name_key(p.name) == k and i < len(prose)
                ),
                None,
            )
            if hit is None:
                result.append(row)
                continue
            base = result[hit]
            if (
                row.score is not None
                and base.score is not None
                and row.score.value != base.score.value
            ):
                where = f"第{row.prov.line}行" if row.prov and row.prov.line else "表中"
                there = f"第{base.prov.line}行" if base.prov and base.prov.line else "报告中"
                ctx.notice(
                    f"项目「{row.name}」的自评得分前后不一致：{where}为 {row.score.value}，"
                    f"{there}为 {base.score.value}",
                    row.prov,
                )
                merged.add(hit)
                continue
            result[hit] = row.model_copy(
                update={
                    "score": row.score or base.score,
                    "grade": row.grade or base.grade,
                    "category_rates": row.category_rates or base.category_rates,
                }
            )
            merged.add(hit)
    return result
