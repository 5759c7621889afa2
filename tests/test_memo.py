"""Text caches are registered so that a benchmark can measure a cold parse."""

from __future__ import annotations

import juesuan.extract  # noqa: F401  (registers the extractors' caches)
from juesuan.model.memo import clear_text_caches, text_cache
from juesuan.model.numbers import _parse_text, parse_printed


def test_clear_empties_every_registered_cache() -> None:
    calls: list[str] = []

    @text_cache(16)
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert shout("a") == "A" and shout("a") == "A"
    assert calls == ["a"]
    parse_printed("1,234.50")
    assert _parse_text.cache_info().currsize > 0
    assert clear_text_caches() >= 4  # numbers, norm, claims and this one
    assert _parse_text.cache_info().currsize == 0
    assert shout("a") == "A"
    assert calls == ["a", "a"]
