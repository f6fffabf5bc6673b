"""Who to talk to: the people of every partnership per level and focus area, on each side.

Only work identity and work contact are shown (name, title, unit, work e-mail address and
preferred language); records hold no private contact data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from partnerkit.config import Config
from partnerkit.load.pipeline import CheckResult, FileReport, OnRecord
from partnerkit.record.models import Partnership, Person
from partnerkit.timeline import people_by_id


@dataclass(frozen=True)
class Contact:
    partnership: str
    level: str
    topic: str
    party: str
    name: str
    title: str
    unit: str
    role: str
    group: str  # the pair or activity the contact belongs to
    email: str = ""
    language: str = ""  # sv or en, as the record says; empty when it does not


def find_contacts(
    result: CheckResult,
    topic: str | None = None,
    level: str | None = None,
    partnership: str | None = None,
) -> list[Contact]:
    found: list[Contact] = []
    for report in result.files:
        if isinstance(report.derived, list):
            found.extend(
                c for c in report.derived if not partnership or c.partnership == partnership
            )
    if level:
        found = [c for c in found if c.level == level]
    if topic:
        found = _about(found, topic.casefold())
    return sorted(set(found), key=_order)


def _about(contacts: list[Contact], needle: str) -> list[Contact]:
    """Both sides of every pair or activity where someone matches the topic."""
    groups = {
        (c.partnership, c.group)
        for c in contacts
        if needle in f"{c.topic} {c.unit} {c.title}".casefold()
    }
    return [c for c in contacts if (c.partnership, c.group) in groups]


def _order(contact: Contact) -> tuple:
    level = _LEVELS.get(contact.level, 9)
    return (contact.partnership, level, contact.topic, contact.party, contact.name)


_LEVELS = {"strategisk": 0, "taktisk": 1, "operativ": 2, "": 3}


def contacts_on_record(config: Config, today: date) -> OnRecord:
    """The ``on_record`` function of ``contacts`` (see ``check_paths``)."""
    return contacts_of


def contacts_of(report: FileReport, record: Partnership) -> list[Contact]:
    """The contacts of one record (an ``on_record`` function for ``check_paths``)."""
    return _contacts(record)


def _contacts(record: Partnership) -> list[Contact]:
    people = people_by_id(record)
    parties = {p.id: p.name for p in record.parties}
    areas = {a.id: a.name.sv for a in record.focus_areas}
    contacts = []
    for index, pair in enumerate(record.contact_pairs):
        topic = areas.get(pair.topic or "", pair.topic or "")
        for side, person_id in pair.members.items():
            person = people.get(person_id)
            if person is not None:
                party = parties.get(side, side)
                where = (pair.level, topic, party)
                contacts.append(_contact(record.id, where, person, "contact_pair", f"pair/{index}"))
    for activity in record.activities:
        topic = areas.get(activity.focus_area_id or "", activity.title)
        for side, person_id in activity.contacts.items():
            person = people.get(person_id)
            if person is not None and person.level:
                where = (person.level, topic, parties.get(side, side))
                contacts.append(_contact(record.id, where, person, "activity", activity.id))
    return contacts


def _contact(
    partnership: str, where: tuple[str, str, str], person: Person, role: str, group: str
) -> Contact:
    level, topic, party = where
    return Contact(
        partnership=partnership,
        level=level,
        topic=topic,
        party=party,
        name=person.name,
        title=person.title or "",
        unit=person.unit or "",
        role=role,
        group=group,
        email=person.email or "",
        language=person.language or "",
    )
