"""What each field of a record means, in the words of the handbook (Handledning för
strategiska partnerskap), for the JSON Schema (hover help in the editor) and the format reference.

Keyed by ``Model.key`` (the YAML key, ``from`` rather than ``from_``). The texts are English
message ids, translated through the catalog when the schema is generated; the models stay free of
them, so the validator and its cache do not change when a text does. ``VALUES`` gives the labels
of fixed values that have no vocabulary in :mod:`partnerkit.record.vocab`; a test requires a
description for every field and a label for every value.
"""

from __future__ import annotations

from partnerkit.i18n import N_

TITLE = N_("partnerkit: a strategic partnership")
ROOT = N_(
    "One strategic partnership: a university-wide, formalised collaboration with partners "
    "outside academia, marked by leadership engagement, mutual long-term commitments, common "
    "goals, a diversity of collaboration forms and mutual benefit."
)
ALLOWED = N_("Allowed values: {values}.")

_SIDE = N_("The party this belongs to: the id of one of the parties under `parties`.")
_PERSON = N_("The person: an id from `people`.")
_FROM = N_("First day (YYYY-MM-DD).")
_TO = N_("Last day (YYYY-MM-DD); leave out while it lasts.")
_REFS = N_(
    "Ids of other entries in this record that this concerns, e.g. a decision, goal or resource."
)
_INDICATOR_IDS = N_("Indicators (ids under a goal's `indicators`) that show it.")
_ENTRY_ID = N_(
    "Short id of this entry, unique in the record (a-z, 0-9, - _ . between them), used to refer "
    "to it."
)

