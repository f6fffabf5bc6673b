"""Mutual long-term commitments (ömsesidiga långsiktiga åtaganden).

The handbook's second characteristic: the parties commit to each other for the long term,
and both of them put something in. These rules look for an agreed horizon of several years,
an agreement with an end or review date, an evaluation started in good time before the
agreement ends, no partnership running on an expired agreement, and committed resources on
every side.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from partnerkit import formatting, obligations
from partnerkit.i18n import N_, _
from partnerkit.record.models import AgreementPeriod, Partnership
from partnerkit.rules.base import ACTIVE, Context, E, Hit, W, late_hit, rule
from partnerkit.timeline import (
    DAYS_PER_YEAR,
    add_months,
    current_agreement,
    days,
    period_active,
)

_LETTER_OF_INTENT = "avsiktsforklaring"


def _agreed(agreement: AgreementPeriod, today: date) -> bool:
    """An agreement that binds the parties: started, or a signed renewal."""
    if agreement.type == _LETTER_OF_INTENT:
        return False
    return agreement.start <= today or agreement.signed_date is not None


def _years(start: date, end: date) -> float:
    """Length of [start, end] in years, counting calendar months exactly."""
    stop = end + days(1)
    months = (stop.year - start.year) * 12 + stop.month - start.month
    if add_months(start, months) > stop:
        months -= 1
    return months / 12 + (stop - add_months(start, months)).days / DAYS_PER_YEAR


def _has_renewal(agreement: AgreementPeriod) -> bool:
    return agreement.renewal is not None and agreement.renewal.mode != "none"


def _number(value: float) -> str:
    return formatting.number(value, digits=1)


@rule(
    code="LONG-01",
    name="long-term-horizon",
    criterion="commitment",
    phases=ACTIVE,
    severity=W,
    title=N_("The parties have committed for several years"),
    explanation=N_(
        "A strategic partnership is a long-term commitment: the agreed periods together "
        "(past, current and signed renewals; letters of intent do not count) cover at least "
        "{min_agreement_years} years, or an agreement still running is a period of at least "
        "{min_period_years} years with a renewal provision (renewal.mode by_decision or "
        "automatic). "
        "An agreement without an end date counts as open-ended. Short agreements without a "
        "renewal make the partnership a project. Agree a longer period, or a renewal clause."
    ),
    source=N_(
        "Handbook (at least five years); Chalmers, Lyskraft, LNU (three-year periods renewed)"
    ),
    options=("min_agreement_years", "min_period_years"),
    escalation=N_("an error when there is no agreement at all in drift or later"),
    bad="agreements:\n  - {type: samverkansavtal, start: 2025-01-01, end: 2026-12-31}\n",
    good=(
        "agreements:\n  - type: samverkansavtal\n    start: 2025-01-01\n    end: 2027-12-31\n"
        "    renewal: {mode: by_decision}\n"
    ),
)
def long_term_horizon(record: Partnership, ctx: Context) -> Iterator[Hit]:
    t = ctx.thresholds
    agreed = [a for a in record.agreements if _agreed(a, ctx.today)]
    if not agreed:
        running = record.lifecycle.phase in ("drift", "utvardering", "nystart")
        yield Hit(
            _(
                "There is no agreement: no signed agreement or agreement period is recorded "
                "(a letter of intent does not count). Record the agreement under agreements."
            ),
            ("agreements",) if record.agreements else ("lifecycle", "phase"),
            severity=E if running else None,
        )
        return
    if any(a.end is None for a in agreed):
        return
    running = [a for a in agreed if a.end is not None and a.end >= ctx.today]
    if any(_has_renewal(a) and _years(a.start, a.end) >= t.min_period_years for a in running):
        return
    horizon = sum(_years(a.start, a.end) for a in agreed if a.end is not None)
    if horizon < t.min_agreement_years:
        yield Hit(
            _(
                "The agreed horizon is {years} years, less than {minimum} years, and no running "
                "agreement is a period of at least {period} years with a renewal provision."
            ).format(
                years=_number(horizon),
                minimum=_number(t.min_agreement_years),
                period=_number(t.min_period_years),
            ),
            ("agreements",) if record.agreements else ("lifecycle", "phase"),
        )


@rule(
    code="LONG-02",
    name="end-or-review-date",
    criterion="commitment",
    phases=ACTIVE,
    severity=W,
    title=N_("The current agreement has an end date or a review date"),
    explanation=N_(
        "Every agreement needs an end date, so the parties know when to evaluate and renew; "
        "an open-ended agreement (open_ended: true) needs a review date instead "
        "(renewal.review_date). Add the end date, or mark the agreement open-ended and set "
        "when it is reviewed."
    ),
    source=N_("NCUB/Lambert toolkit: every agreement has an end date and a review timescale"),
    bad="agreements:\n  - {type: samverkansavtal, start: 2024-01-01, open_ended: true}\n",
    good=(
        "agreements:\n  - type: samverkansavtal\n    start: 2024-01-01\n    open_ended: true\n"
        "    renewal: {mode: by_decision, review_date: 2027-06-30}\n"
    ),
)
def end_or_review_date(record: Partnership, ctx: Context) -> Iterator[Hit]:
    agreement = current_agreement(record, ctx.today)
    if agreement is None or agreement.end is not None:
        return
    index = record.agreements.index(agreement)
    if not agreement.open_ended:
        yield Hit(
            _("The current agreement has no end date and is not marked open-ended."),
            ("agreements", index),
        )
    elif agreement.renewal is None or agreement.renewal.review_date is None:
        yield Hit(
            _("The current agreement is open-ended but has no review date."),
            ("agreements", index, "renewal"),
        )


@rule(
    code="LONG-03",
    name="renewal-prepared",
    criterion="commitment",
    phases=("drift",),
    severity=W,
    title=N_("The evaluation before renewal starts in time"),
    explanation=N_(
        "Renewing a partnership takes an evaluation and a decision by every party's leadership, "
        "so it starts well before the agreement ends: a warning from {renewal_warn_months} months "
        "before "
        "the end, an error from {renewal_error_months} months before it, when no evaluation report "
        "or "
        "joint assessment is dated in the last {assessment_max_months} months. The agreement's own "
        "renewal.review_lead_months and renewal.notice_months apply when they are longer. "
        "Start the evaluation (and move the partnership to utvardering), or record the "
        "signed renewal."
    ),
    source=N_("NCUB/Lambert toolkit (start a year before; at least six months for simple cases)"),
    options=("renewal_warn_months", "renewal_error_months", "assessment_max_months"),
    bad=(
        "agreements:\n  - {type: samverkansavtal, start: 2024-01-01, end: 2027-03-31}\n"
        "reports: []\nassessments: []\n"
    ),
    good=(
        "agreements:\n  - {type: samverkansavtal, start: 2024-01-01, end: 2027-03-31}\n"
        "reports:\n  - {type: evaluation, date: 2026-10-15}\n"
    ),
    escalation=N_(
        "an error from {renewal_error_months} months (or the agreement's notice period) before the "
        "end"
    ),
)
def renewal_prepared(record: Partnership, ctx: Context) -> Iterator[Hit]:
    since = add_months(ctx.today, -ctx.thresholds.assessment_max_months)
    for due in obligations.renewal(record, ctx.today, ctx.thresholds):
        if not due.late(ctx.today):
            continue
        end = due.args["end"]
        message = _(
            "The agreement ends on {end}, in {days} days, and no evaluation or joint "
            "assessment has been made since {since}; the evaluation was due to start by {due}."
        ).format(end=end, days=(end - ctx.today).days, since=since, due=due.due)
        yield late_hit(message, due, ctx.today)


@rule(
    code="LONG-04",
    name="agreement-in-force",
    criterion="commitment",
    phases=("uppstart", "drift", "utvardering"),
    severity=E,
    title=N_("The partnership does not run on an expired agreement"),
    explanation=N_(
        "When the agreement has ended and no new one is in force, the partnership has no "
        "mandate, while the record says it is still running. Record the renewed agreement, "
        "or decide to phase out and move the partnership to avveckling."
    ),
    source=N_("NCUB/Lambert toolkit; Uppsala (explicit periods and renewals)"),
    bad="agreements:\n  - {type: samverkansavtal, start: 2022-01-01, end: 2025-12-31}\n",
    good=(
        "agreements:\n  - {type: samverkansavtal, start: 2022-01-01, end: 2025-12-31}\n"
        "  - {type: samverkansavtal, start: 2026-01-01, end: 2028-12-31}\n"
    ),
)
def agreement_in_force(record: Partnership, ctx: Context) -> Iterator[Hit]:
    for due in obligations.agreement_end(record, ctx.today, ctx.thresholds):
        if due.late(ctx.today):
            message = _(
                "The current agreement ended on {end}, {days} days ago, and no new one is in force."
            ).format(end=due.due, days=(ctx.today - due.due).days)
            yield late_hit(message, due, ctx.today)


@rule(
    code="LONG-05",
    name="resources-on-every-side",
    criterion="commitment",
    phases=("uppstart", "drift", "nystart"),
    severity=E,
    by_phase={"uppstart": W},
    title=N_("Every party has committed resources"),
    explanation=N_(
        "A mutual commitment means every party puts in something: staff time, money, "
        "premises, equipment or positions. Each party needs at least one resource with "
        "status committed (or used) whose period covers today. Record what each party "
        "contributes; a resource that is only planned does not count."
    ),
    source=N_("Handbook (mutual commitments); Samhällskontraktet (yearly contributions by all)"),
    bad=(
        "resources:\n  - {id: r1, side: eu, level: taktisk, kind: personnel_fte, "
        "amount: 0.3, unit: FTE}\n"
    ),
    good=(
        "resources:\n  - {id: r1, side: eu, level: taktisk, kind: personnel_fte, "
        "amount: 0.3, unit: FTE}\n  - {id: r2, side: nv, level: taktisk, kind: money, "
        "amount: 400000, unit: SEK_per_year}\n"
    ),
)
def resources_on_every_side(record: Partnership, ctx: Context) -> Iterator[Hit]:
    sides = {
        r.side
        for r in record.resources
        if r.status != "planned" and period_active(r.period, ctx.today)
    }
    for index, party in enumerate(record.parties):
        if party.id not in sides:
            yield Hit(
                _("{party} has no committed resource for the partnership today.").format(
                    party=party.name
                ),
                ("resources",) if record.resources else ("parties", index),
            )


RULES = (
    long_term_horizon,
    end_or_review_date,
    renewal_prepared,
    agreement_in_force,
    resources_on_every_side,
)
