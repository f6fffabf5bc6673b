"""What every command shares: the error boundary, common options, loading the portfolio.

Command modules import from here (never from ``partnerkit.cli``), so the commands can live
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
            fail(
                "partnerkit failed unexpectedly. This is a bug in partnerkit, not in your records; "
                "run the command again with --debug and report what it prints."
            )

    return wrapper  # type: ignore[return-value]


def fail(message: str) -> None:
    from partnerkit.textsafe import inert

    sys.stderr.write(f"partnerkit: {inert(message)}\n")
    raise typer.Exit(2)


def language_option(value: str | None) -> str | None:
    if value is not None and value not in ("sv", "en"):
        raise typer.BadParameter("use sv or en")
    return value


PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Record files or folders (default: the partnerships/ folder)."),
]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", callback=language_option, help="Language of messages: sv or en."),
]
ConfigOpt = Annotated[
    Path | None, typer.Option("--config", help="Use this partnerkit.toml.", dir_okay=False)
]


def as_of_date(value: str | None) -> str | None:
    if value is not None:
        from datetime import date

        try:
            if len(value) != 10:
                raise ValueError
            date.fromisoformat(value)
        except ValueError:
            raise typer.BadParameter("write the date as YYYY-MM-DD, e.g. 2026-11-28") from None
    return value


AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of", callback=as_of_date, help="Today's date for every date rule (YYYY-MM-DD)."
    ),
]
FailOnOpt = Annotated[
    str,
    typer.Option(
        "--fail-on",
        help="Exit 1 on findings of this severity or worse: error, warning or never.",
    ),
]


def today_from(as_of: str | None):
    from datetime import date

    return date.fromisoformat(as_of) if as_of else date.today()


def fail_threshold(value: str):
    from partnerkit.findings import Severity

    thresholds = {"error": Severity.ERROR, "warning": Severity.WARNING, "never": None}
    if value not in thresholds:
        raise typer.BadParameter("use error, warning or never", param_hint="--fail-on")
    return thresholds[value]


CHECK_FORMATS = ("text", "concise", "json", "github", "sarif", "junit")


def load_portfolio(paths, as_of, lang, config, on_record=None):
    """Set the language, read the configuration, and check every record.

    ``on_record(settings, today)`` makes the function applied to each valid record."""
    from partnerkit.check import check_paths
    from partnerkit.config import load_config
    from partnerkit.i18n import _, set_language

    set_language(lang)
    cwd = Path.cwd()
    settings = load_config(config, cwd)
    today = today_from(as_of)
    each = on_record(settings, today) if on_record else None
    result = check_paths(list(paths or []), settings, cwd, today, on_record=each)
    if result.used_examples:
        sys.stderr.write(_("No partnerships/ folder here: using the built-in examples.") + "\n")
    return result, settings, today


def choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    if value not in allowed:
        raise typer.BadParameter("use " + ", ".join(allowed), param_hint=option)
    return value
