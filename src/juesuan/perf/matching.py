"""Match project names between a summary list and the evaluation tables."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from difflib import SequenceMatcher

from juesuan.model.memo import text_cache
from juesuan.model.normal import nfkc

_PUNCT = re.compile(r"[\s,.;:，。；：、()（）\[\]【】〔〕“”‘’\"'《》<>\-—_/]+")
SIMILARITY = 0.9
MARGIN = 0.03


@text_cache(4096)
def name_key(name: str) -> str:
    return _PUNCT.sub("", nfkc(name))


def _ratio(matches: int, length: int) -> float:
    """As difflib computes a ratio from matched characters and the total length."""
    return 2.0 * matches / length if length else 1.0


def _similarity(a: str, b: str) -> float:
    """``SequenceMatcher.ratio``, skipped (0.0) when its cheap upper bounds rule a match out:
    ``real_quick_ratio`` (from the lengths) and ``quick_ratio`` (common characters), computed
    here as difflib does, without building the matcher for pairs they already rule out."""
    length = len(a) + len(b)
    if _ratio(min(len(a), len(b)), length) < SIMILARITY:
        return 0.0
    if _ratio(_common(a, b), length) < SIMILARITY:
        return 0.0
    return SequenceMatcher(None, a, b).ratio()


def _common(a: str, b: str) -> int:
    """Characters ``a`` and ``b`` have in common, with multiplicity (``quick_ratio``'s count)."""
    counts_b = _char_counts(b)
    common = 0
    for char, n in _char_counts(a).items():
        m = counts_b.get(char, 0)
        common += n if n < m else m
    return common


@text_cache(4096)
def _char_counts(text: str) -> Mapping[str, int]:
    """How often each character occurs in ``text`` (shared: do not modify)."""
    return dict(Counter(text))


def match_name(name: str, candidates: list[str]) -> tuple[int, bool] | None:
    """Index of the candidate that names the same project, and whether it was approximate.

    Exact after removing spaces and punctuation; otherwise the unique best candidate with
    similarity ≥ 0.9 that beats the runner-up by 0.03 (so that ``提前下达 2022 …`` and
    ``下达 2022 …`` are not confused when both exist).  A name that contains the other
    (``提前下达 2023 …`` vs ``下达 2023 …``) is never an approximate match: it is another
    project, not a garbled copy.
    """
    key = name_key(name)
    keys = [name_key(c) for c in candidates]
    for i, k in enumerate(keys):
        if k == key:
            return i, False
    similarity = {k: _similarity(key, k) for k in dict.fromkeys(keys)}  # once per distinct name
    scored = sorted(((similarity[k], i) for i, k in enumerate(keys)), reverse=True)
    if not scored or scored[0][0] < SIMILARITY:
        return None
    best = keys[scored[0][1]]
    if len(best) != len(key) and (best in key or key in best):
        return None  # 提前下达… vs 下达…: one name inside the other is another project
    if len(scored) > 1 and scored[0][0] - scored[1][0] < MARGIN:
        return None
    return scored[0][1], True
