"""Leadership engagement on both sides (ledningarnas engagemang och delaktighet).

The handbook's first characteristic: the leaderships of every party take part. These rules
look for a sponsor at the top of every party, recurring strategic meetings attended by those
sponsors, no vacancy when a sponsor leaves, and an agreement signed at leadership level.
"""

from __future__ import annotations

from collections.abc import Iterator

from partnerkit import obligations
from partnerkit.i18n import N_, _
from partnerkit.record.models import Partnership
from partnerkit.rules.base import ACTIVE, NOT_CLOSED, Context, E, Hit, I, W, late_hit, rule
from partnerkit.timeline import (
    current_agreement,
    days,
    people_by_id,
    strategic_meetings,
    within,
)


def _active_sponsors(record: Partnership, today) -> list[tuple[int, object]]:
    return [(i, s) for i, s in enumerate(record.leadership) if within(s.from_, s.to, today)]


@rule(
    code="LEAD-01",
    name="sponsor-per-party",
    criterion="leadership",
    phases=NOT_CLOSED,
    severity=E,
    by_phase={"initiering": W, "avveckling": W},
    title=N_("Every party has an active leadership sponsor"),
    explanation=N_(
        "A strategic partnership is anchored in the leadership of every party: a rector or "
        "pro-rector on the university side, a CEO, director or secretary-general at the "
        "partner. Without a sponsor on one side the partnership depends on individuals and "
        "loses its mandate. Add a leadership entry with person_id, side and role for each "
        "party that lacks one."
    ),
    source=N_("Handledning (ledningarnas engagemang); KI, Samsyn: leadership on both sides"),
    bad="leadership:\n  - {person_id: p-rektor, side: eu, role: rektor}\n",
    good=(
        "leadership:\n  - {person_id: p-rektor, side: eu, role: rektor}\n"
        "  - {person_id: p-vd, side: nv, role: vd}\n"
    ),
)
def sponsor_per_party(record: Partnership, ctx: Context) -> Iterator[Hit]:
    sides = {s.side for _i, s in _active_sponsors(record, ctx.today)}
    for index, party in enumerate(record.parties):
        if party.id not in sides:
            yield Hit(
                _("{party} has no active leadership sponsor.").format(party=party.name),
                ("leadership",) if record.leadership else ("parties", index),
                fact=f"sponsor/{party.id}",
            )


@rule(
    code="LEAD-02",
    name="strategic-meeting-recent",
    criterion="leadership",
    phases=("drift", "utvardering", "nystart"),
    severity=W,
    title=N_("The leaderships meet at least once a year"),
    explanation=N_(
        "The leaderships of the parties meet regularly (a partnership council or leadership "
        "meeting) to follow up the action plan and set the direction. A warning after "
        "{leadership_meeting_warn_days} days without a strategic meeting, an error after "
        "{leadership_meeting_error_days} days. Hold the meeting and record it under the strategic "
        "body's meetings."
    ),
    source=N_("LiU (yearly leadership meeting); Chalmers (twice a year); KTH ARC model"),
    options=("leadership_meeting_warn_days", "leadership_meeting_error_days"),
    bad=(
        "governance:\n  - id: rad\n    type: partnerskapsrad\n    level: strategisk\n"
        "    meetings: [{date: 2023-03-01}]\n"
    ),
    good=(
        "governance:\n  - id: rad\n    type: partnerskapsrad\n    level: strategisk\n"
        "    meetings: [{date: 2026-03-01}]\n"
    ),
    escalation=N_("an error after {leadership_meeting_error_days} days"),
)
def strategic_meeting_recent(record: Partnership, ctx: Context) -> Iterator[Hit]:
    if not strategic_meetings(record, ctx.today):
        yield Hit(_("No meeting of a strategic body has been held."), ("governance",))
        return
    for due in obligations.leadership_meeting(record, ctx.today, ctx.thresholds):
        if due.late(ctx.today):
            last = due.args["last"]
            message = _(
                "The last leadership meeting was on {date}, {days} days ago; "
                "the next was due by {due}."
            ).format(date=last, days=(ctx.today - last).days, due=due.due)
            yield late_hit(message, due, ctx.today)


