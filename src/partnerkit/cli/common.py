"""What every command shares: the error boundary, common options, loading the portfolio.

Command modules import from here (never from ``partnerkit.cli.app``), so the commands can live
in several modules without import cycles. Nothing heavy is imported at module level.
"""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from partnerkit.i18n import N_

state = {"debug": os.environ.get("PARTNERKIT_DEBUG") == "1"}

F = TypeVar("F", bound=Callable[..., Any])


def error_boundary(command: F) -> F:
    """Turn expected failures into a message and exit 2; never show a traceback by default."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from partnerkit.errors import UsageError

        try:
            return command(*args, **kwargs)
        except typer.Exit:
            raise
        except UsageError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except Exception as exc:
            if hasattr(exc, "exit_code") and hasattr(exc, "show"):
                raise  # a usage error from Typer/Click: shown by Typer, exit 2
            if state["debug"]:
                traceback.print_exc()
            from partnerkit.i18n import _

            fail(
                _(
                    "partnerkit failed unexpectedly. This is a bug in partnerkit, not in your "
                    "records; run the command again with --debug and report what it prints."
                )
            )

    return wrapper  # type: ignore[return-value]


def fail(message: str) -> None:
    from partnerkit.textsafe import inert

    sys.stderr.write(f"partnerkit: {inert(message)}\n")
    raise typer.Exit(2)


def language_option(value: str | None) -> str | None:
    from partnerkit.i18n import LANGUAGES, set_language

    if value is not None and value not in LANGUAGES:
        raise typer.BadParameter(_use(LANGUAGES))
    # The one place the language is set for a command: Click calls this for every command
    # that has --lang, given or not (None: the environment's), before the command runs, and
    # so that the errors of the options after it are in this language too.
    set_language(value)
    return value


def _use(allowed: tuple[str, ...]) -> str:
    from partnerkit.i18n import _

    return _("use one of: {allowed}").format(allowed=", ".join(allowed))


PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(help=N_("Record files or folders (default: the partnerships/ folder).")),
]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", callback=language_option, help=N_("Language of messages: sv or en.")),
]
ConfigOpt = Annotated[
    Path | None, typer.Option("--config", help=N_("Use this partnerkit.toml."), dir_okay=False)
]


def as_of_date(value: str | None) -> str | None:
    if value is not None:
        from datetime import date

        try:
            if len(value) != 10 or not 1900 <= date.fromisoformat(value).year <= 2199:
                raise ValueError
        except ValueError:
            from partnerkit.i18n import _

            message = _("write the date as YYYY-MM-DD, e.g. 2026-11-28")
            raise typer.BadParameter(message) from None
    return value


AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of", callback=as_of_date, help=N_("Today's date for every date rule (YYYY-MM-DD).")
    ),
]
FailOnOpt = Annotated[
    str,
    typer.Option(
        "--fail-on",
        help=N_("Exit 1 on findings of this severity or worse: error, warning or never."),
    ),
]


def today_from(as_of: str | None):
    from datetime import date

    return date.fromisoformat(as_of) if as_of else date.today()


def fail_threshold(value: str):
    from partnerkit.findings import Severity

    thresholds = {"error": Severity.ERROR, "warning": Severity.WARNING, "never": None}
    return thresholds[choice(value, tuple(thresholds), "--fail-on")]


def load_settings(config: Path | None, cwd: Path, paths=None):
    """The configuration: ``--config``, else the nearest ``partnerkit.toml`` at or above the
    records (the first path given, else the current folder); its rule selectors checked
    against the rules."""
    from partnerkit.config import load_config
    from partnerkit.rules import check_selection

    start = cwd
    first = next((Path(p) for p in paths or [] if str(p) != "-"), None)
    if first is not None:
        start = (cwd / first).parent if not (cwd / first).is_dir() else cwd / first
    settings = load_config(config, start.resolve() if start.exists() else cwd)
    check_selection(settings.rules, settings.source)
    return settings


def load_portfolio(paths, as_of, config, on_record=None):
    """Read the configuration and check every record.

    ``on_record(config, today)`` is one of the library's ``*_on_record`` functions: it makes
    the function applied to each valid record while it is loaded."""
    from partnerkit.i18n import _
    from partnerkit.load.pipeline import check_paths

    cwd = Path.cwd()
    settings = load_settings(config, cwd, paths)
    today = today_from(as_of)
    each = on_record(settings, today) if on_record else None
    result = check_paths(list(paths or []), settings, cwd, today, on_record=each)
    if result.used_examples:
        sys.stderr.write(_("No partnerships/ folder here: using the built-in examples.") + "\n")
    return result, settings, today


def write_output(path: Path, data: bytes, inputs=None) -> None:
    """Write an output file atomically, never over a record or into the records folder."""
    from partnerkit.files.discovery import guard_output
    from partnerkit.files.writer import write_bytes_atomically

    guard_output(path, list(inputs or []), Path.cwd())
    write_bytes_atomically(path, data)


def report_unreadable(result) -> bool:
    """Say which records could not be read and why (file:line:col, the first error);
    True when none could be read, so the command has nothing to show."""
    from partnerkit.followup import unreadable_of
    from partnerkit.i18n import _
    from partnerkit.textsafe import one_line

    failed = [r for r in result.files if r.derived is None and not r.skipped]
    for report in failed:
        entry = unreadable_of(report)
        line = f"{entry.file}:{entry.line}:{entry.col}: {entry.code} {entry.message}"
        sys.stderr.write(_("Could not be read: {problem}").format(problem=one_line(line)) + "\n")
    return bool(failed) and len(failed) == len([r for r in result.files if not r.skipped])


def print_markdown(text: str, output_format: str) -> None:
    """Markdown as it is for ``--format markdown``, else laid out by Rich."""
    if output_format == "markdown":
        sys.stdout.write(text)
        return
    from rich.markdown import Markdown

    from partnerkit.render.console import make_console

    # soft_wrap would crop Markdown's list items at the edge instead of wrapping them
    make_console().print(Markdown(text), soft_wrap=False)


def choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    if value not in allowed:
        raise typer.BadParameter(_use(allowed), param_hint=option)
    return value


def vocab_value(
    value: str | None, vocabulary: str, option: str, allowed: tuple[str, ...] | None = None
) -> str | None:
    """The slug that an option's value means: the slug or its label, in either language
    (``--sector näringsliv`` → ``naringsliv``)."""
    from partnerkit.record.vocab import UnknownTerm, parse_term

    if value is None:
        return None
    try:
        return parse_term(vocabulary, value, allowed)
    except UnknownTerm as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None


def record_by_id(result: Any, record_id: str) -> Any:
    """What ``on_record`` kept for the record ``record_id`` of a checked portfolio."""
    from partnerkit.errors import UsageError
    from partnerkit.i18n import _

    for report in result.files:
        if report.record_id == record_id:
            if report.derived is None:
                raise UsageError(
                    _("The record {id} ({file}) has errors; run partnerkit check first.").format(
                        id=record_id, file=report.file
                    )
                )
            return report.derived
    raise UsageError(_("There is no partnership with the id {id}.").format(id=record_id))
