"""The portfolio report, and the report of each partnership in it.

Each record is reduced to a :class:`PartnershipReport` while it is loaded (the ``on_record``
functions below, run by :func:`partnerkit.load.pipeline.check_paths`), so a large portfolio never
holds more than one record model at a time. The follow-up items, criterion health and the
mutual assessment come from :mod:`partnerkit.followup`, and indicator status from
:mod:`partnerkit.brief`, so the report always agrees with ``followup`` and ``brief``.

Every date computation takes "today" as an argument.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial

from partnerkit.brief import IndicatorStatus, indicator_status
from partnerkit.config import Config, Thresholds
from partnerkit.economy import balance, balances, totals
from partnerkit.followup import assessment_view, partnership_followup, score_number
from partnerkit.load.pipeline import CheckResult, FileReport
from partnerkit.record.models import Activity, GovernanceBody, Partnership
from partnerkit.report.views import (
    HORIZON_DAYS,
    YEARS_SHOWN,
    ActivityCount,
    AgreementView,
    AssessmentReport,
    BenefitView,
    BodyView,
    GoalView,
    IndicatorView,
    JointValueView,
    PartnershipReport,
    PartyView,
    Portfolio,
    ResourceTotalView,
    ResourceView,
)
from partnerkit.timeline import (
    DAYS_PER_YEAR,
    add_months,
    current_agreement,
    host_party,
    people_by_id,
)


def portfolio_on_record(config: Config, today: date) -> Callable:
    """The ``on_record`` function of the portfolio report: a small report of each record.

    A partial of a module-level function, so it can be sent to worker processes."""
    return partial(portfolio_record, thresholds=config.thresholds, today=today)


def portfolio_record(
    report: FileReport, record: Partnership, thresholds: Thresholds, today: date
) -> PartnershipReport:
    start = today - timedelta(days=364)
    return partnership_report(report, record, thresholds, today, start)


def partnership_report(
    report: FileReport,
    record: Partnership,
    t: Thresholds,
    today: date,
    start: date,
) -> PartnershipReport:
    """One record for the period ``start``..``today`` (both included)."""
    followup = partnership_followup(report, record, Config(thresholds=t), today, HORIZON_DAYS)
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
        resource_totals=_resource_totals(record, today.year),
    )


def _title(record: Partnership) -> str:
    from partnerkit.i18n import current_language

    if current_language() == "en" and record.title.en:
        return record.title.en
    return record.title.sv


def localized(name) -> str:
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
    areas = {a.id: localized(a.name) for a in record.focus_areas}
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
                goal.status_comment or "",
            )
        )
    return tuple(goals)


def activity_span(activity: Activity, today: date) -> tuple[date, date] | None:
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
        span = activity_span(activity, today)
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
        use = balance(r, end.year)
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
                use.used,
                use.remaining,
            )
        )
    return tuple(rows)


def _resource_totals(record: Partnership, year: int) -> tuple[ResourceTotalView, ...]:
    parties = {p.id: p.name for p in record.parties}
    return tuple(
        ResourceTotalView(parties.get(x.side, x.side), x.unit, x.earmarked, x.used, x.remaining)
        for x in totals(balances(record, year))
    )


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
