"""Printing figures: amounts as in the tables, percentages computed with Decimal.

Every percentage is ``part / base × 100`` rounded half-up to two decimals; no float is
used anywhere.  Amounts are printed with two decimals and thousands separators, exactly as
the tables print them, so a figure in the narrative is the same string as its cell.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from juesuan.model.figure import Num

TWO = Decimal("0.01")
HUNDRED = Decimal(100)
_CN_DIGITS = "零一二三四五六七八九"


def q2(value: Decimal) -> Decimal:
    """Round half-up to two decimals."""
    return value.quantize(TWO, rounding=ROUND_HALF_UP)


def money(value: Decimal | Num | None) -> str:
    """``Decimal('2948.4')`` → ``'2,948.40'``; ``None`` counts as zero."""
    if isinstance(value, Num):
        value = value.value
    if value is None:
        value = Decimal(0)
    return f"{q2(value):,.2f}"


def cell_money(value: Num | None) -> str:
    """A table cell: blank when the cell is blank, else the amount with two decimals."""
    return "" if value is None else money(value.value)


def percent(part: Decimal, base: Decimal) -> Decimal | None:
    """``part / base × 100`` rounded half-up to two decimals; ``None`` when base is 0."""
    if base == 0:
        return None
    return q2(part / base * HUNDRED)


def pct_text(value: Decimal) -> str:
    return f"{value:.2f}%"


def count_text(value: int) -> str:
    return str(value)


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 13 → 十三, 21 → 二十一 (up to 99)."""
    if n < 0 or n > 99:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return f"{head}十{_CN_DIGITS[ones] if ones else ''}"


def cn_ordinal(n: int) -> str:
    """1 → ``一、``."""
    return f"{cn_number(n)}、"


def cn_paren(n: int) -> str:
    """1 → ``（一）``."""
    return f"（{cn_number(n)}）"
