"""`partnerkit followup`: the due items, criterion health, the mutual assessment.

Every case starts from the healthy record ``tests/rules/base.yaml`` (clean as of 2026-11-28)
with one targeted change, and runs the command with an explicit ``--as-of``. With the default
horizon of 60 days, "due soon" means due by 2027-01-27.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from partnerkit.config import Config
from partnerkit.findings import Severity
from partnerkit.load.pipeline import check_text
from partnerkit.rules.base import Context

BASE = (Path(__file__).parent / "rules" / "base.yaml").read_text(encoding="utf-8")
AS_OF = "2026-11-28"
HANDBOOK_CRITERIA = [
    "leadership",
    "commitment",
    "goals",
    "diversity",
    "benefit",
    "levels",
    "resources",
    "support",
    "coordinator",
]

# Lines of base.yaml that the variants change.
RAD_2026 = (
    "{date: 2026-04-09, attendees: [p-rektor, p-vd], brief_ref: underlag-2026.pdf, "
    "brief_sent: 2026-03-30, minutes_ref: protokoll-2026.pdf, minutes_date: 2026-04-16}"
)
SG_SEPTEMBER = (
    "{date: 2026-09-17, attendees: [p-vr, p-fou], brief_ref: sg-2026-3.pdf, "
    "brief_sent: 2026-09-09, minutes_ref: sg-2026-3-prot.pdf, minutes_date: 2026-09-24}"
)
SG_SEPTEMBER_MINUTES = ", minutes_ref: sg-2026-3-prot.pdf, minutes_date: 2026-09-24"
SG_PLANNED = "{date: 2026-12-10, status: planned}"
LAST_DECISION = (
    "  - {id: d-2025-1, date: 2025-04-10, body_id: rad, text: Handlingsplan 2026 fastställs, "
    "owner: p-vr, due: 2025-12-31, status: done, closed: 2025-12-15}\n"
)
AGREEMENT_END = "    end: 2029-02-28\n"
VD_SPONSOR = "  - {person_id: p-vd, side: nv, role: vd, from: 2023-02-15}"
ING = (
    "{id: p-ing, name: Ingrid Ingenjör, side: nv, title: specialist, unit: Nordverk FoU, "
    "level: operativ"
)
SEED_PERIOD = "period: {from: 2023-03-01, to: 2029-02-28}\n    purpose: seed-projekt"
PLAN_PERIOD = "period: {from: 2026-01-01, to: 2026-12-31}"
MEASURED_2025 = "{date: 2025-12-31, value: 18}"


# ---------------------------------------------------------------- helpers


def edit(text: str, *changes: tuple[str, str]) -> str:
    """``text`` with each (old, new) replaced; old must occur, so base.yaml drifting breaks here."""
    for old, new in changes:
        assert old in text, f"not in the record: {old!r}"
        text = text.replace(old, new)
    return text


def in_phase(text: str, phase: str) -> str:
    """The record moved to ``phase`` on 2026-09-01."""
    return edit(
        text,
        (
            "  phase: drift\n  phase_since: 2024-03-01",
            f"  phase: {phase}\n  phase_since: 2026-09-01",
        ),
        (
            "    - {phase: drift, from: 2024-03-01}\n",
            "    - {phase: drift, from: 2024-03-01}\n"
            f"    - {{phase: {phase}, from: 2026-09-01}}\n",
        ),
    )


def with_decision(text: str, due: str, status: str = "open") -> str:
    decision = (
        "  - {id: d-2026-9, date: 2026-09-17, body_id: styrgrupp, text: Ta fram en "
        f"kommunikationsplan, owner: p-sam, due: {due}, status: {status}}}\n"
    )
    return edit(text, (LAST_DECISION, LAST_DECISION + decision))


def with_id(text: str, record_id: str) -> str:
    return edit(text, ("id: base-nordverk\n", f"id: {record_id}\n"))


def replace_section(text: str, key: str, block: str) -> str:
    """Replace the top-level section ``key:`` (up to the next top-level key) with ``block``."""
    start = text.index(f"\n{key}:\n") + 1
    end = start + len(key) + 2
    while end < len(text) and (text[end] in " \n" or text.startswith("#", end)):
        end = text.index("\n", end) + 1
    return text[:start] + block + text[end:]


def check_codes(text: str, as_of: str = AS_OF) -> set[str]:
    """The codes of the warnings and errors ``partnerkit check`` reports for ``text``."""
    report = check_text(text, "r.yaml", Config(), Context(date.fromisoformat(as_of)))
    return {f.code for f in report.findings if f.severity >= Severity.WARNING}


@pytest.fixture
def followup(cli, write, tmp_path):
    """Run ``partnerkit followup --format json`` on one record; its partnership's view."""

    def _run(text: str, *options: str, as_of: str = AS_OF) -> dict:
        write("r.yaml", text)
        result = cli(
            "followup", "r.yaml", "--as-of", as_of, "--format", "json", *options, cwd=tmp_path
        )
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert data["unreadable"] == [], "the variant must be a valid record"
        [view] = data["partnerships"]
        return view

    return _run


def of_kind(view: dict, kind: str) -> list[dict]:
    return [item for item in view["items"] if item["kind"] == kind]


