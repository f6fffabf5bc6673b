"""Mutual self-assessment (ömsesidig självvärdering).

A cross-cutting practice of the handbook: the parties regularly assess the partnership
together (self-evaluation interviews, round tables, health checks) and act on what they find.
These rules look for a recent assessment with respondents from every party, for decisions
that follow up weak scores, and for an evaluation before a new start.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from partnerkit import formatting, obligations
from partnerkit.i18n import N_, _, quoted
from partnerkit.record.models import Assessment, Partnership, Score
from partnerkit.record.vocab import label
from partnerkit.rules.base import Context, E, Hit, W, late_hit, rule
from partnerkit.timeline import add_months

RECENT = ("drift", "utvardering")
CONCERN_WORDS = ("red", "low")


def latest_assessment(record: Partnership, today: date) -> tuple[int, Assessment] | None:
    """The index and the latest assessment held on or before ``today``."""
    held = [(i, a) for i, a in enumerate(record.assessments) if a.date <= today]
    return max(held, key=lambda item: item[1].date, default=None)


def _sides(assessment: Assessment) -> set[str]:
    return {r.side for r in assessment.respondents} | {s.side for s in assessment.scores}


@rule(
    code="ASM-01",
    name="joint-assessment-recent",
    criterion="assessment",
    phases=RECENT,
    severity=W,
    title=N_("The parties assess the partnership together every year"),
    explanation=N_(
        "The parties assess the partnership jointly (a self-evaluation interview, a round "
        "table, a health check) at least every {assessment_max_months} months, with respondents "
        "from every party. Hold the assessment and record it under assessments, with the "
        "respondents of each party."
    ),
    source=N_(
        "Handledning (self-evaluation interviews, round tables); GNDR; Simoons (6–12 months)"
    ),
    options=("assessment_max_months",),
    bad=(
        "assessments:\n  - date: 2026-05-20\n    instrument: alliance_health_check\n"
        "    respondents: [{side: eu, n: 4}]\n"
    ),
    good=(
        "assessments:\n  - date: 2026-05-20\n    instrument: alliance_health_check\n"
        "    respondents: [{side: eu, n: 4}, {side: nv, n: 4}]\n"
    ),
)
def joint_assessment_recent(record: Partnership, ctx: Context) -> Iterator[Hit]:
    months = ctx.thresholds.assessment_max_months
    since = add_months(ctx.today, -months)
    parties = {p.id: p.name for p in record.parties}
    recent = [(i, a) for i, a in enumerate(record.assessments) if since <= a.date <= ctx.today]
    if any(parties.keys() <= _sides(a) for _i, a in recent):
        return
    if recent:
        index, assessment = max(recent, key=lambda item: item[1].date)
        missing = [name for pid, name in parties.items() if pid not in _sides(assessment)]
        yield Hit(
            _(
                "The assessment of {date} has no respondents from: {parties}; a joint "
                "assessment needs every party."
            ).format(date=assessment.date, parties=", ".join(missing)),
            ("assessments", index, "respondents"),
        )
        return
    if latest_assessment(record, ctx.today) is None:
        yield Hit(_("No joint self-assessment has been recorded."), ("assessments",))
        return
    for due in obligations.assessment(record, ctx.today, ctx.thresholds):
        if due.late(ctx.today):
            message = _(
                "The last self-assessment was on {date}, more than {months} months ago; the next "
                "was due by {due}."
            ).format(date=due.args["last"], months=months, due=due.due)
            yield late_hit(message, due, ctx.today)


@rule(
    code="ASM-02",
    name="concerns-followed-up",
    criterion="assessment",
    phases=RECENT,
    severity=W,
    title=N_("Weak scores in the latest assessment lead to a decision"),
    explanation=N_(
        "A dimension scored red, low, or below {assessment_concern_threshold} on the 1–5 scale "
        "(a concern in the Wilder inventory) in the latest assessment needs an action. Record "
        "the decision that follows it up under decisions and link it in the assessment's "
        "action_decision_ids; a cancelled decision does not count."
    ),
    source=N_("Wilder (scoring bands); GNDR (RAG); National Academies (low/medium/high)"),
    options=("assessment_concern_threshold",),
    bad=(
        "assessments:\n  - date: 2026-05-20\n    instrument: alliance_health_check\n"
        "    scores: [{dimension: nytta, side: nv, value: 2.4}]\n"
    ),
    good=(
        "assessments:\n  - date: 2026-05-20\n    instrument: alliance_health_check\n"
        "    scores: [{dimension: nytta, side: nv, value: 2.4}]\n"
        "    action_decision_ids: [d-2026-1]\n"
    ),
)
def concerns_followed_up(record: Partnership, ctx: Context) -> Iterator[Hit]:
    found = latest_assessment(record, ctx.today)
    if found is None:
        return
    index, assessment = found
    if _has_action(record, assessment):
        return
    names = {p.id: p.name for p in record.parties}
    threshold = ctx.thresholds.assessment_concern_threshold
    for number, score in enumerate(assessment.scores):
        if _is_concern(score, threshold):
            yield Hit(
                _(
                    "{dimension} is scored {value} by {party} in the assessment of {date}, "
                    "and no decision follows it up."
                ).format(
                    dimension=quoted(score.dimension),
                    value=score_text(score.value),
                    party=names.get(score.side, score.side),
                    date=assessment.date,
                ),
                ("assessments", index, "scores", number),
            )


def score_text(value: float | str) -> str:
    """A score as the reader writes it: 2,4 in Swedish, or the rating's word (röd, låg)."""
    if isinstance(value, str):
        return label("rating", value)
    return formatting.number(value)


def _is_concern(score: Score, threshold: float) -> bool:
    if isinstance(score.value, str):
        return score.value in CONCERN_WORDS
    return score.value < threshold


def _has_action(record: Partnership, assessment: Assessment) -> bool:
    linked = set(assessment.action_decision_ids)
    return any(d.id in linked and d.status in ("open", "done") for d in record.decisions)


@rule(
    code="ASM-03",
    name="evaluation-before-new-start",
    criterion="assessment",
    phases=("nystart",),
    severity=E,
    title=N_("A new start follows an evaluation"),
    explanation=N_(
        "A new start (a renegotiated scope, agreement or governance) builds on an evaluation "
        "of the partnership: was the purpose achieved, what did not work, will each party "
        "continue? An evaluation report must be dated within "
        "{evaluation_before_new_start_months} months before the new period starts: the first "
        "agreement starting on or after the move to nystart, else the date of that move. "
        "Record the report under reports with type evaluation."
    ),
    source=N_("Handledning (evaluation before a new start); UK universities' partnership review"),
    options=("evaluation_before_new_start_months",),
    bad="reports:\n  - {type: annual_report, date: 2026-03-15}\n",
    good="reports:\n  - {type: evaluation, date: 2026-06-15}\n",
)
def evaluation_before_new_start(record: Partnership, ctx: Context) -> Iterator[Hit]:
    start = _new_period_start(record)
    months = ctx.thresholds.evaluation_before_new_start_months
    since = add_months(start, -months)
    if any(r.type == "evaluation" and since <= r.date <= start for r in record.reports):
        return
    yield Hit(
        _(
            "No evaluation report is dated in the {months} months before the new period "
            "started on {start}."
        ).format(months=months, start=start),
        ("reports",),
    )


def _new_period_start(record: Partnership) -> date:
    since = record.lifecycle.phase_since
    return min((a.start for a in record.agreements if a.start >= since), default=since)


RULES = (
    joint_assessment_recent,
    concerns_followed_up,
    evaluation_before_new_start,
)
