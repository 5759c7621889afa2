"""``Num``: a Decimal figure with its printed precision, raw text and provenance."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, model_serializer, model_validator

from juesuan.model.numbers import NotANumberError, decimals_of, parse_printed
from juesuan.model.provenance import Prov

_HALF_ULPS = tuple(Decimal(5).scaleb(-(d + 1)) for d in range(12))  # 0.5, 0.05, 0.005, …


class Num(BaseModel):
    """A printed figure.  ``value`` is exact; ``decimals`` is how many decimals were printed.

    Accepts a plain string/int/Decimal (``"2,619.78"``) or an object
    ``{"value": "2619.78", "decimals": 2, "raw": ..., "prov": {...}}``.  Serialises to a
    plain string when it carries nothing but its value.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: Decimal
    decimals: int = 0
    raw: str | None = None
    prov: Prov | None = None

    @model_validator(mode="before")
    @classmethod
    def _coerce(cls, data: Any) -> Any:
        if isinstance(data, Num):
            return data
        if isinstance(data, dict):
            value = data.get("value")
            if (
                isinstance(value, Decimal)
                and value.is_finite()
                and isinstance(data.get("decimals"), int)
            ):
                return data  # already parsed (e.g. by ``of``): do not parse it twice
            if "value" in data and "decimals" not in data:
                printed = parse_printed(_as_text(data["value"]))
                if printed.value is None:
                    raise ValueError("数值为空")
                data = {**data, "value": printed.value, "decimals": printed.decimals}
            elif "value" in data:
                printed = parse_printed(_as_text(data["value"]))
                if printed.value is None:
                    raise ValueError("数值为空")
                data = {**data, "value": printed.value}
            return data
        try:
            printed = parse_printed(data)
        except NotANumberError as exc:
            raise ValueError(str(exc)) from exc
        if printed.value is None:
            raise ValueError("数值为空")
        raw = data if isinstance(data, str) and data != str(printed.value) else None
        return {"value": printed.value, "decimals": printed.decimals, "raw": raw}

    @model_serializer(mode="wrap")
    def _serialise(self, handler: Any) -> Any:
        if self.raw is None and self.prov is None and self.decimals == decimals_of(self.value):
            return str(self.value)
        out: dict[str, Any] = handler(self)
        out["value"] = str(self.value)
        return {k: v for k, v in out.items() if v is not None}

    @classmethod
    def of(cls, value: Decimal | int | str, prov: Prov | None = None) -> Num:
        printed = parse_printed(value)
        if printed.value is None:
            raise ValueError("数值为空")
        raw = value if isinstance(value, str) and value != str(printed.value) else None
        return cls(value=printed.value, decimals=printed.decimals, raw=raw, prov=prov)

    def with_prov(self, prov: Prov) -> Num:
        return self.model_copy(update={"prov": prov})

    @property
    def half_ulp(self) -> Decimal:
        """Half a unit of the last printed decimal: the rounding radius of this figure."""
        if 0 <= self.decimals < len(_HALF_ULPS):
            return _HALF_ULPS[self.decimals]
        return Decimal(5).scaleb(-(self.decimals + 1))

    def __str__(self) -> str:
        return str(self.value)


def _as_text(value: Any) -> Any:
    if isinstance(value, float):
        raise ValueError(f"浮点数无法保证精度，请以文本填写: {value!r}")
    return value


def num_value(n: Num | None) -> Decimal:
    """The value of an optional figure, a missing one counting as zero."""
    return n.value if n is not None else Decimal(0)
