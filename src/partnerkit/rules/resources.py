"""Earmarked resources with mandates at every level (öronmärkta resurser med mandat).

The handbook's second organisational feature: the partnership has its own resources (time,
money, posts) at every level, and someone with a mandate to use them. These rules look for a
committed resource on the university side at each level, a named mandate holder and scope
for every resource, earmarks that lapse without a successor, enough time for coordination,
and a yearly joint decision on how the resources are used.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from partnerkit import formatting, obligations
from partnerkit.economy import PER_YEAR_UNITS, in_year
from partnerkit.i18n import N_, _, named
from partnerkit.record.models import Partnership, Resource
from partnerkit.record.vocab import label, slugs
from partnerkit.rules.base import ACTIVE, PHASES, Context, Hit, I, W, late_hit, rule
from partnerkit.timeline import (
    EARMARKED,
    days,
    host_party,
    latest,
    people_by_id,
    period_active,
    resource_ended,
    within,
)

COORDINATION_WORDS = (
    "samordn",
    "koordin",
    "coordinat",
    "partnerskapsansvar",
    "partnerskapsled",
    "partnerskapschef",
    "partnerskapsdirekt",
    "partneransvar",
    "partner manager",
    "partner director",
    "partnership manager",
    "partnership lead",
    "partnership director",
)


def _earmarked_now(resource: Resource, today: date) -> bool:
    return resource.status in EARMARKED and period_active(resource.period, today)


def _mentions(text: str | None, words: tuple[str, ...]) -> bool:
    folded = (text or "").casefold()
    return any(word in folded for word in words)


def _host_name(record: Partnership, host: str) -> str:
    return next(p.name for p in record.parties if p.id == host)


@rule(
    code="RES-01",
    name="resource-per-level",
    criterion="resources",
    phases=("drift",),
    severity=W,
    title=N_("The university has earmarked resources at every level"),
    explanation=N_(
        "Mandates need resources: the leadership needs means for joint initiatives, the "
        "steering level time to prioritise, the operational level money or hours for the "
        "activities. For each of the strategic, tactical and operational levels the host "
        "university should have at least one committed (or used) resource whose period "
        "covers today. Add a resources entry with side, level and kind for the missing level."
    ),
    source=N_("Handledning (organisatorisk egenskap b: öronmärkta resurser på alla nivåer)"),
    bad=(
        "resources:\n  - {id: r-rektor, side: eu, level: strategisk, kind: money}\n"
        "  - {id: r-samordnare, side: eu, level: taktisk, kind: personnel_fte}\n"
    ),
    good=(
        "resources:\n  - {id: r-rektor, side: eu, level: strategisk, kind: money}\n"
        "  - {id: r-samordnare, side: eu, level: taktisk, kind: personnel_fte}\n"
        "  - {id: r-seed, side: eu, level: operativ, kind: money}\n"
    ),
)
def resource_per_level(record: Partnership, ctx: Context) -> Iterator[Hit]:
    host = host_party(record)
    if host is None:
        return
    covered = {r.level for r in record.resources if r.side == host and _earmarked_now(r, ctx.today)}
    for level in slugs("level"):
        if level not in covered:
            yield Hit(
                _("{party} has no committed resource active today at the {level}.").format(
                    party=_host_name(record, host), level=label("level", level)
                ),
                ("resources",),
            )


@rule(
    code="RES-02",
    name="resource-has-mandate",
    criterion="resources",
    phases=ACTIVE,
    severity=W,
    title=N_("Every resource has a mandate holder and a scope"),
    explanation=N_(
        "An earmarked resource is only useful when someone may decide how to use it. Every "
        "resource that has not ended should name the person holding the mandate "
        "(mandate.holder_person_id) and what the mandate covers (mandate.scope). Write the "
        "mandate down as it was given, for example by the rector's or the dean's decision."
    ),
    source=N_("Handledning (resurser med mandat); LTU (VC appoints partner manager); KTH"),
    bad="resources:\n  - {id: r-seed, side: eu, level: operativ, kind: money}\n",
    good=(
        "resources:\n  - id: r-seed\n    side: eu\n    level: operativ\n    kind: money\n"
        "    mandate: {holder_person_id: p-prof, scope: fördela seed-medel}\n"
    ),
)
def resource_has_mandate(record: Partnership, ctx: Context) -> Iterator[Hit]:
    for index, resource in enumerate(record.resources):
        if resource_ended(resource, ctx.today):
            continue
        mandate = resource.mandate
        holder = mandate is not None and mandate.holder_person_id is not None
        scope = mandate is not None and bool((mandate.scope or "").strip())
        if holder and scope:
            continue
        if not holder and not scope:
            message = _("The resource {id} has no mandate holder and no mandate scope.")
        elif not holder:
            message = _("The resource {id} has no mandate holder.")
        else:
            message = _("The resource {id} has no mandate scope.")
        what = named(resource.purpose, resource.id) if resource.purpose else resource.id
        yield Hit(message.format(id=what), ("resources", index, "mandate"))


@rule(
    code="RES-03",
    name="earmark-lapsed",
    criterion="resources",
    phases=("drift",),
    severity=W,
    title=N_("An earmarked resource that has run out is renewed"),
    explanation=N_(
        "When the period of a resource ends while the partnership runs on, the work it paid "
        "for stops unless a new earmark follows. Warns for a resource whose period has ended "
        "when no committed resource of the same side, level and purpose continues it. Record "
        "the renewed earmark as a new resource; mark a resource that was spent as planned and "
        "was not meant to continue as status: used."
    ),
    source=N_("Handledning (organisatorisk egenskap b); follow-up of earmarks"),
    bad=(
        "resources:\n  - id: r-seed\n    side: eu\n    level: operativ\n    kind: money\n"
        "    period: {from: 2024-01-01, to: 2025-12-31}\n    purpose: seed-projekt\n"
    ),
    good=(
        "resources:\n  - id: r-seed\n    side: eu\n    level: operativ\n    kind: money\n"
        "    period: {from: 2024-01-01, to: 2025-12-31}\n    purpose: seed-projekt\n"
        "  - id: r-seed-2\n    side: eu\n    level: operativ\n    kind: money\n"
        "    period: {from: 2026-01-01, to: 2027-12-31}\n    purpose: seed-projekt\n"
    ),
)
def earmark_lapsed(record: Partnership, ctx: Context) -> Iterator[Hit]:
    for due in obligations.resources_ending(record, ctx.today, ctx.thresholds):
        if due.late(ctx.today):
            message = _("The resource {id} ended on {date} and no resource continues it.")
            what = named(str(due.args["purpose"]), str(due.args["id"]))
            yield late_hit(message.format(id=what, date=due.due), due, ctx.today)


def _fte(resource: Resource) -> float | None:
    if resource.amount is None:
        return None
    if resource.unit in (None, "FTE"):
        return resource.amount
    if resource.unit == "percent_of_post":
        return resource.amount / 100
    return None


def _is_coordination(record: Partnership, resource: Resource) -> bool:
    if _mentions(resource.purpose, COORDINATION_WORDS):
        return True
    holder = resource.mandate.holder_person_id if resource.mandate else None
    coordinator = record.coordination.coordinator if record.coordination else None
    if holder is None:
        return False
    if coordinator is not None and coordinator.person_id == holder:
        return True
    person = people_by_id(record).get(holder)
    return person is not None and _mentions(person.title, COORDINATION_WORDS)


def _coordination_resources(
    record: Partnership, host: str, today: date
) -> list[tuple[int, Resource]]:
    return [
        (i, r)
        for i, r in enumerate(record.resources)
        if r.side == host
        and r.kind == "personnel_fte"
        and _earmarked_now(r, today)
        and _is_coordination(record, r)
    ]


@rule(
    code="RES-04",
    name="coordination-capacity",
    criterion="resources",
    phases=("uppstart", "drift"),
    severity=W,
    title=N_("The university earmarks enough time to coordinate the partnership"),
    explanation=N_(
        "Coordinating a strategic partnership takes time: the Swedish universities that run "
        "partnerships well set aside at least a fifth of a post (0.2 FTE, the default of "
        "coordinator_min_fte) for it. Sums the host university's active personnel_fte "
        "resources for coordination or partnership lead (by purpose, or because the mandate "
        "holder is the coordinator or has such a title); when none is recorded, reads "
        "coordination.coordinator.fte instead. Warns below {coordinator_min_fte} FTE. Earmark the "
        "time as a resource, with unit FTE or percent_of_post."
    ),
    source=N_("KTH–City of Stockholm (Partner Director at 20 %); SU coordinators (10–20 %)"),
    options=("coordinator_min_fte",),
    bad=(
        "resources:\n  - id: r-samordnare\n    side: eu\n    level: taktisk\n"
        "    kind: personnel_fte\n    amount: 0.1\n    unit: FTE\n"
        "    purpose: partnerskapssamordnare\n"
    ),
    good=(
        "resources:\n  - id: r-samordnare\n    side: eu\n    level: taktisk\n"
        "    kind: personnel_fte\n    amount: 0.3\n    unit: FTE\n"
        "    purpose: partnerskapssamordnare\n"
    ),
)
def coordination_capacity(record: Partnership, ctx: Context) -> Iterator[Hit]:
    host = host_party(record)
    if host is None:
        return
    minimum = ctx.thresholds.coordinator_min_fte
    earmarked = _coordination_resources(record, host, ctx.today)
    if not earmarked:
        yield from _coordinator_fte(record, host, ctx)
        return
    total = sum(_fte(r) or 0.0 for _i, r in earmarked)
    if round(total, 6) < minimum:
        yield Hit(
            _(
                "The university earmarks {fte} for coordinating the partnership; at "
                "least {minimum} is needed."
            ).format(fte=_fte_text(total), minimum=_fte_text(minimum)),
            ("resources", earmarked[0][0], "amount"),
        )


def _coordinator_fte(record: Partnership, host: str, ctx: Context) -> Iterator[Hit]:
    minimum = ctx.thresholds.coordinator_min_fte
    coordinator = record.coordination.coordinator if record.coordination else None
    if (
        coordinator is None
        or coordinator.side != host
        or coordinator.fte is None
        or not within(coordinator.from_, coordinator.to, ctx.today)
    ):
        yield Hit(
            _("No time for coordinating the partnership is earmarked on the university side."),
            ("resources",),
        )
    elif round(coordinator.fte, 6) < minimum:
        yield Hit(
            _(
                "The coordinator has {fte} for the partnership; at least {minimum} is needed."
            ).format(fte=_fte_text(coordinator.fte), minimum=_fte_text(minimum)),
            ("coordination", "coordinator", "fte"),
        )


def _fte_text(fte: float) -> str:
    return formatting.quantity(round(fte, 6), "FTE")


def _allocation_dates(record: Partnership, today: date) -> list[date]:
    """Log entries of type resource_allocation, and log entries and decisions that name an
    earmarked resource in their refs: what the record says, never a word in free text."""
    resources = {r.id for r in record.resources}
    logged = [
        e.date
        for e in record.followup_log
        if e.date <= today and (e.type == "resource_allocation" or resources & set(e.refs))
    ]
    decided = [d.date for d in record.decisions if d.date <= today and resources & set(d.refs)]
    return logged + decided


@rule(
    code="RES-05",
    name="joint-resource-allocation",
    criterion="resources",
    phases=("drift",),
    severity=I,
    title=N_("The parties decide jointly on the resources every year"),
    explanation=N_(
        "Earmarked resources are prioritised together: at least once every "
        "{resource_allocation_days} days the partnership leads or the steering group should decide "
        "how the resources are used. Counts followup_log entries of type resource_allocation, "
        "and log entries and decisions whose refs name an earmarked resource (its id). Record "
        "the allocation in the log, or the decision under decisions with refs: [the resource]."
    ),
    source=N_("KTH ARC model (joint resource allocation by the partner managers)"),
    options=("resource_allocation_days",),
    bad=(
        "followup_log:\n  - {date: 2025-06-18, type: resource_allocation, "
        "summary: Seed-medel fördelade}\n"
    ),
    good=(
        "followup_log:\n  - {date: 2026-06-18, type: resource_allocation, "
        "summary: Seed-medel fördelade}\n"
    ),
)
def joint_resource_allocation(record: Partnership, ctx: Context) -> Iterator[Hit]:
    window = ctx.thresholds.resource_allocation_days
    last = latest(_allocation_dates(record, ctx.today))
    if last is not None and (ctx.today - last).days <= window:
        return
    if last is None:
        message = _("No joint allocation of resources is recorded.")
    else:
        message = _(
            "The last joint allocation of resources was on {date}; the next was due by {due}."
        ).format(date=last, due=last + days(window))
    yield Hit(message, ("followup_log",))


@rule(
    code="RES-06",
    name="use-within-earmark",
    criterion="resources",
    phases=PHASES,
    severity=W,
    title=N_("What is used of a resource stays within what was earmarked"),
    explanation=N_(
        "The use of an earmarked resource is recorded per calendar year under used, in the "
        "resource's unit. Warns when a year's use exceeds the yearly earmark (SEK_per_year, "
        "FTE, percent_of_post), when the use of all years exceeds a total earmark (SEK, "
        "count), when a year is recorded twice, and when use is recorded for a year outside "
        "the resource's period. Raise the earmark by decision, or correct the use."
    ),
    source=N_("Handledning (öronmärkta resurser); follow-up of earmarks against use"),
    bad=(
        "resources:\n  - id: r-seed\n    side: eu\n    level: operativ\n    kind: money\n"
        "    amount: 300000\n    unit: SEK_per_year\n"
        "    used: [{period: 2026, amount: 340000}]\n"
    ),
    good=(
        "resources:\n  - id: r-seed\n    side: eu\n    level: operativ\n    kind: money\n"
        "    amount: 300000\n    unit: SEK_per_year\n"
        "    used: [{period: 2026, amount: 280000}]\n"
    ),
)
def use_within_earmark(record: Partnership, ctx: Context) -> Iterator[Hit]:
    for index, resource in enumerate(record.resources):
        yield from _use_problems(resource, ("resources", index, "used"))


def _use_problems(resource: Resource, path: tuple[str | int, ...]) -> Iterator[Hit]:
    what = named(resource.purpose, resource.id) if resource.purpose else resource.id
    per_year = resource.unit in PER_YEAR_UNITS
    seen: set[int] = set()
    for j, use in enumerate(resource.used):
        if use.period in seen:
            message = _("The use of {id} in {year} is recorded twice.")
            yield Hit(message.format(id=what, year=use.period), (*path, j, "period"))
        seen.add(use.period)
        if not in_year(resource, use.period):
            message = _("Use of {id} is recorded for {year}, outside the resource's period.")
            yield Hit(message.format(id=what, year=use.period), (*path, j, "period"))
        elif per_year and resource.amount is not None and use.amount > resource.amount:
            message = _("{id} used {used} in {year}, more than the {amount} earmarked a year.")
            text = message.format(
                id=what,
                used=formatting.number(use.amount),
                year=use.period,
                amount=formatting.number(resource.amount),
            )
            yield Hit(text, (*path, j, "amount"))
    total = sum(use.amount for use in resource.used)
    if not per_year and resource.amount is not None and total > resource.amount:
        message = _("{id} used {used} in all, more than the {amount} earmarked.")
        text = message.format(
            id=what, used=formatting.number(total), amount=formatting.number(resource.amount)
        )
        yield Hit(text, path)


RULES = (
    resource_per_level,
    resource_has_mandate,
    earmark_lapsed,
    coordination_capacity,
    joint_resource_allocation,
    use_within_earmark,
)
