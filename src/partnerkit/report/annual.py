"""The annual report (årsrapport) of one partnership.

The annual report of a year is built as of the end of that year (or today, for the current
year), so it shows what was known then. Its first part is the partnership's report for the
year, from :func:`partnerkit.report.portfolio.partnership_report`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from functools import partial

from partnerkit.config import Config, Thresholds
from partnerkit.followup import HANDBOOK_CRITERIA, MET, NOT_MET
from partnerkit.load.pipeline import FileReport
from partnerkit.record.models import Partnership
from partnerkit.report.portfolio import activity_span, localized, partnership_report
from partnerkit.report.views import (
    ADJUST,
    CONTINUE,
    EVALUATE,
    PHASE_OUT,
    ActivityLine,
    AnnualReport,
    AttendanceRow,
    Evaluation,
    LogLine,
    PartnershipReport,
    PlanItem,
)
from partnerkit.timeline import add_months, current_agreement, people_by_id


def annual_on_record(config: Config, today: date, record_id: str, year: int) -> Callable:
    """The ``on_record`` function of the annual report: the report of one record, else None."""
    return partial(
        annual_record, record_id=record_id, year=year, thresholds=config.thresholds, today=today
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
        span = activity_span(activity, end)
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
    """The action plan for the following year, if one has been drawn up."""
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
    """A suggested direction for the coming year, with the facts that led to it."""
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
    reasons += [("not_met", c) for c in not_met]
    reasons += [("off_track", name) for name in off_track]
    reasons += [("gap", d) for d in gaps]
    reasons += [("low_score", p) for p in low]
    if _evaluation_due(base, t, today):
        ending = _in_renewal_window(base, t, today)
        reasons.insert(0, ("ending", base.agreement_end) if ending else ("phase", base.phase))
        return EVALUATE, tuple(reasons)
    if not_met or gaps or low or (measured and len(off_track) * 2 > len(measured)):
        return ADJUST, tuple(reasons)
    if measured:
        reasons.append(("on_track", (len(measured) - len(off_track), len(measured))))
    return CONTINUE, tuple(reasons)


def _in_renewal_window(base: PartnershipReport, t: Thresholds, today: date) -> bool:
    """The current agreement ends within ``renewal_warn_months`` of today."""
    end = base.agreement_end
    return end is not None and end <= add_months(today, t.renewal_warn_months)


def _evaluation_due(base: PartnershipReport, t: Thresholds, today: date) -> bool:
    """The evaluation before renewal is under way or due: the phase says so, or the agreement
    ends within the renewal window and no later agreement is signed."""
    later = any(a.state == "future" for a in base.agreements)
    return base.phase in ("utvardering", "nystart") or (
        _in_renewal_window(base, t, today) and not later
    )


def _evaluation(base: PartnershipReport, record, t: Thresholds, today: date) -> Evaluation | None:
    """Before renewal (the agreement ends within the renewal window), the evaluation facts."""
    if not _evaluation_due(base, t, today):
        return None
    end = base.agreement_end
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
        focus_areas=tuple(localized(a.name) for a in record.focus_areas),
    )
