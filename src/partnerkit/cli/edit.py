"""The edit commands: ``new``, ``log``, ``meeting``, ``decide``, ``close``, ``activity``,
``measure``, ``use``, ``comment``, ``phase``, ``assess`` and ``forget``.

Each command parses its options, hands one edit to :func:`partnerkit.edit.session.edit_record`
(read once, splice, verify, validate, replace atomically) and prints one line of what changed.
Exit codes: 0 done; 1 the edited record would not be valid (nothing written, findings shown);
2 the command cannot run (unknown id, file changed on disk, bad option).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from partnerkit.cli.common import (
    ConfigOpt,
    LangOpt,
    as_of_date,
    choice,
    load_settings,
    vocab_value,
)
from partnerkit.i18n import N_, _

RecordArg = Annotated[
    str, typer.Argument(help=N_("The partnership id, or the path of its record file."))
]
FolderOpt = Annotated[
    Path | None,
    typer.Option("--folder", help=N_("The records folder (default: the nearest partnerships/).")),
]
DryRunOpt = Annotated[
    bool, typer.Option("--dry-run", help=N_("Show the change as a diff; write nothing."))
]
commands = typer.Typer()

DateOpt = Annotated[
    str, typer.Option("--date", callback=as_of_date, help=N_("The date (YYYY-MM-DD)."))
]


def _optional_date(name: str, help_text: str) -> Any:
    return typer.Option(name, callback=as_of_date, help=help_text)


def _day(value: str | None):
    from datetime import date

    return date.fromisoformat(value) if value else None


def _literal(value: str, model: str, field: str, option: str, vocabulary: str = "") -> str:
    """A value of the model's ``Literal`` field; by label too when the field's values are a
    vocabulary's."""
    import typing

    from partnerkit.record import models

    annotation = getattr(models, model).model_fields[field].annotation
    allowed = next(
        (
            typing.get_args(a)
            for a in (annotation, *typing.get_args(annotation))
            if typing.get_origin(a) is typing.Literal
        ),
        (),
    )
    if vocabulary:
        return vocab_value(value, vocabulary, option, tuple(str(a) for a in allowed)) or value
    return choice(value, tuple(str(a) for a in allowed), option)


def _pairs(values: list[str] | None, option: str) -> list[tuple[str, str]]:
    """``SIDE=VALUE`` options as pairs."""
    pairs = []
    for value in values or []:
        side, sep, rest = value.partition("=")
        if not sep or not side.strip() or not rest.strip():
            raise typer.BadParameter(_("write SIDE=VALUE, e.g. eu=p-anna"), param_hint=option)
        pairs.append((side.strip(), rest.strip()))
    return pairs


def _text(value: str, option: str) -> str:
    """Free text that says something: not empty, not only spaces."""
    if not value.strip():
        raise typer.BadParameter(_("write some text"), param_hint=option)
    return value.strip()


def _number(value: str, option: str) -> int | float:
    """A number typed the reader's way (1 800 000, 0,4); one that reads two ways is refused."""
    import math

    from partnerkit.formatting import parse_number

    try:
        number = parse_number(value)
    except ValueError:
        raise typer.BadParameter(
            _("write a number, e.g. 12 or 3,5 (1800 rather than 1,800 or 1.800)"),
            param_hint=option,
        ) from None
    if not math.isfinite(number):
        raise typer.BadParameter(_("write a finite number"), param_hint=option)
    return int(number) if number.is_integer() else number


def _out(line: str) -> None:
    from partnerkit.textsafe import inert

    sys.stdout.write(inert(line) + "\n")


def _run(record: str, folder, config, dry_run: bool, edit) -> None:
    """Find the record, apply ``edit``, report. Exit 1 when the result would be invalid."""
    from partnerkit.edit.record_files import find_record
    from partnerkit.edit.session import edit_record

    cwd = Path.cwd()
    settings = load_settings(config, cwd)
    path = find_record(record, folder, cwd, settings.limits.max_file_bytes)
    outcome = _guarded(lambda: edit_record(path, edit, settings, cwd, dry_run))
    if outcome.findings:
        _print_findings(outcome.file, outcome.findings, outcome.already_invalid)
        raise typer.Exit(1)
    if dry_run:
        sys.stdout.write(_inert_block(outcome.diff))
    where = f"{outcome.file}:{outcome.line}" if outcome.line else outcome.file
    _out(f"{where}: {outcome.change.message}" + _dry_note(dry_run))


