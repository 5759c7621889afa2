"""``juesuan rules`` / ``juesuan rule CODE`` / ``juesuan check FILE_OR_DIR...``.

``check`` exit codes: 0 no finding at or above ``--fail-on`` (default error), 1 findings,
2 unusable input or usage.  Output formats: text (rich, Chinese), JSON (the format is
documented in :mod:`juesuan.audit.render`), HTML (a review page per document, see
:mod:`juesuan.audit.render_html`; several documents: one page each plus ``index.html`` in
the ``-o`` folder) and XLSX (a finding list to annotate, :mod:`juesuan.audit.render_xlsx`).
"""

from __future__ import annotations

import io
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table as RichTable

from juesuan.cli import common
from juesuan.cli.common import Format, dump_json, write_output
from juesuan.errors import JuesuanError
from juesuan.model.disclosure import Disclosure
from juesuan.source import DOCUMENT_SUFFIXES, iter_inputs, load_any


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"
    xlsx = "xlsx"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


def register(app: typer.Typer) -> None:
    app.command("rules", help="列出全部审核规则（编码、类别、严重程度、标题）")(rules)
    app.command("rule", help="显示一条审核规则的详细说明，如：juesuan rule T0101")(rule)
    app.command("check", help="审核决算公开文件：表内与表间勾稽、完整性、科目编码与名称")(check)


# --------------------------------------------------------------------------- rules / rule


FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="输出格式：text 或 json")]


def rules(fmt: FormatOpt = Format.text) -> None:
    from juesuan.audit.registry import all_rules

    items = all_rules()
    if fmt == Format.json:
        data = [
            {
                "code": r.code,
                "family": r.family,
                "severity": r.severity,
                "title": r.title,
                "explanation": r.explanation,
            }
            for r in items
        ]
        write_output(dump_json(data), None)
        return
    table = RichTable(title="juesuan 审核规则", show_lines=False)
    for header in ("编码", "类别", "严重程度", "标题"):
        table.add_column(header)
    from juesuan.model.finding import SEVERITY_ZH

    for r in items:
        table.add_row(r.code, r.family_zh, SEVERITY_ZH[r.severity], escape(r.title))
    common.console.print(table)


def rule(
    code: Annotated[str, typer.Argument(help="规则编码，如 T0101")],
    fmt: FormatOpt = Format.text,
) -> None:
    from juesuan.audit.registry import get_rule, known_codes
    from juesuan.model.finding import SEVERITY_ZH

    found = get_rule(code)
    if found is None:
        near = [c for c in known_codes() if c.startswith(code.strip().upper()[:3])]
        hint = f"（相近的编码：{', '.join(near[:8])}）" if near else "（用 juesuan rules 查看全部）"
        raise JuesuanError(f"没有编码为“{code}”的规则{hint}")
    if fmt == Format.json:
        write_output(
            dump_json(
                {
                    "code": found.code,
                    "family": found.family,
                    "severity": found.severity,
                    "title": found.title,
                    "explanation": found.explanation,
                }
            ),
            None,
        )
        return
    text = (
        f"{found.code}：{found.title}\n\n"
        f"类别：{found.family_zh}（{found.family}）　严重程度：{SEVERITY_ZH[found.severity]}"
        f"（{found.severity}）\n\n{found.explanation}\n"
    )
    write_output(text, None)


# --------------------------------------------------------------------------- check


def load_document(path: Path) -> Disclosure:
    """Read any supported file into a Disclosure (``juesuan.source.load_any``)."""
    return load_any(path)


def collect_files(paths: list[Path], exclude: Path | None = None) -> tuple[list[Path], bool]:
    """Expand directories (recursively) into supported files; (files, any directory given).

    ``exclude`` (the report being written) is never taken as an input.
    """
    files: list[Path] = []
    had_dir = False
    for path in paths:
        if path.is_dir():
            had_dir = True
            found = [
                p
                for p in iter_inputs([path])
                if exclude is None or p.resolve() != exclude.resolve()
            ]
            if not found:
                raise JuesuanError("目录中没有可审核的文件", str(path))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise JuesuanError("文件或目录不存在", str(path))
    return files, had_dir


