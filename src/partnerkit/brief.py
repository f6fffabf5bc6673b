"""The steering-group brief (styrgruppsunderlag) for one meeting of one body, as data.

It covers the period since the body's previous meeting: decisions and their status, goals and
indicators against targets, activities started, completed and cancelled, what is coming,
resources, people changes, risks, the latest mutual assessment, the agreement timeline and
proposals for decision.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from partnerkit.config import Thresholds
from partnerkit.errors import UsageError
from partnerkit.followup import AssessmentView, Item, applicable_items, assessment_view
from partnerkit.i18n import _, current_language
from partnerkit.record.models import Decision, GovernanceBody, Indicator, Partnership
from partnerkit.record.vocab import label
from partnerkit.timeline import add_months, current_agreement, held_meetings, people_by_id

UPCOMING_DAYS = 120
DECISION_KINDS = (
    "renewal",
    "expiry",
    "action_plan",
    "sponsor_vacancy",
    "contact_vacancy",
    "assessment",
    "resource",
)


@dataclass(frozen=True)
class DecisionStatus:
    id: str
    text: str
    owner: str
    due: date | None
    status: str  # done, open, overdue, cancelled


@dataclass(frozen=True)
class IndicatorStatus:
    goal: str
    name: str
    unit: str
    baseline: float | None
    target: float | None
    target_date: date | None
    latest: float | None
    latest_date: date | None
    previous: float | None
    on_track: bool | None


@dataclass(frozen=True)
class ActivityLine:
    id: str
    title: str
    form: str
    event: str  # started, completed, cancelled, planned


@dataclass
class Brief:
    partnership: Partnership
    body: GovernanceBody
    meeting: date
    since: date | None
    attendees: list[tuple[str, str]]
    decisions: list[DecisionStatus]
    indicators: list[IndicatorStatus]
    activities: list[ActivityLine]
    forms: dict[str, int]
    upcoming: list[Item]
    resources: list[tuple[str, str, str, str]]
    people_changes: list[str]
    risks: list[str]
    assessment: AssessmentView | None
    agreement: tuple[date, date | None, date | None] | None
    proposals: list[str] = field(default_factory=list)


def build_brief(
    record: Partnership, body_id: str, meeting: date | None, today: date, t: Thresholds
) -> Brief:
    body = next((b for b in record.governance if b.id == body_id), None)
    if body is None:
        known = ", ".join(b.id for b in record.governance) or "-"
        raise UsageError(
            _("{id} has no governance body '{body}'. Bodies: {known}.").format(
                id=record.id, body=body_id, known=known
            )
        )
    meeting = meeting or _next_meeting(body, today)
    previous = [m.date for m in held_meetings(body, meeting) if m.date < meeting]
    since = previous[-1] if previous else None
    window_start = since or date.min
    activities = _activities(record, window_start, meeting)
    upcoming = [
        item
        for item in applicable_items(record, t, today)
        if meeting <= item.due <= meeting + timedelta(days=UPCOMING_DAYS)
    ]
    return Brief(
        partnership=record,
        body=body,
        meeting=meeting,
        since=since,
        attendees=_attendees(record, body),
        decisions=_decisions(record, body, window_start, meeting),
        indicators=_indicators(record, meeting),
        activities=activities,
        forms=dict(Counter(a.form for a in activities if a.event != "planned")),
        upcoming=sorted(upcoming, key=lambda i: (i.due, i.title)),
        resources=_resources(record, meeting),
        people_changes=_people_changes(record, window_start, meeting),
        risks=_risks(record, window_start, meeting),
        assessment=assessment_view(record, t),
        agreement=_agreement(record, meeting, t),
        proposals=_proposals(record, body, meeting, t, today),
    )


def _next_meeting(body: GovernanceBody, today: date) -> date:
    planned = sorted(m.date for m in body.meetings if m.status == "planned" and m.date >= today)
    return planned[0] if planned else today


def _name(record: Partnership, person_id: str | None) -> str:
    person = people_by_id(record).get(person_id or "")
    return person.name if person else (person_id or "–")


def _attendees(record: Partnership, body: GovernanceBody) -> list[tuple[str, str]]:
    parties = {p.id: p.name for p in record.parties}
    lang = current_language()
    return [
        (
            parties.get(m.side, m.side),
            f"{_name(record, m.person_id)} ({label('member_role', m.role, lang)})",
        )
        for m in body.members
    ]


def _decision_status(decision: Decision, meeting: date) -> str:
    if decision.status != "open":
        return decision.status
    if decision.due is not None and decision.due < meeting:
        return "overdue"
    return "open"


def _decisions(
    record: Partnership, body: GovernanceBody, start: date, meeting: date
) -> list[DecisionStatus]:
    chosen = []
    for decision in record.decisions:
        if decision.body_id not in (None, body.id) or decision.date >= meeting:
            continue
        closed_in_window = decision.closed is not None and decision.closed >= start
        if decision.status == "open" or decision.date >= start or closed_in_window:
            chosen.append(
                DecisionStatus(
                    decision.id,
                    decision.text,
                    _name(record, decision.owner),
                    decision.due,
                    _decision_status(decision, meeting),
                )
            )
    return chosen


def indicator_status(goal: str, indicator: Indicator, meeting: date) -> IndicatorStatus:
    values = sorted((m for m in indicator.measurements if m.date <= meeting), key=lambda m: m.date)
    latest = values[-1] if values else None
    previous = values[-2].value if len(values) > 1 else None
    base = indicator.baseline
    target = indicator.target
    return IndicatorStatus(
        goal=goal,
        name=indicator.name,
        unit=indicator.unit or "",
        baseline=base.value if base else None,
        target=target.value if target else None,
        target_date=target.date if target else None,
        latest=latest.value if latest else None,
        latest_date=latest.date if latest else None,
        previous=previous,
        on_track=_on_track(indicator, latest.value if latest else None, meeting),
    )


def _on_track(indicator: Indicator, value: float | None, when: date) -> bool | None:
    """Progress from baseline to target at least as far as the time elapsed (less 10 %)."""
    base, target = indicator.baseline, indicator.target
    if value is None or base is None or target is None or target.value == base.value:
        return None
    span = (target.date - base.date).days
    if span <= 0:
        return None
    elapsed = min(max((when - base.date).days / span, 0.0), 1.0)
    progress = (value - base.value) / (target.value - base.value)
    return progress >= elapsed - 0.1


def _indicators(record: Partnership, meeting: date) -> list[IndicatorStatus]:
    return [
        indicator_status(goal.title, indicator, meeting)
        for goal in record.goals
        if goal.status == "active"
        for indicator in goal.indicators
    ]


def _activities(record: Partnership, start: date, meeting: date) -> list[ActivityLine]:
    lines = []
    for activity in record.activities:
        event = None
        if activity.status == "cancelled" and (activity.end or activity.start or start) >= start:
            event = "cancelled"
        elif activity.status == "completed" and activity.end and start <= activity.end < meeting:
            event = "completed"
        elif activity.start and start <= activity.start < meeting:
            event = "started"
        elif activity.status == "planned" and (activity.start is None or activity.start >= meeting):
            event = "planned"
        if event:
            lines.append(ActivityLine(activity.id, activity.title, activity.form, event))
    return lines


def _resources(record: Partnership, meeting: date) -> list[tuple[str, str, str, str]]:
    parties = {p.id: p.name for p in record.parties}
    rows = []
    for resource in record.resources:
        period = resource.period
        if period and period.to and period.to < meeting:
            continue
        amount = _amount(resource.amount, resource.unit) if resource.amount else "–"
        ends = str(period.to) if period and period.to else "–"
        rows.append((parties.get(resource.side, resource.side), resource.level, amount, ends))
    return rows


def _amount(value: float, unit: str | None) -> str:
    """``1 800 000 SEK_per_year``: grouped digits (narrow spaces) for large amounts."""
    number = f"{value:,.0f}".replace(",", "\u202f") if value >= 10_000 else f"{value:g}"
    return f"{number} {unit or ''}".strip()


def _people_changes(record: Partnership, start: date, meeting: date) -> list[str]:
    changes = []
    for sponsor in record.leadership:
        name = _name(record, sponsor.person_id)
        if sponsor.from_ and start <= sponsor.from_ < meeting:
            changes.append(
                _("{name} became sponsor ({role}) on {date}.").format(
                    name=name, role=sponsor.role, date=sponsor.from_
                )
            )
        if sponsor.to and start <= sponsor.to < meeting:
            changes.append(
                _("{name} left the sponsor role on {date}.").format(name=name, date=sponsor.to)
            )
    for person in record.people:
        active = person.active
        if active and active.from_ and start <= active.from_ < meeting:
            changes.append(
                _("{name} joined ({title}) on {date}.").format(
                    name=person.name, title=person.title or "–", date=active.from_
                )
            )
        if active and active.to and start <= active.to < meeting:
            changes.append(
                _("{name} left ({title}) on {date}.").format(
                    name=person.name, title=person.title or "–", date=active.to
                )
            )
    return changes


def _risks(record: Partnership, start: date, meeting: date) -> list[str]:
    risks = [
        f"{entry.date}: {entry.summary}"
        for entry in record.followup_log
        if entry.type in ("issue", "risk") and start <= entry.date < meeting
    ]
    if record.ethics:
        for dual in record.ethics.dual_roles:
            if not dual.handled:
                risks.append(
                    _("Dual role not yet handled: {name} ({roles}).").format(
                        name=_name(record, dual.person_id), roles=", ".join(dual.roles)
                    )
                )
    return risks


def _agreement(
    record: Partnership, meeting: date, t: Thresholds
) -> tuple[date, date | None, date | None] | None:
    agreement = current_agreement(record, meeting)
    if agreement is None:
        return None
    window = add_months(agreement.end, -t.renewal_warn_months) if agreement.end else None
    return agreement.start, agreement.end, window


def _proposals(
    record: Partnership, body: GovernanceBody, meeting: date, t: Thresholds, today: date
) -> list[str]:
    prepared = [
        _("{text} (owner: {owner}, due {due})").format(
            text=d.text, owner=_name(record, d.owner), due=d.due or "–"
        )
        for d in record.decisions
        if d.body_id == body.id and d.date == meeting and d.status == "open"
    ]
    horizon = meeting + timedelta(days=UPCOMING_DAYS)
    suggested = [
        item.title
        for item in applicable_items(record, t, today)
        if item.kind in DECISION_KINDS and item.due <= horizon
    ]
    return prepared + suggested
