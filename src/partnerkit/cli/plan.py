"""The action plan commands: ``plan new``.

``partnerkit plan new ID --from-last`` adds a draft action plan for the coming period with
the open items of the last plan, through the same byte-preserving edit as the other edit
commands (read once, splice, validate, replace atomically).
"""

from __future__ import annotations

from typing import Annotated

import typer

from partnerkit.cli.common import ConfigOpt, LangOpt
from partnerkit.cli.edit import DryRunOpt, FolderOpt, RecordArg, _run
from partnerkit.i18n import N_, _

NAME = "plan"
HELP = N_("Action plans: start next period's plan from the last one.")
commands = typer.Typer(name=NAME, help=HELP, no_args_is_help=True)


@commands.command(
    "new",
    help=N_(
        "Add a draft action plan (not yet approved) for the period after the last one, "
        "holding the last plan's open items, to propose at the steering group's meeting."
    ),
)
def new_plan(
    record: RecordArg,
    from_last: Annotated[
        bool,
        typer.Option("--from-last", help=N_("Carry the last plan's open items into the new plan.")),
    ] = False,
    year: Annotated[
        int | None,
        typer.Option(
            "--period", min=1900, max=2199, help=N_("The calendar year of the new plan, e.g. 2027.")
        ),
    ] = None,
    folder: FolderOpt = None,
    dry_run: DryRunOpt = False,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.edit.operations import add_next_plan

    if not from_last:
        raise typer.BadParameter(
            _("a new plan starts from the last one: give --from-last"), param_hint="--from-last"
        )
    _run(record, folder, config, dry_run, lambda doc: add_next_plan(doc, year))
