"""The Rich console every terminal renderer writes to."""

from __future__ import annotations

import os
import sys
from typing import TextIO

from rich.console import Console


def make_console(stream: TextIO | None = None) -> Console:
    """A console that never interprets markup or emoji codes in what it prints. Output
    that is not a terminal (files, pipes, CI logs) is laid out 120 columns wide."""
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
