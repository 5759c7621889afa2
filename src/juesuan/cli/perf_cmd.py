"""``juesuan perf``: 绩效自评 scoring, monitoring, profiles and report drafts.

Exit codes: 0 clean, 1 error-level findings (score) or alerts (monitor), 2 bad input.
"""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from juesuan.cli.common import Format, dump_json
from juesuan.errors import JuesuanError

perf_app = typer.Typer(help="绩效自评：评分、监控、自评表", no_args_is_help=True)

FileArg = Annotated[Path, typer.Argument(help="输入文件：工作簿(.xlsx)、YAML/JSON，或已公开的文件")]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="输出格式：text 或 json")]
ProfileOption = Annotated[
    str | None,
    typer.Option(
        "--profile", "-p", help="评分规则名称（national、henan …）或 YAML 文件；默认按各表自带规则"
    ),
]


def _console() -> Console:
    return Console(file=sys.stdout, highlight=False, soft_wrap=True, width=160)


def _load(path: Path) -> Any:
    from juesuan.source import load_any

    return load_any(path)


def _findings_json(findings: list[Any]) -> list[dict[str, Any]]:
    return [f.model_dump(mode="json", exclude_none=True) for f in findings]


@perf_app.command("score")
def score(file: FileArg, profile: ProfileOption = None, fmt: FormatOption = Format.text) -> None:
    """重算每张自评表的得分、执行率、总分与等级，与印出值对照，并列出问题。"""
    from juesuan.perf.checks import check_evaluations, check_scored
    from juesuan.perf.profile import load_profile
    from juesuan.perf.render import render_findings, render_scored
    from juesuan.perf.score import recompute

    override = load_profile(profile) if profile else None
    disclosure = _load(file)
    scored = [recompute(e, override) for e in disclosure.evaluations]
    findings = check_evaluations(disclosure, override)
    if fmt is Format.json:
        payload = {
            "file": str(file),
            "evaluations": [
                {**s.to_dict(), "findings": _findings_json(check_scored(s))} for s in scored
            ],
            "findings": _findings_json(findings),
        }
        sys.stdout.write(dump_json(payload) + "\n")
    else:
        console = _console()
        if not scored:
            console.print("文件中没有绩效自评表。")
        for s in scored:
            render_scored(console, s)
            console.print()
        render_findings(console, findings)
    if any(f.severity == "error" for f in findings):
        raise typer.Exit(1)


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise JuesuanError(f"日期应为 YYYY-MM-DD 格式：{text}", "--date") from exc


@perf_app.command("monitor")
def monitor_cmd(
    file: FileArg,
    at: Annotated[str, typer.Option("--date", "-d", help="监控日期 YYYY-MM-DD，如 2023-07-31")],
    threshold: Annotated[
        str, typer.Option("--threshold", help="执行率落后序时进度多少个百分点时预警")
    ] = "10",
    profile: ProfileOption = None,
    fmt: FormatOption = Format.text,
) -> None:
    """绩效运行监控：预算执行率与序时进度比较，并估计各指标能否完成。"""
    from juesuan.perf.monitor import monitor
    from juesuan.perf.profile import load_profile
    from juesuan.perf.render import render_monitor

    when = _parse_date(at)
    try:
        limit = Decimal(threshold)
    except InvalidOperation as exc:
        raise JuesuanError(f"--threshold 应为数字：{threshold}") from exc
    override = load_profile(profile) if profile else None
    disclosure = _load(file)
    results = [monitor(e, when, limit, override) for e in disclosure.evaluations]
    if fmt is Format.json:
        sys.stdout.write(dump_json([r.to_dict() for r in results]) + "\n")
    else:
        console = _console()
        if not results:
            console.print("文件中没有绩效自评表。")
        for r in results:
            render_monitor(console, r)
            console.print()
    if any(r.alerts for r in results):
        raise typer.Exit(1)


@perf_app.command("profiles")
def profiles(fmt: FormatOption = Format.text) -> None:
    """列出内置评分规则（权重、等级分数线、来源）。"""
    from juesuan.perf.profile import list_profiles
    from juesuan.perf.render import render_profiles

    items = list_profiles()
    if fmt is Format.json:
        sys.stdout.write(dump_json([p.model_dump(mode="json") for p in items]) + "\n")
    else:
        render_profiles(_console(), items)


@perf_app.command("report")
def report_cmd(
    file: FileArg,
    out: Annotated[
        Path,
        typer.Option("--output", "-o", help="输出文件夹（写入自评表 XLSX/DOCX 与自评报告草稿）"),
    ],
    profile: ProfileOption = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的输出文件")] = False,
) -> None:
    """生成标准格式的绩效自评表（XLSX、DOCX）和自评报告草稿（DOCX、Markdown）。"""
    from juesuan.perf.profile import load_profile
    from juesuan.perf.report_write import write_perf_report

    try:
        override = load_profile(profile) if profile else None
        disclosure = _load(file)
        result = write_perf_report(disclosure, out, override, force)
    except JuesuanError as exc:
        for problem in exc.problems:
            typer.echo(f"错误：{problem}", err=True)
        raise typer.Exit(2) from None
    console = _console()
    n = len(result.scored)
    console.print(f"已为 {n} 张绩效自评表生成：")
    for path in result.files:
        console.print(f"  {path}")
    console.print(
        f"与重算不一致的印出值 {result.mismatches} 处（已标红并注明），"
        f"原表未印、按评分规则补算 {result.filled} 处；"
        f"自评报告中待填写的【请填写：…】 {result.placeholders} 处。"
    )


def register(app: typer.Typer) -> None:
    app.add_typer(perf_app, name="perf")
