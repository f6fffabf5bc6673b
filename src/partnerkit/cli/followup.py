"""The coordinator's commands: ``followup``, ``brief``, ``calendar`` and ``contacts``."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from partnerkit.cli.common import (
    AsOfOpt,
    ConfigOpt,
    LangOpt,
    PathsArg,
    as_of_date,
    choice,
    load_portfolio,
    print_markdown,
    record_by_id,
    vocab_value,
    write_output,
)
from partnerkit.i18n import N_

commands = typer.Typer()


@commands.command(
    help=N_("What is overdue and due soon, and how each partnership meets the handbook criteria.")
)
def followup(
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    horizon: Annotated[
        int,
        typer.Option("--horizon", min=0, max=3650, help=N_("Days ahead that count as due soon.")),
    ] = 60,
    partnership: Annotated[
        str | None, typer.Option("--partnership", help=N_("Only this partnership id."))
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", help=N_("text, markdown or json."))
    ] = "text",
    fail_on: Annotated[
        str, typer.Option("--fail-on", help=N_("overdue: exit 1 when anything is overdue; never."))
    ] = "never",
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.errors import UsageError
    from partnerkit.followup import build_followup, followup_on_record
    from partnerkit.i18n import _
    from partnerkit.render.console import make_console
    from partnerkit.render.followup import (
        followup_json,
        followup_markdown,
        render_followup_text,
    )

    choice(output_format, ("text", "markdown", "json"), "--format")
    choice(fail_on, ("overdue", "never"), "--fail-on")
    on_record = partial(followup_on_record, horizon=horizon)
    result, _settings, today = load_portfolio(paths, as_of, config, on_record)
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
    late = fail_on == "overdue" and report.overdue
    raise typer.Exit(1 if report.unreadable or late else 0)


BRIEF_FORMATS = ("text", "markdown", "html", "docx")
PartnershipArg = Annotated[str, typer.Argument(help=N_("The partnership id."))]
BodyOpt = Annotated[str, typer.Option("--body", help=N_("The governance body id, e.g. styrgrupp."))]
MeetingOpt = Annotated[
    str | None,
    typer.Option(
        "--meeting",
        callback=as_of_date,
        help=N_("Meeting date (default: the body's next planned meeting)."),
    ),
]
DocumentOutOpt = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help=N_("The file to write (needed for html and docx)."), dir_okay=False
    ),
]


@commands.command(
    help=N_(
        "The brief (underlag) for a body's meeting: agenda, matters for decision with "
        "proposals, status report."
    )
)
def brief(
    partnership: PartnershipArg,
    body: BodyOpt,
    meeting: MeetingOpt = None,
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    output_format: Annotated[
        str, typer.Option("--format", help=N_("text, markdown, html or docx (Word)."))
    ] = "text",
    output: DocumentOutOpt = None,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.render.brief_blocks import brief_document

    choice(output_format, BRIEF_FORMATS, "--format")
    _output_needed(output_format, output)
    data = _brief_data(partnership, body, meeting, paths, as_of, config)
    _write_document(brief_document(data), output_format, output, paths)


MINUTES_FORMATS = ("markdown", "docx", "html", "text")


@commands.command(
    help=N_(
        "A draft of the minutes (protokoll) of a body's meeting: the members in office, the "
        "agenda and the brief's proposals as draft decisions, to complete after the meeting."
    )
)
def minutes(
    partnership: PartnershipArg,
    body: BodyOpt,
    meeting: MeetingOpt = None,
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    output_format: Annotated[
        str, typer.Option("--format", help=N_("markdown, docx (Word), html or text."))
    ] = "markdown",
    output: DocumentOutOpt = None,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.render.minutes import minutes_document

    choice(output_format, MINUTES_FORMATS, "--format")
    _output_needed(output_format, output)
    data = _brief_data(partnership, body, meeting, paths, as_of, config)
    _write_document(minutes_document(data), output_format, output, paths)


def _brief_data(partnership: str, body: str, meeting: str | None, paths, as_of, config):
    """The brief of ``body``'s meeting in one partnership: what the brief and the minutes show."""
    from datetime import date

    from partnerkit.brief import build_brief
    from partnerkit.load.pipeline import record_with_id_on_record

    on_record = partial(record_with_id_on_record, record_id=partnership)
    result, settings, today = load_portfolio(paths, as_of, config, on_record)
    record = record_by_id(result, partnership)
    day = date.fromisoformat(meeting) if meeting else None
    return build_brief(record, body, day, today, settings.thresholds)


