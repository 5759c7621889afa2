"""Rich renderings for the ``perf`` commands (Chinese headers)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.table import Table

from juesuan.model.finding import SEVERITY_ZH, Finding
from juesuan.perf.indicator import IndicatorResult
from juesuan.perf.interval import fmt
from juesuan.perf.monitor import MonitorResult
from juesuan.perf.profile import PerfProfile
from juesuan.perf.score import ScoredEvaluation

_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}
_MARK = {True: "✓", False: "✗", None: "？"}


def _s(value: object) -> str:
    return "—" if value is None else str(value)


def _printed(r: IndicatorResult) -> str:
    if r.printed is not None:
        return str(r.printed.value)
    if r.inferred is not None:
        return f"（反推 {fmt(r.inferred.mid)}）"
    return "—"


def render_scored(console: Console, scored: ScoredEvaluation) -> None:
    ev, ex = scored.evaluation, scored.execution
    kind = "部门整体支出绩效自评" if ev.kind == "department" else "项目支出绩效自评"
    console.print(f"[bold]{kind}：{ev.name}[/bold]  评分规则：{scored.profile.title}")
    table = Table(show_lines=False)
    for col in ("一级指标", "三级指标", "分值", "目标", "实际", "印出得分", "重算", "一致", "说明"):
        table.add_column(col, overflow="fold")
    for r in scored.indicators:
        ind = r.indicator
        op = "" if r.operator in (None, "文字描述") else (r.operator or "")
        table.add_row(
            ind.level1,
            r.label,
            _s(r.weight),
            f"{op}{ind.target_text or _s(ind.target and ind.target.value)}",
            ind.actual_text or _s(ind.actual and ind.actual.value),
            _printed(r),
            r.shown(),
            _MARK[r.agrees()],
            "；".join(r.notes),
        )
    rate = fmt(ex.rate, pct=True) if ex.rate is not None else "—"
    table.add_row(
        "预算执行率",
        f"执行率 印{_s(ex.rate_printed and ex.rate_printed.value)} / 算{rate}",
        _s(ex.weight_used),
        "",
        "",
        _s(ex.points_printed and ex.points_printed.value),
        fmt(ex.points),
        _MARK[ex.points_agree()],
        "；".join(ex.notes),
        end_section=True,
    )
    psum = fmt(scored.printed_sum.mid) if scored.printed_sum is not None else "—"
    table.add_row(
        "总分",
        f"印出各项之和 {psum}",
        _s(scored.weight_total),
        "",
        "",
        _s(scored.printed_total and scored.printed_total.value),
        fmt(scored.recomputed_total),
        "",
        f"等级：印“{_s(ev.grade)}”，重算“{_s(scored.recomputed_grade)}”",
    )
    console.print(table)
    cats = "；".join(
        f"{c.name} {c.printed}" + (f"/{c.profile}" if c.profile is not None else "")
        for c in scored.categories
    )
    console.print(
        f"一级指标分值（印出/规则）：{cats}；执行率分值 {ex.weight_used}/{ex.profile_weight}"
    )


def render_findings(console: Console, findings: Iterable[Finding]) -> None:
    items = list(findings)
    if not items:
        console.print("[green]未发现问题。[/green]")
        return
    for f in items:
        style = _STYLE.get(f.severity, "")
        console.print(
            f"[{style}]{SEVERITY_ZH[f.severity]} {f.code}[/{style}] {f.message}"
            f"\n    位置：{f.location.describe()}"
            + (f"\n    应为：{f.expected}；实为：{f.actual}" if f.expected or f.actual else "")
            + (f"\n    计算：{f.computation}" if f.computation else ""),
            soft_wrap=True,
        )
    counts = {s: sum(1 for f in items if f.severity == s) for s in ("error", "warning", "info")}
    console.print(
        f"共 {len(items)} 项：错误 {counts['error']}，"
        f"警告 {counts['warning']}，提示 {counts['info']}"
    )


def render_monitor(console: Console, result: MonitorResult) -> None:
    ev = result.evaluation
    rate = fmt(result.execution_rate, pct=True) if result.execution_rate is not None else "—"
    console.print(
        f"[bold]绩效运行监控：{ev.name}[/bold]  日期 {result.date.isoformat()}  "
        f"序时进度 {fmt(result.schedule, pct=True)}  预算执行率 {rate}"
    )
    table = Table()
    for col in ("三级指标", "状态", "进度", "说明"):
        table.add_column(col, overflow="fold")
    names = {"on_track": "正常", "behind": "滞后", "exceeded": "超限", "unknown": "需人工判断"}
    for p in result.indicators:
        table.add_row(
            p.label,
            names[p.status],
            fmt(p.progress, pct=True) if p.progress is not None else "—",
            p.message,
        )
    console.print(table)
    for alert in result.alerts:
        console.print(f"[yellow]预警[/yellow] {alert}", soft_wrap=True)
    if not result.alerts:
        console.print("[green]执行进度与指标进度未见明显偏差。[/green]")


def render_profiles(console: Console, profiles: Iterable[PerfProfile]) -> None:
    table = Table(title="评分规则")
    for col in ("名称", "别名", "说明", "预算执行率", "一级指标分值", "等级"):
        table.add_column(col, overflow="fold")
    for p in profiles:
        table.add_row(
            p.name,
            "、".join(p.aliases),
            p.title,
            str(p.execution.weight),
            "、".join(f"{c.name} {c.weight}" for c in p.categories),
            "、".join(f"{g.name}≥{g.min}" for g in p.grades),
        )
    console.print(table)
