"""``diff``: what changed in the records between two git revisions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from partnerkit.cli.common import ConfigOpt, LangOpt, choice, load_settings, print_markdown

commands = typer.Typer()


@commands.command()
def diff(
    old: Annotated[str, typer.Argument(help="The earlier git revision, e.g. origin/main.")],
    new: Annotated[
        str | None, typer.Argument(help="The later revision (default: the working tree).")
    ] = None,
    folder: Annotated[
        Path | None, typer.Option("--folder", help="The records folder (default: partnerships/).")
    ] = None,
    output_format: Annotated[str, typer.Option("--format", help="text or markdown.")] = "text",
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    """What changed in the records between two git revisions."""
    from partnerkit.diffing import diff_revisions
    from partnerkit.render.diff import diff_markdown

    choice(output_format, ("text", "markdown"), "--format")
    cwd = Path.cwd()
    limits = load_settings(config, cwd).limits
    print_markdown(diff_markdown(diff_revisions(old, new, folder, cwd, limits)), output_format)
