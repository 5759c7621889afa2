"""Shared state of one extraction: the file name, notices, provenance and number parsing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

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


def validated(model: type[Model], fields: dict[str, object]) -> Model:
    """``model(**fields)`` without the Python ``__init__`` frame: the same validation by the
    model's own validator, about a third quicker (a table makes several objects per row)."""
    obj: Model = model.__pydantic_validator__.validate_python(fields)
    return obj
