"""``juesuan template``: write the blank workbook a finance officer fills in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from juesuan.cli.common import console
from juesuan.compile.template import write_template

DEFAULT_OUT = Path("决算编制模板.xlsx")
DEFAULT_YEAR = date.today().year - 1

OUT_OPTION = typer.Option(DEFAULT_OUT, "-o", "--output", help="输出的工作簿文件")
YEAR_OPTION = typer.Option(DEFAULT_YEAR, "--year", help="决算年度（默认上一年）")
FORCE_OPTION = typer.Option(False, "--force", help="覆盖已存在的文件")


def template(
    out: Path = OUT_OPTION,
    year: int = YEAR_OPTION,
    force: bool = FORCE_OPTION,
) -> None:
    """Write the blank workbook for ``year`` and say where."""
    path = write_template(out, year, force)
    console.print(f"已生成 {year} 年度决算编制模板：{path}")
    console.print("请按“填写说明”工作表填写，完成后用 juesuan parse 读取检查。")
