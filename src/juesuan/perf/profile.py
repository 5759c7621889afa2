"""Scoring profiles (评分规则) as data: weights, grade bands and qualitative bands.

Profiles ship as YAML in ``juesuan/perf/profiles/``; a user profile is any YAML file of the
same shape, loaded by path.  See ``national.yaml`` for the documented format.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from juesuan.errors import JuesuanError, Problem
from juesuan.model.memo import text_cache
from juesuan.model.normal import compact

Kind = Literal["project", "department"]
DEFAULT_PROFILE = "national"


def _decimal(value: Any) -> Any:
    if isinstance(value, float):
        raise ValueError(f"请用整数或带引号的小数填写: {value!r}")
    return value


class Category(BaseModel):
    """A 一级指标 category with its weight, name variants and the 二级 names it contains."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    aliases: tuple[str, ...] = ()
    weight: Decimal | None = None
    members: tuple[str, ...] = Field((), description="属于该一级指标的二级指标名称")

    _d = field_validator("weight", mode="before")(_decimal)


class Execution(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = "预算执行率"
    aliases: tuple[str, ...] = ()
    weight: Decimal = Decimal(10)

    _d = field_validator("weight", mode="before")(_decimal)


class GradeBand(BaseModel):
    """A grade and its lower bound (inclusive); the bands are ordered best first."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    min: Decimal
    aliases: tuple[str, ...] = ()

    _d = field_validator("min", mode="before")(_decimal)


class QualBand(BaseModel):
    """A qualitative achievement band, in percent of the indicator's weight (closed)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    min: Decimal
    max: Decimal

    _d = field_validator("min", "max", mode="before")(_decimal)

    def label(self) -> str:
        return f"{self.name}（{self.min}%–{self.max}%）"


class DepartmentRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    execution_weight: Decimal = Decimal(10)
    categories: tuple[Category, ...] = ()

    _d = field_validator("execution_weight", mode="before")(_decimal)


class PerfProfile(BaseModel):
    """One scoring profile."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    aliases: tuple[str, ...] = ()
    title: str
    source: str = ""
    execution: Execution = Field(default_factory=Execution)
    categories: tuple[Category, ...]
    department: DepartmentRules | None = None
    grades: tuple[GradeBand, ...]
    qualitative: tuple[QualBand, ...]

    @model_validator(mode="after")
    def _check(self) -> PerfProfile:
        mins = [g.min for g in self.grades]
        if not mins or mins != sorted(mins, reverse=True):
            raise ValueError("grades 须按分数线从高到低排列")
        if mins[-1] != 0:
            raise ValueError("最低一档等级的分数线须为 0")
        names = [q.name for q in self.qualitative]
        for required in ("达成", "部分达成", "未达成"):
            if required not in names:
                raise ValueError(f"qualitative 缺少“{required}”档")
        return self

    # --- look-ups -----------------------------------------------------------------
    # The look-up tables are derived from the (frozen) fields once, on first use; a
    # cached_property is neither a field nor compared, dumped or validated.
    def categories_for(self, kind: Kind) -> tuple[Category, ...]:
        if kind == "department" and self.department is not None:
            return self.department.categories
        return self.categories

    def execution_weight_for(self, kind: Kind) -> Decimal:
        if kind == "department" and self.department is not None:
            return self.department.execution_weight
        return self.execution.weight

    def band(self, name: str) -> QualBand:
        b = self._bands.get(name)
        if b is None:
            raise KeyError(name)
        return b

    def grade_of(self, score: Decimal) -> str:
        for g in self.grades:
            if score >= g.min:
                return g.name
        return self.grades[-1].name

    def canonical_grade(self, printed: str) -> str | None:
        """The profile's name for a printed grade (``优秀`` → ``优``); None if unknown."""
        return self._grade_keys.get(label_key(printed))

    def is_execution(self, label: str) -> bool:
        key = category_key(label)
        return bool(key) and key in self._execution_keys

    def category_of(self, level1: str, level2: str = "", kind: Kind = "project") -> str | None:
        """The profile category of an indicator, by its 一级 name, else by its 二级 name."""
        names, members = self._category_keys(kind)
        keys = [k for k in (category_key(level1), category_key(level2)) if k]
        for table in (names, members):
            for k in keys:
                found = table.get(k)
                if found is not None:
                    return found
        return None

    @cached_property
    def _bands(self) -> dict[str, QualBand]:
        """Band name → the first band of that name."""
        out: dict[str, QualBand] = {}
        for b in self.qualitative:
            out.setdefault(b.name, b)
        return out

    @cached_property
    def _grade_keys(self) -> dict[str, str]:
        """Key of a grade's name or alias → the first grade (best first) it names."""
        out: dict[str, str] = {}
        for g in self.grades:
            for name in (g.name, *g.aliases):
                out.setdefault(label_key(name), g.name)
        return out

    @cached_property
    def _execution_keys(self) -> frozenset[str]:
        ex = self.execution
        return frozenset({category_key(ex.name), *(category_key(a) for a in ex.aliases)})

    @cached_property
    def _project_categories(self) -> _CategoryLookup:
        return _category_lookup(self.categories_for("project"))

    @cached_property
    def _department_categories(self) -> _CategoryLookup:
        return _category_lookup(self.categories_for("department"))

    def _category_keys(self, kind: Kind) -> _CategoryLookup:
        if kind == "department":
            return self._department_categories
        return self._project_categories


_CategoryLookup = tuple[dict[str, str], dict[str, str]]


def _category_lookup(categories: tuple[Category, ...]) -> _CategoryLookup:
    """(key of a category's name or alias → category, key of a 二级 member → category), the
    first category in the profile's order winning."""
    names: dict[str, str] = {}
    members: dict[str, str] = {}
    for c in categories:
        for n in (c.name, *c.aliases):
            names.setdefault(category_key(n), c.name)
        for m in c.members:
            members.setdefault(category_key(m), c.name)
    return names, members


_PAREN = re.compile(r"[（(][^（()）]*[)）]")


@text_cache(8192)
def label_key(text: str) -> str:
    """Comparison form of a label: NFKC, no whitespace."""
    return compact(text)


@text_cache(4096)
def category_key(label: str) -> str:
    """Normalise an indicator level name: ``产出指标 (50分)`` → ``产出``."""
    key = _PAREN.sub("", label_key(label))
    return key.removesuffix("指标") if len(key) > 2 else key


# --- loading -----------------------------------------------------------------------
def _builtin_dir() -> Any:
    return resources.files("juesuan.perf").joinpath("profiles")


@cache
def _builtin() -> dict[str, PerfProfile]:
    out: dict[str, PerfProfile] = {}
    for entry in sorted(_builtin_dir().iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml")):
            profile = _parse(entry.read_text(encoding="utf-8"), f"内置评分规则 {entry.name}")
            out[profile.name] = profile
    return out


def list_profiles() -> list[PerfProfile]:
    """The built-in profiles, ``national`` first."""
    profiles = _builtin()
    return sorted(profiles.values(), key=lambda p: (p.name != DEFAULT_PROFILE, p.name))


def load_profile(name_or_path: str | Path | None = None) -> PerfProfile:
    """A built-in profile by name or alias, or a user profile file by path.

    ``None`` gives the national default.  A bad or unknown profile raises
    :class:`JuesuanError` with a Chinese message and the file location.
    """
    if name_or_path is None or name_or_path == "":
        return _builtin()[DEFAULT_PROFILE]
    text = str(name_or_path)
    for profile in _builtin().values():
        if text == profile.name or text in profile.aliases:
            return profile
    path = Path(text)
    if path.suffix.lower() in (".yaml", ".yml", ".json") or path.exists():
        if not path.is_file():
            raise JuesuanError("评分规则文件不存在", str(path))
        try:
            content = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise JuesuanError(f"无法读取评分规则文件：{exc}", str(path)) from exc
        return _parse(content, str(path))
    known = "、".join(p.name for p in list_profiles())
    raise JuesuanError(f"未知的评分规则“{text}”；可用：{known}，或给出 YAML 文件路径")


def _parse(content: str, where: str) -> PerfProfile:
    try:
        data = yaml.safe_load(content)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        loc = f"{where} 第{mark.line + 1}行" if mark is not None else where
        raise JuesuanError(f"评分规则不是有效的 YAML：{getattr(exc, 'problem', exc)}", loc) from exc
    if not isinstance(data, dict):
        raise JuesuanError("评分规则文件的顶层应为键值映射（name、title、categories……）", where)
    try:
        return PerfProfile.model_validate(data)
    except ValidationError as exc:
        problems = [
            Problem(
                f"{where} → {'.'.join(str(p) for p in err['loc'])}" if err["loc"] else where,
                _zh(err),
            )
            for err in exc.errors()
        ]
        raise JuesuanError(problems) from exc


def _zh(err: Any) -> str:
    kind = str(err.get("type", ""))
    if kind == "missing":
        return "缺少必填项"
    if kind == "extra_forbidden":
        return "不认识的键"
    if kind.startswith("decimal") or kind.endswith("parsing"):
        return f"应为数字：{err.get('input')!r}"
    msg = str(err.get("msg", ""))
    return msg.removeprefix("Value error, ")
