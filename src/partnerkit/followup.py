"""Follow-up: what the coordinator must act on, ranked, for one "today".

Every item comes from the record's dated obligations (:mod:`partnerkit.obligations`), the
same ones the rules report once they are late, so ``followup`` and ``check`` agree on every
due date and severity. Obligations that stem from one fact (a sponsor leaving; the agreement
and the resources that end with it; the leadership meeting) are one item that lists every
rule behind it. Items are ranked: errors before warnings before notes, then what is overdue,
then what has the nearest consequence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import partial

from partnerkit.config import Config, Thresholds
from partnerkit.findings import Finding, Severity
from partnerkit.i18n import N_, _, named, ngettext, quoted
from partnerkit.load.pipeline import CheckResult, FileReport, OnRecord
from partnerkit.obligations import Obligation, obligations
from partnerkit.record.models import Partnership
from partnerkit.record.vocab import label
from partnerkit.rules import get as get_rule
from partnerkit.rules.base import HANDBOOK_CRITERIA
from partnerkit.rules.engine import is_selected, severity_of, suppressed
from partnerkit.timeline import current_agreement, people_by_id, person_active, planned_meetings

MET, ATTENTION, NOT_MET = "met", "attention", "not_met"
HEALTH_SYMBOL = {MET: "✓", ATTENTION: "!", NOT_MET: "✗"}
OVERDUE, DUE_SOON = "overdue", "due_soon"
CHORES = ("brief", "minutes")  # shown only when late or within chore_horizon_days


@dataclass(frozen=True)
class Item:
    """Something to do by a date. ``responsible`` maps a party's name to the people on it,
    ``people`` are their ids (those in office: whom ``remind`` writes to); ``codes`` are every
    rule behind the item, ``rule`` the first (the root cause)."""

    kind: str
    due: date
    title: str
    rule: str
    responsible: tuple[tuple[str, str], ...] = ()
    path: tuple[str | int, ...] = ()
    key: str = ""  # what the item is about, stable when the record is edited
    status: str = ""  # OVERDUE or DUE_SOON
    severity: Severity = Severity.WARNING
    codes: tuple[str, ...] = ()
    consequence: date | None = None  # the day that makes it matter (a meeting, an end)
    partnership: str = ""  # the id of the partnership it belongs to
    places: tuple[tuple[str, tuple[str | int, ...], date], ...] = ()  # (rule, path, due) of each
    people: tuple[str, ...] = ()

    def days_from(self, today: date) -> int:
        return (self.due - today).days

    def rank(self) -> tuple:
        """Errors first; then what is overdue (the longest first), then what is due soonest,
        the nearest consequence first among equal dates."""
        overdue = 0 if self.status == OVERDUE else 1
        consequence = self.consequence or self.due
        return (-self.severity, overdue, self.due, consequence, self.partnership, self.title)


@dataclass(frozen=True)
class PlannedMeeting:
    date: date
    body: str


@dataclass(frozen=True)
class Score:
    dimension: str
    party: str
    value: float | str
    previous: float | str | None


@dataclass(frozen=True)
class Gap:
    dimension: str
    spread: float
    flagged: bool


@dataclass(frozen=True)
class AssessmentView:
    date: date
    instrument: str
    previous_date: date | None
    scores: tuple[Score, ...]
    gaps: tuple[Gap, ...]


@dataclass
class PartnershipFollowup:
    id: str
    title: str
    file: str
    phase: str
    agreement_end: date | None
    health: dict[str, str]
    items: list[Item] = field(default_factory=list)
    assessment: AssessmentView | None = None
    problems: int = 0
    meetings: list[PlannedMeeting] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(item.status == OVERDUE for item in self.items)

    @property
    def due_soon(self) -> int:
        return sum(item.status == DUE_SOON for item in self.items)

    def rank(self) -> tuple:
        """Worst first: the most severe item, then the most overdue, then check's errors."""
        worst = max((item.severity for item in self.items), default=Severity.INFO)
        return (-worst, -self.overdue, -self.problems, self.id)


@dataclass(frozen=True)
class Unreadable:
    """A record that could not be read: its file and the first error, where it is."""

    file: str
    line: int
    col: int
    code: str
    message: str


