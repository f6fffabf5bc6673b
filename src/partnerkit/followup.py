"""Follow-up: what is overdue and what is due soon, per partnership, for one "today".

Nothing is stored as "overdue": every item is computed from the record's dates. An item's
due date is the date from which its rule starts to report it, so the follow-up and
``partnerkit check`` always agree. Items appear only in the phases where their rule applies.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import partial

from partnerkit.config import Thresholds
from partnerkit.findings import Severity
from partnerkit.i18n import _
from partnerkit.load.pipeline import CheckResult, FileReport, OnRecord
from partnerkit.record.models import GovernanceBody, Partnership
from partnerkit.record.vocab import label
from partnerkit.rules import get as get_rule
from partnerkit.rules.base import HANDBOOK_CRITERIA
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
    last_measurement,
    latest,
    people_by_id,
    planned_meetings,
    renewal_months,
    resource_continued,
    signed_successor,
    strategic_meetings,
    within,
)

MET, ATTENTION, NOT_MET = "met", "attention", "not_met"
HEALTH_SYMBOL = {MET: "✓", ATTENTION: "!", NOT_MET: "✗"}
OVERDUE, DUE_SOON = "overdue", "due_soon"


@dataclass(frozen=True)
class Item:
    """Something to do by a date. ``responsible`` maps a party's name to the people on it."""

    kind: str
    due: date
    title: str
    rule: str
    responsible: tuple[tuple[str, str], ...] = ()
    path: tuple[str | int, ...] = ()
    key: str = ""  # what the item is about, stable when the record is edited
    status: str = ""  # OVERDUE or DUE_SOON, set for one "today" by partnership_followup

    def days_from(self, today: date) -> int:
        return (self.due - today).days


@dataclass(frozen=True)
class Score:
    dimension: str
    party: str
    value: float | str
    previous: float | str | None


@dataclass(frozen=True)
class Gap:
    dimension: str
    spread: float
    flagged: bool


@dataclass(frozen=True)
class AssessmentView:
    date: date
    instrument: str
    previous_date: date | None
    scores: tuple[Score, ...]
    gaps: tuple[Gap, ...]


@dataclass
class PartnershipFollowup:
    id: str
    title: str
    file: str
    phase: str
    agreement_end: date | None
    health: dict[str, str]
    items: list[Item] = field(default_factory=list)
    assessment: AssessmentView | None = None
    problems: int = 0

    @property
    def overdue(self) -> int:
        return sum(item.status == OVERDUE for item in self.items)

    @property
    def due_soon(self) -> int:
        return sum(item.status == DUE_SOON for item in self.items)


@dataclass
class Followup:
    today: date
    horizon: int
    partnerships: list[PartnershipFollowup]
    unreadable: list[FileReport] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(p.overdue for p in self.partnerships)


def build_followup(result: CheckResult, today: date, horizon: int) -> Followup:
    """Collect the follow-up of every record checked with ``on_record=partnership_followup``."""
    views, unreadable = [], []
    for report in result.files:
        if isinstance(report.derived, PartnershipFollowup):
            views.append(report.derived)
        elif not report.skipped:
            unreadable.append(report)
    views.sort(key=lambda view: view.id)
    return Followup(today, horizon, views, unreadable)


def followup_on_record(thresholds: Thresholds, today: date, horizon: int) -> OnRecord:
    """The ``on_record`` function of the follow-up (see ``check_paths``)."""
    return partial(partnership_followup, thresholds=thresholds, today=today, horizon=horizon)


def partnership_followup(
    report: FileReport, record: Partnership, thresholds: Thresholds, today: date, horizon: int
) -> PartnershipFollowup:
    """The follow-up of one record (called while the record is loaded; see ``check_paths``)."""
    agreement = current_agreement(record, today)
    limit = today + timedelta(days=horizon)
    items = [
        _with_status(item, today)
        for item in applicable_items(record, thresholds, today)
        if item.due <= limit
    ]
    items.sort(key=lambda item: (item.due, item.rule, item.title))
    return PartnershipFollowup(
        id=record.id,
        title=record.title.sv,
        file=report.file,
        phase=record.lifecycle.phase,
        agreement_end=agreement.end if agreement else None,
        health=criterion_health(report),
        items=items,
        assessment=assessment_view(record, thresholds),
        problems=sum(f.severity == Severity.ERROR for f in report.findings),
    )


def applicable_items(record: Partnership, t: Thresholds, today: date) -> list[Item]:
    """The dated obligations whose rule applies in the record's phase."""
    phase = record.lifecycle.phase
    return [item for item in due_items(record, t, today) if _applies(item.rule, phase)]


def _applies(code: str, phase: str) -> bool:
    rule = get_rule(code)
    return rule is None or rule.applies_to(phase)


