"""The 项目支出绩效自评表 (部门整体支出绩效自评表) as a grid, ready for XLSX and DOCX.

:func:`build_table` lays one recomputed evaluation out in the standard layout
(财预〔2020〕10号 附件): header block, 资金情况, 年度总体目标, the indicator table with
merged 一级/二级 cells, 总分 and 评价等级, on nine columns.  A value the source did not
print is filled with the recomputed one (mark ``filled``); a printed value that disagrees
with the recomputation keeps its printed text and carries a ``mismatch`` mark
("印为 X，按评分规则应为 Y").  The renderers in :mod:`juesuan.perf.report_xlsx` and
:mod:`juesuan.perf.report_docx` turn marks into comments/red fonts or numbered notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from juesuan.model.figure import Num
from juesuan.model.perf import FundingLine, Indicator
from juesuan.perf.execution import main_line, rate_interval_pct
from juesuan.perf.indicator import IndicatorResult
from juesuan.perf.interval import HUNDRED, agrees, divide, fmt, of, round2
from juesuan.perf.score import ScoredEvaluation

NCOLS = 9
WIDTHS = (9.0, 10.0, 11.0, 20.0, 8.0, 14.0, 14.0, 8.0, 24.0)
PLACEHOLDER_OPEN = "【请填写："
PLACEHOLDER_CLOSE = "】"

CellKind = Literal["head", "label", "text", "num"]
NumKind = Literal["money", "score", "rate"]
MarkKind = Literal["filled", "mismatch", "note"]

_TOTAL_LABELS = ("年度资金总额", "资金总额", "部门预算总额", "合计", "总计")
_COMPARISONS = ("≥", "≤", "=", ">", "<")


def placeholder(what: str) -> str:
    """A visible marker for text the data does not give (never an invented reason)."""
    return f"{PLACEHOLDER_OPEN}{what}{PLACEHOLDER_CLOSE}"


@dataclass(frozen=True)
class Mark:
    """Why a cell is marked: ``filled`` (not printed, recomputed), ``mismatch`` (printed
    value disagrees with the recomputation) or ``note`` (printed value kept, with a remark,
    e.g. a target the engine considers a typo)."""

    kind: MarkKind
    text: str


@dataclass(frozen=True)
class Value:
    """A cell's content: display text, and for figures the number and its kind."""

    text: str = ""
    number: Decimal | None = None
    num_kind: NumKind | None = None
    decimals: int = 2
    mark: Mark | None = None


@dataclass(frozen=True)
class GridCell:
    row: int
    col: int
    value: Value
    kind: CellKind = "text"
    rowspan: int = 1
    colspan: int = 1


@dataclass
class SelfEvalTable:
    """One evaluation laid out as a grid of ``NCOLS`` columns (rows from 0)."""

    title: str
    subtitle: str
    name: str
    amount_unit: str
    cells: list[GridCell] = field(default_factory=list)
    nrows: int = 0

    def put(
        self,
        col: int,
        value: Value | str,
        kind: CellKind = "text",
        *,
        row: int | None = None,
        rowspan: int = 1,
        colspan: int = 1,
    ) -> None:
        r = self.nrows - 1 if row is None else row
        v = Value(text=value) if isinstance(value, str) else value
        self.cells.append(GridCell(r, col, v, kind, rowspan, colspan))

    def new_row(self) -> int:
        self.nrows += 1
        return self.nrows - 1

    @property
    def marks(self) -> list[tuple[GridCell, Mark]]:
        ordered = sorted(self.cells, key=lambda c: (c.row, c.col))
        return [(c, c.value.mark) for c in ordered if c.value.mark is not None]

    def cell_at(self, row: int, col: int) -> GridCell | None:
        for c in self.cells:
            if c.row == row and c.col == col:
                return c
        return None


# --- values -------------------------------------------------------------------------
def printed(num: Num | None, kind: NumKind, mark: Mark | None = None) -> Value:
    """A printed figure as printed (``—`` when missing)."""
    if num is None:
        return Value("—")
    if kind == "rate":
        return Value(f"{num.value}%", num.value / HUNDRED, kind, num.decimals + 2, mark)
    return Value(str(num.value), num.value, kind, num.decimals, mark)


def computed(value: Decimal, kind: NumKind, mark: Mark | None = None) -> Value:
    """A recomputed figure, shown with two decimals (rates: two decimals of a percent)."""
    if kind == "rate":
        return Value(fmt(value, pct=True), round2(value * HUNDRED) / HUNDRED, kind, 4, mark)
    return Value(fmt(value), round2(value), kind, 2, mark)


