"""``juesuan perf score | monitor | profiles``: output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from juesuan.cli import perf_cmd
from tests.cli_helpers import invoke as run_cli
from tests.cli_helpers import make_app

EXAMPLE = Path(__file__).resolve().parents[1] / "examples/qinhuangdao-city-2023/disclosure.yaml"


APP = make_app(perf_cmd.register)


def invoke(monkeypatch: pytest.MonkeyPatch, *args: str | Path) -> int:
    """Run like the ``juesuan`` entry point does; the exit code."""
    return run_cli(APP, monkeypatch, *args)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The example with its 总分 changed from 96.25 to 90.00 and grade kept 优."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["evaluations"][0]["total_score"] = "90.00"
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_registered_in_main_app() -> None:
    from juesuan.cli.app import app

    names = {g.name for g in app.registered_groups}
    assert "perf" in names


def test_score_example_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert invoke(monkeypatch, "perf", "score", EXAMPLE) == 0
    out = capsys.readouterr().out
    assert "医保运行保障及审计" in out and "印出得分" in out and "重算" in out
    assert "96.25" in out and "未发现问题" in out


def test_score_example_json(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert invoke(monkeypatch, "perf", "score", EXAMPLE, "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    ev = data["evaluations"][0]
    # 49.98/80 = 62.475 % → 6.2475 points → 96.2475 → 96.25 (ROUND_HALF_UP)
    assert ev["execution"]["points_recomputed"] == "6.25"
    assert ev["total_recomputed"] == "96.25" and ev["grade_recomputed"] == "优"
    assert data["findings"] == []


def test_score_errors_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], broken: Path
) -> None:
    assert invoke(monkeypatch, "perf", "score", broken, "-f", "json") == 1
    data = json.loads(capsys.readouterr().out)
    assert {f["code"] for f in data["findings"]} == {"P0101"}
    f = data["findings"][0]
    assert f["expected"] == "96.25" and f["actual"] == "90.00" and f["location"]


def test_profile_switch(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Under Henan's six categories the national-style weights do not fit: warnings only.
    assert invoke(monkeypatch, "perf", "score", EXAMPLE, "--profile", "henan", "-f", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["evaluations"][0]["profile"] == "henan"
    assert {f["code"] for f in data["findings"]} == {"P0110"}


def test_bad_input_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert invoke(monkeypatch, "perf", "score", tmp_path / "missing.yaml") == 2
    assert "文件不存在" in capsys.readouterr().err
    assert invoke(monkeypatch, "perf", "score", EXAMPLE, "--profile", "nowhere") == 2
    assert invoke(monkeypatch, "perf", "monitor", EXAMPLE, "--date", "2023-13-01") == 2


def test_monitor(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # 2023-07-31: day 212 of 365 → 58.08 %; the example's 62.48 % is ahead → no alert.
    assert invoke(monkeypatch, "perf", "monitor", EXAMPLE, "--date", "2023-07-31") == 0
    out = capsys.readouterr().out
    assert "58.08%" in out and "序时进度" in out
    # 2023-11-30: day 334 → 91.5068 %; 91.5068 − 62.475 = 29.03 points behind → alert, exit 1.
    assert invoke(monkeypatch, "perf", "monitor", EXAMPLE, "-d", "2023-11-30", "-f", "json") == 1
    data = json.loads(capsys.readouterr().out)
    assert data[0]["schedule"] == "91.51%" and data[0]["execution_behind"] is True
    assert data[0]["lag_points"] == "29.03"


def test_profiles(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert invoke(monkeypatch, "perf", "profiles") == 0
    out = capsys.readouterr().out
    assert "national" in out and "henan" in out and "national-qualified" in out
    assert invoke(monkeypatch, "perf", "profiles", "-f", "json") == 0
    names = [p["name"] for p in json.loads(capsys.readouterr().out)]
    assert names[0] == "national"
