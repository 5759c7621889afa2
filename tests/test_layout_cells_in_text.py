"""A line's text holds each of its cells' texts, whatever the reader: recognisers test the
line's text before looking at its cells (``perf_tables._regions``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from juesuan.extract import document, load_document, pdf_national, perf_tables, read_layout
from juesuan.read.layout import Line


def _outside(lines: Sequence[Line]) -> list[tuple[int, str, str]]:
    return [
        (line.no, line.text, cell.text)
        for line in lines
        for cell in line.cells
        if cell.text not in line.text
    ]


def test_cells_are_inside_their_lines_text(
    mixed_documents: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Sequence[Line]] = []
    real = perf_tables.extract_evaluations

    def recording(lines: Sequence[Line], *args: Any, **kwargs: Any) -> Any:
        seen.append(list(lines))
        return real(lines, *args, **kwargs)

    monkeypatch.setattr(document, "extract_evaluations", recording)
    monkeypatch.setattr(pdf_national, "extract_evaluations", recording)
    for path in mixed_documents:
        before = len(seen)
        layout = read_layout(path)
        assert _outside(layout.lines) == [], path.name
        load_document(path)
        for lines in seen[before:]:  # the lines the perf parser was given, if any
            assert _outside(lines) == [], path.name
    assert len(seen) >= 6 and any(len(line.cells) > 1 for lines in seen for line in lines)
