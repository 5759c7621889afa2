"""``juesuan parse`` and ``juesuan demo``."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer
from rich.table import Table as RichTable

from juesuan.cli.common import console, dump_json, write_output
from juesuan.errors import JuesuanError
from juesuan.model import Disclosure
from juesuan.model.facts import facts_jsonl, iter_facts


class ParseFormat(StrEnum):
    json = "json"
    facts = "facts"
    xlsx = "xlsx"


def _load(path: Path) -> Disclosure:
    from juesuan.source import load_any

    return load_any(path)


def parse(
    files: list[Path] = typer.Argument(
        ..., help="输入文件：工作簿(.xlsx)、YAML/JSON，或已公开的文件"
    ),
    fmt: ParseFormat = typer.Option(
        ParseFormat.json,
        "--format",
        "-f",
        help="json=完整模型；facts=每行一个数字事实（JSON Lines）；"
        "xlsx=按标准格式还原的公开表与事实清单（需 -o）",
    ),
    out: Path | None = typer.Option(None, "-o", "--output", help="写入文件（默认输出到终端）"),
    force: bool = typer.Option(False, "--force", help="覆盖已存在的输出文件"),
    debug_layout: bool = typer.Option(
        False,
        "--debug-layout",
        help="输出版面识别调试网页（HTML）：每行的单元格、识别出的公开表、表头与读入的数值",
    ),
) -> None:
    """读取输入，输出模型（json）、事实（facts）或还原的公开表（xlsx）。"""
    from juesuan.source import iter_inputs

    paths = iter_inputs(files)
    if not paths:
        raise JuesuanError("没有找到可读取的输入文件")
    if debug_layout:
        _debug_layout(paths, out, force)
        return
    if fmt is ParseFormat.xlsx:
        _write_xlsx(paths, out, force)
        return
    models = [_load(p) for p in paths]
    if fmt is ParseFormat.facts:
        text = "".join(facts_jsonl(m) for m in models)
    elif len(models) == 1:
        text = models[0].model_dump_json(indent=2, exclude_defaults=True)
    else:
        text = dump_json([m.model_dump(mode="json", exclude_defaults=True) for m in models])
    write_output(text, out, force)


def _single(paths: list[Path], what: str) -> Path:
    if len(paths) != 1:
        raise JuesuanError(f"{what}一次只能处理一个文件（收到 {len(paths)} 个）")
    return paths[0]


def _write_xlsx(paths: list[Path], out: Path | None, force: bool) -> None:
    """The recovered nine tables in standard layout plus the facts, as one workbook."""
    from juesuan.audit.report_model_xlsx import render_model_xlsx
    from juesuan.audit.report_output import ensure_writable, require_file, write_bytes

    target = require_file(out, "XLSX 格式")
    path = _single(paths, "XLSX 格式")
    ensure_writable([target], force)
    write_bytes(render_model_xlsx(_load(path)), target, force)


def _debug_layout(paths: list[Path], out: Path | None, force: bool) -> None:
    """The page showing the layout lines, cells and what the recogniser made of them."""
    from juesuan.extract.debug_view import render_debug_layout
    from juesuan.extract.document import extract, read_layout
    from juesuan.source import DOCUMENT_SUFFIXES

    path = _single(paths, "--debug-layout ")
    if not path.is_file():
        raise JuesuanError("文件不存在或不是普通文件", str(path))
    if path.suffix.lower() not in DOCUMENT_SUFFIXES:
        raise JuesuanError(
            "--debug-layout 只适用于已公开的文件（TXT、Markdown、DOCX、PDF）", str(path)
        )
    if out is not None and out.exists() and not force:
        raise JuesuanError(f"输出文件已存在：{out}。如需覆盖请加 --force。")
    layout = read_layout(path)
    disclosure: Disclosure | None = None
    error: str | None = None
    try:
        disclosure = extract(layout)
    except JuesuanError as exc:
        error = str(exc)
    write_output(render_debug_layout(layout, disclosure, error), out, force)


def examples_dir() -> Path:
    """The bundled examples: ``examples/`` of the source tree."""
    return Path(__file__).resolve().parents[3] / "examples"


def demo(
    examples: Path = typer.Option(
        None, "--examples", help="示例文件夹（默认：仓库中的 examples/）"
    ),
    out: Path = typer.Option(Path("out/demo"), "-o", "--output", help="输出文件夹"),
) -> None:
    """在内置示例上运行主流程：读取、校验、审核、发布（DOCX/PDF/HTML/XLSX/TXT）。"""
    from juesuan.source import iter_inputs

    folder = examples or examples_dir()
    paths = [
        p for p in iter_inputs([folder]) if p.suffix.lower() in (".yaml", ".yml", ".xlsx", ".json")
    ]
    if not paths:
        raise JuesuanError(f"示例文件夹中没有示例：{folder}")
    groups: dict[Path, list[Path]] = {}
    for p in paths:  # one example per folder; a YAML and a workbook there hold the same data
        groups.setdefault(p.parent, []).append(p)
    out.mkdir(parents=True, exist_ok=True)
    summary = RichTable(title="示例汇总", show_lines=False)
    for col in ("示例", "输入", "单位", "年度", "范围", "公开表", "数字事实", "绩效自评表"):
        summary.add_column(col)
    for parent, files in sorted(groups.items()):
        name = parent.name if parent != folder else files[0].stem
        target = out / name
        target.mkdir(parents=True, exist_ok=True)
        models = [(p, _load(p)) for p in sorted(files, key=lambda p: p.suffix != ".yaml")]
        first_path, d = models[0]
        facts = _fact_set(d)
        for other_path, other in models[1:]:
            same = _fact_set(other) == facts
            console.print(
                f"{name}：{other_path.name} 与 {first_path.name} 的数字事实"
                + ("一致" if same else "[red]不一致[/red]")
            )
        (target / "model.json").write_text(
            d.model_dump_json(indent=2, exclude_defaults=True), encoding="utf-8"
        )
        (target / "facts.jsonl").write_text(facts_jsonl(d), encoding="utf-8")
        summary.add_row(
            name,
            "、".join(p.name for p, _ in models),
            d.meta.unit_name,
            str(d.meta.fiscal_year),
            d.meta.scope,
            str(len(d.tables)),
            str(len(facts)),
            str(len(d.evaluations)),
        )
        _demo_hooks(d, target)
    console.print(summary)
    console.print(
        f"输出位置：{out.resolve()}（每个示例一个文件夹：model.json、facts.jsonl、"
        "findings.json，以及“发布”子文件夹中的 DOCX/PDF/HTML/XLSX/TXT）"
    )


def _fact_set(d: Disclosure) -> set[tuple[object, ...]]:
    return {
        (f["table"], f["side"], f["code"], f["row"], f["column"], f["value"]) for f in iter_facts(d)
    }


def _demo_hooks(d: Disclosure, target: Path) -> None:
    """Audit the example and publish it in every format (the main job of juesuan)."""
    from juesuan.audit import run
    from juesuan.publish.build import build

    report = run(d)
    (target / "findings.json").write_text(
        json.dumps(
            [f.model_dump(mode="json") for f in report.findings], ensure_ascii=False, indent=2
        ),
        encoding="utf-8",
    )
    errors = sum(1 for f in report.findings if f.severity == "error")
    console.print(
        f"{d.meta.unit_name}：审核发现 {len(report.findings)} 条（错误 {errors} 条），"
        f"见 {target / 'findings.json'}"
    )
    if errors:
        console.print("  有错误，未发布。")
        return
    result = build(d, target / "发布", force=True)
    for path in result.files:
        console.print(f"  已生成 {path}")
    for warning in result.warnings:
        console.print(f"  [yellow]注意[/yellow]：{warning}")
    if result.missing:
        console.print(f"  说明中有 {len(result.missing)} 处待补充（原因或数据），已用【】占位标出")


__all__ = ["demo", "dump_json", "parse"]