def the_item(view: dict, kind: str) -> dict:
    found = of_kind(view, kind)
    assert len(found) == 1, (kind, view["items"])
    return found[0]


# ---------------------------------------------------------------- variants of base.yaml


def leadership_meeting_overdue(text: str) -> str:
    return edit(text, (f"      - {RAD_2026}\n", ""))  # last strategic meeting 2025-04-10


def leadership_meeting_soon(text: str) -> str:
    moved = RAD_2026.replace("2026-04-09", "2025-12-20").replace("2026-03-30", "2025-12-10")
    return edit(text, (RAD_2026, moved.replace("2026-04-16", "2025-12-27")))


def body_meeting_overdue(text: str) -> str:
    return edit(text, (f"      - {SG_SEPTEMBER}\n", ""))  # styrgrupp last met 2026-06-11


def body_meeting_soon(text: str) -> str:
    return edit(text, (SG_PLANNED, "{date: 2026-12-10, status: cancelled}"))


def brief_overdue(text: str) -> str:
    return edit(text, (SG_PLANNED, "{date: 2026-12-01, status: planned}"))


def minutes_overdue(text: str) -> str:
    return edit(text, (SG_SEPTEMBER_MINUTES, ""))


def minutes_soon(text: str) -> str:
    held = (
        "{date: 2026-11-20, attendees: [p-vr, p-fou], brief_ref: sg-4.pdf, brief_sent: 2026-11-12}"
    )
    return edit(text, (SG_PLANNED, held))


def action_item_overdue(text: str) -> str:
    return edit(text, ("due: 2026-12-31}", "due: 2026-11-15}"))


def action_plan_overdue(text: str) -> str:
    return edit(text, (PLAN_PERIOD, "period: {from: 2025-01-01, to: 2025-09-30}"))


def action_plan_soon(text: str) -> str:
    return edit(text, (PLAN_PERIOD, "period: {from: 2025-11-16, to: 2026-11-15}"))


def indicator_overdue(text: str) -> str:
    return edit(text, (f"          - {MEASURED_2025}\n", ""))  # last measured 2024-12-31


def indicator_soon(text: str) -> str:
    return edit(text, (MEASURED_2025, "{date: 2025-10-31, value: 18}"))


def assessed_on(day: str):
    return lambda text: edit(text, ("  - date: 2026-05-20\n", f"  - date: {day}\n"))


def agreement_ends(day: str, assessed: str | None = None):
    def variant(text: str) -> str:
        text = edit(text, (AGREEMENT_END, f"    end: {day}\n"))
        return assessed_on(assessed)(text) if assessed else text

    return variant


def log_overdue(text: str) -> str:
    return edit(
        text,
        ("{date: 2026-09-24, type: meeting", "{date: 2026-07-15, type: meeting"),
        ("{date: 2026-10-02, type: communication", "{date: 2026-08-01, type: communication"),
    )


def nothing_ongoing(partnership_day: str):
    """Every activity completed by spring 2026; the partnership day held on ``partnership_day``."""

    def variant(text: str) -> str:
        return edit(
            text,
            (
                "start: 2024-01-15, status: ongoing",
                "start: 2024-01-15, end: 2026-03-31, status: completed",
            ),
            (
                "start: 2025-09-01, status: ongoing",
                "start: 2025-09-01, end: 2026-03-31, status: completed",
            ),
            (
                "start: 2026-10-01, end: 2026-10-01",
                f"start: {partnership_day}, end: {partnership_day}",
            ),
        )

    return variant


def sponsor_leaves(day: str, successor_from: str | None = None):
    """Vera Direktör leaves the sponsor role on ``day``; optionally Frida succeeds her."""
    line = VD_SPONSOR[:-1] + f", to: {day}}}"
    if successor_from:
        line += f"\n  - {{person_id: p-fou, side: nv, role: vd, from: {successor_from}}}"
    return lambda text: edit(text, (VD_SPONSOR, line))


def contact_leaves(day: str):
    return lambda text: edit(text, (ING, ING + f", active: {{from: 2023-01-01, to: {day}}}"))


def seed_money_ends(day: str):
    return lambda text: edit(
        text, (SEED_PERIOD, SEED_PERIOD.replace("to: 2029-02-28", f"to: {day}"))
    )


def decision_due(day: str):
    return lambda text: with_decision(text, day)


def unchanged(text: str) -> str:
    return text


# ---------------------------------------------------------------- each kind, overdue and due soon

