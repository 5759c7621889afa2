"""The printed-number parser: real-world noise, and properties over generated inputs."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juesuan.model.numbers import NotANumberError, _from_decimal, parse_printed


@pytest.mark.parametrize(
    ("raw", "value", "decimals"),
    [
        ("2,619.78", "2619.78", 2),
        ("3. 34", "3.34", 2),
        ("5.0 0", "5.00", 2),
        ("100.895 681", "100.895681", 6),
        ("２６１９．７８", "2619.78", 2),
        ("（1.5）", "-1.5", 1),
        ("(12.00)", "-12.00", 2),
        ("4.00", "4.00", 2),
        ("0", "0", 0),
        ("1,234,567.8", "1234567.8", 1),
        ("959.14万元", "959.14", 2),
        ("55.51%", "55.51", 2),
        ("  17.16\t", "17.16", 2),
        ("-0.2", "-0.2", 1),
    ],
)
def test_parses_real_noise(raw: str, value: str, decimals: int) -> None:
    p = parse_printed(raw)
    assert p.kind == "number"
    assert p.value == Decimal(value)
    assert p.decimals == decimals
    assert p.raw == raw
    assert p.canonical == (raw in ("4.00", "0", "-0.2"))


@given(st.one_of(st.integers(-(10**6), 10**6), st.decimals(allow_nan=False, allow_infinity=False)))
def test_ints_and_decimals_are_canonical(value: int | Decimal) -> None:
    assert parse_printed(value).canonical


def test_units_are_reported() -> None:
    assert parse_printed("959.14万元").unit == "万元"
    assert parse_printed("55.51％").unit == "%"
    assert parse_printed("8").unit is None


@pytest.mark.parametrize("raw", ["", "   ", None])
def test_blank(raw: str | None) -> None:
    assert parse_printed(raw).kind == "blank"
    assert parse_printed(raw).value is None


@pytest.mark.parametrize("raw", ["-", "—", "－", "--"])
def test_dash(raw: str) -> None:
    assert parse_printed(raw).kind == "dash"


@pytest.mark.parametrize("raw", ["1,2O3.5", "abc", "12a", "1.2.3", "1,23.5", "，", "1e5"])
def test_not_a_number_message_is_chinese(raw: str) -> None:
    with pytest.raises(NotANumberError, match="不是数字"):
        parse_printed(raw)


def test_float_refused() -> None:
    with pytest.raises(NotANumberError, match="浮点数"):
        parse_printed(0.1)


amounts = st.decimals(
    min_value=Decimal("-99999999.99"),
    max_value=Decimal("99999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)


def _with_commas(d: Decimal) -> str:
    return f"{d:,.2f}"


@given(amounts)
def test_thousands_separators_roundtrip(d: Decimal) -> None:
    p = parse_printed(_with_commas(d))
    assert p.value == d
    assert p.decimals == 2


@given(amounts, st.integers(min_value=1, max_value=12))
def test_a_space_anywhere_inside_is_wrapping(d: Decimal, pos: int) -> None:
    text = f"{d:.2f}"
    cut = min(pos, len(text) - 1)
    if text[:cut] in ("-",):
        cut += 1
    p = parse_printed(text[:cut] + " " + text[cut:])
    assert p.value == d


@given(amounts)
def test_full_width_digits(d: Decimal) -> None:
    text = f"{d:.2f}".translate(str.maketrans("0123456789.-", "０１２３４５６７８９．－"))
    assert parse_printed(text).value == d


@given(amounts.filter(lambda d: d > 0))
def test_parentheses_mean_negative(d: Decimal) -> None:
    assert parse_printed(f"（{d:.2f}）").value == -d


@given(st.text(alphabet="0123456789.,- （）()万元%abcO ", max_size=12))
def test_never_crashes_otherwise(text: str) -> None:
    try:
        p = parse_printed(text)
    except NotANumberError:
        return
    assert p.kind in ("number", "blank", "dash")
    if p.kind == "number":
        assert isinstance(p.value, Decimal)
        assert p.canonical == (text == str(p.value))  # the text says no more than its value


@given(st.from_regex(r"[0-9]{1,12}(\.[0-9]{1,8})?", fullmatch=True))
def test_plain_numbers_read_as_any_decimal(text: str) -> None:
    # the quick path for digits[.digits] gives what the general one gives for a Decimal
    assert parse_printed(text) == _from_decimal(Decimal(text), text)
