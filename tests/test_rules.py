"""Folder-driven rule tests.

``tests/rules/<CODE>/fail-*.yaml`` must give a finding of ``<CODE>`` on every line marked
``# expect: <CODE>`` and on no other line; ``pass-*.yaml`` must give no finding of ``<CODE>``.
Every registered rule has at least one of each. The as-of date is fixed.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from partnerkit.config import Config
from partnerkit.load.pipeline import check_text
from partnerkit.rules import all_rules
from partnerkit.rules.base import Context

CASES = Path(__file__).parent / "rules"
AS_OF = date(2026, 11, 28)
EXPECT = re.compile(r"#\s*expect:\s*([A-Z]+-\d+(?:\s*,\s*[A-Z]+-\d+)*)")


def run(path: Path):
    config = Config()
    report = check_text(path.read_text(encoding="utf-8"), path.name, config, Context(AS_OF))
    return report.findings


def expected_lines(path: Path, code: str) -> list[int]:
    lines = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = EXPECT.search(line)
        if match and code in [c.strip() for c in match.group(1).split(",")]:
            lines.append(number)
    return lines


def cases(kind: str) -> list[Path]:
    return sorted(CASES.glob(f"*/{kind}-*.yaml"))


def test_base_record_is_clean():
    findings = run(CASES / "base.yaml")
    assert [(f.code, f.line, f.message) for f in findings] == []


@pytest.mark.parametrize("path", cases("fail"), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_failing_case(path: Path):
    code = path.parent.name
    findings = run(path)
    structural = [f for f in findings if f.code.split("-")[0] in {"YAML", "SCHEMA", "REF"}]
    assert structural == [], "the case itself must be a valid record"
    found = sorted({f.line for f in findings if f.code == code})
    expected = expected_lines(path, code)
    assert expected, f"mark the expected line(s) with '# expect: {code}'"
    assert found == expected


@pytest.mark.parametrize("path", cases("pass"), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_passing_case(path: Path):
    code = path.parent.name
    findings = run(path)
    structural = [f for f in findings if f.code.split("-")[0] in {"YAML", "SCHEMA", "REF"}]
    assert structural == []
    assert [f.message for f in findings if f.code == code] == []


@pytest.mark.parametrize("code", list(all_rules()))
def test_every_rule_has_cases(code: str):
    folder = CASES / code
    assert list(folder.glob("fail-*.yaml")), f"{code}: no failing case"
    assert list(folder.glob("pass-*.yaml")), f"{code}: no passing case"


@pytest.mark.parametrize("code", list(all_rules()))
def test_every_rule_is_documented(code: str):
    item = all_rules()[code]
    assert item.title and item.explanation and item.source
    assert item.bad and item.good
    assert item.phases