def _dry_note(dry_run: bool) -> str:
    return " " + _("(dry run: nothing was written)") if dry_run else ""


def _inert_block(text: str) -> str:
    from partnerkit.textsafe import inert

    return "".join(inert(line.rstrip("\n")) + "\n" for line in text.splitlines(True))


def _guarded(action):
    """Run ``action``; a splice that does not read back as intended is a bug, reported as
    such with the reassurance that nothing was written."""
    from partnerkit.cli.common import fail
    from partnerkit.edit.splice import EditBug

    try:
        return action()
    except EditBug:
        fail(
            _(
                "partnerkit could not make this change safely, so the record was not changed. "
                "This is a bug in partnerkit; please report it with the command you ran."
            )
        )


def _print_findings(file: str, findings, already_invalid: bool) -> None:
    from partnerkit.textsafe import inert, one_line

    if already_invalid:
        head = _(
            "{file} has errors already; fix them first (partnerkit check). Nothing was written."
        ).format(file=file)
    else:
        head = _(
            "The change would make {file} invalid, so nothing was written. Problems in "
            "the edited text:"
        ).format(file=file)
    lines = [inert(head)]
    for f in findings:
        lines.append(f"  {inert(f.file)}:{f.line}:{f.col}: {f.code} {one_line(f.message)}")
    sys.stderr.write("\n".join(lines) + "\n")


# --- commands -----------------------------------------------------------------------------


def _interactive() -> bool:
    return sys.stdin.isatty()


@commands.command(
    help=N_(
        "Create a record from a template derived from the models. Asks for the essentials on "
        "a terminal; otherwise give them as options."
    )
)
def new(
    record_id: Annotated[
        str, typer.Argument(metavar="ID", help=N_("The new partnership's id, e.g. eu-nordverk."))
    ],
    title: Annotated[str | None, typer.Option("--title", help=N_("Title in Swedish."))] = None,
    title_en: Annotated[
        str | None, typer.Option("--title-en", help=N_("Title in English."))
    ] = None,
    university: Annotated[
        str | None,
        typer.Option(
            "--university", help=N_("Your university (default: university in partnerkit.toml).")
        ),
    ] = None,
    university_id: Annotated[
        str | None, typer.Option("--university-id", help=N_("Its party id."))
    ] = None,
    university_sector: Annotated[
        str, typer.Option("--university-sector", help=N_("Its sector."))
    ] = "offentlig_sektor",
    partner: Annotated[
        str | None, typer.Option("--partner", help=N_("The partner's name."))
    ] = None,
    partner_id: Annotated[
        str | None, typer.Option("--partner-id", help=N_("Its party id."))
    ] = None,
    sector: Annotated[
        str | None,
        typer.Option(
            "--sector",
            help=N_(
                "The partner's sector: naringsliv, offentlig_sektor, ideburen_sektor or akademi."
            ),
        ),
    ] = None,
    phase_: Annotated[
        str | None, typer.Option("--phase", help=N_("The lifecycle phase, e.g. initiering."))
    ] = None,
    since: Annotated[
        str | None, _optional_date("--since", N_("Start of the phase (default: today)."))
    ] = None,
    coordinator: Annotated[
        str | None, typer.Option("--coordinator", help=N_("The coordinator's name."))
    ] = None,
    coordinator_id: Annotated[
        str, typer.Option("--coordinator-id", help=N_("The coordinator's person id."))
    ] = "p-samordnare",
    coordinator_title: Annotated[
        str | None, typer.Option("--coordinator-title", help=N_("The coordinator's title."))
    ] = None,
    coordinator_email: Annotated[
        str | None,
        typer.Option("--coordinator-email", help=N_("The coordinator's work e-mail address.")),
    ] = None,
    folder: FolderOpt = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help=N_("Print the record; write nothing."))
    ] = False,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.cli.common import today_from
    from partnerkit.edit.new import NewRecord, check_record_id, create_new_record, party_id
    from partnerkit.files.discovery import display_path

    check_record_id(record_id)
    cwd = Path.cwd()
    settings = load_settings(config, cwd)
    values = {
        "--title": title,
        "--university": university or settings.university,
        "--partner": partner,
        "--sector": sector,
        "--phase": phase_,
        "--coordinator": coordinator,
    }
    values = _ask_for_missing(values)
    partner_sector = vocab_value(values["--sector"], "sector", "--sector")
    phase_slug = vocab_value(values["--phase"], "phase", "--phase")
    university_sector = vocab_value(university_sector, "sector", "--university-sector") or ""
    record = NewRecord(
        record_id=record_id,
        title=values["--title"],
        title_en=title_en,
        university=values["--university"],
        university_id=university_id or party_id(values["--university"]),
        university_sector=university_sector,
        partner=values["--partner"],
        partner_id=partner_id or party_id(values["--partner"]),
        partner_sector=partner_sector or "",
        phase=phase_slug or "",
        since=_day(since) or today_from(None),
        coordinator=values["--coordinator"],
        coordinator_id=coordinator_id,
        coordinator_title=coordinator_title,
        coordinator_email=coordinator_email,
    )
    created = create_new_record(record, folder, settings, cwd, dry_run)
    shown = display_path(created.target, cwd)
    if created.findings:
        _print_findings(shown, created.findings, already_invalid=False)
        raise typer.Exit(1)
    if dry_run:
        sys.stdout.write(_inert_block(created.text))
        return
    if created.folder_created:
        _out(_("Created the folder {folder}.").format(folder=created.target.parent))
    if created.schema_created is not None:
        _out(
            _("Created {file}, which your editor uses to explain the record's fields.").format(
                file=display_path(created.schema_created, cwd)
            )
        )
    _out(_("Created {file}; check it with: partnerkit check {file}").format(file=shown))


