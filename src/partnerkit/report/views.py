"""The leadership report as plain data: the views a renderer reads (HTML, Markdown, export).

:mod:`partnerkit.report.portfolio` builds the portfolio and the report of each partnership,
:mod:`partnerkit.report.annual` the annual report of one partnership.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from partnerkit.followup import MET, OVERDUE, AssessmentView, Item
from partnerkit.record.vocab import group_of

HORIZON_DAYS = 60  # "due soon", as in ``partnerkit followup``
YEARS_SHOWN = 6  # activity years shown per partnership: the as-of year and five before

# Recommended directions of an annual report, mirroring the handbook phases.
CONTINUE, ADJUST, EVALUATE, PHASE_OUT = "continue", "adjust", "evaluate", "phase_out"


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
    comment: str = ""  # the goal's status comment


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
    used: float | None = None  # recorded use in the report's year (see economy.balance)
    remaining: float | None = None


@dataclass(frozen=True)
class ResourceTotalView:
    """The resources of one party (or of all, ``party`` empty) in one unit, for the year."""

    party: str
    unit: str
    earmarked: float
    used: float
    remaining: float


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

    @property
    def use_recorded(self) -> bool:
        return any(x.used is not None for x in self.resources)

    bodies: tuple[BodyView, ...]
    assessment: AssessmentReport | None
    period_start: date
    period_end: date
    problems: int = 0
    resource_totals: tuple[ResourceTotalView, ...] = ()  # earmarked, used, remaining

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
    """Facts for the evaluation before renewal."""

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
    """The annual report (årsrapport) of one partnership for one calendar year."""

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
