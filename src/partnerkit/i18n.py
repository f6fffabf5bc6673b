"""Swedish and English messages through stdlib gettext.

Message ids are English. ``_`` translates now, ``N_`` marks a string for extraction and is
translated later (at render time) with ``_``. The language is chosen once per command with
:func:`set_language`: ``--lang``, else ``PARTNERKIT_LANG``, else the locale environment.
The catalog is read when the first message is translated, not when the language is chosen,
so a command that shows no message never reads it.
"""

from __future__ import annotations

import contextlib
import gettext
import os
from collections.abc import Iterator
from pathlib import Path

LANGUAGES = ("sv", "en")
LOCALE_DIR = Path(__file__).parent / "locale"

_translation: gettext.NullTranslations | None = gettext.NullTranslations()
_language = "en"


def language_from_environment(environ: dict[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    explicit = env.get("PARTNERKIT_LANG", "")
    if explicit[:2] in LANGUAGES:
        return explicit[:2]
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "sv" if value.split(":")[0].lower().startswith("sv") else "en"
    return "en"


def set_language(lang: str | None) -> str:
    """Select the message language; ``None`` means the environment's. Returns it."""
    global _translation, _language
    chosen = lang if lang in LANGUAGES else language_from_environment()
    if chosen != _language or _translation is None:
        _translation = None  # read on the first message, see _catalog
    _language = chosen
    return _language


def current_language() -> str:
    return _language


def _catalog() -> gettext.NullTranslations:
    global _translation
    if _translation is None:
        _translation = gettext.translation(
            "partnerkit", localedir=LOCALE_DIR, languages=[_language], fallback=True
        )
    return _translation


@contextlib.contextmanager
def in_language(lang: str) -> Iterator[str]:
    """Messages in ``lang`` inside the block, the command's language again after it: for text
    written to someone in their own language (a reminder), whatever the command's is."""
    global _translation, _language
    saved = _translation, _language
    try:
        yield set_language(lang)
    finally:
        _translation, _language = saved


def _(message: str) -> str:
    # gettext maps the empty id to the catalog's header ("Project-Id-Version: …"): an empty
    # text stays empty.
    if not message:
        return message
    return _catalog().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _catalog().ngettext(singular, plural, n)


def N_(message: str) -> str:
    return message


def quoted(text: str) -> str:
    """Record text quoted the way the language writes it: ”…” in Swedish, “…” in English."""
    return f"”{text}”" if _language == "sv" else f"“{text}”"


def named(text: str, identifier: str) -> str:
    """A thing named by its text, with its id for finding it: ”Volontärstudie” (a-volontar)."""
    return f"{quoted(text)} ({identifier})"
