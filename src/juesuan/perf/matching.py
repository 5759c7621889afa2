"""Match project names between a summary list and the evaluation tables."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

_PUNCT = re.compile(r"[\s,.;:，。；：、()（）\[\]【】〔〕“”‘’\"'《》<>\-—_/]+")
SIMILARITY = 0.9
MARGIN = 0.03


def name_key(name: str) -> str:
    return _PUNCT.sub("", unicodedata.normalize("NFKC", name))


def _similarity(a: str, b: str) -> float:
    """``SequenceMatcher.ratio``, skipped (0.0) when its cheap upper bounds rule a match out."""
    m = SequenceMatcher(None, a, b)
    if m.real_quick_ratio() < SIMILARITY or m.quick_ratio() < SIMILARITY:
        return 0.0
    return m.ratio()


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
    scored = sorted(((_similarity(key, k), i) for i, k in enumerate(keys)), reverse=True)
    if not scored or scored[0][0] < SIMILARITY:
        return None
    best = keys[scored[0][1]]
    if len(best) != len(key) and (best in key or key in best):
        return None  # 提前下达… vs 下达…: one name inside the other is another project
    if len(scored) > 1 and scored[0][0] - scored[1][0] < MARGIN:
        return None
    return scored[0][1], True