def mismatch(shown: str, expected: str, basis: str = "按评分规则") -> Mark:
    return Mark("mismatch", f"印为 {shown}，{basis}应为 {expected}")


def filled(what: str) -> Mark:
    return Mark("filled", f"原表未印，{what}")


# --- indicators -------------------------------------------------------------------------
def target_display(ind: Indicator) -> str:
    op = ind.operator or ""
    text = ind.target_text
    if not text and ind.target is not None:
        text = f"{ind.target.value}{ind.unit or ''}"
    if op in _COMPARISONS and text and not text.startswith(op):
        return f"{op}{text}"
    return text or "—"


def actual_display(ind: Indicator) -> str:
    if ind.actual_text:
        return ind.actual_text
    if ind.actual is not None:
        return f"{ind.actual.value}{ind.unit or ''}"
    return "—"


def shown_points(r: IndicatorResult) -> Decimal | None:
    """The score the table shows: printed, else recomputed under the profile."""
    if r.printed is not None:
        return r.printed.value
    return r.final_points()


def needs_reason(r: IndicatorResult) -> bool:
    """Whether an indicator fell short of its target (so its deviation needs a reason).

    The printed status (未完成/未达成/部分…) or the recomputation (target met or not,
    qualitative band) decides; only when neither tells, a score below the weight does.
    A qualitative 达成 scored below full marks is not a shortfall (the band is 80–100%).
    """
    status = (r.indicator.status or "").replace(" ", "")
    if "未完成" in status or "未达成" in status or "部分" in status:
        return True
    if r.met is not None and not r.suspicious_target:  # a typo'd target decides nothing
        return not r.met
    if r.band is not None and not r.suspicious_target:
        return r.band.name != "达成"
    points, weight = shown_points(r), r.weight
    return points is not None and weight is not None and points < weight


def indicator_score(r: IndicatorResult) -> Value:
    if r.printed is not None:
        mark = None
        if r.suspicious_target:
            # the engine keeps the printed score in its total: a remark, not a mismatch
            mark = Mark("note", f"{r.suspicious_target}；按印出得分计入总分")
        elif r.agrees() is False:
            mark = mismatch(str(r.printed.value), r.shown())
        return printed(r.printed, "score", mark)
    points = r.final_points()
    if points is None:
        return Value("—", mark=filled("且无法按评分规则重算") if r.method != "none" else None)
    band = r.band_interval()
    if r.method == "quantitative" and r.computed is not None:
        basis = "按评分规则重算"
    elif r.inferred is not None:
        basis = f"按总分反推为 {fmt(r.inferred.mid)}"
        if r.band is not None and band is not None:
            basis += f"，限于“{r.band.name}”档 {fmt(band.lo)}–{fmt(band.hi)}"
    elif r.band is not None and band is not None:
        basis = f"按“{r.band.name}”档（{fmt(band.lo)}–{fmt(band.hi)}）取上限"
    else:
        basis = "按评分规则重算"
    return computed(points, "score", filled(basis))


# --- the table ----------------------------------------------------------------------
def build_table(scored: ScoredEvaluation, amount_unit: str = "万元") -> SelfEvalTable:
    ev = scored.evaluation
    dept = ev.kind == "department"
    title = "部门整体支出绩效自评表" if dept else "项目支出绩效自评表"
    year = f"（{ev.year}年度）" if ev.year else ""
    t = SelfEvalTable(title=title, subtitle=year, name=ev.name, amount_unit=amount_unit)
    _header(t, scored)
    _funds(t, scored)
    _goals(t, scored)
    _indicators(t, scored)
    _totals(t, scored)
    return t


def _header(t: SelfEvalTable, scored: ScoredEvaluation) -> None:
    ev = scored.evaluation
    t.new_row()
    t.put(0, "部门（单位）名称" if ev.kind == "department" else "项目名称", "label")
    t.put(1, ev.name, colspan=8)
    t.new_row()
    t.put(0, "主管部门", "label")
    t.put(1, ev.department or "—", colspan=3)
    t.put(4, "实施单位", "label", colspan=2)
    t.put(6, ev.implementer or "—", colspan=3)
    t.new_row()
    t.put(0, "年度", "label")
    t.put(1, str(ev.year) if ev.year else "—", colspan=3)
    t.put(4, "评分规则", "label", colspan=2)
    t.put(6, scored.profile.title, colspan=3)


def _is_total(label: str) -> bool:
    return any(lbl in label.replace(" ", "") for lbl in _TOTAL_LABELS)


