"""Mutual benefit and value neither party could reach alone (ömsesidig nytta).

The handbook's fifth characteristic: every party gains something it values, and together the
parties create value that neither could create alone. These rules look for a stated benefit
for each party, a joint value with the reason it needs the partnership, evidence or indicators
behind each benefit, and a balance between the parties in the latest self-assessment.
"""

from __future__ import annotations

from collections.abc import Iterator

from partnerkit import formatting
from partnerkit.i18n import N_, _, quoted
from partnerkit.record.models import Assessment, Partnership
from partnerkit.rules.assessment import latest_assessment
from partnerkit.rules.base import ACTIVE, NOT_CLOSED, Context, E, Hit, I, W, rule

RECENT = ("drift", "utvardering")


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


OPPOSITE_ENDS = (("red", "green"), ("low", "high"))


@rule(
    code="BEN-01",
    name="benefit-per-party",
    criterion="benefit",
    phases=NOT_CLOSED,
    severity=E,
    by_phase={"initiering": W, "uppstart": W, "avveckling": W},
    title=N_("Every party states what it gains from the partnership"),
    explanation=N_(
        "A partnership lasts when each party gets something it values: research questions and "
        "data, recruitment, skills, innovation. Describe the benefit for each party under "
        "benefits.per_party, so that every party can follow it up."
    ),
    source=N_("Handledning (ömsesidig nytta); TPI (benefits for each partner); Cambridge CSTI"),
    bad="benefits:\n  per_party:\n    - {side: eu, benefit: Verklighetsnära forskningsfrågor}\n",
    good=(
        "benefits:\n  per_party:\n    - {side: eu, benefit: Verklighetsnära forskningsfrågor}\n"
        "    - {side: nv, benefit: Rekrytering av ingenjörer}\n"
    ),
)
def benefit_per_party(record: Partnership, ctx: Context) -> Iterator[Hit]:
    stated = {b.side for b in record.benefits.per_party}
    for index, party in enumerate(record.parties):
        if party.id not in stated:
            yield Hit(
                _("No benefit is stated for {party}.").format(party=party.name),
                ("benefits", "per_party") if record.benefits.per_party else ("parties", index),
            )


@rule(
    code="BEN-02",
    name="joint-value",
    criterion="benefit",
    phases=ACTIVE,
    severity=W,
    title=N_("A joint value says why the parties need each other"),
    explanation=N_(
        "A strategic partnership creates value that neither party could create alone. State "
        "at least one joint value under benefits.joint_value, with why_not_alone: what each "
        "party brings that the other lacks."
    ),
    source=N_("Handledning (värden som ingen part kan uppnå på egen hand); Umeå; Wilder"),
    bad="benefits:\n  joint_value:\n    - {statement: Ett regionalt kunskapsnav}\n",
    good=(
        "benefits:\n  joint_value:\n    - statement: Ett regionalt kunskapsnav\n"
        "      why_not_alone: Kräver både forskningsbredd och industriella testmiljöer\n"
    ),
)
def joint_value(record: Partnership, ctx: Context) -> Iterator[Hit]:
    values = record.benefits.joint_value
    if any(v.why_not_alone and v.why_not_alone.strip() for v in values):
        return
    message = (
        _("No joint value says why the parties could not reach it alone (why_not_alone).")
        if values
        else _("No joint value is stated: what can the parties reach only together?")
    )
    yield Hit(message, ("benefits", "joint_value"))


@rule(
    code="BEN-03",
    name="benefit-evidence",
    criterion="benefit",
    phases=RECENT,
    severity=I,
    by_phase={"utvardering": W},
    title=N_("Every stated benefit is measured or evidenced"),
    explanation=N_(
        "A benefit that is never followed up cannot be shown at the evaluation. Link each "
        "per-party benefit to an indicator (indicator_ids) or record what shows it "
        "(evidence). A note while running; a warning in the evaluation phase."
    ),
    source=N_("UIDP (metrics); TPI (review the added value to partners)"),
    bad="benefits:\n  per_party:\n    - {side: nv, benefit: Rekrytering av ingenjörer}\n",
    good=(
        "benefits:\n  per_party:\n    - {side: nv, benefit: Rekrytering av ingenjörer,\n"
        "       evidence: 6 rekryteringar 2025}\n"
    ),
)
def benefit_evidence(record: Partnership, ctx: Context) -> Iterator[Hit]:
    for index, benefit in enumerate(record.benefits.per_party):
        if benefit.indicator_ids or (benefit.evidence and benefit.evidence.strip()):
            continue
        yield Hit(
            _("The benefit {benefit} has neither an indicator nor evidence.").format(
                benefit=quoted(benefit.benefit)
            ),
            ("benefits", "per_party", index),
        )


