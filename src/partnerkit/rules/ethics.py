"""Ethics and academic freedom (akademisk frihet, integritet).

A university's research is free to choose its problems, methods and to publish its results
(Högskolelagen 1 kap. 6 §), and a partnership must not compromise that or the integrity of the
people in it. These rules look for a publication-freedom clause in the agreement, a risk and
suitability assessment made before signing, and dual roles that are declared and handled.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from partnerkit.i18n import N_, _
from partnerkit.record.models import AgreementPeriod, DualRole, Partnership, RiskAssessment
from partnerkit.rules.base import ACTIVE, NOT_CLOSED, Context, E, Hit, W, rule
from partnerkit.timeline import current_agreement


@rule(
    code="ETH-01",
    name="publication-freedom",
    criterion="ethics",
    phases=ACTIVE,
    severity=W,
    title=N_("The agreement secures the freedom to publish"),
    explanation=N_(
        "Academic freedom includes the freedom to publish results (Högskolelagen 1 kap. 6 §); "
        "an agreement that lets the partner stop or control publication puts the university's "
        "integrity and its researchers at risk. The current agreement should state "
        "clauses.publication_freedom: true. Where a limited exception was agreed (for example "
        "a short delay to file a patent), describe it in clauses.publication_exception."
    ),
    source=N_("HL 1:6; SUHF and Vinnova guidance on control of publication"),
    bad="agreements:\n  - {type: samverkansavtal, start: 2023-03-01, clauses: {}}\n",
    good=(
        "agreements:\n  - type: samverkansavtal\n    start: 2023-03-01\n"
        "    clauses: {publication_freedom: true}\n"
    ),
)
def publication_freedom(record: Partnership, ctx: Context) -> Iterator[Hit]:
    agreement = current_agreement(record, ctx.today)
    if agreement is None:
        return
    path = ("agreements", record.agreements.index(agreement), "clauses")
    clauses = agreement.clauses
    if clauses is None:
        yield Hit(_("The current agreement does not state the freedom to publish."), path)
        return
    if clauses.publication_freedom or (clauses.publication_exception or "").strip():
        return
    if clauses.publication_freedom is False:
        message = _("The current agreement restricts publication without a documented exception.")
    else:
        message = _("The current agreement does not state the freedom to publish.")
    yield Hit(message, (*path, "publication_freedom"))


@rule(
    code="ETH-02",
    name="risk-assessment",
    criterion="ethics",
    phases=("initiering", "uppstart", "nystart"),
    severity=W,
    by_phase={"uppstart": E},
    title=N_("A risk and suitability assessment was made before signing"),
    explanation=N_(
        "Before an agreement is signed, the university assesses the partner's suitability and "
        "the risks of the partnership (ethics, security, dependence, reputation). The "
        "assessment is recorded in ethics.risk_assessment with its date and outcome, dated no "
        "later than the current agreement's signed_date (within the agreement period when the "
        "signing date is not recorded). A warning while the partnership is being prepared or "
        "renewed; an error once it has started up without one, or when the outcome is reject."
    ),
    source=N_("Handledning (risk- och lämplighetsbedömning); ethics in WP1"),
    bad="ethics:\n  publication_freedom: true\n",
    good="ethics:\n  risk_assessment: {date: 2023-01-20, outcome: ok}\n",
    escalation=N_("an error when the assessment rejected the partnership"),
)
def risk_assessment(record: Partnership, ctx: Context) -> Iterator[Hit]:
    assessment = record.ethics.risk_assessment if record.ethics else None
    agreement = current_agreement(record, ctx.today)
    if assessment is None:
        yield Hit(
            _("No risk and suitability assessment is recorded."),
            ("ethics", "risk_assessment") if record.ethics else _signing_path(record, agreement),
        )
        return
    path = ("ethics", "risk_assessment")
    if assessment.outcome == "reject":
        yield Hit(
            _("The risk and suitability assessment of {date} rejected the partnership.").format(
                date=assessment.date
            ),
            (*path, "outcome"),
            severity=E,
        )
    elif agreement is not None and not _assessed_in_time(assessment, agreement, ctx.today):
        yield Hit(
            _(
                "The risk and suitability assessment is dated {date}, after the current "
                "agreement was signed ({signed})."
            ).format(date=assessment.date, signed=agreement.signed_date or agreement.start),
            (*path, "date"),
        )


def _assessed_in_time(assessment: RiskAssessment, agreement: AgreementPeriod, today: date) -> bool:
    if agreement.signed_date is not None:
        return assessment.date <= agreement.signed_date
    return assessment.date <= (agreement.end or today)


def _signing_path(record: Partnership, agreement: AgreementPeriod | None) -> tuple:
    if agreement is None:
        return ("lifecycle", "phase")
    return ("agreements", record.agreements.index(agreement), "signed_date")


@rule(
    code="ETH-03",
    name="dual-roles-handled",
    criterion="ethics",
    phases=NOT_CLOSED,
    severity=W,
    title=N_("People acting for more than one party have their dual role handled"),
    explanation=N_(
        "A person who appears for two parties (for example an adjunct professor employed by "
        "the partner, or a professor who sits on the partner's board or is its sponsor) has a "
        "dependence that must be declared and handled, so that decisions and assessments are "
        "not questioned. A person counts for every party named next to them: their own side, "
        "and the side of their sponsor role, body memberships, signatures, coordination role, "
        "contact pairs, goal ownership, action-plan responsibility and activity contacts. "
        "List each such person in ethics.dual_roles with their roles and handled: true once "
        "the conflict of interest is dealt with."
    ),
    source=N_("Forskningsrådens riktlinjer om jäv och beroenden; adjunct roles (adjungering)"),
    bad=(
        "people:\n  - {id: p-prof, name: Per Professor, side: eu}\n"
        "leadership:\n  - {person_id: p-prof, side: nv, role: styrelseledamot}\n"
    ),
    good=(
        "ethics:\n  dual_roles:\n"
        "    - {person_id: p-prof, roles: [professor, styrelseledamot], handled: true}\n"
    ),
)
def dual_roles_handled(record: Partnership, ctx: Context) -> Iterator[Hit]:
    declared = {d.person_id: (i, d) for i, d in enumerate(_dual_roles(record))}
    sides = _sides_per_person(record)
    names = {p.id: p.name for p in record.parties}
    for index, person in enumerate(record.people):
        person_sides = sides.get(person.id, set()) | {person.side}
        if len(person_sides) < 2:
            continue
        parties = ", ".join(sorted(names.get(s, s) for s in person_sides))
        if person.id not in declared:
            yield Hit(
                _(
                    "{name} acts for more than one party ({parties}) and is not listed in "
                    "ethics.dual_roles."
                ).format(name=person.name, parties=parties),
                ("people", index),
            )
            continue
        entry, dual_role = declared[person.id]
        if not dual_role.handled:
            yield Hit(
                _("The dual role of {name} ({parties}) is not marked as handled.").format(
                    name=person.name, parties=parties
                ),
                ("ethics", "dual_roles", entry, "handled"),
            )


def _dual_roles(record: Partnership) -> list[DualRole]:
    return record.ethics.dual_roles if record.ethics else []


def _sides_per_person(record: Partnership) -> dict[str, set[str]]:
    sides: dict[str, set[str]] = {}
    for side, person_id in _role_references(record):
        sides.setdefault(person_id, set()).add(side)
    return sides


def _role_references(record: Partnership) -> Iterator[tuple[str, str]]:
    yield from ((s.side, s.person_id) for s in record.leadership)
    yield from ((m.side, m.person_id) for b in record.governance for m in b.members)
    yield from ((s.side, s.person_id) for a in record.agreements for s in a.signatories)
    if record.coordination:
        if record.coordination.coordinator:
            c = record.coordination.coordinator
            yield c.side, c.person_id
        yield from ((c.side, c.person_id) for c in record.coordination.counterparts)
    keyed = [pair.members for pair in record.contact_pairs]
    keyed += [goal.owners for goal in record.goals]
    keyed += [item.responsible for plan in record.action_plans for item in plan.items]
    keyed += [activity.contacts for activity in record.activities]
    for mapping in keyed:
        yield from mapping.items()


RULES = (
    publication_freedom,
    risk_assessment,
    dual_roles_handled,
)
