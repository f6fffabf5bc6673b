"""`partnerkit remind` on the terminal: who gets what, who to call, what was sent."""

from __future__ import annotations

from datetime import date

from rich.console import Console
from rich.text import Text

from partnerkit.i18n import _, ngettext
from partnerkit.record.vocab import label
from partnerkit.reminders import Reminder, Reminders, Task
from partnerkit.textsafe import one_line


def render_preview(
    found: Reminders, held_back: list[Reminder], repeat_days: int, console: Console
) -> None:
    """Every reminder: those to send (or write), those held back because the same went out
    within ``repeat_days``, and the people without an address, with all they owe."""
    heading = _("Reminders as of {date} (due soon: within {days} days)").format(
        date=found.today, days=found.horizon
    )
    console.print(Text(heading, style="bold"))
    held = {id(r) for r in held_back}
    mailed = [r for r in found.with_address if id(r) not in held]
    console.print()
    if not found.reminders:
        console.print(Text("  " + _("Nobody owes anything now."), style="green"))
    if mailed:
        count = ngettext("By e-mail, to {n} person:", "By e-mail, to {n} people:", len(mailed))
        console.print(Text(count.format(n=len(mailed)), style="bold"))
        for reminder in mailed:
            _render_reminder(reminder, found.today, console)
    if held_back:
        console.print()
        text = ngettext(
            "{n} person got the same within the last {days} days; not sent again "
            "(--force sends it):",
            "{n} people got the same within the last {days} days; not sent again "
            "(--force sends them):",
            len(held_back),
        )
        console.print(Text(text.format(n=len(held_back), days=repeat_days), style="bold"))
        for reminder in held_back:
            _render_reminder(reminder, found.today, console, items=False)
    _render_without_address(found, console)
    if found.unassigned:
        console.print()
        text = ngettext(
            "{n} thing has nobody in office responsible (see partnerkit followup):",
            "{n} things have nobody in office responsible (see partnerkit followup):",
            len(found.unassigned),
        )
        console.print(Text(text.format(n=len(found.unassigned)), style="bold"))
        for item in found.unassigned:
            line = f"  {item.due} · {one_line(item.partnership)} · {one_line(item.title)}"
            console.print(Text(line), soft_wrap=False)


def _render_without_address(found: Reminders, console: Console) -> None:
    people = found.without_address
    if not people:
        return
    console.print()
    text = ngettext(
        "No e-mail address in the records; call {n} person:",
        "No e-mail address in the records; call {n} people:",
        len(people),
    )
    console.print(Text(text.format(n=len(people)), style="bold yellow"))
    for reminder in people:
        _render_reminder(reminder, found.today, console)


def _render_reminder(reminder: Reminder, today: date, console: Console, items: bool = True) -> None:
    person = reminder.recipient
    who = one_line(person.name)
    if person.email:
        who += f" <{person.email}> ({label('language', person.language)})"
    else:
        who += f" ({one_line(person.party)}, {one_line(person.partnership)}: {person.person_id})"
    count = ngettext(
        "{n} thing, the first due {date}", "{n} things, the first due {date}", len(reminder.tasks)
    )
    console.print(
        Text.assemble(
            "  ", (who, "bold"), " · ", count.format(n=len(reminder.tasks), date=reminder.first_due)
        )
    )
    if items:
        for task in reminder.shown or reminder.tasks:
            console.print(Text("    " + _task_line(task, today)))


def _task_line(task: Task, today: date) -> str:
    state = _("overdue") if task.overdue else _("due")
    return f"{state} {task.due} · {one_line(task.partnership)} · {one_line(task.title)}"


def render_nothing_asked(console: Console) -> None:
    console.print()
    console.print(
        Text(
            _(
                "Nothing was sent or written: --out DIR writes drafts, --mbox FILE a mailbox "
                "file, --send sends them."
            ),
            style="dim",
        )
    )


def render_written(count: int, where: str, console: Console) -> None:
    text = ngettext("Wrote {n} message to {path}.", "Wrote {n} messages to {path}.", count)
    console.print(Text(text.format(n=count, path=where)))


def render_outcome(
    accepted: list[Reminder], refused: list[tuple[Reminder, str]], console: Console
) -> None:
    text = ngettext("Sent {n} reminder.", "Sent {n} reminders.", len(accepted))
    console.print(Text(text.format(n=len(accepted)), style="green" if accepted else ""))
    for reminder, reason in refused:
        line = _("Refused by the mail server: {address} ({reason}); not remembered as sent.")
        console.print(
            Text(
                line.format(address=reminder.recipient.email, reason=one_line(reason)), style="red"
            )
        )
