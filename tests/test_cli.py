"""The command line: help, schema, parse, demo, exit codes, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from juesuan.cli.app import app
from juesuan.cli.common import run_guarded

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "wuzhi-county-2024" / "disclosure.yaml"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "juesuan", *args], capture_output=True, text=True, timeout=120
    )


def test_help_lists_every_command() -> None:
    out = CliRunner().invoke(app, ["--help"]).output
    for command in ("schema", "template", "parse", "catalog", "check", "rules", "rule", "demo"):
        assert command in out


def test_schema_to_file_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    assert CliRunner().invoke(app, ["schema", "-o", str(target)]).exit_code == 0
    assert "Disclosure" in json.loads(target.read_text(encoding="utf-8"))["title"]
    proc = _run("schema", "-o", str(target))
    assert proc.returncode == 2 and "--force" in proc.stderr


def test_parse_facts_and_json_on_an_example() -> None:
    result = CliRunner().invoke(app, ["parse", str(EXAMPLE), "--format", "facts"])
    assert result.exit_code == 0
    facts = [json.loads(line) for line in result.output.splitlines()]
    assert any(
        f["table"] == "05" and f["code"] == "2101301" and f["value"] == "1532.39" for f in facts
    )
    model = json.loads(CliRunner().invoke(app, ["parse", str(EXAMPLE)]).output)
    assert model["meta"]["unit_name"] == "武陟县医疗保障局"


def test_bad_inputs_exit_2_with_a_chinese_message_and_no_traceback(tmp_path: Path) -> None:
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a zip file at all")
    bad_yaml = tmp_path / "bad.yaml"
    bad_yaml.write_text("meta: {unit_name: 某局, fiscal_year: 二〇二三}\n", encoding="utf-8")
    for args in (
        ["parse", str(tmp_path / "missing.yaml")],
        ["parse", str(junk)],
        ["parse", str(bad_yaml)],
        ["parse", str(tmp_path)],
        ["check", str(junk)],
    ):
        proc = _run(*args)
        assert proc.returncode == 2, (args, proc.stdout, proc.stderr)
        assert "Traceback" not in proc.stderr
        assert "错误" in proc.stderr or "无法" in proc.stderr or "没有" in proc.stderr, proc.stderr


def test_usage_error_exits_2() -> None:
    assert _run("parse", "--format", "nonsense", str(EXAMPLE)).returncode == 2
    assert _run("no-such-command").returncode == 2


def test_internal_error_is_reported_not_raised(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import typer

    boom = typer.Typer()

    @boom.command()
    def crash() -> None:
        raise RuntimeError("boom")

    @boom.command()
    def other() -> None:
        pass

    monkeypatch.setattr(sys, "argv", ["juesuan", "crash"])
    assert run_guarded(boom) == 3
    assert "内部错误" in capsys.readouterr().err


def test_demo_writes_outputs(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["demo", "--examples", str(ROOT / "examples"), "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    for name in ("wuzhi-county-2024", "qinhuangdao-city-2023"):
        assert (tmp_path / name / "facts.jsonl").stat().st_size > 1000
        model = json.loads((tmp_path / name / "model.json").read_text(encoding="utf-8"))
        assert len(model["tables"]) == 9


def test_oversized_input_is_refused_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from juesuan.errors import JuesuanError
    from juesuan.source import load_any

    big = tmp_path / "huge.pdf"
    with big.open("wb") as f:  # a sparse 3 MB file, refused at a 1 MB limit
        f.seek(3 * 1024 * 1024)
        f.write(b"\0")
    monkeypatch.setenv("JUESUAN_MAX_MB", "1")
    with pytest.raises(JuesuanError, match="文件过大"):
        load_any(big)
