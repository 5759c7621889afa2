"""``juesuan build INPUT -o DIR``: audit, then publish DOCX/PDF/HTML/XLSX/TXT.

Exit codes: 0 written; 1 the audit found errors (nothing written unless ``--force``);
2 unusable input or usage (including existing output files without ``--force``).
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from juesuan.cli.common import console, err_console

MAX_LISTED = 30


def register(app: typer.Typer) -> None:
    app.command(
        "build",
        help="由工作簿/YAML 生成部门决算公开文件（DOCX、PDF、HTML、XLSX、TXT），生成前先审核",
    )(build)


def build(
    input_path: Path = typer.Argument(..., metavar="INPUT", help="编制工作簿（.xlsx）或 YAML/JSON"),
    out: Path = typer.Option(..., "--out", "-o", help="输出文件夹"),
    template: str = typer.Option("national", "--template", "-t", help="发布模板（默认 national）"),
    formats: str = typer.Option(
        "all", "--format", "-f", help="输出格式：all，或逗号分隔的 docx,pdf,html,xlsx,txt"
    ),
    force: bool = typer.Option(
        False, "--force", help="审核有错误时仍然生成（保留占位符），并覆盖已存在的文件"
    ),
) -> None:
    from juesuan.publish.build import blocking_findings, parse_formats
    from juesuan.publish.build import build as run_build
    from juesuan.source import load_any

    wanted = parse_formats(formats)
    d = load_any(input_path)
    errors = blocking_findings(d)
    if errors:
        err_console.print(
            f"[red]审核发现 {len(errors)} 个错误[/red]：", markup=True, soft_wrap=True
        )
        for f in errors[:MAX_LISTED]:
            where = _where(f.location)
            err_console.print(
                f"  {f.code} {escape(where)}{escape(f.message)}", markup=True, soft_wrap=True
            )
        if len(errors) > MAX_LISTED:
            err_console.print(
                f"  ……另有 {len(errors) - MAX_LISTED} 个错误，请用 juesuan check 查看全部。"
            )
        if not force:
            err_console.print("未生成任何文件。请先修正上述错误；如确需生成，请加 --force。")
            raise typer.Exit(1)
        err_console.print(
            "[yellow]警告[/yellow]：已指定 --force，尽管存在审核错误仍将生成文件。",
            markup=True,
            soft_wrap=True,
        )
    result = run_build(d, out, wanted, template=template, force=force)
    for warning in result.warnings:
        err_console.print(f"[yellow]警告[/yellow]：{escape(warning)}", markup=True, soft_wrap=True)
    console.print(f"已生成 {len(result.files)} 个文件（用时 {result.seconds['total']:.1f} 秒）：")
    for fmt, path in result.files.items():
        console.print(f"  {fmt.upper():5} {escape(str(path))}")
    if result.missing:
        err_console.print(
            f"[yellow]注意[/yellow]：情况说明中有 {len(result.missing)} 处缺少原因或数据，"
            "已用【请填写原因】等占位符标出，发布前请补充：",
            markup=True,
            soft_wrap=True,
        )
        for m in result.missing:
            err_console.print(f"  - {escape(m.describe())}", markup=True, soft_wrap=True)


def _where(location: object) -> str:
    table = getattr(location, "table", None)
    line = getattr(location, "line", None)
    if table:
        return f"[公开{table}表] "
    if line:
        return f"[第{line}行] "
    return ""
