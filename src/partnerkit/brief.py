"""The steering-group brief (styrgruppsunderlag) for one meeting of one body, as data.

The brief is what a Swedish steering group expects before its meeting: a header (body, day,
time, place, diarienummer), an agenda with the standard points, the matters it is asked to
decide (beslutsärenden), each with its background, its proposal and what it rests on, and the
status report (lägesrapport) since the body's previous meeting: decisions to follow up, goals
and indicators, the economy, activities, people, risks and issues, the latest mutual
assessment and the agreement.

Matters for decision come from the record, structured, never from free text: a decision or an
action item of any body that ``goes_to`` this body's meeting, a draft action plan for the
coming period, and what the follow-up (:mod:`partnerkit.followup`) says needs a body's
decision: the evaluation before renewal, a successor sponsor, the next action plan, the
agreement's end. A flagged gap in the latest mutual assessment and a partnership that is
phasing out add a matter each. The follow-up's items are worded for the meeting day, so a
deadline that has passed by then reads as passed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from partnerkit import economy
from partnerkit.config import Thresholds
from partnerkit.errors import UsageError
from partnerkit.followup import CHORES, AssessmentView, Item, applicable_items, assessment_view
from partnerkit.i18n import N_, _, ngettext
from partnerkit.record.models import (
    ActionPlan,
    Decision,
    GovernanceBody,
    Indicator,
    Meeting,
    Partnership,
)
from partnerkit.timeline import (
    add_months,
    current_agreement,
    held_meetings,
    host_party,
    people_by_id,
    person_active,
)

UPCOMING_DAYS = 120
# Bodies that take the partnership's decisions; working, theme and internal groups prepare.
DECIDING_TYPES = ("styrgrupp", "partnerskapsrad", "ledningsmote", "core_team")
# What the follow-up says needs a decision, and the level of body that takes it first.
DECISION_KINDS = {
    "renewal": ("taktisk", "strategisk"),
    "expiry": ("strategisk", "taktisk"),
    "sponsor_vacancy": ("strategisk", "taktisk"),
    "action_plan": ("taktisk", "strategisk"),
}
PHASING_OUT = ("avveckling", "avslutad")
# Not for the meeting: the coordinator's own tasks (and the meeting itself).
NOT_FOR_THE_MEETING = (*CHORES, "log", "body_meeting")


@dataclass(frozen=True)
class Header:
    title: str
    partnership_id: str
    body_name: str
    body_type: str
    meeting: date
    time: str | None
    place: str | None
    diary_number: str | None
    since: date | None  # the body's previous meeting


@dataclass(frozen=True)
class Attendee:
    party: str
    name: str
    role: str  # chair, member, secretary, rapporteur


@dataclass(frozen=True)
class DecisionMatter:
    """One beslutsärende. ``proposal`` completes "The body is asked to decide to …";
    ``basis`` names what the matter rests on (a decision id, an action item, a rule)."""

    title: str
    background: tuple[str, ...]
    proposal: str
    basis: tuple[str, ...]
    source: str  # routed, action_plan, followup, assessment, closing
    item_keys: tuple[str, ...] = ()  # the follow-up items it stands for
    about: str = ""  # action_plan, renewal, expiry, sponsor_vacancy, closing, assessment


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
    trend: str | None = None  # better, worse, unchanged (by the indicator's direction)


@dataclass(frozen=True)
class GoalStatus:
    title: str
    comment: str
    indicators: tuple[IndicatorStatus, ...]


@dataclass(frozen=True)
class ActivityLine:
    id: str
    title: str
    form: str
    event: str  # started, completed, cancelled, planned


@dataclass(frozen=True)
class Economy:
    year: int
    rows: tuple[economy.Balance, ...]
    totals: tuple[economy.Total, ...]
    parties: dict[str, str]  # party id → name


@dataclass(frozen=True)
class PreviousMeeting:
    date: date
    minutes_ref: str | None
    minutes_date: date | None


@dataclass
class Brief:
    header: Header
    attendees: list[Attendee]
    previous: PreviousMeeting | None
    next_meeting: date | None
    matters: list[DecisionMatter]
    decisions: list[DecisionStatus]
    goals: list[GoalStatus]
    economy: Economy
    activities: list[ActivityLine]
    forms: dict[str, int]
    upcoming: list[Item]
    people_changes: list[str]
    risks: list[str]
    assessment: AssessmentView | None
    agreement: tuple[date, date | None, date | None] | None
    phase: str = ""
    notes: list[str] = field(default_factory=list)


def find_body(record: Partnership, body_id: str) -> GovernanceBody:
    body = next((b for b in record.governance if b.id == body_id), None)
    if body is None:
        known = ", ".join(b.id for b in record.governance) or "-"
        raise UsageError(
            _("{id} has no governance body '{body}'. Bodies: {known}.").format(
                id=record.id, body=body_id, known=known
            )
        )
    return body


def meeting_day(body: GovernanceBody, meeting: date | None, today: date) -> date:
    """The meeting the brief is for: the one asked for, else the body's next planned one."""
    if meeting is not None:
        cancelled = [m for m in body.meetings if m.date == meeting and m.status == "cancelled"]
        if cancelled:
            raise UsageError(
                _("The meeting of {body} on {date} is cancelled.").format(
                    body=body.name or body.id, date=meeting
                )
            )
        return meeting
    planned = sorted(m.date for m in body.meetings if m.status == "planned" and m.date >= today)
    if not planned:
        raise UsageError(
            _(
                "{body} has no planned meeting after {date}: give the meeting day with "
                "--meeting YYYY-MM-DD (or record the meeting with partnerkit meeting)."
            ).format(body=body.name or body.id, date=today)
        )
    return planned[0]


