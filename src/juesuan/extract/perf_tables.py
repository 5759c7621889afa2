"""绩效自评表 → :class:`~juesuan.model.perf.Evaluation` and summary rows.

``extract_evaluations(lines, ctx, unit_name=...)`` finds every 项目支出绩效自评表 (titles
"预算项目绩效自评表", "绩效目标自评表", "项目支出绩效自评表"), every 部门整体（支出）自评表
(``kind="department"``), the summary tables (项目自评汇总表, a 序号/项目名称/自评得分/评价结果
list) and a report's per-project score list in prose, and reads them into the model.

The exports are damaged in known ways — cells shifted, merged 一级/二级 cells left blank,
operators glued to numbers (``10.00≥``), wrapped numbers (``5.0 0``), lost cells, OCR-garbled
unit names — so each row is read by column position only when it is aligned with its
header, else by content.  What is recovered or could not be read is said in a notice with
its line; nothing here raises except :class:`~juesuan.errors.JuesuanError`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter

from juesuan.extract.context import Context, trusted
from juesuan.extract.perf_cells import (
    LEVEL2_PARENT,
    TABLE,
    Cell,
    Cells,
    category_word,
    cells_of,
    clean,
    has_cjk,
    is_level2,
    is_number,
    is_scale,
    key,
    level1_canonical,
    line_key,
    strip_label_prefix,
)
from juesuan.extract.perf_funding import (
    FundingHeader,
    FundingRow,
    header_layout,
    header_order,
    parse_funding_row,
)
from juesuan.extract.perf_rows import (
    HEADER_MARKS,
    IndicatorHeader,
    indicator_header,
    parse_indicator_row,
)
from juesuan.extract.perf_summary import (
    is_summary_header,
    merge_summaries,
    parse_summary_table,
    prose_rows,
)
from juesuan.extract.perf_units import MESSAGE as UNIT_MESSAGE
from juesuan.extract.perf_units import garbled
from juesuan.model.figure import Num
from juesuan.model.memo import text_cache
from juesuan.model.perf import Evaluation, EvaluationSummaryRow, FundingLine, Goal, Indicator
from juesuan.model.provenance import Prov
from juesuan.perf.matching import name_key
from juesuan.perf.profile import list_profiles
from juesuan.perf.quantity import Quantity, parse_quantity
from juesuan.read.layout import Line

__all__ = ["extract_evaluations"]

_TITLE = re.compile(
    r"(绩效自评表|绩效目标自评表|部门整体自评表|整体支出绩效自评表|部门整体支出自评表)"
)
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度")
_HEADING = re.compile(
    r"^(第[一二三四五六七八九十]+部分|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)"
)
_TOTAL = frozenset({"总分", "自评总分", "总得分", "综合得分", "自评得分合计"})
_EXECUTION = frozenset(
    {
        "预算执行率",
        "预算执行",
        "预算执行情况",
        "预算执行率指标",
        "预算执行率得分",
        "预算执行率分值",
        "预算执行情况得分",
    }
)
_GRADE = ("评价等级", "自评等级", "绩效等级", "评价结果")
_PROFILE_LABEL = "评分规则"
_GOAL_HEADERS = frozenset(
    {
        "年度预期目标",
        "年初设定目标",
        "预期目标",
        "任务名称",
        "具体完成情况",
        "实际完成情况",
        "年度总体目标完成情况综述",
        "主要内容",
    }
)
_GOAL_LABELS = ("年度总体目标", "年度履职目标", "年度主要任务")
_SUBHEADER = frozenset({"符号", "值", "单位(文字描述)", "单位", "文字描述)"})
_SPECIAL_KEYS = _SUBHEADER | HEADER_MARKS | _EXECUTION | _TOTAL
_INFO_LABELS: tuple[tuple[str, str | None], ...] = (
    ("项目名称主管部门", "name+department"),
    ("实施主管单位", "department"),
    ("项目名称", "name"),
    ("主管部门", "department"),
    ("实施单位", "implementer"),
    ("部门(单位)名称", "name"),
    ("部门名称", "name"),
    ("单位名称", "name"),
    ("项目负责人及电话", None),
    ("项目负责人", None),
    ("项目级次", None),
    ("金额单位", None),
    ("得分", None),
    ("分值", None),
)
_HENAN = ("河南省", "豫财", "豫政")
_MAX_TITLE = 48
_NAME_CHAR = "称"  # in every summary header (its 项目名称 cell)
_TABLE_CHAR = "表"  # in every title
_TEXT = attrgetter("text")
_LIST_ITEM = re.compile(r"^\s*(?:[-•·*]\s*)?\d{1,2}\s*[.．、]")


_FUNDING_TITLES = (  # FundingRow.values field → its column title
    ("initial", "年初预算数"),
    ("annual", "全年预算数"),
    ("executed", "全年执行数"),
    ("weight", "分值"),
    ("rate", "执行率"),
    ("score", "得分"),
)


# --- entry point ----------------------------------------------------------------------
def extract_evaluations(
    lines: Sequence[Line], ctx: Context, *, unit_name: str | None = None
) -> tuple[list[Evaluation], list[EvaluationSummaryRow]]:
    """All self-evaluation tables and summary rows of a document, with notices in ``ctx``."""
    lines = list(lines)
    evaluations: list[Evaluation] = []
    tables: list[list[EvaluationSummaryRow]] = []
    for region in _regions(lines):
        try:
            if region.kind == "summary":
                tables.append(parse_summary_table(region.lines, ctx, region.cells))
                continue
            ev = _Builder(ctx, region, unit_name).build()
        except (ValueError, ArithmeticError, LookupError, TypeError) as exc:
            ctx.notice(
                f"第{region.lines[0].no}行起的绩效自评表无法解析，已跳过（{exc}）",
                ctx.prov(region.lines[0], TABLE),
            )
            continue
        if ev is not None:
            evaluations.append(ev)
    whole = "\n".join(map(_TEXT, lines))
    try:
        prose = prose_rows(lines, ctx, whole)
    except (ValueError, ArithmeticError, LookupError, TypeError) as exc:  # pragma: no cover
        ctx.notice(f"报告中的项目得分清单无法解析（{exc}）", Prov(file=ctx.file, table=TABLE))
        prose = []
    summary = merge_summaries(tables, prose, ctx)
    _mark_duplicates(evaluations, ctx)
    unset = [ev for ev in evaluations if ev.profile is None]
    if unset and _mentions_henan(whole):
        for ev in unset:
            ev.profile = "henan"
    return evaluations, summary


def _mentions_henan(whole: str) -> bool:
    """A 河南 document (its tables are scored under the henan profile); ``whole``: the
    lines' texts joined by line breaks (no marker spans a line break)."""
    return any(marker in whole for marker in _HENAN)


