"""The catalog: built-in entries with the user's entries layered on top."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from juesuan.catalog.builtin import all_builtin_entries
from juesuan.catalog.entry import (
    SOURCE_RANK,
    SOURCES,
    CatalogEntry,
    Kind,
    Source,
    code_problem,
    kind_of_code,
    make_entry,
)
from juesuan.catalog.names import MatchResult, match_name, normalise_name
from juesuan.catalog.userdir import (
    Signature,
    load_user_entries,
    save_into_user_file,
    user_catalog_dir,
    user_file,
    user_signature,
)
from juesuan.errors import JuesuanError, Problem

_OPEN_END = 10**6
_Versions = list[tuple[CatalogEntry, bool]]  # (entry, comes from the user catalog)
_SHARED: dict[tuple[str, Signature], Catalog] = {}


def _priority(item: tuple[CatalogEntry, bool]) -> tuple[int, bool, int, int]:
    """Stronger source first, then the user's entry, then the most recent."""
    entry, is_user = item
    end = entry.valid_to if entry.valid_to is not None else _OPEN_END
    return (SOURCE_RANK[entry.source], is_user, end, entry.valid_from)


class Catalog:
    """Look-ups over the function and economic classification catalogs.

    Every entry is one version of a code (a name valid for a range of years, backed by one
    kind of evidence).  Where versions overlap, the strongest source wins, and on equal
    strength the user's entry wins over the built-in one.
    """

    def __init__(self, builtin: Iterable[CatalogEntry], home: Path | None = None) -> None:
        self._builtin = tuple(builtin)
        self._home = home
        self._load_user = home is not None
        self._index: dict[str, _Versions] = {}
        self._reindex()

    @classmethod
    def load_builtin(cls) -> Catalog:
        """Only the data shipped with juesuan."""
        return cls(all_builtin_entries())

    @classmethod
    def shared(cls, home: Path | None = None) -> Catalog:
        """Like :meth:`load`, but one instance per process while the user's files are unchanged.

        For read-only use over many documents (the audit): loading and indexing the catalog
        once instead of once per document.
        """
        from juesuan.catalog.userdir import juesuan_home

        where = home if home is not None else juesuan_home()
        key = (str(where), user_signature(user_catalog_dir(where)))
        catalog = _SHARED.get(key)
        if catalog is None:
            _SHARED.clear()
            catalog = _SHARED[key] = cls.load(where)
        return catalog

    @classmethod
    def load(cls, home: Path | None = None) -> Catalog:
        """Built-in data plus the user's catalogs in ``<home>/catalog`` (default:
        ``$JUESUAN_HOME`` or ``~/.local/share/juesuan``)."""
        from juesuan.catalog.userdir import juesuan_home

        return cls(all_builtin_entries(), home if home is not None else juesuan_home())

    # -- storage ----------------------------------------------------------------------------

    @property
    def home(self) -> Path | None:
        return self._home

    def user_file(self, kind: Kind) -> Path:
        return user_file(kind, self._require_home())

    def _require_home(self) -> Path:
        if self._home is None:
            from juesuan.catalog.userdir import juesuan_home

            self._home = juesuan_home()
            self._load_user = True
        return self._home

    def _reindex(self) -> None:
        index: dict[str, _Versions] = defaultdict(list)
        for entry in self._builtin:
            index[entry.code].append((entry, False))
        if self._load_user and self._home is not None:
            for entry in load_user_entries(user_catalog_dir(self._home)):
                index[entry.code].append((entry, True))
        self._index = dict(index)
        classes: dict[str, _Versions] = defaultdict(list)
        for code, versions in self._index.items():
            if len(code) == 3 and code.startswith("2"):
                for v in versions:
                    classes[normalise_name(v[0].name, "类")].append(v)
        self._classes_by_name = dict(classes)

    # -- look-ups ---------------------------------------------------------------------------

    def _versions(self, code: str, year: int | None) -> _Versions:
        versions = self._index.get(code.strip(), [])
        if year is None:
            return list(versions)
        return [v for v in versions if v[0].valid_in(year)]

    def get(
        self, code: str, year: int | None = None, kind: Kind | None = None
    ) -> CatalogEntry | None:
        """The entry for ``code`` valid in ``year`` (any year if None), or None."""
        code = code.strip()
        if kind is not None and kind_of_code(code) != kind:
            return None
        versions = self._versions(code, year)
        return max(versions, key=_priority)[0] if versions else None

    def entries_for(self, code: str) -> list[CatalogEntry]:
        """Every version of ``code``, oldest first, stronger source first within a year."""
        versions = sorted(self._versions(code, None), key=lambda v: _priority(v), reverse=True)
        return [e for e, _ in sorted(versions, key=lambda v: v[0].valid_from)]

    def path(self, code: str, year: int | None = None) -> list[CatalogEntry]:
        """The entry and its ancestors, 类 first (ancestors unknown to the catalog are left out)."""
        chain: list[CatalogEntry] = []
        current: str | None = code.strip()
        while current:
            entry = self.get(current, year)
            if entry is not None:
                chain.append(entry)
            current = current[:-2] if len(current) > 3 else None
        return list(reversed(chain))

    def children(self, code: str, year: int | None = None) -> list[CatalogEntry]:
        """The entries one level below ``code``, sorted by code."""
        found = []
        for child in sorted(self._index):
            if len(child) == len(code) + 2 and child.startswith(code):
                entry = self.get(child, year)
                if entry is not None:
                    found.append(entry)
        return found

    def search(
        self, text: str, year: int | None = None, kind: Kind | None = None
    ) -> list[CatalogEntry]:
        """Codes starting with ``text`` (if digits), or whose name contains it, sorted by code."""
        needle = "".join(text.split())
        by_code = needle.isascii() and needle.isdigit()
        wanted = normalise_name(needle)
        results: list[CatalogEntry] = []
        for code in sorted(self._index):
            if kind is not None and kind_of_code(code) != kind:
                continue
            if by_code:
                entry = self.get(code, year) if code.startswith(needle) else None
            else:
                hits = [
                    v for v in self._versions(code, year) if wanted in normalise_name(v[0].name)
                ]
                entry = max(hits, key=_priority)[0] if hits else None
            if entry is not None:
                results.append(entry)
        return results

    def name_matches(self, code: str, printed_name: str, year: int | None = None) -> MatchResult:
        """Compare a printed name with the catalog; see ``MatchResult.conclusive_mismatch``."""
        candidates = [e for e, _ in self._versions(code, year)]
        return match_name(code.strip(), printed_name, year, candidates)

    def function_class_by_name(self, name: str, year: int | None = None) -> CatalogEntry | None:
        """The function 类 whose name is ``name`` (with or without the trailing 支出)."""
        wanted = normalise_name(name, "类")
        hits = [
            v for v in self._classes_by_name.get(wanted, []) if year is None or v[0].valid_in(year)
        ]
        return max(hits, key=_priority)[0] if hits else None

    # -- writing into the user catalog ------------------------------------------------------

    def import_file(
        self, path: Path | str, kind: Kind, year: int, source: Source = "official"
    ) -> int:
        """Import an official catalog (XLSX or CSV) for ``year`` into the user catalog.

        The input file is only read.  Entries are merged into the user file for ``kind``;
        returns the number of entries written.
        """
        path = Path(path)
        _check_year(year)
        _check_source(source)
        target = self.user_file(kind)
        if path.resolve() == target.resolve():
            raise JuesuanError("不能把用户目录文件导入到它自身", location=path.name)
        # imported here: the importer reads XLSX (openpyxl, numpy: 170 ms of start-up) and
        # every command that only looks names up would pay for it
        from juesuan.catalog.importer import read_catalog_file

        rows = read_catalog_file(path, kind)
        note = f"导入自{path.name}"
        entries = [make_entry(r.code, r.name, year, year, source, note) for r in rows]
        save_into_user_file(target, entries)
        self._reindex()
        return len(entries)

    def learn(self, pairs: Iterable[tuple[str, str, int]], source: Source = "observed") -> int:
        """Record code–name–year pairs seen in published tables; returns how many were stored."""
        _check_source(source)
        problems: list[Problem] = []
        by_kind: dict[Kind, list[CatalogEntry]] = defaultdict(list)
        for number, (raw_code, raw_name, year) in enumerate(pairs, start=1):
            code, name = raw_code.strip(), raw_name.strip()
            location = f"第{number}组（{code}）"
            problem = code_problem(code) or (None if name else "名称为空")
            if problem is None and not _plausible_year(year):
                problem = f"年度“{year}”无效"
            if problem:
                problems.append(Problem(location, problem))
                continue
            entry = make_entry(code, name, year, year, source)
            by_kind[entry.kind].append(entry)
        if problems:
            raise JuesuanError(problems)
        for kind, entries in by_kind.items():
            save_into_user_file(self.user_file(kind), entries)
        self._reindex()
        return sum(len(v) for v in by_kind.values())


def _plausible_year(year: int) -> bool:
    return isinstance(year, int) and 1990 <= year <= 2100


def _check_year(year: int) -> None:
    if not _plausible_year(year):
        raise JuesuanError(f"年度“{year}”无效，应为四位年份")


def _check_source(source: str) -> None:
    if source not in SOURCES:
        raise JuesuanError(f"来源“{source}”无效，应为 official、observed 或 recalled")
