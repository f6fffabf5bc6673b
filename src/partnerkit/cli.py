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
        except Exception:
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


@app.command()
@error_boundary
def check(paths: PathsArg = None, lang: LangOpt = None, config: ConfigOpt = None) -> None:
    """Load and validate records, and report every problem with its file, line and column."""
    from partnerkit.check import check_paths
    from partnerkit.config import load_config
    from partnerkit.i18n import _, set_language
    from partnerkit.render.check_text import render_check
    from partnerkit.render.console import make_console

    set_language(lang)
    cwd = Path.cwd()
    settings = load_config(config, cwd)
    result = check_paths(list(paths or []), settings, cwd)
    if result.used_examples:
        sys.stderr.write(_("No partnerships/ folder here: checking the built-in examples.") + "\n")
    render_check(result, make_console())
    raise typer.Exit(result.exit_code())


def main() -> int:
    try:
        app()
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    return 0
