"""Every dated threshold at its boundary: on the due date nothing is late, the day after the
rule reports it; an escalating rule is a warning the day before ``error_from`` and an error
on it. Run for every obligation of the examples and of every rule fixture."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from partnerkit.config import Config
from partnerkit.findings import Severity
from partnerkit.load.pipeline import check_text, parse_record
from partnerkit.obligations import obligations
from partnerkit.rules import get
from partnerkit.rules.base import Context
from tests.conftest import EXAMPLES, ROOT

TODAY = date(2026, 11, 28)
DATED = ("LEAD-02", "LEAD-04", "LVL-04", "LVL-05", "COORD-03", "COORD-04", "COORD-05", "GOAL-04")
DATED += ("GOAL-06", "ASM-01", "LONG-03", "LONG-04", "DIV-04", "RES-03")
RULES = ROOT / "tests" / "rules"
CASES = [
    *sorted(EXAMPLES.glob("*.yaml")),
    RULES / "base.yaml",
    *(path for code in DATED for path in sorted((RULES / code).glob("*.yaml"))),
]
DAY = timedelta(days=1)


def findings_at(text: str, today: date) -> dict:
    report = check_text(text, "r.yaml", Config(), Context(today))
    return {(f.code, f.path): f for f in report.findings}


def boundary_cases(per_kind: int = 4):
    """For each kind of obligation, its first ``per_kind`` occurrences among the cases."""
    seen: dict[str, int] = {}
    for path in CASES:
        text = path.read_text(encoding="utf-8")
        record = parse_record(text, path.name, Config().limits).record
        if record is None:
            continue
        for found in obligations(record, TODAY, Config().thresholds):
            if seen.get(found.kind, 0) >= per_kind or found.due.year < 1901:
                continue
            if get(found.rule).applies_to(record.lifecycle.phase):
                seen[found.kind] = seen.get(found.kind, 0) + 1
                yield pytest.param(text, found, id=f"{path.stem}/{found.kind}/{found.key}")


def same_obligation(text: str, found, today: date):
    record = parse_record(text, "r.yaml", Config().limits).record
    return next(
        (
            o
            for o in obligations(record, today, Config().thresholds)
            if (o.rule, o.path, o.due) == (found.rule, found.path, found.due)
        ),
        None,
    )


@pytest.mark.parametrize(("text", "found"), list(boundary_cases()))
def test_a_due_date_is_late_from_the_day_after(text, found):
    on_due = same_obligation(text, found, found.due)
    after = same_obligation(text, found, found.due + DAY)
    if on_due is None or after is None:
        pytest.skip("the obligation is not the same on both days (another fact changed)")
    assert (found.rule, found.path) not in findings_at(text, found.due)
    late = findings_at(text, found.due + DAY).get((found.rule, found.path))
    assert late is not None and late.due == found.due


@pytest.mark.parametrize(
    ("text", "found"), [c for c in boundary_cases() if c.values[1].error_from is not None]
)
def test_an_escalation_starts_on_its_day(text, found):
    first = found.error_from
    if first <= found.due + DAY:
        pytest.skip("an error from the first late day")
    before = same_obligation(text, found, first - DAY)
    on = same_obligation(text, found, first)
    if before is None or on is None:
        pytest.skip("the obligation is not the same on both days")
    before_first = findings_at(text, first - DAY)[(found.rule, found.path)]
    if "follows from" in before_first.message:
        pytest.skip("a note that follows from another rule's finding")
    assert before_first.severity == Severity.WARNING
    assert findings_at(text, first)[(found.rule, found.path)].severity == Severity.ERROR


# Each threshold of the base record at its boundary, with the expected day written out from
# the threshold's default (not from the code that computes it): the day before, the day it
# turns, and for escalating rules the day before and the day of the error.
BASE = (ROOT / "tests" / "rules" / "base.yaml").read_text(encoding="utf-8")
W, E = Severity.WARNING, Severity.ERROR
THRESHOLDS = [
    # last leadership meeting 2026-04-09; leadership_meeting_warn_days 365, error_days 548
    ("LEAD-02", "2027-04-09", None),
    ("LEAD-02", "2027-04-10", W),
    ("LEAD-02", "2027-10-09", W),
    ("LEAD-02", "2027-10-10", E),
    # last log entry 2026-10-02; log_stale_warn_days 90, log_stale_error_days 180
    ("COORD-03", "2026-12-31", None),
    ("COORD-03", "2027-01-01", W),
    ("COORD-03", "2027-03-31", W),
    ("COORD-03", "2027-04-01", E),
    # last self-assessment 2026-05-20; assessment_max_months 12
    ("ASM-01", "2027-05-20", None),
    ("ASM-01", "2027-05-21", W),
    # indicator measured yearly, last 2025-12-31; + 365 days + indicator_grace_days_yearly 60
    ("GOAL-04", "2027-03-01", None),
    ("GOAL-04", "2027-03-02", W),
    # action plan ends 2026-12-31; action_plan_grace_days 60
    ("GOAL-06", "2027-03-01", None),
    ("GOAL-06", "2027-03-02", W),
    # styrgrupp meets quarterly, last held 2026-09-17: 365.25 / 4 x 1.25 = 114.1 days
    ("LVL-05", "2027-01-09", None),
    ("LVL-05", "2027-01-10", W),
    # the agreement ends 2029-02-28; renewal_warn_months 12, review lead 12, error 6 months
    ("LONG-03", "2028-02-28", None),
    ("LONG-03", "2028-02-29", W),
    ("LONG-03", "2028-08-27", W),
    ("LONG-03", "2028-08-28", E),
    ("LONG-04", "2029-02-28", None),
    ("LONG-04", "2029-03-01", E),
    # the open action-plan item is due 2026-12-31
    ("COORD-05", "2026-12-31", None),
    ("COORD-05", "2027-01-01", W),
]


@pytest.mark.parametrize(("code", "day", "expected"), THRESHOLDS, ids=lambda v: str(v))
def test_each_threshold_turns_on_its_day(code, day, expected):
    today = date.fromisoformat(day)
    found = [
        f.severity
        for f in check_text(BASE, "r.yaml", Config(), Context(today)).findings
        if f.code == code and f.severity >= Severity.WARNING
    ]
    assert (max(found) if found else None) == expected


# Thresholds that are not dates, at their boundary: the record's own quantity (worked out by
# hand from base.yaml in the comment) set as the threshold, and one step either side. A row
# sets one threshold, or two where the quantity only counts once the other is fixed.
NEW_START = BASE.replace("phase: drift", "phase: nystart").replace(
    "reports:\n", "reports:\n  - {type: evaluation, date: 2023-03-01}\n"
)
QUANTITIES = [
    # SUP-03: last internal communication 2026-10-02, 57 days before 2026-11-28
    ("SUP-03", {"communication_days": 57}, False),
    ("SUP-03", {"communication_days": 56}, True),
    ("SUP-03", {"communication_days": 58}, False),
    # RES-05: last joint resource allocation 2026-06-18, 163 days before
    ("RES-05", {"resource_allocation_days": 163}, False),
    ("RES-05", {"resource_allocation_days": 162}, True),
    # RES-04: the university earmarks 0.3 FTE for coordination
    ("RES-04", {"coordinator_min_fte": 0.3}, False),
    ("RES-04", {"coordinator_min_fte": 0.31}, True),
    ("RES-04", {"coordinator_min_fte": 0.29}, False),
    # BEN-04: mean scores 4.15 and 3.95, a gap of 0.2
    ("BEN-04", {"benefit_gap_threshold": 0.2}, False),
    ("BEN-04", {"benefit_gap_threshold": 0.19}, True),
    ("BEN-04", {"benefit_gap_threshold": 0.21}, False),
    # DIV-01: four forms within the year (exjobb, industridoktorand, uppdragsutbildning ended
    # 2026-05-31 = 181 days before, evenemang ended 2026-10-01 = 58 days before)
    ("DIV-01", {"min_distinct_forms": 4}, False),
    ("DIV-01", {"min_distinct_forms": 5}, True),
    ("DIV-01", {"min_distinct_forms": 4, "activity_window_days": 181}, False),
    ("DIV-01", {"min_distinct_forms": 4, "activity_window_days": 180}, True),
    # DIV-02: the forms reach education and research
    ("DIV-02", {"min_form_groups": 2}, False),
    ("DIV-02", {"min_form_groups": 3}, True),
    # DIV-03: two domains; social science only through activities that ended 58 and 181
    # days before
    ("DIV-03", {"min_domains": 2}, False),
    ("DIV-03", {"min_domains": 3}, True),
    ("DIV-03", {"activity_window_days": 58}, False),
    ("DIV-03", {"activity_window_days": 57}, True),
    # ASM-02: the lowest score of the self-assessment is 3.9
    ("ASM-02", {"assessment_concern_threshold": 3.9}, False),
    ("ASM-02", {"assessment_concern_threshold": 3.91}, True),
    ("ASM-02", {"assessment_concern_threshold": 3.89}, False),
    # LONG-01: the agreement 2023-03-01 to 2029-02-28 is exactly six years, with renewal
    ("LONG-01", {"min_period_years": 6, "min_agreement_years": 7}, False),
    ("LONG-01", {"min_period_years": 6.01, "min_agreement_years": 7}, True),
    ("LONG-01", {"min_period_years": 7, "min_agreement_years": 6}, False),
    ("LONG-01", {"min_period_years": 7, "min_agreement_years": 6.01}, True),
    # LEAD-04's note: both sponsors started 2023-02-15, 1,382 days before 2026-11-28
    ("LEAD-04", {"sponsor_change_days": 1382}, True),
    ("LEAD-04", {"sponsor_change_days": 1381}, False),
]
# ASM-03 in a new start since 2024-03-01 with an evaluation dated 2023-03-01, 12 months before
NEW_START_QUANTITIES = [
    ("ASM-03", {"evaluation_before_new_start_months": 12}, False),
    ("ASM-03", {"evaluation_before_new_start_months": 11}, True),
]


@pytest.mark.parametrize(
    ("text", "code", "values", "reported"),
    [(BASE, *row) for row in QUANTITIES] + [(NEW_START, *row) for row in NEW_START_QUANTITIES],
    ids=lambda v: "" if isinstance(v, str) and len(v) > 20 else str(v),
)
def test_each_quantity_threshold_holds_at_its_boundary(text, code, values, reported):
    from partnerkit.config import Thresholds
    from partnerkit.values import replace

    config = Config(thresholds=replace(Thresholds(), **values))
    findings = check_text(text, "r.yaml", config, Context(TODAY, config.thresholds)).findings
    assert any(f.code == code for f in findings) is reported
