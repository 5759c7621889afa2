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


@text_cache(8192)
def norm(name: str) -> str:
    """Normalise a printed name for comparison: half-width brackets, no spaces, no 支出 suffix."""
    name = name.replace("（", "(").replace("）", ")").replace(" ", "").replace("\u3000", "").strip()
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


@lru_cache(maxsize=16)
def _catalog_keys(year: int) -> dict[str, Key]:
    """code → key of the catalog's 3/5/7-digit codes of one year, computed once per year."""
    names = _catalog_names(year)
    return {code: _key(code, name) for code, name in names.items() if len(code) in (3, 5, 7)}


@dataclass
class NameIndex:
    """Name → code look-ups for function 类/款/项.

    ``by_code`` is the catalog of the fiscal year (if used) updated with the codes of the
    document's tables.  The look-up index is built on first use and rebuilt when ``by_code``
    has grown; names still as in the catalog reuse its keys, computed once per year.
    """

    by_code: dict[str, str] = field(default_factory=dict)
    _index: dict[Key, str] | None = field(default=None, repr=False, compare=False)
    _indexed: int = field(default=0, repr=False, compare=False)
    _year: int | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_disclosure(cls, d: Disclosure, use_catalog: bool = True) -> NameIndex:
        index = cls()
        if use_catalog:
            index._add_catalog(d.meta.fiscal_year)
        for tid in ("02", "03", "05"):
            table = d.tables.get(tid)  # type: ignore[call-overload, unused-ignore]
            if table is None:
                continue
            for row in table.rows:
                if row.code and row.code[0] == "2" and len(row.code) in (3, 5, 7):
                    index.by_code[row.code] = row.label
        return index

    def _add_catalog(self, year: int) -> None:
        self._year = year
        for code, name in _catalog_names(year).items():
            self.by_code.setdefault(code, name)

    def class_code(self, name: str) -> str | None:
        return self._lookup().get(("", norm(name)))

    def class_names(self) -> list[str]:
        return [label for code, label in self.by_code.items() if len(code) == 3]

    def class_keys(self) -> frozenset[str]:
        """The normalised (:func:`norm`) names of the 类."""
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
            names = _catalog_names(self._year) if self._year is not None else {}
            keys = _catalog_keys(self._year) if self._year is not None else {}
            index: dict[Key, str] = {}
            for code, label in self.by_code.items():
                if len(code) in (3, 5, 7):
                    key = keys[code] if names.get(code) == label else _key(code, label)
                    index.setdefault(key, code)
            self._index, self._indexed = index, len(self.by_code)
        return self._index
