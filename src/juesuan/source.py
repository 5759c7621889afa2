"""Load a disclosure from any supported source: workbook, YAML/JSON, or a published document."""

from __future__ import annotations

import os
from pathlib import Path

from juesuan.errors import JuesuanError
from juesuan.model import Disclosure

COMPILE_SUFFIXES = {".xlsx", ".xlsm", ".yaml", ".yml", ".json"}
DOCUMENT_SUFFIXES = {".txt", ".md", ".markdown", ".docx", ".pdf"}
SUPPORTED_SUFFIXES = COMPILE_SUFFIXES | DOCUMENT_SUFFIXES


def load_any(path: Path) -> Disclosure:
    """Read ``path`` into a :class:`Disclosure`; a bad file raises :class:`JuesuanError`."""
    if not path.exists():
        raise JuesuanError("文件不存在", str(path))
    if path.is_dir():
        raise JuesuanError("这是一个文件夹，请给出文件", str(path))
    size = path.stat().st_size
    limit = max_input_bytes()
    if size > limit:
        raise JuesuanError(
            f"文件过大（{size / 1024 / 1024:.0f} MB，上限 {limit / 1024 / 1024:.0f} MB）；"
            "如确需读取，请设置环境变量 JUESUAN_MAX_MB",
            str(path),
        )
    suffix = path.suffix.lower()
    if suffix in COMPILE_SUFFIXES:
        from juesuan.compile import load

        return load(path)
    if suffix in DOCUMENT_SUFFIXES:
        try:
            from juesuan.extract import load_document
        except ImportError as exc:  # pragma: no cover - during partial installs only
            raise JuesuanError("尚不支持读取已公开文件", str(path)) from exc
        return load_document(path)
    raise JuesuanError(
        f"不支持的文件类型“{path.suffix or '无扩展名'}”；支持："
        + "、".join(sorted(SUPPORTED_SUFFIXES)),
        str(path),
    )


def max_input_bytes() -> int:
    """The largest input accepted (default 512 MB; ``JUESUAN_MAX_MB`` overrides)."""
    try:
        return int(float(os.environ.get("JUESUAN_MAX_MB", "512")) * 1024 * 1024)
    except ValueError:
        return 512 * 1024 * 1024


def iter_inputs(paths: list[Path]) -> list[Path]:
    """Expand folders into the supported files they contain (sorted, recursive)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(
                sorted(
                    f
                    for f in p.rglob("*")
                    if f.is_file()
                    and f.suffix.lower() in SUPPORTED_SUFFIXES
                    and not any(part.startswith(".") for part in f.relative_to(p).parts)
                    and not f.name.startswith("~$")  # Office lock files
                    and not f.name.lower().startswith(("readme.", "license", "changelog"))
                )
            )
        else:
            out.append(p)
    return out
