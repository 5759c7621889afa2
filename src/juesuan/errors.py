"""The one exception type for errors a user can cause.

Every such error carries a location (file, sheet, cell, line, ...) and a Chinese
message; the CLI prints them in one or two lines and exits with code 2.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One located problem in the user's input."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


@dataclass
class JuesuanError(Exception):
    """A user-facing error: one or more located problems, messages in Chinese."""

    problems: list[Problem] = field(default_factory=list)

    def __init__(self, message_or_problems: str | Iterable[Problem], location: str = "") -> None:
        if isinstance(message_or_problems, str):
            self.problems = [Problem(location, message_or_problems)]
        else:
            self.problems = list(message_or_problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
