"""Where a figure came from: file, page, line, sheet/cell, table, row, column, text span.

``Prov`` is an immutable named tuple rather than a pydantic model: an extraction makes
about a thousand of them per document, and a tuple is made four times faster.  Pydantic
still validates it in models (an instance as it is, a mapping field by field, unknown
keys refused) and serialises it as an object without its empty fields.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema


class Prov(NamedTuple):
    """Provenance of one figure or finding.  All fields optional; ``describe`` renders it."""

    file: str | None = None
    page: int | None = None
    line: int | None = None
    sheet: str | None = None
    cell: str | None = None
    table: str | None = None
    row: str | None = None
    code: str | None = None
    column: str | None = None
    span: tuple[int, int] | None = None
    text: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The fields that are set, in field order (how it is serialised)."""
        return {k: v for k, v in zip(self._fields, self, strict=True) if v is not None}

    def describe(self) -> str:
        """A short Chinese description, e.g. ``a.txt 第12行 公开03表 2101501 行政运行``."""
        parts: list[str] = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(f"{self.sheet}!{self.cell}" if self.cell else self.sheet)
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.line is not None:
            parts.append(f"第{self.line}行")
        if self.table:
            parts.append(f"公开{self.table}表" if self.table.isdigit() else self.table)
        row = " ".join(x for x in (self.code, self.row) if x)
        if row:
            parts.append(row)
        if self.column:
            parts.append(f"[{self.column}]")
        if self.span is not None:
            parts.append(f"字符{self.span[0]}-{self.span[1]}")
        return " ".join(parts)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return prov_schema()


_new = tuple.__new__


def located(
    file: str | None,
    page: int | None,
    line: int | None,
    table: str | None = None,
    row: str | None = None,
    code: str | None = None,
    column: str | None = None,
) -> Prov:
    """``Prov(file=…, page=…, line=…, table=…, row=…, code=…, column=…)`` made directly from
    its field values, four times faster than the keyword call: the extractors make one
    for every figure they read (``tests/test_model.py`` holds it to the keyword form)."""
    return _new(Prov, (file, page, line, None, None, table, row, code, column, None, None))


def in_text(
    file: str | None, page: int | None, line: int | None, span: tuple[int, int], text: str
) -> Prov:
    """``Prov(file=…, page=…, line=…, span=…, text=…)``, made directly as :func:`located`
    is: the claim extractor makes one for every figure of the narrative."""
    return _new(Prov, (file, page, line, None, None, None, None, None, None, span, text))


def _optional(schema: core_schema.CoreSchema) -> core_schema.TypedDictField:
    return core_schema.typed_dict_field(core_schema.nullable_schema(schema), required=False)


def prov_fields_schema() -> core_schema.TypedDictSchema:
    """The mapping form of a :class:`Prov` (JSON, YAML): every field optional, no others."""
    text, number = core_schema.str_schema(), core_schema.int_schema()
    types = {
        "file": text,
        "page": number,
        "line": number,
        "sheet": text,
        "cell": text,
        "table": text,
        "row": text,
        "code": text,
        "column": text,
        "span": core_schema.tuple_schema([number, number]),
        "text": text,
    }
    assert tuple(types) == Prov._fields
    return core_schema.typed_dict_schema(
        {name: _optional(schema) for name, schema in types.items()},
        cls=Prov,
        extra_behavior="forbid",
        ref="Prov",
        config=core_schema.CoreConfig(title="Prov"),
    )


def _validate(value: Any, handler: core_schema.ValidatorFunctionWrapHandler) -> Prov:
    if isinstance(value, Prov):
        return value
    fields: dict[str, Any] = handler(value)
    return Prov(**fields)


def prov_schema() -> core_schema.CoreSchema:
    return core_schema.no_info_wrap_validator_function(
        _validate,
        prov_fields_schema(),
        serialization=core_schema.plain_serializer_function_ser_schema(Prov.as_dict),
    )
