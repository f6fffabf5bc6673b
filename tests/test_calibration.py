"""Rules that cried wolf or stayed too quiet, calibrated: each case with its fixture."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from partnerkit.config import Config
from partnerkit.findings import Severity
from partnerkit.load.pipeline import check_text
from partnerkit.rules import all_rules, get
from partnerkit.rules.base import Context
from tests.conftest import EXAMPLES, ROOT
from tests.test_followup import AS_OF, BASE, edit, in_phase, replace_section

RULES = ROOT / "tests" / "rules"
TODAY = date.fromisoformat(AS_OF)


def findings(text: str, today: date = TODAY):
    return check_text(text, "r.yaml", Config(), Context(today)).findings


def severities(path: Path, code: str) -> list[Severity]:
    return [f.severity for f in findings(path.read_text(encoding="utf-8")) if f.code == code]


# ---------------------------------------------------------------- LVL-03


def test_a_theme_group_without_the_third_party_is_a_warning():
    case = RULES / "LVL-03" / "fail-three-parties-theme-group-lacks-the-third.yaml"
    assert severities(case, "LVL-03") == [Severity.WARNING]


def test_a_steering_group_without_the_third_party_is_an_error():
    case = RULES / "LVL-03" / "fail-three-parties-steering-group-lacks-the-third.yaml"
    assert severities(case, "LVL-03") == [Severity.ERROR]


def test_with_two_parties_every_joint_body_needs_both():
    case = RULES / "LVL-03" / "fail-working-group-without-members.yaml"
    assert set(severities(case, "LVL-03")) == {Severity.ERROR}


def test_an_internal_group_is_not_judged_but_a_joint_one_is():
    case = RULES / "LVL-03" / "pass-internal-coordination-group.yaml"
    assert severities(case, "LVL-03") == []
    joint = case.read_text(encoding="utf-8").replace("    internal: true\n", "")
    assert [f.code for f in findings(joint)].count("LVL-03") == 1


# ---------------------------------------------------------------- LONG-01


def test_no_agreement_in_drift_is_an_error_said_as_such():
    case = RULES / "LONG-01" / "fail-no-agreement-in-drift.yaml"
    [finding] = [f for f in findings(case.read_text(encoding="utf-8")) if f.code == "LONG-01"]
    assert finding.severity == Severity.ERROR
    assert finding.message.startswith("There is no agreement")
    assert "0 years" not in finding.message


def test_no_agreement_while_starting_up_is_a_warning():
    text = replace_section(in_phase(BASE, "uppstart"), "agreements", "")
    [finding] = [f for f in findings(text) if f.code == "LONG-01"]
    assert finding.severity == Severity.WARNING


# ---------------------------------------------------------------- RES-05


def test_a_word_in_free_text_is_not_an_allocation_but_a_reference_is():
    fail = RULES / "RES-05" / "fail-a-word-in-free-text-is-no-allocation.yaml"
    assert severities(fail, "RES-05") == [Severity.INFO]
    passing = RULES / "RES-05" / "pass-decision-on-resources.yaml"
    assert "refs: [r-forskning]" in passing.read_text(encoding="utf-8")
    assert severities(passing, "RES-05") == []


# ---------------------------------------------------------------- RES-04


def test_res_04_says_its_default_threshold():
    rule = get("RES-04")
    from partnerkit.config import Thresholds

    default = Thresholds().coordinator_min_fte
    assert f"{default:g} FTE" in rule.explanation and "coordinator_min_fte" in rule.explanation


# ---------------------------------------------------------------- closing


@pytest.fixture
def closing(tmp_path):
    folder = tmp_path / "partnerships"
    folder.mkdir()
    shutil.copy(EXAMPLES / "eu-stiftelsen-exempelhemmet.yaml", folder)
    return tmp_path


def test_closing_is_refused_while_things_are_open(cli, closing):
    record = closing / "partnerships" / "eu-stiftelsen-exempelhemmet.yaml"
    before = record.read_bytes()
    args = ("phase", "eu-stiftelsen-exempelhemmet", "avslutad", "--date", "2026-12-31")
    result = cli(*args, cwd=closing)
    assert result.exit_code == 2, result.output
    assert "The partnership cannot be closed yet:" in result.stderr
    assert "d-2026-04" in result.stderr and "a-volontarstudie" in result.stderr
    assert "--force --reason" in result.stderr
    assert record.read_bytes() == before
    assert cli(*args, "--force", cwd=closing).exit_code == 2  # a reason is needed
    assert record.read_bytes() == before
    reason = "Styrgruppen beslöt 2026-12-09 att avsluta trots öppen arkivfråga"
    forced = cli(*args, "--force", "--reason", reason, cwd=closing)
    assert forced.exit_code == 0, forced.output
    text = record.read_text(encoding="utf-8")
    assert f"exception: {reason}" in text
    assert "phase: avslutad" in text
    assert cli("check", str(record), "--as-of", "2026-12-31", cwd=closing).exit_code in (0, 1)


def test_closing_without_blockers_needs_no_force(cli, write, tmp_path):
    text = edit(
        in_phase(BASE, "avveckling"),
        ("reports:\n", "reports:\n  - {type: closure_report, date: 2026-11-15}\n"),
        ("due: 2026-12-31}", "due: 2026-12-31, status: done}"),
    )
    text = text.replace("status: ongoing", "status: completed, end: 2026-10-31")
    write("partnerships/r.yaml", text)
    closing_codes = ("CLOSE-01", "CLOSE-02", "CLOSE-03")
    assert not [f for f in findings(text, date(2026, 12, 1)) if f.code in closing_codes]
    result = cli("phase", "base-nordverk", "avslutad", "--date", "2026-12-01", cwd=tmp_path)
    assert result.exit_code == 0, result.output


# ---------------------------------------------------------------- severities as documented


def documented(code: str, phase: str) -> set[Severity]:
    rule = get(code)
    return {rule.severity_in(phase)}


def test_check_never_contradicts_the_severity_rules_lists():
    cases = [*sorted(RULES.glob("*/*.yaml")), *sorted(EXAMPLES.glob("*.yaml"))]
    surprises = []
    for path in cases:
        text = path.read_text(encoding="utf-8")
        report = check_text(text, path.name, Config(), Context(TODAY), keep_record=True)
        if report.record is None:
            continue
        phase = report.record.lifecycle.phase
        for finding in report.findings:
            rule = get(finding.code)
            if rule is None or finding.severity in documented(finding.code, phase):
                continue
            follows = finding.message.endswith(".)") and "follows from" in finding.message
            if not rule.escalation and not follows:
                surprises.append((path.name, finding.code, finding.severity.label))
    assert surprises == []


def test_rules_shows_where_a_rule_escalates(cli):
    out = cli("rules", "LVL-03").stdout
    assert "three or more parties" in out.split("severity:")[1].splitlines()[0]
    table = cli("rules").stdout
    assert "an error after 548 days" in " ".join(table.split())
    escalating = [rule.code for rule in all_rules().values() if rule.escalation]
    assert {"LEAD-02", "LONG-03", "COORD-03", "DIV-04", "LVL-04", "LVL-03"} <= set(escalating)
