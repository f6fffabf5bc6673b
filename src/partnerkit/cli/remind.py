"""``partnerkit remind``: each responsible person gets what they owe, by e-mail."""

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
    load_portfolio,
    report_unreadable,
    write_output,
)
from partnerkit.i18n import N_

commands = typer.Typer()


@commands.command(
    help=N_(
        "Remind each responsible person of what they owe in the follow-up, one e-mail each, in "
        "their language. Shows who gets what; writes or sends only with --out, --mbox or --send. "
        "Exit 1 when a record cannot be read or the server refused a recipient."
    )
)
def remind(
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    horizon: Annotated[
        int,
        typer.Option(
            "--horizon",
            min=0,
            max=3650,
            help=N_("Days ahead that count as due soon (followup --horizon N lists the same)."),
        ),
    ] = 30,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help=N_("Write one .eml draft per person into this folder."), file_okay=False
        ),
    ] = None,
    mbox: Annotated[
        Path | None,
        typer.Option(
            "--mbox", help=N_("Write every message into this mailbox file."), dir_okay=False
        ),
    ] = None,
    send: Annotated[
        bool, typer.Option("--send", help=N_("Send them through the SMTP server of [mail]."))
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", help=N_("Send without asking (for scheduled runs)."))
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help=N_("Send even what the same person got within repeat_days.")),
    ] = False,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from datetime import UTC, datetime

    from partnerkit.mail.compose import compose, sender_of
    from partnerkit.mail.sent import sent_memory
    from partnerkit.reminders import build_reminders, reminders_on_record
    from partnerkit.render.console import make_console
    from partnerkit.render.remind import render_nothing_asked, render_preview

    on_record = partial(reminders_on_record, horizon=horizon)
    result, settings, today = load_portfolio(paths, as_of, config, on_record)
    sender = sender_of(settings) if out or mbox or send else None
    password = _ready_to_send(settings, yes) if send else None
    memory = sent_memory() if send else None
    found = build_reminders(result, today, horizon)
    report_unreadable(result)
    repeat_days = settings.mail.repeat_days
    held_back = memory.held_back_of(found.with_address, today, repeat_days) if memory else []
    held_back = [] if force else held_back
    console = make_console()
    render_preview(found, held_back, repeat_days, console)
    now = datetime.now(UTC)  # the messages' Date header only; every due date uses today
    messages = [(r, compose(r, sender, today, now)) for r in found.with_address] if sender else []
    if out is not None:
        _write_drafts(out, messages, paths, console)
    if mbox is not None:
        _write_mbox(mbox, messages, sender.address, now, paths, console)
    refused = False
    if memory is not None:
        outgoing = [(r, m) for r, m in messages if r not in held_back]
        refused = _send(outgoing, settings.mail, password, memory, today, yes, console)
    if not (out or mbox or send):
        render_nothing_asked(console)
    raise typer.Exit(1 if found.unreadable or refused else 0)


def _write_drafts(folder: Path, messages, inputs, console) -> None:
    from partnerkit.files.writer import make_folder
    from partnerkit.mail.files import draft_bytes, draft_name
    from partnerkit.render.remind import render_written

    make_folder(folder)
    for reminder, message in messages:
        write_output(folder / draft_name(reminder.recipient.email), draft_bytes(message), inputs)
    render_written(len(messages), str(folder), console)


def _write_mbox(path: Path, messages, sender: str, now, inputs, console) -> None:
    from partnerkit.mail.files import mbox_bytes
    from partnerkit.render.remind import render_written

    write_output(path, mbox_bytes([m for _r, m in messages], sender, now), inputs)
    render_written(len(messages), str(path), console)


def _ready_to_send(settings, yes: bool) -> str | None:
    """What --send needs, checked before anything is shown, written or sent: the server and
    the password (returned), and a terminal to ask on, or --yes."""
    import os

    from partnerkit.errors import UsageError
    from partnerkit.i18n import _
    from partnerkit.mail.smtp import smtp_password

    password = smtp_password(settings, os.environ)
    if not yes and not sys.stdin.isatty():
        raise UsageError(
            _(
                "--send asks before sending, and there is no terminal to ask on; add --yes "
                "to send without asking (in a scheduled run)."
            )
        )
    return password


def _send(outgoing, mail, password, memory, today, yes: bool, console) -> bool:
    """Send after confirmation; True when the server refused a recipient."""
    from partnerkit.i18n import _, ngettext
    from partnerkit.mail.smtp import send_all, server_label
    from partnerkit.render.remind import render_outcome

    if not outgoing:
        console.print(_("Nothing to send."))
        return False
    if not yes:
        question = ngettext(
            "Send {n} reminder through {server} as {sender}?",
            "Send {n} reminders through {server} as {sender}?",
            len(outgoing),
        ).format(n=len(outgoing), server=server_label(mail), sender=mail.sender_address)
        if not typer.confirm(question, default=False):
            console.print(_("Nothing was sent."))
            raise typer.Exit(1)
    outcome = send_all(outgoing, mail, password, lambda r: memory.remember(r, today))
    render_outcome(outcome.accepted, outcome.refused, console)
    return bool(outcome.refused)