OVERDUE_CASES = [
    pytest.param(
        leadership_meeting_overdue,
        "leadership_meeting",
        "LEAD-02",
        "2026-04-10",
        id="leadership_meeting",
    ),
    pytest.param(body_meeting_overdue, "body_meeting", "LVL-05", "2026-10-03", id="body_meeting"),
    pytest.param(minutes_overdue, "minutes", "COORD-04", "2026-10-01", id="minutes"),
    pytest.param(decision_due("2026-11-01"), "decision", "COORD-05", "2026-11-01", id="decision"),
    pytest.param(action_item_overdue, "action_item", "COORD-05", "2026-11-15", id="action_item"),
    pytest.param(action_plan_overdue, "action_plan", "GOAL-06", "2025-11-29", id="action_plan"),
    pytest.param(indicator_overdue, "indicator", "GOAL-04", "2026-03-01", id="indicator"),
    pytest.param(assessed_on("2025-10-01"), "assessment", "ASM-01", "2026-10-01", id="assessment"),
    # No evaluation or assessment in the last 12 months, so the evaluation is really late.
    pytest.param(
        agreement_ends("2027-06-30", assessed="2025-10-01"),
        "renewal",
        "LONG-03",
        "2026-06-30",
        id="renewal",
    ),
    pytest.param(agreement_ends("2026-11-01"), "expiry", "LONG-04", "2026-11-01", id="expiry"),
    pytest.param(log_overdue, "log", "COORD-03", "2026-10-30", id="log"),
    # a-kurs ended 2026-05-31: the last day anything was under way, + dormant_warn_days
    pytest.param(nothing_ongoing("2026-04-20"), "activity", "DIV-04", "2026-11-27", id="activity"),
    pytest.param(
        sponsor_leaves("2026-10-31"),
        "sponsor_vacancy",
        "LEAD-04",
        "2026-10-31",
        id="vacancy-sponsor",
    ),
    pytest.param(
        contact_leaves("2026-11-15"),
        "contact_vacancy",
        "LVL-04",
        "2026-11-15",
        id="vacancy-contact",
    ),
    pytest.param(seed_money_ends("2026-10-31"), "resource", "RES-03", "2026-10-31", id="resource"),
]

DUE_SOON_CASES = [
    pytest.param(
        leadership_meeting_soon,
        "leadership_meeting",
        "LEAD-02",
        "2026-12-20",
        id="leadership_meeting",
    ),
    pytest.param(body_meeting_soon, "body_meeting", "LVL-05", "2027-01-09", id="body_meeting"),
    pytest.param(unchanged, "brief", "COORD-04", "2026-12-05", id="brief"),
    pytest.param(minutes_soon, "minutes", "COORD-04", "2026-12-04", id="minutes"),
    pytest.param(decision_due("2026-12-15"), "decision", "COORD-05", "2026-12-15", id="decision"),
    pytest.param(unchanged, "action_item", "COORD-05", "2026-12-31", id="action_item"),
    pytest.param(action_plan_soon, "action_plan", "GOAL-06", "2027-01-14", id="action_plan"),
    pytest.param(indicator_soon, "indicator", "GOAL-04", "2026-12-30", id="indicator"),
    pytest.param(assessed_on("2026-01-10"), "assessment", "ASM-01", "2027-01-10", id="assessment"),
    pytest.param(
        agreement_ends("2027-12-31", assessed="2025-10-01"),
        "renewal",
        "LONG-03",
        "2026-12-31",
        id="renewal",
    ),
    pytest.param(agreement_ends("2027-01-15"), "expiry", "LONG-04", "2027-01-15", id="expiry"),
    pytest.param(unchanged, "log", "COORD-03", "2026-12-31", id="log"),
    pytest.param(nothing_ongoing("2026-06-15"), "activity", "DIV-04", "2026-12-12", id="activity"),
    pytest.param(
        sponsor_leaves("2026-12-31"),
        "sponsor_vacancy",
        "LEAD-04",
        "2026-12-31",
        id="vacancy-sponsor",
    ),
    pytest.param(
        contact_leaves("2027-01-15"),
        "contact_vacancy",
        "LVL-04",
        "2027-01-15",
        id="vacancy-contact",
    ),
    pytest.param(seed_money_ends("2027-01-15"), "resource", "RES-03", "2027-01-15", id="resource"),
]


@pytest.mark.parametrize(("variant", "kind", "rule", "due"), OVERDUE_CASES)
def test_overdue_item_and_check_agree(followup, variant, kind, rule, due):
    text = variant(BASE)
    item = the_item(followup(text), kind)
    assert (item["status"], item["due"], item["rule"]) == ("overdue", due, rule)
    assert item["days"] == (date.fromisoformat(due) - date.fromisoformat(AS_OF)).days < 0
    assert rule in check_codes(text), "an overdue item is what its rule reports"


@pytest.mark.parametrize(("variant", "kind", "rule", "due"), DUE_SOON_CASES)
def test_due_soon_item_and_check_agree(followup, variant, kind, rule, due):
    text = variant(BASE)
    item = the_item(followup(text), kind)
    assert (item["status"], item["due"], item["rule"]) == ("due_soon", due, rule)
    assert 0 < item["days"] <= 60
    if rule is not None:
        assert rule not in check_codes(text), "a rule does not report what is only due soon"


def test_a_brief_not_sent_five_days_before_a_planned_meeting_is_overdue(followup):
    item = the_item(followup(brief_overdue(BASE)), "brief")
    assert (item["status"], item["due"], item["rule"]) == ("overdue", "2026-11-26", "COORD-04")
    assert "2026-12-01" in item["title"]


def test_sent_briefs_filed_minutes_and_closed_decisions_are_not_listed(followup):
    sent = edit(BASE, (SG_PLANNED, "{date: 2026-12-10, status: planned, brief_sent: 2026-11-27}"))
    assert of_kind(followup(sent), "brief") == []
    done = with_decision(BASE, "2026-11-01", status="done")
    assert of_kind(followup(done), "decision") == []
    assert of_kind(followup(BASE), "minutes") == []


