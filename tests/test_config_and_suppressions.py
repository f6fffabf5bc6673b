"""partnerkit.toml (rule selection, severities, thresholds), suppressions and --fail-on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT

BASE = (ROOT / "tests" / "rules" / "base.yaml").read_text(encoding="utf-8")
NO_PARTNER_SPONSOR = BASE.replace(
    "  - {person_id: p-vd, side: nv, role: vd, from: 2023-02-15}\n", ""
)
OLD_COUNCIL = BASE.replace(
    "      - {date: 2026-04-09, attendees: [p-rektor, p-vd], brief_ref: underlag-2026.pdf, "
    "brief_sent: 2026-03-30, minutes_ref: protokoll-2026.pdf, minutes_date: 2026-04-16}\n",
    "      - {date: 2025-10-01, attendees: [p-rektor, p-vd], brief_ref: underlag-2026.pdf, "
    "brief_sent: 2025-09-22, minutes_ref: protokoll-2026.pdf, minutes_date: 2025-10-08}\n",
)
ONLY_LEAD = '[rules]\nselect = ["LEAD"]\n'  # isolates these tests from other rule families


def codes(output: str) -> set[str]:
    return {word for word in output.split() if word[:4].isalpha() and "-" in word[3:6]}


@pytest.fixture
def record(write):
    def _record(text: str, toml: str | None = None) -> Path:
        if toml is not None:
            write("partnerkit.toml", toml)
        return write("partnerships/r.yaml", text)

    return _record


def test_warning_does_not_fail_by_default(cli, record, tmp_path):
    assert OLD_COUNCIL != BASE
    record(OLD_COUNCIL, ONLY_LEAD)
    result = cli("check", "--as-of", "2026-11-28", cwd=tmp_path)
    assert "LEAD-02" in result.stdout and "warning" in result.stdout
    assert result.exit_code == 0


def test_fail_on_warning_and_never(cli, record, tmp_path):
    record(OLD_COUNCIL, ONLY_LEAD)
    assert (
        cli("check", "--as-of", "2026-11-28", "--fail-on", "warning", cwd=tmp_path).exit_code == 1
    )
    record(NO_PARTNER_SPONSOR)
    assert cli("check", "--as-of", "2026-11-28", cwd=tmp_path).exit_code == 1
    assert cli("check", "--as-of", "2026-11-28", "--fail-on", "never", cwd=tmp_path).exit_code == 0


def test_as_of_changes_date_rules(cli, record, tmp_path):
    record(OLD_COUNCIL, ONLY_LEAD)
    assert "LEAD-02" not in cli("check", "--as-of", "2026-09-01", cwd=tmp_path).stdout
    warned = cli("check", "--as-of", "2026-11-28", cwd=tmp_path)
    assert "LEAD-02" in warned.stdout and warned.exit_code == 0
    late = cli("check", "--as-of", "2027-04-15", cwd=tmp_path)
    assert "LEAD-02" in late.stdout and late.exit_code == 1  # past the error threshold


def test_bad_as_of_exits_2(cli, record, tmp_path):
    record(BASE)
    assert cli("check", "--as-of", "2026-02-30", cwd=tmp_path).exit_code == 2
    assert cli("check", "--as-of", "28/11/2026", cwd=tmp_path).exit_code == 2


def test_ignore_by_code_and_family(cli, record, tmp_path):
    record(NO_PARTNER_SPONSOR, '[rules]\nignore = ["LEAD-01"]\n')
    assert "LEAD-01" not in cli("check", "--as-of", "2026-11-28", cwd=tmp_path).stdout
    record(NO_PARTNER_SPONSOR, '[rules]\nignore = ["LEAD"]\n')
    assert not any(c.startswith("LEAD") for c in codes(cli("check", cwd=tmp_path).stdout))


def test_select_only_some_rules(cli, record, tmp_path):
    record(NO_PARTNER_SPONSOR, '[rules]\nselect = ["LEAD-02"]\n')
    out = cli("check", "--as-of", "2026-11-28", cwd=tmp_path).stdout
    assert "LEAD-01" not in out


def test_severity_override(cli, record, tmp_path):
    record(NO_PARTNER_SPONSOR, '[rules.severity]\n"LEAD-01" = "warning"\n')
    result = cli("check", "--as-of", "2026-11-28", cwd=tmp_path)
    assert "LEAD-01" in result.stdout and result.exit_code == 0
    record(NO_PARTNER_SPONSOR, '[rules.severity]\nLEAD = "off"\n')
    assert "LEAD-01" not in cli("check", "--as-of", "2026-11-28", cwd=tmp_path).stdout


def test_threshold_from_config(cli, record, tmp_path):
    record(OLD_COUNCIL, "[thresholds]\nleadership_meeting_warn_days = 500\n")
    assert "LEAD-02" not in cli("check", "--as-of", "2026-11-28", cwd=tmp_path).stdout


def test_explicit_config_file(cli, record, write, tmp_path):
    record(NO_PARTNER_SPONSOR)
    other = write("elsewhere/custom.toml", '[rules]\nignore = ["LEAD-01"]\n')
    out = cli("check", "--config", str(other), "--as-of", "2026-11-28", cwd=tmp_path).stdout
    assert "LEAD-01" not in out


@pytest.mark.parametrize(
    ("toml", "named"),
    [
        ("colour = 1\n", "colour"),
        ("[thresholds]\nmin_domain = 2\n", "thresholds.min_domain"),
        ('[thresholds]\nmin_domains = "two"\n', "thresholds.min_domains"),
        ("[thresholds]\nmin_domains = 1.5\n", "thresholds.min_domains"),
        ('[rules]\nignore = "LEAD-01"\n', "rules.ignore"),
        ('[rules]\nignore = ["NOPE-01"]\n', "NOPE-01"),
        ('[rules.severity]\n"LEAD-01" = "fatal"\n', "rules.severity.LEAD-01"),
        ("[rules\n", "not valid TOML"),
    ],
)
def test_config_errors_exit_2_naming_the_key(cli, record, tmp_path, toml, named):
    record(BASE, toml)
    result = cli("check", cwd=tmp_path)
    assert result.exit_code == 2
    assert named in result.stderr
    assert "Traceback" not in result.output


def test_wrong_severity_is_explained_in_either_language(cli, record, tmp_path):
    record(BASE, '[rules.severity]\n"LEAD-01" = "fatal"\n')
    swedish = cli("check", "--lang", "sv", cwd=tmp_path).stderr
    assert "måste vara något av: error, warning, info, off" in swedish
    english = cli("check", "--lang", "en", cwd=tmp_path).stderr
    assert "must be one of: error, warning, info, off" in english


def test_missing_explicit_config_exits_2(cli, record, tmp_path):
    record(BASE)
    result = cli("check", "--config", str(tmp_path / "none.toml"), cwd=tmp_path)
    assert result.exit_code == 2


def test_suppression_with_reason_hides_the_finding(cli, record, tmp_path):
    text = NO_PARTNER_SPONSOR + (
        "suppressions:\n"
        "  - rule: LEAD-01\n"
        "    reason: Nordverks nya vd utses i december; beslut i styrelsen 2026-12-15\n"
    )
    record(text)
    result = cli("check", "--as-of", "2026-11-28", cwd=tmp_path)
    assert "LEAD-01" not in result.stdout
    assert "META-01" not in result.stdout
    assert result.exit_code == 0


def test_suppression_needs_a_reason(cli, record, tmp_path):
    record(NO_PARTNER_SPONSOR + "suppressions:\n  - rule: LEAD-01\n")
    result = cli("check", "--as-of", "2026-11-28", cwd=tmp_path)
    assert "SCHEMA-02" in result.stdout and "'reason'" in result.stdout
    assert result.exit_code == 1


def test_unused_suppression_is_a_finding(cli, record, tmp_path):
    text = BASE + "suppressions:\n  - {rule: LEAD-01, reason: Tillfälligt}\n"
    record(text)
    result = cli("check", "--as-of", "2026-11-28", cwd=tmp_path)
    assert "META-01" in result.stdout
    line = text.splitlines().index("  - {rule: LEAD-01, reason: Tillfälligt}") + 1
    assert f"r.yaml:{line}:" in result.stdout


def test_rules_list_and_json(cli):
    table = cli("rules")
    assert table.exit_code == 0 and "LEAD-01" in table.stdout
    data = json.loads(cli("rules", "--format", "json").stdout)
    assert {"code", "criterion", "severity", "phases", "title"} <= set(data[0])
    assert all(item["code"] for item in data)
    assert len({item["code"] for item in data}) == len(data)


def test_rule_explained_in_both_languages(cli):
    en = cli("rules", "LEAD-02")
    assert en.exit_code == 0
    assert "leadership_meeting_warn_days = 365" in en.stdout
    assert "fails:" in en.stdout and "passes:" in en.stdout
    sv = cli("rules", "lead-02", "--lang", "sv")
    assert sv.exit_code == 0 and sv.stdout != en.stdout


def test_unknown_rule_exits_2(cli):
    result = cli("rules", "NOPE-99")
    assert result.exit_code == 2 and "NOPE-99" in result.stderr