@dataclass
class Followup:
    today: date
    horizon: int
    partnerships: list[PartnershipFollowup]
    unreadable: list[Unreadable] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(p.overdue for p in self.partnerships)

    @property
    def actions(self) -> list[Item]:
        """Every item of the portfolio, ranked."""
        return sorted((i for p in self.partnerships for i in p.items), key=Item.rank)


def build_followup(result: CheckResult, today: date, horizon: int) -> Followup:
    """Collect the follow-up of every record checked with :func:`followup_on_record`."""
    views, unreadable = [], []
    for report in result.files:
        if isinstance(report.derived, PartnershipFollowup):
            views.append(report.derived)
        elif not report.skipped:
            unreadable.append(unreadable_of(report))
    views.sort(key=PartnershipFollowup.rank)
    return Followup(today, horizon, views, unreadable)


def unreadable_of(report: FileReport) -> Unreadable:
    errors = [f for f in report.findings if f.severity == Severity.ERROR] or report.findings
    first = min(errors, key=Finding.sort_key) if errors else None
    if first is None:
        return Unreadable(report.file, 1, 1, "", "")
    return Unreadable(report.file, first.line, first.col, first.code, first.message)


def followup_on_record(config: Config, today: date, horizon: int) -> OnRecord:
    """The ``on_record`` function of the follow-up (see ``check_paths``)."""
    return partial(partnership_followup, config=config, today=today, horizon=horizon)


def partnership_followup(
    report: FileReport, record: Partnership, config: Config, today: date, horizon: int
) -> PartnershipFollowup:
    """The follow-up of one record (called while the record is loaded; see ``check_paths``)."""
    thresholds = config.thresholds
    agreement = current_agreement(record, today)
    limit = today + timedelta(days=horizon)
    chores = min(limit, today + timedelta(days=thresholds.chore_horizon_days))
    items = [
        item
        for item in applicable_items(record, thresholds, today, report.findings, limit, config)
        if item.due <= (chores if item.kind in CHORES else limit) or item.status == OVERDUE
    ]
    items.sort(key=Item.rank)
    return PartnershipFollowup(
        id=record.id,
        title=record.title.sv,
        file=report.file,
        phase=record.lifecycle.phase,
        agreement_end=agreement.end if agreement else None,
        health=criterion_health(report),
        items=items,
        assessment=assessment_view(record, thresholds),
        problems=sum(f.severity == Severity.ERROR for f in report.findings),
        meetings=upcoming_meetings(record, today, limit),
    )


def upcoming_meetings(record: Partnership, today: date, until: date) -> list[PlannedMeeting]:
    meetings = [
        PlannedMeeting(m.date, body.name or body.id)
        for body in record.governance
        for m in planned_meetings(body, today)
        if m.date <= until
    ]
    return sorted(meetings, key=lambda m: (m.date, m.body))


def applicable_items(
    record: Partnership,
    t: Thresholds,
    today: date,
    findings: list[Finding] | None = None,
    horizon_end: date | None = None,
    config: Config | None = None,
) -> list[Item]:
    """One item per fact, from the obligations whose rule applies in the record's phase and
    is neither suppressed nor (when it is late and ``findings`` are given) silenced by the
    configuration: a late obligation is an item only when ``check`` reports it. An item is
    as severe as ``check`` says or will say of what is late or due by ``horizon_end``."""
    phase = record.lifecycle.phase
    config = config or Config(thresholds=t)
    reported = None if findings is None else {(f.code, f.path): f.severity for f in findings}
    kept: list[tuple[Obligation, Severity]] = []
    for found in obligations(record, today, t):
        rule = get_rule(found.rule)
        if rule is None or not rule.applies_to(phase) or not is_selected(found.rule, config):
            continue
        if suppressed(record, found.rule, found.path):
            continue
        if found.late(today) and reported is not None:
            severity = reported.get((found.rule, found.path))
            if severity is None:
                continue
        else:
            # as check will say on the day after it is due, or says today when it is late
            judged = max(today, found.due + timedelta(days=1))
            escalated = found.error_from is not None and judged >= found.error_from
            severity = severity_of(rule, phase, config, escalated)
        kept.append((found, severity))
    people = _People(record, today)
    groups: dict[str, list[tuple[Obligation, Severity]]] = defaultdict(list)
    for found, severity in kept:
        groups[found.about].append((found, severity))
    items = []
    for group in groups.values():
        near = [
            (found, severity if _near(found, today, horizon_end) else Severity.INFO)
            for found, severity in group
        ]
        items.extend(_items_of(near if len(group) > 1 else group, record, today, people))
    return items


