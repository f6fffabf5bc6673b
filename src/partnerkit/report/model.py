"""The leadership report as plain data: the portfolio, and the annual report of one partnership.

Each record is reduced to a :class:`PartnershipReport` while it is loaded (the ``on_record``
functions below, run by :func:`partnerkit.check.check_paths`), so a large portfolio never
holds more than one record model at a time. The follow-up items, criterion health and the
mutual assessment come from :mod:`partnerkit.followup`, and indicator status from
:mod:`partnerkit.brief`, so the report always agrees with ``followup`` and ``brief``.

Every date computation takes "today" as an argument. The annual report of a year is built as
of the end of that year (or today, for the current year), so it shows what was known then.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial

from partnerkit.brief import IndicatorStatus, indicator_status
from partnerkit.check import CheckResult, FileReport
from partnerkit.config import Thresholds
from partnerkit.followup import (
    HANDBOOK_CRITERIA,
    MET,
    NOT_MET,
    OVERDUE,
    AssessmentView,
    Item,
    assessment_view,
    partnership_followup,
    score_number,
)
from partnerkit.models import Activity, GovernanceBody, Partnership
from partnerkit.timeline import (
    DAYS_PER_YEAR,
    add_months,
    current_agreement,
    host_party,
    people_by_id,
)
from partnerkit.vocab import group_of

HORIZON_DAYS = 60  # "due soon", as in ``partnerkit followup``
YEARS_SHOWN = 6  # activity years shown per partnership: the as-of year and five before

# Recommended directions of an annual report (D4.1), mirroring the handbook phases.
CONTINUE, ADJUST, EVALUATE, PHASE_OUT = "continue", "adjust", "evaluate", "phase_out"


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class PartyView:
    id: str
    name: str
    role: str
    sector: str


@dataclass(frozen=True)
class AgreementView:
    type: str
    title: str
    start: date
    end: date | None
    signed: date | None
    state: str  # ended, current, future
    renewal_from: date | None  # when the evaluation before renewal should start
    elapsed: float | None  # share of the period that has passed (current agreement)


@dataclass(frozen=True)
class IndicatorView:
    goal_id: str
    name: str
    unit: str
    direction: str
    baseline: float | None
    baseline_date: date | None
    target: float | None
    target_date: date | None
    latest: float | None
    latest_date: date | None
    before: float | None  # the last value before the report's period, to show the change
    on_track: bool | None
    progress: float | None  # share of the way from baseline to target
    elapsed: float | None  # share of the time from baseline to target


@dataclass(frozen=True)
class GoalView:
    id: str
    title: str
    status: str
    focus_area: str
    owners: tuple[tuple[str, str], ...]  # (party, person)
    indicators: tuple[IndicatorView, ...]


@dataclass(frozen=True)
class ActivityCount:
    form: str
    year: int
    count: int
    volume: int


@dataclass(frozen=True)
class BenefitView:
    party: str
    benefit: str
    evidence: str
    indicators: tuple[str, ...]


@dataclass(frozen=True)
class JointValueView:
    statement: str
    why_not_alone: str
    indicators: tuple[str, ...]


@dataclass(frozen=True)
class ResourceView:
    party: str
    level: str
    kind: str
    amount: float | None
    unit: str
    purpose: str
    start: date | None
    end: date | None
    status: str
    holder: str


@dataclass(frozen=True)
class BodyView:
    id: str
    name: str
    type: str
    level: str
    expected: float | None  # meetings the cadence asks for in the period
    held: int
    last: date | None
    next_planned: date | None

    @property
    def state(self) -> str:
        """ok, behind (fewer meetings than the cadence asks for), not_started (the body's
        first meeting is after the period) or none (no cadence)."""
        if self.expected is None:
            return "none"
        if self.expected == 0 and self.held == 0:
            return "not_started"
        return "ok" if self.held + 0.5 >= self.expected else "behind"


@dataclass(frozen=True)
class AssessmentReport:
    view: AssessmentView
    scale: str
    summary: str
    respondents: tuple[tuple[str, int], ...]  # (party, number of respondents)
    parties: tuple[str, ...]
    dimensions: tuple[str, ...]
    means: tuple[tuple[str, float], ...]  # (party, mean score) where the scores are numbers
    scale_max: float

    def score(self, dimension: str, party: str):
        return next(
            (s for s in self.view.scores if s.dimension == dimension and s.party == party), None
        )

    def gap(self, dimension: str):
        return next((g for g in self.view.gaps if g.dimension == dimension), None)

    def mean(self, party: str) -> float | None:
        return dict(self.means).get(party)


@dataclass
class PartnershipReport:
    """What the report shows of one partnership, for one period ending on ``today``."""

    id: str
    title: str
    file: str
    description: str
    phase: str
    phase_since: date
    parties: tuple[PartyView, ...]
    host: str
    agreements: tuple[AgreementView, ...]
    agreement_end: date | None
    health: dict[str, str]
    items: tuple[Item, ...]
    goals: tuple[GoalView, ...]
    years: tuple[int, ...]
    activities: tuple[ActivityCount, ...]
    benefits: tuple[BenefitView, ...]
    joint_values: tuple[JointValueView, ...]
    resources: tuple[ResourceView, ...]
    bodies: tuple[BodyView, ...]
    assessment: AssessmentReport | None
    period_start: date
    period_end: date
    problems: int = 0

    @property
    def overdue(self) -> int:
        return sum(item.status == OVERDUE for item in self.items)

    @property
    def due_soon(self) -> int:
        return sum(item.status != OVERDUE for item in self.items)

    @property
    def indicators(self) -> list[IndicatorView]:
        return [i for g in self.goals if g.status == "active" for i in g.indicators]

    @property
    def forms(self) -> list[str]:
        """The collaboration forms with activities, most frequent first."""
        totals = Counter()
        for count in self.activities:
            totals[count.form] += count.count
        return [form for form, _n in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]

    def count(self, form: str, year: int) -> int:
        return sum(c.count for c in self.activities if c.form == form and c.year == year)

    def days_to_end(self, today: date) -> int | None:
        return (self.agreement_end - today).days if self.agreement_end else None


@dataclass
class Portfolio:
    today: date
    university: str | None
    partnerships: list[PartnershipReport]
    unreadable: list[str] = field(default_factory=list)  # files that could not be read

    @property
    def overdue(self) -> int:
        return sum(p.overdue for p in self.partnerships)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.today.year - YEARS_SHOWN + 1, self.today.year + 1))

    def health_counts(self, criterion: str) -> Counter:
        return Counter(p.health.get(criterion, MET) for p in self.partnerships)

    def group_counts(self) -> dict[str, dict[int, int]]:
        """Activities per collaboration-form group and year, across the portfolio."""
        counts: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        for report in self.partnerships:
            for count in report.activities:
                counts[group_of("form", count.form) or "relation"][count.year] += count.count
        return {group: dict(years) for group, years in counts.items()}

    def ending_within(self, days: int) -> list[PartnershipReport]:
        return [
            p
            for p in self.partnerships
            if p.agreement_end is not None and 0 <= (p.agreement_end - self.today).days <= days
        ]


@dataclass(frozen=True)
class ActivityLine:
    id: str
    title: str
    form: str
    status: str
    start: date | None
    end: date | None
    volume: int | None
    event: str  # started, completed, continued


@dataclass(frozen=True)
class AttendanceRow:
    body: str
    level: str
    party: str
    attendances: int
    meetings: int


@dataclass(frozen=True)
class PlanItem:
    title: str
    responsible: tuple[tuple[str, str], ...]
    due: date | None
    status: str


@dataclass(frozen=True)
class LogLine:
    date: date
    type: str
    summary: str


@dataclass(frozen=True)
class Evaluation:
    """Facts for the evaluation before renewal (D4.10)."""

    agreement_end: date | None
    goals_achieved: int
    goals_active: int
    on_track: int
    off_track: tuple[str, ...]
    measured: int
    not_met: tuple[str, ...]
    attention: tuple[str, ...]
    committed_beyond: tuple[tuple[str, int], ...]  # (party, resources lasting past the end)
    parties: tuple[str, ...]
    focus_areas: tuple[str, ...]


@dataclass
class AnnualReport:
    """The annual report (årsrapport) of one partnership for one calendar year (D4)."""

    year: int
    partnership: PartnershipReport
    direction: str
    reasons: tuple[tuple[str, object], ...]  # (kind, subject), explained by the renderers
    lines: tuple[ActivityLine, ...]
    by_form: tuple[tuple[str, int, int], ...]  # (form, activities, volume)
    by_domain: tuple[tuple[str, int], ...]
    by_unit: tuple[tuple[str, str, int], ...]  # (party, unit, activities)
    funding: float
    agreement_value: tuple[tuple[str, float, str], ...]  # (party, SEK, per)
    attendance: tuple[AttendanceRow, ...]
    assessments_in_year: tuple[tuple[date, str], ...]
    risk_assessment: tuple[date, str] | None
    publication_freedom: bool | None
    dual_roles: tuple[tuple[str, str, bool], ...]
    risks: tuple[LogLine, ...]
    lessons: tuple[LogLine, ...]
    decisions: tuple[tuple[str, str, str, date | None, str], ...]  # id, text, owner, due, status
    next_plan: tuple[PlanItem, ...]
    next_plan_found: bool
    carried_over: tuple[PlanItem, ...]
    evaluation: Evaluation | None


# ---------------------------------------------------------------- per record


def portfolio_on_record(thresholds: Thresholds, today: date) -> Callable:
    """The ``on_record`` function of the portfolio report: a small report of each record.

    A partial of a module-level function, so it can be sent to worker processes."""
    return partial(portfolio_record, thresholds=thresholds, today=today)


def portfolio_record(
    report: FileReport, record: Partnership, thresholds: Thresholds, today: date
) -> PartnershipReport:
    start = today - timedelta(days=364)
    return partnership_report(report, record, thresholds, today, start)


def annual_on_record(record_id: str, year: int, thresholds: Thresholds, today: date) -> Callable:
    """The ``on_record`` function of the annual report: the report of one record, else None."""
    return partial(
        annual_record, record_id=record_id, year=year, thresholds=thresholds, today=today
    )


def annual_record(
    report: FileReport,
    record: Partnership,
    record_id: str,
    year: int,
    thresholds: Thresholds,
    today: date,
) -> AnnualReport | None:
    if record.id != record_id:
        return None
    return annual_report(report, record, year, thresholds, today)


def partnership_report(
    report: FileReport,
    record: Partnership,
    t: Thresholds,
    today: date,
    start: date,
) -> PartnershipReport:
    """One record for the period ``start``..``today`` (both included)."""
    followup = partnership_followup(report, record, t, today, HORIZON_DAYS)
    parties = {p.id: p.name for p in record.parties}
    years = _years(record.activities, today)
    return PartnershipReport(
        id=record.id,
        title=_title(record),
        file=report.file,
        description=record.description or "",
        phase=record.lifecycle.phase,
        phase_since=record.lifecycle.phase_since,
        parties=tuple(PartyView(p.id, p.name, p.role, p.sector) for p in record.parties),
        host=parties.get(host_party(record) or "", ""),
        agreements=_agreements(record, t, today),
        agreement_end=followup.agreement_end,
        health=followup.health,
        items=tuple(followup.items),
        goals=_goals(record, start, today),
        years=years,
        activities=_activity_counts(record.activities, years, today),
        benefits=_benefits(record),
        joint_values=_joint_values(record),
        resources=_resources(record, start, today),
        bodies=_bodies(record, start, today),
        assessment=_assessment(record, t, today),
        period_start=start,
        period_end=today,
        problems=followup.problems,
    )


def _title(record: Partnership) -> str:
    from partnerkit.i18n import current_language

    if current_language() == "en" and record.title.en:
        return record.title.en
    return record.title.sv


def _localized(name) -> str:
    from partnerkit.i18n import current_language

    return name.en if current_language() == "en" and name.en else name.sv


def _fraction(part: float, whole: float) -> float:
    return min(max(part / whole, 0.0), 1.0)


def _agreements(record: Partnership, t: Thresholds, today: date) -> tuple[AgreementView, ...]:
    current = current_agreement(record, today)
    views = []
    for agreement in sorted(record.agreements, key=lambda a: a.start):
        if agreement.start > today:
            state = "future"
        elif agreement is current and (agreement.end is None or agreement.end >= today):
            state = "current"
        else:
            state = "ended"
        elapsed = None
        if state == "current" and agreement.end is not None and agreement.end > agreement.start:
            span = (agreement.end - agreement.start).days
            elapsed = _fraction((today - agreement.start).days, span)
        renewal = None
        if agreement.end is not None and state != "ended":
            lead = t.renewal_warn_months
            if agreement.renewal and agreement.renewal.review_lead_months:
                lead = agreement.renewal.review_lead_months
            renewal = add_months(agreement.end, -lead)
        views.append(
            AgreementView(
                agreement.type,
                agreement.title or "",
                agreement.start,
                agreement.end,
                agreement.signed_date,
                state,
                renewal,
                elapsed,
            )
        )
    return tuple(views)


def _value_before(measurements, before: date) -> float | None:
    earlier = sorted((m for m in measurements if m.date < before), key=lambda m: m.date)
    return earlier[-1].value if earlier else None


def _indicator_view(goal_id: str, indicator, status: IndicatorStatus, start: date, today: date):
    progress = elapsed = None
    base, target = indicator.baseline, indicator.target
    if base is not None and target is not None and target.value != base.value:
        if status.latest is not None:
            progress = (status.latest - base.value) / (target.value - base.value)
        span = (target.date - base.date).days
        if span > 0:
            elapsed = _fraction((today - base.date).days, span)
    before = _value_before(indicator.measurements, start)
    if before is None and base is not None and base.date < start:
        before = base.value
    return IndicatorView(
        goal_id=goal_id,
        name=indicator.name,
        unit=indicator.unit or "",
        direction=indicator.direction,
        baseline=status.baseline,
        baseline_date=base.date if base else None,
        target=status.target,
        target_date=status.target_date,
        latest=status.latest,
        latest_date=status.latest_date,
        before=before,
        on_track=status.on_track,
        progress=progress,
        elapsed=elapsed,
    )


def _goals(record: Partnership, start: date, today: date) -> tuple[GoalView, ...]:
    people = people_by_id(record)
    parties = {p.id: p.name for p in record.parties}
    areas = {a.id: _localized(a.name) for a in record.focus_areas}
    goals = []
    for goal in record.goals:
        owners = tuple(
            (parties.get(side, side), people[pid].name if pid in people else pid)
            for side, pid in goal.owners.items()
        )
        indicators = tuple(
            _indicator_view(goal.id, i, indicator_status(goal.title, i, today), start, today)
            for i in goal.indicators
        )
        goals.append(
            GoalView(
                goal.id,
                goal.title,
                goal.status,
                areas.get(goal.focus_area_id or "", ""),
                owners,
                indicators,
            )
        )
    return tuple(goals)


def _activity_span(activity: Activity, today: date) -> tuple[date, date] | None:
    """The days an activity was going on, up to today; None if it has not taken place."""
    if activity.status in ("cancelled", "planned") or activity.start is None:
        return None
    if activity.start > today:
        return None
    if activity.status == "ongoing":
        return activity.start, today
    return activity.start, min(activity.end or activity.start, today)


def _activity_counts(
    activities: list[Activity], years: tuple[int, ...], today: date
) -> tuple[ActivityCount, ...]:
    """Activities going on in each year, per collaboration form, and their volume."""
    counts: Counter = Counter()
    volumes: Counter = Counter()
    for activity in activities:
        span = _activity_span(activity, today)
        if span is None:
            continue
        for year in years:
            if span[0] <= date(year, 12, 31) and span[1] >= date(year, 1, 1):
                counts[(activity.form, year)] += 1
                volumes[(activity.form, year)] += activity.volume or 0
    return tuple(
        ActivityCount(form, year, n, volumes[(form, year)])
        for (form, year), n in sorted(counts.items())
    )


def _years(activities: list[Activity], today: date) -> tuple[int, ...]:
    """The years to show activities for: at most ``YEARS_SHOWN``, from the first activity."""
    first = min((a.start.year for a in activities if a.start and a.start <= today), default=None)
    start = today.year - YEARS_SHOWN + 1
    if first is not None:
        start = max(start, first)
    return tuple(range(min(start, today.year), today.year + 1))


def _indicator_names(record: Partnership, ids: list[str]) -> tuple[str, ...]:
    names = {i.id: i.name for g in record.goals for i in g.indicators}
    return tuple(names.get(i, i) for i in ids)


def _benefits(record: Partnership) -> tuple[BenefitView, ...]:
    parties = {p.id: p.name for p in record.parties}
    return tuple(
        BenefitView(
            parties.get(b.side, b.side),
            b.benefit,
            b.evidence or "",
            _indicator_names(record, b.indicator_ids),
        )
        for b in record.benefits.per_party
    )


def _joint_values(record: Partnership) -> tuple[JointValueView, ...]:
    return tuple(
        JointValueView(
            j.statement, j.why_not_alone or "", _indicator_names(record, j.indicator_ids)
        )
        for j in record.benefits.joint_value
    )


_LEVEL_ORDER = {"strategisk": 0, "taktisk": 1, "operativ": 2}


def _resources(record: Partnership, start: date, end: date) -> tuple[ResourceView, ...]:
    """Earmarked resources in force at some time in the period, by party and level."""
    parties = {p.id: p.name for p in record.parties}
    order = {p.id: i for i, p in enumerate(record.parties)}
    people = people_by_id(record)
    rows = []
    for r in sorted(record.resources, key=lambda r: (order.get(r.side, 99), _LEVEL_ORDER[r.level])):
        period = r.period
        if period is not None and (
            (period.to is not None and period.to < start)
            or (period.from_ is not None and period.from_ > end)
        ):
            continue
        holder_id = r.mandate.holder_person_id if r.mandate else None
        holder = people[holder_id].name if holder_id in people else ""
        rows.append(
            ResourceView(
                parties.get(r.side, r.side),
                r.level,
                r.kind,
                r.amount,
                r.unit or "",
                r.purpose or r.id,
                period.from_ if period else None,
                period.to if period else None,
                r.status,
                holder,
            )
        )
    return tuple(rows)


def _expected_meetings(body: GovernanceBody, start: date, end: date) -> float | None:
    if body.cadence is None:
        return None
    per_year = body.cadence.per_year
    if per_year is None and body.cadence.interval_days:
        per_year = DAYS_PER_YEAR / body.cadence.interval_days
    if not per_year:
        return None
    first = min((m.date for m in body.meetings), default=None)
    if first is not None and first > start:
        start = first  # a body that began in the period is held to it only from then
    days = (end - start).days + 1
    return round(per_year * max(days, 0) / DAYS_PER_YEAR, 1)


def _bodies(record: Partnership, start: date, end: date) -> tuple[BodyView, ...]:
    views = []
    for body in record.governance:
        held = [m for m in body.meetings if m.status == "held" and start <= m.date <= end]
        all_held = [m.date for m in body.meetings if m.status == "held" and m.date <= end]
        planned = [m.date for m in body.meetings if m.status == "planned" and m.date > end]
        views.append(
            BodyView(
                body.id,
                body.name or body.id,
                body.type,
                body.level,
                _expected_meetings(body, start, end),
                len(held),
                max(all_held, default=None),
                min(planned, default=None),
            )
        )
    return tuple(views)


def _assessment(record: Partnership, t: Thresholds, today: date) -> AssessmentReport | None:
    known = [a for a in record.assessments if a.date <= today]
    if not known:
        return None
    view = assessment_view(record.model_copy(update={"assessments": known}), t)
    if view is None:
        return None
    latest = max(known, key=lambda a: a.date)
    names = {p.id: p.name for p in record.parties}
    parties = tuple(dict.fromkeys(s.party for s in view.scores))
    means = []
    for party in parties:
        numbers = [score_number(s.value) for s in view.scores if s.party == party]
        numbers = [n for n in numbers if n is not None]
        if numbers:
            means.append((party, round(sum(numbers) / len(numbers), 2)))
    return AssessmentReport(
        view=view,
        scale=latest.scale,
        summary=latest.summary or "",
        respondents=tuple((names.get(r.side, r.side), r.n) for r in latest.respondents),
        parties=parties,
        dimensions=tuple(dict.fromkeys(s.dimension for s in view.scores)),
        means=tuple(means),
        scale_max=5.0 if latest.scale == "likert5" else 3.0,
    )


# ---------------------------------------------------------------- the portfolio


def build_portfolio(result: CheckResult, today: date, university: str | None) -> Portfolio:
    """Collect the report of every record checked with ``portfolio_on_record``."""
    reports, unreadable = [], []
    for file_report in result.files:
        if isinstance(file_report.derived, PartnershipReport):
            reports.append(file_report.derived)
        elif not file_report.skipped:
            unreadable.append(file_report.file)
    reports.sort(key=lambda r: r.id)
    if university is None:
        hosts = {r.host for r in reports if r.host}
        university = hosts.pop() if len(hosts) == 1 else None
    return Portfolio(today, university, reports, sorted(unreadable))


# ---------------------------------------------------------------- the annual report


def year_end(year: int, today: date) -> date:
    """The day the annual report of ``year`` is made as of: 31 December, or today if earlier."""
    return min(date(year, 12, 31), today)


def annual_report(
    report: FileReport, record: Partnership, year: int, t: Thresholds, today: date
) -> AnnualReport:
    """The annual report of ``record`` for ``year``; ``today`` is at most the year's end."""
    start = date(year, 1, 1)
    base = partnership_report(report, record, t, today, start)
    lines = _year_activities(record, start, today)
    people = people_by_id(record)
    parties = {p.id: p.name for p in record.parties}
    plan_items, found = _next_plan(record, year, people, parties)
    direction, reasons = _direction(base, t, today)
    return AnnualReport(
        year=year,
        partnership=base,
        direction=direction,
        reasons=reasons,
        lines=lines,
        by_form=_by_form(lines),
        by_domain=_by_domain(record, lines),
        by_unit=_by_unit(record, lines, parties),
        funding=sum(
            f.amount_sek or 0
            for a in record.activities
            if a.start and start <= a.start <= today
            for f in a.external_funding
        ),
        agreement_value=_agreement_value(record, today, parties),
        attendance=_attendance(record, start, today, people, parties),
        assessments_in_year=tuple(
            (a.date, a.instrument)
            for a in sorted(record.assessments, key=lambda a: a.date)
            if start <= a.date <= today
        ),
        risk_assessment=(
            (record.ethics.risk_assessment.date, record.ethics.risk_assessment.outcome)
            if record.ethics and record.ethics.risk_assessment
            else None
        ),
        publication_freedom=_publication_freedom(record, today),
        dual_roles=tuple(
            (
                people[d.person_id].name if d.person_id in people else d.person_id,
                ", ".join(d.roles),
                d.handled,
            )
            for d in (record.ethics.dual_roles if record.ethics else [])
        ),
        risks=_log(record, start, today, ("issue", "risk")),
        lessons=_log(record, start, today, ("change", "note")),
        decisions=_year_decisions(record, start, today, people),
        next_plan=plan_items,
        next_plan_found=found,
        carried_over=_carried_over(record, year, today, people, parties),
        evaluation=_evaluation(base, record, t, today),
    )


