"""Resolve the names the narrative prints (类/款/项 paths, class names) to function codes.

The document's own tables are the first source (05, then 03 and 02); the catalog is the
fallback for documents whose tables were images (seed 001).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from juesuan.model import Disclosure
from juesuan.model.memo import text_cache

_LEVEL_TAG = re.compile(r"\((类|款|项)\)")
_BRACKETS = str.maketrans({"（": "(", "）": ")", " ": "", "\u3000": ""})


@text_cache(8192)
def norm(name: str) -> str:
    """Normalise a printed name for comparison: half-width brackets, no spaces, no 支出 suffix."""
    name = name.translate(_BRACKETS).strip()
    name = _LEVEL_TAG.sub("", name)
    return name[:-2] if name.endswith("支出") and len(name) > 4 else name


@lru_cache(maxsize=16)
def _catalog_names(year: int) -> dict[str, str]:
    from juesuan.catalog import Catalog

    catalog = Catalog.load_builtin()
    return {e.code: e.name for e in catalog.search("", year=year, kind="function")}


Key = tuple[str, str]
"""(parent code, normalised name): ``("", name)`` for a 类."""


def _key(code: str, name: str) -> Key:
    return code[:-2] if len(code) > 3 else "", norm(name)


@dataclass(frozen=True)
class _CatalogIndex:
    """The catalog of one year, indexed by name, computed once per year."""

    names: dict[str, str]  # code → name, in catalog order
    keys: dict[str, Key]  # code → its key, for the 3/5/7-digit codes
    first: dict[Key, str]  # key → its first code in catalog order
    codes: dict[Key, list[str]]  # key → all its codes in catalog order
    order: dict[str, int]  # code → position in catalog order
    class_keys: frozenset[str]  # their normalised names


@lru_cache(maxsize=16)
def _catalog_index(year: int) -> _CatalogIndex:
    names = _catalog_names(year)
    keys = {code: _key(code, name) for code, name in names.items() if len(code) in (3, 5, 7)}
    first: dict[Key, str] = {}
    codes: dict[Key, list[str]] = {}
    for code, key in keys.items():
        first.setdefault(key, code)
        codes.setdefault(key, []).append(code)
    return _CatalogIndex(
        names=names,
        keys=keys,
        first=first,
        codes=codes,
        order={code: i for i, code in enumerate(names)},
        class_keys=frozenset(norm(name) for code, name in names.items() if len(code) == 3),
    )


def _overlaid(catalog: _CatalogIndex, rows: dict[str, str]) -> dict[Key, str]:
    """The index of the catalog with the document's ``rows`` (code → label) laid over it.

    Equal to indexing ``by_code`` = the catalog updated with ``rows``: a row relabelling a
    catalog code keeps that code's place, new codes come after the whole catalog, and the
    first code in that order wins each key.
    """
    index = dict(catalog.first)
    moved: dict[str, Key] = {}  # catalog codes whose label now gives another key
    for code, label in rows.items():
        name = catalog.names.get(code)
        if name is not None and name != label and _key(code, label) != catalog.keys[code]:
            moved[code] = _key(code, label)
    for key in {catalog.keys[code] for code in moved} | set(moved.values()):
        holders = [c for c in catalog.codes.get(key, ()) if c not in moved]
        holders += [c for c, k in moved.items() if k == key]
        if holders:
            index[key] = min(holders, key=catalog.order.__getitem__)
        else:
            index.pop(key, None)
    for code, label in rows.items():
        if code not in catalog.names:
            index.setdefault(_key(code, label), code)
    return index


def _same_classes(catalog: _CatalogIndex, rows: dict[str, str]) -> bool:
    """Whether the document's ``rows`` name every 类 they list as the catalog does."""
    return all(
        code in catalog.keys and _key(code, label) == catalog.keys[code]
        for code, label in rows.items()
        if len(code) == 3 and label != catalog.names.get(code)
    )


@dataclass
class NameIndex:
    """Name → code look-ups for function 类/款/项.

    ``by_code`` is the catalog of the fiscal year (if used) updated with the codes of the
    document's tables.  The look-up index is built on first use (from the catalog's, indexed
    once per year, and the document's rows) and rebuilt from ``by_code`` when it has grown.
    """

    by_code: dict[str, str] = field(default_factory=dict)
    _index: dict[Key, str] | None = field(default=None, repr=False, compare=False)
    _indexed: int = field(default=0, repr=False, compare=False)
    _year: int | None = field(default=None, repr=False, compare=False)
    # the document's rows over the catalog of ``_year``, while ``by_code`` is just that
    _rows: dict[str, str] | None = field(default=None, repr=False, compare=False)
    _size: int = field(default=0, repr=False, compare=False)

    @classmethod
    def from_disclosure(cls, d: Disclosure, use_catalog: bool = True) -> NameIndex:
        rows: dict[str, str] = {}
        for tid in ("02", "03", "05"):
            table = d.tables.get(tid)  # type: ignore[call-overload, unused-ignore]
            if table is None:
                continue
            for row in table.rows:
                if row.code and row.code[0] == "2" and len(row.code) in (3, 5, 7):
                    rows[row.code] = row.label
        index = cls()
        if use_catalog:
            index._add_catalog(d.meta.fiscal_year)
            index._rows = rows
        index.by_code.update(rows)
        index._size = len(index.by_code)
        return index

    def _add_catalog(self, year: int) -> None:
        self._year = year
        names = _catalog_names(year)
        if not self.by_code:
            self.by_code.update(names)  # the same as below, at C speed
            return
        for code, name in names.items():
            self.by_code.setdefault(code, name)

    def _overlay(self) -> tuple[_CatalogIndex, dict[str, str]] | None:
        """The catalog and the document's rows, while ``by_code`` is just the one over the other."""
        if self._year is None or self._rows is None or len(self.by_code) != self._size:
            return None
        return _catalog_index(self._year), self._rows

    def class_code(self, name: str) -> str | None:
        return self._lookup().get(("", norm(name)))

    def class_names(self) -> list[str]:
        return [label for code, label in self.by_code.items() if len(code) == 3]

    def class_keys(self) -> frozenset[str]:
        """The normalised (:func:`norm`) names of the 类."""
        overlay = self._overlay()
        if overlay is not None and _same_classes(*overlay):
            return overlay[0].class_keys
        return frozenset(norm(name) for name in self.class_names())

    def item_code(self, cls: str, kuan: str, xiang: str) -> str | None:
        """The 7-digit code of 类/款/项 names, or the 5-digit one when only 类/款 resolve."""
        c = self.class_code(cls)
        if c is None:
            return None
        k = self._child(c, kuan)
        if k is None:
            return None
        return self._child(k, xiang)

    def _child(self, parent: str, name: str) -> str | None:
        return self._lookup().get((parent, norm(name)))

    def _lookup(self) -> dict[Key, str]:
        """(parent code, normalised name) → code; the first code in ``by_code`` order wins."""
        if self._index is None or self._indexed != len(self.by_code):
            overlay = self._overlay()
            self._index = _overlaid(*overlay) if overlay is not None else self._build()
            self._indexed = len(self.by_code)
        return self._index

    def _build(self) -> dict[Key, str]:
        index: dict[Key, str] = {}
        for code, label in self.by_code.items():
            if len(code) in (3, 5, 7):
                index.setdefault(_key(code, label), code)
        return index