def test_minutes_of_a_meeting_more_than_a_year_ago_are_not_chased(followup):
    text = edit(BASE, (", minutes_ref: protokoll-2025.pdf, minutes_date: 2025-04-17", ""))
    assert of_kind(followup(text, "--horizon", "3650"), "minutes") == []


@pytest.mark.parametrize(("planned", "reminded"), [("2026-12-15", False), ("2027-01-05", True)])
def test_a_strategic_meeting_planned_by_the_due_date_replaces_the_reminder(
    followup, planned, reminded
):
    # The last leadership meeting was on 2025-12-20, so the next is due by 2026-12-20.
    text = edit(
        leadership_meeting_soon(BASE),
        (
            "      - {date: 2025-12-20,",
            f"      - {{date: {planned}, status: planned}}\n      - {{date: 2025-12-20,",
        ),
    )
    view = followup(text, "--horizon", "90")
    assert bool(of_kind(view, "leadership_meeting")) is reminded
    assert planned in [m["date"] for m in view["meetings"]]


def test_a_successor_removes_the_vacancy(followup):
    sponsor = sponsor_leaves("2026-12-31", successor_from="2027-01-01")(BASE)
    assert of_kind(followup(sponsor), "sponsor_vacancy") == []
    seed = seed_money_ends("2027-01-15")(BASE)
    follow_on = (
        "  - id: r-forskning-2\n    side: eu\n    level: operativ\n    kind: money\n"
        "    period: {from: 2027-01-16, to: 2029-12-31}\n    purpose: seed-projekt\n"
    )
    seed = edit(seed, ("  - id: r-nordverk\n", follow_on + "  - id: r-nordverk\n"))
    assert of_kind(followup(seed), "resource") == []


# ---------------------------------------------------------------- horizon


def test_items_beyond_the_horizon_are_absent(followup):
    view = followup(BASE)
    assert [(i["kind"], i["due"]) for i in view["items"]] == [
        ("brief", "2026-12-05"),
        ("action_item", "2026-12-31"),
        ("log", "2026-12-31"),
    ]
    assert view["meetings"] == [{"date": "2026-12-10", "body": "styrgrupp"}]
    assert of_kind(followup(decision_due("2027-06-01")(BASE)), "decision") == []


@pytest.mark.parametrize(
    ("horizon", "has_indicator"), [("92", False), ("93", True), ("60", False), ("365", True)]
)
def test_the_horizon_decides_what_is_due_soon(followup, horizon, has_indicator):
    # The indicator is due on 2027-03-01, 93 days after the as-of date.
    view = followup(BASE, "--horizon", horizon)
    assert bool(of_kind(view, "indicator")) is has_indicator
    assert view["due_soon"] == len(view["items"])


def test_horizon_zero_keeps_only_what_is_overdue(followup):
    view = followup(decision_due("2026-11-01")(BASE), "--horizon", "0")
    assert [(i["kind"], i["status"]) for i in view["items"]] == [("decision", "overdue")]
    assert (view["overdue"], view["due_soon"]) == (1, 0)


def test_a_long_horizon_lists_every_dated_obligation_of_the_record(followup):
    view = followup(BASE, "--horizon", "3650")
    assert {i["kind"] for i in view["items"]} == {
        "brief",
        "action_item",
        "action_plan",
        "log",
        "indicator",
        "leadership_meeting",
        "assessment",
        "expiry",
    }  # no renewal item: the 2026-05-20 joint assessment counts as the evaluation
    # no body_meeting item: the styrgrupp meeting planned on 2026-12-10 keeps its cadence;
    # the partnership council's cadence is the leadership meeting itself
    assert the_item(view, "leadership_meeting")["codes"] == ["LEAD-02", "LVL-05"]
    # the four resources end with the agreement: one item
    expiry = the_item(view, "expiry")
    assert expiry["codes"] == ["LONG-04", "RES-03"]
    assert "The agreement and 4 earmarked resources end on 2029-02-28" in expiry["title"]
    assert of_kind(view, "resource") == []


# ---------------------------------------------------------------- phases


def _with_everything(text: str) -> str:
    """Base plus a minutes, decision, action plan, activity and vacancy item."""
    text = assessed_on("2025-10-01")(text)  # no recent evaluation: the renewal item shows
    text = minutes_overdue(text)
    text = decision_due("2026-12-15")(text)
    text = action_plan_soon(text)
    text = nothing_ongoing("2026-06-15")(text)
    text = sponsor_leaves("2026-12-31")(text)
    return contact_leaves("2027-01-15")(text)


