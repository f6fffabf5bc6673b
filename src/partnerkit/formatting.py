"""Numbers, amounts and dates the way each language writes them: the one place for them.

Swedish writes a decimal comma and groups thousands with a (no-break) space: 1 800 000,
4,2, 20 %, 1 800 000 kr per år; English 1,800,000, 4.2, 20%, 1,800,000 SEK per year. Every
renderer, report and message formats numbers here (Babel, locales sv_SE and en_GB). Babel is
imported only when a number is formatted, so ``partnerkit --version`` and a clean ``check``
never load it. Every function takes the language (``None``: the current message language)
and shows ``None`` as a dash.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from partnerkit.i18n import _, current_language, ngettext

if TYPE_CHECKING:  # the check path imports this module: decimal and Babel only when used
    import decimal
    from datetime import date
    from numbers import Real

LOCALES = {"sv": "sv_SE", "en": "en_GB"}
DASH = "–"
UP, DOWN, FLAT = "↑", "↓", "→"


def language(lang: str | None = None) -> str:
    chosen = current_language() if lang is None else lang
    return chosen if chosen in LOCALES else "en"


def _decimal(value: Real, digits: int | None) -> decimal.Decimal:
    """The value as a decimal with the digits a reader expects: as written (the shortest
    representation of a float, never its binary noise), or rounded half up to ``digits``."""
    import decimal

    exact = decimal.Decimal(repr(value) if isinstance(value, float) else value)
    if digits is None:
        return exact
    with _wide():
        return exact.quantize(decimal.Decimal(1).scaleb(-digits), decimal.ROUND_HALF_UP)


def _wide():
    """Room for every digit of any float (up to 1e308, with fractions): ``decimal``'s default 28
    digits make 10^18 with decimals an InvalidOperation."""
    import decimal

    return decimal.localcontext(prec=700)


def _pattern(exact: decimal.Decimal) -> str:
    fraction = max(0, -exact.normalize().as_tuple().exponent)  # type: ignore[operator]
    return "#,##0" + ("." + "#" * fraction if fraction else "")


def number(value: Real | None, lang: str | None = None, digits: int | None = None) -> str:
    """1 234,5 (sv) or 1,234.5 (en): as many decimals as the value has, or at most ``digits``.
    Integers stay integers (4, not 4,0); a huge or tiny number is written out in full."""
    if value is None:
        return DASH
    if isinstance(value, float) and value - value != 0:  # infinite or not a number
        return DASH if value != value else ("-∞" if value < 0 else "∞")
    from babel.numbers import format_decimal

    exact = _decimal(value, digits)
    if exact == 0:
        exact = abs(exact.to_integral())  # no "-0"
    with _wide():
        return format_decimal(
            exact, _pattern(exact), LOCALES[language(lang)], decimal_quantization=False
        )


_SPACES = str.maketrans("", "", " \u00a0\u202f")


def parse_number(text: str, lang: str | None = None) -> float:
    """A number as a person types it: 1 800 000, 0,4 and 3.5 in Swedish; 1,800,000.5 and
    0.4 in English. Spaces group thousands; the language's decimal sign is the decimal sign,
    and so is the other one where it cannot group thousands (3.5 in Swedish). A number that
    reads two ways (1,800 in English, 1.800 in Swedish) raises ValueError."""
    decimal, other = (",", ".") if language(lang) == "sv" else (".", ",")
    plain = text.strip().replace("\u2212", "-").translate(_SPACES)
    sign = plain[:1] if plain[:1] in ("+", "-") else ""
    whole, has_decimal, fraction = plain[len(sign) :].partition(decimal)
    if other in fraction or decimal in fraction:
        raise ValueError(text)
    if other in whole:
        groups = whole.split(other)
        if _thousands(groups) and (has_decimal or len(groups) > 2):
            whole = "".join(groups)
        elif not has_decimal and len(groups) == 2 and len(groups[1]) != 3:
            whole, has_decimal, fraction = groups[0], decimal, groups[1]
        else:
            raise ValueError(text)
    return float(sign + whole + ("." + fraction if has_decimal else ""))


def _thousands(groups: list[str]) -> bool:
    head, *rest = groups
    return 1 <= len(head) <= 3 and all(len(g) == 3 and g.isdigit() for g in rest)


def plain_number(value: Real, lang: str | None = None) -> str:
    """A number as a spreadsheet reads it from CSV: no grouping, an ASCII minus, the decimal
    comma in Swedish (1800000,5) and the point in English (1800000.5)."""
    exact = _decimal(value, None)
    with _wide():
        text = format(exact.normalize() if exact == exact.to_integral() else exact, "f")
    if "." in text and "e" not in text.lower():
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if language(lang) == "sv" else text


def change(value: Real | None, lang: str | None = None, digits: int = 2) -> str:
    """A trend as an arrow and the size of the change: ↑0,1, ↓0,4, → (no change)."""
    if value is None:
        return DASH
    rounded = _decimal(value, digits)
    if rounded == 0:
        return FLAT
    return (UP if rounded > 0 else DOWN) + number(abs(rounded), lang)


def signed(value: Real | None, lang: str | None = None, digits: int = 2) -> str:
    """A difference with its sign: +0,4, −1,2 (sv), +0.4, -1.2 (en), 0."""
    if value is None:
        return DASH
    text = number(value, lang, digits)
    return "+" + text if _decimal(value, digits) > 0 else text


def percent(fraction: Real | None, lang: str | None = None, digits: int = 0) -> str:
    """A fraction as a percentage, whole unless ``digits`` allow more: 46 % (sv) or 46% (en),
    12,5 % with ``digits=2``."""
    if fraction is None:
        return DASH
    from babel.core import Locale
    from babel.numbers import format_percent

    locale = Locale.parse(LOCALES[language(lang)])
    pattern = locale.percent_formats[None].pattern
    if digits:
        pattern = pattern.replace("0", "0." + "#" * digits, 1)  # #,##0 % → #,##0.## %
    with _wide():
        return format_percent(fraction, pattern, locale=locale)


def quantity(amount: Real | None, unit: str | None, lang: str | None = None) -> str:
    """An amount with its unit, as a sentence writes it: 0,5 heltidsekvivalenter,
    1 800 000 kr per år, 20 % av en tjänst, 3 st.; in English 0.5 FTE, 1,800,000 SEK per year,
    20% of a post, 3 items. A unit outside the vocabulary is written after the number."""
    if amount is None:
        return DASH
    text = number(amount, lang)
    many = 1 if amount == 1 else 2
    if unit == "percent_of_post":
        share = percent(_decimal(amount, None) / 100, lang, digits=2)
        return _("{percent} of a post").format(percent=share)
    if unit == "FTE":
        return ngettext("{amount} FTE", "{amount} FTE", many).format(amount=text)
    if unit == "SEK":
        return _("{amount} SEK").format(amount=text)
    if unit == "SEK_per_year":
        return _("{amount} SEK per year").format(amount=text)
    if unit == "count":
        return ngettext("{amount} item", "{amount} items", many).format(amount=text)
    return f"{text} {unit}" if unit else text


def day(value: date | None, lang: str | None = None) -> str:
    """Short form: 2026-11-28 in Swedish, 28/11/2026 in English."""
    if value is None:
        return DASH
    from babel.dates import format_date

    return format_date(value, "short", locale=LOCALES[language(lang)])


def long_day(value: date | None, lang: str | None = None) -> str:
    """Long form: 28 november 2026, 28 November 2026."""
    if value is None:
        return DASH
    from babel.dates import format_date

    return format_date(value, "long", locale=LOCALES[language(lang)])


class Formatter:
    """The functions above bound to one language, for the report's templates."""

    def __init__(self, lang: str) -> None:
        self.lang = language(lang)
        self.locale = LOCALES[self.lang]

    def date(self, value: date | None) -> str:
        return day(value, self.lang)

    def long_date(self, value: date | None) -> str:
        return long_day(value, self.lang)

    def number(self, value: Real | None, digits: int = 2) -> str:
        return number(value, self.lang, digits)

    def change(self, value: Real | None) -> str:
        return change(value, self.lang)

    def signed(self, value: Real | None) -> str:
        return signed(value, self.lang)

    def percent(self, fraction: Real | None) -> str:
        return percent(fraction, self.lang)

    def quantity(self, amount: Real | None, unit: str | None) -> str:
        return quantity(amount, unit, self.lang)