def _with_status(item: Item, today: date) -> Item:
    status = OVERDUE if item.due < today else DUE_SOON
    return replace(item, status=status)


def criterion_health(report: FileReport) -> dict[str, str]:
    """Met, attention (warnings) or not met (errors), per handbook criterion, from the rules."""
    worst: dict[str, Severity] = {}
    for finding in report.findings:
        rule = get_rule(finding.code)
        if rule is None or finding.severity == Severity.INFO:
            continue
        worst[rule.criterion] = max(worst.get(rule.criterion, finding.severity), finding.severity)
    health = {}
    for criterion in HANDBOOK_CRITERIA:
        severity = worst.get(criterion)
        health[criterion] = (
            MET if severity is None else NOT_MET if severity == Severity.ERROR else ATTENTION
        )
    return health


def due_items(record: Partnership, t: Thresholds, today: date) -> Iterator[Item]:
    """Every dated obligation of the record, whatever its date."""
    people = _People(record, today)
    yield from _leadership_meeting(record, t, today, people)
    for index, body in enumerate(record.governance):
        yield from _body_meetings(body, index, t, today, people)
    yield from _decisions(record, people)
    yield from _action_plans(record, t, today, people)
    yield from _indicators(record, t, today, people)
    yield from _assessment_due(record, t, today, people)
    yield from _agreement_dates(record, t, today, people)
    yield from _log_freshness(record, t, today, people)
    yield from _activity_pulse(record, t, today, people)
    yield from _vacancies(record, today, people)
    yield from _lapsing_resources(record, today, people)


class _People:
    """Names of the people responsible, grouped by party, for an item."""

    def __init__(self, record: Partnership, today: date) -> None:
        self.record = record
        self.today = today
        self.by_id = people_by_id(record)
        self.party_names = {p.id: p.name for p in record.parties}

    def named(self, person_ids: list[str | None]) -> tuple[tuple[str, str], ...]:
        sides: dict[str, list[str]] = {}
        for person_id in person_ids:
            person = self.by_id.get(person_id or "")
            if person is None:
                continue
            names = sides.setdefault(self.party_names.get(person.side, person.side), [])
            label = f"{person.name} ({person.title})" if person.title else person.name
            if label not in names:
                names.append(label)
        return tuple((party, ", ".join(names)) for party, names in sides.items())

    def sponsors(self) -> list[str | None]:
        """The sponsors in office today."""
        return [s.person_id for s in self.record.leadership if within(s.from_, s.to, self.today)]

    def coordinators(self) -> list[str | None]:
        coordination = self.record.coordination
        if coordination is None:
            return []
        ids = [c.person_id for c in coordination.counterparts]
        if coordination.coordinator:
            ids.insert(0, coordination.coordinator.person_id)
        return ids

    def body(self, body: GovernanceBody) -> list[str | None]:
        chairs = [m.person_id for m in body.members if m.role == "chair"]
        return chairs + [m.person_id for m in body.members if m.role != "chair"]


def _leadership_meeting(
    record: Partnership, t: Thresholds, today: date, people: _People
) -> Iterator[Item]:
    if not any(is_strategic(b) for b in record.governance):
        return
    held = strategic_meetings(record, today)
    if not held:
        return
    last = held[-1].date
    planned = [m for b in record.governance if is_strategic(b) for m in planned_meetings(b, today)]
    due = last + days(t.leadership_meeting_warn_days)
    if planned and min(m.date for m in planned) <= due:
        return
    yield Item(
        "leadership_meeting",
        due,
        _("Hold the next leadership meeting (the last was on {date}).").format(date=last),
        "LEAD-02",
        people.named(people.sponsors()),
        ("governance",),
        key="leadership",
    )


def _body_meetings(
    body: GovernanceBody, index: int, t: Thresholds, today: date, people: _People
) -> Iterator[Item]:
    name = body.name or body.id
    responsible = people.named(people.body(body))
    coordinators = people.named(people.coordinators())
    held = held_meetings(body, today)
    planned = planned_meetings(body, today)
    interval = cadence_days(body)
    if interval and held:
        due = held[-1].date + days(interval * t.cadence_grace_factor)
        if not planned or planned[0].date > due:
            yield Item(
                "body_meeting",
                due,
                _("Call a meeting of {body} (the last was on {date}).").format(
                    body=name, date=held[-1].date
                ),
                "LVL-05",
                responsible,
                ("governance", index, "meetings"),
                key=body.id,
            )
    for meeting in planned:
        yield Item(
            "meeting",
            meeting.date,
            _("Meeting of {body}.").format(body=name),
            "",
            responsible,
            ("governance", index, "meetings", body.meetings.index(meeting)),
            key=f"{body.id}/{meeting.date}",
        )
        if meeting.brief_sent is None:
            yield Item(
                "brief",
                meeting.date - timedelta(days=t.brief_lead_days),
                _("Send the brief (underlag) for the {date} meeting of {body}.").format(
                    date=meeting.date, body=name
                ),
                "COORD-04",
                coordinators,
                ("governance", index, "meetings", body.meetings.index(meeting)),
                key=f"{body.id}/{meeting.date}",
            )
    for meeting in held:
        recent = (today - meeting.date).days <= 365
        if recent and (meeting.minutes_ref is None or meeting.minutes_date is None):
            yield Item(
                "minutes",
                meeting.date + timedelta(days=t.minutes_lag_days),
                _("File the minutes of the {date} meeting of {body}.").format(
                    date=meeting.date, body=name
                ),
                "COORD-04",
                coordinators,
                ("governance", index, "meetings", body.meetings.index(meeting)),
                key=f"{body.id}/{meeting.date}",
            )