def _year_activities(record: Partnership, start: date, end: date) -> tuple[ActivityLine, ...]:
    lines = []
    for activity in record.activities:
        span = _activity_span(activity, end)
        if span is None or span[1] < start:
            continue
        if start <= activity.start <= end:
            event = "started"
        elif activity.status == "completed" and activity.end and start <= activity.end <= end:
            event = "completed"
        else:
            event = "continued"
        lines.append(
            ActivityLine(
                activity.id,
                activity.title,
                activity.form,
                activity.status,
                activity.start,
                activity.end,
                activity.volume,
                event,
            )
        )
    lines.sort(key=lambda a: (a.form, a.start or date.min, a.id))
    return tuple(lines)


def _by_form(lines: tuple[ActivityLine, ...]) -> tuple[tuple[str, int, int], ...]:
    counts: Counter = Counter()
    volumes: Counter = Counter()
    for line in lines:
        counts[line.form] += 1
        volumes[line.form] += line.volume or 0
    return tuple(
        (form, n, volumes[form]) for form, n in sorted(counts.items(), key=lambda kv: -kv[1])
    )


def _by_domain(record: Partnership, lines) -> tuple[tuple[str, int], ...]:
    ids = {line.id for line in lines}
    counts = Counter(d for a in record.activities if a.id in ids for d in a.domains)
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _by_unit(record: Partnership, lines, parties) -> tuple[tuple[str, str, int], ...]:
    ids = {line.id for line in lines}
    counts = Counter(
        (parties.get(u.side, u.side), u.unit)
        for a in record.activities
        if a.id in ids
        for u in a.units
    )
    return tuple(
        (party, unit, n) for (party, unit), n in sorted(counts.items(), key=lambda kv: -kv[1])
    )