def funding_rows(scored: ScoredEvaluation) -> list[tuple[str, FundingLine | None, bool]]:
    """(label, line, is_main) in the standard order: 年度资金总额, 其中财政拨款, …, 其他资金."""
    ev = scored.evaluation
    main = main_line(ev)
    others = [line for line in ev.funding if line is not main]
    main_label = "年度资金总额" if main is None or _is_total(main.label) else main.label
    rows: list[tuple[str, FundingLine | None, bool]] = [(main_label, main, True)]

    def take(keyword: str) -> FundingLine | None:
        for line in others:
            if keyword in line.label:
                others.remove(line)
                return line
        return None

    main_kw = "" if main is None or _is_total(main.label) else main.label
    fiscal = take("财政") if "财政" not in main_kw else None
    other = take("其他") if "其他" not in main_kw else None
    if "财政" not in main_kw:
        rows.append(("其中：财政拨款", fiscal, False))
    rows.extend((line.label, line, False) for line in others)
    if "其他" not in main_kw:
        rows.append(("其他资金", other, False))
    return rows


def _funds(t: SelfEvalTable, scored: ScoredEvaluation) -> None:
    rows = funding_rows(scored)
    t.new_row()
    label = "部门预算资金" if scored.evaluation.kind == "department" else "项目资金"
    t.put(0, f"{label}（{t.amount_unit}）", "label", rowspan=len(rows) + 1)
    t.put(1, "", "head", colspan=2)
    heads = ("年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分")
    for i, h in enumerate(heads):
        t.put(3 + i, h, "head")
    for text, line, is_main in rows:
        t.new_row()
        t.put(1, text, "label", colspan=2)
        t.put(3, printed(line.initial_budget if line else None, "money"), "num")
        t.put(4, printed(line.annual_budget if line else None, "money"), "num")
        t.put(5, printed(line.executed if line else None, "money"), "num")
        if is_main:
            t.put(6, _execution_weight(scored), "num")
            t.put(7, _execution_rate(scored), "num")
            t.put(8, _execution_points(scored), "num")
        else:
            t.put(6, "—", "num")
            t.put(7, _line_rate(line), "num")
            t.put(8, "—", "num")


def _execution_weight(scored: ScoredEvaluation) -> Value:
    ex = scored.execution
    if ex.weight_printed is None:
        return computed(ex.profile_weight, "score", filled("按评分规则取预算执行率分值"))
    mark = None
    if ex.weight_printed.value != ex.profile_weight:
        mark = mismatch(str(ex.weight_printed.value), str(ex.profile_weight))
    return printed(ex.weight_printed, "score", mark)


def _execution_rate(scored: ScoredEvaluation) -> Value:
    ex = scored.execution
    rate_printed = ex.rate_printed
    if rate_printed is None:
        if ex.rate is None:
            return Value("—")
        return computed(ex.rate, "rate", filled("按全年执行数 ÷ 全年预算数计算"))
    mark = None
    iv = rate_interval_pct(ex)
    if ex.rate is not None and iv is not None and not of(rate_printed).meets(iv):
        mark = mismatch(f"{rate_printed.value}%", fmt(ex.rate, pct=True), "按 B/A ")
    return printed(rate_printed, "rate", mark)


def _execution_points(scored: ScoredEvaluation) -> Value:
    ex = scored.execution
    if ex.points_printed is None:
        if ex.points is None:
            return Value("—")
        return computed(ex.points, "score", filled("按分值 × min(执行率, 100%) 计算"))
    mark = None
    if ex.points_agree() is False and ex.points is not None:
        mark = mismatch(str(ex.points_printed.value), fmt(ex.points))
    return printed(ex.points_printed, "score", mark)


def _line_rate(line: FundingLine | None) -> Value:
    if line is None:
        return Value("—")
    if line.rate is not None:
        return printed(line.rate, "rate")
    a, b = line.annual_budget, line.executed
    if a is None or b is None or a.value == 0:
        return Value("—")
    return computed(divide(b.value, a.value), "rate", filled("按全年执行数 ÷ 全年预算数计算"))


def _goals(t: SelfEvalTable, scored: ScoredEvaluation) -> None:
    goals = scored.evaluation.goals
    t.new_row()
    t.put(0, "年度总体目标", "label", rowspan=max(len(goals), 1) + 1)
    t.put(1, "预期目标", "head", colspan=4)
    t.put(5, "实际完成情况", "head", colspan=4)
    pairs = [(g.target, g.achieved) for g in goals] or [("", "")]
    for target, achieved in pairs:
        t.new_row()
        t.put(1, target or "—", colspan=4)
        t.put(5, achieved or "—", colspan=4)


