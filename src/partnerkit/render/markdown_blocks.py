"""Markdown building blocks shared by the Markdown renderers."""

from __future__ import annotations

import re

from partnerkit.textsafe import one_line

# Markdown that could make record text a link, an image, emphasis, code or a table cell
# anywhere in a line; a backslash makes each literal (CommonMark escapes ASCII punctuation).
_INLINE = re.compile(r"([\\`*_{}\[\]!|~])")
_HEADING_OR_LIST = re.compile(r"^([#+=-])")
_NUMBERED = re.compile(r"^(\d+)([.)])")


def md_text(text: str) -> str:
    """Record text made literal in Markdown (the one escaping function of every Markdown
    output): inert, one line, no HTML, no Markdown syntax, no automatic links."""
    safe = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    safe = _INLINE.sub(r"\\\1", safe)
    safe = _NUMBERED.sub(r"\1\\\2", _HEADING_OR_LIST.sub(r"\\\1", safe))
    return safe.replace("://", ":\\/\\/").replace("www.", "www\\.")


def md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [md_row(header), "|" + "---|" * len(header), *(md_row(r) for r in rows)]
