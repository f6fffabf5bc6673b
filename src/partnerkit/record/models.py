"""The record format: one strategic partnership per YAML file.

These models are the single source of truth for the format. The JSON Schema, the reference
documentation in the README and the ``new`` template are derived from them. Field names are
English; vocabulary values are the Swedish ASCII slugs of :mod:`partnerkit.record.vocab`.

References to other entities of the same record (people, parties, goals, bodies, decisions,
focus areas, indicators) are typed with :class:`Ref`, which :mod:`partnerkit.load.references` reads
to check that every reference resolves.
"""

# Without ``from __future__ import annotations`` on purpose: Pydantic would otherwise evaluate
# every annotation string as it creates the classes, a quarter of this module's import time.

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from partnerkit.addresses import EMAIL_PATTERN, MAX_EMAIL_LENGTH, is_email_address
from partnerkit.record.vocab import slugs

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Years a partnership's dates can have; anything else is a typo (0202, 2202), and date
# arithmetic (a renewal 12 months before an end in year 1) must stay within the calendar.
YEARS = (1900, 2199)
_YEAR_PATTERN = r"^(19|20|21)\d{2}-\d{2}-\d{2}$"


def _parse_iso_date(value: Any) -> Any:
    if not isinstance(value, date):
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
            raise PydanticCustomError("iso_date", "expected a date written YYYY-MM-DD")
        try:
            value = date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "impossible_date", "{value} is not a date in the calendar", {"value": value}
            ) from None
    if not YEARS[0] <= value.year <= YEARS[1]:
        raise PydanticCustomError(
            "date_out_of_range", "{value} is outside the years 1900-2199", {"value": value}
        )
    return value


IsoDate = Annotated[
    date,
    BeforeValidator(_parse_iso_date),
    Field(json_schema_extra={"type": "string", "format": "date", "pattern": _YEAR_PATTERN}),
]
Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$", max_length=63),
]
Text = Annotated[str, StringConstraints(min_length=1)]


def _check_email(value: Any) -> Any:
    if isinstance(value, str) and not is_email_address(value):
        raise PydanticCustomError(
            "email_address",
            "{address} is not an e-mail address such as anna.lind@uni.example",
            {"address": value},
        )
    return value


EmailAddress = Annotated[
    str,
    BeforeValidator(_check_email),
    Field(
        json_schema_extra={
            "format": "email",
            "pattern": EMAIL_PATTERN,
            "maxLength": MAX_EMAIL_LENGTH,
        }
    ),
]


@dataclass(frozen=True)
class Ref:
    """Marks a field whose value is the id of another entity in the same record."""

    kind: str


PartyRef = Annotated[str, Ref("party")]
PersonRef = Annotated[str, Ref("person")]
GoalRef = Annotated[str, Ref("goal")]
BodyRef = Annotated[str, Ref("body")]
DecisionRef = Annotated[str, Ref("decision")]
FocusAreaRef = Annotated[str, Ref("focus_area")]
IndicatorRef = Annotated[str, Ref("indicator")]


def _vocab(name: str) -> Any:
    return Literal[slugs(name)]  # type: ignore[valid-type]


Sector = _vocab("sector")
Subsector = _vocab("subsector")
PartyRole = _vocab("party_role")
Phase = _vocab("phase")
Instrument = _vocab("instrument")
Level = _vocab("level")
Form = _vocab("form")
Domain = _vocab("domain")
AgreementType = _vocab("agreement_type")
BodyType = _vocab("body_type")
SupportFunction = _vocab("support_function")
LogType = _vocab("log_type")


class Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        allow_inf_nan=False,
        populate_by_name=True,
        defer_build=True,
    )


class LocalizedText(Model):
    """Text in Swedish and, optionally, English."""

    sv: Text
    en: Text | None = None


class Period(Model):
    from_: IsoDate | None = Field(default=None, alias="from")
    to: IsoDate | None = None


class Party(Model):
    id: Slug
    name: Text
    role: PartyRole
    sector: Sector
    subsector: Subsector | None = None
    org_number: str | None = None
    website: str | None = None
    strategy_refs: list[Text] = []


class PhaseChange(Model):
    phase: Phase
    from_: IsoDate = Field(alias="from")
    decision_id: DecisionRef | None = None
    exception: str | None = None  # why it was changed although the checks objected


class Lifecycle(Model):
    phase: Phase
    phase_since: IsoDate
    history: list[PhaseChange] = []


class Renewal(Model):
    mode: Literal["none", "by_decision", "automatic"] = "by_decision"
    notice_months: int | None = Field(default=None, ge=0)
    review_lead_months: int | None = Field(default=None, ge=0)
    review_date: IsoDate | None = None


class Signatory(Model):
    side: PartyRef
    person_id: PersonRef
    role: Text


class AgreementValue(Model):
    side: PartyRef
    amount_sek: float = Field(ge=0)
    per: Literal["year", "period"] = "year"


class Clauses(Model):
    publication_freedom: bool | None = None
    publication_exception: str | None = None
    ip_terms: str | None = None
    confidentiality: bool | None = None
    termination: str | None = None