def _output_needed(output_format: str, output: Path | None) -> None:
    from partnerkit.i18n import _

    if output_format in ("html", "docx") and output is None:
        raise typer.BadParameter(
            _("write the {format} file with -o FILE").format(format=output_format),
            param_hint="--output",
        )
    if output_format == "text" and output is not None:
        raise typer.BadParameter(
            _("-o writes markdown, html or docx; choose one with --format"),
            param_hint="--output",
        )


def _write_document(document, output_format: str, output: Path | None, paths) -> None:
    """The brief or the minutes in ``output_format``: printed, or written to ``output``."""
    from partnerkit.i18n import _

    if output_format == "docx":
        from partnerkit.render.brief_docx import document_docx

        content = document_docx(document)
    elif output_format == "html":
        from partnerkit.render.brief_html import document_html

        content = document_html(document).encode("utf-8")
    else:
        from partnerkit.render.brief import document_markdown

        text = document_markdown(document)
        if output is None:
            print_markdown(text, output_format)
            return
        content = text.encode("utf-8")
    assert output is not None
    write_output(output, content, paths)
    sys.stdout.write(_("Wrote {file}.").format(file=output) + "\n")


@commands.command(
    help=N_("Write upcoming due dates and planned meetings as an iCalendar (.ics) file.")
)
def calendar(
    paths: PathsArg = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help=N_("The .ics file to write."), dir_okay=False)
    ] = Path("partnerkit.ics"),
    as_of: AsOfOpt = None,
    horizon: Annotated[
        int, typer.Option("--horizon", min=0, max=3650, help=N_("Days ahead to include."))
    ] = 365,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.calendar import build_calendar
    from partnerkit.followup import build_followup, followup_on_record
    from partnerkit.i18n import ngettext

    on_record = partial(followup_on_record, horizon=horizon)
    result, _settings, today = load_portfolio(paths, as_of, config, on_record)
    report = build_followup(result, today, horizon)
    for view in report.partnerships:
        view.items = [item for item in view.items if item.status != "overdue"]
    write_output(output, build_calendar(report), paths)
    events = sum(len(view.items) + len(view.meetings) for view in report.partnerships)
    wrote = ngettext("Wrote {n} event to {file}.", "Wrote {n} events to {file}.", events)
    sys.stdout.write(wrote.format(n=events, file=output) + "\n")


@commands.command(
    help=N_("Who to talk to, on each side, per level and focus area, across the portfolio.")
)
def contacts(
    paths: PathsArg = None,
    topic: Annotated[
        str | None, typer.Option("--topic", help=N_("Text in the focus area, unit or title."))
    ] = None,
    level: Annotated[
        str | None, typer.Option("--level", help=N_("strategisk, taktisk or operativ."))
    ] = None,
    partnership: Annotated[
        str | None, typer.Option("--partnership", help=N_("Only this partnership id."))
    ] = None,
    output_format: Annotated[str, typer.Option("--format", help=N_("text or json."))] = "text",
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.contacts import contacts_on_record, find_contacts
    from partnerkit.render.contacts import contacts_json, render_contacts

    choice(output_format, ("text", "json"), "--format")
    level = vocab_value(level, "level", "--level")
    result = load_portfolio(paths, None, config, contacts_on_record)[0]
    if partnership is not None and partnership not in {r.record_id for r in result.files}:
        from partnerkit.errors import UsageError
        from partnerkit.i18n import _

        raise UsageError(_("There is no partnership with the id {id}.").format(id=partnership))
    found = find_contacts(result, topic, level, partnership)
    if output_format == "json":
        sys.stdout.write(contacts_json(found))
    else:
        from partnerkit.render.console import make_console

        render_contacts(found, make_console())
