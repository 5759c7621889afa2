"""Parse numbers as they are printed in published tables and workbooks.

Real documents print ``2,619.78``, ``3. 34`` (a space from wrapping), ``5.0 0``,
full-width digits ``２６１９．７８``, ``（1.5）`` (accounting negative), ``-`` or a blank
cell.  ``parse_printed`` turns any of these into a :class:`Printed` value that keeps
the raw text and the number of decimals printed.  It never uses float.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Literal, NamedTuple

from juesuan.model.memo import text_cache
from juesuan.model.normal import nfkc

Kind = Literal["number", "blank", "dash"]

_DASHES = {"-", "—", "–", "－", "/", "——", "－－", "--", "…", "\\"}
_UNIT_SUFFIXES = ("万元", "元", "%", "％", "万")
_NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


_new_tuple = tuple.__new__


class NotANumberError(ValueError):
    """Raised when a cell's text is not a number; ``str()`` is a Chinese message."""


class Printed(NamedTuple):
    """A printed number: its value, how many decimals were printed, and the raw text.

    A named tuple (immutable; made several times faster than a frozen dataclass, and a
    document parses thousands of cells)."""

    kind: Kind
    value: Decimal | None
    decimals: int
    raw: str
    unit: str | None = None
    canonical: bool = False  # ``raw`` is ``str(value)``: nothing to keep beside the value

    @property
    def is_number(self) -> bool:
        return self.kind == "number"


def normalise_text(text: str) -> str:
    """Full-width to half-width (NFKC) and drop zero-width characters."""
    text = nfkc(text)
    return text.replace("\u200b", "").replace("\ufeff", "")


def parse_printed(raw: object) -> Printed:
    """Parse one printed cell.  Raises :class:`NotANumberError` on text that is no number.

    ``None`` or whitespace gives ``blank``; a dash gives ``dash``; ints and Decimals are
    accepted as they are.  A float is refused: money never passes through float.
    """
    if raw is None:
        return Printed("blank", None, 0, "")
    if isinstance(raw, bool):
        raise NotANumberError(f"不是数字: {raw!r}")
    if isinstance(raw, int):
        return Printed("number", Decimal(raw), 0, str(raw), None, True)
    if isinstance(raw, Decimal):
        return _from_decimal(raw, str(raw))
    if isinstance(raw, float):
        raise NotANumberError(f"浮点数无法保证精度，请以文本或定点数填写: {raw!r}")
    if not isinstance(raw, str):
        raise NotANumberError(f"不是数字: {raw!r}")
    return _parse_text(raw)


_PLAIN = re.compile(r"[0-9]+(?:\.[0-9]+)?")


@text_cache(16384)
def _parse_text(raw: str) -> Printed:
    """The text case of :func:`parse_printed` (cached: tables repeat their figures)."""
    if _PLAIN.fullmatch(raw):  # 1234.56, as most cells print: nothing to normalise
        # _from_decimal(Decimal(raw), raw), the decimals counted on the text itself
        value = Decimal(raw)
        dot = raw.find(".")
        decimals = len(raw) - dot - 1 if dot >= 0 else 0
        return _new_tuple(Printed, ("number", value, decimals, raw, None, str(value) == raw))
    original = raw
    text = normalise_text(raw).strip()
    if not text:
        return Printed("blank", None, 0, original)
    if text in _DASHES or set(text) <= {"-", "—", "–"}:
        return Printed("dash", None, 0, original)
    unit: str | None = None
    for suffix in _UNIT_SUFFIXES:
        if text.endswith(suffix):
            unit = "%" if suffix in ("%", "％") else suffix
            text = text[: -len(suffix)].strip()
            break
    negative = False
    if len(text) >= 2 and text[0] == "(" and text[-1] == ")":
        negative = True
        text = text[1:-1].strip()
    # Remove thousands separators and whitespace introduced by wrapping.
    compact = re.sub(r"\s+", "", text)
    if re.search(r"\d,\d", compact):
        groups = compact.split(".")[0].lstrip("+-").split(",")
        if not all(len(g) == 3 for g in groups[1:]) or not groups[0]:
            raise NotANumberError(f"不是数字: {original!r}（千分位分隔符位置不对）")
        compact = compact.replace(",", "")
    if not _NUMBER_RE.match(compact):
        raise NotANumberError(f"不是数字: {original!r}")
    try:
        value = Decimal(compact)
    except InvalidOperation as exc:  # pragma: no cover - regex guards this
        raise NotANumberError(f"不是数字: {original!r}") from exc
    if negative:
        value = -value
    return _from_decimal(value, original, unit)


def _from_decimal(value: Decimal, raw: str, unit: str | None = None) -> Printed:
    if not value.is_finite():
        raise NotANumberError(f"不是有限数字: {raw!r}")
    exponent = value.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    # Printed(...) without its keywords; canonical worked out once per (cached) text
    return _new_tuple(Printed, ("number", value, decimals, raw, unit, raw == str(value)))


def decimals_of(value: Decimal) -> int:
    """Number of decimals a Decimal carries (``Decimal('4.00')`` → 2)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0
