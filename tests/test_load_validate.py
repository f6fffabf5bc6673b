"""Model validation and references: each problem is a finding at the right line."""

from __future__ import annotations

from datetime import date

from partnerkit.config import Config
from partnerkit.load.pipeline import check_text
from partnerkit.rules.base import Context
from tests.conftest import MINIMAL

STRUCTURAL = {"FILE", "YAML", "SCHEMA", "REF"}


def at(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """1-based line and column of the ``nth`` occurrence of ``needle`` in ``text``."""
    index = -1
    for _ in range(nth):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def findings(text: str):
    config = Config()
    report = check_text(text, "r.yaml", config, Context(date(2026, 11, 28), config.thresholds))
    structural = [f for f in report.findings if f.code.split("-")[0] in STRUCTURAL]
    return [(f.code, f.line, f.col) for f in structural], report


def test_minimal_record_is_clean():
    found, report = findings(MINIMAL)
    assert found == []
    assert report.record_id == "uni-nordverk"


def test_unknown_key_suggests_the_right_one():
    text = MINIMAL.replace("title:", "titel:")
    found, report = findings(text)
    codes = [f[0] for f in found]
    assert ("SCHEMA-01", *at(text, "titel")) in found
    assert "SCHEMA-02" in codes  # title is then missing
    unknown = next(f for f in report.findings if f.code == "SCHEMA-01")
    assert "Did you mean 'title'?" in unknown.message


def test_unknown_nested_key_points_at_the_key():
    text = MINIMAL.replace("    sector: naringsliv\n", "    sector: naringsliv\n    sectr: x\n")
    found, report = findings(text)
    assert found == [("SCHEMA-01", *at(text, "sectr"))]
    assert "Did you mean 'sector'?" in report.findings[0].message


def test_missing_field_points_at_its_parent():
    text = MINIMAL.replace("    name: Nordverk AB\n", "")
    found, report = findings(text)
    assert found == [("SCHEMA-02", *at(text, "- id: nv"))] or found == [
        ("SCHEMA-02", *at(text, "id: nv"))
    ]
    assert "'name'" in report.findings[0].message


def test_impossible_date_is_a_finding():
    text = MINIMAL.replace("2024-01-01", "2026-02-30")
    found, report = findings(text)
    assert found == [("SCHEMA-04", *at(text, "2026-02-30"))]
    assert "2026-02-30" in report.findings[0].message


def test_date_in_another_format():
    text = MINIMAL.replace("2024-01-01", "20240101")
    found, _ = findings(text)
    assert found == [("SCHEMA-04", *at(text, "20240101"))]


def test_vocabulary_value_lists_choices_and_suggests():
    text = MINIMAL.replace("phase: drift", "phase: drfit")
    found, report = findings(text)
    assert found == [("SCHEMA-03", *at(text, "drfit"))]
    assert "Did you mean 'drift'?" in report.findings[0].message
    assert "avveckling" in report.findings[0].message


def test_yes_is_not_a_boolean():
    text = MINIMAL + "ethics:\n  publication_freedom: yes\n"
    found, report = findings(text)
    assert found == [("SCHEMA-05", *at(text, "yes"))]
    assert "true or false" in report.findings[0].message


def test_number_where_text_expected():
    text = MINIMAL.replace("name: Anna Exempel", "name: 12")
    found, report = findings(text)
    assert found == [("SCHEMA-05", *at(text, "12"))]
    assert "quotes" in report.findings[0].message


def test_nan_rejected():
    text = (
        MINIMAL + "resources:\n  - {id: r1, side: eu, level: operativ, kind: money, amount: .nan}\n"
    )
    found, _ = findings(text)
    assert [f[0] for f in found] == ["SCHEMA-03"]


def test_bad_id_format():
    text = MINIMAL.replace("id: p-anna", "id: P Anna")
    found, report = findings(text)
    assert found == [("SCHEMA-03", *at(text, "P Anna"))]
    assert "lower-case" in report.findings[0].message


def test_too_few_parties():
    text = MINIMAL.replace(
        "  - id: nv\n    name: Nordverk AB\n    role: partner\n    sector: naringsliv\n", ""
    )
    found, _ = findings(text)
    assert found == [("SCHEMA-03", *at(text, "parties:"))]


def test_unresolved_references_are_found_where_they_are():
    text = MINIMAL + (
        "leadership:\n"
        "  - {person_id: p-ana, side: eu, role: rektor}\n"
        "goals:\n"
        "  - id: g1\n"
        "    title: Kompetens\n"
        "    owners: {eu: p-anna, xx: p-anna}\n"
    )
    found, report = findings(text)
    assert ("REF-01", *at(text, "p-ana,")) in found
    assert ("REF-01", *at(text, "xx:")) in found
    assert len(found) == 2
    by_line = {f.line: f.message for f in report.findings}
    assert "Did you mean 'p-anna'?" in by_line[at(text, "p-ana,")[0]]


def test_reference_in_a_list():
    text = (
        MINIMAL
        + "activities:\n  - id: a1\n    title: Exjobb\n"
        + "    form: examensarbete\n    goal_ids: [g9]\n"
    )
    found, _ = findings(text)
    assert found == [("REF-01", *at(text, "g9"))]


def test_duplicate_ids_inside_a_record():
    text = MINIMAL + "  - id: p-anna\n    name: Anna Annan\n    side: nv\n"
    found, _ = findings(text)
    assert found == [("REF-02", *at(text, "p-anna", 2))]


def test_yaml_problems_and_schema_problems_in_one_run():
    text = MINIMAL.replace("id: uni-nordverk", "id: uni-nordverk\nid: again") + "colour: red\n"
    found, _ = findings(text)
    assert ("YAML-02", *at(text, "id: again")) in found
    assert ("SCHEMA-01", *at(text, "colour")) in found