def check(
    paths: Annotated[list[Path], typer.Argument(help="要审核的文件或目录（目录下递归查找）")],
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            help="输出格式：text、json、html（复核用网页报告）或 xlsx（可批注的问题清单）",
        ),
    ] = CheckFormat.text,
    out: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="写入文件（默认输出到终端）；多个文件的 html 报告写入此文件夹（另有 index.html）",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的输出文件")] = False,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", help="只运行这些规则：编码或前缀，逗号分隔，可重复（如 T,X01）"),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", help="不运行这些规则：编码或前缀（如 T0001 隐藏尾差提示）"),
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", help="达到该严重程度即以 1 退出：error（默认）、warning、info"),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", help="配置文件（juesuan.toml 或 pyproject.toml）；默认在输入文件旁查找"
        ),
    ] = None,
) -> None:
    from juesuan.audit import run
    from juesuan.audit.config import (
        AuditConfig,
        discover_config,
        load_config,
        normalise_selectors,
        validate_selectors,
    )
    from juesuan.audit.render import DocumentResult, render_text, to_json

    sel = normalise_selectors(select) if select else None
    ign = normalise_selectors(ignore) if ignore else None
    if sel is not None:
        validate_selectors(sel, "--select")
    if ign is not None:
        validate_selectors(ign, "--ignore")
    explicit = load_config(config) if config is not None else None
    files, had_dir = collect_files(paths, exclude=out)
    html_pages = _HtmlPages(files, out, force) if fmt == CheckFormat.html else None
    if fmt == CheckFormat.xlsx:
        from juesuan.audit.report_output import ensure_writable, require_file

        ensure_writable([require_file(out, "XLSX 报告")], force)

    results: list[DocumentResult] = []
    for path in _progress(files, had_dir or len(files) > 1):
        base = explicit or discover_config(path) or AuditConfig()
        cfg = base.merged(select=sel, ignore=ign, fail_on=fail_on.value if fail_on else None)
        try:
            disclosure = load_document(path)
        except JuesuanError as exc:
            if len(files) == 1 and not had_dir:
                raise
            results.append(DocumentResult(str(path), error=str(exc), fail_on=cfg.fail_on))
            if html_pages is not None:
                html_pages.add(path, results[-1], None)
            continue
        report = run(disclosure, config=cfg, raise_errors=common.DEBUG)
        results.append(
            DocumentResult(
                str(path),
                report,
                unit=disclosure.meta.unit_name,
                year=disclosure.meta.fiscal_year,
                fail_on=cfg.fail_on,
            )
        )
        if html_pages is not None:
            html_pages.add(path, results[-1], disclosure)

    if fmt == CheckFormat.json:
        write_output(dump_json(to_json(results)), out, force)
    elif fmt == CheckFormat.xlsx:
        from juesuan.audit.render_xlsx import render_xlsx
        from juesuan.audit.report_output import require_file, write_bytes

        write_bytes(render_xlsx(results), require_file(out, "XLSX 报告"), force)
    elif html_pages is not None:
        html_pages.write()
    elif out is None:
        render_text(results, common.console)
    else:
        buffer = io.StringIO()
        render_text(results, Console(file=buffer, width=120, highlight=False, no_color=True))
        write_output(buffer.getvalue(), out, force)

    unusable = [r for r in results if r.report is None]
    for r in unusable:
        common.err_console.print(f"[red]错误[/red]：{escape(r.error or '')}", soft_wrap=True)
    if unusable:
        raise SystemExit(2)
    if any(r.failed for r in results):
        # SystemExit (not typer.Exit): run_guarded drops typer.Exit codes in non-standalone mode.
        raise SystemExit(1)


class _HtmlPages:
    """HTML pages rendered as documents are audited (layouts are not kept in memory).

    One file and ``-o`` ending in .html (or no ``-o``: standard output): a single page.
    Otherwise ``-o`` is a folder that receives one page per document and ``index.html``.
    """

    def __init__(self, files: list[Path], out: Path | None, force: bool) -> None:
        from juesuan.audit.render_html import page_names
        from juesuan.audit.report_output import ensure_writable

        self.out = out
        self.force = force
        self.single = len(files) == 1 and (out is None or out.suffix.lower() in (".html", ".htm"))
        self.names = page_names([str(p) for p in files])
        self.pages: list[str] = []
        self.docs: list[Any] = []
        if self.single:
            if out is not None:
                ensure_writable([out], force)
            return
        if out is None:
            raise JuesuanError(
                "多个文件的 HTML 报告需要用 -o 指定输出文件夹（每个文件一页，另有 index.html 汇总）"
            )
        if out.exists() and not out.is_dir():
            raise JuesuanError(f"多个文件的 HTML 报告需要输出到文件夹，但 {out} 是一个文件")
        ensure_writable([out / n for n in (*self.names, "index.html")], force)

    def add(self, path: Path, result: Any, disclosure: Disclosure | None) -> None:
        from juesuan.audit.render_html import HtmlDocument, render_document

        layout = _layout_for(path) if disclosure is not None else None
        doc = HtmlDocument(result, disclosure, layout)
        self.pages.append(render_document(doc, None if self.single else "index.html"))
        self.docs.append(HtmlDocument(result))

    def write(self) -> None:
        from juesuan.audit.render_html import render_index
        from juesuan.audit.report_output import write_text

        if self.single:
            if self.out is None:
                write_output(self.pages[0], None)
            else:
                write_text(self.pages[0], self.out, self.force)
            return
        assert self.out is not None
        self.out.mkdir(parents=True, exist_ok=True)
        for name, page in zip(self.names, self.pages, strict=True):
            write_text(page, self.out / name, self.force)
        write_text(render_index(self.docs, self.names), self.out / "index.html", self.force)


def _layout_for(path: Path) -> Any:
    """The layout of a published document (for the HTML view), or None."""
    if path.suffix.lower() not in DOCUMENT_SUFFIXES:
        return None
    from juesuan.extract.document import read_layout

    try:
        return read_layout(path)
    except JuesuanError:
        return None


def _progress(files: list[Path], show: bool) -> Any:
    """Iterate over files with a progress bar on stderr (only for several files on a terminal)."""
    if not show or not common.err_console.is_terminal:
        yield from files
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("审核中"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=common.err_console,
        transient=True,
    ) as progress:
        task = progress.add_task("", total=len(files))
        for path in files:
            progress.update(task, description=path.name)
            yield path
            progress.advance(task)