_PROMPTS = {
    "--title": (N_("Title (in Swedish)"), None),
    "--university": (N_("Your university"), None),
    "--partner": (N_("The partner's name"), None),
    "--sector": (N_("The partner's sector"), "sector"),
    "--phase": (N_("Lifecycle phase"), "phase"),
    "--coordinator": (N_("The coordinator's name"), None),
}


def _ask_for_missing(values: dict[str, str | None]) -> dict[str, str]:
    from partnerkit.errors import UsageError

    missing = [option for option, value in values.items() if not value]
    if missing and not _interactive():
        raise UsageError(
            _(
                "Missing {options}: give them as options, or run partnerkit new in a "
                "terminal to be asked."
            ).format(options=", ".join(missing))
        )
    from partnerkit.record.vocab import UnknownTerm, label, parse_term, slugs

    for option in missing:
        question, vocabulary = _PROMPTS[option]
        allowed = [label(vocabulary, slug) for slug in slugs(vocabulary)] if vocabulary else []
        question = _(question) + (f" ({', '.join(allowed)})" if allowed else "")
        while True:
            answer = str(typer.prompt(question)).strip()
            if answer and not vocabulary:
                break
            try:
                answer = parse_term(vocabulary, answer) if vocabulary else answer
                break
            except UnknownTerm as exc:
                sys.stderr.write(str(exc) + "\n")
        values[option] = answer
    return values  # type: ignore[return-value]


