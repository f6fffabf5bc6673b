"""The Rich console every terminal renderer writes to."""

from __future__ import annotations

import os
import sys
from typing import TextIO

from rich.console import Console


def make_console(stream: TextIO | None = None) -> Console:
    width = os.environ.get("COLUMNS")
    return Console(
        file=stream or sys.stdout,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=True,
        width=int(width) if width and width.isdigit() else None,
    )