@rule(
    code="BEN-04",
    name="benefit-balance",
    criterion="benefit",
    phases=RECENT,
    severity=W,
    title=N_("The parties rate the partnership alike"),
    explanation=N_(
        "In the latest self-assessment, the mean score of each party over all dimensions "
        "should not differ by more than {benefit_gap_threshold} (on the 1–5 scale); on a "
        "red/amber/green or low/medium/high scale, no dimension should be red or low for one "
        "party and green or high for another. A gap means one party gains less or sees the "
        "partnership differently: discuss it at the next steering-group meeting and agree on "
        "actions."
    ),
    source=N_("Simoons (gap diagram between organisations); TPI (equity)"),
    options=("benefit_gap_threshold",),
    bad=(
        "scores:\n  - {dimension: nytta, side: eu, value: 4.5}\n"
        "  - {dimension: nytta, side: nv, value: 2.5}\n"
    ),
    good=(
        "scores:\n  - {dimension: nytta, side: eu, value: 4.1}\n"
        "  - {dimension: nytta, side: nv, value: 3.9}\n"
    ),
)
def benefit_balance(record: Partnership, ctx: Context) -> Iterator[Hit]:
    found = latest_assessment(record, ctx.today)
    if found is None:
        return
    index, assessment = found
    names = {p.id: p.name for p in record.parties}
    path = ("assessments", index, "scores")
    means = _party_means(assessment)
    gap = _spread(means)
    if gap > ctx.thresholds.benefit_gap_threshold:
        yield Hit(
            _(
                "In the assessment of {date} the parties' mean scores differ by {gap} "
                "({means}); more than {threshold}."
            ).format(
                date=assessment.date,
                gap=formatting.number(gap, digits=2),
                means=", ".join(
                    f"{names.get(s, s)} {formatting.number(m, digits=2)}" for s, m in means.items()
                ),
                threshold=formatting.number(ctx.thresholds.benefit_gap_threshold),
            ),
            path,
        )
    for dimension, low_side, high_side in _opposite_ends(assessment):
        yield Hit(
            _(
                "In the assessment of {date}, {dimension} is rated at the bottom by {low} and "
                "at the top by {high}."
            ).format(
                date=assessment.date,
                dimension=quoted(dimension),
                low=names.get(low_side, low_side),
                high=names.get(high_side, high_side),
            ),
            path,
        )


def _party_means(assessment: Assessment) -> dict[str, float]:
    values: dict[str, list[float]] = {}
    for score in assessment.scores:
        if isinstance(score.value, float | int):
            values.setdefault(score.side, []).append(float(score.value))
    return {side: _mean(v) for side, v in values.items()}


def _spread(means: dict[str, float]) -> float:
    if len(means) < 2:
        return 0.0
    return round(max(means.values()) - min(means.values()), 9)


def _opposite_ends(assessment: Assessment) -> Iterator[tuple[str, str, str]]:
    """(dimension, side at the bottom, side at the top) for each word-scale dimension where
    one party gave the lowest rating and another the highest."""
    ratings: dict[str, dict[str, str]] = {}
    for score in assessment.scores:
        if isinstance(score.value, str):
            ratings.setdefault(score.dimension, {})[score.side] = score.value
    for dimension, by_side in ratings.items():
        for bottom, top in OPPOSITE_ENDS:
            low = next((side for side, value in by_side.items() if value == bottom), None)
            high = next((side for side, value in by_side.items() if value == top), None)
            if low is not None and high is not None:
                yield dimension, low, high


RULES = (
    benefit_per_party,
    joint_value,
    benefit_evidence,
    benefit_balance,
)