@commands.command(help=N_("Append an entry to the follow-up log (followup_log) of a record."))
def log(
    record: RecordArg,
    text: Annotated[str, typer.Argument(help=N_("What happened, in your own words."))],
    date: DateOpt,
    log_type: Annotated[
        str,
        typer.Option(
            "--type",
            help=N_(
                "meeting, note, contact, issue, risk, change, communication or resource_allocation."
            ),
        ),
    ] = "note",
    author: Annotated[
        str | None, typer.Option("--author", help=N_("The person id of who wrote it."))
    ] = None,
    refs: Annotated[
        list[str] | None,
        typer.Option("--ref", help=N_("An id this entry is about (decision, body …); repeatable.")),
    ] = None,
    folder: FolderOpt = None,
    dry_run: DryRunOpt = False,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.edit.operations import add_log_entry

    kind = vocab_value(log_type, "log_type", "--type")
    day = _day(date)
    text = _text(text, "TEXT")
    _run(
        record,
        folder,
        config,
        dry_run,
        lambda doc: add_log_entry(doc, day, text, kind, author, list(refs or [])),
    )


@commands.command(
    help=N_(
        "Add a meeting to a governance body, with the decisions it took (added to decisions "
        "with new ids d-YYYY-NN). A meeting planned for that date is recorded as held "
        "instead."
    )
)
def meeting(
    record: RecordArg,
    body: Annotated[str, typer.Argument(help=N_("The governance body id, e.g. styrgrupp."))],
    date: DateOpt,
    status: Annotated[
        str, typer.Option("--status", help=N_("held, planned or cancelled."))
    ] = "held",
    kind: Annotated[
        str,
        typer.Option(
            "--kind", help=N_("An ordinary meeting, an extra meeting or a partnership day.")
        ),
    ] = "ordinary",
    attendees: Annotated[
        list[str] | None, typer.Option("--attendee", help=N_("A person id; repeatable."))
    ] = None,
    time: Annotated[
        str | None,
        typer.Option("--time", help=N_("The time, as the notice gives it: 13.00–15.00.")),
    ] = None,
    place: Annotated[
        str | None,
        typer.Option("--place", help=N_("Where: a room, an address or a video link.")),
    ] = None,
    brief: Annotated[str | None, typer.Option("--brief", help=N_("The brief (underlag)."))] = None,
    brief_sent: Annotated[
        str | None, _optional_date("--brief-sent", N_("When the brief was sent."))
    ] = None,
    minutes: Annotated[str | None, typer.Option("--minutes", help=N_("The minutes."))] = None,
    minutes_date: Annotated[
        str | None, _optional_date("--minutes-date", N_("When the minutes were approved."))
    ] = None,
    decisions: Annotated[
        list[str] | None,
        typer.Option("--decision", help=N_("A decision taken at the meeting; repeatable.")),
    ] = None,
    owner: Annotated[
        str | None, typer.Option("--owner", help=N_("Person id owning the new decisions."))
    ] = None,
    due: Annotated[
        str | None, _optional_date("--due", N_("When the new decisions are due."))
    ] = None,
    folder: FolderOpt = None,
    dry_run: DryRunOpt = False,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.edit.operations import MeetingDetails, add_meeting

    details = MeetingDetails(
        status=_literal(status, "Meeting", "status", "--status", "status"),
        kind=_literal(kind, "Meeting", "kind", "--kind", "meeting_kind"),
        attendees=list(attendees or []),
        time=_text(time, "--time") if time is not None else None,
        place=_text(place, "--place") if place is not None else None,
        brief_ref=brief,
        brief_sent=_day(brief_sent),
        minutes_ref=minutes,
        minutes_date=_day(minutes_date),
        decisions=list(decisions or []),
        decision_owner=owner,
        decision_due=_day(due),
    )
    day = _day(date)
    _run(record, folder, config, dry_run, lambda doc: add_meeting(doc, body, day, details))


@commands.command(help=N_("Add a decision (open until closed with partnerkit close)."))
def decide(
    record: RecordArg,
    text: Annotated[str, typer.Argument(help=N_("The decision, as it was taken."))],
    date: DateOpt,
    body: Annotated[
        str | None, typer.Option("--body", help=N_("The body that took it (its id)."))
    ] = None,
    owner: Annotated[
        str | None, typer.Option("--owner", help=N_("Person id responsible for it."))
    ] = None,
    due: Annotated[str | None, _optional_date("--due", N_("When it is due."))] = None,
    decision_id: Annotated[
        str | None, typer.Option("--id", help=N_("Its id (default: the next d-YYYY-NN)."))
    ] = None,
    refs: Annotated[
        list[str] | None,
        typer.Option("--ref", help=N_("An id it is about (a resource, a goal …); repeatable.")),
    ] = None,
    to_body: Annotated[
        str | None,
        typer.Option("--to-body", help=N_("The body that takes it up next (its id).")),
    ] = None,
    to_meeting: Annotated[
        str | None, _optional_date("--to-meeting", N_("The day of that body's meeting."))
    ] = None,
    to_proposal: Annotated[
        str | None,
        typer.Option(
            "--to-proposal", help=N_("What that meeting is asked to decide: 'fastställa …'.")
        ),
    ] = None,
    to_about: Annotated[
        str | None,
        typer.Option(
            "--to-about",
            help=N_(
                "What the follow-up calls the matter: action_plan, renewal, expiry, "
                "sponsor_vacancy or closing."
            ),
        ),
    ] = None,
    folder: FolderOpt = None,
    dry_run: DryRunOpt = False,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.edit.operations import add_decision

    day, due_day = _day(date), _day(due)
    text = _text(text, "TEXT")
    if (to_body is None) != (to_meeting is None):
        raise typer.BadParameter(
            _("give both --to-body and --to-meeting, or neither"), param_hint="--to-body"
        )
    if (to_proposal is not None or to_about is not None) and to_body is None:
        raise typer.BadParameter(
            _("give --to-body and --to-meeting with --to-proposal and --to-about"),
            param_hint="--to-proposal",
        )
    proposal = _text(to_proposal, "--to-proposal") if to_proposal is not None else None
    about = _literal(to_about, "GoesTo", "about", "--to-about") if to_about else None
    goes_to = (to_body, _day(to_meeting), proposal, about) if to_body and to_meeting else None
    _run(
        record,
        folder,
        config,
        dry_run,
        lambda doc: add_decision(
            doc, text, day, body, owner, due_day, decision_id, list(refs or []), goes_to
        ),
    )


@commands.command(
    help=N_("Close an open decision: set its status (done or cancelled) and the date it closed.")
)
def close(
    record: RecordArg,
    decision: Annotated[str, typer.Argument(help=N_("The decision id, e.g. d-2026-03."))],
    date: DateOpt,
    status: Annotated[str, typer.Option("--status", help=N_("done or cancelled."))] = "done",
    folder: FolderOpt = None,
    dry_run: DryRunOpt = False,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.edit.operations import close_decision

    status = vocab_value(status, "status", "--status", ("done", "cancelled")) or status
    day = _day(date)
    _run(
        record,
        folder,
        config,
        dry_run,
        lambda doc: close_decision(doc, decision, day, status),
    )


@commands.command(
    help=N_("Add an activity: a thesis project, a joint research project, a course, an event …")
)
def activity(
    record: RecordArg,
    title: Annotated[str, typer.Argument(help=N_("The activity's title."))],
    form: Annotated[
        str, typer.Option("--form", help=N_("The form, e.g. examensarbete, forskningsprojekt."))
    ],
    activity_id: Annotated[
        str | None, typer.Option("--id", help=N_("Its id (default: a- and the title)."))
    ] = None,
    status: Annotated[
        str, typer.Option("--status", help=N_("planned, ongoing, completed or cancelled."))
    ] = "planned",
    start: Annotated[str | None, _optional_date("--start", N_("When it starts."))] = None,
    end: Annotated[str | None, _optional_date("--end", N_("When it ends."))] = None,
    goals: Annotated[
        list[str] | None, typer.Option("--goal", help=N_("A goal id; repeatable."))
    ] = None,
    focus_area: Annotated[
        str | None, typer.Option("--focus-area", help=N_("The focus area id."))
    ] = None,
    domains: Annotated[
        list[str] | None, typer.Option("--domain", help=N_("A knowledge domain; repeatable."))
    ] = None,
    contacts: Annotated[
        list[str] | None,
        typer.Option("--contact", help=N_("SIDE=PERSON, the contact on one side; repeatable.")),
    ] = None,
    units: Annotated[
        list[str] | None, typer.Option("--unit", help=N_("SIDE=UNIT taking part; repeatable."))
    ] = None,
    volume: Annotated[
        int | None, typer.Option("--volume", min=0, help=N_("How many (students, projects …)."))
    ] = None,
    outputs: Annotated[
        list[str] | None, typer.Option("--output", help=N_("A result; repeatable."))
    ] = None,
    folder: FolderOpt = None,
    dry_run: DryRunOpt = False,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.edit.operations import ActivityDetails, add_activity

    details = ActivityDetails(
        title=_text(title, "TITLE"),
        form=vocab_value(form, "form", "--form"),
        activity_id=activity_id,
        status=_literal(status, "Activity", "status", "--status", "status"),
        goal_ids=list(goals or []),
        focus_area_id=focus_area,
        domains=[vocab_value(d, "domain", "--domain") for d in domains or []],
        units=[{"side": s, "unit": u} for s, u in _pairs(units, "--unit")],
        contacts=dict(_pairs(contacts, "--contact")),
        start=_day(start),
        end=_day(end),
        volume=volume,
        outputs=list(outputs or []),
    )
    _run(record, folder, config, dry_run, lambda doc: add_activity(doc, details))


@commands.command(help=N_("Record a measurement of an indicator."))
def measure(
    record: RecordArg,
    indicator: Annotated[str, typer.Argument(help=N_("The indicator id."))],
    value: Annotated[str, typer.Argument(help=N_("The measured value, e.g. 12 or 3,5."))],
    date: DateOpt,
    note: Annotated[str | None, typer.Option("--note", help=N_("A note on the value."))] = None,
    folder: FolderOpt = None,
    dry_run: DryRunOpt = False,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.edit.operations import add_measurement

    number = _number(value, "VALUE")
    day = _day(date)
    _run(
        record,
        folder,
        config,
        dry_run,
        lambda doc: add_measurement(doc, indicator, day, number, note),
    )


@commands.command(
    help=N_("Record what was used of an earmarked resource in a year (updates that year's figure).")
)
def use(
    record: RecordArg,
    resource: Annotated[str, typer.Argument(help=N_("The resource id."))],
    amount: Annotated[str, typer.Argument(help=N_("What was used, in the resource's unit."))],
    year: Annotated[
        int, typer.Option("--period", min=1900, max=2199, help=N_("The calendar year, e.g. 2026."))
    ],
    note: Annotated[str | None, typer.Option("--note", help=N_("A note on the figure."))] = None,
    folder: FolderOpt = None,
    dry_run: DryRunOpt = False,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.edit.operations import record_use

    number = _number(amount, "AMOUNT")
    if number < 0:
        raise typer.BadParameter(_("write a number of 0 or more"), param_hint="AMOUNT")
    _run(
        record,
        folder,
        config,
        dry_run,
        lambda doc: record_use(doc, resource, year, number, note),
    )


@commands.command(
    help=N_("Set a goal's status comment (shown in the brief and the annual report).")
)
def comment(
    record: RecordArg,
    goal: Annotated[str, typer.Argument(help=N_("The goal id."))],
    text: Annotated[str, typer.Argument(help=N_("A line or two on where the goal stands."))],
    folder: FolderOpt = None,
    dry_run: DryRunOpt = False,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.edit.operations import set_goal_comment

    text = _text(text, "TEXT")
    _run(record, folder, config, dry_run, lambda doc: set_goal_comment(doc, goal, text))


@commands.command(
    help=N_(
        "Move the partnership to a new lifecycle phase; the change is added to its history. "
        "Closing (avslutad) is refused while a closure report is missing, decisions or action"
        " items are open, or activities run on without an end or owner, unless --force "
        "--reason."
    )
)
def phase(
    record: RecordArg,
    new_phase: Annotated[
        str,
        typer.Argument(
            metavar="PHASE",
            help=N_("initiering, uppstart, drift, utvardering, nystart, avveckling or avslutad."),
        ),
    ],
    date: DateOpt,
    decision: Annotated[
        str | None, typer.Option("--decision", help=N_("The decision behind the change (its id)."))
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help=N_("Close the partnership although the closing checks object.")
        ),
    ] = False,
    reason: Annotated[
        str | None, typer.Option("--reason", help=N_("Why (with --force); kept in the history."))
    ] = None,
    folder: FolderOpt = None,
    dry_run: DryRunOpt = False,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.edit.operations import change_phase

    chosen = vocab_value(new_phase, "phase", "PHASE")
    day = _day(date)
    if force != bool(reason and reason.strip()):
        raise typer.BadParameter(_("give --force and --reason together"), param_hint="--force")
    if force and chosen != "avslutad":
        raise typer.BadParameter(_("only closing (avslutad) can be forced"), param_hint="--force")
    exception = reason.strip() if force and reason else None
    _run(
        record,
        folder,
        config,
        dry_run,
        lambda doc: change_phase(doc, chosen, day, decision, exception),
    )


@commands.command(help=N_("Record an assessment (self-evaluation, health check) with its scores."))
def assess(
    record: RecordArg,
    date: DateOpt,
    instrument: Annotated[
        str, typer.Option("--instrument", help=N_("e.g. alliance_health_check, rag_checklist."))
    ],
    scale: Annotated[str, typer.Option("--scale", help=N_("rag, likert5 or lmh."))] = "likert5",
    scores: Annotated[
        list[str] | None,
        typer.Option(
            "--score",
            help=N_("SIDE:DIMENSION=VALUE, e.g. 'eu:Strategiskt värde=4,2'; repeatable."),
        ),
    ] = None,
    respondents: Annotated[
        list[str] | None,
        typer.Option("--respondents", help=N_("SIDE=N or SIDE:ROLE=N; repeatable.")),
    ] = None,
    summary: Annotated[str | None, typer.Option("--summary", help=N_("What it showed."))] = None,
    decisions: Annotated[
        list[str] | None,
        typer.Option("--decision", help=N_("A decision taken on it (its id); repeatable.")),
    ] = None,
    folder: FolderOpt = None,
    dry_run: DryRunOpt = False,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.edit.operations import AssessmentDetails, add_assessment

    details = AssessmentDetails(
        instrument=_literal(instrument, "Assessment", "instrument", "--instrument", "instrument"),
        scale=_literal(scale, "Assessment", "scale", "--scale"),
        respondents=[_respondents(r) for r in respondents or []],
        scores=[_score(s) for s in scores or []],
        summary=summary,
        action_decision_ids=list(decisions or []),
    )
    day = _day(date)
    _run(record, folder, config, dry_run, lambda doc: add_assessment(doc, day, details))


_SCORE_WORDS = ("red", "amber", "green", "low", "medium", "high")


def _score(text: str) -> dict:
    left, sep, value = text.rpartition("=")
    side, colon, dimension = left.partition(":")
    if not sep or not colon or not side.strip() or not dimension.strip() or not value.strip():
        raise typer.BadParameter(
            _("write SIDE:DIMENSION=VALUE, e.g. 'eu:Strategiskt värde=4,2'"), param_hint="--score"
        )
    word = value.strip().lower()
    score = word if word in _SCORE_WORDS else _number(value, "--score")
    return {"dimension": dimension.strip(), "side": side.strip(), "value": score}


def _respondents(text: str) -> dict:
    left, sep, count = text.rpartition("=")
    side, _colon, role = left.partition(":")
    if not sep or not side.strip() or not count.strip().isdigit() or int(count) < 1:
        raise typer.BadParameter(_("write SIDE=N or SIDE:ROLE=N"), param_hint="--respondents")
    entry: dict = {"side": side.strip()}
    if role.strip():
        entry["role"] = role.strip()
    entry["n"] = int(count)
    return entry


# --- new ----------------------------------------------------------------------------------


# --- forget -------------------------------------------------------------------------------


@commands.command(
    help=N_(
        "Remove a person from every record in one step, for someone who has left or asked to "
        "be erased.\n\n"
        "The entry in people is removed. Where the model allows only a person id, the "
        "reference goes: the id is removed from attendee lists and side -> person mappings "
        "(owners, responsible, contacts, contact pairs); optional fields (author, owner, "
        "holder_person_id, contact_person_id) are removed; entries that need a person "
        "(leadership, body members, signatories, coordinator, counterparts, internal network,"
        " dual roles) are removed. Where text is allowed, the person is replaced by their "
        "role: the id in text fields (followup_log refs, mandate delegated_by), and their "
        "full name in free text and in comments. Every changed record is validated before "
        "anything is written; each file is replaced atomically."
    )
)
def forget(
    person_id: Annotated[
        str, typer.Argument(metavar="PERSON_ID", help=N_("The person's id, e.g. p-anna."))
    ],
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            help=N_(
                "Only the person with this name (when the id is used "
                "for different people in different records)."
            ),
        ),
    ] = None,
    role: Annotated[
        str | None,
        typer.Option(
            "--role",
            help=N_(
                "Text that replaces the person (default: their title "
                "and party, e.g. 'Rektor (Exempeluniversitetet)')."
            ),
        ),
    ] = None,
    records: Annotated[
        list[str] | None,
        typer.Option("--record", help=N_("Only this record (id or path); repeatable.")),
    ] = None,
    folder: FolderOpt = None,
    dry_run: DryRunOpt = False,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.edit.session import plan_forget, write_forget

    cwd = Path.cwd()
    settings = load_settings(config, cwd)
    plans = _guarded(
        lambda: plan_forget(person_id, name, role, records or [], folder, settings, cwd)
    )
    invalid = [p for p in plans if p.findings]
    if invalid:
        for plan in invalid:
            _print_findings(plan.file, plan.findings, plan.already_invalid)
        raise typer.Exit(1)
    if not dry_run:
        write_forget(plans)
    for plan in plans:
        if dry_run:
            sys.stdout.write(_inert_block(plan.diff))
        _out(
            _("{file}: forgot {name} ({id})").format(
                file=plan.file, name=plan.result.person_name, id=person_id
            )
            + _dry_note(dry_run)
        )
        for line in plan.result.lines:
            _out(f"  {line}")