class AgreementPeriod(Model):
    type: AgreementType
    title: str | None = None
    diary_numbers: dict[PartyRef, str] = {}
    signed_date: IsoDate | None = None
    signatories: list[Signatory] = []
    start: IsoDate
    end: IsoDate | None = None
    open_ended: bool = False
    renewal: Renewal | None = None
    exclusive: bool = False
    value: list[AgreementValue] = []
    documents: list[str] = []
    clauses: Clauses | None = None


class FocusArea(Model):
    id: Slug
    name: LocalizedText
    period: Period | None = None


class Person(Model):
    """Someone in the partnership: work identity and work contact only, no private data.
    `email` (a work address) and `language` (`sv` or `en`; Swedish when not given) are where
    and in which language `partnerkit remind` writes to them about what they owe."""

    id: Slug
    name: Text
    side: PartyRef
    title: str | None = None
    unit: str | None = None
    level: Level | None = None
    active: Period | None = None
    email: EmailAddress | None = None
    language: Literal["sv", "en"] | None = None


class Sponsor(Model):
    person_id: PersonRef
    side: PartyRef
    role: Text
    from_: IsoDate | None = Field(default=None, alias="from")
    to: IsoDate | None = None


class Cadence(Model):
    per_year: int | None = Field(default=None, ge=1, le=52)
    interval_days: int | None = Field(default=None, ge=1)


class BodyMember(Model):
    person_id: PersonRef
    side: PartyRef
    role: Literal["chair", "member", "secretary", "rapporteur"] = "member"


class Meeting(Model):
    date: IsoDate
    kind: Literal["ordinary", "extra", "partnership_day"] = "ordinary"
    status: Literal["planned", "held", "cancelled"] = "held"
    time: str | None = None  # as the notice gives it: 13.00–15.00
    place: str | None = None  # a room, an address or a video link
    attendees: list[PersonRef] = []
    brief_ref: str | None = None
    brief_sent: IsoDate | None = None
    minutes_ref: str | None = None
    minutes_date: IsoDate | None = None
    decision_ids: list[DecisionRef] = []


class GovernanceBody(Model):
    id: Slug
    type: BodyType
    name: str | None = None
    level: Level
    internal: bool = False  # the university's own group (e.g. internal coordination)
    members: list[BodyMember] = []
    chair_rotation: Literal["none", "per_period", "per_meeting"] = "none"
    cadence: Cadence | None = None
    meetings: list[Meeting] = []


class ContactPair(Model):
    level: Level
    topic: FocusAreaRef | None = None
    members: dict[PartyRef, PersonRef]


class Mandate(Model):
    holder_person_id: PersonRef | None = None
    scope: str | None = None
    may_decide: list[str] = []
    delegated_by: str | None = None


class ResourceUse(Model):
    """What was used of an earmarked resource in one calendar year, in the resource's unit."""

    period: int = Field(ge=YEARS[0], le=YEARS[1])  # the calendar year, e.g. 2026
    amount: float = Field(ge=0)
    note: str | None = None


class Resource(Model):
    id: Slug
    side: PartyRef
    level: Level
    kind: Literal["personnel_fte", "money", "in_kind", "infrastructure", "premises", "positions"]
    amount: float | None = Field(default=None, ge=0)
    unit: Literal["FTE", "SEK", "SEK_per_year", "percent_of_post", "count"] | None = None
    period: Period | None = None
    purpose: str | None = None
    source: str | None = None
    status: Literal["planned", "committed", "used"] = "committed"
    mandate: Mandate | None = None
    used: list[ResourceUse] = []


class DatedValue(Model):
    date: IsoDate
    value: float


class Measurement(Model):
    date: IsoDate
    value: float
    note: str | None = None


class Indicator(Model):
    id: Slug
    name: Text
    unit: str | None = None
    direction: Literal["increase", "decrease", "maintain"] = "increase"
    baseline: DatedValue | None = None
    target: DatedValue | None = None
    frequency: Literal["quarterly", "yearly"] = "yearly"
    source: str | None = None
    measurements: list[Measurement] = []


class Goal(Model):
    id: Slug
    title: Text
    challenge: str | None = None
    focus_area_id: FocusAreaRef | None = None
    owners: dict[PartyRef, PersonRef] = {}
    strategy_links: dict[PartyRef, list[str]] = {}
    indicators: list[Indicator] = []
    status: Literal["active", "achieved", "dropped"] = "active"
    status_comment: str | None = None  # a line or two on where the goal stands


class GoesTo(Model):
    """The meeting a decision or an action item is brought to: a body and the day it meets."""

    body: BodyRef
    meeting: IsoDate
    proposal: str | None = None  # what the body is asked to decide: "fastställa handlingsplan 2027"
    # What the follow-up calls the matter, when it is one it knows: the brief then shows one
    # matter resting on both (the decision and the follow-up's rule).
    about: Literal["action_plan", "renewal", "expiry", "sponsor_vacancy", "closing"] | None = None


