"""Compile side: the template workbook, reading it back, and YAML/JSON input."""

from juesuan.compile.loader import load
from juesuan.compile.template import write_template
from juesuan.compile.workbook import read_workbook
from juesuan.compile.yamlio import dump_yaml, load_mapping

__all__ = ["dump_yaml", "load", "load_mapping", "read_workbook", "write_template"]
