"""Money in 分 (integer cents) while generating; 万元 with two decimals when printed."""

from __future__ import annotations

import random
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from juesuan.model.figure import Num

CENTS_PER_WAN = 1_000_000  # 1 万元 = 10,000 元 = 1,000,000 分
TWO = Decimal("0.01")


def wan(cents: int) -> Decimal:
    """分 → 万元, rounded half-up to two decimals (the published rounding)."""
    return (Decimal(cents) / CENTS_PER_WAN).quantize(TWO, rounding=ROUND_HALF_UP)


def num(cents: int) -> Num:
    return Num.of(wan(cents))


def dnum(value: Decimal) -> Num:
    return Num.of(value.quantize(TWO, rounding=ROUND_HALF_UP))


def cents_of_wan(value: float | Decimal, rng: random.Random | None = None) -> int:
    """An amount of about ``value`` 万元 in 分, with random 元 and 分 (so that 尾差 appear)."""
    base = int(Decimal(str(value)) * CENTS_PER_WAN)
    if rng is not None:
        base += rng.randrange(0, 10_000)  # up to 100 元 of noise below the printed precision
    return max(base, 0)


def split(
    total: int, weights: Sequence[float], rng: random.Random, jitter: float = 0.3
) -> list[int]:
    """Split ``total`` 分 into parts proportional to jittered ``weights``; parts sum exactly."""
    if not weights:
        return []
    w = [max(x, 0.0) * (1 + rng.uniform(-jitter, jitter)) for x in weights]
    s = sum(w) or 1.0
    parts = [int(total * x / s) for x in w]
    parts[-1] += total - sum(parts)
    if parts[-1] < 0:  # pragma: no cover - only with degenerate weights
        parts = [total // len(parts)] * len(parts)
        parts[-1] += total - sum(parts)
    return parts


def pct(part: Decimal, base: Decimal) -> Decimal | None:
    if base == 0:
        return None
    return (part / base * 100).quantize(TWO, rounding=ROUND_HALF_UP)
