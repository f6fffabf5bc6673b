"""Reminders: what each responsible person owes, one message each, as plain data.

The things to do are the follow-up's items (:func:`partnerkit.followup.partnership_followup`,
for the same as-of date and horizon: the same items, the same due dates), each listed under
every person in office responsible for it (``Item.people``). A person is known by their
e-mail address across records (the same address in two records is one person, one message);
without an address, by their record and id, so the coordinator can call them instead.

Each item is worded in the language of the person it goes to (``people[].language``,
Swedish when the record does not say): while a record is loaded its follow-up is made in
Swedish and in English. :mod:`partnerkit.mail` writes these reminders as e-mail.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from partnerkit.config import Config
from partnerkit.findings import dotted_path
from partnerkit.followup import OVERDUE, Item, Unreadable, partnership_followup, unreadable_of
from partnerkit.i18n import LANGUAGES, current_language, in_language
from partnerkit.load.pipeline import CheckResult, FileReport, OnRecord
from partnerkit.record.models import Partnership, Person

DEFAULT_LANGUAGE = "sv"


@dataclass(frozen=True)
class Recipient:
    """Someone who owes something: their name, work address ("" when the record has none)
    and the language to write to them in; ``partnership`` and ``person_id`` say where they
    are defined (the first record, for someone in several)."""

    name: str
    email: str
    language: str
    party: str
    partnership: str
    person_id: str

    @property
    def key(self) -> str:
        return self.email.lower() if self.email else f"{self.partnership}/{self.person_id}"


@dataclass(frozen=True)
class Task:
    """One follow-up item for one person, worded in their language."""

    partnership: str
    partnership_title: str
    title: str
    due: date
    overdue: bool
    file: str
    where: str  # the item's place in the record, e.g. decisions[2]
    key: str  # the item, stable when the record is edited: what "the same items" compares

    def days_from(self, today: date) -> int:
        return (self.due - today).days


@dataclass(frozen=True)
class Owed:
    """What one record says one person owes (made while the record is loaded), worded in
    each language: the same address may say another language in another record."""

    recipient: Recipient
    worded: tuple[tuple[str, Task], ...]

    def task(self, lang: str) -> Task:
        return dict(self.worded)[lang]


@dataclass(frozen=True)
class Unassigned:
    """A follow-up item that nobody in office is responsible for (in the command's language)."""

    partnership: str
    title: str
    due: date


@dataclass(frozen=True)
class RecordReminders:
    owed: tuple[Owed, ...]
    unassigned: tuple[Unassigned, ...]


@dataclass(frozen=True)
class Reminder:
    """One message's worth: everything one person owes, the earliest due first."""

    recipient: Recipient
    tasks: tuple[Task, ...]
    shown: tuple[Task, ...] = ()  # the same tasks in the command's language, for the preview

    @property
    def first_due(self) -> date:
        return self.tasks[0].due

    @property
    def overdue(self) -> int:
        return sum(task.overdue for task in self.tasks)

    @property
    def fingerprint(self) -> str:
        """The set of items, whatever their wording or order: equal when the same things
        with the same due dates are owed again."""
        keys = sorted(task.key for task in self.tasks)
        return hashlib.sha256("\n".join(keys).encode("utf-8")).hexdigest()


@dataclass
class Reminders:
    today: date
    horizon: int
    reminders: list[Reminder]
    unassigned: list[Unassigned] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)

    @property
    def with_address(self) -> list[Reminder]:
        return [r for r in self.reminders if r.recipient.email]

    @property
    def without_address(self) -> list[Reminder]:
        return [r for r in self.reminders if not r.recipient.email]


def reminders_on_record(config: Config, today: date, horizon: int) -> OnRecord:
    """The ``on_record`` function of ``remind`` (see ``check_paths``)."""
    return partial(record_reminders, config=config, today=today, horizon=horizon)


def record_reminders(
    report: FileReport, record: Partnership, config: Config, today: date, horizon: int
) -> RecordReminders:
    """What each person of one record owes, in their language, and what nobody in office
    owes (in the command's language)."""
    command_language = current_language()
    worded: dict[str, dict[tuple, Item]] = {}
    for lang in LANGUAGES:
        with in_language(lang):
            view = partnership_followup(report, record, config, today, horizon)
        worded[lang] = {item.places: item for item in view.items}
    people = {person.id: person for person in record.people}
    parties = {party.id: party.name for party in record.parties}
    owed, unassigned = [], []
    for places, item in worded[command_language].items():
        if not item.people:
            unassigned.append(Unassigned(record.id, item.title, item.due))
        tasks = tuple(
            (lang, _task(worded[lang][places], record, report.file, lang)) for lang in LANGUAGES
        )
        for person_id in item.people:
            owed.append(Owed(_recipient(people[person_id], parties, record.id), tasks))
    return RecordReminders(tuple(owed), tuple(unassigned))


def _recipient(person: Person, parties: dict[str, str], partnership: str) -> Recipient:
    return Recipient(
        name=person.name,
        email=person.email or "",
        language=person.language or DEFAULT_LANGUAGE,
        party=parties.get(person.side, person.side),
        partnership=partnership,
        person_id=person.id,
    )


def _task(item: Item, record: Partnership, file: str, lang: str) -> Task:
    title = record.title.en if lang == "en" and record.title.en else record.title.sv
    return Task(
        partnership=record.id,
        partnership_title=title,
        title=item.title,
        due=item.due,
        overdue=item.status == OVERDUE,
        file=file,
        where=dotted_path(item.path),
        key=f"{record.id}|{item.rule}|{item.key}|{dotted_path(item.path)}|{item.due}",
    )


def build_reminders(result: CheckResult, today: date, horizon: int) -> Reminders:
    """One reminder per person, from every record checked with :func:`reminders_on_record`;
    people in alphabetical order, each one's tasks the earliest due first."""
    command_language = current_language()
    grouped: dict[str, tuple[Recipient, dict[str, Task], dict[str, Task]]] = {}
    unassigned: list[Unassigned] = []
    unreadable: list[Unreadable] = []
    for report in result.files:
        if not isinstance(report.derived, RecordReminders):
            if not report.skipped:
                unreadable.append(unreadable_of(report))
            continue
        unassigned.extend(report.derived.unassigned)
        for owed in report.derived.owed:
            recipient, tasks, shown = grouped.setdefault(
                owed.recipient.key, (owed.recipient, {}, {})
            )
            task = owed.task(recipient.language)
            tasks.setdefault(task.key, task)
            shown.setdefault(task.key, owed.task(command_language))
    reminders = []
    for recipient, tasks, shown in grouped.values():
        ordered = tuple(sorted(tasks.values(), key=_task_order))
        reminders.append(Reminder(recipient, ordered, tuple(shown[t.key] for t in ordered)))
    reminders.sort(key=lambda r: (r.recipient.name.casefold(), r.recipient.key))
    unassigned.sort(key=lambda u: (u.due, u.partnership, u.title))
    return Reminders(today, horizon, reminders, unassigned, unreadable)


def _task_order(task: Task) -> tuple:
    return (task.due, task.partnership, task.title)
