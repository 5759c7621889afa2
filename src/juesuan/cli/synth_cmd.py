"""``juesuan synth``: write a corpus of synthetic disclosures with ground truth."""

from __future__ import annotations

from pathlib import Path

import typer

from juesuan.cli.common import console, err_console


def register(app: typer.Typer) -> None:
    app.command(
        "synth",
        help="生成合成的部门决算公开文件（可加噪声、注入错误），附真值 truth.jsonl 与模型",
    )(synth)


def synth(
    count: int = typer.Option(..., "-n", "--count", min=1, help="生成的文件数"),
    out: Path = typer.Option(..., "-o", "--out", help="输出文件夹（须为空，或加 --force）"),
    seed: int = typer.Option(0, "--seed", help="随机种子（相同种子生成完全相同的文件）"),
    style: str = typer.Option("txt", "--style", help="样式：txt、docx、pdf 或 mixed（轮换）"),
    noise: int = typer.Option(1, "--noise", min=0, max=3, help="TXT 噪声等级 0–3"),
    inject_errors: int = typer.Option(0, "--inject-errors", min=0, help="每个文件注入的错误个数"),
    year: int = typer.Option(2024, "--year", help="决算年度"),
    force: bool = typer.Option(False, "--force", help="允许写入非空文件夹（覆盖同名文件）"),
) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from juesuan.synth.corpus import check_output_dir, pdf_available, styles_for, write_corpus

    check_output_dir(out, force)
    styles_for(style, count)  # refuses an unknown style, or pdf without WeasyPrint
    if style == "mixed" and not pdf_available():
        err_console.print("提示：WeasyPrint 不可用，mixed 样式将只轮换 txt 与 docx，跳过 PDF。")
    with Progress(
        TextColumn("[bold]生成中[/bold]"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err_console,
        transient=False,
    ) as bar:
        task = bar.add_task("", total=count)

        def step(doc: object) -> None:
            bar.update(task, advance=1, description=str(getattr(doc, "file", "")))

        docs = write_corpus(
            out,
            count,
            seed=seed,
            style=style,
            noise=noise,
            inject_errors=inject_errors,
            year=year,
            force=force,
            progress=step,
        )
    injected = sum(len(d.injections) for d in docs)
    console.print(
        f"已生成 {len(docs)} 个文件到 {out}（注入错误 {injected} 处）；"
        f"真值见 {out / 'truth.jsonl'}，模型见 {out / 'models'}。"
    )