@pytest.mark.parametrize(
    ("phase", "absent", "rule"),
    [
        ("uppstart", "leadership_meeting", "LEAD-02"),
        ("utvardering", "body_meeting", "LVL-05"),
        ("avveckling", "brief", "COORD-04"),
        ("avveckling", "minutes", "COORD-04"),
        ("avslutad", "decision", "COORD-05"),
        ("avslutad", "action_item", "COORD-05"),
        ("utvardering", "action_plan", "GOAL-06"),
        ("nystart", "indicator", "GOAL-04"),
        ("nystart", "assessment", "ASM-01"),
        ("uppstart", "renewal", "LONG-03"),
        ("utvardering", "renewal", "LONG-03"),
        ("avveckling", "expiry", "LONG-04"),
        ("initiering", "log", "COORD-03"),
        ("utvardering", "activity", "DIV-04"),
        ("avveckling", "sponsor_vacancy", "LEAD-04"),
        ("utvardering", "contact_vacancy", "LVL-04"),
        ("uppstart", "resource", "RES-03"),
    ],
)
def test_items_of_rules_that_do_not_apply_in_the_phase_are_absent(followup, phase, absent, rule):
    text = _with_everything(BASE)
    in_drift = followup(text, "--horizon", "3650")["items"]
    assert any(rule in i["codes"] for i in in_drift), "the item exists in drift"
    view = followup(in_phase(text, phase), "--horizon", "3650")
    assert view["phase"] == phase
    assert [i for i in view["items"] if i["kind"] == absent or rule in i["codes"]] == []


def test_in_evaluation_the_expiry_stays_and_the_sponsor_vacancy_stays(followup):
    view = followup(in_phase(_with_everything(BASE), "utvardering"), "--horizon", "3650")
    kinds = {(i["kind"], i["rule"]) for i in view["items"]}
    assert ("expiry", "LONG-04") in kinds
    assert ("sponsor_vacancy", "LEAD-04") in kinds
    assert ("contact_vacancy", "LVL-04") not in kinds


# ---------------------------------------------------------------- order


def test_items_are_sorted_most_urgent_first(followup):
    text = _with_everything(indicator_overdue(BASE))
    items = followup(text)["items"]
    severity = {"error": 0, "warning": 1, "info": 2}
    keys = [(severity[i["severity"]], i["status"] != "overdue", i["due"]) for i in items]
    assert keys == sorted(keys)
    assert [i["severity"] for i in items][:1] == ["error"]
    assert {i["status"] for i in items} == {"overdue", "due_soon"}


# ---------------------------------------------------------------- criterion health


def test_a_healthy_record_meets_every_criterion(followup):
    view = followup(BASE)
    assert view["health"] == dict.fromkeys(HANDBOOK_CRITERIA, "met")
    assert list(view["health"]) == HANDBOOK_CRITERIA


@pytest.mark.parametrize(
    ("variant", "criterion", "health"),
    [
        # LEAD-02 warns (the last leadership meeting is 453 days old): attention.
        (
            lambda t: edit(t, (RAD_2026, RAD_2026.replace("2026-04-09", "2025-09-01"))),
            "leadership",
            "attention",
        ),
        # LEAD-04 and LEAD-01 are errors: not met.
        (sponsor_leaves("2026-10-31"), "leadership", "not_met"),
        (agreement_ends("2026-11-01"), "commitment", "not_met"),
        (seed_money_ends("2026-10-31"), "resources", "attention"),
        (log_overdue, "coordinator", "attention"),
        (indicator_overdue, "goals", "attention"),
        (contact_leaves("2026-11-15"), "levels", "attention"),
    ],
)
def test_health_reflects_the_rule_findings(followup, variant, criterion, health):
    view = followup(variant(BASE))
    assert view["health"][criterion] == health
    others = {c: h for c, h in view["health"].items() if c != criterion}
    assert set(others.values()) == {"met"}


def test_a_note_does_not_lower_health(followup):
    # A sponsor who started 30 days ago gives an info finding of LEAD-04, nothing more.
    text = edit(
        BASE,
        (
            VD_SPONSOR,
            VD_SPONSOR + "\n  - {person_id: p-vr, side: eu, role: prorektor, from: 2026-10-29}",
        ),
    )
    assert "LEAD-04" not in check_codes(text)
    assert followup(text)["health"]["leadership"] == "met"


def test_health_follows_the_configured_severity(followup, write):
    # Not at the root of tmp_path, where it would be found without --config.
    config = write("conf/partnerkit.toml", '[rules.severity]\n"COORD-03" = "off"\n')
    text = log_overdue(BASE)
    assert followup(text)["health"]["coordinator"] == "attention"
    assert followup(text, "--config", str(config))["health"]["coordinator"] == "met"
    write("conf/partnerkit.toml", '[rules.severity]\n"COORD-03" = "error"\n')
    assert followup(text, "--config", str(config))["health"]["coordinator"] == "not_met"


# ---------------------------------------------------------------- mutual assessment


def assessment(day: str, scores: dict[str, tuple[float, float]]) -> str:
    lines = [
        f"  - date: {day}",
        "    instrument: alliance_health_check",
        "    scale: likert5",
        "    respondents: [{side: eu, n: 4}, {side: nv, n: 4}]",
        "    scores:",
    ]
    for dimension, (eu, nv) in scores.items():
        lines.append(f"      - {{dimension: {dimension}, side: eu, value: {eu}}}")
        lines.append(f"      - {{dimension: {dimension}, side: nv, value: {nv}}}")
    return "\n".join(lines) + "\n"