def _decisions(record: Partnership, people: _People) -> Iterator[Item]:
    for index, decision in enumerate(record.decisions):
        if decision.status == "open" and decision.due is not None:
            yield Item(
                "decision",
                decision.due,
                _("Follow up decision {id}: {text}").format(id=decision.id, text=decision.text),
                "COORD-05",
                people.named([decision.owner]),
                ("decisions", index),
                key=decision.id,
            )


def _action_plans(
    record: Partnership, t: Thresholds, today: date, people: _People
) -> Iterator[Item]:
    plans = sorted(record.action_plans, key=lambda p: p.period.from_ or date.min)
    for p_index, plan in enumerate(record.action_plans):
        for i_index, item in enumerate(plan.items):
            if item.status == "open" and item.due is not None:
                yield Item(
                    "action_item",
                    item.due,
                    _("Action plan item: {title}").format(title=item.title),
                    "COORD-05",
                    people.named(list(item.responsible.values())),
                    ("action_plans", p_index, "items", i_index),
                    key=item.id,
                )
    ends = [p.period.to for p in plans if p.period.to is not None]
    if plans and ends and not any(within(p.period.from_, p.period.to, today) for p in plans):
        last_end = max(ends)
        if last_end < today + timedelta(days=366):
            yield Item(
                "action_plan",
                last_end + timedelta(days=t.action_plan_grace_days),
                _("Agree the next action plan (the last one ended on {date}).").format(
                    date=last_end
                ),
                "GOAL-06",
                people.named(people.coordinators()),
                ("action_plans",),
                key="action_plan",
            )


def _indicators(record: Partnership, t: Thresholds, today: date, people: _People) -> Iterator[Item]:
    for g_index, goal in enumerate(record.goals):
        if goal.status != "active":
            continue
        for i_index, indicator in enumerate(goal.indicators):
            last = last_measurement(indicator, today)
            if last is None:
                last = indicator.baseline.date if indicator.baseline else None
            if last is None:
                continue
            grace = (
                t.indicator_grace_days_quarterly
                if indicator.frequency == "quarterly"
                else t.indicator_grace_days_yearly
            )
            yield Item(
                "indicator",
                last + timedelta(days=indicator_interval_days(indicator) + grace),
                _("Measure the indicator '{name}' (last value from {date}).").format(
                    name=indicator.name, date=last
                ),
                "GOAL-04",
                people.named(list(goal.owners.values())),
                ("goals", g_index, "indicators", i_index),
                key=f"{goal.id}/{indicator.id}",
            )


def _assessment_due(
    record: Partnership, t: Thresholds, today: date, people: _People
) -> Iterator[Item]:
    last = latest(a.date for a in record.assessments if a.date <= today)
    if last is None:
        return
    yield Item(
        "assessment",
        add_months(last, t.assessment_max_months),
        _("Run the joint self-assessment (the last was on {date}).").format(date=last),
        "ASM-01",
        people.named(people.coordinators()),
        ("assessments",),
        key="assessment",
    )


def _agreement_dates(
    record: Partnership, t: Thresholds, today: date, people: _People
) -> Iterator[Item]:
    agreement = current_agreement(record, today)
    if agreement is None or agreement.end is None or signed_successor(record, agreement):
        return
    index = record.agreements.index(agreement)
    sponsors = people.named(people.sponsors())
    recently = add_months(today, -t.assessment_max_months)
    if not evaluated_since(record, recently, today):
        warn, _error = renewal_months(agreement, t)
        yield Item(
            "renewal",
            add_months(agreement.end, -warn),
            _("Start the evaluation before renewal: the agreement ends on {date}.").format(
                date=agreement.end
            ),
            "LONG-03",
            sponsors,
            ("agreements", index, "end"),
            key=str(agreement.start),
        )
    yield Item(
        "expiry",
        agreement.end,
        _("The agreement ends: renew it or phase the partnership out."),
        "LONG-04",
        sponsors,
        ("agreements", index, "end"),
        key=str(agreement.start),
    )


