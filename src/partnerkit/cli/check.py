"""The commands about records themselves: ``check``, ``rules`` and ``schema``."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from partnerkit.cli.common import (
    AsOfOpt,
    ConfigOpt,
    FailOnOpt,
    LangOpt,
    PathsArg,
    choice,
    fail_threshold,
    load_settings,
    today_from,
    write_output,
)
from partnerkit.i18n import N_
from partnerkit.render.check.formats import FORMATS, FORMATS_HELP

commands = typer.Typer()


@commands.command(
    help=N_(
        "Load and validate records, and report every problem with its file, line and column. "
        "A PATH of - reads one record from standard input (for editors)."
    )
)
def check(
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    fail_on: FailOnOpt = "error",
    output_format: Annotated[str | None, typer.Option("--format", help=FORMATS_HELP)] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=N_("Write the report to this file."), dir_okay=False),
    ] = None,
    changed_since: Annotated[
        str | None,
        typer.Option(
            "--changed-since",
            help=N_(
                "Check the whole portfolio, report only records changed since this git revision."
            ),
        ),
    ] = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            "--stdin-filename", help=N_("The name of the record read from - (standard input).")
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help=N_("Only the findings: no summary, no notes."))
    ] = False,
    portfolio: Annotated[
        bool,
        typer.Option(
            "--portfolio",
            help=N_(
                "Check the whole records folder, report only the PATHS given "
                "(for pre-commit: the files being committed)."
            ),
        ),
    ] = False,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.i18n import _
    from partnerkit.load.pipeline import check_paths, check_stdin, only_changed, only_files

    threshold = fail_threshold(fail_on)
    chosen = output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    choice(chosen, FORMATS, "--format")
    cwd = Path.cwd()
    named = list(paths or [])
    settings = load_settings(config, cwd, [stdin_filename] if stdin_filename else named)
    today = today_from(as_of)
    if [str(p) for p in named] == ["-"]:
        name = stdin_filename or "<stdin>"
        result = check_stdin(sys.stdin.buffer, name, settings, cwd, today)
    elif portfolio:
        result = check_paths([], settings, cwd, today)
        result = only_files(result, {(cwd / p).resolve() for p in named}, cwd)
    else:
        result = check_paths(named, settings, cwd, today)
    if changed_since is not None:
        result = only_changed(result, changed_since, cwd)
    if result.used_examples and not quiet:
        sys.stderr.write(_("No partnerships/ folder here: checking the built-in examples.") + "\n")
    _emit_check(result, chosen, output, today, named, quiet)
    raise typer.Exit(result.exit_code(threshold))


def _emit_check(
    result, chosen: str, output: Path | None, today, inputs: list[Path], quiet: bool = False
) -> None:
    from partnerkit.render.check import formats

    if chosen == "text" and output is None:
        from partnerkit.render.check.text import check_lines
        from partnerkit.render.console import write_styled

        write_styled(check_lines(result)[:-1] if quiet else check_lines(result))
        return
    text = formats.render(result, chosen, today)
    if chosen == "github":
        formats.append_step_summary(result, os.environ.get("GITHUB_STEP_SUMMARY"))
    if output is None:
        sys.stdout.write(text)
    else:
        from partnerkit.render.check.text import summary_line
        from partnerkit.render.console import plain_text

        write_output(output, text.encode("utf-8"), inputs)
        if not quiet:
            sys.stdout.write(plain_text([summary_line(result)]))


@commands.command(
    help=N_("List the handbook rules, or explain one rule with a failing and a passing example.")
)
def rules(
    code: Annotated[str | None, typer.Argument(help=N_("Explain this rule."))] = None,
    output_format: Annotated[str, typer.Option("--format", help=N_("text or json."))] = "text",
    lang: LangOpt = None,
) -> None:
    from partnerkit.errors import UsageError
    from partnerkit.i18n import _
    from partnerkit.render.console import make_console
    from partnerkit.render.rules import render_rule, render_rules_table, rules_json
    from partnerkit.rules import all_rules, get

    choice(output_format, ("text", "json"), "--format")
    selected = list(all_rules().values())
    if code is not None:
        found = get(code)
        if found is None:
            from partnerkit.load.codes import BUILTIN

            if code.upper() in BUILTIN and output_format == "text":
                from partnerkit.render.rules import render_builtin

                render_builtin(code.upper(), make_console())
                return
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


@commands.command(
    help=N_(
        "Print the JSON Schema of a record, derived from the record models, with a description "
        "of every field in the chosen language (the editor shows it on hover)."
    )
)
def schema(
    check_file: Annotated[
        Path | None,
        typer.Option(
            "--check",
            help=N_("Compare with this committed schema file; exit 1 when it is out of date."),
            dir_okay=False,
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=N_("Write the schema to this file."))
    ] = None,
    lang: LangOpt = None,
) -> None:
    from partnerkit.i18n import _
    from partnerkit.record.json_schema import is_current_schema, schema_text

    text = schema_text()
    if check_file is not None:
        from partnerkit.files.reader import read_text

        current = read_text(check_file, 1 << 24, _("The schema file"))
        if not is_current_schema(current):
            sys.stderr.write(
                _("{path} is out of date: run partnerkit schema -o {path}").format(path=check_file)
                + "\n"
            )
            raise typer.Exit(1)
        sys.stdout.write(_("{path} is up to date.").format(path=check_file) + "\n")
        return
    if output is not None:
        write_output(output, text.encode("utf-8"))
        return
    sys.stdout.write(text)
