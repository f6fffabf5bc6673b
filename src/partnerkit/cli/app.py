"""The command line: thin commands that parse options, call the library and pick a renderer.

Only this module prints or exits. Heavy modules (models, loader, renderers) are imported
inside the commands, so ``partnerkit --version`` stays as fast as importing Typer.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from partnerkit import __version__
from partnerkit.cli import edit as commands_edit
from partnerkit.cli import report as commands_report
from partnerkit.cli.common import (
    AsOfOpt,
    ConfigOpt,
    FailOnOpt,
    LangOpt,
    PathsArg,
    as_of_date,
    choice,
    error_boundary,
    fail_threshold,
    load_portfolio,
    record_by_id,
    state,
    today_from,
)

APP_SETTINGS: dict[str, Any] = {
    "name": "partnerkit",
    "help": "Keep strategic partnerships in order: check records, follow up, report.",
    "no_args_is_help": True,
    "add_completion": False,
    "pretty_exceptions_enable": False,
    "rich_markup_mode": None,
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
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback when partnerkit itself fails.")
    ] = False,
) -> None:
    """partnerkit: strategic partnership records, checked against the national handbook."""
    if debug:
        state["debug"] = True
    from partnerkit.i18n import set_language

    set_language(None)  # the environment's language, for errors in the command's options


CHECK_FORMATS = ("text", "concise", "json", "github", "sarif", "junit")


@app.command()
@error_boundary
def check(
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    fail_on: FailOnOpt = "error",
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="text, concise, json, github, sarif or junit "
            "(default: github in GitHub Actions, else text).",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report to this file.", dir_okay=False),
    ] = None,
    changed_since: Annotated[
        str | None,
        typer.Option(
            "--changed-since",
            help="Check the whole portfolio, report only records changed since this git revision.",
        ),
    ] = None,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Load and validate records, and report every problem with its file, line and column."""
    from partnerkit.config import load_config
    from partnerkit.i18n import _
    from partnerkit.load.pipeline import check_paths, only_changed

    threshold = fail_threshold(fail_on)
    chosen = output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    choice(chosen, CHECK_FORMATS, "--format")
    cwd = Path.cwd()
    settings = load_config(config, cwd)
    today = today_from(as_of)
    result = check_paths(list(paths or []), settings, cwd, today)
    if changed_since is not None:
        result = only_changed(result, changed_since, cwd)
    if result.used_examples:
        sys.stderr.write(_("No partnerships/ folder here: checking the built-in examples.") + "\n")
    _emit_check(result, chosen, output, today)
    raise typer.Exit(result.exit_code(threshold))


def _emit_check(result, chosen: str, output: Path | None, today) -> None:
    from partnerkit.render.check import formats as check_formats

    if chosen == "text" and output is None:
        from partnerkit.render.check.text import check_lines
        from partnerkit.render.console import write_styled

        write_styled(check_lines(result))
        return
    text = check_formats.render(result, chosen, today)
    if chosen == "github":
        check_formats.append_step_summary(result, os.environ.get("GITHUB_STEP_SUMMARY"))
    if output is None:
        sys.stdout.write(text)
    else:
        from partnerkit.files.writer import write_bytes_atomically
        from partnerkit.render.check.text import summary_line
        from partnerkit.render.console import plain_text

        write_bytes_atomically(output, text.encode("utf-8"))
        sys.stdout.write(plain_text([summary_line(result)]))


def _followup_of_each(horizon: int):
    def make(settings, today):
        from functools import partial

        from partnerkit.followup import partnership_followup

        return partial(
            partnership_followup, thresholds=settings.thresholds, today=today, horizon=horizon
        )

    return make


def _keep_record(record_id: str):
    def make(settings, today):
        from functools import partial

        from partnerkit.load.pipeline import record_if_id

        return partial(record_if_id, record_id=record_id)

    return make


def _contacts_of_each(settings, today):
    from partnerkit.contacts import contacts_of

    return contacts_of


