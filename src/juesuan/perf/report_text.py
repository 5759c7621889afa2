"""A draft 绩效自评报告 whose every figure is computed from the data.

Sections: 一、项目基本情况 (funds A, B and the rate B/A), 二、绩效目标完成情况 (per 一级
category: weight, score, score rate; the indicators that fell short with target and
actual), 三、自评结论 (total and grade under the profile; counts when several), 四、存在
的问题及原因 and 五、改进措施.  Sections 四/五 quote only the data's ``reason`` and
``problems`` fields; where the data gives no explanation the text carries a visible
placeholder 【请填写：…】 — a reason is never invented.  Scores are the recomputed ones
(:func:`juesuan.perf.score.recompute`); a printed total or grade that disagrees is noted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from juesuan.model.figure import Num
from juesuan.perf.indicator import IndicatorResult
from juesuan.perf.interval import ONE, ZERO, agrees, divide, fmt
from juesuan.perf.report_table import (
    actual_display,
    expected_grade,
    funding_rows,
    needs_reason,
    placeholder,
    target_display,
)
from juesuan.perf.score import UNCATEGORISED, ScoredEvaluation

CN_NUMS = "一二三四五六七八九十"
PLACEHOLDER_RE = re.compile(r"【请填写：[^】]*】")


def cn_ordinal(i: int) -> str:
    """1 → 一, 12 → 十二 (up to 99)."""
    if i <= 10:
        return CN_NUMS[i - 1]
    tens, ones = divmod(i, 10)
    head = "" if tens == 1 else CN_NUMS[tens - 1]
    return head + "十" + (CN_NUMS[ones - 1] if ones else "")


@dataclass
class Section:
    heading: str
    level: int  # 1: 一、…  2: （一）…
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Report:
    title: str
    subtitle: str
    sections: list[Section] = field(default_factory=list)

    def text(self) -> str:
        parts = [self.title, self.subtitle]
        for s in self.sections:
            parts.append(s.heading)
            parts.extend(s.paragraphs)
        return "\n".join(parts)


def _num(n: Num | None) -> str | None:
    return str(n.value) if n is not None else None


def _clause(text: str) -> str:
    """Text quoted inside a sentence: without its closing punctuation."""
    return text.strip().rstrip("。；;，,. ")


def _kind_word(scored: ScoredEvaluation) -> str:
    return "部门整体支出" if scored.evaluation.kind == "department" else "项目"


def _label(r: IndicatorResult) -> str:
    ind = r.indicator
    return ind.level3 or ind.level2 or ind.level1 or "（未命名指标）"


# --- 一、基本情况 -----------------------------------------------------------------------
def _basics(scored: ScoredEvaluation, unit: str) -> list[str]:
    ev, ex = scored.evaluation, scored.execution
    who = [f"“{ev.name}”{'部门整体支出绩效自评' if ev.kind == 'department' else '项目'}"]
    if ev.department:
        who.append(f"主管部门为{ev.department}")
    if ev.implementer:
        who.append(f"实施单位为{ev.implementer}")
    out = ["，".join(who) + "。"]
    line = ex.line
    year = f"{ev.year}年度，" if ev.year else ""
    if line is None or line.annual_budget is None or line.executed is None:
        out.append(
            f"{year}自评表未载明完整的全年预算数（A）与全年执行数（B）："
            + placeholder("全年预算数（A）与全年执行数（B）")
            + "。"
        )
    else:
        funds = []
        if line.initial_budget is not None:
            funds.append(f"年初预算数{line.initial_budget.value}{unit}")
        funds.append(f"全年预算数（A）{line.annual_budget.value}{unit}")
        funds.append(f"全年执行数（B）{line.executed.value}{unit}")
        rate = f"预算执行率（B/A）{fmt(ex.rate, pct=True)}" if ex.rate is not None else ""
        money = "部门预算资金" if ev.kind == "department" else "项目资金"
        text = f"{year}{money}" + "，".join(funds) + ("，" + rate if rate else "") + "。"
        out.append(text)
        if ex.points is not None and ex.rate is not None:
            out.append(
                f"预算执行率分值{ex.weight_used}分，按分值 × min(执行率, 100%) 计得"
                f"{fmt(ex.points)}分。"
            )
    for label, sub, is_main in funding_rows(scored):
        if is_main or sub is None:
            continue
        if not any(n is not None and n.value for n in (sub.annual_budget, sub.executed)):
            continue  # a line with nothing or zeros (其他资金 0) says nothing
        parts = []
        if sub.annual_budget is not None:
            parts.append(f"全年预算数{sub.annual_budget.value}{unit}")
        if sub.executed is not None:
            parts.append(f"全年执行数{sub.executed.value}{unit}")
        out.append(f"{label.removeprefix('其中：')}：" + "，".join(parts) + "。")
    for i, g in enumerate(ev.goals, start=1):
        num = f"目标{i}" if len(ev.goals) > 1 else "年度总体目标"
        text = f"{num}：{_clause(g.target) or '（未载明）'}"
        if g.achieved:
            text += f"；实际完成情况：{_clause(g.achieved)}"
        if g.completion_rate is not None:
            text += f"；完成率{g.completion_rate.value}%"
        out.append(text + "。")
    return out


# --- 二、绩效目标完成情况 -------------------------------------------------------------------
def _achievement(scored: ScoredEvaluation) -> list[str]:
    results = scored.indicators
    if not results:
        return ["自评表未列绩效指标。" + placeholder("绩效指标完成情况")]
    indicator_weight = sum((r.weight or ZERO for r in results), ZERO)
    out = [
        f"共设置三级指标{len(results)}个，分值合计{indicator_weight}分"
        f"（另预算执行率分值{scored.execution.weight_used}分）。"
        f"按{scored.profile.title}评分规则重算，各一级指标完成情况如下："
    ]
    for c in scored.categories:
        members = [r for r in results if (r.category or UNCATEGORISED) == c.name]
        if not members:
            continue
        name = c.name if c.name == UNCATEGORISED else f"{c.name}指标"
        rate = (
            f"，得分率{fmt(divide(c.recomputed_score, c.printed), pct=True)}" if c.printed else ""
        )
        out.append(
            f"{name}：分值{c.printed}分，得分{fmt(c.recomputed_score)}分{rate}"
            f"（三级指标{len(members)}个）。"
        )
    short = [r for r in results if needs_reason(r)]
    unknown = [r for r in results if not needs_reason(r) and r.met is None and r.band is None]
    if short:
        out.append(f"未完全实现年度指标值的指标{len(short)}个：")
        for r in short:
            out.append(_shortfall_text(r))
    else:
        out.append("各三级指标均达到年度指标值。" if not unknown else "")
    if unknown:
        names = "、".join(f"“{_label(r)}”" for r in unknown)
        out.append(f"{names}的完成情况无法按评分规则自动判断，请人工核实。")
    return [p for p in out if p]


def _shortfall_text(r: IndicatorResult) -> str:
    ind = r.indicator
    points = r.final_points()
    score = f"得分{fmt(points)}分" if points is not None else "得分无法重算"
    extra = [f"分值{r.weight}分"] if r.weight is not None else []
    if r.suspicious_target:
        extra.append(r.suspicious_target)
    elif r.printed is not None and r.agrees() is False:
        extra.append(f"自评表印为{r.printed.value}分")
    weight = f"（{'；'.join(extra)}）" if extra else ""
    level = "/".join(x for x in (ind.level1, ind.level2) if x)
    return (
        f"“{_label(r)}”（{level}）：年度指标值{target_display(ind)}，"
        f"实际完成值{actual_display(ind)}，{score}{weight}。"
    )


# --- 三、自评结论 ---------------------------------------------------------------------
def _conclusion(scored: ScoredEvaluation) -> list[str]:
    ex = scored.execution
    total, grade = scored.recomputed_total, expected_grade(scored)
    printed = scored.printed_total
    out: list[str] = []
    if total is not None:
        indicators = total - (ex.profile_points or ZERO)
        out.append(
            f"按{scored.profile.title}评分规则重算，自评总分为{fmt(total)}分"
            f"（其中预算执行率得分{fmt(ex.profile_points)}分，绩效指标得分{fmt(indicators)}分），"
            f"评价等级为“{grade}”。"
        )
    elif printed is not None:
        out.append(
            f"部分得分无法按评分规则重算，按自评表印出总分{printed.value}分计，"
            f"评价等级为“{grade}”。"
        )
    else:
        out.append("总分无法计算：" + placeholder("自评总分及评价等级") + "。")
    if printed is not None and total is not None and not agrees(printed, total):
        out.append(f"自评表印出总分为{printed.value}分，与重算结果不一致，请核实。")
    eg = scored.evaluation.grade
    if eg and grade and scored.printed_grade != grade:
        out.append(f"自评表印出等级为“{eg}”，按评分规则应为“{grade}”，请核实。")
    return out


def _overall(items: list[ScoredEvaluation], what: str) -> list[str]:
    totals = [s.recomputed_total for s in items if s.recomputed_total is not None]
    grades = Counter(g for s in items if (g := expected_grade(s)) is not None)
    profile = items[0].profile
    counts = "、".join(f"“{g.name}”{grades.get(g.name, 0)}个" for g in profile.grades)
    text = f"共{len(items)}个{what}开展绩效自评"
    if totals:
        avg = divide(sum(totals, ZERO), Decimal(len(totals)))
        text += f"，重算平均得分{fmt(avg)}分"
    text += f"；评价等级{counts}。"
    if len(totals) < len(items):
        text += f"其中{len(items) - len(totals)}个无法完全重算总分，等级按印出总分确定。"
    return [text]


# --- 四、五 -------------------------------------------------------------------------------
def _execution_short(scored: ScoredEvaluation) -> bool:
    rate = scored.execution.rate
    return rate is not None and rate < ONE


def _problems(scored: ScoredEvaluation, unit: str) -> list[str]:
    ev, ex = scored.evaluation, scored.execution
    out: list[str] = []
    if _execution_short(scored) and ex.line is not None and ex.rate is not None:
        a, b = ex.line.annual_budget, ex.line.executed
        assert a is not None and b is not None
        out.append(
            f"预算执行：全年预算数{a.value}{unit}，全年执行数{b.value}{unit}，"
            f"预算执行率{fmt(ex.rate, pct=True)}，未全额执行。原因："
            + placeholder("预算未全额执行的原因")
        )
    for r in scored.indicators:
        if not needs_reason(r):
            continue
        reason = r.indicator.reason
        out.append(
            _shortfall_text(r)
            + (
                "原因（自评表所列）：" + reason
                if reason
                else "原因：" + placeholder(f"“{_label(r)}”未完成的原因")
            )
        )
    if ev.problems:
        out.append(f"自评表“存在问题及整改措施”栏：{ev.problems}")
    if not out:
        out.append(
            "自评表所列指标均已完成、预算已全额执行，数据中未载明存在的问题。"
            + placeholder("存在的问题及原因")
        )
    return out


def _measures(scored: ScoredEvaluation) -> list[str]:
    ev = scored.evaluation
    out: list[str] = []
    if _execution_short(scored):
        out.append("预算执行：" + placeholder("提高预算执行率的措施"))
    for r in scored.indicators:
        if not needs_reason(r):
            continue
        reason = r.indicator.reason
        if reason:
            out.append(f"“{_label(r)}”（自评表“偏差原因及改进措施”栏）：{reason}")
        else:
            out.append(f"“{_label(r)}”：" + placeholder(f"“{_label(r)}”的改进措施"))
    if ev.problems:
        out.append(f"自评表“存在问题及整改措施”栏：{ev.problems}")
    if not out:
        out.append(placeholder("改进措施"))
    return out


# --- assembly ---------------------------------------------------------------------------
def _per_evaluation(
    sections: list[Section],
    heading: str,
    scored: list[ScoredEvaluation],
    make: list[list[str]],
    lead: list[str] | None = None,
) -> None:
    section = Section(heading, 1, list(lead or []))
    sections.append(section)
    if len(scored) == 1:
        section.paragraphs.extend(make[0])
        return
    for i, (s, paras) in enumerate(zip(scored, make, strict=True), start=1):
        sections.append(Section(f"（{cn_ordinal(i)}）{s.evaluation.name}", 2, paras))


def build_report(
    scored: list[ScoredEvaluation], unit_name: str = "", amount_unit: str = "万元"
) -> Report:
    """The draft report for one or several recomputed evaluations."""
    if not scored:
        raise ValueError("no evaluations")
    first = scored[0].evaluation
    years = sorted({s.evaluation.year for s in scored if s.evaluation.year})
    year = f"{years[0]}年度" if len(years) == 1 else ""
    if len(scored) == 1:
        title = f"{year}“{first.name}”{_kind_word(scored[0])}绩效自评报告"
    else:
        title = f"{unit_name}{year}绩效自评报告"
    subtitle = "（草稿：数字均按自评表数据与评分规则计算；标注“请填写”处须由编制单位补充）"
    sections: list[Section] = []
    basics = (
        "一、部门基本情况"
        if all(s.evaluation.kind == "department" for s in scored)
        else ("一、项目基本情况")
    )
    _per_evaluation(sections, basics, scored, [_basics(s, amount_unit) for s in scored])
    _per_evaluation(sections, "二、绩效目标完成情况", scored, [_achievement(s) for s in scored])
    lead: list[str] = []
    projects = [s for s in scored if s.evaluation.kind == "project"]
    departments = [s for s in scored if s.evaluation.kind == "department"]
    if len(scored) > 1:
        if projects:
            lead.extend(_overall(projects, "项目"))
        if len(departments) > 1:
            lead.extend(_overall(departments, "部门整体支出"))
    _per_evaluation(sections, "三、自评结论", scored, [_conclusion(s) for s in scored], lead=lead)
    _per_evaluation(
        sections, "四、存在的问题及原因", scored, [_problems(s, amount_unit) for s in scored]
    )
    _per_evaluation(sections, "五、改进措施", scored, [_measures(s) for s in scored])
    return Report(title=title, subtitle=subtitle, sections=sections)


def render_markdown(report: Report) -> str:
    lines = [f"# {report.title}", "", f"*{report.subtitle}*", ""]
    for s in report.sections:
        lines.append(("## " if s.level == 1 else "### ") + s.heading)
        lines.append("")
        for p in s.paragraphs:
            lines.append(PLACEHOLDER_RE.sub(lambda m: f"**{m.group(0)}**", p))
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
