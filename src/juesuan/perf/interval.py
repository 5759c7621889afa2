"""Interval arithmetic on printed precision, for comparing printed scores with computed ones.

A figure printed with ``d`` decimals stands for the closed interval ``v ± ½·10⁻ᵈ``; a
printed figure and a computed one agree when their intervals meet (the XBRL Calculations
1.1 "round-to-nearest" idea).  The interval type is shared with ``juesuan.audit.tolerance``
(:mod:`juesuan.model.interval`).

One refinement for scores: a *weight* (分值) or a *score* (indicator score, 预算执行率得分)
printed without decimals (``8``, ``10``) is an assigned value, not the rounding of a
computed one, so it is exact (``assigned=True``): computed scores are printed with
decimals in practice (7.296442, 6.2475, 9.33), and a whole ``10`` next to a 97.24 %
execution rate is full marks given, not 9.72 rounded.  Computed results (总分, 执行率,
偏差度) and decimal scores keep the radius of their printed precision, so ``96.3`` stands
for ``[96.25, 96.35]``.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from juesuan.model.figure import Num
from juesuan.model.interval import Interval, divide

__all__ = [
    "HUNDRED",
    "ONE",
    "ZERO",
    "Interval",
    "agrees",
    "divide",
    "fmt",
    "fmt_interval",
    "of",
    "radius",
    "round2",
]

_CENT = Decimal("0.01")
ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)


def radius(num: Num, assigned: bool = False) -> Decimal:
    """The rounding radius of a printed figure (zero for an assigned integer)."""
    if assigned and num.decimals == 0:
        return ZERO
    return num.half_ulp


def of(num: Num | None, assigned: bool = False) -> Interval:
    """The interval a printed figure stands for; a missing figure is an exact zero."""
    if num is None:
        return Interval.exact(0)
    r = radius(num, assigned)
    return Interval(num.value - r, num.value + r)


def agrees(printed: Num, computed: Interval | Decimal, assigned: bool = False) -> bool:
    """Whether a printed figure is consistent with a computed value or interval."""
    other = computed if isinstance(computed, Interval) else Interval.exact(computed)
    return of(printed, assigned).meets(other)


def round2(value: Decimal) -> Decimal:
    """Two decimals, ROUND_HALF_UP: how results are displayed."""
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def fmt(value: Decimal | None, pct: bool = False) -> str:
    """Display a computed value with two decimals (``—`` when missing)."""
    if value is None:
        return "—"
    shown = round2(value * HUNDRED if pct else value)
    return f"{shown}%" if pct else str(shown)


def fmt_interval(iv: Interval) -> str:
    if iv.lo == iv.hi:
        return fmt(iv.lo)
    return f"[{fmt(iv.lo)}, {fmt(iv.hi)}]"
