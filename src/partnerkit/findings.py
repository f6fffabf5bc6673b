"""A finding: one problem in one file, at one place, with a stable code."""

from __future__ import annotations

from datetime import date
from enum import IntEnum

from partnerkit.values import valuetype


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.upper()]


@valuetype
class Position:
    """1-based line and column; ``end_*`` point just after the last character."""

    line: int
    col: int
    end_line: int | None = None
    end_col: int | None = None


TOP = Position(1, 1)


def dotted_path(path: tuple[str | int, ...]) -> str:
    """``("goals", 0, "owners")`` as ``goals[0].owners``."""
    parts: list[str] = []
    for part in path:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + part)
    return "".join(parts)


@valuetype
class Finding:
    code: str
    severity: Severity
    message: str
    file: str
    position: Position = TOP
    path: tuple[str | int, ...] = ()
    source_line: str | None = None
    help: str | None = None
    due: date | None = None  # for a dated obligation reported late: the day it was due

    @property
    def line(self) -> int:
        return self.position.line

    @property
    def col(self) -> int:
        return self.position.col

    @property
    def dotted_path(self) -> str:
        return dotted_path(self.path)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.position.line, self.position.col, self.code)
