"""The edit commands. Registered on the app by :func:`register` (called from ``cli.py``)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
