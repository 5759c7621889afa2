"""YAML and JSON input/output that never passes money through float."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from juesuan.errors import JuesuanError, Problem
from juesuan.model.disclosure import Disclosure

# libyaml's C parser when PyYAML was built with it (about ten times faster), else pure Python.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DecimalSafeLoader(_SafeLoader):  # type: ignore[valid-type, misc]
    """A SafeLoader whose floats are Decimals built from the scalar text ("2619.70" stays)."""


def _construct_decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    text = str(loader.construct_scalar(node)).replace("_", "")  # type: ignore[arg-type]
    lowered = text.lower()
    if lowered in (".inf", "+.inf", "-.inf", ".nan"):
        raise yaml.constructor.ConstructorError(
            None, None, f"不支持无穷大或非数字：{text}", node.start_mark
        )
    return Decimal(text)


DecimalSafeLoader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)


class _Dumper(yaml.SafeDumper):
    """Block style, keys in model order, Chinese written as is."""


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    return dumper.represent_str(str(value))


_Dumper.add_representer(Decimal, _represent_decimal)


def _location(path: Path, mark: Any) -> str:
    if mark is None:
        return path.name
    return f"{path.name}:{mark.line + 1}:{mark.column + 1}"


def load_mapping(path: Path | str) -> dict[str, Any]:
    """Read a YAML or JSON file into a dict; every non-integer number is a Decimal."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise JuesuanError("文件不存在", path.name) from None
    except UnicodeDecodeError:
        raise JuesuanError("文件不是 UTF-8 编码的文本", path.name) from None
    except OSError as exc:
        raise JuesuanError(f"无法读取文件：{exc.strerror or exc}", path.name) from None
    data: Any
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text, parse_float=Decimal)
        except json.JSONDecodeError as exc:
            location = f"{path.name}:{exc.lineno}:{exc.colno}"
            raise JuesuanError(f"JSON 格式错误：{exc.msg}", location) from None
    else:
        try:
            data = yaml.load(text, Loader=DecimalSafeLoader)  # a SafeLoader subclass
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            message = exc.problem or exc.context or "无法解析"
            raise JuesuanError(f"YAML 格式错误：{message}", _location(path, mark)) from None
        except yaml.YAMLError as exc:
            raise JuesuanError(f"YAML 格式错误：{exc}", path.name) from None
    if not isinstance(data, dict):
        raise JuesuanError([Problem(path.name, "顶层应为键值映射（mapping）")])
    return data


def dump_data(data: Any) -> str:
    """YAML text of plain data (Decimals written as strings)."""
    return yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False
    )


def dump_yaml(disclosure: Disclosure) -> str:
    """The disclosure as YAML; a Num is written as its exact string ("2619.78")."""
    return dump_data(disclosure.model_dump(mode="json", exclude_defaults=True))
