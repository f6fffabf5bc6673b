"""Date facts about one record for one "today": what is active, when things were last done,
when they are next due. The rules and the follow-up both read these, so a due date is
computed in exactly one place."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from partnerkit.config import Thresholds
from partnerkit.record.models import (
    Activity,
    AgreementPeriod,
    GovernanceBody,
    Indicator,
    Meeting,
    Partnership,
    Period,
    Person,
    Resource,
)

DAYS_PER_YEAR = 365.25


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def within(start: date | None, end: date | None, today: date) -> bool:
    """True when ``today`` lies in [start, end]; a missing bound is open."""
    return (start is None or start <= today) and (end is None or today <= end)


def period_active(period: Period | None, today: date) -> bool:
    return period is None or within(period.from_, period.to, today)


def person_active(person: Person | None, today: date) -> bool:
    return person is not None and period_active(person.active, today)


def people_by_id(record: Partnership) -> dict[str, Person]:
    return {person.id: person for person in record.people}


def host_party(record: Partnership) -> str | None:
    return next((p.id for p in record.parties if p.role == "larosate_host"), None)


def partnership_start(record: Partnership) -> date:
    """The day the partnership left its initiation phase (or its phase began, if it never did)."""
    started = [h.from_ for h in record.lifecycle.history if h.phase != "initiering"]
    return min(started, default=record.lifecycle.phase_since)


def current_agreement(record: Partnership, today: date) -> AgreementPeriod | None:
    """The agreement in force today, else the latest one that has started."""
    started = [a for a in record.agreements if a.start <= today]
    for agreement in reversed(started):
        if agreement.end is None or today <= agreement.end:
            return agreement
    return started[-1] if started else None


def held_meetings(body: GovernanceBody, today: date) -> list[Meeting]:
    return sorted(
        (m for m in body.meetings if m.status == "held" and m.date <= today), key=lambda m: m.date
    )


def planned_meetings(body: GovernanceBody, today: date) -> list[Meeting]:
    return sorted(
        (m for m in body.meetings if m.status == "planned" and m.date >= today),
        key=lambda m: m.date,
    )


def cadence_days(body: GovernanceBody) -> float | None:
    if body.cadence is None:
        return None
    if body.cadence.interval_days:
        return float(body.cadence.interval_days)
    if body.cadence.per_year:
        return DAYS_PER_YEAR / body.cadence.per_year
    return None


def is_strategic(body: GovernanceBody) -> bool:
    return body.level == "strategisk" or body.type in ("ledningsmote", "partnerskapsrad")


def strategic_meetings(record: Partnership, today: date) -> list[Meeting]:
    meetings = [m for b in record.governance if is_strategic(b) for m in held_meetings(b, today)]
    return sorted(meetings, key=lambda m: m.date)


def latest(dates: Iterable[date | None]) -> date | None:
    return max((d for d in dates if d is not None), default=None)


def last_log_date(record: Partnership, today: date) -> date | None:
    return latest(e.date for e in record.followup_log if e.date <= today)


def last_measurement(indicator: Indicator, today: date) -> date | None:
    return latest(m.date for m in indicator.measurements if m.date <= today)


def last_value_date(indicator: Indicator, today: date) -> date | None:
    """The latest measurement, else the baseline (the first value on record)."""
    last = last_measurement(indicator, today)
    if last is None and indicator.baseline is not None and indicator.baseline.date <= today:
        return indicator.baseline.date
    return last


def indicator_interval_days(indicator: Indicator) -> int:
    return 91 if indicator.frequency == "quarterly" else 365


def days(n: float) -> timedelta:
    return timedelta(days=round(n))


def last_active(activity: Activity, today: date) -> date | None:
    """The last day the activity was under way, as of ``today``; None if it never was."""
    if activity.status in ("planned", "cancelled"):
        return None
    if activity.start is not None and activity.start > today:
        return None
    if activity.end is not None:
        return min(activity.end, today)
    return today if activity.status == "ongoing" else activity.start


def renewal_months(agreement: AgreementPeriod, t: Thresholds) -> tuple[int, int]:
    """Months before the end when preparing the renewal is due (warning) and urgent (error):
    the thresholds, or the agreement's own review lead and notice period when longer."""
    renewal = agreement.renewal
    error = max(t.renewal_error_months, (renewal and renewal.notice_months) or 0)
    warn = max(t.renewal_warn_months, (renewal and renewal.review_lead_months) or 0, error)
    return warn, error


def evaluated_since(record: Partnership, since: date, today: date) -> bool:
    """An evaluation report or a joint assessment dated in [since, today]."""
    reports = (r.date for r in record.reports if r.type == "evaluation")
    assessments = (a.date for a in record.assessments)
    return any(since <= d <= today for d in (*reports, *assessments))


def signed_successor(record: Partnership, agreement: AgreementPeriod) -> bool:
    return any(a.start > agreement.start and a.signed_date is not None for a in record.agreements)


EARMARKED = ("committed", "used")


def resource_ended(resource: Resource, today: date) -> bool:
    period = resource.period
    return period is not None and period.to is not None and period.to < today


def resource_continued(record: Partnership, lapsed: Resource, on: date) -> bool:
    """Another earmarked resource of the same side, level and purpose runs on ``on``."""
    purpose = (lapsed.purpose or "").strip().casefold()
    return any(
        other is not lapsed
        and other.side == lapsed.side
        and other.level == lapsed.level
        and (other.purpose or "").strip().casefold() == purpose
        and other.status in EARMARKED
        and not resource_ended(other, on)
        for other in record.resources
    )
