"""Make record text inert wherever it is shown: no control sequences, no hidden characters.

One function, :func:`inert`, for every output (terminal, HTML, Markdown, iCalendar, CI
annotations, JSON, e-mail bodies), and :func:`header_text` for e-mail headers: C0 and C1
control characters, bidirectional overrides and isolates, zero-width characters and the
non-characters no XML may hold (lone surrogates, U+FFFE, U+FFFF) are shown
as visible escapes (``\x1b``, ``\u202e``), so record text can neither drive a terminal nor
hide or reorder what a reader sees. Rich markup is never parsed from record text (renderers
build ``Text`` objects).
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
    "\ud800-\udfff\ufffe\uffff]"  # and what no XML (Word, HTML) may hold: lone surrogates
)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str) -> str:
    """``text`` with every control or direction-changing character shown as an escape."""
    return _UNSAFE.sub(_escape, text)


def one_line(text: str) -> str:
    """``inert`` for a single output line: tabs and line breaks are shown as escapes too."""
    return inert(text.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n"))


_LINE_BREAKING = re.compile("[\t\n\r\u0085\u2028\u2029]")


def header_text(text: str) -> str:
    """Record text for a header field of an e-mail message (a display name): every control,
    line-breaking or hidden character becomes a space and runs of spaces one, so the text
    cannot end the field or start another (CR LF ``Bcc:``); the ``email`` package then quotes
    or encodes what is left."""
    return " ".join(_UNSAFE.sub(" ", _LINE_BREAKING.sub(" ", text)).split())


def inert_data(value: object) -> object:
    """``value`` (JSON-like data) with every string, key or value, made inert."""
    if isinstance(value, str):
        return inert(value)
    if isinstance(value, dict):
        return {inert_data(k): inert_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [inert_data(item) for item in value]
    return value