# --- regions ----------------------------------------------------------------------------


@dataclass
class _Region:
    kind: str  # "project" | "department" | "summary"
    title: Line | None
    lines: list[Line] = field(default_factory=list)
    cells: list[Cells] = field(default_factory=list)  # ``cells_of`` of each line, in step

    def add(self, line: Line, cells: Cells) -> None:
        self.lines.append(line)
        self.cells.append(cells)


def _line_key(line: Line) -> str:
    """The key a title or a region's end is read from; ``""`` for a table row with more
    than one non-blank cell (never a title or an end)."""
    if line.is_row:
        filled = 0
        for cell in line.cells:
            if cell.text.strip():
                filled += 1
                if filled > 1:
                    return ""
    return line_key(line.text)


def _title_kind(k: str) -> str | None:
    """The kind of table a line titles, from its :func:`_line_key`."""
    if not k or len(k) > _MAX_TITLE or not _TITLE.search(k):
        return None
    if "汇总" in k or "。" in k or "，" in k or k.startswith(("后附", "详见")):
        return None
    return "department" if "整体" in k else "project"


def _ends_region(k: str) -> bool:
    """Whether a line ends the table above it, from its :func:`_line_key`."""
    if not k:
        return False
    return "汇总表" in k or bool(_HEADING.match(k)) or len(k) > _MAX_TITLE


