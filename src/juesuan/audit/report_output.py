"""Writing report files: never overwrite without ``--force``; binary formats need a file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from juesuan.errors import JuesuanError


def ensure_writable(paths: Iterable[Path], force: bool = False) -> None:
    """Refuse (Chinese message) when any target exists and ``force`` is not given."""
    existing = [p for p in paths if p.exists()]
    if existing and not force:
        shown = "、".join(str(p) for p in existing[:5])
        more = f" 等 {len(existing)} 个文件" if len(existing) > 5 else ""
        raise JuesuanError(f"输出文件已存在：{shown}{more}。如需覆盖请加 --force。")
    for p in existing:
        if p.is_dir():
            raise JuesuanError(f"输出位置是一个文件夹，不能写成文件：{p}")


def require_file(out: Path | None, what: str) -> Path:
    """Binary reports cannot go to the terminal: ask for ``-o FILE``."""
    if out is None:
        raise JuesuanError(f"{what}不能输出到终端，请用 -o 指定输出文件（如 -o 报告.xlsx）")
    return out


def write_bytes(data: bytes, out: Path, force: bool = False) -> None:
    ensure_writable([out], force)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)


def write_text(text: str, out: Path, force: bool = False) -> None:
    write_bytes(text.encode("utf-8"), out, force)
