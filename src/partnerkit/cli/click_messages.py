"""Click's own words as message ids, so that the catalog translates them.

Typer's copy of Click writes its messages in English without gettext. Each message id below
is Click's text with its variable parts as placeholders; :func:`translate` finds the one a
message was made from and writes it in the current language. A message not listed stays as
Click wrote it.
"""

from __future__ import annotations

import re
from functools import cache

from partnerkit.i18n import N_, _

# Errors, as Typer's Click formats them (typer/_click/exceptions.py, parser.py, core.py,
# types.py; typer/core.py).
ERRORS = (
    N_("Missing option {name}."),
    N_("Missing argument {name}."),
    N_("Missing parameter {name}."),
    N_("Invalid value for {name}: {message}"),
    N_("Invalid value: {message}"),
    N_("No such option: {name} (Possible options: {options})"),
    N_("No such option: {name}"),
    N_("No such command {name}. Did you mean {suggestions}?"),
    N_("No such command {name}."),
    N_("Missing command."),
    N_("Got unexpected extra argument(s) ({arguments})"),
    N_("Option {name} does not take a value."),
    N_("Option {name} requires an argument."),
    N_("Option {name} requires {count} arguments."),
    N_("Argument {name} takes {count} values."),
    N_("{value} is not a valid integer."),
    N_("{value} is not a valid float."),
    N_("{value} is not a valid int range."),
    N_("{value} is not a valid float range."),
    N_("{value} is not a valid boolean. Recognized values: {values}"),
    N_("{value} is not in the range {range}."),
    N_("Value must be an iterable."),
)
# The parts of a message that are themselves messages: ``Invalid value for '--x': …``.
_NESTED = ("message",)

# Headings and words of the help pages, written by partnerkit.cli.localized.
HELP = (
    N_("Usage: "),
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("default: {default}"),
    N_("required"),
    N_("Try '{command} {option}' for help."),
    N_("Error: {message}"),
    N_("Aborted."),
)

# The placeholders of the usage line and the option list: Typer writes an option's value as
# its type (``--date <str>``), an argument by its name (``{record}``, ``[paths]...``).
METAVARS = (
    N_("[OPTIONS]"),
    N_("COMMAND [ARGS]..."),
    N_("<str>"),
    N_("<file>"),
    N_("<path>"),
    N_("<int>"),
    N_("<integer>"),
    N_("<float>"),
    N_("<int range>"),
    N_("<float range>"),
    N_("<directory>"),
    N_("{record}"),
    N_("{paths}"),
    N_("{text}"),
    N_("{value}"),
    N_("{title}"),
    N_("{partnership}"),
    N_("{old}"),
    N_("{new}"),
    N_("{indicator}"),
    N_("{decision}"),
    N_("{body}"),
    N_("{code}"),
    N_("{person}"),
    N_("{person_id}"),
    N_("{record_id}"),
    N_("{new_phase}"),
    N_("{goal}"),
    N_("{resource}"),
    N_("{amount}"),
)


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    def pattern(message_id: str) -> re.Pattern[str]:
        parts = re.split(r"\{(\w+)\}", message_id)
        regex = "".join(
            re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+?)"
            for index, part in enumerate(parts)
        )
        return re.compile(regex + r"\Z", re.DOTALL)

    return tuple((pattern(message_id), message_id) for message_id in ERRORS)


def translate(message: str) -> str:
    """Click's ``message`` in the current language (unchanged when it is not Click's)."""
    for pattern, message_id in _patterns():
        match = pattern.match(message)
        if match is not None:
            values = {key: _part(key, value) for key, value in match.groupdict().items()}
            return _(message_id).format(**values)
    return message


def _part(key: str, value: str) -> str:
    if key in _NESTED:
        return translate(value)
    if key == "name" and re.fullmatch(r"'\w+'", value):  # an argument: 'record'
        message_id = "".join(("{", value[1:-1], "}"))
        return f"'{_(message_id)[1:-1]}'"
    return value
