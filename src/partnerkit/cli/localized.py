"""The command line itself in the reader's language: help and the parser's own messages.

Help texts are message ids (``N_`` where commands and options are declared) and are translated
when help is shown, so a command that shows no help never reads the catalog. Typer's copy of
Click writes its headings ("Usage:", "Options:") and errors ("Missing option …") in English
without gettext: the classes here write the headings themselves, and the errors are matched
against Click's texts, listed as message ids in :mod:`partnerkit.cli.click_messages`.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from typer import Abort, _click
from typer.core import TyperCommand, TyperGroup

from partnerkit.i18n import LANGUAGES, _, set_language

_METAVAR = re.compile(r"<[\w| ]+>|\{\w+\}|\[\w+\]|(?<![\w-])[a-z]\w*(?=\.\.\.)")
_EXTRA = re.compile(r"  \[([^\[\]]*)\]$")


def language_in(args: Sequence[str]) -> str | None:
    """The language ``--lang`` names on a command line, before Click parses it, so that help
    asked for before ``--lang`` (``check --help --lang sv``) is in that language too."""
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGUAGES:
            return value
    return None


@contextlib.contextmanager
def _translated_help(*things: Any) -> Iterator[None]:
    """The ``help`` of commands and parameters translated while their help is written."""
    originals = [thing.help for thing in things]
    try:
        for thing in things:
            thing.help = _(thing.help) if thing.help else thing.help
        yield
    finally:
        for thing, original in zip(things, originals, strict=True):
            thing.help = original


def _metavars(text: str) -> str:
    """``<str>``, ``{record}``, ``[paths]...`` in the reader's language."""

    whole = _(text)  # [OPTIONS], COMMAND [ARGS]...
    if whole != text:
        return whole

    def argument(name: str) -> str:
        key = "".join(("{", name, "}"))  # an argument's message id, as in click_messages
        return _(key)[1:-1]

    def one(match: re.Match[str]) -> str:
        token = match.group(0)
        if token[0] == "<":
            return _(token)
        if token[0] in "{[":
            return token[0] + argument(token[1:-1]) + token[-1]
        return argument(token)

    return _METAVAR.sub(one, text)


def _extras(help_text: str) -> str:
    """Typer's ``[default: text; required]`` after an option's help, translated."""

    def one(match: re.Match[str]) -> str:
        parts = []
        for part in match.group(1).split("; "):
            if part == "required":
                parts.append(_("required"))
            elif part.startswith("default: "):
                default = _default_text(part[len("default: ") :], help_text)
                parts.append(_("default: {default}").format(default=default))
            else:
                parts.append(part)
        return "  [" + "; ".join(parts) + "]"

    return _EXTRA.sub(one, help_text)


def _default_text(value: str, help_text: str) -> str:
    """A default as the help around it reads: a vocabulary value by its label
    (``offentlig_sektor`` → ``offentlig sektor``; of several vocabularies', the label the help
    lists), a value typed as it is with the meaning the help gives it (``error (fel)``)."""
    from partnerkit.record.vocab import VOCABULARIES, label

    labels = {label(name, value) for name, terms in VOCABULARIES.items() if value in terms}
    listed = {text for text in labels if text in help_text}
    if len(labels) == 1 or len(listed) == 1:
        return (listed or labels).pop()
    meaning = re.search(rf"(?<!\w){re.escape(value)} (\([^()]+\))", help_text)
    return f"{value} {meaning.group(1)}" if meaning else value


def _help_record(param: Any, ctx: Any) -> tuple[str, str] | None:
    with _translated_help(param):
        record = param.get_help_record(ctx)
    if record is None:
        return None
    name, help_text = record
    if param.param_type_name == "argument" and name.isidentifier():
        name = _metavars("{" + name + "}")[1:-1]  # a required argument is listed by its name
    return _metavars(name), _extras(help_text)


class _LocalizedHelp(_click.Command):
    """Help written in the current language (for commands and the app alike)."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = [_metavars(piece) for piece in self.collect_usage_pieces(ctx)]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Usage: "))

    def format_help_text(self, ctx: Any, formatter: Any) -> None:
        with _translated_help(self):
            super().format_help_text(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        with _translated_help(self):
            return super().get_short_help_str(limit)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = _help_record(param, ctx)
            if record is not None:
                (arguments if param.param_type_name == "argument" else options).append(record)
        if arguments:
            with formatter.section(_("Arguments")):
                formatter.write_dl(arguments)
        if options:
            with formatter.section(_("Options")):
                formatter.write_dl(options)


class LocalizedCommand(_LocalizedHelp, TyperCommand):
    """A command whose help is written in the current language."""


class LocalizedGroup(_LocalizedHelp, TyperGroup):
    """The app: its help and the command line's errors in the current language."""

    def format_options(self, ctx: Any, formatter: Any) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        commands = [
            (name, command)
            for name in self.list_commands(ctx)
            if (command := self.get_command(ctx, name)) is not None and not command.hidden
        ]
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _command in commands)
            rows = [(name, command.get_short_help_str(limit)) for name, command in commands]
            with formatter.section(_("Commands")):
                formatter.write_dl(rows)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        arguments = list(sys.argv[1:] if args is None else args)
        set_language(language_in(arguments))
        try:
            result = super().main(
                arguments, prog_name, complete_var, standalone_mode=False, **extra
            )
        except _click.exceptions.ClickException as exc:
            if not standalone_mode:
                raise
            show_error(exc)
            sys.exit(exc.exit_code)
        except Abort:
            if not standalone_mode:
                raise
            sys.stderr.write(_("Aborted.") + "\n")
            sys.exit(1)
        if standalone_mode:
            sys.exit(result if isinstance(result, int) else 0)
        return result


def show_error(exc: Any) -> None:
    """Click's error message, as Click writes it, in the current language."""
    if isinstance(exc, _click.exceptions.NoArgsIsHelpError):
        exc.show()  # the help itself, already in the current language
        return
    from partnerkit.cli.click_messages import translate

    ctx = getattr(exc, "ctx", None)
    lines = []
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            hint = _("Try '{command} {option}' for help.")
            lines.append(hint.format(command=ctx.command_path, option=ctx.help_option_names[0]))
        lines.append("")
    message = translate(exc.format_message())
    lines.append(_("Error: {message}").format(message=message))
    _click.echo("\n".join(lines), err=True, color=ctx.color if ctx is not None else None)