class ActionItem(Model):
    id: Slug
    title: Text
    goal_ids: list[GoalRef] = []
    responsible: dict[PartyRef, PersonRef] = {}
    due: IsoDate | None = None
    status: Literal["open", "done", "cancelled"] = "open"
    goes_to: GoesTo | None = None


class ActionPlan(Model):
    period: Period
    approved_by: DecisionRef | None = None
    items: list[ActionItem] = []


class UnitRef(Model):
    side: PartyRef
    unit: Text


class Funding(Model):
    funder: Text
    amount_sek: float | None = Field(default=None, ge=0)


class Activity(Model):
    id: Slug
    title: Text
    form: Form
    goal_ids: list[GoalRef] = []
    focus_area_id: FocusAreaRef | None = None
    domains: list[Domain] = []
    units: list[UnitRef] = []
    contacts: dict[PartyRef, PersonRef] = {}
    start: IsoDate | None = None
    end: IsoDate | None = None
    status: Literal["planned", "ongoing", "completed", "cancelled"] = "planned"
    volume: int | None = Field(default=None, ge=0)
    external_funding: list[Funding] = []
    outputs: list[str] = []


class PartyBenefit(Model):
    side: PartyRef
    benefit: Text
    indicator_ids: list[IndicatorRef] = []
    evidence: str | None = None


class JointValue(Model):
    statement: Text
    why_not_alone: str | None = None
    indicator_ids: list[IndicatorRef] = []


class Benefits(Model):
    per_party: list[PartyBenefit] = []
    joint_value: list[JointValue] = []


class Coordinator(Model):
    person_id: PersonRef
    side: PartyRef
    fte: float | None = Field(default=None, ge=0, le=1)
    from_: IsoDate | None = Field(default=None, alias="from")
    to: IsoDate | None = None


class Counterpart(Model):
    person_id: PersonRef
    side: PartyRef


class Support(Model):
    side: PartyRef
    function: SupportFunction
    contact_person_id: PersonRef | None = None
    services: str | None = None


class NetworkAnchor(Model):
    unit: Text
    person_id: PersonRef
    domain: Domain | None = None


class Coordination(Model):
    coordinator: Coordinator | None = None
    counterparts: list[Counterpart] = []
    support_functions: list[Support] = []
    internal_network: list[NetworkAnchor] = []


class LogEntry(Model):
    date: IsoDate
    type: LogType = "note"
    summary: Text
    author: PersonRef | None = None
    refs: list[str] = []


class Decision(Model):
    id: Slug
    date: IsoDate
    body_id: BodyRef | None = None
    text: Text
    owner: PersonRef | None = None
    due: IsoDate | None = None
    status: Literal["open", "done", "cancelled"] = "open"
    closed: IsoDate | None = None
    refs: list[str] = []  # ids the decision is about: a resource, a goal, an activity
    goes_to: GoesTo | None = None  # the meeting that takes the matter up next


class Respondents(Model):
    side: PartyRef
    role: str | None = None
    n: int = Field(default=1, ge=1)


class Score(Model):
    dimension: Text
    side: PartyRef
    value: float | Literal["red", "amber", "green", "low", "medium", "high"]


class Assessment(Model):
    date: IsoDate
    instrument: Instrument
    scale: Literal["rag", "likert5", "lmh"] = "likert5"
    respondents: list[Respondents] = []
    scores: list[Score] = []
    summary: str | None = None
    action_decision_ids: list[DecisionRef] = []


class Report(Model):
    type: Literal["steering_brief", "annual_report", "evaluation", "closure_report"]
    period: Period | None = None
    date: IsoDate
    ref: str | None = None
    approved_by: DecisionRef | None = None


class RiskAssessment(Model):
    date: IsoDate
    outcome: Literal["ok", "conditions", "reject"]
    ref: str | None = None


class DualRole(Model):
    person_id: PersonRef
    roles: list[Text] = []
    handled: bool = False


class Ethics(Model):
    publication_freedom: bool | None = None
    risk_assessment: RiskAssessment | None = None
    dual_roles: list[DualRole] = []
    notes: str | None = None


class Suppression(Model):
    """A documented exception: the rule ``rule`` is accepted not to hold, for ``reason``."""

    rule: Text
    reason: Text
    path: str | None = None


class Partnership(Model):
    """One strategic partnership (strategiskt partnerskap)."""

    schema_version: Literal["1"]
    id: Slug
    title: LocalizedText
    description: str | None = None
    parties: list[Party] = Field(min_length=2)
    lifecycle: Lifecycle
    agreements: list[AgreementPeriod] = []
    focus_areas: list[FocusArea] = []
    people: list[Person] = []
    leadership: list[Sponsor] = []
    governance: list[GovernanceBody] = []
    contact_pairs: list[ContactPair] = []
    resources: list[Resource] = []
    goals: list[Goal] = []
    action_plans: list[ActionPlan] = []
    activities: list[Activity] = []
    benefits: Benefits = Field(default_factory=Benefits)
    coordination: Coordination | None = None
    followup_log: list[LogEntry] = []
    decisions: list[Decision] = []
    assessments: list[Assessment] = []
    reports: list[Report] = []
    ethics: Ethics | None = None
    suppressions: list[Suppression] = []
