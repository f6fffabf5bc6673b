"""Structural consistency beyond the schema: the parties, dates and lifecycle of a record make
sense together.

The schema checks each field on its own; these rules check what only the whole record can
show: one host university and at least one partner, dates that follow each other and lie in
the past where they record what happened, and a lifecycle history that moves through the
handbook's phases in an allowed order. They run in every phase, the closed one included.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import pairwise

from partnerkit.i18n import N_, _
from partnerkit.record.models import Partnership, Period
from partnerkit.record.vocab import label
from partnerkit.rules.base import PHASES, Context, E, Hit, W, rule

Path = tuple[str | int, ...]

TRANSITIONS = {
    "initiering": ("uppstart", "avslutad"),
    "uppstart": ("drift", "avveckling"),
    "drift": ("utvardering", "avveckling"),
    "utvardering": ("drift", "nystart", "avveckling"),
    "nystart": ("drift",),
    "avveckling": ("avslutad",),
    "avslutad": (),
}


def _host_role() -> str:
    return label("party_role", "larosate_host")


@rule(
    code="STRUCT-01",
    name="host-and-partner",
    criterion="structure",
    phases=PHASES,
    severity=E,
    title=N_("Exactly one host university and at least one partner"),
    explanation=N_(
        "A record describes the partnership from the host university's side: exactly one "
        "party has the role larosate_host, and at least one party has the role partner. "
        "Other universities in the partnership have the role larosate. Set the roles in "
        "parties accordingly."
    ),
    source=N_("partnerkit record format (B2: parties)"),
    bad=(
        "parties:\n  - {id: eu, name: Exempeluniversitetet, role: larosate_host, ...}\n"
        "  - {id: nv, name: Nordverk AB, role: larosate_host, ...}\n"
    ),
    good=(
        "parties:\n  - {id: eu, name: Exempeluniversitetet, role: larosate_host, ...}\n"
        "  - {id: nv, name: Nordverk AB, role: partner, ...}\n"
    ),
)
def host_and_partner(record: Partnership, ctx: Context) -> Iterator[Hit]:
    hosts = [i for i, p in enumerate(record.parties) if p.role == "larosate_host"]
    if not hosts:
        yield Hit(
            _("No party has the role {role} (role: larosate_host).").format(role=_host_role()),
            ("parties",),
        )
    for index in hosts[1:]:
        yield Hit(
            _(
                "{party} is a second {role} (role: larosate_host); only one party hosts the record."
            ).format(party=record.parties[index].name, role=_host_role()),
            ("parties", index, "role"),
        )
    if not any(p.role == "partner" for p in record.parties):
        yield Hit(_("No party has the role partner."), ("parties",))


@rule(
    code="STRUCT-02",
    name="dates-consistent",
    criterion="structure",
    phases=PHASES,
    severity=E,
    title=N_("Dates are consistent"),
    explanation=N_(
        "Every date range ends on or after its start (agreements, periods, activities, "
        "sponsors and the coordinator), measurements and held meetings are not in the future, "
        "and agreement periods do not overlap: a new period does not start before the "
        "previous one ends. A wrong date makes every due date computed from it wrong. "
        "Correct the date; a meeting that has not taken place yet has status: planned."
    ),
    source=N_("partnerkit record format (history is data)"),
    bad="activities:\n  - {id: a-1, title: Kurs, form: uppdragsutbildning,\n"
    "     start: 2026-05-01, end: 2026-02-01}\n",
    good=(
        "activities:\n  - {id: a-1, title: Kurs, form: uppdragsutbildning,\n"
        "     start: 2026-02-01, end: 2026-05-01}\n"
    ),
)
def dates_consistent(record: Partnership, ctx: Context) -> Iterator[Hit]:
    for path, start, end in _ranges(record):
        if start is not None and end is not None and end < start:
            yield Hit(
                _("The end date {end} is before the start date {start}.").format(
                    end=end, start=start
                ),
                path,
            )
    yield from _future_records(record, ctx.today)
    yield from _overlapping_agreements(record)


def _ranges(record: Partnership) -> Iterator[tuple[Path, date | None, date | None]]:
    """Every date range as (path of its end, start, end)."""
    for i, a in enumerate(record.agreements):
        yield ("agreements", i, "end"), a.start, a.end
    for i, a in enumerate(record.activities):
        yield ("activities", i, "end"), a.start, a.end
    for i, s in enumerate(record.leadership):
        yield ("leadership", i, "to"), s.from_, s.to
    coordinator = record.coordination.coordinator if record.coordination else None
    if coordinator:
        yield ("coordination", "coordinator", "to"), coordinator.from_, coordinator.to
    periods: list[tuple[Path, Period | None]] = [
        *((("focus_areas", i, "period"), f.period) for i, f in enumerate(record.focus_areas)),
        *((("people", i, "active"), p.active) for i, p in enumerate(record.people)),
        *((("resources", i, "period"), r.period) for i, r in enumerate(record.resources)),
        *((("action_plans", i, "period"), p.period) for i, p in enumerate(record.action_plans)),
        *((("reports", i, "period"), r.period) for i, r in enumerate(record.reports)),
    ]
    for path, period in periods:
        if period is not None:
            yield (*path, "to"), period.from_, period.to


def _future_records(record: Partnership, today: date) -> Iterator[Hit]:
    for g, goal in enumerate(record.goals):
        for k, indicator in enumerate(goal.indicators):
            for m, measurement in enumerate(indicator.measurements):
                if measurement.date > today:
                    yield Hit(
                        _("The measurement is dated {date}, in the future.").format(
                            date=measurement.date
                        ),
                        ("goals", g, "indicators", k, "measurements", m, "date"),
                    )
    for b, body in enumerate(record.governance):
        for m, meeting in enumerate(body.meetings):
            if meeting.status == "held" and meeting.date > today:
                yield Hit(
                    _("The meeting on {date} is marked held but lies in the future.").format(
                        date=meeting.date
                    ),
                    ("governance", b, "meetings", m, "date"),
                )


def _overlapping_agreements(record: Partnership) -> Iterator[Hit]:
    ordered = sorted(enumerate(record.agreements), key=lambda pair: pair[1].start)
    for (_i, earlier), (j, later) in pairwise(ordered):
        if earlier.end is None:
            message = _(
                "This agreement starts on {start} while the one from {previous} has no end "
                "date; give the earlier agreement an end date."
            )
        elif later.start < earlier.end:
            message = _(
                "This agreement starts on {start}, before the one from {previous} ends ({end})."
            )
        else:
            continue
        yield Hit(
            message.format(start=later.start, previous=earlier.start, end=earlier.end),
            ("agreements", j, "start"),
        )


@rule(
    code="STRUCT-03",
    name="lifecycle-history",
    criterion="structure",
    phases=PHASES,
    severity=W,
    title=N_("The lifecycle history follows the allowed phase changes"),
    explanation=N_(
        "A partnership moves through the handbook's phases in order: initiering → uppstart "
        "(or avslutad); uppstart → drift or avveckling; drift → utvardering or avveckling; "
        "utvardering → drift, nystart or avveckling; nystart → drift; avveckling → avslutad. "
        "lifecycle.history lists the changes in date order and ends with the current phase "
        "and its phase_since date. Add the missing phase change, or correct the order."
    ),
    source=N_("Handledning (phases); TPI partnering cycle"),
    bad=(
        "lifecycle:\n  phase: drift\n  phase_since: 2024-03-01\n  history:\n"
        "    - {phase: initiering, from: 2022-09-01}\n    - {phase: drift, from: 2024-03-01}\n"
    ),
    good=(
        "lifecycle:\n  phase: drift\n  phase_since: 2024-03-01\n  history:\n"
        "    - {phase: uppstart, from: 2023-03-01}\n    - {phase: drift, from: 2024-03-01}\n"
    ),
)
def lifecycle_history(record: Partnership, ctx: Context) -> Iterator[Hit]:
    history = record.lifecycle.history
    for k, (before, after) in enumerate(pairwise(history), start=1):
        path = ("lifecycle", "history", k)
        if after.phase not in TRANSITIONS[before.phase]:
            yield Hit(
                _("The change from {before} to {after} is not an allowed phase change.").format(
                    before=before.phase, after=after.phase
                ),
                (*path, "phase"),
            )
        elif after.from_ < before.from_:
            yield Hit(
                _("The change to {after} on {date} is dated before the change to {before}.").format(
                    after=after.phase, date=after.from_, before=before.phase
                ),
                (*path, "from"),
            )
    if history:
        yield from _history_ends_with_current(record)


def _history_ends_with_current(record: Partnership) -> Iterator[Hit]:
    lifecycle = record.lifecycle
    last = lifecycle.history[-1]
    if last.phase != lifecycle.phase:
        yield Hit(
            _(
                "The history ends with {last}, but the current phase is {phase}: "
                "add the change to {phase}."
            ).format(last=label("phase", last.phase), phase=label("phase", lifecycle.phase)),
            ("lifecycle", "phase"),
        )
    elif last.from_ != lifecycle.phase_since:
        yield Hit(
            _(
                "The history dates the change to {phase} on {date}, but phase_since is {since}."
            ).format(
                phase=label("phase", last.phase), date=last.from_, since=lifecycle.phase_since
            ),
            ("lifecycle", "phase_since"),
        )


@rule(
    code="STRUCT-04",
    name="routed-to-a-meeting",
    criterion="structure",
    phases=PHASES,
    severity=W,
    title=N_("A matter routed to a meeting names a meeting the body has"),
    explanation=N_(
        "A decision or an action item can name the meeting it goes to (goes_to: body and "
        "meeting). The brief for that meeting lists it as a matter for decision, so the body "
        "must have a meeting, planned or held, on that day: a mistyped or cancelled day would "
        "leave the matter out of every brief. Plan the meeting (partnerkit meeting ... --status "
        "planned) or correct the day."
    ),
    source=N_("Handledning (styrning); the brief's matters for decision"),
    bad=(
        "decisions:\n  - {id: d-1, date: 2026-11-12, text: Handlingsplan 2027, "
        "goes_to: {body: styrgrupp, meeting: 2026-12-11}}\n"
    ),
    good=(
        "decisions:\n  - {id: d-1, date: 2026-11-12, text: Handlingsplan 2027, "
        "goes_to: {body: styrgrupp, meeting: 2026-12-10}}\n"
    ),
)
def routed_to_a_meeting(record: Partnership, ctx: Context) -> Iterator[Hit]:
    meetings = {b.id: {m.date: m.status for m in b.meetings} for b in record.governance}
    names = {b.id: b.name or b.id for b in record.governance}
    routed: list[tuple[Path, object]] = [
        (("decisions", i, "goes_to", "meeting"), d.goes_to) for i, d in enumerate(record.decisions)
    ]
    routed += [
        (("action_plans", p, "items", i, "goes_to", "meeting"), item.goes_to)
        for p, plan in enumerate(record.action_plans)
        for i, item in enumerate(plan.items)
    ]
    for path, goes in routed:
        if goes is None or goes.body not in meetings:  # an unknown body is REF-01's
            continue
        status = meetings[goes.body].get(goes.meeting)
        if status is None:
            message = _("{body} has no meeting on {date}, where this matter is to go.")
        elif status == "cancelled":
            message = _(
                "The meeting of {body} on {date}, where this matter is to go, is cancelled."
            )
        else:
            continue
        yield Hit(message.format(body=names[goes.body], date=goes.meeting), path)


RULES = (
    host_and_partner,
    dates_consistent,
    lifecycle_history,
    routed_to_a_meeting,
)