def with_assessments(*rounds: str) -> str:
    return replace_section(BASE, "assessments", "assessments:\n" + "".join(rounds))


TWO_ROUNDS = with_assessments(
    # Listed newest first: the latest is found by date, not by position.
    assessment("2026-05-20", {"strategiskt värde": (4.2, 4.0), "nytta": (4.5, 3.2)}),
    assessment("2025-05-20", {"strategiskt värde": (3.8, 4.0), "nytta": (4.5, 3.0)}),
)


def test_the_assessment_shows_the_latest_scores_per_party_and_the_previous_ones(followup):
    view = followup(TWO_ROUNDS)["assessment"]
    assert view["date"] == "2026-05-20"
    assert view["previous_date"] == "2025-05-20"
    assert view["instrument"] == "alliance_health_check"
    assert view["scores"] == [
        {
            "dimension": "strategiskt värde",
            "party": "Exempeluniversitetet",
            "value": 4.2,
            "previous": 3.8,
        },
        {"dimension": "strategiskt värde", "party": "Nordverk AB", "value": 4.0, "previous": 4.0},
        {"dimension": "nytta", "party": "Exempeluniversitetet", "value": 4.5, "previous": 4.5},
        {"dimension": "nytta", "party": "Nordverk AB", "value": 3.2, "previous": 3.0},
    ]
    assert view["gaps"] == [
        {"dimension": "strategiskt värde", "spread": 0.2, "flagged": False},
        {"dimension": "nytta", "spread": 1.3, "flagged": True},
    ]


def test_the_trend_and_the_flagged_gap_in_text_and_markdown(cli, write, tmp_path):
    write("r.yaml", TWO_ROUNDS)
    text = cli("followup", "r.yaml", "--as-of", AS_OF, cwd=tmp_path).stdout
    assert "trend since 2025-05-20" in text
    strategic = next(line for line in text.splitlines() if "strategiskt värde" in line)
    assert "4.2 ↑0.4" in strategic and "4 →" in strategic and "0.2" in strategic
    assert "!" not in strategic
    benefit = next(line for line in text.splitlines() if "nytta" in line)
    assert "3.2 ↑0.2" in benefit and "1.3 !" in benefit
    markdown = cli("followup", "r.yaml", "--as-of", AS_OF, "--format", "markdown", cwd=tmp_path)
    assert "| nytta | 4.5 → | 3.2 ↑0.2 | 1.3 ⚠ |" in markdown.stdout
    assert "| strategiskt värde | 4.2 ↑0.4 | 4 → | 0.2 |" in markdown.stdout


@pytest.mark.parametrize(
    ("eu", "nv", "flagged"),
    [(4.2, 3.2, False), (4.3, 3.2, True), (4.0, 3.2, False), (2.0, 4.5, True), (3.0, 3.0, False)],
)
def test_a_gap_is_flagged_only_above_the_threshold(followup, eu, nv, flagged):
    text = with_assessments(assessment("2026-05-20", {"nytta": (eu, nv)}))
    [gap] = followup(text)["assessment"]["gaps"]
    assert gap == {"dimension": "nytta", "spread": round(abs(eu - nv), 2), "flagged": flagged}


def test_one_assessment_has_no_trend_and_none_has_no_view(followup):
    view = followup(BASE)["assessment"]
    assert view["previous_date"] is None
    assert {s["previous"] for s in view["scores"]} == {None}
    no_assessment = replace_section(BASE, "assessments", "")
    assert followup(no_assessment)["assessment"] is None


# ---------------------------------------------------------------- the portfolio and the outputs


@pytest.fixture
def portfolio(write, tmp_path):
    write("partnerships/base.yaml", BASE)
    write("partnerships/norrsken.yaml", with_id(decision_due("2026-11-01")(BASE), "norrsken"))
    write("partnerships/solvik.yaml", with_id(TWO_ROUNDS, "solvik-kommun"))
    return tmp_path


@pytest.mark.parametrize("output_format", ["text", "markdown", "json"])
def test_every_partnership_appears_in_every_format(cli, portfolio, output_format):
    result = cli("followup", "--as-of", AS_OF, "--format", output_format, cwd=portfolio)
    assert result.exit_code == 0, result.output
    # In text and Markdown: in the portfolio table and in the partnership's own section.
    times = 1 if output_format == "json" else 2
    for record_id in ("base-nordverk", "norrsken", "solvik-kommun"):
        assert result.stdout.count(record_id) >= times
    if output_format != "json":
        assert "Follow-up as of 2026-11-28 (due soon: within 60 days)" in result.stdout


def test_portfolio_counts_in_json(cli, portfolio):
    data = json.loads(cli("followup", "--as-of", AS_OF, "--format", "json", cwd=portfolio).stdout)
    counts = {p["id"]: (p["overdue"], p["due_soon"]) for p in data["partnerships"]}
    assert counts == {"base-nordverk": (0, 3), "norrsken": (1, 3), "solvik-kommun": (0, 3)}
    # worst first: the one with something overdue, then by id
    assert [p["id"] for p in data["partnerships"]] == ["norrsken", "base-nordverk", "solvik-kommun"]
    assert [p["file"] for p in data["partnerships"]] == [
        "partnerships/norrsken.yaml",
        "partnerships/base.yaml",
        "partnerships/solvik.yaml",
    ]


