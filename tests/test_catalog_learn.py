"""``juesuan catalog learn``: code–name pairs harvested from published tables."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from juesuan.catalog import Catalog
from juesuan.catalog.harvest import harvest
from juesuan.cli.app import app
from juesuan.source import load_any

EXAMPLE = (
    Path(__file__).resolve().parents[1] / "examples" / "qinhuangdao-city-2023" / "disclosure.yaml"
)
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_harvest_takes_printed_codes_only() -> None:
    pairs = set(harvest(load_any(EXAMPLE)))
    assert ("2101501", "行政运行", 2023) in pairs
    assert ("30113", "住房公积金", 2023) in pairs
    assert not [p for p in pairs if not p[0].isdigit()]


def test_learn_writes_observed_entries_and_keeps_inputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JUESUAN_HOME", str(tmp_path))
    before = EXAMPLE.read_bytes()
    result = CliRunner().invoke(app, ["catalog", "learn", str(EXAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["stored"] == len(data["pairs"]) > 20
    entry = Catalog.load(tmp_path).get("2101599", 2023)
    assert entry is not None and entry.source == "observed"
    assert EXAMPLE.read_bytes() == before


def test_learn_dry_run_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JUESUAN_HOME", str(tmp_path))
    result = CliRunner().invoke(app, ["catalog", "learn", str(EXAMPLE), "--dry-run"])
    assert result.exit_code == 0 and "将记录" in result.output
    assert not list(tmp_path.rglob("*.csv"))


def test_learn_reports_unreadable_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JUESUAN_HOME", str(tmp_path))
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    result = CliRunner().invoke(app, ["catalog", "learn", str(bad)])
    assert result.exit_code == 2


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds not present")
def test_learn_from_a_seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JUESUAN_HOME", str(tmp_path))
    result = CliRunner().invoke(
        app, ["catalog", "learn", str(SEEDS / "003_1c2740dd0732688e.txt"), "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    codes = {p["code"] for p in json.loads(result.output)["pairs"]}
    assert {"2101301", "2100101", "30228"} <= codes
