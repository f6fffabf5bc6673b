"""Errors that stop a command before it can do its work (exit code 2)."""

from __future__ import annotations


class UsageError(Exception):
    """The tool could not run: a missing path, a bad option value, a bad configuration.

    The message is already translated and says what to do.
    """
