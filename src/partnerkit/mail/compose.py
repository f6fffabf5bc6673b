"""A reminder as an e-mail message: RFC 5322, UTF-8, in the recipient's language.

Record text reaches one header only, the display name of ``To``, through
:func:`partnerkit.textsafe.header_text` (no control or line-breaking character survives) and
the ``email`` package's own quoting and encoding (policy ``SMTP``): a record cannot add a
header or change one. In the body, record text is made inert (``textsafe.one_line``). The
addresses are the record's ``people[].email`` and ``[mail] sender_address``, both checked
as plain addresses (:mod:`partnerkit.addresses`); no other address is ever added.
"""

from __future__ import annotations

from datetime import date, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid

from partnerkit.config import Config
from partnerkit.errors import UsageError
from partnerkit.formatting import Formatter
from partnerkit.i18n import _, in_language, ngettext
from partnerkit.reminders import Reminder, Task
from partnerkit.textsafe import header_text, one_line
from partnerkit.values import valuetype

POLICY = SMTP  # CRLF line ends, headers folded and RFC 2047-encoded: any server, any client


@valuetype
class Sender:
    """Who signs and sends the reminders: ``[mail] sender_name`` and ``sender_address``, and
    the university (``university`` in ``partnerkit.toml``) for the signature."""

    name: str
    address: str
    organisation: str | None = None


def sender_of(config: Config) -> Sender:
    """The sender from the configuration; a clear error when it does not name one."""
    mail = config.mail
    if not mail.sender_name or not mail.sender_address:
        where = config.source or "partnerkit.toml"
        raise UsageError(
            _(
                "Reminders are signed by the coordinator: set sender_name and sender_address "
                "under [mail] in {path}."
            ).format(path=where)
        )
    return Sender(mail.sender_name, mail.sender_address, config.university)


def compose(reminder: Reminder, sender: Sender, today: date, now: datetime) -> EmailMessage:
    """The message to ``reminder``'s recipient, dated ``now``, about what is due as of
    ``today``."""
    recipient = reminder.recipient
    with in_language(recipient.language):
        subject = subject_of(reminder)
        body = body_of(reminder, sender, today)
    message = EmailMessage(policy=POLICY)
    message["From"] = Address(display_name=header_text(sender.name), addr_spec=sender.address)
    message["To"] = Address(display_name=header_text(recipient.name), addr_spec=recipient.email)
    message["Subject"] = subject
    message["Date"] = format_datetime(now)
    message["Message-ID"] = make_msgid(domain=sender.address.rpartition("@")[2])
    message.set_content(body, charset="utf-8", cte="quoted-printable")
    message["Content-Language"] = recipient.language  # after set_content, which clears it
    return message


def subject_of(reminder: Reminder) -> str:
    """How many things and the first due date, in the current language (no record text)."""
    words = Formatter(_language_of(reminder))
    n = len(reminder.tasks)
    text = ngettext(
        "Reminder: {n} thing to do, due {date}",
        "Reminder: {n} things to do, the first due {date}",
        n,
    )
    return text.format(n=words.number(n), date=words.long_date(reminder.first_due))


def body_of(reminder: Reminder, sender: Sender, today: date) -> str:
    words = Formatter(_language_of(reminder))
    n = len(reminder.tasks)
    first_name = one_line(next(iter(reminder.recipient.name.split()), ""))
    intro = ngettext(
        "In the follow-up of our strategic partnerships, you are responsible for {n} thing "
        "as of {date}:",
        "In the follow-up of our strategic partnerships, you are responsible for {n} things "
        "as of {date}:",
        n,
    ).format(n=words.number(n), date=words.long_date(today))
    greeting = _("Hello {name},").format(name=first_name) if first_name else _("Hello,")
    lines = [greeting, "", intro, ""]
    for number, task in enumerate(reminder.tasks, start=1):
        lines += _task_lines(number, task, today, words)
    lines += [
        _("If something is already done, or is not right, tell me and I will update the record."),
        "",
        _("Kind regards,"),
        *_signature(sender),
    ]
    return "\n".join(lines) + "\n"


def _task_lines(number: int, task: Task, today: date, words: Formatter) -> list[str]:
    partnership = _("Partnership: {title} ({id})").format(
        title=one_line(task.partnership_title), id=one_line(task.partnership)
    )
    where = _("In the record: {file}, {place}").format(
        file=one_line(task.file), place=one_line(task.where)
    )
    return [
        f"{number}. {one_line(task.title)}",
        f"   {partnership}",
        f"   {_due(task, today, words)}",
        f"   {where}",
        "",
    ]


def _due(task: Task, today: date, words: Formatter) -> str:
    days = task.days_from(today)
    when = words.long_date(task.due)
    if days < 0:
        text = ngettext(
            "Due: {date}, overdue by {n} day", "Due: {date}, overdue by {n} days", -days
        )
        return text.format(date=when, n=words.number(-days))
    if days == 0:
        return _("Due: today, {date}").format(date=when)
    text = ngettext("Due: {date}, in {n} day", "Due: {date}, in {n} days", days)
    return text.format(date=when, n=words.number(days))


def _signature(sender: Sender) -> list[str]:
    lines = [one_line(sender.name)]
    if sender.organisation:
        lines.append(one_line(sender.organisation))
    return [*lines, sender.address]


def _language_of(reminder: Reminder) -> str:
    return reminder.recipient.language
