"""The ``juesuan`` command line.  Sub-commands live in one module each."""

from __future__ import annotations

import sys

import typer

from juesuan import __version__
from juesuan.cli.common import run_guarded

app = typer.Typer(
    help="juesuan（决算）：部门决算公开与预算绩效自评的编制、审核、评分与发布工具。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"juesuan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="显示版本"
    ),
    debug: bool = typer.Option(False, "--debug", help="出错时显示完整调用栈（供开发者排查）"),
) -> None:
    from juesuan.cli import common

    common.DEBUG = debug


def _register() -> None:
    from juesuan.cli import catalog_cmd, parse_cmd, schema_cmd, template_cmd

    app.command("schema", help="输出数据模型的 JSON Schema")(schema_cmd.schema)
    app.command("template", help="生成空白编制工作簿（XLSX）")(template_cmd.template)
    app.command("parse", help="读取工作簿/YAML/JSON/已公开文件，输出模型或事实（facts）")(
        parse_cmd.parse
    )
    app.command("demo", help="在内置示例上运行主流程")(parse_cmd.demo)
    app.add_typer(catalog_cmd.catalog_app, name="catalog")
    for optional in (
        "juesuan.cli.audit_cmd",
        "juesuan.cli.perf_cmd",
        "juesuan.cli.publish_cmd",
        "juesuan.cli.synth_cmd",
    ):
        try:
            module = __import__(optional, fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name != optional:
                raise
            continue
        module.register(app)


_register()


def main() -> None:
    from juesuan.runtime import tune_gc

    tune_gc()  # after the sub-commands are imported: see juesuan.runtime
    sys.exit(run_guarded(app))