def _agreement_value(record: Partnership, today: date, parties) -> tuple:
    agreement = current_agreement(record, today)
    if agreement is None:
        return ()
    return tuple((parties.get(v.side, v.side), v.amount_sek, v.per) for v in agreement.value)


def _publication_freedom(record: Partnership, today: date) -> bool | None:
    agreement = current_agreement(record, today)
    if agreement and agreement.clauses and agreement.clauses.publication_freedom is not None:
        return agreement.clauses.publication_freedom
    return record.ethics.publication_freedom if record.ethics else None


def _attendance(record, start, end, people, parties) -> tuple[AttendanceRow, ...]:
    rows = []
    for body in record.governance:
        held = [m for m in body.meetings if m.status == "held" and start <= m.date <= end]
        if not held:
            continue
        counts: Counter = Counter()
        for meeting in held:
            for person_id in meeting.attendees:
                person = people.get(person_id)
                if person is not None:
                    counts[person.side] += 1
        for party in record.parties:
            rows.append(
                AttendanceRow(
                    body.name or body.id, body.level, parties[party.id], counts[party.id], len(held)
                )
            )
    return tuple(rows)


def _log(record, start, end, types) -> tuple[LogLine, ...]:
    return tuple(
        LogLine(e.date, e.type, e.summary)
        for e in sorted(record.followup_log, key=lambda e: e.date)
        if e.type in types and start <= e.date <= end
    )