def _near(found: Obligation, today: date, horizon_end: date | None) -> bool:
    return found.late(today) or horizon_end is None or found.due <= horizon_end


def _items_of(group, record: Partnership, today: date, people: _People) -> list[Item]:
    kinds = {found.kind for found, _severity in group}
    if len(group) > 1 and ("expiry" in kinds or "resource" not in kinds):
        return [_merged(group, record, today, people)]
    return [
        _item(found, severity, _title(found, today, people), record, today, people)
        for found, severity in group
    ]


def _item(
    found: Obligation,
    severity: Severity,
    title: str,
    record: Partnership,
    today: date,
    people: _People,
    codes: tuple[str, ...] = (),
) -> Item:
    return Item(
        kind=found.kind,
        due=found.due,
        title=title,
        rule=found.rule,
        responsible=people.named(found.responsible, found.role),
        people=people.in_office(found.responsible),
        path=found.path,
        key=found.key,
        status=OVERDUE if found.late(today) else DUE_SOON,
        severity=severity,
        codes=codes or (found.rule,),
        consequence=found.consequence or found.due,
        partnership=record.id,
        places=((found.rule, found.path, found.due),),
    )


def _merged(group, record: Partnership, today: date, people: _People) -> Item:
    """One item for the obligations of one fact: due at the earliest, as severe as the most
    severe, worded for the fact as a whole."""
    ordered = sorted(group, key=lambda pair: (_ROOTS.index(pair[0].kind), pair[0].due))
    root = ordered[0][0]
    first_due = min((found for found, _s in group), key=lambda found: found.due)
    severity = max(severity for _found, severity in group)
    codes = tuple(dict.fromkeys(found.rule for found, _s in ordered))
    resources = sum(found.kind == "resource" for found, _s in group)
    title = _title(root, today, people, resources)
    merged = _item(root, severity, title, record, today, people, codes)
    consequences = [found.consequence or found.due for found, _s in group]
    return replace(
        merged,
        due=first_due.due,
        status=OVERDUE if first_due.late(today) else DUE_SOON,
        consequence=min(consequences),
        places=tuple((found.rule, found.path, found.due) for found, _s in ordered),
    )


# The obligation whose wording stands for a fact shared by several: the root cause first.
_ROOTS = (
    "renewal",
    "expiry",
    "resource",
    "sponsor_vacancy",
    "contact_vacancy",
    "leadership_meeting",
    "body_meeting",
    "decision",
    "action_item",
    "brief",
    "minutes",
    "action_plan",
    "indicator",
    "assessment",
    "log",
    "activity",
)


# Titles that are one sentence filled with the obligation's facts: (message, {field: fact}).
_SIMPLE_TITLES = {
    "leadership_meeting": (
        N_("Hold the next leadership meeting (the last was on {date})."),
        {"date": "last"},
    ),
    "brief": (
        N_("Send the brief (underlag) for the {date} meeting of {body}."),
        {"date": "meeting", "body": "body"},
    ),
    "minutes": (
        N_("File the minutes of the {date} meeting of {body}."),
        {"date": "meeting", "body": "body"},
    ),
    "action_item": (N_("Action plan item: {title}"), {"title": "text"}),
    "indicator": (
        N_("Measure the indicator {name} (last value from {date})."),
        {"name": "name", "date": "last"},
    ),
    "assessment": (
        N_("Run the joint self-assessment (the last was on {date})."),
        {"date": "last"},
    ),
    "activity": (
        N_("Start a joint activity: nothing has been under way since {date}."),
        {"date": "last"},
    ),
}


def _title(found: Obligation, today: date, people: _People, resources: int = 0) -> str:
    """What to do, worded for ``today``: a deadline that has passed is said as passed."""
    if found.kind in _SIMPLE_TITLES:
        text, fields = _SIMPLE_TITLES[found.kind]
        values = {name: found.args[fact] for name, fact in fields.items()}
        if "name" in values:
            values["name"] = quoted(str(values["name"]))
        return _(text).format(**values)
    if found.kind in ("renewal", "expiry"):
        return _agreement_title(found.kind, found.due, found.args["end"], today, resources)
    return _WORDED_TITLES[found.kind](found, today, people)


