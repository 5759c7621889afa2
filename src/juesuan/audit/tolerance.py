"""Rounding done right: interval arithmetic on the printed precision.

A figure printed with ``d`` decimals stands for every value that rounds to it, the closed
interval ``[v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]`` (:attr:`Num.half_ulp`).  A missing cell is an exact
zero (radius 0).  An identity ``total = Σ parts`` is consistent when the interval of the
total and the interval of the sum intersect — the "round-to-nearest" rule of XBRL
Calculations 1.1::

    |total − Σ parts| ≤ half_ulp(total) + Σ half_ulp(parts)

There is no hand-picked tolerance anywhere: the bound follows from what was printed.

Outcomes of a comparison:

- ``exact``: the printed figures agree exactly — nothing to report;
- ``rounding``: they differ, but within the bound — at most an info-level 尾差 note;
- ``mismatch``: the intervals are disjoint — the identity is violated whatever the
  unrounded amounts were.

Printed rates work the same way: a share printed with ``k`` decimals is an interval, and
it is consistent with two printed amounts when it intersects the interval of their ratio
(:func:`ratio_interval`, :func:`rate_holds`).  Note the limit of any sound rule: the bound
grows with the number of parts, so in a sum of ``n`` two-decimal parts a single change of
up to ``0.005·(n+1)`` can hide inside the rounding bound (it is then still reported as a
尾差 note when the printed figures were otherwise equal).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, localcontext
from typing import Literal

from juesuan.model.figure import Num
from juesuan.model.interval import Interval as Interval

Outcome = Literal["exact", "rounding", "mismatch"]
Order = Literal["holds", "rounding", "violated"]

_ZERO = Decimal(0)
_HUNDRED = Decimal(100)
_DIVISION_PRECISION = 40


Operand = Num | Interval | Decimal | int | None


def half_ulp(figure: Num | None) -> Decimal:
    """The rounding radius of a printed figure; a missing figure is an exact zero."""
    return figure.half_ulp if figure is not None else _ZERO


def interval(x: Operand) -> Interval:
    """The interval a value stands for.

    A :class:`Num` stands for its rounding interval; ``None`` (a blank cell) is an exact
    zero; a plain ``Decimal``/``int`` is exact; an :class:`Interval` is itself.
    """
    if x is None:
        return Interval.exact(0)
    if isinstance(x, Interval):
        return x
    if isinstance(x, Num):
        return Interval.around(x.value, x.half_ulp)
    return Interval.exact(x)


def interval_sum(items: Iterable[Operand]) -> Interval:
    total = Interval.exact(0)
    for item in items:
        total = total + interval(item)
    return total


def _value(x: Num | None) -> Decimal:
    return x.value if x is not None else _ZERO


@dataclass(frozen=True)
class Comparison:
    """The result of comparing a printed total with the exact sum of printed parts."""

    outcome: Outcome
    total: Decimal  # the printed total (0 when missing)
    parts_sum: Decimal  # the exact sum of the printed parts
    difference: Decimal  # total − parts_sum
    bound: Decimal  # the largest difference rounding can explain

    @property
    def ok(self) -> bool:
        return self.outcome != "mismatch"


def sums_exactly(total: Num | None, parts: Iterable[Num | None]) -> bool:
    """``total = Σ parts`` exactly as printed: the common case, which needs no report."""
    return _value(total) == sum((_value(x) for x in parts), _ZERO)


def compare_sides(left: Iterable[Num | None], right: Iterable[Num | None]) -> Comparison:
    """Check ``Σ left = Σ right`` on printed precision (XBRL Calculations 1.1).

    The bound is the sum of the rounding radii of every figure on both sides.
    """
    l_list, r_list = list(left), list(right)
    l_sum = sum((_value(x) for x in l_list), _ZERO)
    r_sum = sum((_value(x) for x in r_list), _ZERO)
    bound = sum((half_ulp(x) for x in (*l_list, *r_list)), _ZERO)
    difference = l_sum - r_sum
    if difference == 0:
        outcome: Outcome = "exact"
    elif abs(difference) <= bound:
        outcome = "rounding"
    else:
        outcome = "mismatch"
    return Comparison(outcome, l_sum, r_sum, difference, bound)


def compare_sum(total: Num | None, parts: Iterable[Num | None]) -> Comparison:
    """Check ``total = Σ parts``: ``|total − Σ parts| ≤ half_ulp(total) + Σ half_ulp(parts)``."""
    return compare_sides([total], parts)


def compare_equal(left: Num | None, right: Num | None) -> Comparison:
    """Check ``left = right``: a sum identity with one part."""
    return compare_sum(left, [right])


def compare_le(small: Iterable[Num | None], large: Iterable[Num | None]) -> Order:
    """Check ``Σ small ≤ Σ large``.

    ``holds`` when the printed values satisfy it, ``rounding`` when they do not but some
    values inside the rounding intervals do, ``violated`` when no such values exist.
    """
    s_list, l_list = list(small), list(large)
    s, big = interval_sum(s_list), interval_sum(l_list)
    if sum((_value(x) for x in s_list), _ZERO) <= sum((_value(x) for x in l_list), _ZERO):
        return "holds"
    return "rounding" if s.lo <= big.hi else "violated"


def _divide(a: Decimal, b: Decimal, rounding: str) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = _DIVISION_PRECISION
        ctx.rounding = rounding
        return a / b


def ratio_interval(num: Operand, den: Operand) -> Interval | None:
    """The interval of ``num / den`` over the intervals of both (outward rounded).

    ``None`` when the denominator's interval contains zero: the ratio is then unbounded
    (or undefined) and no printed rate can be refuted by arithmetic.
    """
    n, d = interval(num), interval(den)
    if d.contains_zero:
        return None
    pairs = [(n.lo, d.lo), (n.lo, d.hi), (n.hi, d.lo), (n.hi, d.hi)]
    lo = min(_divide(a, b, ROUND_FLOOR) for a, b in pairs)
    hi = max(_divide(a, b, ROUND_CEILING) for a, b in pairs)
    return Interval(lo, hi)


def rate_holds(
    printed_rate: Num, num: Operand, den: Operand, *, scale: Decimal | int = _HUNDRED
) -> bool:
    """Is a printed rate consistent with ``num / den``?

    ``printed_rate`` is a percentage by default (``scale`` 100; pass 1 for a plain ratio).
    It holds when its rounding interval intersects ``scale × ratio_interval(num, den)``.
    For a growth rate pass ``num = interval(current) − interval(prior)`` and
    ``den = prior``.  When the denominator may be zero the rate cannot be refuted and this
    returns ``True`` (whether a rate should be printed at all is another rule's business).
    """
    ratio = ratio_interval(num, den)
    if ratio is None:
        return True
    return interval(printed_rate).intersects(ratio.scale(scale))


def rate_outcome(
    printed_rate: Num, num: Operand, den: Operand, *, scale: Decimal | int = _HUNDRED
) -> Outcome:
    """Like :func:`rate_holds`, distinguishing an exact match from a rounding one.

    ``exact`` when the printed rate is the correctly rounded ratio of the printed values
    (half-up at the printed decimals), ``rounding`` when only the intervals intersect.
    """
    if not rate_holds(printed_rate, num, den, scale=scale):
        return "mismatch"
    n, d = interval(num).mid, interval(den).mid
    if d == 0:
        return "rounding"
    with localcontext() as ctx:
        ctx.prec = _DIVISION_PRECISION
        point = (n / d * Decimal(scale)).quantize(
            Decimal(1).scaleb(-printed_rate.decimals), rounding=ROUND_HALF_UP
        )
    return "exact" if point == printed_rate.value else "rounding"