@pytest.mark.parametrize("output_format", ["text", "markdown", "json"])
def test_the_same_as_of_gives_the_same_bytes(cli, portfolio, output_format):
    args = ("followup", "--as-of", AS_OF, "--format", output_format)
    first, second = cli(*args, cwd=portfolio), cli(*args, cwd=portfolio)
    assert first.stdout == second.stdout
    assert first.stdout.encode("utf-8") == second.stdout.encode("utf-8")


def test_partnership_filters_the_output(cli, portfolio):
    for output_format in ("json", "markdown", "text"):
        result = cli(
            "followup",
            "--as-of",
            AS_OF,
            "--format",
            output_format,
            "--partnership",
            "norrsken",
            cwd=portfolio,
        )
        assert result.exit_code == 0
        assert "norrsken" in result.stdout
        assert "base-nordverk" not in result.stdout and "solvik-kommun" not in result.stdout
    data = json.loads(
        cli(
            "followup",
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "--partnership",
            "norrsken",
            cwd=portfolio,
        ).stdout
    )
    assert [p["id"] for p in data["partnerships"]] == ["norrsken"]


def test_an_unknown_partnership_exits_2(cli, portfolio):
    result = cli("followup", "--as-of", AS_OF, "--partnership", "okand", cwd=portfolio)
    assert result.exit_code == 2
    assert "There is no partnership with the id okand." in result.stderr
    assert result.stdout == ""


def test_fail_on_overdue(cli, write, tmp_path):
    write("ok.yaml", BASE)
    write("late.yaml", with_id(decision_due("2026-11-01")(BASE), "late"))
    run = lambda *a: cli("followup", "--as-of", AS_OF, *a, cwd=tmp_path).exit_code  # noqa: E731
    assert run("ok.yaml", "--fail-on", "overdue") == 0
    assert run("late.yaml", "--fail-on", "overdue") == 1
    assert run("ok.yaml", "late.yaml", "--fail-on", "overdue") == 1
    assert (
        run("ok.yaml", "late.yaml", "--fail-on", "overdue", "--partnership", "base-nordverk") == 0
    )
    assert run("late.yaml") == 0  # the default is never
    assert run("late.yaml", "--fail-on", "never") == 0
    assert run("late.yaml", "--fail-on", "sometimes") == 2


def test_bad_options_exit_2(cli, write, tmp_path):
    write("r.yaml", BASE)
    for args in (("--format", "html"), ("--horizon", "-1"), ("--as-of", "28/11/2026")):
        result = cli("followup", "r.yaml", *args, cwd=tmp_path)
        assert result.exit_code == 2, args
        assert "Traceback" not in result.output


def test_an_unreadable_record_is_listed_not_a_crash(cli, write, tmp_path):
    write("partnerships/a.yaml", BASE)
    write("partnerships/broken.yaml", "id: [unclosed\n")
    write(
        "partnerships/invalid.yaml",
        with_id(BASE, "invalid").replace("phase: drift\n", "phase: x\n"),
    )
    text = cli("followup", "--as-of", AS_OF, cwd=tmp_path)
    assert text.exit_code == 1, text.output
    # first, before anything else, with the file, line and error
    lines = text.stdout.splitlines()
    assert lines[2] == "Records that could not be read:"
    assert lines[3].startswith("  partnerships/broken.yaml:2:1: YAML-01 ")
    assert "YAML-01" in lines[3]
    assert lines[4].startswith("  partnerships/invalid.yaml:12:10: SCHEMA-03 'x' is not allowed")
    markdown = cli("followup", "--as-of", AS_OF, "--format", "markdown", cwd=tmp_path)
    assert markdown.exit_code == 1
    assert markdown.stdout.index("partnerships/broken.yaml:2:1") < markdown.stdout.index("base")
    result = cli("followup", "--as-of", AS_OF, "--format", "json", cwd=tmp_path)
    data = json.loads(result.stdout)
    assert (data["unreadable"][0]["file"], data["unreadable"][0]["line"]) == (
        "partnerships/broken.yaml",
        2,
    )
    assert [u["file"] for u in data["unreadable"]] == [
        "partnerships/broken.yaml",
        "partnerships/invalid.yaml",
    ]
    assert all(u["code"] and u["message"] for u in data["unreadable"])
    assert [p["id"] for p in data["partnerships"]] == ["base-nordverk"]