def build_brief(
    record: Partnership, body_id: str, meeting: date | None, today: date, t: Thresholds
) -> Brief:
    body = find_body(record, body_id)
    day = meeting_day(body, meeting, today)
    previous = [m for m in held_meetings(body, day) if m.date < day]
    since = previous[-1].date if previous else None
    window_start = since or date.min
    # Worded for the meeting day: what has passed by then reads as passed.
    items = applicable_items(record, t, day)
    activities = _activities(record, window_start, day)
    matters = _matters(record, body, day, items, t, today)
    return Brief(
        header=_header(record, body, day, since),
        attendees=_attendees(record, body, day),
        previous=_previous(previous[-1]) if previous else None,
        next_meeting=_next_meeting(body, day),
        matters=matters,
        decisions=_decisions(record, body, window_start, day),
        goals=_goals(record, day),
        economy=_economy(record, day.year),
        activities=activities,
        forms=dict(Counter(a.form for a in activities if a.event != "planned")),
        upcoming=_upcoming(items, day, matters),
        people_changes=_people_changes(record, window_start, day),
        risks=_risks(record, window_start, day),
        assessment=assessment_view(record, t),
        agreement=_agreement(record, day, t),
        phase=record.lifecycle.phase,
    )


def _next_meeting(body: GovernanceBody, day: date) -> date | None:
    later = sorted(m.date for m in body.meetings if m.status == "planned" and m.date > day)
    return later[0] if later else None


def _header(record: Partnership, body: GovernanceBody, day: date, since: date | None) -> Header:
    planned = next((m for m in body.meetings if m.date == day), None)
    return Header(
        title=record.title.sv,
        partnership_id=record.id,
        body_name=body.name or body.id,
        body_type=body.type,
        meeting=day,
        time=planned.time if planned else None,
        place=planned.place if planned else None,
        diary_number=_diary_number(record, day),
        since=since,
    )


def _diary_number(record: Partnership, day: date) -> str | None:
    """The host university's diarienummer of the agreement in force (else the latest)."""
    agreement = current_agreement(record, day) or (
        record.agreements[-1] if record.agreements else None
    )
    if agreement is None:
        return None
    host = host_party(record)
    return agreement.diary_numbers.get(host or "") or next(
        iter(agreement.diary_numbers.values()), None
    )


