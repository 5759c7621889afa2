"""Audit findings: code, severity, Chinese message, location, expected vs actual."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from juesuan.model.provenance import Prov

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
SEVERITY_ZH: dict[str, str] = {"error": "错误", "warning": "警告", "info": "提示"}


class Finding(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str
    severity: Severity
    message: str
    location: Prov
    related: list[Prov] = Field(default_factory=list)
    expected: str | None = None
    actual: str | None = None
    computation: str | None = None


class Notice(BaseModel):
    """A warning raised while reading input (not an audit finding).

    ``kind`` is a stable identifier for notices that audit rules turn into findings
    (``duplicate_table``, ``different_copy``, ``image_table``); free-form otherwise.
    """

    model_config = ConfigDict(extra="forbid")

    message: str
    location: Prov | None = None
    kind: str | None = None
