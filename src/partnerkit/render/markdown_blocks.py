"""Markdown building blocks shared by the Markdown renderers."""

from __future__ import annotations

from partnerkit.textsafe import one_line


def md_text(text: str) -> str:
    """Record text made safe for a Markdown table cell or line: inert, no HTML, no pipes."""
    return (
        one_line(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
    )


def md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [md_row(header), "|" + "---|" * len(header), *(md_row(r) for r in rows)]
