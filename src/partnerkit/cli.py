"""The command line: thin commands that parse options, call the library and pick a renderer.

Only this module prints or exits. Heavy modules (models, loader, renderers) are imported
inside the commands, so ``partnerkit --version`` stays as fast as importing Typer.
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

from partnerkit import __version__

app = typer.Typer(
    name="partnerkit",
    help="Keep strategic partnerships in order: check records, follow up, report.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_state = {"debug": os.environ.get("PARTNERKIT_DEBUG") == "1"}

F = TypeVar("F", bound=Callable[..., Any])


def _version(value: bool) -> None:
    if value:
        print(f"partnerkit {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback when partnerkit itself fails.")
    ] = False,
) -> None:
    """partnerkit: strategic partnership records, checked against the national handbook."""
    if debug:
        _state["debug"] = True


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
            _fail(str(exc))
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except Exception as exc:
            if hasattr(exc, "exit_code") and hasattr(exc, "show"):
                raise  # a usage error from Typer/Click: shown by Typer, exit 2
            if _state["debug"]:
                traceback.print_exc()
            _fail(
                "partnerkit failed unexpectedly. This is a bug in partnerkit, not in your records; "
                "run the command again with --debug and report what it prints."
            )

    return wrapper  # type: ignore[return-value]


def _fail(message: str) -> None:
    from partnerkit.textsafe import inert

    sys.stderr.write(f"partnerkit: {inert(message)}\n")
    raise typer.Exit(2)


def _language(value: str | None) -> str | None:
    if value is not None and value not in ("sv", "en"):
        raise typer.BadParameter("use sv or en")
    return value


PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Record files or folders (default: the partnerships/ folder)."),
]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", callback=_language, help="Language of messages: sv or en."),
]
ConfigOpt = Annotated[
    Path | None, typer.Option("--config", help="Use this partnerkit.toml.", dir_okay=False)
]


def _as_of(value: str | None) -> str | None:
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
    typer.Option("--as-of", callback=_as_of, help="Today's date for every date rule (YYYY-MM-DD)."),
]
FailOnOpt = Annotated[
    str,
    typer.Option(
        "--fail-on",
        help="Exit 1 on findings of this severity or worse: error, warning or never.",
    ),
]


def _today(as_of: str | None):
    from datetime import date

    return date.fromisoformat(as_of) if as_of else date.today()


def _fail_threshold(value: str):
    from partnerkit.findings import Severity

    thresholds = {"error": Severity.ERROR, "warning": Severity.WARNING, "never": None}
    if value not in thresholds:
        raise typer.BadParameter("use error, warning or never", param_hint="--fail-on")
    return thresholds[value]


@app.command()
@error_boundary
def check(
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    fail_on: FailOnOpt = "error",
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Load and validate records, and report every problem with its file, line and column."""
    from partnerkit.check import check_paths
    from partnerkit.config import load_config
    from partnerkit.i18n import _, set_language
    from partnerkit.render.check_text import render_check
    from partnerkit.render.console import make_console

    threshold = _fail_threshold(fail_on)
    set_language(lang)
    cwd = Path.cwd()
    settings = load_config(config, cwd)
    result = check_paths(list(paths or []), settings, cwd, _today(as_of))
    if result.used_examples:
        sys.stderr.write(_("No partnerships/ folder here: checking the built-in examples.") + "\n")
    render_check(result, make_console())
    raise typer.Exit(result.exit_code(threshold))


@app.command()
@error_boundary
def rules(
    code: Annotated[str | None, typer.Argument(help="Explain this rule.")] = None,
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    lang: LangOpt = None,
) -> None:
    """List the handbook rules, or explain one rule with a failing and a passing example."""
    from partnerkit.errors import UsageError
    from partnerkit.i18n import _, set_language
    from partnerkit.render.console import make_console
    from partnerkit.render.rules_view import render_rule, render_rules_table, rules_json
    from partnerkit.rules import all_rules, get

    set_language(lang)
    if output_format not in ("text", "json"):
        raise typer.BadParameter("use text or json", param_hint="--format")
    selected = list(all_rules().values())
    if code is not None:
        found = get(code)
        if found is None:
            raise UsageError(
                _("There is no rule {code}; partnerkit rules lists them.").format(code=code)
            )
        selected = [found]
    if output_format == "json":
        sys.stdout.write(rules_json(selected))
    elif code is not None:
        render_rule(selected[0], make_console())
    else:
        render_rules_table(selected, make_console())


def main() -> int:
    try:
        app()
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    return 0
