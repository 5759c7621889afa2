"""Shared state of one extraction: the file name, notices, provenance and number parsing."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel

from juesuan.model.figure import Num
from juesuan.model.finding import Notice
from juesuan.model.numbers import NotANumberError, parse_printed
from juesuan.model.provenance import Prov, located
from juesuan.read.layout import Line


@dataclass
class Context:
    file: str
    notices: list[Notice] = field(default_factory=list)

    def prov(
        self,
        line: Line | None,
        table: str | None = None,
        row: str | None = None,
        code: str | None = None,
        column: str | None = None,
    ) -> Prov:
        if line is None:
            return located(self.file, None, None, table, row, code, column)
        return located(self.file, line.page, line.no, table, row, code, column)

    def notice(self, message: str, location: Prov | None = None, kind: str | None = None) -> None:
        self.notices.append(Notice(message=message, location=location, kind=kind))

    def number(self, text: str, prov: Prov) -> Num | None:
        """A cell's figure; blank or a dash gives ``None``, text that is no number a notice."""
        if not text.strip():
            return None
        try:
            printed = parse_printed(text)
        except NotANumberError:
            self.notice(f"无法识别的数值「{text.strip()[:40]}」，已忽略", prov)
            return None
        if printed.value is None:
            return None
        value, decimals = printed.value, printed.decimals
        raw = text if text != str(value) else None
        return Num(value, decimals, raw, prov)


def cell_text(line: Line, index: int | None) -> str:
    if index is None or index < 0 or index >= len(line.cells):
        return ""
    return line.cells[index].text


Model = TypeVar("Model", bound=BaseModel)

_new_object = object.__new__
_set_slot = object.__setattr__


@cache
def _layout(
    model: type[BaseModel],
) -> tuple[dict[str, Any], tuple[str, ...], frozenset[str], frozenset[str]]:
    """(every field in order with its plain default, or ``None`` where it has none; the
    fields with a default factory; the required fields; all fields)."""
    template: dict[str, Any] = {}
    factories: list[str] = []
    required: set[str] = set()
    for name, info in model.model_fields.items():
        template[name] = None
        if info.default_factory is not None:
            factories.append(name)
        elif info.is_required():
            required.add(name)
        else:
            template[name] = info.default
    return template, tuple(factories), frozenset(required), frozenset(template)


def trusted(model: type[Model], fields: dict[str, Any]) -> Model:
    """``model(**fields)`` for values the extractor has typed itself, without validation.

    Pydantic's ``model_construct`` for the objects an extraction makes by the hundred
    (table rows, indicators, claims) from figures and provenance it built: validation would
    only re-check their types, at 2-4 us an object.  Unlike ``model_construct`` it refuses
    unknown or missing required fields, and it is quicker.  Defaults fill the fields not
    given, in field order, as validation would; ``tests/test_extract_trusted.py`` holds
    every document read this way equal to the same document read with validation.
    """
    template, factories, required, known = _layout(model)
    given = fields.keys()
    if not (required <= given <= known):
        raise TypeError(f"{model.__name__}: fields {sorted(given)} do not fit {sorted(known)}")
    values = template.copy()  # field order, as validation stores them
    values.update(fields)
    for name in factories:
        if name not in given:
            values[name] = model.model_fields[name].get_default(call_default_factory=True)
    obj = _new_object(model)
    _set_slot(obj, "__dict__", values)
    _set_slot(obj, "__pydantic_fields_set__", set(given))
    _set_slot(obj, "__pydantic_extra__", None)
    _set_slot(obj, "__pydantic_private__", None)
    return obj
