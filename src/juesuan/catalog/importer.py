"""Reading an official catalog given as XLSX or CSV (a code column and a name column)."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils.exceptions import (  # type: ignore[import-untyped, unused-ignore]
    InvalidFileException,
)

from juesuan.catalog.entry import Kind, code_problem
from juesuan.errors import JuesuanError, Problem

_CODE_HEADERS = ("科目编码", "编码", "代码", "编号", "code")
_NAME_HEADERS = ("科目名称", "名称", "name")
_HEADER_SCAN_ROWS = 10


@dataclass(frozen=True)
class SourceRow:
    """One code–name pair read from the input file, with where it was found."""

    code: str
    name: str
    location: str


Grid = list[tuple[int, list[str]]]  # (1-based row number, cell texts)
Locate = Callable[[int, int], str]  # (row number, 0-based column) -> location


def read_catalog_file(path: Path, kind: Kind) -> list[SourceRow]:
    """All code–name rows of the file; every problem of the file is collected before raising."""
    if not path.is_file():
        raise JuesuanError(f"文件不存在：{path}", location=path.name)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        grid = _xlsx_grid(path)

        def locate(row: int, col: int) -> str:
            return f"{path.name}!{get_column_letter(col + 1)}{row}"

        header_location = f"{path.name}!第{{}}行"
    elif suffix == ".csv":
        grid = _csv_grid(path)

        def locate(row: int, col: int) -> str:
            return f"{path.name}:第{row}行"

        header_location = f"{path.name}:第{{}}行"
    else:
        raise JuesuanError("不支持的文件类型，仅支持 .xlsx 和 .csv", location=path.name)
    code_col, name_col, first_row = _find_columns(grid, header_location)
    return _collect_rows(grid, code_col, name_col, first_row, kind, locate, path.name)


def _xlsx_grid(path: Path) -> Grid:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise JuesuanError(f"无法作为XLSX工作簿打开：{exc}", location=path.name) from exc
    try:
        sheet = workbook.worksheets[0]
        return [
            (number, [_cell_text(v) for v in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()


def _csv_grid(path: Path) -> Grid:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise JuesuanError("无法识别文件编码（应为 UTF-8 或 GB18030）", location=path.name)
    reader = csv.reader(io.StringIO(text))
    return [(number, [c.strip() for c in row]) for number, row in enumerate(reader, start=1)]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _is_header(text: str, keys: tuple[str, ...]) -> bool:
    compact = "".join(text.split()).lower()
    return bool(compact) and any(k in compact for k in keys)


def _find_columns(grid: Grid, header_location: str) -> tuple[int, int, int]:
    """(code column, name column, first data row); defaults to A, B from row 1 without header.

    A header row is one of the first rows holding no code; one naming both columns is
    preferred to one naming only the code column (a title such as “……科目编码表”).
    """
    candidates: list[tuple[int, list[int], list[int]]] = []
    for number, cells in grid[:_HEADER_SCAN_ROWS]:
        if any(c.isascii() and c.isdigit() for c in cells):
            break  # data has begun
        code_cols = [i for i, c in enumerate(cells) if _is_header(c, _CODE_HEADERS)]
        name_cols = [i for i, c in enumerate(cells) if _is_header(c, _NAME_HEADERS)]
        if code_cols or name_cols:
            candidates.append((number, code_cols, name_cols))
    if not candidates:
        return 0, 1, 1
    with_code = [c for c in candidates if c[1]]
    if not with_code:
        raise JuesuanError(
            "表头中未找到科目编码列（应为“科目编码”“编码”“代码”或“code”）",
            location=header_location.format(candidates[0][0]),
        )
    number, code_cols, name_cols = next((c for c in with_code if c[2]), with_code[0])
    code_col = code_cols[0]
    name_col = next((i for i in name_cols if i != code_col), code_col + 1)
    return code_col, name_col, number + 1


def _collect_rows(
    grid: Grid,
    code_col: int,
    name_col: int,
    first_row: int,
    kind: Kind,
    locate: Locate,
    file_name: str,
) -> list[SourceRow]:
    rows: list[SourceRow] = []
    problems: list[Problem] = []
    seen: dict[str, SourceRow] = {}
    for number, cells in grid:
        if number < first_row:
            continue
        code = "".join(_at(cells, code_col).split())
        name = _at(cells, name_col)
        if not code:
            continue  # titles, totals and blank lines carry no code
        problem = code_problem(code, kind)
        if problem:
            problems.append(Problem(locate(number, code_col), problem))
            continue
        if not name:
            problems.append(Problem(locate(number, name_col), f"科目“{code}”的名称为空"))
            continue
        earlier = seen.get(code)
        if earlier is not None:
            if earlier.name != name:
                problems.append(
                    Problem(
                        locate(number, code_col),
                        f"科目“{code}”重复出现且名称不同（{earlier.location}为“{earlier.name}”）",
                    )
                )
            continue
        row = SourceRow(code, name, locate(number, code_col))
        seen[code] = row
        rows.append(row)
    if problems:
        raise JuesuanError(problems)
    if not rows:
        raise JuesuanError("文件中没有找到任何科目编码", location=file_name)
    return rows


def _at(cells: list[str], index: int) -> str:
    return cells[index].strip() if index < len(cells) else ""
