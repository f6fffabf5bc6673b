"""One test per surviving mutant that was not equivalent, from the mutmut runs over ``rules/``
(see the notes on issues #15 and #18 for the command). Each test names the function the mutant
changed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from partnerkit.config import Config, RuleSelection, Thresholds
from partnerkit.errors import UsageError
from partnerkit.findings import Severity
from partnerkit.load.pipeline import check_text, parse_record
from partnerkit.rules import check_selection, get, matches
from partnerkit.rules.base import ACTIVE, Context
from partnerkit.rules.commitment import DAYS_PER_YEAR, _years
from partnerkit.rules.engine import (
    RuleHit,
    _one_finding_per_fact,
    _override,
    is_selected,
    run_rules,
    suppressed,
)
from partnerkit.values import replace
from tests.conftest import ROOT

BASE = (ROOT / "tests" / "rules" / "base.yaml").read_text(encoding="utf-8")
TODAY = date(2026, 11, 28)


def places(text: str, code: str, today: date = TODAY, **thresholds: float) -> list[tuple]:
    config = Config(thresholds=replace(Thresholds(), **thresholds))
    report = check_text(text, "r.yaml", config, Context(today, config.thresholds), True)
    assert report.record is not None, report.findings
    return [f.path for f in report.findings if f.code == code]


def edited(*pairs: tuple[str, str]) -> str:
    text = BASE
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


NOT_COORDINATION = ("purpose: partnerskapssamordnare", "purpose: forskningsmedel")


# _coordinator_fte: with no coordination resource, the coordinator's own FTE is read
@pytest.mark.parametrize(("minimum", "reported"), [(0.3, False), (0.31, True)])
def test_the_coordinators_own_fte_at_its_boundary(minimum, reported):
    found = places(edited(NOT_COORDINATION), "RES-04", coordinator_min_fte=minimum)
    assert found == ([("coordination", "coordinator", "fte")] if reported else [])


# _fte: a share of a post is a hundredth of an FTE per percent
@pytest.mark.parametrize(("amount", "reported"), [(30, False), (10, True)])
def test_a_percent_of_a_post_counts_as_that_share_of_an_fte(amount, reported):
    text = edited(("amount: 0.3\n    unit: FTE", f"amount: {amount}\n    unit: percent_of_post"))
    assert bool(places(text, "RES-04")) is reported


# _is_coordination: a resource counts when its mandate holder is the coordinator, or has a
# coordinating title, even when its purpose does not say so; 0.1 FTE is then too little
HELD_BY = [
    ("p-sam", "", True),
    ("p-kontor", "title: samordnare för partnerskap", True),
    ("p-kontor", "title: chef samverkansavdelningen", False),
]


@pytest.mark.parametrize(("holder", "title", "counted"), HELD_BY)
def test_a_resource_held_by_a_coordinator_counts_for_coordination(holder, title, counted):
    text = edited(
        NOT_COORDINATION,
        ("amount: 0.3\n    unit: FTE", "amount: 0.1\n    unit: FTE"),
        (
            "    purpose: forskningsmedel",
            f"    mandate: {{holder_person_id: {holder}}}\n    purpose: forskningsmedel",
        ),
    )
    if title:
        text = text.replace("title: chef samverkansavdelningen", title)
    assert places(text, "RES-04") == ([("resources", 0, "amount")] if counted else [])


# _years: calendar months exactly, the rest in days
@pytest.mark.parametrize(
    ("start", "end", "years"),
    [
        (date(2023, 3, 1), date(2029, 2, 28), 6.0),
        (date(2023, 3, 15), date(2023, 4, 10), 27 / DAYS_PER_YEAR),
        # thirteen months from 31 January end on 29 February, then two days to 2 March
        (date(2023, 1, 31), date(2024, 3, 1), 13 / 12 + 2 / DAYS_PER_YEAR),
    ],
)
def test_years_count_calendar_months_then_days(start, end, years):
    assert _years(start, end) == pytest.approx(years)


# _future_records: a measurement or a held meeting dated today is not in the future
def test_a_measurement_dated_today_is_not_in_the_future():
    day = date(2025, 12, 31)
    assert not [p for p in places(BASE, "STRUCT-02", day) if "measurements" in p]
    assert [p for p in places(BASE, "STRUCT-02", date(2025, 12, 30)) if "measurements" in p]


def test_a_meeting_held_today_is_not_in_the_future():
    council = ("governance", 0, "meetings", 1, "date")  # held 2026-04-09
    assert council not in places(BASE, "STRUCT-02", date(2026, 4, 9))
    assert council in places(BASE, "STRUCT-02", date(2026, 4, 8))


# _agreed: an agreement that starts today is in force, signed or not
def test_an_agreement_starting_today_is_agreed():
    text = edited(("    signed_date: 2023-02-15\n", ""))
    assert places(text, "LONG-01", date(2023, 3, 1)) == []


# the last communication, allocation and assessment count on their own day
def test_a_communication_logged_today_counts():
    assert places(BASE, "SUP-03", date(2026, 10, 2), communication_days=0) == []


def test_a_resource_allocation_logged_today_counts():
    assert places(BASE, "RES-05", date(2026, 6, 18), resource_allocation_days=0) == []


def test_an_assessment_held_today_is_the_latest():
    # the self-assessment of 2026-05-20 scores 3.9 at the lowest
    held = date(2026, 5, 20)
    assert places(BASE, "ASM-02", held, assessment_concern_threshold=3.91)


# _assessed_in_time: a risk assessment on the day of signing is in time; the day after is not
# (ETH-02 looks at partnerships starting up)
@pytest.mark.parametrize(("day", "in_time"), [("2023-02-15", True), ("2023-02-16", False)])
def test_a_risk_assessment_on_the_signing_day_is_in_time(day, in_time):
    text = edited(
        ("phase: drift\n  phase_since", "phase: uppstart\n  phase_since"),
        ("risk_assessment: {date: 2023-01-20", f"risk_assessment: {{date: {day}"),
    )
    assert (places(text, "ETH-02") == []) is in_time


# ---- second run (issue #18 item 16) -------------------------------------------------------


def hits(text: str, today: date = TODAY) -> list[RuleHit]:
    """Every finding of the rules on ``text``, before it is located in the file."""
    config = Config()
    record = parse_record(text, "r.yaml", config.limits).record
    assert record is not None
    return run_rules(record, config, Context(today, config.thresholds))


# rule: a declared rule keeps everything it was declared with
def test_a_declared_rule_keeps_its_declaration():
    item = get("LONG-01")
    assert (item.code, item.name, item.criterion, item.phases, item.severity) == (
        "LONG-01",
        "long-term-horizon",
        "commitment",
        ACTIVE,
        Severity.WARNING,
    )
    assert item.title == "The parties have committed for several years"
    assert item.explanation.startswith("A strategic partnership is a long-term commitment")
    assert item.source.startswith("Handbook (at least five years)")
    assert item.options == ("min_agreement_years", "min_period_years")
    assert item.escalation == "an error when there is no agreement at all in drift or later"
    assert item.bad.startswith("agreements:\n  - {type: samverkansavtal, start: 2025-01-01")
    assert item.good.endswith("    renewal: {mode: by_decision}\n")
    assert item.by_phase == {}
    assert item.severity_in("drift") is Severity.WARNING


# rule, Rule.severity_in: a severity declared for a phase applies in that phase only
@pytest.mark.parametrize(
    ("phase", "severity"), [("initiering", Severity.WARNING), ("drift", Severity.ERROR)]
)
def test_a_rules_severity_declared_for_a_phase_applies_in_that_phase(phase, severity):
    assert get("COORD-01").by_phase == {
        "initiering": Severity.WARNING,
        "avveckling": Severity.WARNING,
    }
    assert get("COORD-01").severity_in(phase) is severity
    text = edited(
        ("phase: drift\n  phase_since", f"phase: {phase}\n  phase_since"),
        ("  coordinator: {person_id: p-sam, side: eu, fte: 0.3, from: 2023-03-01}\n", ""),
    )
    text = text.replace("    - {phase: drift, from: 2024-03-01}\n", "")
    found = [h.severity for h in hits(text) if h.code == "COORD-01"]
    assert found and set(found) == {severity}


# is_selected: an ignored code or family does not run; the others do
@pytest.mark.parametrize(
    ("ignore", "selected"),
    [(("LEAD",), False), (("lead-01",), False), (("LEAD-0",), False), (("LEAD-02", "GOAL"), True)],
)
def test_an_ignored_rule_does_not_run(ignore, selected):
    config = Config(rules=RuleSelection(ignore=ignore))
    assert is_selected("LEAD-01", config) is selected


# _override: the most specific severity selector that names the code wins, whatever the order;
# a selector for another family changes nothing; of two equally specific, the first written
@pytest.mark.parametrize(
    ("severities", "lead_01", "lead_02"),
    [
        ({"LEAD": "info", "LEAD-01": "warning"}, "warning", "info"),
        ({"LEAD-01": "warning", "LEAD": "info"}, "warning", "info"),
        ({"GOAL": "off"}, None, None),
        ({"LEAD-01": "info", "lead-01": "off"}, "info", None),
    ],
)
def test_the_most_specific_severity_selector_wins(severities, lead_01, lead_02):
    config = Config(rules=RuleSelection(severity=severities))
    assert (_override("LEAD-01", config), _override("LEAD-02", config)) == (lead_01, lead_02)
    assert is_selected("LEAD-01", config)


# _one_finding_per_fact, _follows_from, _raw_hits (the fact): two sponsors of one party who
# leave on the same day unreplaced are one vacancy (LEAD-04, twice, an error); the party's
# missing sponsor (LEAD-01) follows from it and becomes a note that names LEAD-04
def test_a_missing_sponsor_follows_from_the_vacancy_of_two_who_left():
    text = edited(
        (
            "  - {person_id: p-vd, side: nv, role: vd, from: 2023-02-15}\n",
            "  - {person_id: p-vd, side: nv, role: vd, from: 2023-02-15, to: 2026-06-30}\n"
            "  - {person_id: p-fou, side: nv, role: forskningschef, from: 2023-02-15,"
            " to: 2026-06-30}\n",
        )
    )
    found = [h for h in hits(text) if h.code in ("LEAD-01", "LEAD-04")]
    assert [(h.code, h.severity) for h in found] == [
        ("LEAD-01", Severity.INFO),
        ("LEAD-04", Severity.ERROR),
        ("LEAD-04", Severity.ERROR),
    ]
    assert found[0].message.endswith("(This follows from LEAD-04.)")


# _one_finding_per_fact: the most fundamental root rule stays, in whatever order the hits come
@pytest.mark.parametrize("order", [1, -1])
def test_the_most_fundamental_root_stays_whatever_the_order(order):
    pair = [
        RuleHit("LONG-04", Severity.ERROR, "ended", ("agreements", 0, "end"), fact="end"),
        RuleHit("LONG-03", Severity.WARNING, "renew", ("agreements", 0, "end"), fact="end"),
    ][::order]
    kept = {h.code: h.severity for h in _one_finding_per_fact(pair)}
    assert kept == {"LONG-04": Severity.ERROR, "LONG-03": Severity.INFO}


NO_NV_SPONSOR = edited(("  - {person_id: p-vd, side: nv, role: vd, from: 2023-02-15}\n", ""))


def with_suppressions(text: str, *lines: str) -> str:
    return text + "suppressions:\n" + "".join(f"  - {line}\n" for line in lines)


# _suppressing: a suppression for another rule does not stop the search for one that matches;
# _path_text: a suppression's path is compared with the finding's dotted path
@pytest.mark.parametrize(
    "suppression",
    ["{rule: LEAD-01, reason: Ny vd utses}", "{rule: LEAD-01, path: leadership, reason: Ny vd}"],
)
def test_a_suppression_after_one_for_another_rule_applies(suppression):
    text = with_suppressions(NO_NV_SPONSOR, "{rule: GOAL-01, reason: Annat}", suppression)
    codes = [h.code for h in hits(text)]
    assert "LEAD-01" not in codes
    assert codes.count("META-01") == 1  # for GOAL-01, which matches nothing


# _apply_suppressions: the note on an unused suppression names its rule
def test_an_unused_suppression_is_named_by_its_rule():
    text = with_suppressions(BASE, "{rule: LEAD-01, reason: Tillfälligt}")
    (meta,) = [h for h in hits(text) if h.code == "META-01"]
    assert "LEAD-01" in meta.message and meta.path == ("suppressions", 0)


# suppressed: asks about one code at one path
@pytest.mark.parametrize(
    ("code", "path", "hidden"),
    [
        ("LEAD-01", ("leadership",), True),
        ("LEAD-01", ("leadership", 0, "to"), True),
        ("LEAD-01", ("parties", 1), False),
        ("LEAD-02", ("leadership",), False),
    ],
)
def test_suppressed_asks_about_one_code_at_one_path(code, path, hidden):
    text = with_suppressions(NO_NV_SPONSOR, "{rule: LEAD-01, path: leadership, reason: Ny vd}")
    record = parse_record(text, "r.yaml", Config().limits).record
    assert suppressed(record, code, path) is hidden


def messages(text: str, code: str, today: date = TODAY) -> dict[tuple, str]:
    return {h.path: h.message for h in hits(text, today) if h.code == code}


def with_agreements(*periods: tuple[str, str | None]) -> str:
    """The base record with more agreements after its own (2023-03-01 to 2029-02-28)."""
    more = "".join(
        f"  - {{type: samverkansavtal, start: {start}" + (f", end: {end}}}\n" if end else "}\n")
        for start, end in periods
    )
    return edited(("focus_areas:\n", more + "focus_areas:\n"))


# _overlapping_agreements: agreements are compared in date order, not in the order listed,
# every neighbouring pair, and the message names both starts and the earlier end
def test_agreements_listed_out_of_order_overlap_where_the_later_one_starts():
    text = with_agreements(("2019-01-01", "2023-06-30"))
    assert messages(text, "STRUCT-02") == {
        ("agreements", 0, "start"): "This agreement starts on 2023-03-01, before the one from "
        "2019-01-01 ends (2023-06-30)."
    }


def test_an_overlap_after_a_clean_change_of_agreement_is_found():
    text = with_agreements(("2019-01-01", "2023-02-28"), ("2028-01-01", "2031-12-31"))
    assert messages(text, "STRUCT-02") == {
        ("agreements", 2, "start"): "This agreement starts on 2028-01-01, before the one from "
        "2023-03-01 ends (2029-02-28)."
    }


def test_an_agreement_after_an_open_ended_one_names_both_starts():
    text = with_agreements(("2019-01-01", None))
    (message,) = messages(text, "STRUCT-02").values()
    assert message.startswith("This agreement starts on 2023-03-01 while the one from 2019-01-01")


# _history_ends_with_current: both messages name what the history and the phase say
def test_a_history_that_ends_in_another_phase_names_both():
    text = edited(("    - {phase: drift, from: 2024-03-01}\n", ""))
    assert messages(text, "STRUCT-03") == {
        ("lifecycle", "phase"): "The history ends with starting up, but the current phase is "
        "running: add the change to running."
    }


def test_a_history_dated_otherwise_than_phase_since_names_both_dates():
    text = edited(("phase_since: 2024-03-01", "phase_since: 2024-04-01"))
    assert messages(text, "STRUCT-03") == {
        ("lifecycle", "phase_since"): "The history dates the change to running on 2024-03-01, "
        "but phase_since is 2024-04-01."
    }


# _ranges: the coordinator's period is a range too
def test_a_coordinator_who_leaves_before_starting_is_reported():
    text = edited(("fte: 0.3, from: 2023-03-01}", "fte: 0.3, from: 2023-03-01, to: 2023-01-31}"))
    assert messages(text, "STRUCT-02") == {
        ("coordination", "coordinator", "to"): "The end date 2023-01-31 is before the start "
        "date 2023-03-01."
    }


# _future_records: the messages name the date in the future
def test_a_future_measurement_and_meeting_are_named_by_their_dates():
    found = messages(BASE, "STRUCT-02", date(2025, 12, 30))
    measurement = ("goals", 0, "indicators", 0, "measurements", 1, "date")
    meeting = ("governance", 0, "meetings", 1, "date")
    assert found[measurement] == "The measurement is dated 2025-12-31, in the future."
    assert found[meeting] == "The meeting on 2026-04-09 is marked held but lies in the future."


# _earmarked_now: a resource whose period has ended does not cover its level (RES-01);
# _host_name: the message names the host university
def test_a_resource_whose_period_has_ended_does_not_cover_its_level():
    text = edited(
        (
            "    unit: SEK_per_year\n    period: {from: 2023-03-01, to: 2029-02-28}\n"
            "    purpose: strategiska satsningar",
            "    unit: SEK_per_year\n    period: {from: 2023-03-01, to: 2025-12-31}\n"
            "    purpose: strategiska satsningar",
        )
    )
    assert messages(text, "RES-01") == {
        ("resources",): "Exempeluniversitetet has no committed resource active today at the "
        "strategic level."
    }


COORDINATOR_MANDATE = (
    "    mandate: {holder_person_id: p-vr, scope: prioritera aktiviteter inom fokusområdena}\n"
)
TOO_LITTLE = ("amount: 0.3\n    unit: FTE", "amount: 0.1\n    unit: FTE")


# _is_coordination: the coordinator holding the mandate counts even without a coordinating
# title; a resource with no mandate holder and no coordinating purpose does not count (the
# coordinator's own 0.3 FTE is read instead); nor does one when there is no coordination
@pytest.mark.parametrize(
    ("change", "found"),
    [
        (
            [
                (COORDINATOR_MANDATE, "    mandate: {holder_person_id: p-sam, scope: samordna}\n"),
                ("title: partnerskapssamordnare", "title: utredare"),
            ],
            [("resources", 0, "amount")],
        ),
        ([(COORDINATOR_MANDATE, "")], []),
    ],
)
def test_which_resources_count_for_coordination(change, found):
    assert places(edited(NOT_COORDINATION, TOO_LITTLE, *change), "RES-04") == found


def test_with_no_coordination_recorded_no_time_is_earmarked():
    text = edited(NOT_COORDINATION, TOO_LITTLE)
    start = text.index("coordination:\n  coordinator:")
    text = text[:start] + text[text.index("followup_log:") :]
    assert places(text, "RES-04") == [("resources",)]


# _coordinator_fte: a coordinator who has not started yet, or has left, gives no time
@pytest.mark.parametrize("period", ["from: 2027-01-01", "from: 2023-03-01, to: 2026-06-30"])
def test_a_coordinator_out_of_office_gives_no_time(period):
    text = edited(NOT_COORDINATION, ("fte: 0.3, from: 2023-03-01}", f"fte: 0.3, {period}}}"))
    assert places(text, "RES-04") == [("resources",)]


# _coordinator_fte: the coordinator's time is compared as the message writes it (to six
# decimals): 0.1999999 FTE is not reported as "0.2 FTE; at least 0.2 FTE is needed"
def test_a_coordinators_fte_is_compared_as_it_is_written():
    text = edited(
        NOT_COORDINATION, ("fte: 0.3, from: 2023-03-01}", "fte: 0.1999999, from: 2023-03-01}")
    )
    assert places(text, "RES-04", coordinator_min_fte=0.2) == []
    assert places(text, "RES-04", coordinator_min_fte=0.2000011) != []


# _allocation_dates: a decision dated today that names a resource is an allocation today
def test_a_decision_on_a_resource_dated_today_is_an_allocation():
    text = edited(
        (
            "status: done, closed: 2025-12-15}\n",
            "status: done, closed: 2025-12-15}\n"
            "  - {id: d-2026-2, date: 2026-11-28, body_id: styrgrupp, text: Seed-medel 2027, "
            "status: done, closed: 2026-11-28, refs: [r-forskning]}\n",
        )
    )
    assert places(text, "RES-05", resource_allocation_days=0) == []
    assert places(text, "RES-05", date(2026, 11, 29), resource_allocation_days=0) != []


def places_messages(text: str, code: str, today: date = TODAY, **thresholds: float) -> list[str]:
    config = Config(thresholds=replace(Thresholds(), **thresholds))
    report = check_text(text, "r.yaml", config, Context(today, config.thresholds))
    return [f.message for f in report.findings if f.code == code]


# _labels: the forms are named by their labels, in the order of their keys
def test_too_few_forms_are_named_by_their_labels():
    (message,) = places_messages(BASE, "DIV-01", min_distinct_forms=9)
    assert (
        "(4: seminar / partnership day, degree project, industrial PhD student, contract education)"
        in message
    )


THIRD_PARTY = (
    (
        'subsector: storforetag, strategy_refs: ["Nordverk 2030"]}\n',
        'subsector: storforetag, strategy_refs: ["Nordverk 2030"]}\n'
        "  - {id: kv, name: Kommun Väst, role: partner, sector: offentlig_sektor, "
        "subsector: kommun}\n",
    ),
    (
        "title: chef samverkansavdelningen}\n",
        "title: chef samverkansavdelningen}\n"
        "  - {id: p-kv, name: Klara Kommun, side: kv, title: planeringschef}\n",
    ),
)
EXJOBB_CONTACTS = "contacts: {eu: p-prof, nv: p-ing}, start: 2024-01-15"


# _missing_contacts: with one partner, that partner is involved in every activity; with two
# or more, only the partners the activity names are
@pytest.mark.parametrize(
    ("parties", "contacts", "missing"),
    [
        ((), "{eu: p-prof}", "Nordverk AB"),
        (THIRD_PARTY, "{eu: p-prof, kv: p-kv}", None),
        (THIRD_PARTY, "{eu: p-prof, nv: p-ing}", None),
        (THIRD_PARTY, "{kv: p-kv}", "Exempeluniversitetet"),
    ],
)
def test_an_activity_lacks_contacts_at_the_parties_it_involves(parties, contacts, missing):
    text = edited(*parties, (EXJOBB_CONTACTS, f"contacts: {contacts}, start: 2024-01-15"))
    found = messages(text, "DIV-05")
    if missing is None:
        assert found == {}
    else:
        assert found == {
            ("activities", 0, "contacts"): f"The activity “Examensarbeten” has no contact at: "
            f"{missing}."
        }


# _name: a sponsor is named by their name, or by their id when the person is not recorded
@pytest.mark.parametrize(("person", "named"), [("p-vd", "Vera Direktör"), ("p-okand", "p-okand")])
def test_a_new_sponsor_is_named(person, named):
    text = edited(
        (
            "  - {person_id: p-vd, side: nv, role: vd, from: 2023-02-15}\n",
            f"  - {{person_id: {person}, side: nv, role: vd, from: 2026-11-02}}\n",
        )
    )
    assert messages(text, "LEAD-04") == {
        ("leadership", 1): f"{named} became sponsor on 2026-11-02: anchor the partnership "
        "with them."
    }


# _active_sponsors: a sponsor who has not started yet is not active
def test_a_sponsor_who_starts_later_is_not_active_yet():
    text = edited(("role: vd, from: 2023-02-15}", "role: vd, from: 2026-12-01}"))
    assert places(text, "LEAD-01") == [("leadership",)]
    assert places(text, "LEAD-01", date(2026, 12, 1)) == []


# _agreed: a letter of intent is no agreement
def test_a_letter_of_intent_is_no_agreement():
    text = edited(("  - type: samverkansavtal\n", "  - type: avsiktsforklaring\n"))
    assert places(text, "LONG-01") == [("agreements",)]


# _number: the horizon is written to one decimal
def test_the_agreed_horizon_is_written_to_one_decimal():
    text = edited(("    end: 2029-02-28\n    renewal", "    end: 2025-12-15\n    renewal"))
    (message,) = messages(text, "LONG-01").values()
    assert message.startswith("The agreed horizon is 2.8 years, less than 5 years")


LATE_BRIEF_AND_MINUTES = (
    "brief_sent: 2026-09-09, minutes_ref: sg-2026-3-prot.pdf, minutes_date: 2026-09-24",
    "brief_sent: 2026-09-15, minutes_ref: sg-2026-3-prot.pdf, minutes_date: 2026-10-20",
)


# _brief_problems, _minutes_problems, _body_name: a late brief and late minutes are told
# with their dates and due dates, the body by its name or, without one, its id
@pytest.mark.parametrize(
    ("name", "body"),
    [("", "styrgrupp"), ("    name: Styrgruppen för energi\n", "Styrgruppen för energi")],
)
def test_a_late_brief_and_late_minutes_are_told_with_their_dates(name, body):
    text = edited(LATE_BRIEF_AND_MINUTES, ("  - id: styrgrupp\n", f"  - id: styrgrupp\n{name}"))
    assert messages(text, "COORD-04") == {
        ("governance", 1, "meetings", 1): f"The meeting of {body} on 2026-09-17: the brief was "
        "sent on 2026-09-15, it was due by 2026-09-12; the minutes are dated 2026-10-20, they "
        "were due by 2026-10-01."
    }


# _party_name: a coordinator on another side is told with that party's name, or its key when
# it names no party
@pytest.mark.parametrize(("side", "named"), [("nv", "Nordverk AB"), ("xx", "xx")])
def test_a_coordinator_on_a_partners_side_names_the_party(side, named):
    text = edited(
        (
            "coordinator: {person_id: p-sam, side: eu",
            f"coordinator: {{person_id: p-sam, side: {side}",
        )
    )
    assert messages(text, "COORD-01") == {
        ("coordination", "coordinator", "side"): f"The coordinator Sara Samordnare is on the "
        f"side of {named}, not of a university."
    }


DAY_EVENT = "start: 2026-10-01, end: 2026-10-01, status: completed}"
NO_NEWS = (
    "  - {date: 2026-10-02, type: communication, summary: Nyhet på intranätet om "
    "partnerskapsdagen, author: p-sam}\n",
    "",
)


# _communication_dates: an event counts as communication on its last day, or on its start
# when it has no end, from the day it starts
@pytest.mark.parametrize(
    "event",
    [
        "start: 2026-10-01, end: 2026-10-05, status: completed}",
        "start: 2026-10-05, status: ongoing}",
    ],
)
def test_an_event_is_communication_up_to_its_last_day(event):
    text = edited(NO_NEWS, (DAY_EVENT, event))
    assert places(text, "SUP-03", date(2026, 10, 5), communication_days=0) == []
    assert places(text, "SUP-03", date(2026, 10, 6), communication_days=0) != []


# latest_assessment: the latest assessment is the one dated last, not the one listed last
def test_the_latest_assessment_is_the_one_dated_last():
    older = (
        "  - date: 2025-05-20\n    instrument: alliance_health_check\n    scale: likert5\n"
        "    respondents: [{side: eu, n: 4}, {side: nv, n: 4}]\n"
        "    scores: [{dimension: nytta, side: eu, value: 2.0}, {dimension: nytta, side: nv, "
        "value: 2.2}]\n"
    )
    text = edited(("reports:\n", older + "reports:\n"))
    assert places(text, "ASM-02") == []
    older_scores = [("assessments", 1, "scores", 0), ("assessments", 1, "scores", 1)]
    assert places(text, "ASM-02", date(2025, 12, 1)) == older_scores


# _new_period_start: the new period starts with the first agreement that starts on the day of
# the move to nystart (not with a later one)
def test_a_new_period_starts_with_an_agreement_starting_on_the_day_of_the_new_start():
    text = with_agreements(("2026-03-01", "2028-02-29"), ("2028-03-01", "2030-12-31"))
    text = text.replace(
        "phase: drift\n  phase_since: 2024-03-01", "phase: nystart\n  phase_since: 2026-03-01"
    )
    text = text.replace("reports:\n", "reports:\n  - {type: evaluation, date: 2025-12-01}\n")
    assert places(text, "ASM-03") == []


UNSIGNED = ("    signed_date: 2023-02-15\n", "")
STARTING_UP = ("phase: drift\n  phase_since", "phase: uppstart\n  phase_since")


# _assessed_in_time: without a signing date, an assessment by the agreement's last day (or,
# open-ended, by today) is in time
@pytest.mark.parametrize(
    ("end", "assessed", "in_time"),
    [
        ("2026-12-31", "2026-12-31", True),
        ("2026-12-31", "2027-01-01", False),
        (None, "2023-01-20", True),
    ],
)
def test_an_unsigned_agreement_is_assessed_in_time_by_its_end(end, assessed, in_time):
    ending = f"    end: {end}\n" if end else ""
    text = edited(
        UNSIGNED,
        STARTING_UP,
        ("    end: 2029-02-28\n", ending),
        ("risk_assessment: {date: 2023-01-20", f"risk_assessment: {{date: {assessed}"),
    )
    found = places(text, "ETH-02", date(2026, 12, 31))
    assert found == ([] if in_time else [("ethics", "risk_assessment", "date")])


# _signing_path: with no ethics section, the missing assessment is reported at the signing
def test_a_missing_ethics_section_is_reported_at_the_signing_date():
    text = edited(STARTING_UP)
    text = text[: text.index("ethics:\n")]
    assert places(text, "ETH-02") == [("agreements", 0, "signed_date")]


# _role_references: a person counts for the side they are named for in a contact pair, as a
# goal owner, as responsible for an action-plan item or as an activity's contact
@pytest.mark.parametrize(
    "change",
    [
        (
            "topic: fa-energi, members: {eu: p-prof, nv: p-ing}",
            "topic: fa-energi, members: {eu: p-prof, nv: p-prof}",
        ),
        ("owners: {eu: p-vr, nv: p-fou}", "owners: {eu: p-vr, nv: p-prof}"),
        ("responsible: {eu: p-prof, nv: p-ing}", "responsible: {eu: p-prof, nv: p-prof}"),
        (
            "contacts: {eu: p-vr, nv: p-fou}, start: 2026-02-01",
            "contacts: {eu: p-vr, nv: p-prof}, start: 2026-02-01",
        ),
    ],
)
def test_a_person_named_for_the_partner_has_a_dual_role(change):
    assert places(edited(change), "ETH-03") == [("people", 4)]


LIKERT_SCORES = (
    "    scale: likert5\n    respondents: [{side: eu, n: 4}, {side: nv, n: 4}]\n    scores:\n"
    "      - {dimension: strategiskt värde, side: eu, value: 4.2}\n"
    "      - {dimension: strategiskt värde, side: nv, value: 4.0}\n"
    "      - {dimension: nytta, side: eu, value: 4.1}\n"
    "      - {dimension: nytta, side: nv, value: 3.9}\n"
)


# _spread: one party's scores alone differ from nobody's
def test_one_partys_scores_alone_have_no_gap():
    only_ours = (
        "    scale: likert5\n    respondents: [{side: eu, n: 4}]\n    scores:\n"
        "      - {dimension: nytta, side: eu, value: 4.1}\n"
    )
    text = edited((LIKERT_SCORES, only_ours))
    assert places(text, "BEN-04", benefit_gap_threshold=0.5) == []


# _opposite_ends: on a word scale, each dimension by itself, the party at the bottom and the
# one at the top (of three)
def test_a_dimension_rated_at_both_ends_names_the_bottom_and_the_top():
    words = (
        "    scale: lmh\n    respondents: [{side: eu, n: 4}, {side: nv, n: 4}, {side: kv, n: 2}]\n"
        "    scores:\n"
        "      - {dimension: nytta, side: eu, value: low}\n"
        "      - {dimension: nytta, side: nv, value: medium}\n"
        "      - {dimension: nytta, side: kv, value: high}\n"
        "      - {dimension: strategiskt värde, side: eu, value: high}\n"
        "      - {dimension: strategiskt värde, side: nv, value: high}\n"
        "      - {dimension: strategiskt värde, side: kv, value: high}\n"
    )
    text = edited(*THIRD_PARTY, (LIKERT_SCORES, words))
    assert messages(text, "BEN-04") == {
        ("assessments", 0, "scores"): "In the assessment of 2026-05-20, “nytta” is rated at the "
        "bottom by Exempeluniversitetet and at the top by Kommun Väst."
    }


# matches: a selector is a code, a family or a prefix that contains the dash, never a bare
# beginning of a family's name
@pytest.mark.parametrize(
    ("selector", "matched"),
    [
        ("LEAD-01", True),
        ("lead", True),
        ("LEAD-0", True),
        ("LEAD-1", False),
        ("LE", False),
        ("L", False),
    ],
)
def test_a_selector_is_a_code_a_family_or_a_prefix_with_the_dash(selector, matched):
    assert matches("LEAD-01", selector) is matched


# check_selection: an unknown selector is named with the key and the file it is in
@pytest.mark.parametrize("key", ["select", "ignore", "severity"])
def test_an_unknown_selector_names_its_key_and_file(key):
    value = {"NOPE": "off"} if key == "severity" else ("NOPE",)
    with pytest.raises(UsageError) as raised:
        check_selection(RuleSelection(**{key: value}), Path("partnerkit.toml"))
    assert str(raised.value) == (
        f"Unknown rule 'NOPE' in rules.{key} of partnerkit.toml; see partnerkit rules."
    )