def _runs(keys: list[object]) -> list[tuple[int, int]]:
    """(start, length) of runs of equal consecutive keys."""
    out: list[tuple[int, int]] = []
    for i, k in enumerate(keys):
        if out and keys[out[-1][0]] == k:
            out[-1] = (out[-1][0], out[-1][1] + 1)
        else:
            out.append((i, 1))
    return out


def _indicators(t: SelfEvalTable, scored: ScoredEvaluation) -> None:
    results = scored.indicators
    head = t.new_row()
    t.put(0, "绩效指标", "label", rowspan=len(results) + 1)
    heads = (
        "一级指标",
        "二级指标",
        "三级指标",
        "分值",
        "年度指标值",
        "实际完成值",
        "得分",
        "偏差原因分析及改进措施",
    )
    for i, h in enumerate(heads):
        t.put(1 + i, h, "head")
    first = head + 1
    for r in results:
        ind = r.indicator
        t.new_row()
        t.put(3, ind.level3 or "—")
        t.put(4, printed(ind.weight, "score"), "num")
        t.put(5, target_display(ind))
        t.put(6, actual_display(ind))
        t.put(7, indicator_score(r), "num")
        reason = ind.reason or (placeholder("偏差原因及改进措施") if needs_reason(r) else "")
        t.put(8, reason)
    level1 = [r.indicator.level1 for r in results]
    for start, n in _runs(list(level1)):
        t.put(1, level1[start] or "—", "label", row=first + start, rowspan=n)
    level2 = [(r.indicator.level1, r.indicator.level2) for r in results]
    for start, n in _runs(list(level2)):
        t.put(2, level2[start][1] or "—", "label", row=first + start, rowspan=n)


def _totals(t: SelfEvalTable, scored: ScoredEvaluation) -> None:
    t.new_row()
    t.put(0, "总分", "label", colspan=4)
    weight_mark = None
    if scored.weight_total != HUNDRED:
        weight_mark = Mark("mismatch", f"分值合计为 {scored.weight_total}，按评分规则应为 100")
    t.put(4, Value(str(scored.weight_total), scored.weight_total, "score", 2, weight_mark), "num")
    t.put(5, "", colspan=2)
    t.put(7, total_value(scored), "num")
    t.put(8, "")
    t.new_row()
    t.put(0, "评价等级", "label", colspan=4)
    t.put(4, grade_value(scored), colspan=5)


def shown_total(scored: ScoredEvaluation) -> Decimal | None:
    """The total the table shows: printed, else recomputed (else Σ printed parts)."""
    if scored.printed_total is not None:
        return scored.printed_total.value
    if scored.recomputed_total is not None:
        return scored.recomputed_total
    return scored.printed_sum.mid if scored.printed_sum is not None else None


def total_value(scored: ScoredEvaluation) -> Value:
    total = scored.printed_total
    if total is None:
        if scored.recomputed_total is not None:
            return computed(scored.recomputed_total, "score", filled("按评分规则重算"))
        if scored.printed_sum is not None:
            return computed(scored.printed_sum.mid, "score", filled("按各项得分合计"))
        return Value("—")
    problems: list[str] = []
    recomputed = scored.recomputed_total
    if recomputed is not None and not agrees(total, recomputed):
        problems.append(f"按评分规则应为 {fmt(recomputed)}")
    psum = scored.printed_sum
    if psum is not None and scored.inferred_index is None and not of(total).meets(psum):
        problems.append(f"各项印出得分合计为 {fmt(psum.mid)}")
    mark = Mark("mismatch", f"印为 {total.value}，" + "；".join(problems)) if problems else None
    return printed(total, "score", mark)


def expected_grade(scored: ScoredEvaluation) -> str | None:
    """The grade under the profile: of the recomputed total, else of the shown total."""
    if scored.recomputed_grade is not None:
        return scored.recomputed_grade
    total = shown_total(scored)
    return scored.profile.grade_of(total) if total is not None else None


def grade_value(scored: ScoredEvaluation) -> Value:
    grade = scored.evaluation.grade
    expected = expected_grade(scored)
    if not grade:
        if expected is None:
            return Value("—")
        return Value(expected, mark=filled("按评分规则的等级分数线确定"))
    canonical = scored.printed_grade
    ok = expected is None or canonical == expected
    if not ok and scored.recomputed_grade is None and scored.printed_total is not None:
        ok = canonical in scored.expected_grades()
    mark = None if ok else mismatch(grade, f"“{expected}”")
    return Value(grade, mark=mark)
