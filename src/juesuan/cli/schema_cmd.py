"""``juesuan schema``: print the JSON Schema of the disclosure model."""

from __future__ import annotations

from pathlib import Path

import typer

from juesuan.cli.common import dump_json, write_output
from juesuan.model import Disclosure


def schema(
    out: Path | None = typer.Option(None, "-o", "--output", help="写入文件（默认输出到终端）"),
    force: bool = typer.Option(False, "--force", help="覆盖已存在的输出文件"),
) -> None:
    write_output(dump_json(Disclosure.model_json_schema()), out, force)
