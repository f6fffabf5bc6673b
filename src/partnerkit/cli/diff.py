"""``diff``: what changed in the records between two git revisions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from partnerkit.cli.common import ConfigOpt, LangOpt, choice, load_settings, print_markdown
from partnerkit.i18n import N_

commands = typer.Typer()


@commands.command(help=N_("What changed in the records between two git revisions."))
def diff(
    old: Annotated[str, typer.Argument(help=N_("The earlier git revision, e.g. origin/main."))],
    new: Annotated[
        str | None, typer.Argument(help=N_("The later revision (default: the working tree)."))
    ] = None,
    folder: Annotated[
        Path | None,
        typer.Option("--folder", help=N_("The records folder (default: partnerships/).")),
    ] = None,
    output_format: Annotated[str, typer.Option("--format", help=N_("text or markdown."))] = "text",
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.diffing import diff_revisions
    from partnerkit.render.diff import diff_markdown

    choice(output_format, ("text", "markdown"), "--format")
    cwd = Path.cwd()
    limits = load_settings(config, cwd).limits
    print_markdown(diff_markdown(diff_revisions(old, new, folder, cwd, limits)), output_format)