@app.command()
@error_boundary
def followup(
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    horizon: Annotated[
        int, typer.Option("--horizon", min=0, max=3650, help="Days ahead that count as due soon.")
    ] = 60,
    partnership: Annotated[
        str | None, typer.Option("--partnership", help="Only this partnership id.")
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", help="text, markdown or json.")
    ] = "text",
    fail_on: Annotated[
        str, typer.Option("--fail-on", help="overdue: exit 1 when anything is overdue; never.")
    ] = "never",
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    """What is overdue and due soon, and how each partnership meets the handbook criteria."""
    from partnerkit.errors import UsageError
    from partnerkit.followup import build_followup
    from partnerkit.i18n import _
    from partnerkit.render.console import make_console
    from partnerkit.render.followup import (
        followup_json,
        followup_markdown,
        render_followup_text,
    )

    choice(output_format, ("text", "markdown", "json"), "--format")
    choice(fail_on, ("overdue", "never"), "--fail-on")
    result, _settings, today = load_portfolio(paths, as_of, config, _followup_of_each(horizon))
    report = build_followup(result, today, horizon)
    if partnership is not None:
        report.partnerships = [p for p in report.partnerships if p.id == partnership]
        report.unreadable = []
        if not report.partnerships:
            raise UsageError(_("There is no partnership with the id {id}.").format(id=partnership))
    if output_format == "json":
        sys.stdout.write(followup_json(report))
    elif output_format == "markdown":
        sys.stdout.write(followup_markdown(report))
    else:
        render_followup_text(report, make_console())
    raise typer.Exit(1 if fail_on == "overdue" and report.overdue else 0)


@app.command()
@error_boundary
def brief(
    partnership: Annotated[str, typer.Argument(help="The partnership id.")],
    body: Annotated[str, typer.Option("--body", help="The governance body id, e.g. styrgrupp.")],
    meeting: Annotated[
        str | None,
        typer.Option(
            "--meeting",
            callback=as_of_date,
            help="Meeting date (default: its next planned meeting).",
        ),
    ] = None,
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    output_format: Annotated[str, typer.Option("--format", help="text or markdown.")] = "text",
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    """The steering-group brief (underlag) for a body's meeting, since its previous meeting."""
    from datetime import date

    from partnerkit.brief import build_brief
    from partnerkit.render.brief import brief_markdown

    choice(output_format, ("text", "markdown"), "--format")
    result, settings, today = load_portfolio(paths, as_of, config, _keep_record(partnership))
    record = record_by_id(result, partnership)
    when = date.fromisoformat(meeting) if meeting else None
    text = brief_markdown(build_brief(record, body, when, today, settings.thresholds))
    _print_markdown(text, output_format)


def _print_markdown(text: str, output_format: str) -> None:
    """Markdown as it is for ``--format markdown``, else laid out by Rich."""
    if output_format == "markdown":
        sys.stdout.write(text)
        return
    from rich.markdown import Markdown

    from partnerkit.render.console import make_console

    make_console().print(Markdown(text))


@app.command()
@error_boundary
def calendar(
    paths: PathsArg = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The .ics file to write.", dir_okay=False)
    ] = Path("partnerkit.ics"),
    as_of: AsOfOpt = None,
    horizon: Annotated[
        int, typer.Option("--horizon", min=0, max=3650, help="Days ahead to include.")
    ] = 365,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Write upcoming due dates and planned meetings as an iCalendar (.ics) file."""
    from partnerkit.calendar import build_calendar
    from partnerkit.files.writer import write_bytes_atomically
    from partnerkit.followup import build_followup
    from partnerkit.i18n import _

    result, _settings, today = load_portfolio(paths, as_of, config, _followup_of_each(horizon))
    report = build_followup(result, today, horizon)
    for view in report.partnerships:
        view.items = [item for item in view.items if item.status != "overdue"]
    write_bytes_atomically(output, build_calendar(report))
    events = sum(len(view.items) for view in report.partnerships)
    sys.stdout.write(_("Wrote {n} events to {file}.").format(n=events, file=output) + "\n")


@app.command()
@error_boundary
def contacts(
    paths: PathsArg = None,
    topic: Annotated[
        str | None, typer.Option("--topic", help="Text in the focus area, unit or title.")
    ] = None,
    level: Annotated[
        str | None, typer.Option("--level", help="strategisk, taktisk or operativ.")
    ] = None,
    partnership: Annotated[
        str | None, typer.Option("--partnership", help="Only this partnership id.")
    ] = None,
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Who to talk to, on each side, per level and focus area, across the portfolio."""
    from partnerkit.contacts import find_contacts
    from partnerkit.render.contacts import contacts_json, render_contacts

    choice(output_format, ("text", "json"), "--format")
    if level is not None:
        choice(level, ("strategisk", "taktisk", "operativ"), "--level")
    result = load_portfolio(paths, None, config, _contacts_of_each)[0]
    found = find_contacts(result, topic, level, partnership)
    if output_format == "json":
        sys.stdout.write(contacts_json(found))
    else:
        from partnerkit.render.console import make_console

        render_contacts(found, make_console())


@app.command()
@error_boundary
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
) -> None:
    """What changed in the records between two git revisions."""
    from partnerkit.diffing import diff_records, texts_from_git, texts_on_disk
    from partnerkit.errors import UsageError
    from partnerkit.files import git as gitrepo
    from partnerkit.files.discovery import find_records_dir
    from partnerkit.i18n import _
    from partnerkit.render.diff import diff_markdown

    choice(output_format, ("text", "markdown"), "--format")
    cwd = Path.cwd()
    root = gitrepo.toplevel(cwd)
    records = folder or find_records_dir(cwd)
    if records is None or not records.is_dir():
        raise UsageError(_("No partnerships/ folder was found; name it with --folder."))
    relative = records.resolve().relative_to(root.resolve()).as_posix()
    old_files = texts_from_git(gitrepo.files_at(old, relative, cwd))
    if new is None:
        new_files, new_label = texts_on_disk(records.resolve(), root.resolve()), _("working tree")
    else:
        new_files, new_label = texts_from_git(gitrepo.files_at(new, relative, cwd)), new
    text = diff_markdown(diff_records(old_files, new_files, old, new_label))
    _print_markdown(text, output_format)


@app.command()
@error_boundary
def schema(
    check_file: Annotated[
        Path | None,
        typer.Option(
            "--check",
            help="Compare with this committed schema file; exit 1 when it is out of date.",
            dir_okay=False,
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the schema to this file.")
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Print the JSON Schema of a record, derived from the record models."""
    from partnerkit.i18n import _
    from partnerkit.record.json_schema import schema_text

    text = schema_text()
    if check_file is not None:
        try:
            current = check_file.read_text(encoding="utf-8")
        except OSError as exc:
            from partnerkit.errors import UsageError

            raise UsageError(
                _("The schema file {path} cannot be read: {reason}").format(
                    path=check_file, reason=exc.strerror
                )
            ) from None
        if current != text:
            sys.stderr.write(
                _("{path} is out of date: run partnerkit schema -o {path}").format(path=check_file)
                + "\n"
            )
            raise typer.Exit(1)
        sys.stdout.write(_("{path} is up to date.").format(path=check_file) + "\n")
        return
    if output is not None:
        from partnerkit.files.writer import write_bytes_atomically

        write_bytes_atomically(output, text.encode("utf-8"))
        return
    sys.stdout.write(text)


@app.command()
@error_boundary
def rules(
    code: Annotated[str | None, typer.Argument(help="Explain this rule.")] = None,
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    lang: LangOpt = None,
) -> None:
    """List the handbook rules, or explain one rule with a failing and a passing example."""
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


commands_edit.register(app)
commands_report.register(app)


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
