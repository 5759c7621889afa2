"""scripts/pick_python.sh: the interpreter setup builds .venv with."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PICK = ROOT / "scripts" / "pick_python.sh"


def _pick(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(PICK)], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_python_variable_is_taken_as_it_is() -> None:
    result = _pick({**os.environ, "PYTHON": "/opt/some/python3.12"})
    assert result.returncode == 0
    assert result.stdout == "/opt/some/python3.12\n"


def test_chooses_a_python_that_can_make_the_venv() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHON"}
    result = _pick(env)
    assert result.returncode == 0, result.stderr
    chosen = result.stdout.strip()
    assert Path(chosen).is_absolute() and Path(chosen).exists()
    check = subprocess.run(
        [chosen, "-c", "import sys, ensurepip, venv; print(sys.version_info >= (3, 11))"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.stdout.strip() == "True"
    # a change of interpreter is said on stderr, in Chinese; nothing else is printed
    assert result.stderr == "" or result.stderr.startswith("选用 ")


def test_speed_workload_prints_seconds() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "python_speed.py")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert 0 < float(result.stdout) < 10
