"""Shared state of one extraction: the file name, notices, provenance and number parsing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

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
        fields: dict[str, object] = {"file": self.file}
        if line is not None:
            fields["line"] = line.no
            if line.page is not None:
                fields["page"] = line.page
        for name, value in (("table", table), ("row", row), ("code", code), ("column", column)):
            if value is not None:
                fields[name] = value
        return _PROV(fields)  # Prov(**fields): the same validation, without the __init__ frame

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
        return _NUM({"value": value, "decimals": decimals, "raw": raw, "prov": prov})


# The models' own validators, called with a dict: the same checks as ``Prov(**fields)``,
# about a third quicker (an extraction makes thousands of these).
_PROV: Callable[[dict[str, object]], Prov] = Prov.__pydantic_validator__.validate_python
_NUM: Callable[[dict[str, object]], Num] = Num.__pydantic_validator__.validate_python


def cell_text(line: Line, index: int | None) -> str:
    if index is None or index < 0 or index >= len(line.cells):
        return ""
    return line.cells[index].text
