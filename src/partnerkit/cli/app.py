"""The app: every command group assembled, the error boundary applied, and the console script.

Commands live in one module per group (:mod:`check`, :mod:`followup`, :mod:`remind`,
:mod:`report`, :mod:`diff`, :mod:`edit`), each declared on that module's ``commands``. Heavy
modules (models, loader, renderers) are imported inside the commands, so
``partnerkit --version`` stays as fast as importing Typer.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Annotated, Any, NoReturn

import typer

from partnerkit import __version__
from partnerkit.cli import check, diff, edit, followup, plan, remind, report
from partnerkit.cli.common import error_boundary, state
from partnerkit.cli.localized import LocalizedCommand, LocalizedGroup
from partnerkit.i18n import N_

GROUPS = (check, followup, remind, report, diff, edit)
SUBGROUPS = (plan,)  # commands of two words: partnerkit plan new

APP_SETTINGS: dict[str, Any] = {
    "name": "partnerkit",
    "help": N_("Keep strategic partnerships in order: check records, follow up, report."),
    "no_args_is_help": True,
    "add_completion": False,
    "pretty_exceptions_enable": False,
    "rich_markup_mode": None,
    "cls": LocalizedGroup,
}
app = typer.Typer(**APP_SETTINGS)


def _version(value: bool) -> None:
    if value:
        print(f"partnerkit {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help=N_("Show the version and exit.")
        ),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option("--debug", help=N_("Show a traceback when partnerkit itself fails.")),
    ] = False,
) -> None:
    # The language is chosen before the command line is parsed (LocalizedGroup.main).
    if debug:
        state["debug"] = True


def _register(groups, subgroups) -> None:
    """Add every group's commands to the app, each behind the one error boundary; a
    subgroup's commands under its name."""
    for group in groups:
        for info in group.commands.registered_commands:
            info.callback = error_boundary(info.callback)
            info.cls = LocalizedCommand
            app.registered_commands.append(info)
    for subgroup in subgroups:
        for info in subgroup.commands.registered_commands:
            info.callback = error_boundary(info.callback)
            info.cls = LocalizedCommand
        app.add_typer(subgroup.commands, name=subgroup.NAME, help=subgroup.HELP, cls=LocalizedGroup)


_register(GROUPS, SUBGROUPS)


def app_for(argv: list[str]) -> typer.Typer:
    """The app with only the command that ``argv`` names, when it names one.

    Typer builds every command's parameters before it runs one; with twenty commands that
    is a noticeable part of a short run, so the console script builds only the one it needs.
    Help, typos and no command at all get the full app.
    """
    name = next((arg for arg in argv if not arg.startswith("-")), None)
    chosen = [
        info
        for info in app.registered_commands
        if (info.name or info.callback.__name__.replace("_", "-")) == name
    ]
    if not chosen:
        return app
    slim = typer.Typer(**APP_SETTINGS)
    slim.registered_callback = app.registered_callback
    slim.registered_commands = chosen
    return slim


def main() -> NoReturn:
    """The console script: run, then leave at once (see :func:`exit_now`)."""
    exit_now(run(sys.argv[1:]))


def run(argv: list[str]) -> int:
    """Run the command line ``argv`` and return its exit code."""
    if argv == ["--version"]:
        print(f"partnerkit {__version__}")
        return 0
    # partnerkit's models are internal: skip pydantic's scan of every installed package for
    # plugins, which costs more than validating a record.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        app_for(argv)(args=argv, prog_name="partnerkit")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    return 0


def exit_now(code: int) -> NoReturn:
    """Flush the output and end the process without tearing the interpreter down.

    Freeing every module and object of a run (Pydantic, Typer, the records) takes about
    30 ms, longer than checking a record; like mypy's ``hard_exit``, partnerkit skips it.
    Every file partnerkit writes is complete and closed before a command returns.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(code)