def _year_decisions(record, start, end, people) -> tuple:
    rows = []
    for d in sorted(record.decisions, key=lambda d: (d.date, d.id)):
        if start <= d.date <= end:
            owner = people[d.owner].name if d.owner in people else (d.owner or "")
            status = d.status
            if status != "open" and d.closed is not None and d.closed > end:
                status = "open"  # closed after the period: still open at its end
            if status == "open" and d.due is not None and d.due < end:
                status = "overdue"
            rows.append((d.id, d.text, owner, d.due, status))
    return tuple(rows)


def _plan_item(item, people, parties) -> PlanItem:
    responsible = tuple(
        (parties.get(side, side), people[pid].name if pid in people else pid)
        for side, pid in item.responsible.items()
    )
    return PlanItem(item.title, responsible, item.due, item.status)


def _next_plan(record, year, people, parties) -> tuple[tuple[PlanItem, ...], bool]:
    """The action plan for the following year (D4.9), if one has been drawn up."""
    next_start, next_end = date(year + 1, 1, 1), date(year + 1, 12, 31)
    for plan in record.action_plans:
        begins = plan.period.from_ or date.min
        ends = plan.period.to or date.max
        if begins <= next_end and ends >= next_start:
            return tuple(_plan_item(i, people, parties) for i in plan.items), True
    return (), False


