"""Caches keyed on document text, registered so that a benchmark can empty them all.

Printed figures, labels and lines repeat within a document and across documents of one
template, so pure ``str → value`` helpers are memoised with :func:`text_cache`.  A benchmark
that parses the same file again and again would otherwise measure the caches, not the
parser: ``bench/`` calls :func:`clear_text_caches` before each timed run ("cold" figures)
and reports the warm figures beside them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_REGISTRY: list[Any] = []


def text_cache(maxsize: int = 8192) -> Callable[[F], F]:
    """``functools.lru_cache(maxsize)``, registered for :func:`clear_text_caches`."""

    def wrap(func: F) -> F:
        cached = lru_cache(maxsize=maxsize)(func)
        _REGISTRY.append(cached)
        return cached  # type: ignore[return-value]

    return wrap


def clear_text_caches() -> int:
    """Empty every registered cache; returns how many there are."""
    for cached in _REGISTRY:
        cached.cache_clear()
    return len(_REGISTRY)
