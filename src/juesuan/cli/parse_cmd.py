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
        help="json=完整模型；facts=每行一个数字事实（JSON Lines）",
    ),
    out: Path | None = typer.Option(None, "-o", "--output", help="写入文件（默认输出到终端）"),
    force: bool = typer.Option(False, "--force", help="覆盖已存在的输出文件"),
) -> None:
    """读取输入，输出模型（json）或事实（facts）。"""
    from juesuan.source import iter_inputs

    paths = iter_inputs(files)
    if not paths:
        raise JuesuanError("没有找到可读取的输入文件")
    models = [_load(p) for p in paths]
    if fmt is ParseFormat.facts:
        text = "".join(facts_jsonl(m) for m in models)
    elif len(models) == 1:
        text = models[0].model_dump_json(indent=2, exclude_defaults=True)
    else:
        text = dump_json([m.model_dump(mode="json", exclude_defaults=True) for m in models])
    write_output(text, out, force)


def examples_dir() -> Path:
    """The bundled examples: ``examples/`` of the source tree."""
    return Path(__file__).resolve().parents[3] / "examples"


def demo(
    examples: Path = typer.Option(
        None, "--examples", help="示例文件夹（默认：仓库中的 examples/）"
    ),
    out: Path = typer.Option(Path("out/demo"), "-o", "--output", help="输出文件夹"),
) -> None:
    """在内置示例上运行主流程：读取、校验、汇总，并写出模型与事实文件。"""
    from juesuan.source import iter_inputs

    folder = examples or examples_dir()
    paths = [
        p for p in iter_inputs([folder]) if p.suffix.lower() in (".yaml", ".yml", ".xlsx", ".json")
    ]
    if not paths:
        raise JuesuanError(f"示例文件夹中没有示例：{folder}")
    out.mkdir(parents=True, exist_ok=True)
    summary = RichTable(title="示例汇总", show_lines=False)
    for col in ("示例", "单位", "年度", "范围", "公开表", "数字事实", "绩效自评表"):
        summary.add_column(col)
    for path in paths:
        d = _load(path)
        name = path.parent.name if path.parent != folder else path.stem
        target = out / name
        target.mkdir(parents=True, exist_ok=True)
        (target / "model.json").write_text(
            d.model_dump_json(indent=2, exclude_defaults=True), encoding="utf-8"
        )
        (target / "facts.jsonl").write_text(facts_jsonl(d), encoding="utf-8")
        n_facts = sum(1 for _ in iter_facts(d))
        summary.add_row(
            name,
            d.meta.unit_name,
            str(d.meta.fiscal_year),
            d.meta.scope,
            str(len(d.tables)),
            str(n_facts),
            str(len(d.evaluations)),
        )
        _demo_hooks(d, target)
    console.print(summary)
    console.print(f"输出位置：{out.resolve()}（每个示例一个文件夹：model.json、facts.jsonl）")


def _demo_hooks(d: Disclosure, target: Path) -> None:
    """Later stages (audit, publish) add their demo output here when installed."""
    try:
        from juesuan.audit import run
    except ImportError:
        return
    report = run(d)
    (target / "findings.json").write_text(
        json.dumps(
            [f.model_dump(mode="json") for f in report.findings], ensure_ascii=False, indent=2
        ),
        encoding="utf-8",
    )
    console.print(
        f"{d.meta.unit_name}：审核发现 {len(report.findings)} 条（见 {target / 'findings.json'}）"
    )


__all__ = ["demo", "dump_json", "parse"]