def _carried_over(record, year, today, people, parties) -> tuple[PlanItem, ...]:
    """Open action-plan items of the year that are not done by its end."""
    items = []
    for plan in record.action_plans:
        begins = plan.period.from_ or date.min
        if begins > today or (plan.period.to is not None and plan.period.to.year < year):
            continue
        for item in plan.items:
            if item.status == "open" and (item.due is None or item.due.year <= year):
                items.append(_plan_item(item, people, parties))
    return tuple(items)


def _direction(base: PartnershipReport, t: Thresholds, today: date):
    """A suggested direction for the coming year (D4.1), with the facts that led to it."""
    reasons: list[tuple[str, object]] = []
    if base.phase in ("avveckling", "avslutad"):
        return PHASE_OUT, (("phase", base.phase),)
    not_met = [c for c in HANDBOOK_CRITERIA if base.health.get(c) == NOT_MET]
    off_track = [i.name for i in base.indicators if i.on_track is False]
    measured = [i for i in base.indicators if i.on_track is not None]
    gaps = [g.dimension for g in base.assessment.view.gaps if g.flagged] if base.assessment else []
    low = [
        party
        for party, mean in (base.assessment.means if base.assessment else ())
        if base.assessment.scale == "likert5" and mean < t.assessment_concern_threshold
    ]
    ending = base.agreement_end is not None and base.agreement_end <= add_months(
        today, t.renewal_warn_months
    )
    later = any(a.state == "future" for a in base.agreements)
    reasons += [("not_met", c) for c in not_met]
    reasons += [("off_track", name) for name in off_track]
    reasons += [("gap", d) for d in gaps]
    reasons += [("low_score", p) for p in low]
    if base.phase in ("utvardering", "nystart") or (ending and not later):
        reasons.insert(0, ("ending", base.agreement_end) if ending else ("phase", base.phase))
        return EVALUATE, tuple(reasons)
    if not_met or gaps or low or (measured and len(off_track) * 2 > len(measured)):
        return ADJUST, tuple(reasons)
    if measured:
        reasons.append(("on_track", (len(measured) - len(off_track), len(measured))))
    return CONTINUE, tuple(reasons)