def _log_freshness(
    record: Partnership, t: Thresholds, today: date, people: _People
) -> Iterator[Item]:
    last = last_log_date(record, today)
    if last is None:
        return
    yield Item(
        "log",
        last + timedelta(days=t.log_stale_warn_days),
        _("Update the follow-up log (the last entry is from {date}).").format(date=last),
        "COORD-03",
        people.named(people.coordinators()),
        ("followup_log",),
        key="log",
    )


def _activity_pulse(
    record: Partnership, t: Thresholds, today: date, people: _People
) -> Iterator[Item]:
    last = latest(last_active(a, today) for a in record.activities)
    if last is None or any(
        a.status == "ongoing" and (a.end is None or a.end >= today) for a in record.activities
    ):
        return
    yield Item(
        "activity",
        last + timedelta(days=t.dormant_warn_days),
        _("Start a joint activity: nothing has been under way since {date}.").format(date=last),
        "DIV-04",
        people.named(people.coordinators()),
        ("activities",),
        key="activity",
    )


def _vacancies(record: Partnership, today: date, people: _People) -> Iterator[Item]:
    for index, sponsor in enumerate(record.leadership):
        if sponsor.to is None:
            continue
        day_after = sponsor.to + timedelta(days=1)
        successors = [
            s
            for s in record.leadership
            if s.side == sponsor.side and s is not sponsor and within(s.from_, s.to, day_after)
        ]
        if not successors:
            yield Item(
                "vacancy",
                sponsor.to,
                _("Find a successor for {name} as leadership sponsor.").format(
                    name=people.by_id[sponsor.person_id].name
                    if sponsor.person_id in people.by_id
                    else sponsor.person_id
                ),
                "LEAD-04",
                people.named(people.coordinators()),
                ("leadership", index),
                key=f"sponsor/{sponsor.person_id}",
            )
    pair_people = {pid for pair in record.contact_pairs for pid in pair.members.values()}
    for index, person in enumerate(record.people):
        if person.id in pair_people and person.active and person.active.to:
            yield Item(
                "vacancy",
                person.active.to,
                _("Find a new contact to replace {name} ({level}).").format(
                    name=person.name,
                    level=label("level", person.level) if person.level else "–",
                ),
                "LVL-04",
                people.named(people.coordinators()),
                ("people", index),
                key=f"contact/{person.id}",
            )


def _lapsing_resources(record: Partnership, today: date, people: _People) -> Iterator[Item]:
    for index, resource in enumerate(record.resources):
        end = resource.period.to if resource.period else None
        if end is None or resource.status != "committed":
            continue
        if resource_continued(record, resource, end + timedelta(days=1)):
            continue
        holder = resource.mandate.holder_person_id if resource.mandate else None
        yield Item(
            "resource",
            end,
            _("The earmarked resource '{purpose}' ends: renew or replace it.").format(
                purpose=resource.purpose or resource.id
            ),
            "RES-03",
            people.named([holder]),
            ("resources", index),
            key=resource.id,
        )


def score_number(value: float | str) -> float | None:
    scale = {"red": 1.0, "amber": 2.0, "green": 3.0, "low": 1.0, "medium": 2.0, "high": 3.0}
    return float(value) if isinstance(value, int | float) else scale.get(value)


def assessment_view(record: Partnership, t: Thresholds) -> AssessmentView | None:
    """The latest assessment per party and dimension, the trend and the gap between parties."""
    ordered = sorted(record.assessments, key=lambda a: a.date)
    if not ordered:
        return None
    current = ordered[-1]
    previous = ordered[-2] if len(ordered) > 1 else None
    before = {(s.dimension, s.side): s.value for s in previous.scores} if previous else {}
    names = {p.id: p.name for p in record.parties}
    scores = tuple(
        Score(s.dimension, names.get(s.side, s.side), s.value, before.get((s.dimension, s.side)))
        for s in current.scores
    )
    gaps = []
    for dimension in dict.fromkeys(s.dimension for s in current.scores):
        values = [score_number(s.value) for s in current.scores if s.dimension == dimension]
        numbers = [v for v in values if v is not None]
        if len(numbers) < 2:
            continue
        spread = round(max(numbers) - min(numbers), 2)
        threshold = t.benefit_gap_threshold if current.scale == "likert5" else 1.5
        gaps.append(Gap(dimension, spread, spread > threshold))
    return AssessmentView(
        current.date,
        current.instrument,
        previous.date if previous else None,
        scores,
        tuple(gaps),
    )
