"""What a rule sees: the disclosure, the configuration, cells with their locations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar, cast

from juesuan.audit.config import AuditConfig
from juesuan.audit.lookup import find_row, norm
from juesuan.model.disclosure import Disclosure
from juesuan.model.figure import Num
from juesuan.model.provenance import Prov
from juesuan.model.tables import Row, Side, Table, TableId

if TYPE_CHECKING:
    from juesuan.catalog import Catalog

T = TypeVar("T")

# Columns that need no mention in a message (the table's only amount column).
_PLAIN_COLUMNS = ("金额", "决算数")


@dataclass
class Cell:
    """One figure of an identity: its value (None when blank), location and a short label.

    The location and label are computed on first use: most identities hold, and their
    cells never need one.  Not frozen: a frozen dataclass costs five times as much to make,
    and an audit makes about a thousand; treat it as read-only all the same.
    """

    table: str
    column: str
    num: Num | None
    _table: Table | None = field(repr=False, compare=False, default=None)
    _row: Row | None = field(repr=False, compare=False, default=None)
    _key: str = field(repr=False, compare=False, default="")

    @property
    def present(self) -> bool:
        return self.num is not None

    @classmethod
    def fixed(cls, table: str, column: str, num: Num | None, prov: Prov, label: str) -> Cell:
        """A cell outside the tables (an extra figure) with a given location and label."""
        cell = cls(table, column, num)
        cell.__dict__["prov"] = prov
        cell.__dict__["label"] = label
        return cell

    @cached_property
    def prov(self) -> Prov:
        row, num = self._row, self.num
        fallback = Prov(
            table=self.table,
            row=(row.label or row.key) if row is not None else self._key or None,
            code=row.code if row is not None else None,
            column=self.column,
        )
        base = row.prov if row is not None and row.prov is not None else None
        if base is None and self._table is not None:
            base = self._table.prov
        if num is not None and num.prov is not None:
            return _fill(num.prov, fallback)
        if base is not None:
            return base._replace(**fallback.as_dict())
        return fallback

    @cached_property
    def label(self) -> str:
        name = row_label(self._row, self._key)
        shown = name if self.column in _PLAIN_COLUMNS else f"{name} [{self.column}]"
        return f"公开{self.table}表 {shown}".strip()


def row_label(row: Row | None, key: str = "") -> str:
    if row is None:
        return key
    return " ".join(x for x in (row.code, row.label or row.key) if x)


def make_cell(
    table_id: str, table: Table | None, row: Row | None, column: str, *, key: str = ""
) -> Cell:
    """A cell of a row (which may be missing: then the figure is blank, an exact zero)."""
    num = row.values.get(column) if row is not None else None
    return Cell(table_id, column, num, table, row, key)


def _fill(prov: Prov, fallback: Prov) -> Prov:
    """Add table/row/code/column to a figure's own provenance where it lacks them."""
    update = {k: v for k, v in fallback.as_dict().items() if getattr(prov, k) is None}
    return prov._replace(**update) if update else prov


@dataclass
class AuditContext:
    """The disclosure under audit and helpers shared by the rules."""

    disclosure: Disclosure
    config: AuditConfig = field(default_factory=AuditConfig)
    catalog_override: Catalog | None = None
    _catalog: Catalog | None = field(default=None, init=False, repr=False)
    _catalog_tried: bool = field(default=False, init=False, repr=False)
    _class_codes: dict[str, str | None] = field(default_factory=dict, init=False, repr=False)
    _memo: dict[str, object] = field(default_factory=dict, init=False, repr=False)

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """A value computed once per audit and shared by the rules that need it."""
        if key not in self._memo:
            self._memo[key] = compute()
        return cast(T, self._memo[key])

    @property
    def year(self) -> int | None:
        return getattr(self.disclosure.meta, "fiscal_year", None)

    def table(self, table_id: TableId) -> Table | None:
        return self.disclosure.tables.get(table_id)

    def cell(self, table_id: TableId, key: str, column: str, side: Side | None = None) -> Cell:
        """The cell of the row with canonical ``key`` (blank if the row is missing)."""
        table = self.table(table_id)
        return make_cell(table_id, table, find_row(table, key, side), column, key=key)

    def row_cell(self, table_id: TableId, row: Row | None, column: str, key: str = "") -> Cell:
        return make_cell(table_id, self.table(table_id), row, column, key=key)

    def table_prov(self, table_id: str) -> Prov:
        table = self.disclosure.tables.get(table_id)  # type: ignore[call-overload]
        if table is not None and table.prov is not None:
            return _fill(table.prov, Prov(table=table_id))
        return Prov(table=table_id, file=self.disclosure.meta.source_file)

    def document_prov(self) -> Prov:
        return Prov(file=self.disclosure.meta.source_file)

    # -- catalog ----------------------------------------------------------------------------

    @property
    def catalog(self) -> Catalog | None:
        """The classification catalog (built-in plus the user's), or None if unavailable."""
        if self.catalog_override is not None:
            return self.catalog_override
        if not self._catalog_tried:
            self._catalog_tried = True
            try:
                from juesuan.catalog import Catalog
            except ImportError:
                return None
            try:
                self._catalog = Catalog.shared()
            except Exception:  # a broken user catalog must not stop the audit
                self._catalog = Catalog.load_builtin()
        return self._catalog

    def class_code(self, row: Row) -> str | None:
        """The 3-digit function code of a 类 row of 公开01/04 (printed code, else by name)."""
        if row.code and len(row.code) == 3:
            return row.code
        name = row.label or row.key
        if name not in self._class_codes:
            self._class_codes[name] = self._class_code_by_name(name)
        return self._class_codes[name]

    def _class_code_by_name(self, name: str) -> str | None:
        catalog = self.catalog
        if catalog is None:
            return None
        entry = catalog.function_class_by_name(name, self.year)
        if entry is None:
            entry = catalog.function_class_by_name(norm(name), self.year)
        return entry.code if entry is not None else None
