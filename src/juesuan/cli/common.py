"""Shared CLI plumbing: error handling, output formats, exit codes.

Exit codes: 0 clean, 1 findings at or above the failing severity, 2 unusable input or usage.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from juesuan.errors import JuesuanError

DEBUG = False

err_console = Console(stderr=True, highlight=False)
console = Console(highlight=False)


class Format(StrEnum):
    text = "text"
    json = "json"


def run_guarded(app: typer.Typer) -> int:
    """Run the Typer app; user errors become a short Chinese message and exit code 2."""
    try:
        rc = app(standalone_mode=False)
    except JuesuanError as exc:
        if DEBUG:
            raise
        for problem in exc.problems:
            err_console.print(f"[red]错误[/red]：{problem}", markup=True, soft_wrap=True)
        return 2
    except typer.Exit as exc:
        return int(exc.exit_code or 0)
    except typer.Abort:
        err_console.print("已中止。")
        return 2
    except Exception as exc:
        # Usage errors (unknown option, missing argument) come from click, which typer
        # vendors in recent releases: recognise them by their interface, not their module.
        show = getattr(exc, "show", None)
        code = getattr(exc, "exit_code", None)
        if callable(show) and isinstance(code, int):
            show()
            return 2 if code == 2 else code
        if DEBUG:
            raise
        err_console.print(
            f"[red]内部错误[/red]：{type(exc).__name__}: {exc}\n"
            "这是 juesuan 的缺陷，请加 --debug 重试并报告。",
            markup=True,
        )
        return 3
    return rc if isinstance(rc, int) else 0


def write_output(text: str, out: Path | None, force: bool = False) -> None:
    """Write to a file (never overwriting without ``force``) or to standard output."""
    if out is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    if out.exists() and not force:
        raise JuesuanError(f"输出文件已存在：{out}。如需覆盖请加 --force。")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
