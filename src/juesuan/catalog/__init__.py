"""Classification catalogs (支出功能分类科目, 部门预算支出经济分类科目), versioned by year.

Data files live in ``data/`` as CSV; each entry records where its evidence comes from
(``official``, ``observed`` or ``recalled``) so that audit rules can weigh it.
"""

from juesuan.catalog.catalog import Catalog
from juesuan.catalog.entry import (
    SOURCE_LABELS,
    CatalogEntry,
    Kind,
    Level,
    Source,
    kind_of_code,
    level_of_code,
    parent_of_code,
)
from juesuan.catalog.names import MatchResult, MatchStatus, normalise_name
from juesuan.catalog.table01 import table01_expense_classes

__all__ = [
    "SOURCE_LABELS",
    "Catalog",
    "CatalogEntry",
    "Kind",
    "Level",
    "MatchResult",
    "MatchStatus",
    "Source",
    "kind_of_code",
    "level_of_code",
    "normalise_name",
    "parent_of_code",
    "table01_expense_classes",
]