def _previous(meeting: Meeting) -> PreviousMeeting:
    return PreviousMeeting(meeting.date, meeting.minutes_ref, meeting.minutes_date)


def _name(record: Partnership, person_id: str | None) -> str:
    person = people_by_id(record).get(person_id or "")
    return person.name if person else (person_id or "–")


def _attendees(record: Partnership, body: GovernanceBody, day: date) -> list[Attendee]:
    """The members in office on the meeting day."""
    parties = {p.id: p.name for p in record.parties}
    people = people_by_id(record)
    return [
        Attendee(parties.get(m.side, m.side), _name(record, m.person_id), m.role)
        for m in body.members
        if m.person_id not in people or person_active(people[m.person_id], day)
    ]


# --- matters for decision ------------------------------------------------------------------


def _matters(
    record: Partnership,
    body: GovernanceBody,
    day: date,
    items: list[Item],
    t: Thresholds,
    today: date,
) -> list[DecisionMatter]:
    generated: list[DecisionMatter] = []
    draft = _draft_plan(record, day)
    if draft is not None and _first_to_decide(record, body, day, today, "action_plan"):
        generated.append(_plan_matter(draft))
    horizon = day + timedelta(days=UPCOMING_DAYS)
    for item in sorted(items, key=lambda i: (i.due, i.title)):
        if item.kind not in DECISION_KINDS or item.due > horizon:
            continue
        if item.kind == "action_plan" and draft is not None:
            continue
        if record.lifecycle.phase in PHASING_OUT and item.kind in ("renewal", "expiry"):
            continue
        if _first_to_decide(record, body, day, today, item.kind):
            generated.append(_followup_matter(item))
    if _first_to_decide(record, body, day, today, "assessment"):
        generated.extend(_assessment_matters(record, t))
    if record.lifecycle.phase == "avveckling" and _first_to_decide(
        record, body, day, today, "expiry"
    ):
        generated.append(_closing_matter(record, day))
    return _merged(_routed(record, body, day), generated)


def _merged(routed: list[DecisionMatter], generated: list[DecisionMatter]) -> list[DecisionMatter]:
    """A matter the record routes to the meeting and says what it is about (goes_to.about)
    absorbs the generated matter of that kind: one matter, resting on both."""
    matters = list(routed)
    for matter in generated:
        index = next(
            (i for i, m in enumerate(matters) if m.about and m.about == matter.about), None
        )
        if index is None:
            matters.append(matter)
            continue
        into = matters[index]
        matters[index] = replace(
            into,
            background=into.background + matter.background,
            basis=into.basis + matter.basis,
            item_keys=into.item_keys + matter.item_keys,
        )
    return matters


def _routed(record: Partnership, body: GovernanceBody, day: date) -> list[DecisionMatter]:
    """Decisions and action items of any body that name this body's meeting."""
    bodies = {b.id: b.name or b.id for b in record.governance}
    matters = []
    for decision in record.decisions:
        goes = decision.goes_to
        if goes is None or goes.body != body.id or goes.meeting != day:
            continue
        matters.append(_decision_matter(decision, bodies, record))
    for plan in record.action_plans:
        for item in plan.items:
            goes = item.goes_to
            if goes is None or goes.body != body.id or goes.meeting != day:
                continue
            background = [
                _("Action item {id} of the action plan {period}.").format(
                    id=item.id, period=_period(plan)
                )
            ]
            if item.responsible:
                names = ", ".join(_name(record, p) for p in item.responsible.values())
                background.append(_("Responsible: {names}.").format(names=names))
            if item.due:
                background.append(_("Due: {date}.").format(date=item.due))
            matters.append(
                DecisionMatter(
                    item.title,
                    tuple(background),
                    goes.proposal or _("take a position on the matter"),
                    (item.id,),
                    "routed",
                    (item.id,),
                    goes.about or "",
                )
            )
    return matters


