"""The formats of ``partnerkit check --format``: one table, one module per format.

Each format is the module ``partnerkit.render.check.<name>`` with a function
``render(result, today) -> str``. Adding a format is one new module and one entry here;
the option's choices and the dispatch come from this table, and its help text (a message id,
translated when help is shown) names every format in it (tests/test_architecture.py).
"""

from __future__ import annotations

import importlib
from datetime import date
from typing import TYPE_CHECKING

from partnerkit.i18n import N_

if TYPE_CHECKING:
    from partnerkit.load.pipeline import CheckResult

FORMATS = ("text", "concise", "json", "github", "sarif", "junit")
FORMATS_HELP = N_(
    "text, concise, json, github, sarif or junit (default: github in GitHub Actions, else text)."
)


def render(result: CheckResult, name: str, today: date) -> str:
    """The report of ``result`` in the format ``name`` (one of :data:`FORMATS`)."""
    return importlib.import_module(f"partnerkit.render.check.{name}").render(result, today)


def append_step_summary(result: CheckResult, summary_file: str | None) -> None:
    """Append the Markdown table of all findings to ``$GITHUB_STEP_SUMMARY``, if set."""
    if not summary_file:
        return
    from partnerkit.render.check.github import step_summary

    with open(summary_file, "a", encoding="utf-8") as handle:
        handle.write(step_summary(result))
