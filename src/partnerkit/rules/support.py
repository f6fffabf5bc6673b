"""Internal support structures (interna stödstrukturer).

The handbook's third organisational feature: inside the university the partnership rests on
support functions (collaboration office, innovation office, grants office, legal, HR,
communications) and on anchors in the faculties and departments that do the work. These rules
look for a named support contact at the university, an internal anchor for every field the
activities are in, and regular internal communication about the partnership.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from partnerkit.i18n import N_, _
from partnerkit.record.models import Partnership
from partnerkit.record.vocab import label
from partnerkit.rules.base import ACTIVE, Context, Hit, I, W, rule
from partnerkit.timeline import days, host_party, latest, people_by_id, person_active


def _active_person(record: Partnership, person_id: str | None, today: date) -> bool:
    return person_id is not None and person_active(people_by_id(record).get(person_id), today)


@rule(
    code="SUP-01",
    name="support-function-contact",
    criterion="support",
    phases=ACTIVE,
    severity=W,
    title=N_("The university names a support function with a contact"),
    explanation=N_(
        "Researchers and teachers who want to act within the partnership need somewhere to "
        "turn: a collaboration office, innovation office, grants office or legal function that "
        "knows the partnership. List at least one of the host university's support functions "
        "under coordination.support_functions, with a contact person who is in post."
    ),
    source=N_("Handledning (organisatorisk egenskap c); LTU business support; UU Innovation"),
    bad=("coordination:\n  support_functions:\n    - {side: eu, function: samverkansavdelning}\n"),
    good=(
        "coordination:\n  support_functions:\n"
        "    - {side: eu, function: samverkansavdelning, contact_person_id: p-kontor}\n"
    ),
)
def support_function_contact(record: Partnership, ctx: Context) -> Iterator[Hit]:
    host = host_party(record)
    if host is None:
        return
    functions = record.coordination.support_functions if record.coordination else []
    if any(
        f.side == host and _active_person(record, f.contact_person_id, ctx.today) for f in functions
    ):
        return
    yield Hit(
        _("No support function of the university is listed with a contact in post."),
        ("coordination", "support_functions"),
    )


@rule(
    code="SUP-02",
    name="domain-anchored",
    criterion="support",
    phases=("drift",),
    severity=I,
    title=N_("Every field with ongoing activities has an internal anchor"),
    explanation=N_(
        "A university-wide partnership reaches into several faculties; each needs someone "
        "there who knows the partnership and is the entry point for colleagues. For every "
        "domain of an ongoing activity, list a faculty or department anchor in post under "
        "coordination.internal_network with that domain."
    ),
    source=N_("SPETS WP2 (internal involvement); SU local coordinators; Umeå (entry point)"),
    bad=(
        "activities:\n  - {id: a-kurs, title: Kurs, form: uppdragsutbildning, "
        "domains: [samhallsvetenskap], status: ongoing}\n"
        "coordination:\n  internal_network: []\n"
    ),
    good=(
        "activities:\n  - {id: a-kurs, title: Kurs, form: uppdragsutbildning, "
        "domains: [samhallsvetenskap], status: ongoing}\n"
        "coordination:\n  internal_network:\n"
        "    - {unit: Handelshögskolan, person_id: p-vr, domain: samhallsvetenskap}\n"
    ),
)
def domain_anchored(record: Partnership, ctx: Context) -> Iterator[Hit]:
    anchors = record.coordination.internal_network if record.coordination else []
    anchored = {a.domain for a in anchors if _active_person(record, a.person_id, ctx.today)}
    ongoing: dict[str, list[str]] = {}
    for activity in record.activities:
        if activity.status == "ongoing":
            for domain in activity.domains:
                ongoing.setdefault(domain, []).append(activity.id)
    for domain, activity_ids in ongoing.items():
        if domain not in anchored:
            yield Hit(
                _(
                    "No internal anchor for {domain}, which has ongoing activities: {activities}."
                ).format(
                    domain=label("domain", domain),
                    activities=", ".join(activity_ids),
                ),
                ("coordination", "internal_network"),
            )


def _communication_dates(record: Partnership, today: date) -> list[date]:
    logged = [e.date for e in record.followup_log if e.type == "communication" and e.date <= today]
    events = [
        a.end or a.start
        for a in record.activities
        if a.form == "evenemang" and a.status != "cancelled" and a.start and a.start <= today
    ]
    return logged + [min(d, today) for d in events if d is not None]


@rule(
    code="SUP-03",
    name="internal-communication",
    criterion="support",
    phases=("drift",),
    severity=I,
    title=N_("The partnership is communicated inside the university every year"),
    explanation=N_(
        "Staff who never hear of the partnership will not use it. At least once every "
        "{communication_days} days there should be internal communication: a news item, a "
        "newsletter, "
        "a seminar or partnership day. Counts followup_log entries of type communication and "
        "activities of form evenemang. Record the communication in the log."
    ),
    source=N_("LNU SPETS (internal and external anchoring); Samhällskontraktet Core Team"),
    options=("communication_days",),
    bad=(
        "followup_log:\n  - {date: 2025-05-02, type: communication, summary: Nyhet på intranätet}\n"
    ),
    good=(
        "followup_log:\n  - {date: 2026-10-02, type: communication, summary: Nyhet på intranätet}\n"
    ),
)
def internal_communication(record: Partnership, ctx: Context) -> Iterator[Hit]:
    window = ctx.thresholds.communication_days
    last = latest(_communication_dates(record, ctx.today))
    if last is not None and (ctx.today - last).days <= window:
        return
    if last is None:
        message = _("No internal communication about the partnership is recorded.")
    else:
        message = _(
            "The last internal communication about the partnership was on {date}; the next "
            "was due by {due}."
        ).format(date=last, due=last + days(window))
    yield Hit(message, ("followup_log",))


RULES = (
    support_function_contact,
    domain_anchored,
    internal_communication,
)
