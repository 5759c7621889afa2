"""Audit configuration: which rules run and which severity fails, from files and options.

Configuration files (TOML), looked up from the input's directory upwards, the nearest
winning:

- ``juesuan.toml``: keys at the top level, or in an ``[audit]`` table;
- ``pyproject.toml``: keys in ``[tool.juesuan]`` or ``[tool.juesuan.audit]``.

Keys::

    select = ["T", "X01", "F0101"]   # codes or prefixes; family names ("table") also work
    ignore = ["T0001"]                # hide the 尾差 notes
    fail-on = "warning"               # error (default) | warning | info

Selection follows ruff: the most specific matching selector wins, ``ignore`` winning a
tie; with no ``select`` every rule is selected.  On the command line ``--select`` replaces
the file's ``select`` and ``--ignore`` adds to its ``ignore``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

from juesuan.audit.registry import FAMILY_LETTERS, known_codes
from juesuan.errors import JuesuanError
from juesuan.model.finding import SEVERITY_RANK, Severity

CONFIG_FILES = ("juesuan.toml", "pyproject.toml")


@dataclass(frozen=True)
class AuditConfig:
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_on: Severity = "error"
    source: Path | None = field(default=None, compare=False)

    def merged(
        self,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        fail_on: Severity | None = None,
    ) -> AuditConfig:
        """Options given on the command line (or to :func:`juesuan.audit.run`) on top."""
        out = self
        if select is not None:
            out = replace(out, select=normalise_selectors(select))
        if ignore is not None:
            out = replace(out, ignore=(*out.ignore, *normalise_selectors(ignore)))
        if fail_on is not None:
            out = replace(out, fail_on=check_severity(fail_on))
        return out


def check_severity(value: str, where: str = "") -> Severity:
    if value not in SEVERITY_RANK:
        raise JuesuanError(f"严重程度“{value}”无效，应为 error、warning 或 info", where)
    return cast(Severity, value)


def normalise_selectors(items: Iterable[str]) -> tuple[str, ...]:
    """Split comma-separated items, upper-case codes, map family names to their letter."""
    out: list[str] = []
    for item in items:
        for part in str(item).split(","):
            token = part.strip()
            if not token:
                continue
            lowered = token.lower()
            if lowered in FAMILY_LETTERS:
                out.append(FAMILY_LETTERS[lowered])
            elif lowered == "all":
                out.append("ALL")
            else:
                out.append(token.upper())
    return tuple(out)


def validate_selectors(selectors: Sequence[str], where: str = "") -> None:
    """Refuse selectors that match no rule (a typo would silently disable nothing)."""
    codes = known_codes()
    for sel in selectors:
        if sel == "ALL" or sel in FAMILY_LETTERS.values():
            continue
        if not any(c.startswith(sel) for c in codes):
            raise JuesuanError(
                f"未知的规则编码或前缀“{sel}”（用 juesuan rules 查看全部规则）", where
            )


def make_selector(select: Sequence[str] | None, ignore: Sequence[str]) -> Callable[[str], bool]:
    """A predicate telling whether a code is enabled (most specific selector wins)."""

    def specificity(code: str, selectors: Sequence[str]) -> int:
        best = -1
        for sel in selectors:
            if sel == "ALL":
                best = max(best, 0)
            elif code.startswith(sel):
                best = max(best, len(sel))
        return best

    def enabled(code: str) -> bool:
        chosen = specificity(code, select) if select is not None else 0
        ignored = specificity(code, ignore)
        return chosen >= 0 and ignored < chosen

    return enabled


def load_config(path: Path) -> AuditConfig:
    """Read one configuration file (``juesuan.toml`` or ``pyproject.toml``)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise JuesuanError("配置文件不存在", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise JuesuanError(f"无法读取配置文件：{exc}", str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise JuesuanError(f"配置文件不是有效的 TOML：{exc}", str(path)) from None
    section = _section(data, path)
    return _from_mapping(section or {}, path)


def _section(data: dict[str, Any], path: Path) -> dict[str, Any] | None:
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        base = tool.get("juesuan") if isinstance(tool, dict) else None
        if not isinstance(base, dict):
            return None
    else:
        base = data
    audit = base.get("audit")
    if isinstance(audit, dict):
        return {**base, **audit}
    return base


def _from_mapping(section: dict[str, Any], path: Path) -> AuditConfig:
    where = str(path)
    config = AuditConfig(source=path)
    if "select" in section:
        config = replace(config, select=normalise_selectors(_str_list(section, "select", where)))
    if "ignore" in section:
        config = replace(config, ignore=normalise_selectors(_str_list(section, "ignore", where)))
    for key in ("fail-on", "fail_on"):
        if key in section:
            value = section[key]
            if not isinstance(value, str):
                raise JuesuanError(f"{key} 应为字符串 error/warning/info", where)
            config = replace(config, fail_on=check_severity(value, where))
    if config.select is not None:
        validate_selectors(config.select, where)
    validate_selectors(config.ignore, where)
    return config


def _str_list(section: dict[str, Any], key: str, where: str) -> list[str]:
    value = section[key]
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise JuesuanError(f'{key} 应为字符串列表，如 {key} = ["T", "X01"]', where)
    return list(value)


def _has_section(path: Path) -> bool:
    if path.name != "pyproject.toml":
        return True
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    tool = data.get("tool", {})
    return isinstance(tool, dict) and isinstance(tool.get("juesuan"), dict)


def discover_config(start: Path) -> AuditConfig | None:
    """The nearest configuration file at or above ``start`` (a file or a directory)."""
    here = start.resolve()
    directory = here if here.is_dir() else here.parent
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and _has_section(candidate):
                return load_config(candidate)
    return None