def _decision_matter(
    decision: Decision, bodies: dict[str, str], record: Partnership
) -> DecisionMatter:
    goes = decision.goes_to
    assert goes is not None
    taken_by = bodies.get(decision.body_id or "", "")
    if taken_by:
        said = _("{body} decided on {date} ({id}): {text}").format(
            body=taken_by, date=decision.date, id=decision.id, text=decision.text
        )
    else:
        said = _("Decided on {date} ({id}): {text}").format(
            date=decision.date, id=decision.id, text=decision.text
        )
    background = [said]
    if decision.owner:
        background.append(_("Owner: {name}.").format(name=_name(record, decision.owner)))
    return DecisionMatter(
        decision.text,
        tuple(background),
        goes.proposal or _("take a position on the matter"),
        (decision.id,),
        "routed",
        (decision.id,),
        goes.about or "",
    )


def _period(plan: ActionPlan) -> str:
    start, end = plan.period.from_, plan.period.to
    if start and end and start.year == end.year:
        return str(start.year)
    return f"{start or '–'} – {end or '–'}"


def _draft_plan(record: Partnership, day: date) -> ActionPlan | None:
    """An action plan not yet approved for a period that has not ended by the meeting."""
    drafts = [
        p
        for p in record.action_plans
        if p.approved_by is None and (p.period.to is None or p.period.to >= day)
    ]
    return drafts[-1] if drafts else None


def _plan_matter(plan: ActionPlan) -> DecisionMatter:
    items = [i for i in plan.items if i.status == "open"]
    background = [
        ngettext(
            "A draft action plan for {period} is in the record, with {n} open item.",
            "A draft action plan for {period} is in the record, with {n} open items.",
            len(items),
        ).format(period=_period(plan), n=len(items)),
        *(f"{item.id}: {item.title}" for item in items),
    ]
    return DecisionMatter(
        _("Action plan {period}").format(period=_period(plan)),
        tuple(background),
        _("approve the action plan for {period}").format(period=_period(plan)),
        (_("the draft action plan {period}").format(period=_period(plan)),),
        "action_plan",
        about="action_plan",
    )


_FOLLOWUP_TITLES = {
    "renewal": N_("The evaluation before renewal"),
    "expiry": N_("The agreement's end"),
    "sponsor_vacancy": N_("A successor leadership sponsor"),
    "action_plan": N_("The next action plan"),
}
_FOLLOWUP_PROPOSALS = {
    "renewal": N_("start the evaluation before renewal and appoint who leads it"),
    "expiry": N_(
        "take a position on whether the agreement is renewed or the partnership is phased out"
    ),
    "sponsor_vacancy": N_("ask the party concerned to appoint a successor as leadership sponsor"),
    "action_plan": N_("approve the next action plan"),
}


def _followup_matter(item: Item) -> DecisionMatter:
    return DecisionMatter(
        _(_FOLLOWUP_TITLES[item.kind]),
        (item.title,),
        _(_FOLLOWUP_PROPOSALS[item.kind]),
        item.codes,
        "followup",
        (item.key,),
        item.kind,
    )


def _assessment_matters(record: Partnership, t: Thresholds) -> list[DecisionMatter]:
    view = assessment_view(record, t)
    latest = max(record.assessments, key=lambda a: a.date) if record.assessments else None
    if view is None or latest is None or latest.action_decision_ids:
        return []
    flagged = [g for g in view.gaps if g.flagged]
    if not flagged:
        return []
    background = [
        _("The mutual assessment of {date}: the parties' scores differ on {dimensions}.").format(
            date=view.date,
            dimensions=", ".join(g.dimension for g in flagged),  # the gaps: in 5.7
        )
    ]
    return [
        DecisionMatter(
            _("Measures after the mutual assessment"),
            tuple(background),
            _(
                "commission measures where the parties' views differ, to be reported at the next "
                "meeting"
            ),
            ("BEN-04",),
            "assessment",
            about="assessment",
        )
    ]


