"""The one Jinja2 environment for HTML (the report, the brief): autoescaping on, and every
string a template shows made inert first (``textsafe.inert``), so record text is always text."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from partnerkit.textsafe import inert


@cache
def html_environment(templates: Path) -> Environment:
    return Environment(
        loader=FileSystemLoader(templates),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_inert_text,
    )


def _inert_text(value: object) -> object:
    """Strings are made inert before autoescaping; markup made by partnerkit already is."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return inert(value)
    return value
