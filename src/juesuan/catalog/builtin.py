"""The built-in catalog data shipped inside the package (read once, cached)."""

from __future__ import annotations

import csv
import io
from functools import cache, lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

from juesuan.catalog.csvio import parse_catalog_csv
from juesuan.catalog.entry import CatalogEntry

BUILTIN_FILES = ("function.csv", "economic_dept.csv")
TABLE01_FILE = "table01_expense_classes.csv"


class Table01Row(BaseModel):
    """One 类 row printed in the expense part of table 公开01."""

    model_config = ConfigDict(frozen=True)

    position: int
    code: str
    name: str
    valid_from: int
    valid_to: int | None


def _read_data(name: str) -> str:
    return resources.files("juesuan.catalog").joinpath("data", name).read_text(encoding="utf-8")


@cache
def builtin_entries(name: str) -> tuple[CatalogEntry, ...]:
    """Entries of one built-in data file."""
    return tuple(parse_catalog_csv(_read_data(name), f"juesuan/catalog/data/{name}"))


def all_builtin_entries() -> tuple[CatalogEntry, ...]:
    return tuple(e for name in BUILTIN_FILES for e in builtin_entries(name))


@lru_cache(maxsize=1)
def table01_rows() -> tuple[Table01Row, ...]:
    rows = csv.DictReader(io.StringIO(_read_data(TABLE01_FILE)))
    return tuple(
        Table01Row(
            position=int(r["position"]),
            code=r["code"],
            name=r["name"],
            valid_from=int(r["valid_from"]),
            valid_to=int(r["valid_to"]) if r["valid_to"] else None,
        )
        for r in sorted(rows, key=lambda r: int(r["position"]))
    )
