"""Read targets and actuals: ``≤20%``, ``1 项``, ``135.71 万元``, ``0.9``, ``4万`` ...

An :class:`~juesuan.model.perf.Indicator` may carry parsed numbers (``target``/``actual``)
or only the printed text; either way :func:`target_of` / :func:`actual_of` give a
:class:`Quantity`.  :func:`normalise_percent` handles the common habit of printing a
percentage actual as a fraction (``0.9`` for 90 %, ``1.04`` for 104 %).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple
from unicodedata import is_normalized

from juesuan.model.figure import Num
from juesuan.model.memo import text_cache
from juesuan.model.normal import nfkc
from juesuan.model.numbers import NotANumberError, parse_printed
from juesuan.model.perf import Indicator

_OPS = {
    "≥": "≥",
    ">=": "≥",
    "大于等于": "≥",
    "不低于": "≥",
    "不少于": "≥",
    "≧": "≥",
    "≤": "≤",
    "<=": "≤",
    "小于等于": "≤",
    "不高于": "≤",
    "不超过": "≤",
    "≦": "≤",
    "=": "=",
    "＝": "=",
    "等于": "=",
    ">": ">",
    "大于": ">",
    "<": "<",
    "小于": "<",
}
_OP_RE = re.compile(
    "^(" + "|".join(re.escape(k) for k in sorted(_OPS, key=len, reverse=True)) + ")"
)
_NUM_RE = re.compile(r"^[+-]?\d[\d,]*(\.\s*\d+)?|^[+-]?\.\d+")
_PLAIN = re.compile(r"[0-9]+(?:\.[0-9]+)?")  # what parse_printed reads as Decimal(text)
_OP_START = frozenset(k[0] for k in _OPS)
_PCT = ("%", "％")
_SPACES = re.compile(r"\s+")
_DATE = re.compile(r"^(月|日|年|号|季度|个?工作日内|天内|月底|月前|日前)")


class Quantity(NamedTuple):
    """A number read from a target or actual, with its unit and printed precision (a named
    tuple: immutable, and made faster than a frozen dataclass)."""

    value: Decimal
    decimals: int
    unit: str | None = None
    operator: str | None = None
    percent_sign: bool = False

    def as_num(self) -> Num:
        return Num(value=self.value, decimals=self.decimals)


def _clean(text: str) -> str:
    t = text if is_normalized("NFKC", text) else nfkc(text)  # nfkc keeps NFKC-normal text
    if "  " in t or not t.isprintable():  # else its only whitespace is single spaces
        t = _SPACES.sub(" ", t)
    return t.strip()


@text_cache(4096)
def parse_quantity(text: str | None) -> Quantity | None:
    """A leading number with optional operator and unit; ``None`` for text without one.

    ``"≤20%"`` → 20 % (operator ≤); ``"135.71 万元"`` → 135.71 万元; ``"1 项"`` → 1 项;
    ``"全省第二名"`` → None.  Trailing words after the unit make it text (``"1 项已完成"``
    is still 1 项, but ``"12 月底前"`` is a date, not a quantity, and gives None).
    """
    if not text:
        return None
    s = _clean(text)
    operator = None
    if s[:1] in _OP_START:
        m = _OP_RE.match(s)
        if m:
            operator = _OPS[m.group(1)]
            s = s[m.end() :].strip()
    n = _NUM_RE.match(s)
    if not n:
        return None
    number, rest = n.group(0), s[n.end() :].strip()
    unit = rest or None
    if unit and _looks_like_date(unit):
        return None
    if _PLAIN.fullmatch(number):  # the usual figure: no sign, separator or wrapped decimals
        value = Decimal(number)
        point = number.find(".")
        decimals = 0 if point < 0 else len(number) - point - 1
    else:
        try:
            printed = parse_printed(number)
        except NotANumberError:
            return None
        if printed.value is None:
            return None
        value, decimals = printed.value, printed.decimals
    pct = bool(unit) and unit is not None and unit.startswith(_PCT)
    if pct:
        unit = "%"
    return Quantity(value, decimals, unit, operator, pct)


def _looks_like_date(rest: str) -> bool:
    return bool(_DATE.match(rest)) and any(
        w in rest for w in ("前", "底", "内", "月", "日", "季度")
    )


def _printed_percent(num: Num) -> bool:
    """The figure was printed with a % sign."""
    raw = num.raw or ""
    return "%" in raw or "％" in raw


def target_of(ind: Indicator) -> Quantity | None:
    if ind.target is not None:
        q = parse_quantity(ind.target_text)
        unit = ind.unit or (q.unit if q else None)
        pct = _printed_percent(ind.target) or bool(q and q.percent_sign) or unit == "%"
        return Quantity(
            ind.target.value,
            ind.target.decimals,
            "%" if pct else unit,
            q.operator if q else None,
            pct,
        )
    q = parse_quantity(ind.target_text)
    if q is not None and q.unit is None and ind.unit:
        q = Quantity(q.value, q.decimals, ind.unit, q.operator, ind.unit == "%")
    return q


def actual_of(ind: Indicator) -> Quantity | None:
    if ind.actual is not None:
        q = parse_quantity(ind.actual_text)
        pct = _printed_percent(ind.actual) or bool(q and q.percent_sign)
        unit = q.unit if q else None
        return Quantity(ind.actual.value, ind.actual.decimals, "%" if pct else unit, None, pct)
    return parse_quantity(ind.actual_text)


_FRACTION_LIMIT = Decimal("1.5")


def normalise_percent(
    target: Quantity, actual: Quantity, unit: str | None
) -> tuple[Quantity, str | None]:
    """Scale an actual printed as a fraction to percent when the target is in percent.

    Rule: the indicator's unit is %, the actual carries no % sign, the actual is ≤ 1.5 and
    the target > 1.5 → the actual is a fraction and is multiplied by 100.  Returns the
    (possibly) scaled actual and a note saying what was done.
    """
    is_pct = unit == "%" or target.percent_sign or target.unit == "%"
    if (
        is_pct
        and not actual.percent_sign
        and abs(actual.value) <= _FRACTION_LIMIT
        and target.value > _FRACTION_LIMIT
    ):
        scaled = actual.value * 100
        note = f"实际值 {actual.value} 按小数理解为 {scaled.normalize():f}%（目标以 % 表示）"
        return (
            Quantity(scaled, max(actual.decimals - 2, 0), "%", actual.operator, True),
            note,
        )
    return actual, None
