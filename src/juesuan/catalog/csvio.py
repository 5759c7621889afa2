"""Reading and writing catalog CSV files (the built-in and the user format are the same)."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from juesuan.catalog.entry import SOURCES, CatalogEntry, code_problem, make_entry
from juesuan.errors import JuesuanError, Problem

FIELDS = ("code", "name", "level", "parent", "valid_from", "valid_to", "source", "note")


def parse_catalog_csv(text: str, origin: str) -> list[CatalogEntry]:
    """Parse catalog CSV text; every malformed row is reported as ``origin:第N行``."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [
        f for f in ("code", "name", "valid_from", "source") if f not in (reader.fieldnames or [])
    ]
    if missing:
        raise JuesuanError(f"目录文件缺少列：{'、'.join(missing)}", location=origin)
    entries: list[CatalogEntry] = []
    problems: list[Problem] = []
    for row_number, row in enumerate(reader, start=2):
        location = f"{origin}:第{row_number}行"
        try:
            entries.append(_row_to_entry(row))
        except ValueError as exc:
            problems.append(Problem(location, str(exc)))
    if problems:
        raise JuesuanError(problems)
    return entries


def _row_to_entry(row: dict[str, str | None]) -> CatalogEntry:
    def cell(key: str) -> str:
        return (row.get(key) or "").strip()

    code, name = cell("code"), cell("name")
    problem = code_problem(code)
    if problem:
        raise ValueError(problem)
    if not name:
        raise ValueError(f"科目“{code}”的名称为空")
    source = cell("source")
    if source not in SOURCES:
        raise ValueError(f"来源“{source}”无效，应为 official、observed 或 recalled")
    valid_from = _year(cell("valid_from"), "valid_from")
    if valid_from is None:
        raise ValueError("valid_from 不能为空")
    valid_to = _year(cell("valid_to"), "valid_to")
    if valid_to is not None and valid_to < valid_from:
        raise ValueError(f"有效年度区间 {valid_from}–{valid_to} 无效")
    entry = make_entry(code, name, valid_from, valid_to, source, cell("note"))
    if cell("level") and cell("level") != entry.level:
        raise ValueError(f"级次“{cell('level')}”与编码位数不符（应为{entry.level}）")
    if cell("parent") and cell("parent") != (entry.parent or ""):
        raise ValueError(f"上级编码“{cell('parent')}”与编码不符（应为{entry.parent or '空'}）")
    return entry


def _year(text: str, field: str) -> int | None:
    if not text:
        return None
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        raise ValueError(f"{field}“{text}”不是四位年份")
    return int(text)


def format_catalog_csv(entries: Iterable[CatalogEntry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    for e in sorted(entries, key=lambda e: (e.code, e.valid_from, e.source)):
        writer.writerow(
            [
                e.code,
                e.name,
                e.level,
                e.parent or "",
                e.valid_from,
                "" if e.valid_to is None else e.valid_to,
                e.source,
                e.note,
            ]
        )
    return out.getvalue()


def write_catalog_csv(path: Path, entries: Iterable[CatalogEntry]) -> None:
    """Write atomically: a crash never leaves a half-written user catalog behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(format_catalog_csv(entries))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
