"""``juesuan catalog``: look up, search and import classification catalogs."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from juesuan.catalog import SOURCE_LABELS, Catalog, CatalogEntry
from juesuan.catalog.entry import KIND_LABELS
from juesuan.cli.common import Format, dump_json
from juesuan.errors import JuesuanError

catalog_app = typer.Typer(help="分类科目目录：查询、搜索、导入", no_args_is_help=True)


class KindOption(StrEnum):
    function = "function"
    economic = "economic"


class SourceOption(StrEnum):
    official = "official"
    observed = "observed"
    recalled = "recalled"


YearOption = Annotated[int | None, typer.Option("--year", "-y", help="只看该年度有效的条目")]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="输出格式：text 或 json")]


def _fail(exc: JuesuanError) -> typer.Exit:
    for problem in exc.problems:
        typer.echo(f"错误：{problem}", err=True)
    return typer.Exit(2)


def _entry_json(entry: CatalogEntry) -> dict[str, Any]:
    return entry.model_dump(mode="json")


def _console() -> Console:
    return Console(file=sys.stdout, highlight=False, soft_wrap=True)


@catalog_app.command("show")
def show(
    code: Annotated[str, typer.Argument(help="科目编码，如 2101501 或 30113")],
    year: YearOption = None,
    fmt: FormatOption = Format.text,
) -> None:
    """显示一个科目编码的名称、级次、上级路径、有效年度和来源。"""
    try:
        catalog = Catalog.load()
    except JuesuanError as exc:
        raise _fail(exc) from exc
    entry = catalog.get(code, year)
    if entry is None:
        where = f"{year}年" if year is not None else "目录"
        typer.echo(f"未找到科目编码“{code}”（{where}中没有有效条目）。", err=True)
        raise typer.Exit(1)
    if fmt is Format.json:
        typer.echo(dump_json(_entry_json(entry)))
        return
    console = _console()
    path = " › ".join(f"{e.code} {e.name}" for e in catalog.path(entry.code, year))
    console.print(f"[bold]{entry.code} {entry.name}[/bold]")
    console.print(f"路径：{path}")
    console.print(f"分类：{KIND_LABELS[entry.kind]}　级次：{entry.level}")
    console.print(f"有效年度：{entry.years_label}　来源：{SOURCE_LABELS[entry.source]}")
    if entry.note:
        console.print(f"备注：{entry.note}")
    versions = catalog.entries_for(entry.code)
    if len(versions) > 1:
        console.print(_table(versions, title="全部版本"))


@catalog_app.command("search")
def search(
    text: Annotated[str, typer.Argument(help="名称中的文字，或编码前缀")],
    year: YearOption = None,
    fmt: FormatOption = Format.text,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="最多显示多少条")] = 50,
) -> None:
    """按名称文字或编码前缀搜索科目。"""
    try:
        found = Catalog.load().search(text, year)
    except JuesuanError as exc:
        raise _fail(exc) from exc
    shown = found[:limit]
    if fmt is Format.json:
        typer.echo(dump_json([_entry_json(e) for e in shown]))
        return
    console = _console()
    if not found:
        console.print(f"没有找到与“{text}”匹配的科目。")
        return
    console.print(_table(shown, title=f"“{text}”的搜索结果"))
    if len(found) > limit:
        console.print(f"共 {len(found)} 条，仅显示前 {limit} 条（可用 --limit 调整）。")


@catalog_app.command("import")
def import_catalog(
    file: Annotated[Path, typer.Argument(help="官方科目文件（XLSX 或 CSV，含编码列和名称列）")],
    kind: Annotated[
        KindOption,
        typer.Option("--kind", "-k", help="function（功能分类）或 economic（经济分类）"),
    ],
    year: Annotated[int, typer.Option("--year", "-y", help="该科目文本适用的年度")],
    source: Annotated[
        SourceOption, typer.Option("--source", help="证据来源")
    ] = SourceOption.official,
) -> None:
    """把官方科目文件导入用户目录（与已有内容合并，不修改输入文件）。"""
    try:
        catalog = Catalog.load()
        count = catalog.import_file(file, kind.value, year, source.value)
        target = catalog.user_file(kind.value)
    except JuesuanError as exc:
        raise _fail(exc) from exc
    typer.echo(f"已导入 {count} 个{KIND_LABELS[kind.value]}科目（{year}年），保存于 {target}")


@catalog_app.command("learn")
def learn(
    files: Annotated[
        list[Path], typer.Argument(help="已公开的决算文件或文件夹（TXT/MD/DOCX/PDF/XLSX/YAML）")
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="只列出将要记录的编码和名称，不写入")
    ] = False,
    fmt: FormatOption = Format.text,
) -> None:
    """从已公开表格中收集“科目编码—名称”对，作为“已公开表格所见”记入用户目录。"""
    from juesuan.catalog.harvest import harvest
    from juesuan.source import iter_inputs, load_any

    pairs: dict[tuple[str, str, int], str] = {}
    problems: list[str] = []
    for path in iter_inputs(files):
        try:
            d = load_any(path)
        except JuesuanError as exc:
            problems.extend(f"{p}" for p in exc.problems)
            continue
        for pair in harvest(d):
            pairs.setdefault(pair, path.name)
    stored = 0
    if not dry_run and pairs:
        try:
            stored = Catalog.load().learn(sorted(pairs))
        except JuesuanError as exc:
            raise _fail(exc) from exc
    if fmt is Format.json:
        out = {
            "pairs": [
                {"code": c, "name": n, "year": y, "file": f}
                for (c, n, y), f in sorted(pairs.items())
            ],
            "stored": stored,
            "problems": problems,
        }
        typer.echo(dump_json(out))
    else:
        for problem in problems:
            typer.echo(f"跳过：{problem}", err=True)
        verb = "将记录" if dry_run else "已记录"
        typer.echo(f"{verb} {len(pairs)} 个编码—名称对（来源：已公开表格所见）")
    if problems and not pairs:
        raise typer.Exit(2)


def _table(entries: list[CatalogEntry], title: str) -> Table:
    table = Table(title=title, show_lines=False)
    for header in ("编码", "名称", "级次", "有效年度", "来源"):
        table.add_column(header, no_wrap=header != "名称")
    for e in entries:
        table.add_row(e.code, e.name, e.level, e.years_label, SOURCE_LABELS[e.source])
    return table
