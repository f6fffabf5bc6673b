"""The Rich console every terminal renderer writes to, and the plain writer for styled lines."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

Span = tuple[str, str]  # text and its Rich style ("" for none)
Line = tuple[Span, ...]


def make_console(stream: TextIO | None = None) -> Console:
    """A console that never interprets markup or emoji codes in what it prints. Output
    that is not a terminal (files, pipes, CI logs) is laid out 120 columns wide."""
    from rich.console import Console

    stream = stream or sys.stdout
    width = os.environ.get("COLUMNS")
    if width and width.isdigit():
        columns: int | None = int(width)
    else:
        columns = None if stream.isatty() else 120
    return Console(
        file=stream,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=True,
        width=columns,
    )


def plain_text(lines: list[Line]) -> str:
    return "".join("".join(text for text, _ in line) + "\n" for line in lines)


def write_styled(lines: list[Line], stream: TextIO | None = None) -> None:
    """Print ``lines`` in colour through Rich on a terminal (or when ``FORCE_COLOR`` asks for
    it), and as the same text without styles elsewhere, without importing Rich."""
    stream = stream or sys.stdout
    if not (stream.isatty() or os.environ.get("FORCE_COLOR")):
        stream.write(plain_text(lines))
        return
    from rich.text import Text

    console = make_console(stream)
    for line in lines:
        console.print(Text.assemble(*line))
