"""``Num``: a Decimal figure with its printed precision, raw text and provenance.

Like :class:`~juesuan.model.provenance.Prov`, ``Num`` is an immutable named tuple with a
pydantic schema of its own: a document holds hundreds of figures, and a tuple is made
four times faster than a validated model.  Building one directly (``Num(value=...,
decimals=...)``) takes the parts as they are; text from users and files goes through
:meth:`Num.of` or model validation, which parse it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, NamedTuple

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from juesuan.model.numbers import NotANumberError, decimals_of, parse_printed
from juesuan.model.provenance import Prov, prov_schema

_HALF_ULPS = tuple(Decimal(5).scaleb(-(d + 1)) for d in range(12))  # 0.5, 0.05, 0.005, …


class Num(NamedTuple):
    """A printed figure.  ``value`` is exact; ``decimals`` is how many decimals were printed.

    Validates from a plain string/int/Decimal (``"2,619.78"``) or an object
    ``{"value": "2619.78", "decimals": 2, "raw": ..., "prov": {...}}``.  Serialises to a
    plain string when it carries nothing but its value.
    """

    value: Decimal
    decimals: int = 0
    raw: str | None = None
    prov: Prov | None = None

    @classmethod
    def of(cls, value: Decimal | int | str, prov: Prov | None = None) -> Num:
        printed = parse_printed(value)
        if printed.value is None:
            raise ValueError("数值为空")
        raw = None if printed.canonical else printed.raw  # only a str can be non-canonical
        return cls(printed.value, printed.decimals, raw, prov)

    def with_prov(self, prov: Prov | None) -> Num:
        return self._replace(prov=prov)

    @property
    def half_ulp(self) -> Decimal:
        """Half a unit of the last printed decimal: the rounding radius of this figure."""
        if 0 <= self.decimals < len(_HALF_ULPS):
            return _HALF_ULPS[self.decimals]
        return Decimal(5).scaleb(-(self.decimals + 1))

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return num_schema()

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # The inner schema describes the object form; a bare printed number is taken too.
        form = handler(schema)
        form["properties"]["value"] = {"anyOf": [{"type": "string"}, {"type": "integer"}]}
        return {
            "title": "Num",
            "description": _DESCRIPTION,
            "anyOf": [{"type": "string"}, {"type": "integer"}, form],
        }


_DESCRIPTION = (
    'A printed figure: a string such as "2,619.78" or an integer, or an object '
    "{value, decimals, raw, prov}.  Never a float."
)


def _as_text(value: Any) -> Any:
    if isinstance(value, float):
        raise ValueError(f"浮点数无法保证精度，请以文本填写: {value!r}")
    return value


def _printed(value: Any) -> tuple[Decimal, int]:
    try:
        printed = parse_printed(value)
    except NotANumberError as exc:
        raise ValueError(str(exc)) from exc
    if printed.value is None:
        raise ValueError("数值为空")
    return printed.value, printed.decimals


def _from_fields(fields: dict[str, Any]) -> Num:
    value = fields["value"]
    decimals = fields.get("decimals")
    if not (isinstance(value, Decimal) and value.is_finite() and isinstance(decimals, int)):
        value, printed_decimals = _printed(_as_text(value))
        if decimals is None:
            decimals = printed_decimals
    return Num(value, decimals, fields.get("raw"), fields.get("prov"))


def _validate(data: Any, handler: core_schema.ValidatorFunctionWrapHandler) -> Num:
    if isinstance(data, Num):
        return data
    if isinstance(data, dict):
        return _from_fields(handler(data))
    value, decimals = _printed(data)
    raw = data if isinstance(data, str) and data != str(value) else None
    return Num(value, decimals, raw)


def _serialise(n: Num) -> Any:
    if n.raw is None and n.prov is None and n.decimals == decimals_of(n.value):
        return str(n.value)
    out: dict[str, Any] = {"value": str(n.value), "decimals": n.decimals}
    if n.raw is not None:
        out["raw"] = n.raw
    if n.prov is not None:
        out["prov"] = n.prov.as_dict()
    return out


def num_fields_schema() -> core_schema.TypedDictSchema:
    """The object form of a :class:`Num`: ``value`` printed or exact, the rest optional."""
    value = core_schema.json_or_python_schema(
        json_schema=core_schema.union_schema(
            [core_schema.str_schema(), core_schema.int_schema(), core_schema.float_schema()]
        ),
        python_schema=core_schema.any_schema(),
    )
    return core_schema.typed_dict_schema(
        {
            "value": core_schema.typed_dict_field(value),
            "decimals": core_schema.typed_dict_field(core_schema.int_schema(), required=False),
            "raw": core_schema.typed_dict_field(
                core_schema.nullable_schema(core_schema.str_schema()), required=False
            ),
            "prov": core_schema.typed_dict_field(
                core_schema.nullable_schema(prov_schema()), required=False
            ),
        },
        extra_behavior="forbid",
    )


def num_schema() -> core_schema.CoreSchema:
    return core_schema.no_info_wrap_validator_function(
        _validate,
        num_fields_schema(),
        serialization=core_schema.plain_serializer_function_ser_schema(_serialise),
        ref="Num",
    )


def num_value(n: Num | None) -> Decimal:
    """The value of an optional figure, a missing one counting as zero."""
    return n.value if n is not None else Decimal(0)