def _body_meeting_title(found: Obligation, today: date, people: _People) -> str:
    planned = found.args["planned"]
    if planned is None:
        return _("Call a meeting of {body} (the last was on {date}).").format(
            body=found.args["body"], date=found.args["last"]
        )
    if found.late(today):
        text = _(
            "{body} was due to meet by {due} by its cadence; its next meeting is planned for "
            "{date}."
        )
    else:
        text = _(
            "{body} should meet by {due} by its cadence, but its next meeting is planned for "
            "{date}: meet earlier, or change the cadence by decision."
        )
    return text.format(body=found.args["body"], due=found.due, date=planned)


def _decision_title(found: Obligation, today: date, people: _People) -> str:
    decision = named(str(found.args["text"]), str(found.args["id"]))
    return _("Follow up the decision {decision}.").format(decision=decision)


def _action_plan_title(found: Obligation, today: date, people: _People) -> str:
    if today > found.args["end"]:
        text = _("Agree the next action plan (the last one ended on {date}).")
    else:
        text = _("Agree the next action plan: the current one ends on {date}.")
    return text.format(date=found.args["end"])


def _log_title(found: Obligation, today: date, people: _People) -> str:
    if found.args["last"] is None:
        text = _("Start the follow-up log: nothing is logged since {date}.")
        return text.format(date=found.args["since"])
    return _("Update the follow-up log (the last entry is from {date}).").format(
        date=found.args["last"]
    )


def _sponsor_title(found: Obligation, today: date, people: _People) -> str:
    if found.late(today):
        text = _(
            "Find a successor for {name} as leadership sponsor of {party}: they left on {date}."
        )
    else:
        text = _(
            "Find a successor for {name} as leadership sponsor of {party}: they leave on {date}."
        )
    name, party = people.name(str(found.args["person"])), people.party(str(found.args["side"]))
    return text.format(name=name, party=party, date=found.due)


def _contact_title(found: Obligation, today: date, people: _People) -> str:
    if found.late(today):
        text = _("Find a new contact to replace {name} ({level}): they left on {date}.")
    else:
        text = _("Find a new contact to replace {name} ({level}): they leave on {date}.")
    name = people.name(str(found.args["person"]))
    return text.format(name=name, level=label("level", str(found.args["level"])), date=found.due)


def _resource_title(found: Obligation, today: date, people: _People) -> str:
    if found.late(today):
        text = _("The earmarked resource {purpose} ended on {date}: renew or replace it.")
    else:
        text = _("The earmarked resource {purpose} ends on {date}: renew or replace it.")
    return text.format(purpose=quoted(str(found.args["purpose"])), date=found.due)


_WORDED_TITLES = {
    "body_meeting": _body_meeting_title,
    "decision": _decision_title,
    "action_plan": _action_plan_title,
    "log": _log_title,
    "sponsor_vacancy": _sponsor_title,
    "contact_vacancy": _contact_title,
    "resource": _resource_title,
}


def _agreement_title(kind: str, due: date, end: date, today: date, resources: int) -> str:
    if kind == "renewal":
        if resources:
            text = ngettext(
                "Start the evaluation before renewal: the agreement and {n} earmarked resource "
                "end on {date}.",
                "Start the evaluation before renewal: the agreement and {n} earmarked resources "
                "end on {date}.",
                resources,
            )
        else:
            text = _("Start the evaluation before renewal: the agreement ends on {date}.")
        if today > due:
            text += " " + _("The evaluation was due to start by {due}.")
        return text.format(n=resources, date=end, due=due)
    ended = today > end
    if resources:
        text = (
            ngettext(
                "The agreement and {n} earmarked resource ended on {date}: renew them or "
                "phase the partnership out.",
                "The agreement and {n} earmarked resources ended on {date}: renew them or "
                "phase the partnership out.",
                resources,
            )
            if ended
            else ngettext(
                "The agreement and {n} earmarked resource end on {date}: renew them or "
                "phase the partnership out.",
                "The agreement and {n} earmarked resources end on {date}: renew them or "
                "phase the partnership out.",
                resources,
            )
        )
    elif ended:
        text = _("The agreement ended on {date}: renew it or phase the partnership out.")
    else:
        text = _("The agreement ends on {date}: renew it or phase the partnership out.")
    return text.format(n=resources, date=end)


