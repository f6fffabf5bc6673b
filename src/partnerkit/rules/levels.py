"""Mutual relations at corresponding levels (ömsesidiga relationer på motsvarande nivåer).

The handbook's first organisational feature: the parties meet each other at every level, the
leaderships at the strategic level, steering at the tactical level and researchers, teachers
and experts at the operational level. These rules look for a contact pair on every level
with a person from each party, of matching seniority and still in post, for joint governance
bodies with members from every party, and for bodies that meet as often as they said they
would.
"""

from __future__ import annotations

from collections.abc import Iterator

from partnerkit import obligations
from partnerkit.i18n import N_, _
from partnerkit.record.models import ContactPair, Partnership
from partnerkit.record.vocab import label, slugs
from partnerkit.rules.base import ACTIVE, Context, E, Hit, I, W, late_hit, rule
from partnerkit.timeline import (
    cadence_days,
    held_meetings,
    is_strategic,
    people_by_id,
    planned_meetings,
)

LEVELS = slugs("level")


def _party_names(record: Partnership) -> dict[str, str]:
    return {party.id: party.name for party in record.parties}


def _missing_sides(record: Partnership, pair: ContactPair) -> list[str]:
    return [party.id for party in record.parties if party.id not in pair.members]


@rule(
    code="LVL-01",
    name="contact-pair-per-level",
    criterion="levels",
    phases=ACTIVE,
    severity=W,
    title=N_("Every level has a contact pair with a person from each party"),
    explanation=N_(
        "The parties relate to each other at corresponding levels: the leaderships at the "
        "strategic level, steering at the tactical level, researchers, teachers and experts at "
        "the operational level. For each of the three levels there should be a contact pair "
        "naming one person from every party. A missing strategic pair is an error, a missing "
        "tactical or operational pair a warning. Add a contact_pairs entry with level and a "
        "person for each party."
    ),
    source=N_("Handledning (organisatorisk egenskap a); LiU, Chalmers–Ericsson, UU mirror roles"),
    bad=(
        "contact_pairs:\n  - {level: strategisk, members: {eu: p-rektor, nv: p-vd}}\n"
        "  - {level: taktisk, members: {eu: p-vr}}\n"
    ),
    good=(
        "contact_pairs:\n  - {level: strategisk, members: {eu: p-rektor, nv: p-vd}}\n"
        "  - {level: taktisk, members: {eu: p-vr, nv: p-fou}}\n"
        "  - {level: operativ, members: {eu: p-prof, nv: p-ing}}\n"
    ),
    escalation=N_("an error at the strategic level"),
)
def contact_pair_per_level(record: Partnership, ctx: Context) -> Iterator[Hit]:
    names = _party_names(record)
    for level in LEVELS:
        severity = E if level == "strategisk" else W
        pairs = [(i, p) for i, p in enumerate(record.contact_pairs) if p.level == level]
        if any(not _missing_sides(record, pair) for _i, pair in pairs):
            continue
        if not pairs:
            yield Hit(
                _("There is no contact pair at the {level}.").format(level=label("level", level)),
                ("contact_pairs",),
                severity=severity,
            )
            continue
        index, pair = pairs[0]
        missing = ", ".join(names[side] for side in _missing_sides(record, pair))
        yield Hit(
            _("The contact pair at the {level} has no person for: {parties}.").format(
                level=label("level", level), parties=missing
            ),
            ("contact_pairs", index, "members"),
            severity=severity,
        )


@rule(
    code="LVL-02",
    name="contact-pair-same-level",
    criterion="levels",
    phases=ACTIVE,
    severity=I,
    title=N_("The people in a contact pair are of corresponding seniority"),
    explanation=N_(
        "A contact pair joins people at the same level in their organisations: a rector meets "
        "a CEO, a head of research meets a vice-rector. When a person's own level differs from "
        "the pair's level, the relation is lopsided and one side may lack the mandate to act. "
        "Check the person's level in people, or pair them with someone of matching seniority. "
        "People without a recorded level are not judged."
    ),
    source=N_("Handledning (organisatorisk egenskap a: motsvarande nivåer)"),
    bad=(
        "people:\n  - {id: p-ing, name: Ingrid, side: nv, level: operativ}\n"
        "contact_pairs:\n  - {level: strategisk, members: {eu: p-rektor, nv: p-ing}}\n"
    ),
    good=(
        "people:\n  - {id: p-vd, name: Vera, side: nv, level: strategisk}\n"
        "contact_pairs:\n  - {level: strategisk, members: {eu: p-rektor, nv: p-vd}}\n"
    ),
)
def contact_pair_same_level(record: Partnership, ctx: Context) -> Iterator[Hit]:
    people = people_by_id(record)
    for index, pair in enumerate(record.contact_pairs):
        for side, person_id in pair.members.items():
            person = people.get(person_id)
            if person is None or person.level is None or person.level == pair.level:
                continue
            yield Hit(
                _("{name} is at the {own} but in the contact pair at the {level}.").format(
                    name=person.name,
                    own=label("level", person.level),
                    level=label("level", pair.level),
                ),
                ("contact_pairs", index, "members", side),
            )