def _evaluation(base: PartnershipReport, record, t: Thresholds, today: date) -> Evaluation | None:
    """Before renewal (the agreement ends within the renewal window), the evaluation facts."""
    end = base.agreement_end
    due = base.phase in ("utvardering", "nystart") or (
        end is not None
        and end <= add_months(today, t.renewal_warn_months)
        and not any(a.state == "future" for a in base.agreements)
    )
    if not due:
        return None
    committed: Counter = Counter()
    for resource in record.resources:
        lasting = resource.period is None or resource.period.to is None
        if not lasting and end is not None:
            lasting = resource.period.to > end
        if lasting and resource.status != "used":
            committed[resource.side] += 1
    names = {p.id: p.name for p in record.parties}
    indicators = base.indicators
    return Evaluation(
        agreement_end=end,
        goals_achieved=sum(g.status == "achieved" for g in base.goals),
        goals_active=sum(g.status == "active" for g in base.goals),
        on_track=sum(i.on_track is True for i in indicators),
        off_track=tuple(i.name for i in indicators if i.on_track is False),
        measured=sum(i.on_track is not None for i in indicators),
        not_met=tuple(c for c in HANDBOOK_CRITERIA if base.health.get(c) == NOT_MET),
        attention=tuple(c for c in HANDBOOK_CRITERIA if base.health.get(c) not in (MET, NOT_MET)),
        committed_beyond=tuple((names[p.id], committed[p.id]) for p in record.parties),
        parties=tuple(names.values()),
        focus_areas=tuple(_localized(a.name) for a in record.focus_areas),
    )
