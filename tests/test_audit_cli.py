"""``juesuan rules`` / ``rule`` / ``check``: output formats and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from juesuan.audit.testing import sample_disclosure, set_value
from juesuan.cli import audit_cmd
from juesuan.compile.yamlio import dump_data
from juesuan.model import Disclosure
from tests.cli_helpers import invoke as run_cli
from tests.cli_helpers import make_app

APP = make_app(audit_cmd.register)


def invoke(monkeypatch: pytest.MonkeyPatch, *args: str | Path) -> int:
    """Run like the ``juesuan`` entry point does; the exit code."""
    return run_cli(APP, monkeypatch, *args)


def write(path: Path, d: Disclosure) -> Path:
    path.write_text(dump_data(d.model_dump(mode="json", exclude_defaults=True)), encoding="utf-8")
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write(tmp_path / "good.yaml", sample_disclosure())


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    d = sample_disclosure()
    set_value(d, "09", "三公经费", "决算数/合计", "1.68")
    return write(tmp_path / "bad.yaml", d)


@pytest.fixture
def warn(tmp_path: Path) -> Path:
    d = sample_disclosure()
    set_value(d, "06", "30217", "决算数", "0.07")  # X0403 warning (and a T0603 error)
    set_value(d, "06", "30299", "决算数", "1.60")  # keeps 302 = Σ 款
    return write(tmp_path / "warn.yaml", d)


def test_rules_text(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert invoke(monkeypatch, "rules") == 0
    out = capsys.readouterr().out
    assert "T0101" in out and "X0301" in out and "C0101" in out


def test_rules_json(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert invoke(monkeypatch, "rules", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    codes = {r["code"]: r for r in data}
    assert codes["T0101"]["family"] == "table" and codes["T0101"]["severity"] == "error"
    assert codes["X0401"]["severity"] == "warning"


def test_rule_explains(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert invoke(monkeypatch, "rule", "t0001") == 0
    out = capsys.readouterr().out
    assert out.startswith("T0001：") and "XBRL" in out and "例" in out


def test_unknown_rule_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert invoke(monkeypatch, "rule", "T9999") == 2
    assert "T9999" in capsys.readouterr().err


def test_check_clean_exits_0(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], good: Path
) -> None:
    assert invoke(monkeypatch, "check", good) == 0
    assert "未发现问题" in capsys.readouterr().out


def test_check_errors_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], bad: Path
) -> None:
    assert invoke(monkeypatch, "check", bad) == 1
    out = capsys.readouterr().out
    assert "公开09表" in out and "T0901" in out and "1.53 + 0.05 = 1.58 ≠ 1.68" in out


def test_check_json(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], bad: Path
) -> None:
    assert invoke(monkeypatch, "check", bad, "--format", "json") == 1
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == 1
    (doc,) = data["documents"]
    assert doc["file"] == str(bad) and doc["failed"] is True
    assert doc["counts"] == {"error": 1, "warning": 0, "info": 0}
    (f,) = doc["findings"]
    assert f["code"] == "T0901" and f["location"]["table"] == "09"
    assert f["expected"] == "1.58" and f["actual"] == "1.68"
    assert data["summary"]["documents"] == 1 and data["summary"]["failed"] == 1


def test_select_ignore_and_fail_on(monkeypatch: pytest.MonkeyPatch, bad: Path, warn: Path) -> None:
    assert invoke(monkeypatch, "check", bad, "--ignore", "T09") == 0
    assert invoke(monkeypatch, "check", bad, "--select", "X,F") == 0
    assert invoke(monkeypatch, "check", warn, "--select", "X04") == 0  # warnings only
    assert invoke(monkeypatch, "check", warn, "--select", "X04", "--fail-on", "warning") == 1
    assert invoke(monkeypatch, "check", bad, "--select", "T99") == 2


def test_output_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, bad: Path) -> None:
    out = tmp_path / "report.json"
    assert invoke(monkeypatch, "check", bad, "-f", "json", "-o", out) == 1
    assert json.loads(out.read_text(encoding="utf-8"))["documents"][0]["findings"]
    assert invoke(monkeypatch, "check", bad, "-f", "json", "-o", out) == 2  # no overwrite
    assert invoke(monkeypatch, "check", bad, "-o", tmp_path / "r.txt") == 1
    assert "T0901" in (tmp_path / "r.txt").read_text(encoding="utf-8")


def test_directory(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    good: Path,
    bad: Path,
) -> None:
    assert invoke(monkeypatch, "check", tmp_path, "-f", "json", "-o", tmp_path / "out.json") == 1
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [Path(d["file"]).name for d in data["documents"]] == ["bad.yaml", "good.yaml"]
    assert data["summary"] == {
        "documents": 2,
        "unusable": 0,
        "failed": 1,
        "counts": {"error": 1, "warning": 0, "info": 0},
    }
    (tmp_path / "out.json").unlink()  # a report left in the directory would be an input
    assert invoke(monkeypatch, "check", tmp_path) == 1
    assert "汇总" in capsys.readouterr().out


def test_unusable_input_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path, good: Path
) -> None:
    assert invoke(monkeypatch, "check", tmp_path / "missing.yaml") == 2
    broken = tmp_path / "broken.yaml"
    broken.write_text("meta: [1, 2\n", encoding="utf-8")
    assert invoke(monkeypatch, "check", broken) == 2
    capsys.readouterr()
    # In a directory, the other files are still audited and reported.
    assert invoke(monkeypatch, "check", tmp_path, "-f", "json") == 2
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["unusable"] == 1 and data["summary"]["documents"] == 2


def test_config_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, bad: Path) -> None:
    (tmp_path / "juesuan.toml").write_text('ignore = ["T09"]\n', encoding="utf-8")
    assert invoke(monkeypatch, "check", bad) == 0
    other = tmp_path / "elsewhere.toml"
    other.write_text('[audit]\nselect = ["T09"]\nfail-on = "info"\n', encoding="utf-8")
    assert invoke(monkeypatch, "check", bad, "--config", other) == 1
    (tmp_path / "juesuan.toml").write_text('select = ["Z"]\n', encoding="utf-8")
    assert invoke(monkeypatch, "check", bad) == 2


def test_pyproject_config(tmp_path: Path) -> None:
    from juesuan.audit.config import discover_config

    (tmp_path / "pyproject.toml").write_text(
        '[tool.juesuan]\nselect = ["T", "X01"]\nfail-on = "warning"\n', encoding="utf-8"
    )
    sub = tmp_path / "docs"
    sub.mkdir()
    cfg = discover_config(sub / "a.yaml")
    assert cfg is not None and cfg.select == ("T", "X01") and cfg.fail_on == "warning"


def test_registered_in_main_app() -> None:
    try:
        from juesuan.cli.app import app
    except Exception:  # pragma: no cover - other sub-commands under construction
        pytest.skip("main app not importable")
    names = {c.name for c in app.registered_commands}
    assert {"rules", "rule", "check"} <= names
