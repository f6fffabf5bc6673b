"""The coordinator role (samordnaren): documents, follows up, prepares briefs, brokers contacts.

The handbook gives the partnership a coordinator at the university who keeps it together day
to day. These rules look for an active coordinator on the university side with a counterpart
at every partner, a follow-up log that is kept current, a brief before and minutes after every
meeting, and decisions and action-plan items that are followed up by their due date.
"""

from __future__ import annotations

from collections.abc import Iterator

from partnerkit import obligations
from partnerkit.i18n import N_, _, named
from partnerkit.record.models import GovernanceBody, Meeting, Partnership
from partnerkit.rules.base import ACTIVE, NOT_CLOSED, Context, E, Hit, W, late_hit, rule
from partnerkit.timeline import (
    days,
    people_by_id,
    person_active,
)

UNIVERSITY_ROLES = ("larosate_host", "larosate")


@rule(
    code="COORD-01",
    name="coordinator-active",
    criterion="coordinator",
    phases=NOT_CLOSED,
    severity=E,
    by_phase={"initiering": W, "avveckling": W},
    title=N_("The university has an active coordinator"),
    explanation=N_(
        "A coordinator (samordnare) at the university documents the partnership, follows it "
        "up, prepares the briefs for its meetings and brokers contacts between the parties. "
        "Without one nobody keeps the partnership together between the leadership meetings. "
        "Name the coordinator under coordination.coordinator with person_id and a side that "
        "is a university party; when the coordinator leaves (to: in the past), name a successor."
    ),
    source=N_("Handledning (samordnaren); LTU partner coordinator; UU partnerskapsledare"),
    bad="coordination:\n  counterparts: [{person_id: p-nvsam, side: nv}]\n",
    good=(
        "coordination:\n  coordinator: {person_id: p-sam, side: eu, fte: 0.3, from: 2023-03-01}\n"
    ),
)
def coordinator_active(record: Partnership, ctx: Context) -> Iterator[Hit]:
    coordination = record.coordination
    coordinator = coordination.coordinator if coordination else None
    if coordinator is None:
        yield Hit(_("No coordinator is named."), ("coordination", "coordinator"))
        return
    path = ("coordination", "coordinator")
    roles = {p.id: p.role for p in record.parties}
    person = people_by_id(record).get(coordinator.person_id)
    name = person.name if person else coordinator.person_id
    if roles.get(coordinator.side) not in UNIVERSITY_ROLES:
        yield Hit(
            _("The coordinator {name} is on the side of {side}, not of a university.").format(
                name=name, side=_party_name(record, coordinator.side)
            ),
            (*path, "side"),
        )
    elif coordinator.to and coordinator.to < ctx.today:
        yield Hit(
            _("The coordinator {name} left on {date} and nobody succeeds them.").format(
                name=name, date=coordinator.to
            ),
            (*path, "to"),
        )
    elif coordinator.from_ and coordinator.from_ > ctx.today:
        yield Hit(
            _("The coordinator {name} starts only on {date}.").format(
                name=name, date=coordinator.from_
            ),
            (*path, "from"),
        )
    elif person is not None and not person_active(person, ctx.today):
        yield Hit(
            _("The coordinator {name} is no longer active in the partnership.").format(name=name),
            (*path, "person_id"),
        )


@rule(
    code="COORD-02",
    name="partner-counterpart",
    criterion="coordinator",
    phases=ACTIVE,
    severity=W,
    title=N_("Every partner has a counterpart to the coordinator"),
    explanation=N_(
        "The coordinator needs a counterpart at each partner, a person who holds the same "
        "role on the partner's side (partnerskapsansvarig, process coordinator). Without one "
        "the coordination runs through the leadership or through chance contacts. List an "
        "active counterpart for every partner under coordination.counterparts."
    ),
    source=N_("UU (mirror roles); Chalmers–Ericsson; Lyskraft (municipal process coordinator)"),
    bad="coordination:\n  coordinator: {person_id: p-sam, side: eu}\n  counterparts: []\n",
    good=(
        "coordination:\n  coordinator: {person_id: p-sam, side: eu}\n"
        "  counterparts:\n    - {person_id: p-nvsam, side: nv}\n"
    ),
)
def partner_counterpart(record: Partnership, ctx: Context) -> Iterator[Hit]:
    coordination = record.coordination
    people = people_by_id(record)
    counterparts = coordination.counterparts if coordination else []
    covered = {c.side for c in counterparts if person_active(people.get(c.person_id), ctx.today)}
    for party in record.parties:
        if party.role == "partner" and party.id not in covered:
            yield Hit(
                _("{party} has no active counterpart to the coordinator.").format(party=party.name),
                ("coordination", "counterparts"),
            )


