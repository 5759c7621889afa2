"""``write_filled``: the standard template, pre-filled with a disclosure.

A department can start from last year's data, or turn a YAML/JSON disclosure into the
workbook it would have filled in.  Reading the result with ``read_workbook`` gives the same
disclosure back (apart from provenance and the source file), figures exact to the printed
decimals: amounts are written as numbers (the Decimal itself, never a float) with a number
format showing exactly their printed decimals.

Rows mirror the disclosure: the coded rows in code order, 公开06 as the disclosure lists
it, and a standard row of 公开01/04 (or a 合计 / footer row) the disclosure's table lacks is
left blank.  What the layout cannot hold (e.g. a row without 科目编码 in a coded table, two
projects of the same name) is left out and reported through ``on_skip``.  Where the
disclosure leaves the tables' furniture unset (headers, 公开NN表, 金额单位, title, 行次, the
类 codes of 公开01/04) the template's standard furniture stays, and reading the workbook
back supplies it.  Indicators get two extra numeric columns (年度指标值（数值）,
实际完成值（数值）) so that "3000人" keeps its figure 3000.00.
"""

from __future__ import annotations

import os
import tempfile
import uuid
import warnings
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from juesuan.compile.fill_sections import (
    fill_evaluations,
    fill_extras,
    fill_info,
    fill_profile,
    fill_summary,
)
from juesuan.compile.fill_tables import fill_tables
from juesuan.compile.fill_xlsx import Skipped
from juesuan.compile.template import write_template
from juesuan.errors import JuesuanError
from juesuan.model.disclosure import Disclosure


def fill_workbook(wb: Workbook, d: Disclosure) -> list[str]:
    """Fill a freshly written template in place; returns what could not be written."""
    skipped = Skipped()
    fill_info(wb, d, skipped)
    fill_profile(wb, d)
    fill_tables(wb, d.tables, skipped)
    fill_extras(wb, d)
    fill_evaluations(wb, d, skipped)
    fill_summary(wb, d.evaluation_summary)
    return skipped.items


def write_filled(
    d: Disclosure,
    path: Path | str,
    force: bool = False,
    on_skip: Callable[[str], None] | None = None,
) -> Path:
    """Write the template for ``d.meta.fiscal_year`` filled with ``d``; refuse to overwrite
    an existing file unless ``force``.  ``on_skip`` hears of each item left out."""
    path = Path(path)
    if path.exists() and not force:
        raise JuesuanError(f"文件已存在：{path}。如需覆盖请加 --force。", str(path))
    with tempfile.TemporaryDirectory() as tmp:
        blank = write_template(Path(tmp) / "template.xlsx", d.meta.fiscal_year)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(blank)
    for message in fill_workbook(wb, d):
        if on_skip is not None:
            on_skip(message)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Save beside the target and move it into place: a failed save leaves no torn file.
        partial = path.with_name(f".{path.stem}.{os.getpid()}.{uuid.uuid4().hex[:8]}.xlsx")
        try:
            wb.save(partial)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
    except OSError as exc:
        raise JuesuanError(f"无法写入文件：{exc.strerror or exc}", str(path)) from None
    return path
