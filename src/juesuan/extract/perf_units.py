"""Unit names printed in a 自评表 against the document's unit (OCR: 潢川/镇源 for 湟源)."""

from __future__ import annotations

import re

from juesuan.extract.perf_cells import key

_CODE = re.compile(r"^\d{3,}\s*[-－—]?\s*")
MESSAGE = "主管部门名称与文件单位名称不一致（疑似OCR或录入错误）"


def unit_key(text: str) -> str:
    k = _CODE.sub("", key(text))
    for suffix in ("本级", "(本级)"):
        if k.endswith(suffix) and len(k) > len(suffix):
            k = k[: -len(suffix)]
    return k


def distance(a: str, b: str) -> int:
    """Levenshtein distance (small strings)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def garbled(printed: str, unit: str) -> bool:
    """True when ``printed`` differs from ``unit`` by one or two characters (not by a
    prefix/suffix such as a code or 本级)."""
    a, b = unit_key(printed), unit_key(unit)
    if not a or not b or a == b or a in b or b in a:
        return False
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 2:  # distance ≥ length difference
        return False
    return 1 <= distance(a, b) <= 2
