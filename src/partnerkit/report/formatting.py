"""Dates and numbers the way each language writes them (Babel, locales sv_SE and en_GB)."""

from __future__ import annotations

import decimal
from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

LOCALES = {"sv": "sv_SE", "en": "en_GB"}
DASH = "–"


def _wide_decimals():
    """Room for every digit of any float (up to 1e308, with fractions): Babel formats through
    ``decimal``, whose default 28 digits make 10^18 with decimals an InvalidOperation."""
    return decimal.localcontext(prec=400)


class Formatter:
    """Formats values for one language; every method accepts ``None`` and shows a dash."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LOCALES else "en"
        self.locale = LOCALES[self.lang]

    def date(self, value: date | None) -> str:
        """Short form: 2026-11-28 in Swedish, 28/11/2026 in English."""
        return DASH if value is None else format_date(value, "short", locale=self.locale)

    def long_date(self, value: date | None) -> str:
        """Long form: 28 november 2026, 28 November 2026."""
        return DASH if value is None else format_date(value, "long", locale=self.locale)

    def number(self, value: float | None, digits: int = 2) -> str:
        """A number with the language's separators: 1 234,5 or 1,234.5."""
        if value is None:
            return DASH
        rounded = round(float(value), digits)
        if rounded == int(rounded):
            rounded = int(rounded)
        with _wide_decimals():
            return format_decimal(rounded, format="#,##0.##########", locale=self.locale)

    def percent(self, fraction: float | None) -> str:
        """A fraction as a whole percentage: 46 % or 46%."""
        if fraction is None:
            return DASH
        with _wide_decimals():
            return format_percent(fraction, locale=self.locale)

    def amount(self, value: float | None, unit: str | None) -> str:
        """An amount with its unit (SEK, FTE, ...)."""
        if value is None:
            return DASH
        return f"{self.number(value)} {unit}".strip() if unit else self.number(value)