FIELDS: dict[str, str] = {
    "Partnership.schema_version": N_('Version of the record format; always "1".'),
    "Partnership.id": N_(
        "The partnership's id, e.g. eu-nordverk; the file is named after it: eu-nordverk.yaml."
    ),
    "Partnership.title": N_(
        "Name of the partnership, in Swedish (sv) and optionally English (en)."
    ),
    "Partnership.description": N_("What the partnership is about, in a few sentences."),
    "Partnership.parties": N_(
        "The organisations in the partnership (at least two): the host university, other "
        "universities and the partners."
    ),
    "Partnership.lifecycle": N_(
        "Where the partnership is in its life: initiation, starting up, running, evaluation, new "
        "start, phasing out or closed."
    ),
    "Partnership.agreements": N_(
        "The agreements, one per agreement period, oldest first; the last is the current one "
        "(mutual long-term commitments)."
    ),
    "Partnership.focus_areas": N_("The partnership's focus areas (fokusområden)."),
    "Partnership.people": N_(
        "Everyone named in the record, defined once and referred to by id elsewhere; work "
        "identity only (name, title, unit), no private contact details."
    ),
    "Partnership.leadership": N_(
        "The leaders who sponsor the partnership on each side (leadership engagement): rector, "
        "dean, CEO and the like."
    ),
    "Partnership.governance": N_(
        "The bodies that steer and run the partnership: leadership meeting, steering group, "
        "working groups, with their members and meetings."
    ),
    "Partnership.contact_pairs": N_(
        "Paired relations: counterparts on the same organisational level, one person from each "
        "party."
    ),
    "Partnership.resources": N_(
        "Earmarked resources with their mandates: staff time, money, premises and more that a "
        "party has set aside for the partnership."
    ),
    "Partnership.goals": N_("Common goals and challenges, each with owners and indicators."),
    "Partnership.action_plans": N_(
        "Action plans (handlingsplaner), one per period, with the actions agreed."
    ),
    "Partnership.activities": N_(
        "Joint activities, each of a collaboration form (research, education, skills supply, "
        "utilisation, relations)."
    ),
    "Partnership.benefits": N_(
        "Mutual benefit: what each party gains, and the value no party can achieve alone."
    ),
    "Partnership.coordination": N_(
        "The coordinator, the counterparts at the partners, the internal support functions and "
        "the network inside the university."
    ),
    "Partnership.followup_log": N_(
        "The follow-up log: dated notes of meetings, contacts, issues and changes, newest last."
    ),
    "Partnership.decisions": N_(
        "Decisions and action points, each with an owner, a due date and a status."
    ),
    "Partnership.assessments": N_("Mutual self-assessments and health checks of the partnership."),
    "Partnership.reports": N_(
        "Reports written about the partnership: steering-group briefs, annual reports, "
        "evaluations, closure report."
    ),
    "Partnership.ethics": N_(
        "Ethics and integrity: academic freedom to publish, risk and suitability assessment, dual "
        "roles."
    ),
    "Partnership.suppressions": N_(
        "Documented exceptions: rules accepted not to hold for this partnership, each with its "
        "reason."
    ),
    "LocalizedText.sv": N_("The text in Swedish."),
    "LocalizedText.en": N_("The text in English (optional)."),
    "Party.id": N_("Short id of the party, used as `side` everywhere else, e.g. eu or nordverk."),
    "Party.name": N_("The organisation's name."),
    "Party.role": N_(
        "The party's role: the host university (exactly one), another university, or a partner "
        "outside academia."
    ),
    "Party.sector": N_("The party's sector."),
    "Party.subsector": N_("The party's kind of organisation within its sector."),
    "Party.org_number": N_("Organisation number (organisationsnummer)."),
    "Party.website": N_("The organisation's website."),
    "Party.strategy_refs": N_("The party's own strategy documents the partnership serves."),
    "Lifecycle.phase": N_("The current phase of the partnership."),
    "Lifecycle.phase_since": N_("The day the current phase began (YYYY-MM-DD)."),
    "Lifecycle.history": N_("Earlier phases, oldest first."),
    "PhaseChange.phase": N_("The phase entered."),
    "PhaseChange.from": N_("The day the phase began (YYYY-MM-DD)."),
    "PhaseChange.decision_id": N_("The decision behind the change: an id from `decisions`."),
    "PhaseChange.exception": N_("Why the phase was changed although the checks objected."),
    "AgreementPeriod.type": N_("The kind of agreement."),
    "AgreementPeriod.title": N_("The agreement's title."),
    "AgreementPeriod.diary_numbers": N_(
        "Each party's registration number (diarienummer), by party id."
    ),
    "AgreementPeriod.signed_date": N_("The day it was signed (YYYY-MM-DD)."),
    "AgreementPeriod.signatories": N_("Who signed, for which party."),
    "AgreementPeriod.start": N_("First day of the agreement period (YYYY-MM-DD)."),
    "AgreementPeriod.end": N_(
        "Last day of the agreement period (YYYY-MM-DD); leave out only when it is open-ended."
    ),
    "AgreementPeriod.open_ended": N_("true when the agreement runs until further notice."),
    "AgreementPeriod.renewal": N_(
        "How the agreement is renewed and when to review it before it ends."
    ),
    "AgreementPeriod.exclusive": N_(
        "true when the agreement excludes similar partnerships with others."
    ),
    "AgreementPeriod.value": N_("What each party commits in money under the agreement."),
    "AgreementPeriod.documents": N_(
        "Where the signed agreement and its annexes are kept (path or link)."
    ),
    "AgreementPeriod.clauses": N_(
        "What the agreement says on publication, intellectual property, confidentiality and "
        "termination."
    ),
    "Signatory.side": _SIDE,
    "Signatory.person_id": N_("The person who signed: an id from `people`."),
    "Signatory.role": N_("The signatory's role, e.g. rector or CEO."),
    "Renewal.mode": N_("How the agreement is renewed."),
    "Renewal.notice_months": N_("Months of notice before the end to terminate or renew."),
    "Renewal.review_lead_months": N_(
        "How many months before the end the evaluation for renewal must start."
    ),
    "Renewal.review_date": N_("The day the renewal is to be reviewed (YYYY-MM-DD)."),
    "AgreementValue.side": N_("The party that commits the amount: an id under `parties`."),
    "AgreementValue.amount_sek": N_("The amount in Swedish kronor."),
    "AgreementValue.per": N_("Whether the amount is per year or for the whole period."),
    "Clauses.publication_freedom": N_(
        "true when researchers may publish freely (academic freedom)."
    ),
    "Clauses.publication_exception": N_(
        "Any limit on publication, e.g. a delay for patent applications."
    ),
    "Clauses.ip_terms": N_("What the agreement says about intellectual property."),
    "Clauses.confidentiality": N_("true when the agreement has a confidentiality clause."),
    "Clauses.termination": N_("How the agreement can be terminated."),
    "FocusArea.id": _ENTRY_ID,
    "FocusArea.name": N_("The focus area's name, in Swedish (sv) and optionally English (en)."),
    "FocusArea.period": N_("When the focus area applies."),
    "Period.from": _FROM,
    "Period.to": _TO,
    "Person.id": N_("Short id of the person, e.g. p-anna, used everywhere else in the record."),
    "Person.name": N_("The person's name."),
    "Person.side": N_("The party the person works for: an id under `parties`."),
    "Person.title": N_("Job title, e.g. vice-rector or head of research."),
    "Person.unit": N_("Faculty, department or unit at the party."),
    "Person.level": N_("The organisational level the person acts on."),
    "Person.active": N_("When the person takes part; set `to` when someone leaves."),
    "Person.email": N_(
        "The person's work e-mail address, where `partnerkit remind` sends what they owe."
    ),
    "Person.language": N_(
        "The language reminders to the person are written in: sv or en (Swedish when not given)."
    ),
    "Sponsor.person_id": N_("The leader: an id from `people`."),
    "Sponsor.side": _SIDE,
    "Sponsor.role": N_("The leader's role in the partnership, e.g. rector, dean or CEO."),
    "Sponsor.from": _FROM,
    "Sponsor.to": _TO,
    "GovernanceBody.id": _ENTRY_ID,
    "GovernanceBody.type": N_("The kind of body."),
    "GovernanceBody.name": N_("The body's name."),
    "GovernanceBody.level": N_("The organisational level the body works on."),
    "GovernanceBody.internal": N_(
        "true for the university's own group (e.g. internal coordination), without the partners."
    ),
    "GovernanceBody.members": N_("The members, from every party."),
    "GovernanceBody.chair_rotation": N_("Whether the chair rotates between the parties."),
    "GovernanceBody.cadence": N_("How often the body should meet."),
    "GovernanceBody.meetings": N_("The body's meetings, held and planned."),
    "BodyMember.person_id": _PERSON,
    "BodyMember.side": _SIDE,
    "BodyMember.role": N_("The member's role in the body."),
    "Cadence.per_year": N_("Meetings per year."),
    "Cadence.interval_days": N_("At most this many days between meetings."),
    "Meeting.date": N_("The meeting day (YYYY-MM-DD)."),
    "Meeting.kind": N_("The kind of meeting."),
    "Meeting.status": N_("Whether the meeting is planned, held or cancelled."),
    "Meeting.attendees": N_("Who attended: ids from `people`."),
    "Meeting.brief_ref": N_("Where the brief (underlag) for the meeting is (path or link)."),
    "Meeting.brief_sent": N_("The day the brief was sent to the members (YYYY-MM-DD)."),
    "Meeting.minutes_ref": N_("Where the minutes are (path or link)."),
    "Meeting.minutes_date": N_("The day the minutes were done (YYYY-MM-DD)."),
    "Meeting.decision_ids": N_("Decisions taken at the meeting: ids from `decisions`."),
    "ContactPair.level": N_("The organisational level of the pair."),
    "ContactPair.topic": N_("The focus area the pair works on: an id from `focus_areas`."),
    "ContactPair.members": N_("One person per party: party id → person id."),
    "Resource.id": _ENTRY_ID,
    "Resource.side": N_("The party that provides the resource: an id under `parties`."),
    "Resource.level": N_("The organisational level the resource serves."),
    "Resource.kind": N_("What kind of resource it is."),
    "Resource.amount": N_("How much, in `unit`."),
    "Resource.unit": N_("The unit of `amount`."),
    "Resource.period": N_("When the resource is available."),
    "Resource.purpose": N_("What the resource is for."),
    "Resource.source": N_("Where it comes from, e.g. a budget line or unit."),
    "Resource.status": N_("Whether the resource is planned, committed or used."),
    "Resource.mandate": N_(
        "The mandate that goes with the resource: who holds it and what they may decide."
    ),
    "Mandate.holder_person_id": N_("Who holds the mandate: an id from `people`."),
    "Mandate.scope": N_("What the mandate covers."),
    "Mandate.may_decide": N_("What the holder may decide on their own."),
    "Mandate.delegated_by": N_("Who gave the mandate: a person or a decision."),
    "Goal.id": _ENTRY_ID,
    "Goal.title": N_("The common goal, in a sentence."),
    "Goal.challenge": N_("The societal challenge behind the goal."),
    "Goal.focus_area_id": N_("The focus area the goal belongs to: an id from `focus_areas`."),
    "Goal.owners": N_(
        "Who owns the goal at each party: party id → person id; a common goal has owners on at "
        "least two sides."
    ),
    "Goal.strategy_links": N_(
        "Where the goal appears in each party's strategy: party id → references."
    ),
    "Goal.indicators": N_("How progress towards the goal is measured."),
    "Goal.status": N_("Whether the goal is active, achieved or dropped."),
    "Indicator.id": _ENTRY_ID,
    "Indicator.name": N_("What is measured."),
    "Indicator.unit": N_("The unit of the values, e.g. number of degree projects."),
    "Indicator.direction": N_("Which way is better."),
    "Indicator.baseline": N_("The starting value and its date."),
    "Indicator.target": N_("The value to reach, and by when."),
    "Indicator.frequency": N_("How often it is measured."),
    "Indicator.source": N_("Where the figures come from."),
    "Indicator.measurements": N_("The values measured so far."),
    "DatedValue.date": N_("The day of the value (YYYY-MM-DD)."),
    "DatedValue.value": N_("The value."),
    "Measurement.date": N_("The day it was measured (YYYY-MM-DD)."),
    "Measurement.value": N_("The measured value."),
    "Measurement.note": N_("A note on the measurement."),
    "ActionPlan.period": N_("The period the plan covers."),
    "ActionPlan.approved_by": N_("The decision that approved the plan: an id from `decisions`."),
    "ActionPlan.items": N_("The actions in the plan."),
    "ActionItem.id": _ENTRY_ID,
    "ActionItem.title": N_("What is to be done."),
    "ActionItem.goal_ids": N_("The goals the action serves: ids from `goals`."),
    "ActionItem.responsible": N_("Who is responsible at each party: party id → person id."),
    "ActionItem.due": N_("When it is due (YYYY-MM-DD)."),
    "ActionItem.status": N_("Whether the action is open, done or cancelled."),
    "Activity.id": _ENTRY_ID,
    "Activity.title": N_("The activity's name."),
    "Activity.form": N_("The collaboration form (samverkansform)."),
    "Activity.goal_ids": N_("The goals the activity serves: ids from `goals`."),
    "Activity.focus_area_id": N_("The focus area: an id from `focus_areas`."),
    "Activity.domains": N_("The fields of science involved."),
    "Activity.units": N_("The units taking part at each party."),
    "Activity.contacts": N_("The contact person at each party: party id → person id."),
    "Activity.start": _FROM,
    "Activity.end": N_("Last day (YYYY-MM-DD)."),
    "Activity.status": N_("Whether the activity is planned, ongoing, completed or cancelled."),
    "Activity.volume": N_("How many, e.g. the number of degree projects or guest lectures."),
    "Activity.external_funding": N_("Funding from outside the parties, e.g. a research council."),
    "Activity.outputs": N_("What came out of it: publications, reports, theses."),
    "UnitRef.side": _SIDE,
    "UnitRef.unit": N_("The unit's name."),
    "Funding.funder": N_("Who funds it."),
    "Funding.amount_sek": N_("The amount in Swedish kronor."),
    "Benefits.per_party": N_("What each party gains."),
    "Benefits.joint_value": N_(
        "The value the parties create together that none could achieve alone."
    ),
    "PartyBenefit.side": N_("The party that benefits: an id under `parties`."),
    "PartyBenefit.benefit": N_("What the party gains."),
    "PartyBenefit.indicator_ids": _INDICATOR_IDS,
    "PartyBenefit.evidence": N_("What shows it, e.g. a report or figures."),
    "JointValue.statement": N_("The joint value, in a sentence."),
    "JointValue.why_not_alone": N_("Why no party could achieve it alone."),
    "JointValue.indicator_ids": _INDICATOR_IDS,
    "Coordination.coordinator": N_(
        "The partnership's designated coordinator (samordnare) at the university."
    ),
    "Coordination.counterparts": N_("The coordinator's counterparts at the partners."),
    "Coordination.support_functions": N_(
        "Internal support structures: the offices that support the partnership."
    ),
    "Coordination.internal_network": N_(
        "Contact people in faculties and departments who anchor the partnership inside the "
        "university."
    ),
    "Coordinator.person_id": N_("The coordinator: an id from `people`."),
    "Coordinator.side": _SIDE,
    "Coordinator.fte": N_("Share of a full-time post for the role, 0 to 1 (0.2 is 20 %)."),
    "Coordinator.from": _FROM,
    "Coordinator.to": _TO,
    "Counterpart.person_id": _PERSON,
    "Counterpart.side": _SIDE,
    "Support.side": _SIDE,
    "Support.function": N_("The support function."),
    "Support.contact_person_id": N_("The contact person there: an id from `people`."),
    "Support.services": N_("What the function does for the partnership."),
    "NetworkAnchor.unit": N_("The faculty or department."),
    "NetworkAnchor.person_id": _PERSON,
    "NetworkAnchor.domain": N_("The unit's field of science."),
    "LogEntry.date": N_("The day it happened (YYYY-MM-DD)."),
    "LogEntry.type": N_("The kind of entry."),
    "LogEntry.summary": N_("What happened, in a sentence or two."),
    "LogEntry.author": N_("Who wrote it: an id from `people`."),
    "LogEntry.refs": _REFS,
    "Decision.id": _ENTRY_ID,
    "Decision.date": N_("The day of the decision (YYYY-MM-DD)."),
    "Decision.body_id": N_("The body that decided: an id from `governance`."),
    "Decision.text": N_("What was decided."),
    "Decision.owner": N_("Who carries it out: an id from `people`."),
    "Decision.due": N_("When it is to be done (YYYY-MM-DD)."),
    "Decision.status": N_("Whether the decision is still open, done or cancelled."),
    "Decision.closed": N_("The day it was done or cancelled (YYYY-MM-DD)."),
    "Decision.refs": _REFS,
    "Assessment.date": N_("The day of the assessment (YYYY-MM-DD)."),
    "Assessment.instrument": N_("The method used."),
    "Assessment.scale": N_("The scale of the scores."),
    "Assessment.respondents": N_(
        "Who answered, per party; a mutual assessment has respondents on every side."
    ),
    "Assessment.scores": N_("The scores, per dimension and party."),
    "Assessment.summary": N_("The main conclusions."),
    "Assessment.action_decision_ids": N_("Decisions taken because of it: ids from `decisions`."),
    "Respondents.side": _SIDE,
    "Respondents.role": N_("The respondents' role, e.g. steering group."),
    "Respondents.n": N_("How many answered."),
    "Score.dimension": N_("What was scored, e.g. trust or communication."),
    "Score.side": N_("The party whose answer it is: an id under `parties`."),
    "Score.value": N_(
        "The score: a number on the likert5 scale, or a colour (rag) or low/medium/high (lmh)."
    ),
    "Report.type": N_("The kind of report."),
    "Report.period": N_("The period the report covers."),
    "Report.date": N_("The day of the report (YYYY-MM-DD)."),
    "Report.ref": N_("Where the report is (path or link)."),
    "Report.approved_by": N_("The decision that approved it: an id from `decisions`."),
    "Ethics.publication_freedom": N_(
        "true when researchers may publish freely (academic freedom)."
    ),
    "Ethics.risk_assessment": N_("The risk and suitability assessment of the partner."),
    "Ethics.dual_roles": N_(
        "People with roles on more than one side, and whether that is handled."
    ),
    "Ethics.notes": N_("Other notes on ethics and integrity."),
    "RiskAssessment.date": N_("The day of the risk assessment (YYYY-MM-DD)."),
    "RiskAssessment.outcome": N_("What it concluded."),
    "RiskAssessment.ref": N_("Where the assessment is (path or link)."),
    "DualRole.person_id": _PERSON,
    "DualRole.roles": N_("The person's roles, e.g. professor and board member at the partner."),
    "DualRole.handled": N_(
        "true when the dual role has been dealt with, e.g. by a declaration of interests."
    ),
    "Suppression.rule": N_("The rule's code, e.g. LEAD-02."),
    "Suppression.reason": N_("Why the rule does not apply here."),
    "Suppression.path": N_("Limits the exception to one place in the record, e.g. governance[0]."),
    "Meeting.time": N_("The time of the meeting as the notice gives it, e.g. 13.00–15.00."),
    "Meeting.place": N_("Where the meeting is held: a room, an address or a video link."),
    "Resource.used": N_(
        "What was used of the resource, per calendar year, in the resource's unit: the brief "
        "and the annual report show earmarked, used and remaining."
    ),
    "ResourceUse.period": N_("The calendar year, e.g. 2026."),
    "ResourceUse.amount": N_("What was used that year, in the resource's unit."),
    "ResourceUse.note": N_("A note on the figure, e.g. the outcome up to October."),
    "Goal.status_comment": N_(
        "A line or two on where the goal stands, for the steering group's brief."
    ),
    "ActionItem.goes_to": N_(
        "The meeting the action item is brought to for decision: a body and the day it meets."
    ),
    "Decision.goes_to": N_(
        "The meeting that takes the matter up next: a body and the day it meets; the brief for "
        "that meeting lists it as a matter for decision."
    ),
    "GoesTo.body": N_("The body that takes the matter up: an id from `governance`."),
    "GoesTo.meeting": N_("The day of that body's meeting (YYYY-MM-DD)."),
    "GoesTo.proposal": N_(
        "What the body is asked to decide, completing 'Styrgruppen föreslås besluta att …', "
        "e.g. fastställa handlingsplan 2027."
    ),
    "GoesTo.about": N_(
        "What the follow-up calls the matter, when it knows it: the brief then shows one "
        "matter resting on both."
    ),
}