def _regions(lines: list[Line]) -> list[_Region]:
    regions: list[_Region] = []
    current: _Region | None = None
    for line in lines:  # plain tests inlined: this runs on every line of the document
        is_row = len(line.cells) > 1  # line.is_row
        # Every title names a …自评表, and 表 is the only character whose NFKC form contains
        # 表: a quick test before cleaning the text.
        if _TABLE_CHAR in line.text:
            kind = _title_kind(_line_key(line))
            if kind is not None:
                current = _Region(kind, line)
                current.add(line, cells_of(line))
                regions.append(current)
                continue
        cells: Cells | None = None
        if is_row and _NAME_CHAR in line.text:  # a line's text holds its cells' texts
            # A summary header has a cell reading 项目名称, and 称 is the only character whose
            # NFKC form contains 称: a quick test before cleaning the cells.
            for cell in line.cells:
                if _NAME_CHAR in cell.text:
                    cells = cells_of(line)
                    break
            if cells is not None and is_summary_header(cells):
                current = _Region("summary", None)
                current.add(line, cells)
                regions.append(current)
                continue
        if current is None:
            continue
        if current.kind == "summary":
            if is_row:
                current.add(line, cells if cells is not None else cells_of(line))
            elif line.text.strip():
                current = None
            continue
        if cells is None:
            cells = cells_of(line)
        # Two cells with text: a filled row, which never ends a region (a blank cell may
        # still hold a zero-width space, so fewer cells go through _line_key).
        if len(current.lines) > 1 and len(cells) <= 1 and _ends_region(_line_key(line)):
            current = None
            continue
        current.add(line, cells)
    return regions


