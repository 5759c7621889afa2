"""``load``: any compile-side input file → Disclosure, dispatched by suffix."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import ValidationError

from juesuan.compile.validation import problems_from_validation
from juesuan.compile.workbook import read_workbook
from juesuan.compile.yamlio import load_mapping
from juesuan.errors import JuesuanError
from juesuan.model.disclosure import Disclosure

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
MAPPING_SUFFIXES = (".yaml", ".yml", ".json")


def load_data_file(path: Path) -> Disclosure:
    """A YAML/JSON disclosure, validated; errors located as ``文件名: tables.03.rows[4]...``."""
    data = load_mapping(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    meta = data.get("meta")
    if isinstance(meta, dict):
        data["meta"] = {**meta, "source_file": path.name, "source_sha256": digest}
    try:
        return Disclosure.model_validate(data)
    except ValidationError as exc:
        raise JuesuanError(problems_from_validation(exc, path.name)) from None


def load(path: Path | str) -> Disclosure:
    """Read a workbook (.xlsx/.xlsm) or a YAML/JSON file into a Disclosure."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        return read_workbook(path)
    if suffix in MAPPING_SUFFIXES:
        return load_data_file(path)
    supported = "、".join((*WORKBOOK_SUFFIXES, *MAPPING_SUFFIXES))
    raise JuesuanError(f"不支持的文件类型“{suffix or '无扩展名'}”（支持 {supported}）", path.name)
