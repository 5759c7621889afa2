"""The user's catalog directory: ``$JUESUAN_HOME/catalog`` (default ``~/.local/share/juesuan``)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from juesuan.catalog.csvio import parse_catalog_csv, write_catalog_csv
from juesuan.catalog.entry import CatalogEntry, Kind
from juesuan.errors import JuesuanError

USER_FILES: dict[Kind, str] = {"function": "function.csv", "economic": "economic_dept.csv"}
_OPEN_END = 10**6


def juesuan_home() -> Path:
    return Path(os.environ.get("JUESUAN_HOME") or "~/.local/share/juesuan").expanduser()


def user_catalog_dir(home: Path | None = None) -> Path:
    return (home if home is not None else juesuan_home()) / "catalog"


def user_file(kind: Kind, home: Path | None = None) -> Path:
    return user_catalog_dir(home) / USER_FILES[kind]


Signature = tuple[tuple[str, int, int], ...]


def user_signature(directory: Path) -> Signature:
    """Name, mtime and size of every ``*.csv`` in the directory: changes when a file does."""
    if not directory.is_dir():
        return ()
    files = sorted(directory.glob("*.csv"))
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)


def load_user_entries(directory: Path) -> tuple[CatalogEntry, ...]:
    """All entries of every ``*.csv`` in the directory (cached until a file changes)."""
    return _load_cached(user_signature(directory))


@lru_cache(maxsize=16)
def _load_cached(signature: Signature) -> tuple[CatalogEntry, ...]:
    entries: list[CatalogEntry] = []
    for name, _mtime, _size in signature:
        path = Path(name)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise JuesuanError(f"无法读取用户目录文件：{exc}", location=path.name) from exc
        entries.extend(parse_catalog_csv(text, str(path)))
    return tuple(entries)


def merge_entries(
    existing: Iterable[CatalogEntry], new: Iterable[CatalogEntry]
) -> list[CatalogEntry]:
    """Put ``new`` over ``existing``: an entry of the same code and source loses the years the
    new one covers; then adjacent ranges with identical content are joined."""
    result = list(existing)
    for entry in new:
        kept: list[CatalogEntry] = []
        for old in result:
            if old.code == entry.code and old.source == entry.source and old.overlaps(entry):
                kept.extend(_cut(old, entry))
            else:
                kept.append(old)
        kept.append(entry)
        result = kept
    return _coalesce(result)


def _cut(old: CatalogEntry, hole: CatalogEntry) -> list[CatalogEntry]:
    """The parts of ``old`` outside the years of ``hole``."""
    pieces: list[CatalogEntry] = []
    if old.valid_from < hole.valid_from:
        pieces.append(old.model_copy(update={"valid_to": hole.valid_from - 1}))
    if hole.valid_to is not None and (old.valid_to is None or old.valid_to > hole.valid_to):
        pieces.append(old.model_copy(update={"valid_from": hole.valid_to + 1}))
    return pieces


def _coalesce(entries: list[CatalogEntry]) -> list[CatalogEntry]:
    ordered = sorted(entries, key=lambda e: (e.code, e.source, e.name, e.note, e.valid_from))
    out: list[CatalogEntry] = []
    for entry in ordered:
        last = out[-1] if out else None
        if (
            last is not None
            and (last.code, last.source, last.name, last.note)
            == (entry.code, entry.source, entry.name, entry.note)
            and last.valid_to is not None
            and last.valid_to + 1 >= entry.valid_from
        ):
            end = max(
                last.valid_to,
                entry.valid_to if entry.valid_to is not None else _OPEN_END,
            )
            out[-1] = last.model_copy(update={"valid_to": None if end == _OPEN_END else end})
        else:
            out.append(entry)
    return out


def save_into_user_file(path: Path, new: list[CatalogEntry]) -> None:
    """Merge ``new`` into the user file at ``path`` (created if missing)."""
    existing: list[CatalogEntry] = []
    if path.exists():
        existing = parse_catalog_csv(path.read_text(encoding="utf-8-sig"), str(path))
    write_catalog_csv(path, merge_entries(existing, new))