def criterion_health(report: FileReport) -> dict[str, str]:
    """Met, attention (warnings) or not met (errors), per handbook criterion, from the rules."""
    worst: dict[str, Severity] = {}
    for finding in report.findings:
        rule = get_rule(finding.code)
        if rule is None or finding.severity == Severity.INFO:
            continue
        worst[rule.criterion] = max(worst.get(rule.criterion, finding.severity), finding.severity)
    health = {}
    for criterion in HANDBOOK_CRITERIA:
        severity = worst.get(criterion)
        health[criterion] = (
            MET if severity is None else NOT_MET if severity == Severity.ERROR else ATTENTION
        )
    return health


_ROLES = {
    "sponsor": N_("leadership sponsor"),
    "coordinator": N_("coordinator"),
    "chair": N_("chair"),
    "owner": N_("owner"),
    "responsible": N_("responsible"),
    "holder": N_("mandate holder"),
}


class _People:
    """The people responsible for an item, in office today, grouped by party."""

    def __init__(self, record: Partnership, today: date) -> None:
        self.today = today
        self.by_id = people_by_id(record)
        self.party_names = {p.id: p.name for p in record.parties}

    def name(self, person_id: str) -> str:
        person = self.by_id.get(person_id)
        return person.name if person else person_id

    def party(self, party_id: str) -> str:
        return self.party_names.get(party_id, party_id)

    def in_office(self, person_ids) -> tuple[str, ...]:
        """The ids of the people in office among ``person_ids``, each once."""
        found = (self.by_id.get(person_id or "") for person_id in person_ids)
        active = (p.id for p in found if p is not None and person_active(p, self.today))
        return tuple(dict.fromkeys(active))

    def named(self, person_ids, role: str) -> tuple[tuple[str, str], ...]:
        """The people in office, by party; when none is, the role as vacant on the sides of
        those who held it."""
        sides: dict[str, list[str]] = {}
        left: list[str] = []
        for person_id in person_ids:
            person = self.by_id.get(person_id or "")
            if person is None:
                continue
            if not person_active(person, self.today):
                left.append(self.party(person.side))
                continue
            names = sides.setdefault(self.party(person.side), [])
            shown = f"{person.name} ({person.title})" if person.title else person.name
            if shown not in names:
                names.append(shown)
        if sides or role not in _ROLES:
            return tuple((party, ", ".join(names)) for party, names in sides.items())
        vacant = _("{role} (vacant)").format(role=_(_ROLES[role]))
        return tuple((party, vacant) for party in dict.fromkeys(left)) or ((_("vacant"), vacant),)


def score_number(value: float | str) -> float | None:
    scale = {"red": 1.0, "amber": 2.0, "green": 3.0, "low": 1.0, "medium": 2.0, "high": 3.0}
    return float(value) if isinstance(value, int | float) else scale.get(value)


def assessment_view(record: Partnership, t: Thresholds) -> AssessmentView | None:
    """The latest assessment per party and dimension, the trend and the gap between parties."""
    ordered = sorted(record.assessments, key=lambda a: a.date)
    if not ordered:
        return None
    current = ordered[-1]
    previous = ordered[-2] if len(ordered) > 1 else None
    before = {(s.dimension, s.side): s.value for s in previous.scores} if previous else {}
    names = {p.id: p.name for p in record.parties}
    scores = tuple(
        Score(s.dimension, names.get(s.side, s.side), s.value, before.get((s.dimension, s.side)))
        for s in current.scores
    )
    gaps = []
    for dimension in dict.fromkeys(s.dimension for s in current.scores):
        values = [score_number(s.value) for s in current.scores if s.dimension == dimension]
        numbers = [v for v in values if v is not None]
        if len(numbers) < 2:
            continue
        spread = round(max(numbers) - min(numbers), 2)
        threshold = t.benefit_gap_threshold if current.scale == "likert5" else 1.5
        gaps.append(Gap(dimension, spread, spread > threshold))
    return AssessmentView(
        current.date,
        current.instrument,
        previous.date if previous else None,
        scores,
        tuple(gaps),
    )