@rule(
    code="LEAD-03",
    name="sponsors-attend",
    criterion="leadership",
    phases=("drift", "utvardering"),
    severity=W,
    title=N_("Sponsors of every party attend the strategic meetings"),
    explanation=N_(
        "Of the last two strategic meetings, at least one should be attended by a sponsor "
        "from each party; otherwise it is not a meeting of the leaderships. Record the "
        "attendees of each meeting, and invite the sponsors."
    ),
    source=N_("Chalmers–Ericsson (President and Head of Research); alliance governance"),
    bad="meetings: [{date: 2026-03-01, attendees: [p-rektor]}]\n",
    good="meetings: [{date: 2026-03-01, attendees: [p-rektor, p-vd]}]\n",
)
def sponsors_attend(record: Partnership, ctx: Context) -> Iterator[Hit]:
    recent = strategic_meetings(record, ctx.today)[-2:]
    if not recent or not any(m.attendees for m in recent):
        return
    parties = {p.id for p in record.parties}
    for meeting in recent:
        # each meeting is judged by the sponsors in office on its day
        sponsors = {s.person_id: s.side for _i, s in _active_sponsors(record, meeting.date)}
        if parties <= {sponsors[a] for a in meeting.attendees if a in sponsors}:
            return
    yield Hit(
        _("Neither of the last two leadership meetings was attended by a sponsor of every party."),
        ("governance",),
    )


@rule(
    code="LEAD-04",
    name="sponsor-vacancy",
    criterion="leadership",
    phases=ACTIVE,
    severity=E,
    title=N_("A sponsor who has left is replaced"),
    explanation=N_(
        "When a sponsor's term ends (to: in the past) and nobody on that side succeeds them, "
        "the partnership has lost its leadership anchor on that side: an error. A sponsor who "
        "changed within {sponsor_change_days} days gets a note: anchor the partnership with the "
        "new "
        "leadership, for example at their first leadership meeting."
    ),
    source=N_("Industry practice: sponsorship written into the sponsor's objectives; LiU–Ericsson"),
    options=("sponsor_change_days",),
    bad="leadership:\n  - {person_id: p-vd, side: nv, role: vd, to: 2025-12-31}\n",
    good=(
        "leadership:\n  - {person_id: p-vd, side: nv, role: vd, to: 2025-12-31}\n"
        "  - {person_id: p-vd2, side: nv, role: vd, from: 2026-01-01}\n"
    ),
    escalation=N_("a note when a new sponsor has started within {sponsor_change_days} days"),
)
def sponsor_vacancy(record: Partnership, ctx: Context) -> Iterator[Hit]:
    names = people_by_id(record)
    recent = days(ctx.thresholds.sponsor_change_days)
    for index, sponsor in enumerate(record.leadership):
        in_office = sponsor.to is None or sponsor.to >= ctx.today
        if in_office and sponsor.from_ and ctx.today - recent <= sponsor.from_ <= ctx.today:
            yield Hit(
                _("{name} became sponsor on {date}: anchor the partnership with them.").format(
                    name=_name(names, sponsor.person_id), date=sponsor.from_
                ),
                ("leadership", index),
                severity=I,
            )
    for due in obligations.sponsor_successions(record, ctx.today, ctx.thresholds):
        if due.late(ctx.today):
            message = _(
                "{name} left the sponsor role on {date} and nobody on that side succeeds them."
            ).format(name=_name(names, str(due.args["person"])), date=due.due)
            yield late_hit(message, due, ctx.today)


@rule(
    code="LEAD-05",
    name="signed-at-leadership-level",
    criterion="leadership",
    phases=ACTIVE,
    severity=W,
    title=N_("The current agreement is signed at leadership level by every party"),
    explanation=N_(
        "Strategic partnerships are signed by the rector and the partner's chief executive. "
        "List the signatories of the current agreement, one per party, with their role."
    ),
    source=N_("LiU–Saab, KTH–ABB, Umeå–Region Västerbotten (signed at the top)"),
    bad="agreements:\n  - {type: samverkansavtal, start: 2024-01-01, signatories: []}\n",
    good=(
        "agreements:\n  - type: samverkansavtal\n    start: 2024-01-01\n    signatories:\n"
        "      - {side: eu, person_id: p-rektor, role: rektor}\n"
        "      - {side: nv, person_id: p-vd, role: vd}\n"
    ),
)
def signed_at_leadership_level(record: Partnership, ctx: Context) -> Iterator[Hit]:
    agreement = current_agreement(record, ctx.today)
    if agreement is None:
        return
    index = record.agreements.index(agreement)
    signed = {s.side for s in agreement.signatories}
    missing = [p.name for p in record.parties if p.id not in signed]
    if missing:
        yield Hit(
            _("The current agreement has no signatory for: {parties}.").format(
                parties=", ".join(missing)
            ),
            ("agreements", index, "signatories"),
        )


def _name(people: dict, person_id: str) -> str:
    person = people.get(person_id)
    return person.name if person else person_id


RULES = (
    sponsor_per_party,
    strategic_meeting_recent,
    sponsors_attend,
    sponsor_vacancy,
    signed_at_leadership_level,
)
