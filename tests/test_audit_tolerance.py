"""Interval arithmetic on the printed precision (XBRL Calculations 1.1 round-to-nearest)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from juesuan.audit.tolerance import (
    Interval,
    compare_equal,
    compare_le,
    compare_sides,
    compare_sum,
    interval,
    rate_holds,
    rate_outcome,
    ratio_interval,
)
from juesuan.model import Num

CENT = Decimal("0.01")


def n(text: str) -> Num:
    return Num.of(text)


def wan(yuan: int) -> Num:
    """元 → 万元, rounded half-up to two decimals as the tables print it."""
    return Num.of(str((Decimal(yuan) / 10000).quantize(CENT, rounding=ROUND_HALF_UP)))


def test_interval_of_a_printed_figure() -> None:
    assert interval(n("2,619.78")) == Interval(Decimal("2619.775"), Decimal("2619.785"))
    assert interval(n("4")) == Interval(Decimal("3.5"), Decimal("4.5"))
    assert interval(None) == Interval.exact(0)
    assert interval(Decimal("1.5")) == Interval.exact(Decimal("1.5"))


def test_interval_operations() -> None:
    a = Interval(Decimal(1), Decimal(2))
    b = Interval(Decimal(10), Decimal(20))
    assert a + b == Interval(Decimal(11), Decimal(22))
    assert b - a == Interval(Decimal(8), Decimal(19))
    assert -a == Interval(Decimal(-2), Decimal(-1))
    assert a.scale(-2) == Interval(Decimal(-4), Decimal(-2))
    assert a.intersects(Interval(Decimal(2), Decimal(3)))
    assert not a.intersects(Interval(Decimal("2.001"), Decimal(3)))
    assert a.mid == Decimal("1.5") and a.radius == Decimal("0.5")


def test_exact_sum_is_exact() -> None:
    result = compare_sum(n("2,619.78"), [n("177.00"), n("2,338.03"), n("104.75")])
    assert result.outcome == "exact"
    assert result.ok


def test_within_rounding_is_rounding() -> None:
    # 83.43 + 3.50 = 86.93 printed as 86.94: |0.01| ≤ 0.005 × 3
    result = compare_sum(n("86.94"), [n("83.43"), n("3.50")])
    assert result.outcome == "rounding"
    assert result.difference == Decimal("0.01")
    assert result.bound == Decimal("0.015")


def test_beyond_rounding_is_mismatch() -> None:
    result = compare_sum(n("2,619.80"), [n("2,619.78")])
    assert result.outcome == "mismatch"
    assert result.bound == Decimal("0.010")


def test_missing_cells_are_exact_zeros() -> None:
    # A blank part has radius 0: the bound counts only printed figures.
    assert compare_sum(n("1.00"), [n("1.00"), None, None]).bound == Decimal("0.010")
    assert compare_sum(None, [n("0.00")]).outcome == "exact"
    # A blank total is an exact zero: a printed 0.01 cannot round to it ...
    assert compare_sum(None, [n("0.01")]).outcome == "mismatch"
    # ... while a printed 0.00 can stand for 0.004 and 0.01 for 0.006.
    assert compare_sum(n("0.00"), [n("0.01")]).outcome == "rounding"


def test_bound_follows_printed_precision() -> None:
    # Integers (元 tables) have radius 0.5; one decimal 0.05.
    assert compare_equal(n("100"), n("101")).outcome == "rounding"
    assert compare_equal(n("100"), n("102")).outcome == "mismatch"
    assert compare_equal(n("1.0"), n("1.1")).outcome == "rounding"


def test_compare_sides() -> None:
    # 本年收入 + 年初 = 本年支出 + 年末
    assert compare_sides([n("2,623.78"), None], [n("2,619.78"), n("4.00")]).outcome == "exact"
    assert compare_sides([n("2,623.78")], [n("2,619.78"), n("4.10")]).outcome == "mismatch"


def test_compare_le() -> None:
    assert compare_le([n("0.05")], [n("0.05")]) == "holds"
    assert compare_le([n("0.06")], [n("0.05")]) == "rounding"
    assert compare_le([n("0.07")], [n("0.05")]) == "violated"
    assert compare_le([n("1.00")], [None]) == "violated"
    assert compare_le([None], [None]) == "holds"


def test_ratio_interval() -> None:
    ratio = ratio_interval(n("1.00"), n("4.00"))
    assert ratio is not None
    assert Decimal("0.2484394506") < ratio.lo <= Decimal("0.2484394507")
    assert Decimal("0.2515644555") <= ratio.hi < Decimal("0.2515644556")
    assert ratio.contains(Decimal("0.25"))
    assert ratio_interval(n("1.00"), n("0.00")) is None  # denominator may be zero
    assert ratio_interval(n("1.00"), None) is None
    negative = ratio_interval(n("-1.00"), n("4.00"))
    assert negative is not None and negative.hi < 0


def test_rate_holds_share() -> None:
    # 财政拨款收入 2,619.78 of 收入总计 2,623.78 = 99.8475…%
    assert rate_holds(n("99.8"), n("2,619.78"), n("2,623.78"))
    assert rate_holds(n("99.85"), n("2,619.78"), n("2,623.78"))
    assert not rate_holds(n("99.9"), n("2,619.78"), n("2,623.78"))
    assert not rate_holds(n("99.7"), n("2,619.78"), n("2,623.78"))
    assert rate_holds(n("0.25"), n("1.00"), n("4.00"), scale=1)


def test_rate_holds_growth_rate() -> None:
    # 收支总计 2,623.78, 减少 156.16, 降低 5.6% (seed 002): 156.16 / (2,623.78 + 156.16)
    prior = interval(n("2,623.78")) + interval(n("156.16"))
    assert rate_holds(n("5.6"), n("156.16"), prior)
    assert not rate_holds(n("5.7"), n("156.16"), prior)
    change = interval(n("2,623.78")) - prior
    assert rate_holds(n("-5.6"), change, prior)


def test_rate_outcome() -> None:
    assert rate_outcome(n("25.0"), n("1.00"), n("4.00")) == "exact"
    assert rate_outcome(n("25.1"), n("1.00"), n("4.00")) == "rounding"
    assert rate_outcome(n("26.0"), n("1.00"), n("4.00")) == "mismatch"


def test_no_tolerance_constant_for_zero_division() -> None:
    assert rate_holds(n("100.0"), n("1.00"), None)  # cannot be refuted by arithmetic


amounts = st.lists(st.integers(min_value=0, max_value=10**11), min_size=1, max_size=30)


@given(amounts)
def test_honest_rounding_never_mismatches(parts_yuan: list[int]) -> None:
    total = wan(sum(parts_yuan))
    parts = [wan(p) for p in parts_yuan]
    assert compare_sum(total, parts).outcome != "mismatch"


@given(amounts, st.data())
def test_change_beyond_the_bound_is_always_caught(
    parts_yuan: list[int], data: st.DataObject
) -> None:
    """A change δ > 0.01·(n+1) in one part of an honestly rounded sum is always an error.

    (Honest rounding leaves at most 0.005·(n+1); the bound is 0.005·(n+1).)
    """
    total = wan(sum(parts_yuan))
    parts = [wan(p) for p in parts_yuan]
    i = data.draw(st.integers(0, len(parts) - 1))
    cents = data.draw(st.integers(len(parts) + 2, 10**6)) * data.draw(st.sampled_from([1, -1]))
    changed = list(parts)
    changed[i] = Num.of(str(parts[i].value + Decimal(cents) * CENT))
    assert compare_sum(total, changed).outcome == "mismatch"


@given(st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=2), st.data())
def test_a_two_cent_change_in_a_short_sum_is_an_error(
    parts_cents: list[int], data: st.DataObject
) -> None:
    """Printed parts adding up exactly (e.g. 小计 = 购置 + 运行维护, 合计 = 基本 + 项目):
    a change of 0.02 or more in one part is always an error."""
    parts = [Num.of(str(Decimal(c) * CENT)) for c in parts_cents]
    total = Num.of(str(sum(p.value for p in parts)))
    i = data.draw(st.integers(0, len(parts) - 1))
    delta = Decimal(data.draw(st.integers(2, 10**6))) * CENT * data.draw(st.sampled_from([1, -1]))
    changed = list(parts)
    changed[i] = Num.of(str(parts[i].value + delta))
    assert compare_sum(total, changed).outcome == "mismatch"


@given(st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=30), st.data())
def test_any_change_to_an_exact_identity_is_reported(
    parts_cents: list[int], data: st.DataObject
) -> None:
    """However many parts, a changed part never passes silently: at least a 尾差 note."""
    parts = [Num.of(str(Decimal(c) * CENT)) for c in parts_cents]
    total = Num.of(str(sum(p.value for p in parts)))
    i = data.draw(st.integers(0, len(parts) - 1))
    delta = Decimal(data.draw(st.integers(1, 10**6))) * CENT
    changed = list(parts)
    changed[i] = Num.of(str(parts[i].value + delta))
    assert compare_sum(total, changed).outcome != "exact"


@given(
    st.integers(min_value=1, max_value=10**10),
    st.integers(min_value=1, max_value=10**10),
    st.integers(min_value=0, max_value=3),
)
def test_correctly_rounded_shares_always_hold(num_yuan: int, den_yuan: int, k: int) -> None:
    num, den = wan(num_yuan), wan(den_yuan)
    if den.value == 0:
        return
    printed = (num.value / den.value * 100).quantize(Decimal(1).scaleb(-k), rounding=ROUND_HALF_UP)
    assert rate_holds(Num.of(str(printed)), num, den)
