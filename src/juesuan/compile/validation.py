"""Pydantic validation errors → located problems with Chinese messages."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from juesuan.errors import Problem

_NUMBER_TYPES = {
    "decimal_parsing",
    "decimal_type",
    "int_parsing",
    "int_type",
    "int_from_float",
    "float_parsing",
    "float_type",
    "finite_number",
    "decimal_max_digits",
    "decimal_max_places",
}


def location(loc: tuple[int | str, ...]) -> str:
    """A pydantic ``loc`` as ``tables.03.rows[4].values.基本支出``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part == "[key]":
            text += "（键）"
        else:
            text += f".{part}" if text else str(part)
    return text


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def message(error: ErrorDetails) -> str:
    """A Chinese message for one pydantic error."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return "缺少必填项"
    if kind == "extra_forbidden":
        return "未知字段"
    if kind in _NUMBER_TYPES:
        return f'不是数字: "{_shown(value)}"'
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return f'取值应为 {"、".join(choices)}: "{_shown(value)}"'
    if kind == "value_error":
        text = str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
        if text.startswith("不是数字") and isinstance(value, str):
            return f'不是数字: "{_shown(value)}"'
        return text
    if kind in ("greater_than_equal", "greater_than"):
        return f'应不小于 {ctx.get("ge", ctx.get("gt"))}: "{_shown(value)}"'
    if kind in ("less_than_equal", "less_than"):
        return f'应不大于 {ctx.get("le", ctx.get("lt"))}: "{_shown(value)}"'
    if kind in ("string_type", "string_parsing"):
        return f'应为文本: "{_shown(value)}"'
    if kind in ("bool_type", "bool_parsing"):
        return f'应为 true/false（是/否）: "{_shown(value)}"'
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "格式不对：应为键值映射"
    if kind in ("list_type", "tuple_type"):
        return "格式不对：应为列表"
    return f"格式不对（{error['msg']}）"


def problems_from_validation(exc: ValidationError, file_name: str) -> list[Problem]:
    """One Problem per pydantic error, located as ``文件名: tables.03.rows[4].values.X``."""
    problems: list[Problem] = []
    for error in exc.errors():
        where = location(tuple(error["loc"]))
        problems.append(Problem(f"{file_name}: {where}" if where else file_name, message(error)))
    return problems
