"""``juesuan template``: write the blank workbook a finance officer fills in, or one
pre-filled from existing data (``--from``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from juesuan.cli.common import console, err_console

DEFAULT_OUT = Path("决算编制模板.xlsx")
DEFAULT_YEAR = date.today().year - 1

OUT_OPTION = typer.Option(DEFAULT_OUT, "-o", "--output", help="输出的工作簿文件")
YEAR_OPTION = typer.Option(
    None, "--year", help="决算年度（默认上一年；与 --from 同用时改写数据中的决算年度）"
)
FORCE_OPTION = typer.Option(False, "--force", help="覆盖已存在的文件")
FROM_OPTION = typer.Option(
    None,
    "--from",
    help="用已有数据预填（YAML/JSON/XLSX，如上年的数据），或把 YAML 转成工作簿",
)


def _filled(source: Path, out: Path, year: int | None, force: bool) -> None:
    from juesuan.compile.fill import write_filled
    from juesuan.source import load_any

    d = load_any(source)
    if year is not None and year != d.meta.fiscal_year:
        d = d.model_copy(update={"meta": d.meta.model_copy(update={"fiscal_year": year})})
    skipped: list[str] = []
    path = write_filled(d, out, force, on_skip=skipped.append)
    console.print(
        f"已生成 {d.meta.fiscal_year} 年度决算编制工作簿（已按 {source.name} 预填）：{path}"
    )
    for message in skipped:
        err_console.print(f"[yellow]未写入[/yellow]：{message}", markup=True, soft_wrap=True)
    console.print("请核对并修改预填的内容，完成后用 juesuan parse 读取检查。")


def template(
    out: Path = OUT_OPTION,
    year: int | None = YEAR_OPTION,
    force: bool = FORCE_OPTION,
    source: Path | None = FROM_OPTION,
) -> None:
    """Write the blank workbook for ``year`` (or one filled from ``source``) and say where."""
    if source is not None:
        _filled(source, out, year, force)
        return
    year = DEFAULT_YEAR if year is None else year
    from juesuan.compile.template import write_template  # openpyxl: only when it is needed

    path = write_template(out, year, force)
    console.print(f"已生成 {year} 年度决算编制模板：{path}")
    console.print("请按“填写说明”工作表填写，完成后用 juesuan parse 读取检查。")
