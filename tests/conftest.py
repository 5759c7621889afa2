"""Fixtures shared by several test modules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from juesuan.cli.app import app
from juesuan.extract.document import load_document
from juesuan.model import Disclosure
from juesuan.publish.build import build
from juesuan.source import load_any

SHARED = Path(__file__).resolve().parents[2] / "shared"
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


@pytest.fixture(scope="session")
def mixed_documents(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Six noisy synthetic documents (TXT, DOCX and PDF, made once per test session), then
    the seeds and the sample PDFs when ../shared is there."""
    out = tmp_path_factory.mktemp("mixed") / "synth"
    result = CliRunner().invoke(
        app, ["synth", "-n", "6", "--style", "mixed", "--noise", "3", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    docs = sorted(p for p in out.iterdir() if p.suffix in (".txt", ".docx", ".pdf"))
    assert len(docs) == 6 and {p.suffix for p in docs} == {".txt", ".docx", ".pdf"}
    return [
        *docs,
        *sorted((SHARED / "seeds").glob("*.txt")),
        *sorted((SHARED / "samples").glob("*.pdf")),
    ]