# --- one table --------------------------------------------------------------------------
@dataclass
class _Builder:
    ctx: Context
    region: _Region
    unit_name: str | None = None
    name: str | None = None
    name_line: Line | None = None
    department: str | None = None
    department_line: Line | None = None
    implementer: str | None = None
    year: int | None = None
    funding: list[tuple[FundingRow, Line]] = field(default_factory=list)
    order: list[str] | None = None
    funding_header: FundingHeader | None = None
    goals: list[Goal] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    header: IndicatorHeader | None = None
    mode: str = "info"
    carry_l1: str = ""
    carry_l2: str = ""
    exec_weight: Num | None = None
    exec_score: Num | None = None
    total: Num | None = None
    total_pending: bool = False
    grade: str | None = None
    profile: str | None = None
    problems: str | None = None
    missing_score_columns: bool = False

    @property
    def kind(self) -> str:
        return self.region.kind

    def build(self) -> Evaluation | None:
        title = self.region.title
        if title is not None:
            m = _YEAR.search(title.text)
            if m:
                self.year = int(m.group(1))
        for line, cells in zip(self.region.lines[1:], self.region.cells[1:], strict=True):
            self._line(line, cells)
        return self._finish()

    # rows ------------------------------------------------------------------------------
    def _line(self, line: Line, cells: Cells) -> None:
        if not cells:
            return
        if len(cells) == 1:
            self._single(line, cells[0][1])
            return
        keys = [c.key for _, c in cells]
        if keys[0].startswith(_PROFILE_LABEL):
            texts = [c.text for _, c in cells]
            self._profile(line, " ".join(texts[1:]) or _after_label(texts[0], _PROFILE_LABEL))
            return
        if not _SPECIAL_KEYS.isdisjoint(keys):  # else none of these four
            if _SUBHEADER.issuperset(keys):
                return
            header = indicator_header(cells, keys)
            if header is not None:
                self.header, self.mode = header, "indicators"
                return
            if not _EXECUTION.isdisjoint(keys):
                self._execution(line, cells)
                return
            if not _TOTAL.isdisjoint(keys):
                self._total(line, cells)
                return
        if (keys[0].startswith(_GRADE) or keys[1].startswith(_GRADE)) and not any(
            c.number for _, c in cells
        ):
            self.grade = cells[-1][1].text
            return
        if "存在问题" in keys[0] or ("存在问题" in keys[1] and cells[0][1].section):
            rest = [c.text for _, c in cells if "存在问题" not in c.key and not c.section]
            self.problems = "；".join(rest) or None
            return
        if self.mode != "indicators" and self._info_or_money(line, cells, keys):
            return
        if keys[0].startswith(_GOAL_LABELS) or (self.mode == "goals" and self.header is None):
            self._goal(cells)
            return
        if self.header is not None:
            self._indicator(line, cells)
            return

    def _single(self, line: Line, c: Cell) -> None:
        text, k = c.text, c.key
        if self.total_pending and c.number:
            self.total = self._num(text, line, "总分")
            self.total_pending = False
            return
        if k in _TOTAL:
            self.total_pending = True
            return
        if k.startswith(_PROFILE_LABEL):
            self._profile(line, _after_label(text, _PROFILE_LABEL))
            return
        m = _YEAR.search(text)
        if m and self.year is None and len(k) <= 12:
            self.year = int(m.group(1))

    def _info_or_money(self, line: Line, cells: Cells, keys: list[str]) -> bool:
        """Basic information, the 资金情况 block and the goals header."""
        has_numbers = any(c.number for _, c in cells)
        order = header_order(cells)
        if order is not None and not has_numbers:
            self.order, self.mode = order, "funding"
            self.funding_header = header_layout(cells)
            return True
        row, implied = parse_funding_row(cells, self.order, self.funding_header)
        if row is not None or implied:
            if implied:
                self.order = implied
            if row is not None:
                self.funding.append((row, line))
                for note in row.notes:
                    self.ctx.notice(f"第{line.no}行 {note}", self.ctx.prov(line, TABLE, row.label))
            self.mode = "funding"
            return True
        if self._info(line, [c.text for _, c in cells]):
            return True
        if not _GOAL_HEADERS.isdisjoint(keys) or keys[0].startswith("三、目标"):
            self.mode = "goals"
            return True
        return False

    def _info(self, line: Line, texts: list[str]) -> bool:
        found = False
        i = 0
        while i < len(texts):
            text = texts[i]
            slot, rest = _info_label(text)
            if slot is False:
                i += 1
                continue
            found = True
            value = rest
            if not value and i + 1 < len(texts) and _info_label(texts[i + 1])[0] is False:
                value = texts[i + 1]
                i += 1
            i += 1
            if not value or slot is None:
                continue
            if slot == "name+department":
                name, _, dept = _raw_cell(line, value).rpartition(" ")
                if name:
                    self._set("name", name, line)
                    self._set("department", dept, line)
                else:
                    self._set("name", value, line)
            elif isinstance(slot, str):
                self._set(slot, value, line)
        return found

    def _set(self, slot: str, value: str, line: Line) -> None:
        value = clean(value)
        if slot == "name" and self.name is None:
            self.name, self.name_line = value, line
        elif slot == "department" and self.department is None:
            self.department, self.department_line = value, line
        elif slot == "implementer" and self.implementer is None:
            self.implementer = value

    def _goal(self, cells: Cells) -> None:
        parts: list[str] = []
        rate: str | None = None
        for _, c in cells:
            if c.section and not parts:
                continue
            k = c.key
            if k in _GOAL_LABELS or k in _GOAL_HEADERS:
                continue
            text = c.text
            for label in _GOAL_LABELS:
                if text.startswith(label) and len(text) > len(label) + 1:
                    text = text[len(label) :].strip()
            if parts and (c.number if text is c.text else is_number(text)):
                rate = text
                continue
            parts.append(text)
        if not parts:
            return
        if len(parts) >= 3:
            target, achieved = f"{parts[0]}：{parts[1]}", "；".join(parts[2:])
        else:
            target, achieved = parts[0], parts[1] if len(parts) > 1 else ""
        goal = Goal(target=target, achieved=achieved)
        if rate is not None:
            prov = Prov(file=self.ctx.file, table=TABLE, column="完成率")
            goal.completion_rate = self.ctx.number(rate, prov)
        if all((g.target, g.achieved) != (goal.target, goal.achieved) for g in self.goals):
            self.goals.append(goal)

    def _execution(self, line: Line, cells: Cells) -> None:
        numbers = [c.text for _, c in cells if c.weight]
        if not numbers:
            self.ctx.notice(f"第{line.no}行 预算执行率行没有分值和得分", self.ctx.prov(line, TABLE))
            return
        self.exec_weight = self._num(numbers[0], line, "预算执行率分值")
        if len(numbers) >= 2:
            self.exec_score = self._num(numbers[-1], line, "预算执行率得分")
        else:
            self.ctx.notice(
                f"第{line.no}行 预算执行率只印有一个数，按分值读取，得分缺失",
                self.ctx.prov(line, TABLE, "预算执行率"),
            )

    def _profile(self, line: Line, text: str) -> None:
        """``评分规则 | 河南省（…）``: the scoring profile the table was scored under."""
        if not text or self.profile is not None:
            return
        name = profile_name(text)
        if name is None:
            self.ctx.notice(
                f"第{line.no}行 评分规则「{text}」不是内置评分规则，按默认规则检查",
                self.ctx.prov(line, TABLE, self.name, column=_PROFILE_LABEL),
            )
            return
        self.profile = name

    def _total(self, line: Line, cells: Cells) -> None:
        for i, (_, c) in enumerate(cells):
            label = next((g for g in _GRADE if c.key.startswith(g)), None)
            if label is None:
                continue
            value = _after_label(c.text, label)
            if not value and i + 1 < len(cells) and not cells[i + 1][1].number:
                value = cells[i + 1][1].text
            if value and not is_number(value):
                self.grade = value
            break
        numbers = [c.text for _, c in cells if c.number]
        if numbers:
            self.total = self._num(numbers[-1], line, "总分")
        else:
            self.total_pending = True

    def _indicator(self, line: Line, cells: Cells) -> None:
        assert self.header is not None
        raw = parse_indicator_row(cells, self.header)
        if raw is None:
            self.ctx.notice(
                f"第{line.no}行 无法识别为绩效指标行，已忽略："
                f"{' | '.join(c.text for _, c in cells)[:60]}",
                self.ctx.prov(line, TABLE),
            )
            return
        ctx = self.ctx
        for word in raw.dropped:
            ctx.notice(
                f"第{line.no}行 多出的分类「{word}」与所在栏目不符（疑似错行），已忽略",
                ctx.prov(line, TABLE, raw.l3 or word),
            )
        if raw.l3 and is_scale(raw.l3) and not raw.desc:
            raw.desc, raw.l3 = raw.l3, ""
        l1, l2 = self._levels(line, strip_label_prefix(raw.l1), raw.l2)
        name = raw.l3 or l2 or l1
        no = line.no
        prov = self.ctx.prov(line, TABLE, name)

        def num(text: str, column: str) -> Num | None:
            if not text:
                return None
            return ctx.number(text, ctx.prov(line, TABLE, name, column=column))

        target_text, actual_text = raw.target, raw.actual
        target_q = parse_quantity(target_text) if target_text else None
        actual_q = parse_quantity(actual_text) if actual_text else None

        def quantity(q: Quantity | None, text: str) -> Num | None:
            if q is None:
                return None
            return Num(q.value, q.decimals, text, prov)

        target, actual = quantity(target_q, target_text), quantity(actual_q, actual_text)
        unit = raw.unit or (target_q.unit if target_q else None)
        operator = raw.operator
        if operator is None and target_text and target_q is None and has_cjk(target_text):
            operator = "文字描述"  # a qualitative target printed without its 符号
        weight = num(raw.weight, "分值")
        score = num(raw.score, "得分")
        if weight is None:
            ctx.notice(f"第{no}行 指标分值缺失", prov)
        if score is None:
            if not self.header.has_score:
                self.missing_score_columns = True
            else:
                ctx.notice(f"第{no}行 指标得分缺失", prov)
        self.indicators.append(
            trusted(
                Indicator,
                {
                    "level1": l1,
                    "level2": l2,
                    "level3": raw.l3,
                    "description": raw.desc or None,
                    "weight": weight,
                    "operator": operator,
                    "target_text": target_text,
                    "target": target,
                    "unit": unit,
                    "actual_text": actual_text,
                    "actual": actual,
                    "status": raw.status,
                    "score": score,
                    "deviation": num(raw.dev, "偏差度"),
                    "reason": raw.reason or None,
                    "prov": prov,
                },
            )
        )

    def _levels(self, line: Line, l1: str, l2: str) -> tuple[str, str]:
        """一级/二级 carried down from the row above when the merged cell is blank."""
        if l1:
            self.carry_l1, self.carry_l2 = l1, l2
            return l1, l2
        level1 = self.carry_l1
        level2 = l2 or self.carry_l2
        parent = LEVEL2_PARENT.get(category_word(l2), "") if l2 and is_level2(l2) else ""
        if parent and (not level1 or level1_canonical(level1) != level1_canonical(parent)):
            if level1:
                self.ctx.notice(
                    f"第{line.no}行 二级指标「{l2}」不属于上方的一级指标「{level1}」，"
                    f"一级指标按「{parent}」读取",
                    self.ctx.prov(line, TABLE, l2),
                )
            else:
                self.ctx.notice(
                    f"第{line.no}行 一级指标空白，按二级指标「{l2}」推定为「{parent}」",
                    self.ctx.prov(line, TABLE, l2),
                )
            level1 = parent
        elif not level1:
            self.ctx.notice(f"第{line.no}行 一级指标空白且无法推定", self.ctx.prov(line, TABLE))
        self.carry_l1, self.carry_l2 = level1, level2
        return level1, level2

    def _num(self, text: str, line: Line, column: str) -> Num | None:
        return self.ctx.number(text, self.ctx.prov(line, TABLE, self.name, column=column))

    # result ----------------------------------------------------------------------------
    def _finish(self) -> Evaluation | None:
        ctx = self.ctx
        first = self.region.lines[0]
        if not (self.funding or self.indicators or self.total is not None or self.name):
            toc_entry = _LIST_ITEM.match(first.text) and not any(
                line.text.strip() for line in self.region.lines[1:]
            )
            if not toc_entry:  # "1. 2023年度项目支出绩效自评表" in a table of contents
                ctx.notice(
                    f"第{first.no}行有绩效自评表标题，但未读到表格内容", ctx.prov(first, TABLE)
                )
            return None
        name = self.name
        if not name:
            name = f"第{first.no}行的自评表"
            ctx.notice(f"第{first.no}行的绩效自评表未印项目（部门）名称", ctx.prov(first, TABLE))
        funding = [
            f
            for row, line in self.funding
            if (f := self._funding_line(row, line, name)) is not None
        ]
        main = _main_line(funding)
        if main is not None:
            update: dict[str, Num | None] = {}
            if main.weight is None and self.exec_weight is not None:
                update["weight"] = self.exec_weight
            if main.score is None and self.exec_score is not None:
                update["score"] = self.exec_score
            if update:
                index = funding.index(main)
                funding[index] = main = main.model_copy(update=update)
        exec_weight = self.exec_weight or (main.weight if main else None)
        exec_score = self.exec_score or (main.score if main else None)
        if self.missing_score_columns:
            ctx.notice(
                f"第{first.no}行起的自评表没有指标得分栏，各指标得分缺失",
                ctx.prov(first, TABLE, name),
            )
        if self.total is None:
            ctx.notice(f"第{first.no}行起的自评表未印总分", ctx.prov(first, TABLE, name))
        if not self.indicators:
            ctx.notice(f"第{first.no}行起的自评表未读到绩效指标", ctx.prov(first, TABLE, name))
        prov = ctx.prov(first, TABLE, name)
        self._check_unit(name)
        return trusted(
            Evaluation,
            {
                "kind": "department" if self.kind == "department" else "project",
                "name": name,
                "department": self.department,
                "implementer": self.implementer,
                "year": self.year,
                "funding": funding,
                "goals": self.goals,
                "indicators": self.indicators,
                "execution_weight": exec_weight,
                "execution_score": exec_score,
                "total_score": self.total,
                "grade": self.grade,
                "profile": self.profile,
                "problems": self.problems,
                "prov": prov,
            },
        )

    def _check_unit(self, name: str) -> None:
        unit = self.unit_name
        printed = self.department
        if not unit or not printed or not garbled(printed, unit):
            return
        line = self.department_line or self.region.lines[0]
        self.ctx.notice(
            f"第{line.no}行 {UNIT_MESSAGE}：自评表印为「{printed}」，文件单位为「{unit}」",
            self.ctx.prov(line, TABLE, name, column="主管部门"),
        )

    def _funding_line(self, row: FundingRow, line: Line, name: str) -> FundingLine | None:
        values: dict[str, Num | None] = {}
        for field_name, title in _FUNDING_TITLES:
            text = row.values.get(field_name)
            if text:
                column = f"{row.label} {title}"
                values[field_name] = self.ctx.number(
                    text, self.ctx.prov(line, TABLE, name, column=column)
                )
        if not any(v is not None for v in values.values()):
            return None
        return trusted(
            FundingLine,
            {
                "label": row.label,
                "initial_budget": values.get("initial"),
                "annual_budget": values.get("annual"),
                "executed": values.get("executed"),
                "weight": values.get("weight"),
                "rate": values.get("rate"),
                "score": values.get("score"),
                "prov": self.ctx.prov(line, TABLE, name),
            },
        )