@rule(
    code="COORD-03",
    name="log-fresh",
    criterion="coordinator",
    phases=(*ACTIVE, "avveckling"),
    severity=W,
    title=N_("The follow-up log is kept current"),
    explanation=N_(
        "The coordinator documents the partnership as it goes: contacts, ideas, issues, "
        "meetings and decisions, in followup_log. An up-to-date log is what the briefs, the "
        "annual report and the evaluation are written from, and it keeps the partnership "
        "from depending on one person's memory. A warning when the latest entry is older than "
        "{log_stale_warn_days} days, an error after {log_stale_error_days} days; with no entry at "
        "all the "
        "age counts from the start of the partnership. Add an entry for what has happened."
    ),
    source=N_(
        "Handledning (the coordinator documents and follows up); GNDR (check every 2 months)"
    ),
    options=("log_stale_warn_days", "log_stale_error_days"),
    bad="followup_log:\n  - {date: 2026-01-15, type: note, summary: Kontakt med Nordverk}\n",
    good="followup_log:\n  - {date: 2026-10-02, type: note, summary: Kontakt med Nordverk}\n",
    escalation=N_("an error after {log_stale_error_days} days"),
)
def log_fresh(record: Partnership, ctx: Context) -> Iterator[Hit]:
    for due in obligations.followup_log(record, ctx.today, ctx.thresholds):
        if not due.late(ctx.today):
            continue
        since = due.args["since"]
        if due.args["last"] is None:
            message = _(
                "The follow-up log has no entry since the partnership started on {date}, "
                "{days} days ago; the first was due by {due}."
            )
        else:
            message = _(
                "The latest follow-up log entry is from {date}, {days} days ago; "
                "the next was due by {due}."
            )
        text = message.format(date=since, days=(ctx.today - since).days, due=due.due)
        yield late_hit(text, due, ctx.today)


@rule(
    code="COORD-04",
    name="brief-and-minutes",
    criterion="coordinator",
    phases=ACTIVE,
    severity=W,
    title=N_("Every meeting has a brief sent in time and minutes soon after"),
    explanation=N_(
        "The coordinator prepares the brief (underlag) for each meeting of the partnership's "
        "bodies and sees that minutes are taken: the brief is sent at least {brief_lead_days} days "
        "before the meeting (brief_ref and brief_sent), and the minutes are ready within "
        "{minutes_lag_days} days after it (minutes_ref and minutes_date). Meetings held in the "
        "last "
        "365 days are checked once their minutes are due. Record the brief and the minutes "
        "on the meeting, and send the next brief earlier."
    ),
    source=N_(
        "Handledning (the coordinator prepares underlag); UU (items to the partnership council)"
    ),
    options=("brief_lead_days", "minutes_lag_days"),
    bad="meetings:\n  - {date: 2026-09-17, brief_sent: 2026-09-15}\n",
    good=(
        "meetings:\n  - {date: 2026-09-17, brief_ref: sg-3.pdf, brief_sent: 2026-09-09,\n"
        "     minutes_ref: sg-3-prot.pdf, minutes_date: 2026-09-24}\n"
    ),
)
def brief_and_minutes(record: Partnership, ctx: Context) -> Iterator[Hit]:
    t = ctx.thresholds
    for due in obligations.briefs(record, ctx.today, t):
        if due.late(ctx.today):
            message = _(
                "The brief for the meeting of {body} on {date} is not sent; it was due by {due}."
            ).format(body=due.args["body"], date=due.args["meeting"], due=due.due)
            yield late_hit(message, due, ctx.today)
    missing_minutes = {
        due.path: due for due in obligations.minutes(record, ctx.today, t) if due.late(ctx.today)
    }
    oldest = ctx.today - days(obligations.MEETING_REVIEW_DAYS)
    for b, body in enumerate(record.governance):
        for m, meeting in enumerate(body.meetings):
            if meeting.status != "held" or meeting.date < oldest:
                continue
            if ctx.today <= meeting.date + days(t.minutes_lag_days):
                continue
            problems = _brief_problems(meeting, t.brief_lead_days) + _minutes_problems(
                meeting, t.minutes_lag_days
            )
            if problems:
                late = missing_minutes.get(("governance", b, "meetings", m))
                yield Hit(
                    _("The meeting of {body} on {date}: {problems}.").format(
                        body=_body_name(body), date=meeting.date, problems="; ".join(problems)
                    ),
                    ("governance", b, "meetings", m),
                    due=late.due if late else None,
                )


