"""Phasing out and closing (avveckling).

A partnership that ends is closed as carefully as it was started: the parties write a closure
report, settle every open decision and action, make sure that activities which outlive the
partnership (an industrial PhD student, a running project) have an owner and an end, and agree
on what to say publicly. These rules run in the phase avveckling and list what still stands
between the partnership and the phase avslutad.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from partnerkit.i18n import N_, _, named
from partnerkit.record.models import Activity, Partnership, Person
from partnerkit.rules.base import Context, Hit, I, W, rule
from partnerkit.timeline import people_by_id, person_active

PHASING_OUT = ("avveckling",)
RUNNING = ("planned", "ongoing")


@rule(
    code="CLOSE-01",
    name="closure-report",
    criterion="closing",
    phases=PHASING_OUT,
    severity=W,
    title=N_("A closure report is filed before the partnership is closed"),
    explanation=N_(
        "A partnership is closed with a closure report (slutrapport): what was achieved, what "
        "continues, what the parties learnt. It is written during the phase-out and must be "
        "in place before the phase is changed to avslutad. The rule lists it as a warning "
        "while the partnership is phasing out: the partnership cannot be closed yet. Add a "
        "report of type closure_report dated on or after the start of the phase-out."
    ),
    source=N_("Handledning (avveckling); TPI (closure and moving on); NAP (completion)"),
    bad="lifecycle: {phase: avveckling, phase_since: 2026-06-01}\nreports: []\n",
    good=(
        "lifecycle: {phase: avveckling, phase_since: 2026-06-01}\n"
        "reports:\n  - {type: closure_report, date: 2026-11-15}\n"
    ),
)
def closure_report(record: Partnership, ctx: Context) -> Iterator[Hit]:
    since = record.lifecycle.phase_since
    if any(r.type == "closure_report" and since <= r.date <= ctx.today for r in record.reports):
        return
    yield Hit(
        _(
            "No closure report dated on or after {date}, when the phase-out began: "
            "the partnership cannot be closed yet."
        ).format(date=since),
        ("reports",) if record.reports else ("lifecycle", "phase"),
    )


@rule(
    code="CLOSE-02",
    name="nothing-left-open",
    criterion="closing",
    phases=PHASING_OUT,
    severity=W,
    title=N_("Every decision and action-plan item is settled before closing"),
    explanation=N_(
        "Before the partnership is closed, every decision and every action-plan item is done "
        "or cancelled, so that nothing agreed is left without an owner once the bodies stop "
        "meeting. Each open one is listed as a warning while the partnership is phasing out: "
        "the partnership cannot be closed yet. Settle it and set its status to done or "
        "cancelled."
    ),
    source=N_("KTH ARC model (every action needs a reaction); TPI (closure and moving on)"),
    bad="decisions:\n  - {id: d-1, date: 2026-04-09, text: Ta fram plan, status: open}\n",
    good="decisions:\n  - {id: d-1, date: 2026-04-09, text: Ta fram plan, status: cancelled}\n",
)
def nothing_left_open(record: Partnership, ctx: Context) -> Iterator[Hit]:
    for index, decision in enumerate(record.decisions):
        if decision.status == "open":
            yield Hit(
                _("The decision {id} is still open: settle it before closing.").format(
                    id=named(decision.text, decision.id)
                ),
                ("decisions", index, "status"),
                fact=f"open/decisions/{index}",
            )
    for p, plan in enumerate(record.action_plans):
        for i, item in enumerate(plan.items):
            if item.status == "open":
                yield Hit(
                    _("The action-plan item {id} is still open: settle it before closing.").format(
                        id=named(item.title, item.id)
                    ),
                    ("action_plans", p, "items", i, "status"),
                    fact=f"open/action_plans/{p}/{i}",
                )


@rule(
    code="CLOSE-03",
    name="continuing-activities-owned",
    criterion="closing",
    phases=PHASING_OUT,
    severity=W,
    title=N_("Activities that continue have an owner and an end date"),
    explanation=N_(
        "Some activities outlive the partnership: an industrial PhD student, a running "
        "research project, a course given together. Each planned or ongoing activity needs an "
        "active contact person who owns it after the partnership ends and an end date, so "
        "that the outcomes are sustained and nobody is left without a supervisor or a "
        "counterpart. Set contacts and end on each such activity, or mark it completed or "
        "cancelled."
    ),
    source=N_("TPI (ensure that outcomes are sustained)"),
    bad="activities:\n  - {id: a-dok, title: Industridoktorand, form: industridoktorand,\n"
    "     status: ongoing}\n",
    good=(
        "activities:\n  - {id: a-dok, title: Industridoktorand, form: industridoktorand,\n"
        "     status: ongoing, contacts: {eu: p-prof}, end: 2028-08-31}\n"
    ),
)
def continuing_activities_owned(record: Partnership, ctx: Context) -> Iterator[Hit]:
    people = people_by_id(record)
    for index, activity in enumerate(record.activities):
        if activity.status not in RUNNING:
            continue
        owned = _has_active_contact(activity, people, ctx.today)
        if owned and activity.end is not None:
            continue
        if not owned and activity.end is None:
            message = _("The activity {id} continues without an owner and without an end date.")
        elif not owned:
            message = _("The activity {id} continues without an active contact who owns it.")
        else:
            message = _("The activity {id} continues without an end date.")
        yield Hit(message.format(id=named(activity.title, activity.id)), ("activities", index))


def _has_active_contact(activity: Activity, people: dict[str, Person], today: date) -> bool:
    return any(person_active(people.get(pid), today) for pid in activity.contacts.values())


@rule(
    code="CLOSE-04",
    name="ending-communicated",
    criterion="closing",
    phases=PHASING_OUT,
    severity=I,
    title=N_("The parties agree on how the ending is communicated"),
    explanation=N_(
        "When a partnership ends, the parties agree on what they say publicly about it, so "
        "that the ending does not harm either party or the people who took part. Record the "
        "agreed message as a followup_log entry of type communication, dated on or after the "
        "start of the phase-out."
    ),
    source=N_("TPI (agree on information for the public domain)"),
    bad="followup_log:\n  - {date: 2026-09-01, type: note, summary: Avvecklingen inledd}\n",
    good=(
        "followup_log:\n  - {date: 2026-09-01, type: communication,\n"
        "     summary: Gemensamt pressmeddelande om avslutet}\n"
    ),
)
def ending_communicated(record: Partnership, ctx: Context) -> Iterator[Hit]:
    since = record.lifecycle.phase_since
    if any(e.type == "communication" and since <= e.date <= ctx.today for e in record.followup_log):
        return
    yield Hit(
        _(
            "No communication about the ending is recorded since the phase-out began on {date}."
        ).format(date=since),
        ("followup_log",) if record.followup_log else ("lifecycle", "phase"),
    )


RULES = (
    closure_report,
    nothing_left_open,
    continuing_activities_owned,
    ending_communicated,
)


# What must be settled before a partnership is closed (CLOSE-04, telling the world, may follow).
BLOCKERS = (closure_report, nothing_left_open, continuing_activities_owned)


def closing_blockers(record: Partnership, day: date) -> list[str]:
    """What the closing rules still find on ``day`` (not what the record suppresses): no
    closure report, open decisions and action items, activities that run on without an end
    or an owner. The phase change to ``avslutad`` and the brief's closing matter ask this."""
    from partnerkit.rules.engine import suppressed

    return [
        hit.message
        for item in BLOCKERS
        for hit in item.run(record, Context(day))
        if not suppressed(record, item.code, hit.path)
    ]