def profile_name(text: str) -> str | None:
    """The built-in scoring profile a printed 评分规则 names (its name, an alias or its title,
    optionally followed by the name in brackets), else None."""
    k = key(text)
    for profile in list_profiles():
        names = {profile.name, *profile.aliases, profile.title}
        if k in {key(n) for n in names} or k.endswith(f"({profile.name})"):
            return profile.name
    return None


def _raw_cell(line: Line, value: str) -> str:
    """The printed text (with its spaces) of the cell whose cleaned text is ``value``."""
    for cell in line.cells:
        if clean(cell.text) == value:
            return re.sub(r"\s+", " ", cell.text).strip()
    return value


@text_cache(8192)
def _info_label(text: str) -> tuple[str | bool | None, str]:
    """(slot, value printed in the same cell) for a basic-information label; False if none."""
    k = key(text)
    for label, slot in _INFO_LABELS:
        if k.startswith(label):
            if label == "项目名称" and k.startswith("项目名称主管部门"):
                continue
            rest = _after_label(text, label)
            return slot, rest
    return False, ""


def _after_label(text: str, label: str) -> str:
    """The text after ``label`` in a cell (spaces in the cell may differ from the label)."""
    count = 0
    for i, ch in enumerate(text):
        if not ch.isspace():
            count += 1
        if count == len(label):
            return text[i + 1 :].strip(" :：")
    return ""


