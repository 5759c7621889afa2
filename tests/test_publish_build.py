"""``juesuan build``: audit gate, --force, no overwriting, formats, file names, missing reasons."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from juesuan.cli.app import app
from juesuan.errors import JuesuanError
from juesuan.publish.build import build, parse_formats
from juesuan.source import load_any

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
WUZHI = EXAMPLES / "wuzhi-county-2024" / "disclosure.yaml"
STEM = "武陟县医疗保障局2024年度部门决算"


def test_parse_formats() -> None:
    assert parse_formats("all") == ("docx", "pdf", "html", "xlsx", "txt")
    assert parse_formats("txt, xlsx") == ("xlsx", "txt")
    with pytest.raises(JuesuanError):
        parse_formats("doc")


def test_build_names_files_and_never_overwrites(tmp_path: Path) -> None:
    d = load_any(WUZHI)
    del d.extras.reasons["fiscal.total"], d.extras.reasons["general.expense"]
    result = build(d, tmp_path, ["txt", "xlsx"])
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{STEM}.txt", f"{STEM}.xlsx"]
    assert {m.subject for m in result.missing} == {"fiscal.total", "general.expense"}
    with pytest.raises(JuesuanError, match="已存在"):
        build(d, tmp_path, ["txt"])
    build(d, tmp_path, ["txt"], force=True)


def test_cli_builds_and_reports_missing_reasons(tmp_path: Path) -> None:
    data = yaml.safe_load(WUZHI.read_text(encoding="utf-8"))
    del data["extras"]["reasons"]["fiscal.total"]
    src = tmp_path / "in.yaml"
    src.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(src), "-o", str(tmp_path), "-f", "txt,html"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / f"{STEM}.html").is_file()
    assert "缺少原因或数据" in result.output and "fiscal.total" in result.output


def _broken(tmp_path: Path) -> Path:
    data = yaml.safe_load(WUZHI.read_text(encoding="utf-8"))
    for row in data["tables"]["03"]["rows"]:
        if row["key"] == "合计":
            row["values"]["基本支出"] = "427.99"
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_cli_refuses_on_audit_errors_unless_forced(tmp_path: Path) -> None:
    src = _broken(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(src), "-o", str(out), "-f", "txt"])
    assert result.exit_code == 1
    assert "审核发现" in result.output and "未生成任何文件" in result.output
    assert not out.exists()
    forced = CliRunner().invoke(app, ["build", str(src), "-o", str(out), "-f", "txt", "--force"])
    assert forced.exit_code == 0, forced.output
    assert "--force" in forced.output and (out / f"{STEM}.txt").is_file()
