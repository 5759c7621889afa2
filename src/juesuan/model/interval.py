"""Closed intervals of Decimals: what a printed figure stands for.

A figure printed with ``d`` decimals stands for ``v ± ½·10⁻ᵈ``.  The audit engine
(``juesuan.audit.tolerance``) and the performance scorer (``juesuan.perf.interval``) both
compare printed figures with computed ones on these intervals.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

_PRECISION = 40
_ZERO = Decimal(0)


def divide(a: Decimal, b: Decimal) -> Decimal:
    """Exact-enough Decimal division (40 significant digits); ``b`` must not be zero."""
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        return a / b


@dataclass(frozen=True)
class Interval:
    """A closed interval ``[lo, hi]`` of Decimals, ``lo ≤ hi``."""

    lo: Decimal
    hi: Decimal

    def __post_init__(self) -> None:
        if self.lo > self.hi:
            raise ValueError(f"空区间 [{self.lo}, {self.hi}]")

    @classmethod
    def exact(cls, value: Decimal | int) -> Interval:
        v = Decimal(value)
        return cls(v, v)

    @classmethod
    def around(cls, value: Decimal, radius: Decimal) -> Interval:
        return cls(value - radius, value + radius)

    @property
    def mid(self) -> Decimal:
        return (self.lo + self.hi) / 2

    @property
    def radius(self) -> Decimal:
        return (self.hi - self.lo) / 2

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def scale(self, factor: Decimal | int) -> Interval:
        f = Decimal(factor)
        a, b = self.lo * f, self.hi * f
        return Interval(min(a, b), max(a, b))

    def times(self, other: Interval) -> Interval:
        products = [a * b for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(min(products), max(products))

    def divided_by(self, other: Interval) -> Interval | None:
        """``self / other``; ``None`` when ``other`` contains zero (unbounded)."""
        if other.contains_zero:
            return None
        quotients = [divide(a, b) for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(min(quotients), max(quotients))

    def capped(self, ceiling: Decimal) -> Interval:
        """``min(x, ceiling)`` applied to every point."""
        return Interval(min(self.lo, ceiling), min(self.hi, ceiling))

    def intersects(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    meets = intersects

    def contains(self, value: Decimal | int) -> bool:
        return self.lo <= Decimal(value) <= self.hi

    @property
    def contains_zero(self) -> bool:
        return self.lo <= _ZERO <= self.hi
