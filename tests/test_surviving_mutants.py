"""One test per surviving mutant that was not equivalent, from one mutmut run over ``rules/``
(see the note on issue #15 for the command). Each test names the function the mutant changed."""

from __future__ import annotations

from datetime import date

import pytest

from partnerkit.config import Config, Thresholds
from partnerkit.load.pipeline import check_text
from partnerkit.rules.base import Context
from partnerkit.rules.commitment import DAYS_PER_YEAR, _years
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