def _brief_problems(meeting: Meeting, lead_days: int) -> list[str]:
    due = meeting.date - days(lead_days)
    if meeting.brief_ref is None:
        return [_("no brief is recorded (brief_ref)")]
    if meeting.brief_sent is None:
        return [_("the date the brief was sent is missing (brief_sent)")]
    if meeting.brief_sent > due:
        return [
            _("the brief was sent on {sent}, it was due by {due}").format(
                sent=meeting.brief_sent, due=due
            )
        ]
    return []


def _minutes_problems(meeting: Meeting, lag_days: int) -> list[str]:
    due = meeting.date + days(lag_days)
    if meeting.minutes_ref is None:
        return [_("no minutes are recorded (minutes_ref), they were due by {due}").format(due=due)]
    if meeting.minutes_date is None:
        return [_("the date of the minutes is missing (minutes_date)")]
    if meeting.minutes_date > due:
        return [
            _("the minutes are dated {date}, they were due by {due}").format(
                date=meeting.minutes_date, due=due
            )
        ]
    return []


@rule(
    code="COORD-05",
    name="overdue-follow-up",
    criterion="coordinator",
    phases=NOT_CLOSED,
    severity=W,
    title=N_("Decisions and action-plan items are followed up by their due date"),
    explanation=N_(
        "Every decision and action-plan item has an owner and a due date, and the coordinator "
        "chases them: an open item past its due date means that an agreed action got no "
        "reaction. Each overdue decision and item is listed. Do it, or record its outcome: "
        "status done with the date it closed, or cancelled, or a new due date decided by the "
        "body."
    ),
    source=N_(
        "KTH ARC model (every action needs a reaction); LiU (action plan followed up yearly)"
    ),
    bad="decisions:\n  - {id: d-1, date: 2026-04-09, text: Ta fram plan, due: 2026-06-30}\n",
    good=(
        "decisions:\n  - {id: d-1, date: 2026-04-09, text: Ta fram plan, due: 2026-06-30,\n"
        "     status: done, closed: 2026-06-20}\n"
    ),
)
def overdue_follow_up(record: Partnership, ctx: Context) -> Iterator[Hit]:
    for due in obligations.decisions(record, ctx.today, ctx.thresholds):
        if not due.late(ctx.today):
            continue
        if due.kind == "decision":
            message = _("The decision {id} was due on {due} and is still open.")
        else:
            message = _("The action-plan item {id} was due on {due} and is still open.")
        what = named(str(due.args["text"]), str(due.args["id"]))
        yield late_hit(message.format(id=what, due=due.due), due, ctx.today)


def _body_name(body: GovernanceBody) -> str:
    return body.name or body.id


def _party_name(record: Partnership, party_id: str) -> str:
    return next((p.name for p in record.parties if p.id == party_id), party_id)


RULES = (
    coordinator_active,
    partner_counterpart,
    log_fresh,
    brief_and_minutes,
    overdue_follow_up,
)