def _closing_matter(record: Partnership, day: date) -> DecisionMatter:
    from partnerkit.rules.closing import BLOCKERS, closing_blockers

    left = closing_blockers(record, day)
    background = [
        _("The partnership has been phasing out since {date}.").format(
            date=record.lifecycle.phase_since
        )
    ]
    if left:
        background.append(_("Left to settle before it can close:"))
        background.extend(left)
        proposal = _(
            "close the partnership once what is left is settled, and approve the closure report"
        )
    else:
        proposal = _("close the partnership and approve the closure report")
    return DecisionMatter(
        _("Closing the partnership"),
        tuple(background),
        proposal,
        tuple(item.code for item in BLOCKERS),
        "closing",
        about="closing",
    )


def _first_to_decide(
    record: Partnership, body: GovernanceBody, day: date, today: date, kind: str
) -> bool:
    """Whether this meeting is where the matter goes: the body is one that decides, at the
    level preferred for the matter where the partnership has one, and no other such body
    meets before it."""
    if body.type not in DECIDING_TYPES or body.internal:
        return False
    levels = DECISION_KINDS.get(kind, ("taktisk", "strategisk"))
    deciding = [b for b in record.governance if b.type in DECIDING_TYPES and not b.internal]
    for level in levels:
        at_level = [b for b in deciding if b.level == level]
        if at_level:
            break
    else:
        at_level = deciding
    if body not in at_level:
        return False
    others = [
        m.date
        for b in at_level
        if b is not body
        for m in b.meetings
        if m.status == "planned" and today <= m.date < day
    ]
    return not others


# --- the status report ---------------------------------------------------------------------


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
        trend=_trend(indicator, latest.value if latest else None, previous),
    )


def _trend(indicator: Indicator, latest: float | None, previous: float | None) -> str | None:
    if latest is None or previous is None:
        return None
    if latest == previous:
        return "unchanged"
    rising = latest > previous
    if indicator.direction == "maintain":
        return "worse"
    return "better" if rising == (indicator.direction == "increase") else "worse"


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


def _goals(record: Partnership, meeting: date) -> list[GoalStatus]:
    return [
        GoalStatus(
            goal.title,
            goal.status_comment or "",
            tuple(indicator_status(goal.title, i, meeting) for i in goal.indicators),
        )
        for goal in record.goals
        if goal.status == "active"
    ]


def _economy(record: Partnership, year: int) -> Economy:
    order = {p.id: i for i, p in enumerate(record.parties)}
    rows = sorted(economy.balances(record, year), key=lambda b: order.get(b.side, len(order)))
    return Economy(
        year, tuple(rows), tuple(economy.totals(rows)), {p.id: p.name for p in record.parties}
    )


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


def _upcoming(items: list[Item], day: date, matters: list[DecisionMatter]) -> list[Item]:
    """What falls due in the months after the meeting, less the coordinator's own tasks, the
    meeting itself and what is already a matter for decision."""
    decided = {key for matter in matters for key in matter.item_keys}
    horizon = day + timedelta(days=UPCOMING_DAYS)
    chosen = [
        item
        for item in items
        if item.kind not in NOT_FOR_THE_MEETING
        and day <= item.due <= horizon
        and item.key not in decided
    ]
    return sorted(chosen, key=lambda i: (i.due, i.title))


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
    """The agreement in force: start, end and, where renewal applies, when the evaluation
    before renewal should start (not when the partnership is phasing out or renewal is off)."""
    agreement = current_agreement(record, meeting)
    if agreement is None:
        return None
    renews = record.lifecycle.phase not in PHASING_OUT and (
        agreement.renewal is None or agreement.renewal.mode != "none"
    )
    window = add_months(agreement.end, -t.renewal_warn_months) if agreement.end and renews else None
    return agreement.start, agreement.end, window