def test_the_json_document_shape(cli, write, tmp_path):
    write("r.yaml", decision_due("2026-11-01")(BASE))
    data = json.loads(
        cli(
            "followup",
            "r.yaml",
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "--horizon",
            "45",
            cwd=tmp_path,
        ).stdout
    )
    assert set(data) == {
        "version",
        "as_of",
        "horizon_days",
        "actions",
        "partnerships",
        "unreadable",
    }
    assert (data["version"], data["as_of"], data["horizon_days"]) == (2, AS_OF, 45)
    [view] = data["partnerships"]
    assert set(view) == {
        "id",
        "title",
        "file",
        "phase",
        "agreement_end",
        "health",
        "overdue",
        "due_soon",
        "items",
        "meetings",
        "assessment",
    }
    assert view["id"] == "base-nordverk"
    assert view["title"] == "Exempeluniversitetet och Nordverk AB"
    assert (view["file"], view["phase"], view["agreement_end"]) == ("r.yaml", "drift", "2029-02-28")
    assert (view["overdue"], view["due_soon"]) == (1, 3)
    assert data["actions"] == view["items"]  # one partnership: its items are the actions
    for item in view["items"]:
        assert set(item) == {
            "partnership",
            "kind",
            "severity",
            "status",
            "due",
            "days",
            "rule",
            "codes",
            "title",
            "responsible",
            "path",
        }
        assert item["status"] in ("overdue", "due_soon")
        assert isinstance(item["days"], int)
        assert isinstance(item["responsible"], dict)
    decision = the_item(view, "decision")
    assert decision == {
        "partnership": "base-nordverk",
        "kind": "decision",
        "severity": "warning",
        "status": "overdue",
        "due": "2026-11-01",
        "days": -27,
        "rule": "COORD-05",
        "codes": ["COORD-05"],
        "title": "Follow up the decision “Ta fram en kommunikationsplan” (d-2026-9).",
        "responsible": {"Exempeluniversitetet": "Sara Samordnare (partnerskapssamordnare)"},
        "path": "decisions[1].due",
    }
    assert set(view["assessment"]) == {"date", "instrument", "previous_date", "scores", "gaps"}


def test_responsible_people_per_party(followup):
    view = followup(body_meeting_soon(BASE))
    # a meeting to call is the chair's; the members are not listed
    assert the_item(view, "body_meeting")["responsible"] == {
        "Exempeluniversitetet": "Vilhelm Vicerektor (vicerektor)",
    }
    assert the_item(view, "action_item")["responsible"] == {
        "Exempeluniversitetet": "Per Professor (professor)",
        "Nordverk AB": "Ingrid Ingenjör (specialist)",
    }


def test_text_output_lists_items_with_status_date_rule_and_title(cli, write, tmp_path):
    write("r.yaml", decision_due("2026-11-01")(BASE))
    out = cli("followup", "r.yaml", "--as-of", AS_OF, cwd=tmp_path).stdout
    assert "  warning · overdue 2026-11-01 (27 days ago) · base-nordverk\n" in out
    assert "    Follow up the decision “Ta fram en kommunikationsplan” (d-2026-9).  COORD-05" in out
    assert "  warning · due soon 2026-12-05 (in 7 days) · base-nordverk\n" in out
    assert "    base-nordverk · running · agreement ends 2029-02-28 · 1 overdue, 3 due soon" in out
    assert "    Meetings: 2026-12-10 styrgrupp" in out


# ---------------------------------------------------------------- known bugs


@pytest.mark.parametrize(
    ("variant", "kind", "as_of"),
    [
        (decision_due(AS_OF), "decision", AS_OF),
        (unchanged, "brief", "2026-12-05"),  # the brief due today is not yet late
    ],
    ids=["decision", "brief"],
)
def test_an_item_due_today_is_not_yet_overdue(followup, variant, kind, as_of):
    text = variant(BASE)
    assert {"COORD-04", "COORD-05"}.isdisjoint(check_codes(text, as_of))
    item = the_item(followup(text, as_of=as_of), kind)
    assert (item["days"], item["status"]) == (0, "due_soon")


def test_a_used_up_resource_is_not_chased(followup):
    text = edit(
        seed_money_ends("2026-10-31")(BASE),
        ("purpose: seed-projekt\n", "purpose: seed-projekt\n    status: used\n"),
    )
    assert "RES-03" not in check_codes(text)
    assert of_kind(followup(text), "resource") == []


def test_the_activity_pulse_counts_from_the_end_of_the_last_activity(followup):
    text = edit(
        nothing_ongoing("2026-04-01")(BASE),
        ("start: 2024-01-15, end: 2026-03-31", "start: 2024-01-15, end: 2026-11-01"),
    )
    assert "DIV-04" not in check_codes(text)
    assert [i["status"] for i in of_kind(followup(text), "activity")] != ["overdue"]


def test_an_evaluation_in_progress_satisfies_the_renewal_item(followup):
    text = agreement_ends("2027-06-30")(BASE)  # assessed on 2026-05-20
    assert "LONG-03" not in check_codes(text)
    assert [i["status"] for i in of_kind(followup(text), "renewal")] != ["overdue"]


def test_the_renewal_item_uses_the_agreements_own_review_lead(followup):
    text = edit(
        agreement_ends("2027-12-31", assessed="2025-10-01")(BASE),
        ("review_lead_months: 12", "review_lead_months: 18"),
    )
    assert "LONG-03" in check_codes(text)
    item = the_item(followup(text), "renewal")
    assert (item["due"], item["status"]) == ("2026-06-30", "overdue")


def test_a_gap_before_the_next_sponsor_is_a_vacancy(followup):
    text = sponsor_leaves("2026-10-31", successor_from="2027-03-01")(BASE)
    assert "LEAD-04" in check_codes(text)
    assert [i["rule"] for i in of_kind(followup(text), "sponsor_vacancy")] == ["LEAD-04"]
