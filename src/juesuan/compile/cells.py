"""Cell values to text, numbers and codes — exactly, never through float arithmetic."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from juesuan.errors import JuesuanError, Problem
from juesuan.model.figure import Num
from juesuan.model.numbers import NotANumberError, decimals_of, normalise_text, parse_printed
from juesuan.model.provenance import Prov

_QUOTES = str.maketrans("", "", "“”\"'‘’「」")
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
_FORMAT_DECIMALS = re.compile(r"[0#?]\.([0#?]+)")


class CellError(ValueError):
    """A cell that cannot be read; ``str()`` is the Chinese message."""


def norm(text: str) -> str:
    """Canonical form for comparing labels: NFKC, no whitespace, no quotes or brackets."""
    text = normalise_text(text)
    text = re.sub(r"\s+", "", text).translate(_QUOTES)
    return text.strip("【】[]")


def cell_text(value: Any) -> str:
    """The text of a cell value (numbers as their exact decimal text), stripped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        text = repr(value)
        return text[:-2] if text.endswith(".0") else text
    return str(value).strip()


def format_decimals(number_format: str | None) -> int | None:
    """Decimals a number format displays (``'#,##0.00'`` → 2); None for General/integers."""
    if not number_format:
        return None
    section = _FORMAT_LITERALS.sub("", number_format.split(";")[0])
    match = _FORMAT_DECIMALS.search(section)
    return len(match.group(1)) if match else None


def _quantize(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def cell_decimal(value: Any, number_format: str | None = None) -> Decimal | None:
    """The exact Decimal a cell shows; None when blank or a dash.  Raises CellError."""
    if value is None:
        return None
    if isinstance(value, bool | datetime | date | time):
        raise CellError(f'不是数字: "{cell_text(value)}"')
    if isinstance(value, int | float):
        number = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
        if not number.is_finite():
            raise CellError(f'不是数字: "{value!r}"')
        shown = format_decimals(number_format)
        if number_format and "%" in _FORMAT_LITERALS.sub("", number_format):
            # A percentage format shows 0.1234 as 12.34%: the figure is the percentage.
            number = _quantize(number * 100, max(decimals_of(number) - 2, 0))
        if shown:
            number = _quantize(number, shown)
        return number
    text = str(value)
    try:
        printed = parse_printed(text)
    except NotANumberError as exc:
        raise CellError(f'不是数字: "{text.strip()}"') from exc
    return printed.value


def cell_num(value: Any, number_format: str | None, prov: Prov | None) -> Num | None:
    """A cell as a :class:`Num` with provenance (None when blank).  Raises CellError."""
    number = cell_decimal(value, number_format)
    if number is None:
        return None
    raw = value if isinstance(value, str) and value.strip() != str(number) else None
    return Num(value=number, decimals=decimals_of(number), raw=raw, prov=prov)


def cell_int(value: Any, number_format: str | None = None) -> int | None:
    """A cell as an integer count (None when blank).  Raises CellError."""
    number = cell_decimal(value, None if isinstance(value, str) else number_format)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise CellError(f'应为整数: "{cell_text(value)}"')
    return int(number)


def cell_code(value: Any) -> str:
    """A 科目编码 cell as text (a number typed into a code cell is accepted as its digits)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return re.sub(r"\s+", "", normalise_text(cell_text(value)))


@dataclass
class Problems:
    """Collects every problem of one input file, raised at the end as one JuesuanError."""

    items: list[Problem] = field(default_factory=list)

    def add(self, location: str, message: str) -> None:
        problem = Problem(location, message)
        if problem not in self.items:
            self.items.append(problem)

    def at(self, sheet: str, coordinate: str, message: str) -> None:
        self.add(f"{sheet}!{coordinate}" if coordinate else sheet, message)

    def raise_if_any(self) -> None:
        if self.items:
            raise JuesuanError(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)
