"""Item 十三: 预算绩效 (projects, funds and share of 项目支出, each evaluation's score)."""

from __future__ import annotations

from decimal import Decimal

from juesuan.model.perf import Evaluation
from juesuan.publish.fmt import pct_text, percent
from juesuan.publish.narrative.base import DATA_PLACEHOLDER, NarrativeSection, Writer

GRADES = ("优", "良", "中", "差")


def _score(n: object) -> str:
    value = getattr(n, "value", None)
    return f"{value}" if isinstance(value, Decimal) else "—"


def performance(w: Writer, heading: str) -> list[NarrativeSection]:
    w.section = heading
    return [
        NarrativeSection("perf", heading, ()),
        _work(w, "（一）预算绩效管理工作开展情况"),
        _results(w, "（二）项目绩效自评结果"),
    ]


def _projects(w: Writer) -> list[Evaluation]:
    return [e for e in w.d.evaluations if e.kind == "project"]


def _work(w: Writer, heading: str) -> NarrativeSection:
    w.section = heading
    ps = w.d.extras.performance
    projects = _projects(w)
    count = ps.projects_evaluated if ps.projects_evaluated is not None else len(projects)
    funds = ps.funds_covered.value if ps.funds_covered is not None else None
    if funds is None and projects:
        funds = sum(
            (f.annual_budget.value for e in projects for f in e.funding[:1] if f.annual_budget),
            Decimal(0),
        )
    paras = []
    if count == 0 and funds is None:
        w.note_missing("perf.funds", "数据")
        paras.append(f"{w.who}{w.year}年度预算绩效管理工作开展情况：{DATA_PLACEHOLDER}。")
    else:
        text = (
            f"根据预算绩效管理要求，{w.who}对{w.year}年度一般公共预算项目支出开展绩效自评，"
            f"共涉及项目{count}个"
        )
        if funds is not None:
            text += f"，涉及资金{w.amt(funds)}"
            text += w.share(funds, w.value("general.project"), "一般公共预算财政拨款项目支出")
        paras.append(text + "。")
    if ps.department_evaluated and ps.department_score is not None:
        paras.append(
            f"{w.who}同时开展了部门整体支出绩效自评，自评得分为{_score(ps.department_score)}分。"
        )
    grades = ps.grade_counts
    if grades:
        shown = [f"{g}{grades.get(g, 0)}个" for g in GRADES]
        shown += [f"{g}{n}个" for g, n in grades.items() if g not in GRADES]
        paras.append("按自评等级统计：" + "、".join(shown) + "。")
    if ps.average_score is not None:
        paras.append(f"项目自评平均得分为{_score(ps.average_score)}分。")
    return NarrativeSection("perf.work", heading, tuple(paras), level=2)


def _results(w: Writer, heading: str) -> NarrativeSection:
    w.section = heading
    evaluations = w.d.evaluations
    if not evaluations:
        return NarrativeSection(
            "perf.results", heading, (f"{w.who}本年度决算公开未附项目绩效自评表。",), level=2
        )
    paras = [
        f"{w.who}在本次部门决算公开中反映{len(evaluations)}个项目的绩效自评结果（自评表见附件）："
    ]
    for i, e in enumerate(evaluations, start=1):
        paras.append(_one(w, i, e))
    return NarrativeSection("perf.results", heading, tuple(paras), level=2)


def _one(w: Writer, no: int, e: Evaluation) -> str:
    line = e.funding[0] if e.funding else None
    text = f"{no}. {e.name}"
    details = []
    if line is not None and line.annual_budget is not None:
        details.append(f"全年预算数{w.amt(line.annual_budget)}")
        if line.executed is not None:
            details.append(f"全年执行数{w.amt(line.executed)}")
            rate = percent(line.executed.value, line.annual_budget.value)
            if rate is not None:
                details.append(f"预算执行率{pct_text(rate)}")
    if e.total_score is not None:
        details.append(f"自评得分{_score(e.total_score)}分")
    if e.grade:
        details.append(f"评价等级为“{e.grade}”")
    if details:
        text += "：" + "，".join(details)
    text += "。"
    if e.problems:
        text += f"存在的问题及改进措施：{e.problems.strip().rstrip('。')}。"
    return text
