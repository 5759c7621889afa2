"""Shared state of one extraction: the file name, notices, provenance and number parsing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel

from juesuan.model.figure import Num
from juesuan.model.finding import Notice
from juesuan.model.numbers import NotANumberError, parse_printed
from juesuan.model.provenance import Prov
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
        # located(...) inlined: every figure read gets one
        if line is None:
            return _new_tuple(
                Prov, (self.file, None, None, None, None, table, row, code, column, None, None)
            )
        page, no = line.page, line.no
        return _new_tuple(
            Prov, (self.file, page, no, None, None, table, row, code, column, None, None)
        )

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
        raw = None if printed.canonical else text  # printed.raw is text
        # Num(...) without the named tuple's keyword handling
        return _new_tuple(Num, (printed.value, printed.decimals, raw, prov))


def cell_text(line: Line, index: int | None) -> str:
    if index is None or index < 0 or index >= len(line.cells):
        return ""
    return line.cells[index].text


Model = TypeVar("Model", bound=BaseModel)

_new_object = object.__new__
_new_tuple = tuple.__new__
_set_slot = object.__setattr__
_ABSENT: Any = object()  # a field not given: a required one is an error, else its default


@dataclass(frozen=True)
class _Plan:
    """How :func:`trusted` builds one model: worked out once per model class."""

    template: dict[str, Any]  # every field in order: its plain default, else _ABSENT
    required: tuple[str, ...]
    factories: tuple[tuple[str, Callable[[], Any]], ...]  # fields with a default factory


_PLANS: dict[type[BaseModel], _Plan] = {}


def _plan(model: type[BaseModel]) -> _Plan:
    template: dict[str, Any] = {}
    required: list[str] = []
    factories: list[tuple[str, Callable[[], Any]]] = []
    for name, info in model.model_fields.items():
        template[name] = _ABSENT
        if info.default_factory is not None:
            if info.default_factory_takes_validated_data:
                raise TypeError(f"{model.__name__}.{name}: a default factory taking data")
            factories.append((name, info.default_factory))  # type: ignore[arg-type]
        elif info.is_required():
            required.append(name)
        else:
            template[name] = info.default
    plan = _PLANS[model] = _Plan(template, tuple(required), tuple(factories))
    return plan


def trusted(model: type[Model], fields: dict[str, Any]) -> Model:
    """``model(**fields)`` for values the extractor has typed itself, without validation.

    Pydantic's ``model_construct`` for the objects an extraction makes by the hundred
    (table rows, indicators, claims) from figures and provenance it built: validation would
    only re-check their types, at 2-4 us an object.  Unlike ``model_construct`` it refuses
    unknown or missing required fields, and it is quicker (``model_construct`` asks each
    default factory's signature again, 6 us a field).  Defaults fill the fields not given,
    in field order, as validation would; ``tests/test_extract_trusted.py`` holds every
    document read this way equal to the same document read with validation.
    """
    plan = _PLANS.get(model) or _plan(model)
    values = plan.template.copy()  # field order, as validation stores them
    values.update(fields)
    if len(values) != len(plan.template):  # a field the model does not have
        _refuse(model, fields)
    for name in plan.required:
        if values[name] is _ABSENT:
            _refuse(model, fields)
    for name, factory in plan.factories:
        if values[name] is _ABSENT:
            values[name] = factory()
    obj = _new_object(model)
    _set_slot(obj, "__dict__", values)
    _set_slot(obj, "__pydantic_fields_set__", set(fields))
    _set_slot(obj, "__pydantic_extra__", None)
    _set_slot(obj, "__pydantic_private__", None)
    return obj


def _refuse(model: type[BaseModel], fields: dict[str, Any]) -> None:
    known = list(model.model_fields)
    raise TypeError(f"{model.__name__}: fields {sorted(fields)} do not fit {known}")