@rule(
    code="LVL-03",
    name="body-has-every-party",
    criterion="levels",
    phases=ACTIVE,
    severity=E,
    title=N_("Every governance body has a member from each party"),
    explanation=N_(
        "Partnership councils, steering groups and working groups are joint bodies: without a "
        "member from one party they are one organisation's internal meeting, and decisions "
        "taken there do not bind the other. List at least one member from each party under the "
        "body's members (the chair may rotate between the parties). With three or more "
        "parties, a working, theme or coordination group need not include every party: one "
        "lacking a party is a warning, while the strategic bodies and the steering group must "
        "include every party. A group of the university's own people (an internal "
        "coordination group) is marked internal: true and is not judged."
    ),
    source=N_("Chalmers–Volvo Cars, Chalmers–Ericsson, UU partnership council (joint bodies)"),
    bad=(
        "governance:\n  - id: styrgrupp\n    type: styrgrupp\n    level: taktisk\n"
        "    members: [{person_id: p-vr, side: eu, role: chair}]\n"
    ),
    good=(
        "governance:\n  - id: styrgrupp\n    type: styrgrupp\n    level: taktisk\n"
        "    members:\n      - {person_id: p-vr, side: eu, role: chair}\n"
        "      - {person_id: p-fou, side: nv}\n"
    ),
    escalation=N_(
        "a warning for a working, theme or coordination group when there are three or more parties"
    ),
)
def body_has_every_party(record: Partnership, ctx: Context) -> Iterator[Hit]:
    names = _party_names(record)
    many = len(record.parties) >= 3
    for index, body in enumerate(record.governance):
        if body.internal:
            continue
        sides = {member.side for member in body.members}
        missing = [names[p.id] for p in record.parties if p.id not in sides]
        if missing:
            steering = is_strategic(body) or body.type == "styrgrupp"
            yield Hit(
                _("The body {body} has no member from: {parties}.").format(
                    body=body.name or body.id, parties=", ".join(missing)
                ),
                ("governance", index, "members"),
                severity=W if many and not steering else None,
            )


@rule(
    code="LVL-04",
    name="contact-pair-vacancy",
    criterion="levels",
    phases=("drift",),
    severity=W,
    title=N_("Nobody in a contact pair has left"),
    explanation=N_(
        "A contact pair only works while both people are in post; relations that hang on one "
        "person are lost when that person moves on. A person in a contact pair whose active "
        "period has ended is a vacancy: a warning at once, an error after "
        "{contact_vacancy_error_days} days. Name a successor in the pair, and introduce them to "
        "their "
        "counterpart."
    ),
    source=N_("Samsyn and SU coordinators (person-dependence); Wilder (multiple layers)"),
    options=("contact_vacancy_error_days",),
    bad=(
        "people:\n  - {id: p-fou, name: Frida, side: nv, active: {to: 2026-03-31}}\n"
        "contact_pairs:\n  - {level: taktisk, members: {eu: p-vr, nv: p-fou}}\n"
    ),
    good=(
        "people:\n  - {id: p-fou2, name: Fredrik, side: nv, active: {from: 2026-04-01}}\n"
        "contact_pairs:\n  - {level: taktisk, members: {eu: p-vr, nv: p-fou2}}\n"
    ),
    escalation=N_("an error after {contact_vacancy_error_days} days"),
)
def contact_pair_vacancy(record: Partnership, ctx: Context) -> Iterator[Hit]:
    people = people_by_id(record)
    for due in obligations.contact_successions(record, ctx.today, ctx.thresholds):
        if not due.late(ctx.today):
            continue
        person = people[str(due.args["person"])]
        yield late_hit(
            _(
                "{name} in the contact pair at the {level} left on {date}, {days} days ago; "
                "name a successor."
            ).format(
                name=person.name,
                level=label("level", str(due.args["level"])),
                date=due.due,
                days=(ctx.today - due.due).days,
            ),
            due,
            ctx.today,
        )


@rule(
    code="LVL-05",
    name="body-meets-on-cadence",
    criterion="levels",
    phases=("drift",),
    severity=W,
    title=N_("Every governance body meets as often as its cadence says"),
    explanation=N_(
        "A body that has agreed a cadence (per_year or interval_days) should keep it: a "
        "steering group that meets quarterly loses its grip when a quarter is skipped. Warns "
        "when the days since the body's last held meeting exceed its interval times "
        "{cadence_grace_factor} (quarterly: about 114 days), or when it has never met and no "
        "meeting is planned. Hold the meeting and record it under the body's meetings, or "
        "change the cadence by decision."
    ),
    source=N_("Chalmers–Volvo Cars (quarterly steering); Chalmers–Ericsson, Samhällskontraktet"),
    options=("cadence_grace_factor",),
    bad=(
        "governance:\n  - id: styrgrupp\n    type: styrgrupp\n    level: taktisk\n"
        "    cadence: {per_year: 4}\n    meetings: [{date: 2026-05-14}]\n"
    ),
    good=(
        "governance:\n  - id: styrgrupp\n    type: styrgrupp\n    level: taktisk\n"
        "    cadence: {per_year: 4}\n    meetings: [{date: 2026-09-17}]\n"
    ),
)
def body_meets_on_cadence(record: Partnership, ctx: Context) -> Iterator[Hit]:
    for index, body in enumerate(record.governance):
        never = not held_meetings(body, ctx.today) and not planned_meetings(body, ctx.today)
        if cadence_days(body) is not None and never:
            message = _("The body {body} has a cadence but has not met and no meeting is planned.")
            yield Hit(message.format(body=body.name or body.id), ("governance", index, "meetings"))
    for due in obligations.body_meetings(record, ctx.today, ctx.thresholds):
        if due.late(ctx.today):
            last = due.args["last"]
            message = _(
                "The body {body} last met on {date}, {days} days ago; by its cadence the next "
                "meeting was due by {due}."
            ).format(body=due.args["body"], date=last, days=(ctx.today - last).days, due=due.due)
            yield late_hit(message, due, ctx.today)


RULES = (
    contact_pair_per_level,
    contact_pair_same_level,
    body_has_every_party,
    contact_pair_vacancy,
    body_meets_on_cadence,
)