VALUES: dict[str, dict[str, str]] = {
    "Renewal.mode": {
        "none": N_("not renewed"),
        "by_decision": N_("renewed by decision"),
        "automatic": N_("renewed automatically"),
    },
    "AgreementValue.per": {
        "year": N_("per year"),
        "period": N_("for the whole period"),
    },
    "GovernanceBody.chair_rotation": {
        "none": N_("no rotation"),
        "per_period": N_("rotates each period"),
        "per_meeting": N_("rotates each meeting"),
    },
    "Assessment.scale": {
        "rag": N_("red, amber, green"),
        "likert5": N_("1 to 5"),
        "lmh": N_("low, medium, high"),
    },
    "Report.type": {
        "steering_brief": N_("steering-group brief"),
        "annual_report": N_("annual report"),
        "evaluation": N_("evaluation"),
        "closure_report": N_("closure report"),
    },
    "GoesTo.about": {
        "action_plan": N_("the next action plan"),
        "renewal": N_("the evaluation before renewal"),
        "expiry": N_("the agreement's end"),
        "sponsor_vacancy": N_("a successor leadership sponsor"),
        "closing": N_("closing the partnership"),
    },
    "RiskAssessment.outcome": {
        "ok": N_("approved"),
        "conditions": N_("approved with conditions"),
        "reject": N_("rejected"),
    },
}
