"""Every dated obligation of a record: what is to be done by which day, computed once.

An obligation is due on ``due``: done by that day, late from the day after. Its rule reports
it once it is late (``check``, with this ``due``); the follow-up lists it before that, from its
horizon on; the brief, the calendar and the reminders read the same obligations. So a due
date is computed in exactly one place, for one "today".

Each function below yields the obligations of one kind. The wording is left to the readers:
an obligation carries the facts (``args``) the rule's message and the follow-up's title need.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from partnerkit.config import Thresholds
from partnerkit.record.models import GovernanceBody, Partnership
from partnerkit.timeline import (
    add_months,
    cadence_days,
    current_agreement,
    days,
    evaluated_since,
    held_meetings,
    indicator_interval_days,
    is_strategic,
    last_active,
    last_log_date,
    last_value_date,
    latest,
    partnership_start,
    planned_meetings,
    renewal_months,
    resource_continued,
    signed_successor,
    strategic_meetings,
    within,
)
from partnerkit.values import Factory, valuetype

MEETING_REVIEW_DAYS = 365  # held meetings older than this are history, not a chore


@valuetype
class Obligation:
    """Something a record says must be done by ``due``.

    ``responsible`` names who does it (person ids; the reader keeps those in office) and
    ``role`` what they are, for when nobody holds the role. ``fact`` is the fact behind the
    obligation: obligations of several rules that share it are one thing to do. From
    ``error_from`` on, being late is an error rather than its rule's usual severity.
    ``consequence`` is the day that makes it matter (the meeting, the agreement's end)."""

    kind: str
    rule: str
    due: date
    path: tuple[str | int, ...]
    key: str
    responsible: tuple[str, ...] = ()
    role: str = ""
    args: dict[str, object] = Factory(dict)
    error_from: date | None = None
    consequence: date | None = None
    fact: str = ""

    def late(self, today: date) -> bool:
        return today > self.due

    @property
    def about(self) -> str:
        """The fact this obligation stems from (its own kind and key when it stands alone)."""
        return self.fact or f"{self.kind}/{self.key}"


Kind = Callable[[Partnership, date, Thresholds], Iterator[Obligation]]


def _ids(values) -> tuple[str, ...]:
    return tuple(v for v in values if v)


def sponsors_in_office(record: Partnership, on: date, side: str | None = None) -> list[str]:
    return [
        s.person_id
        for s in record.leadership
        if within(s.from_, s.to, on) and (side is None or s.side == side)
    ]


def coordinators(record: Partnership) -> tuple[str, ...]:
    coordination = record.coordination
    if coordination is None:
        return ()
    ids = [c.person_id for c in coordination.counterparts]
    if coordination.coordinator:
        ids.insert(0, coordination.coordinator.person_id)
    return _ids(ids)


def chairs(body: GovernanceBody) -> tuple[str, ...]:
    return _ids(m.person_id for m in body.members if m.role == "chair")


def leadership_meeting(record: Partnership, today: date, t: Thresholds) -> Iterator[Obligation]:
    """LEAD-02: the leaderships meet within ``leadership_meeting_warn_days`` of their last
    meeting; a meeting planned by then fulfils it."""
    held = strategic_meetings(record, today)
    if not held:
        return
    last = held[-1].date
    due = last + days(t.leadership_meeting_warn_days)
    strategic = [b for b in record.governance if is_strategic(b)]
    if any(m.date <= due for b in strategic for m in planned_meetings(b, today)):
        return
    yield Obligation(
        "leadership_meeting",
        "LEAD-02",
        due,
        ("governance",),
        "leadership",
        _ids(sponsors_in_office(record, today)),
        "sponsor",
        {"last": last},
        error_from=last + days(t.leadership_meeting_error_days + 1),
        fact="leadership-meeting",
    )


def body_meetings(record: Partnership, today: date, t: Thresholds) -> Iterator[Obligation]:
    """LVL-05: a body with a cadence meets within its interval times
    ``cadence_grace_factor`` of its last meeting; a meeting planned by then fulfils it."""
    for index, body in enumerate(record.governance):
        interval = cadence_days(body)
        held = held_meetings(body, today)
        if interval is None or not held:
            continue
        last = held[-1].date
        due = last + timedelta(days=math.floor(interval * t.cadence_grace_factor))
        planned = planned_meetings(body, today)
        if any(m.date <= due for m in planned):
            continue
        yield Obligation(
            "body_meeting",
            "LVL-05",
            due,
            ("governance", index, "meetings"),
            body.id,
            chairs(body) or coordinators(record),
            "chair" if chairs(body) else "coordinator",
            {
                "body": body.name or body.id,
                "last": last,
                "planned": planned[0].date if planned else None,
            },
            fact="leadership-meeting" if is_strategic(body) else "",
        )


def briefs(record: Partnership, today: date, t: Thresholds) -> Iterator[Obligation]:
    """COORD-04: the brief (underlag) of a planned meeting is sent ``brief_lead_days``
    before it."""
    for b, body in enumerate(record.governance):
        for m, meeting in enumerate(body.meetings):
            if meeting.status != "planned" or meeting.date < today or meeting.brief_sent:
                continue
            yield Obligation(
                "brief",
                "COORD-04",
                meeting.date - days(t.brief_lead_days),
                ("governance", b, "meetings", m),
                f"{body.id}/{meeting.date}",
                coordinators(record),
                "coordinator",
                {"body": body.name or body.id, "meeting": meeting.date},
                consequence=meeting.date,
            )


def minutes(record: Partnership, today: date, t: Thresholds) -> Iterator[Obligation]:
    """COORD-04: the minutes of a held meeting are filed ``minutes_lag_days`` after it."""
    oldest = today - days(MEETING_REVIEW_DAYS)
    for b, body in enumerate(record.governance):
        for m, meeting in enumerate(body.meetings):
            if meeting.status != "held" or not oldest <= meeting.date <= today:
                continue
            if meeting.minutes_ref is not None and meeting.minutes_date is not None:
                continue
            yield Obligation(
                "minutes",
                "COORD-04",
                meeting.date + days(t.minutes_lag_days),
                ("governance", b, "meetings", m),
                f"{body.id}/{meeting.date}",
                coordinators(record),
                "coordinator",
                {"body": body.name or body.id, "meeting": meeting.date},
            )


def decisions(record: Partnership, today: date, t: Thresholds) -> Iterator[Obligation]:
    """COORD-05: an open decision or action-plan item is done by its due date."""
    for index, decision in enumerate(record.decisions):
        if decision.status == "open" and decision.due is not None:
            yield Obligation(
                "decision",
                "COORD-05",
                decision.due,
                ("decisions", index, "due"),
                decision.id,
                _ids([decision.owner]),
                "owner",
                {"id": decision.id, "text": decision.text},
                fact=f"open/decisions/{index}",
            )
    for p, plan in enumerate(record.action_plans):
        for i, item in enumerate(plan.items):
            if item.status == "open" and item.due is not None:
                yield Obligation(
                    "action_item",
                    "COORD-05",
                    item.due,
                    ("action_plans", p, "items", i, "due"),
                    item.id,
                    _ids(item.responsible.values()),
                    "responsible",
                    {"id": item.id, "text": item.title},
                    fact=f"open/action_plans/{p}/{i}",
                )


def next_action_plan(record: Partnership, today: date, t: Thresholds) -> Iterator[Obligation]:
    """GOAL-06: the next action plan is agreed within ``action_plan_grace_days`` of the end
    of the last one."""
    plans = record.action_plans
    if not plans or any(p.period.to is None for p in plans):
        return
    index, end = max(
        ((i, p.period.to) for i, p in enumerate(plans) if p.period.to), key=lambda x: x[1]
    )
    yield Obligation(
        "action_plan",
        "GOAL-06",
        end + days(t.action_plan_grace_days),
        ("action_plans", index, "period", "to"),
        "action_plan",
        coordinators(record),
        "coordinator",
        {"end": end},
        consequence=end,
    )


def indicators(record: Partnership, today: date, t: Thresholds) -> Iterator[Obligation]:
    """GOAL-04: an indicator of an active goal is measured each interval (a quarter or a
    year), with a grace of ``indicator_grace_days_*``, counted from its last value."""
    for g, goal in enumerate(record.goals):
        if goal.status != "active":
            continue
        for i, indicator in enumerate(goal.indicators):
            last = last_value_date(indicator, today)
            if last is None:
                continue
            grace = (
                t.indicator_grace_days_quarterly
                if indicator.frequency == "quarterly"
                else t.indicator_grace_days_yearly
            )
            yield Obligation(
                "indicator",
                "GOAL-04",
                last + days(indicator_interval_days(indicator) + grace),
                ("goals", g, "indicators", i, "measurements"),
                f"{goal.id}/{indicator.id}",
                _ids(goal.owners.values()),
                "owner",
                {"name": indicator.name, "last": last},
            )


def assessment(record: Partnership, today: date, t: Thresholds) -> Iterator[Obligation]:
    """ASM-01: the joint self-assessment is made every ``assessment_max_months``."""
    last = latest(a.date for a in record.assessments if a.date <= today)
    if last is None:
        return
    yield Obligation(
        "assessment",
        "ASM-01",
        add_months(last, t.assessment_max_months),
        ("assessments",),
        "assessment",
        coordinators(record),
        "coordinator",
        {"last": last, "months": t.assessment_max_months},
    )


def renewal(record: Partnership, today: date, t: Thresholds) -> Iterator[Obligation]:
    """LONG-03: the evaluation before a renewal starts ``renewal_warn_months`` (or the
    agreement's review lead) before the agreement ends; an error from
    ``renewal_error_months`` (or its notice period) before. Not where renewal does not apply:
    the agreement says it is not renewed, or the partnership is phasing out."""
    agreement = current_agreement(record, today)
    if agreement is None or agreement.end is None or agreement.end < today:
        return
    if agreement.renewal and agreement.renewal.mode == "none":
        return
    if record.lifecycle.phase in ("avveckling", "avslutad") or signed_successor(record, agreement):
        return
    if evaluated_since(record, add_months(today, -t.assessment_max_months), today):
        return
    warn, error = renewal_months(agreement, t)
    yield Obligation(
        "renewal",
        "LONG-03",
        add_months(agreement.end, -warn),
        ("agreements", record.agreements.index(agreement), "end"),
        str(agreement.start),
        _ids(sponsors_in_office(record, today)),
        "sponsor",
        {"end": agreement.end},
        error_from=add_months(agreement.end, -error),
        consequence=agreement.end,
        fact=f"agreement-end/{agreement.start}",
    )


def agreement_end(record: Partnership, today: date, t: Thresholds) -> Iterator[Obligation]:
    """LONG-04: the agreement in force is renewed, or the partnership phased out, by its end."""
    agreement = current_agreement(record, today)
    if agreement is None or agreement.end is None:
        return
    day_after = agreement.end + timedelta(days=1)
    if any(
        a.start > agreement.start and a.signed_date is not None and a.start <= day_after
        for a in record.agreements
    ):
        return  # renewed without a gap
    yield Obligation(
        "expiry",
        "LONG-04",
        agreement.end,
        ("agreements", record.agreements.index(agreement), "end"),
        str(agreement.start),
        _ids(sponsors_in_office(record, today)),
        "sponsor",
        {"end": agreement.end},
        consequence=agreement.end,
        fact=f"agreement-end/{agreement.start}",
    )


def followup_log(record: Partnership, today: date, t: Thresholds) -> Iterator[Obligation]:
    """COORD-03: the follow-up log gets an entry every ``log_stale_warn_days`` (an error past
    ``log_stale_error_days``), counted from the last entry or the partnership's start."""
    last = last_log_date(record, today)
    since = last or partnership_start(record)
    yield Obligation(
        "log",
        "COORD-03",
        since + days(t.log_stale_warn_days),
        ("followup_log",),
        "log",
        coordinators(record),
        "coordinator",
        {"last": last, "since": since},
        error_from=since + days(t.log_stale_error_days + 1),
    )


def activity(record: Partnership, today: date, t: Thresholds) -> Iterator[Obligation]:
    """DIV-04: a joint activity is under way within ``dormant_warn_days`` of the last one
    (an error past ``dormant_error_days``)."""
    last = latest(last_active(a, today) for a in record.activities)
    if last is None or last >= today:
        return
    yield Obligation(
        "activity",
        "DIV-04",
        last + days(t.dormant_warn_days),
        ("activities",),
        "activity",
        coordinators(record),
        "coordinator",
        {"last": last},
        error_from=last + days(t.dormant_error_days + 1),
    )


def sponsor_successions(record: Partnership, today: date, t: Thresholds) -> Iterator[Obligation]:
    """LEAD-04: a sponsor who leaves has a successor on their side by the day they leave: a
    sponsor of that side in office the day after. A gap is a vacancy until a successor who
    started after it is in office."""
    for index, sponsor in enumerate(record.leadership):
        if sponsor.to is None or _succeeded(record, sponsor, today):
            continue
        yield Obligation(
            "sponsor_vacancy",
            "LEAD-04",
            sponsor.to,
            ("leadership", index, "to"),
            f"sponsor/{sponsor.person_id}",
            coordinators(record),
            "coordinator",
            {"person": sponsor.person_id, "side": sponsor.side, "role": sponsor.role},
            fact=f"sponsor/{sponsor.side}",
        )


def _succeeded(record: Partnership, sponsor, today: date) -> bool:
    day_after = sponsor.to + timedelta(days=1)
    others = [o for o in record.leadership if o is not sponsor and o.side == sponsor.side]
    return any(within(o.from_, o.to, day_after) for o in others) or any(
        o.from_ is not None and o.from_ > sponsor.to and within(o.from_, o.to, today)
        for o in others
    )


def contact_successions(record: Partnership, today: date, t: Thresholds) -> Iterator[Obligation]:
    """LVL-04: a member of a contact pair who leaves is replaced in the pair by the day they
    leave (an error ``contact_vacancy_error_days`` after)."""
    people = {p.id: p for p in record.people}
    unsucceeded = {str(o.args["person"]): o.fact for o in sponsor_successions(record, today, t)}
    for index, pair in enumerate(record.contact_pairs):
        for side, person_id in pair.members.items():
            person = people.get(person_id)
            left = person.active.to if person and person.active else None
            if left is None:
                continue
            yield Obligation(
                "contact_vacancy",
                "LVL-04",
                left,
                ("contact_pairs", index, "members", side),
                f"contact/{person_id}",
                coordinators(record),
                "coordinator",
                {"person": person_id, "level": pair.level, "side": side},
                error_from=left + days(t.contact_vacancy_error_days + 1),
                # a leaving sponsor who is also in a contact pair is one fact: their succession
                fact=unsucceeded.get(person_id, f"contact/{person_id}"),
            )


def resources_ending(record: Partnership, today: date, t: Thresholds) -> Iterator[Obligation]:
    """RES-03: an earmarked resource that ends is renewed or replaced by its end (another
    resource of the same side, level and purpose runs on)."""
    agreement = current_agreement(record, today)
    agreement_ends = agreement.end if agreement else None
    for index, resource in enumerate(record.resources):
        end = resource.period.to if resource.period else None
        if end is None or resource.status == "used":
            continue
        if resource_continued(record, resource, max(end + timedelta(days=1), today)):
            continue
        with_agreement = agreement is not None and end == agreement_ends
        yield Obligation(
            "resource",
            "RES-03",
            end,
            ("resources", index, "period", "to"),
            resource.id,
            _ids([resource.mandate.holder_person_id if resource.mandate else None]),
            "holder",
            {"id": resource.id, "purpose": resource.purpose or resource.id},
            consequence=end,
            fact=f"agreement-end/{agreement.start}" if with_agreement and agreement else "",
        )


KINDS: tuple[Kind, ...] = (
    leadership_meeting,
    body_meetings,
    briefs,
    minutes,
    decisions,
    next_action_plan,
    indicators,
    assessment,
    renewal,
    agreement_end,
    followup_log,
    activity,
    sponsor_successions,
    contact_successions,
    resources_ending,
)


def obligations(record: Partnership, today: date, t: Thresholds) -> list[Obligation]:
    """Every dated obligation of the record, whatever its date, in the order of :data:`KINDS`."""
    return [found for kind in KINDS for found in kind(record, today, t)]
