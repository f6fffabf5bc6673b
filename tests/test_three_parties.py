"""Partnerships of three or more parties: every rule that looks at each party has a fixture
where only the third party fails, and a rule that looked at the first two only would fail it.

The mutation the test applies is the one that once left the suite green: each rule module is
run again with ``record.parties`` replaced by ``record.parties[:2]``.
"""

from __future__ import annotations

import inspect
import sys
from datetime import date

import pytest

from partnerkit.config import Config
from partnerkit.load.pipeline import parse_record
from partnerkit.rules import get
from partnerkit.rules.base import Context
from tests.conftest import ROOT

RULES = ROOT / "tests" / "rules"
TODAY = date(2026, 11, 28)

PER_PARTY = {
    "LEAD-01": "fail-third-party-sponsor.yaml",
    "LEAD-05": "fail-third-party-signatory.yaml",
    "LONG-05": "fail-third-party-resources.yaml",
    "GOAL-03": "fail-third-party-goal-owner.yaml",
    "GOAL-05": "fail-third-party-strategy-link.yaml",
    "BEN-01": "fail-third-party-benefit.yaml",
    "COORD-02": "fail-third-party-counterpart.yaml",
    "LVL-01": "fail-third-party-contact-pair.yaml",
    "LVL-03": "fail-three-parties-steering-group-lacks-the-third.yaml",
    "ASM-01": "fail-third-party-respondents.yaml",
    "DIV-05": "fail-third-party-unit-without-contact.yaml",
}


def record_of(code: str):
    text = (RULES / code / PER_PARTY[code]).read_text(encoding="utf-8")
    parsed = parse_record(text, "r.yaml", Config().limits)
    assert parsed.record is not None, [f.message for f in parsed.findings]
    return parsed.record


def looking_at_two_parties(code: str):
    """The rule ``code`` as it would be if its module looked at the first two parties only."""
    module = sys.modules[get(code).check.__module__]
    source = inspect.getsource(module)
    assert "record.parties" in source
    namespace: dict = {"__name__": f"{module.__name__}_two_parties"}
    exec(
        compile(source.replace("record.parties", "record.parties[:2]"), "<mutant>", "exec"),
        namespace,
    )
    return next(rule for rule in namespace["RULES"] if rule.code == code)


@pytest.mark.parametrize("code", sorted(PER_PARTY))
def test_only_the_third_party_fails_and_the_rule_says_so(code):
    record = record_of(code)
    assert len(record.parties) >= 3
    hits = list(get(code).run(record, Context(TODAY)))
    assert hits, code
    third = record.parties[2].name
    assert all(third in hit.message or code in ("LVL-03", "DIV-05") for hit in hits), [
        h.message for h in hits
    ]


@pytest.mark.parametrize("code", sorted(PER_PARTY))
def test_a_rule_that_looked_at_two_parties_would_fail_its_fixture(code):
    record = record_of(code)
    real = list(get(code).run(record, Context(TODAY)))
    mutant = list(looking_at_two_parties(code).run(record, Context(TODAY)))
    assert len(mutant) < len(real), f"{code}: the fixture does not catch a rule that skips party 3"


def test_every_rule_that_looks_at_each_party_has_a_three_party_fixture():
    from partnerkit.rules import all_rules

    looking = {
        code
        for code, rule in all_rules().items()
        if "for index, party in enumerate(record.parties)" in inspect.getsource(rule.check)
        or "for party in record.parties" in inspect.getsource(rule.check)
    }
    assert looking <= set(PER_PARTY), looking - set(PER_PARTY)
