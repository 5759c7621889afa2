"""Run one command module the way the ``juesuan`` entry point runs the whole app."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import typer

from juesuan.cli.common import run_guarded


def make_app(register: Callable[[typer.Typer], None]) -> typer.Typer:
    """A Typer app with only the commands that ``register`` adds."""
    app = typer.Typer(pretty_exceptions_enable=False)

    @app.callback()
    def _root() -> None:
        pass

    register(app)
    return app


def invoke(app: typer.Typer, monkeypatch: pytest.MonkeyPatch, *args: str | Path) -> int:
    """The exit code of ``juesuan ARGS`` run through :func:`run_guarded`."""
    monkeypatch.setattr(sys, "argv", ["juesuan", *map(str, args)])
    try:
        return run_guarded(app)
    except SystemExit as exc:
        return int(exc.code or 0)
