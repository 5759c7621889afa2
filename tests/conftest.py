"""Fixtures shared by several test modules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from juesuan.extract.document import load_document
from juesuan.model import Disclosure
from juesuan.publish.build import build
from juesuan.source import load_any

EXAMPLES = [
    Path(__file__).resolve().parents[1] / "examples" / name / "disclosure.yaml"
    for name in ("wuzhi-county-2024", "qinhuangdao-city-2023")
]

_BUILT: dict[Path, tuple[Disclosure, Disclosure]] = {}


@pytest.fixture(params=EXAMPLES, ids=lambda p: p.parent.name)
def pair(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """(PDF read back, TXT read back) of one bundled example, built once per test session."""
    example: Path = request.param
    if example not in _BUILT:
        out = tmp_path_factory.mktemp(example.parent.name)
        result = build(load_any(example), out, ["pdf", "txt"])
        _BUILT[example] = (
            load_document(result.files["pdf"]),
            load_document(result.files["txt"]),
        )
    return _BUILT[example]