def _main_line(lines: list[FundingLine]) -> FundingLine | None:
    for line in lines:
        if any(w in key(line.label) for w in ("年度资金总额", "资金总额", "预算总额", "合计")):
            return line
    return lines[0] if lines else None


def _mark_duplicates(evaluations: list[Evaluation], ctx: Context) -> None:
    """Report a table printed twice: same name, funding figures, indicators and total (the
    figures compared by value: 10.0 and 10.00 are the same figure)."""
    seen: dict[tuple[object, ...], Evaluation] = {}
    for ev in evaluations:
        sig = (
            name_key(ev.name),
            tuple(
                (f.annual_budget and f.annual_budget.value, f.executed and f.executed.value)
                for f in ev.funding
            ),
            tuple(
                (i.level3, i.weight and i.weight.value, i.score and i.score.value)
                for i in ev.indicators
            ),
            ev.total_score and ev.total_score.value,
        )
        earlier = seen.get(sig)
        if earlier is not None and ev.indicators:
            ctx.notice(
                f"第{ev.prov.line if ev.prov else '?'}行的自评表与第"
                f"{earlier.prov.line if earlier.prov else '?'}行的「{ev.name}」"
                "内容完全相同，疑为重复",
                ev.prov,
            )
        else:
            seen[sig] = ev
