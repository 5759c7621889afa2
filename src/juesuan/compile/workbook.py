"""``read_workbook``: a filled template (or any workbook in its layout) → Disclosure."""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from pydantic import ValidationError

from juesuan.compile.cells import norm
from juesuan.compile.grid import Ctx, Sheet
from juesuan.compile.layout import (
    EXTRAS_SHEET,
    INFO_SHEET,
    PERF_SHEET,
    PERF_SUMMARY_SHEET,
    PROFILE_SHEET,
    RECOVERED_FACTS_SHEET,
    TABLE_SHEETS,
)
from juesuan.compile.read_coded import read_economic_table, read_function_table
from juesuan.compile.read_extras import read_extras
from juesuan.compile.read_info import read_meta, read_profile
from juesuan.compile.read_perf import read_evaluations, read_summary
from juesuan.compile.read_sangong import read_sangong_table
from juesuan.compile.read_side import read_side_table
from juesuan.compile.validation import problems_from_validation
from juesuan.errors import JuesuanError
from juesuan.model.disclosure import Disclosure
from juesuan.model.extras import Extras
from juesuan.model.meta import Meta, Profile
from juesuan.model.spec import SPECS, TableSpec
from juesuan.model.tables import TABLE_IDS, Table, TableId

_PREFIX = re.compile(r"^公开0?([1-9])(?!\d)")
TableReader = Callable[[Ctx, Sheet, TableSpec], Table | None]
READERS: dict[str, TableReader] = {
    "01": read_side_table,
    "04": read_side_table,
    "06": read_economic_table,
    "09": read_sangong_table,
}


def _open(path: Path) -> tuple[bytes, Workbook, Workbook]:
    name = path.name
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise JuesuanError("文件不存在", name) from None
    except IsADirectoryError:
        raise JuesuanError("这是一个目录，不是工作簿文件", name) from None
    except OSError as exc:
        raise JuesuanError(f"无法读取文件：{exc.strerror or exc}", name) from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            values = load_workbook(io.BytesIO(data), data_only=True)
            formulas = load_workbook(io.BytesIO(data), data_only=False)
    except Exception:
        raise JuesuanError("无法读取工作簿：文件已损坏，或不是 xlsx 格式", name) from None
    return data, values, formulas


def _table_id_of(title: str, first_cells: list[str]) -> TableId | None:
    """The table a sheet holds: by its 公开NN prefix, else by a title in its name or top rows."""
    match = _PREFIX.match(norm(title))
    if match:
        return TABLE_IDS[int(match.group(1)) - 1]
    best: tuple[int, TableId] | None = None
    for text in (norm(title), *first_cells):
        for table_id in TABLE_IDS:
            for variant in (SPECS[table_id].title, *SPECS[table_id].title_variants):
                v = norm(variant)
                if v and v in text and (best is None or len(v) > best[0]):
                    best = (len(v), table_id)
    return best[1] if best else None


def _sheets(values: Workbook, formulas: Workbook) -> tuple[dict[str, Sheet], dict[TableId, Sheet]]:
    named: dict[str, Sheet] = {}
    tables: dict[TableId, Sheet] = {}
    for ws in values.worksheets:
        sheet = Sheet(ws, formulas[ws.title])
        named.setdefault(norm(ws.title), sheet)
        if norm(ws.title) in {
            norm(n)
            for n in (INFO_SHEET, PROFILE_SHEET, EXTRAS_SHEET, PERF_SHEET, PERF_SUMMARY_SHEET)
        }:
            continue
        top = [sheet.key(r, 1) for r in range(1, min(sheet.max_row, 3) + 1)]
        table_id = _table_id_of(ws.title, top)
        if table_id is not None and table_id not in tables:
            tables[table_id] = sheet
    return named, tables


def read_workbook(path: Path | str) -> Disclosure:
    """Read a workbook in the template's layout; every problem of the file in one error."""
    path = Path(path)
    data, values, formulas = _open(path)
    ctx = Ctx(file=path.name)
    named, table_sheets = _sheets(values, formulas)
    info = named.get(norm(INFO_SHEET))
    meta: dict[str, object] = {}
    if info is None and norm(RECOVERED_FACTS_SHEET) in named:
        raise JuesuanError(
            "这是 juesuan parse --format xlsx 输出的还原表（供查看），不是编制工作簿；要修改数字后"
            "再审核，请用 juesuan template --from 原文件 -o 工作簿.xlsx 生成可编辑的工作簿",
            path.name,
        )
    if info is None:
        ctx.problems.add(path.name, f"缺少工作表“{INFO_SHEET}”")
    else:
        meta = read_meta(ctx, info)
        year = meta.get("fiscal_year")
        ctx.year = year if isinstance(year, int) else None
    profile = Profile()
    if (sheet := named.get(norm(PROFILE_SHEET))) is not None:
        profile = read_profile(ctx, sheet)
    tables: dict[TableId, Table] = {}
    for table_id in TABLE_IDS:
        table_sheet = table_sheets.get(table_id)
        if table_sheet is None:
            ctx.problems.add(path.name, f"缺少工作表“{TABLE_SHEETS[table_id]}”")
            continue
        reader = READERS.get(table_id, read_function_table)
        table = reader(ctx, table_sheet, SPECS[table_id])
        if table is not None:
            tables[table_id] = table
    extras = Extras()
    if (sheet := named.get(norm(EXTRAS_SHEET))) is not None:
        extras = read_extras(ctx, sheet)
    evaluations = []
    if (sheet := named.get(norm(PERF_SHEET))) is not None:
        evaluations = read_evaluations(ctx, sheet)
    summary = []
    if (sheet := named.get(norm(PERF_SUMMARY_SHEET))) is not None:
        summary = read_summary(ctx, sheet)
    ctx.problems.raise_if_any()
    try:
        return Disclosure(
            meta=Meta.model_validate(
                {
                    **meta,
                    "source_file": path.name,
                    "source_sha256": hashlib.sha256(data).hexdigest(),
                }
            ),
            profile=profile,
            tables=tables,
            extras=extras,
            evaluations=evaluations,
            evaluation_summary=summary,
            notices=ctx.notices,
        )
    except ValidationError as exc:
        raise JuesuanError(problems_from_validation(exc, f"{path.name} {INFO_SHEET}")) from None
