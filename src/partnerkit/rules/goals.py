"""Common goals and challenges (gemensamma mål och utmaningar).

The handbook's third characteristic: the parties work towards goals they share and that
none of them could reach alone. These rules look for jointly owned goals with an owner on
every side, indicators with a baseline and a target that are measured on time, goals linked
to each party's own strategy, and an action plan for the current period.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from partnerkit import obligations
from partnerkit.i18n import N_, _, quoted
from partnerkit.record.models import Goal, Indicator, Partnership, Person
from partnerkit.rules.base import ACTIVE, Context, E, Hit, I, W, late_hit, rule
from partnerkit.timeline import (
    last_value_date,
    people_by_id,
    person_active,
)


def _active_goals(record: Partnership) -> list[tuple[int, Goal]]:
    return [(i, g) for i, g in enumerate(record.goals) if g.status == "active"]


def _owner_sides(goal: Goal, people: dict[str, Person], today: date) -> set[str]:
    """The parties with an owner of ``goal`` still in post (an unknown id is not judged)."""
    return {
        side
        for side, person_id in goal.owners.items()
        if person_id not in people or person_active(people[person_id], today)
    }


@rule(
    code="GOAL-01",
    name="joint-goal",
    criterion="goals",
    phases=ACTIVE,
    severity=E,
    by_phase={"uppstart": W},
    title=N_("The parties share at least one active goal"),
    explanation=N_(
        "A strategic partnership works towards common goals or societal challenges that no "
        "party can reach alone. At least one active goal must be joint: owned by people on "
        "at least two sides. Agree a common goal and record an owner from each party under "
        "owners."
    ),
    source=N_("Handbook (common goals and challenges); Umeå–Region Västerbotten"),
    bad="goals:\n  - id: g1\n    title: Fler examensarbeten\n    owners: {eu: p-vr}\n",
    good=(
        "goals:\n  - id: g1\n    title: Fler examensarbeten\n    owners: {eu: p-vr, nv: p-fou}\n"
    ),
)
def joint_goal(record: Partnership, ctx: Context) -> Iterator[Hit]:
    people = people_by_id(record)
    for _i, goal in _active_goals(record):
        if len(_owner_sides(goal, people, ctx.today)) >= 2:
            return
    yield Hit(
        _("No active goal is owned jointly by at least two parties."),
        ("goals",) if record.goals else ("lifecycle", "phase"),
    )


def _benchmarked(indicator: Indicator) -> bool:
    return indicator.baseline is not None and indicator.target is not None


@rule(
    code="GOAL-02",
    name="indicator-benchmarks",
    criterion="goals",
    phases=("drift", "utvardering"),
    severity=W,
    title=N_("Every active goal has an indicator with a baseline and a target"),
    explanation=N_(
        "Agreeing benchmarks at the start is what makes a later evaluation possible. Every "
        "active goal needs at least one indicator with a baseline (date and value) and a "
        "target (date and value). Add them to one of the goal's indicators."
    ),
    source=N_("TPI Partnering Toolbook (agree benchmarks for later evaluation); UIDP metrics"),
    bad=(
        "indicators:\n  - id: i1\n    name: Examensarbeten per år\n"
        "    target: {date: 2028-12-31, value: 25}\n"
    ),
    good=(
        "indicators:\n  - id: i1\n    name: Examensarbeten per år\n"
        "    baseline: {date: 2023-01-01, value: 10}\n"
        "    target: {date: 2028-12-31, value: 25}\n"
    ),
)
def indicator_benchmarks(record: Partnership, ctx: Context) -> Iterator[Hit]:
    for index, goal in _active_goals(record):
        if not any(_benchmarked(i) for i in goal.indicators):
            yield Hit(
                _("The goal {goal} has no indicator with both a baseline and a target.").format(
                    goal=quoted(goal.title)
                ),
                ("goals", index, "indicators"),
            )


@rule(
    code="GOAL-03",
    name="owner-per-party",
    criterion="goals",
    phases=ACTIVE,
    severity=W,
    title=N_("Every active goal has an owner on each side"),
    explanation=N_(
        "Each party names a person responsible for each common goal, so that every "
        "organisation drives it. An owner who has left (active.to in the past) does not "
        "count. Add an owner for each missing party under the goal's owners."
    ),
    source=N_("LiU (a responsible person in each organisation); Chalmers–Ericsson"),
    bad="goals:\n  - id: g1\n    title: Fler examensarbeten\n    owners: {eu: p-vr}\n",
    good="goals:\n  - id: g1\n    title: Fler examensarbeten\n    owners: {eu: p-vr, nv: p-fou}\n",
)
def owner_per_party(record: Partnership, ctx: Context) -> Iterator[Hit]:
    people = people_by_id(record)
    for index, goal in _active_goals(record):
        sides = _owner_sides(goal, people, ctx.today)
        missing = [p.name for p in record.parties if p.id not in sides]
        if missing:
            yield Hit(
                _("The goal {goal} has no owner for: {parties}.").format(
                    goal=quoted(goal.title), parties=", ".join(missing)
                ),
                ("goals", index, "owners"),
            )


@rule(
    code="GOAL-04",
    name="indicator-measured",
    criterion="goals",
    phases=("drift", "utvardering"),
    severity=W,
    title=N_("Indicators are measured on time"),
    explanation=N_(
        "An indicator of an active goal is measured at its frequency: a new value is due a "
        "year (yearly) or 91 days (quarterly) after the last one, or after the baseline when "
        "nothing has been measured yet. A warning when it is overdue by more than "
        "{indicator_grace_days_yearly} days or {indicator_grace_days_quarterly} days, or when the "
        "indicator has neither a measurement nor a baseline. Add the latest value under "
        "measurements."
    ),
    source=N_("LiU, Lund (yearly follow-up and revision of goals)"),
    options=("indicator_grace_days_yearly", "indicator_grace_days_quarterly"),
    bad=(
        "indicators:\n  - id: i1\n    name: Examensarbeten per år\n    frequency: yearly\n"
        "    measurements: [{date: 2024-12-31, value: 14}]\n"
    ),
    good=(
        "indicators:\n  - id: i1\n    name: Examensarbeten per år\n    frequency: yearly\n"
        "    measurements: [{date: 2025-12-31, value: 18}]\n"
    ),
)
def indicator_measured(record: Partnership, ctx: Context) -> Iterator[Hit]:
    for goal_index, goal in _active_goals(record):
        for index, indicator in enumerate(goal.indicators):
            if last_value_date(indicator, ctx.today) is None:
                yield Hit(
                    _("The indicator {name} has no measurement and no baseline.").format(
                        name=quoted(indicator.name)
                    ),
                    ("goals", goal_index, "indicators", index, "measurements"),
                )
    for due in obligations.indicators(record, ctx.today, ctx.thresholds):
        if due.late(ctx.today):
            message = _(
                "The indicator {name} was last measured on {date}; a new value was "
                "due by {due}, {days} days ago."
            ).format(
                name=quoted(str(due.args["name"])),
                date=due.args["last"],
                due=due.due,
                days=(ctx.today - due.due).days,
            )
            yield late_hit(message, due, ctx.today)


@rule(
    code="GOAL-05",
    name="strategy-links",
    criterion="goals",
    phases=("initiering", "uppstart", "nystart"),
    severity=I,
    title=N_("The goals are linked to every party's own strategy"),
    explanation=N_(
        "A partnership lasts when its goals serve the long-term strategy of every party. "
        "Each party should have at least one strategy_links entry (its strategy document or "
        "priority) on an active goal. Link the goals to each party's strategy when the goals "
        "are set or renegotiated."
    ),
    source=N_("Handbook (aligned with both parties' long-term strategies)"),
    bad=(
        "goals:\n  - id: g1\n    title: Fler examensarbeten\n"
        "    strategy_links: {eu: [Strategi 2030]}\n"
    ),
    good=(
        "goals:\n  - id: g1\n    title: Fler examensarbeten\n"
        "    strategy_links: {eu: [Strategi 2030], nv: [Nordverk 2030]}\n"
    ),
)
def strategy_links(record: Partnership, ctx: Context) -> Iterator[Hit]:
    linked = {
        side
        for _i, goal in _active_goals(record)
        for side, refs in goal.strategy_links.items()
        if refs
    }
    for index, party in enumerate(record.parties):
        if party.id not in linked:
            yield Hit(
                _("No active goal is linked to a strategy of {party}.").format(party=party.name),
                ("goals",) if record.goals else ("parties", index),
            )


@rule(
    code="GOAL-06",
    name="action-plan-current",
    criterion="goals",
    phases=("drift", "nystart"),
    severity=W,
    title=N_("An action plan covers the current period"),
    explanation=N_(
        "The parties agree an action plan (handlingsplan) for each period, usually a year, "
        "saying what is done towards the goals and by whom. A plan's period must cover "
        "today; after a plan ends there are {action_plan_grace_days} days to approve the next one. "
        "Record the new plan under action_plans."
    ),
    source=N_("LiU (yearly action plans); Uppsala (activity plan); Lund (yearly priorities)"),
    options=("action_plan_grace_days",),
    bad="action_plans:\n  - period: {from: 2025-01-01, to: 2025-12-31}\n",
    good="action_plans:\n  - period: {from: 2026-01-01, to: 2026-12-31}\n",
)
def action_plan_current(record: Partnership, ctx: Context) -> Iterator[Hit]:
    plans = record.action_plans
    if not any(p.period.from_ is None or p.period.from_ <= ctx.today for p in plans):
        yield Hit(
            _("No action plan covers today."),
            ("action_plans",) if plans else ("lifecycle", "phase"),
        )
        return
    for due in obligations.next_action_plan(record, ctx.today, ctx.thresholds):
        if due.late(ctx.today):
            message = _("The last action plan ended on {end}; the next one was due by {due}.")
            yield late_hit(message.format(end=due.args["end"], due=due.due), due, ctx.today)


RULES = (
    joint_goal,
    indicator_benchmarks,
    owner_per_party,
    indicator_measured,
    strategy_links,
    action_plan_current,
)
