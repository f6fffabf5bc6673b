"""`partnerkit rules` in the reader's language: sources, criteria and phases in Swedish, and
thresholds as their numbers with units, not as the names of settings."""

from __future__ import annotations

import json
import re

import pytest

from partnerkit import i18n
from partnerkit.config import Thresholds
from partnerkit.rules import all_rules
from partnerkit.rules.base import rule_text
from partnerkit.values import field_names

SETTINGS = re.compile("|".join(rf"\b{name}\b" for name in field_names(Thresholds)))
SV = {"PARTNERKIT_LANG": "sv"}


def test_the_table_names_numbers_not_settings_in_both_languages(cli, tmp_path):
    sv = cli("rules", cwd=tmp_path, env=SV)
    en = cli("rules", cwd=tmp_path)
    assert not SETTINGS.search(sv.stdout) and not SETTINGS.search(en.stdout)
    assert "efter 548" in " ".join(sv.stdout.split())
    assert "after 548 days" in " ".join(en.stdout.split())
    assert "ledningens engagemang" in sv.stdout and "leadership " not in sv.stdout
    assert "utvärdering" in sv.stdout and "utvardering" not in sv.stdout


def test_one_rule_explained_in_swedish(cli, tmp_path):
    run = cli("rules", "LEAD-02", "--lang", "sv", cwd=tmp_path)
    text = " ".join(run.stdout.split())
    assert "En varning efter 365 dagar utan strategiskt möte, ett fel efter 548 dagar." in text
    assert "allvarlighetsgrad: varning; fel efter 548 dagar" in text
    assert "kriterium: ledningens engagemang" in text
    assert "faser: drift, utvärdering, nystart" in text
    assert "källa: LiU (årligt ledningsmöte); Chalmers (två gånger om året)" in text
    # the settings to change them are still named where they are set
    assert "leadership_meeting_warn_days = 365" in text


def test_one_rule_explained_in_english(cli, tmp_path):
    run = cli("rules", "LONG-03", cwd=tmp_path)
    text = " ".join(run.stdout.split())
    assert "a warning from 12 months before the end, an error from 6 months before it" in text
    assert "severity: warning; an error from 6 months (or the agreement's notice period)" in text
    assert "source: NCUB/Lambert toolkit (start a year before" in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_rule_text_has_numbers_for_its_placeholders(lang):
    try:
        i18n.set_language(lang)
        for item in all_rules().values():
            for message_id in (item.explanation, item.escalation, item.source):
                text = rule_text(message_id)
                assert not re.search(r"\{\w+\}", text), (item.code, text)
                outside_default = text.replace("coordinator_min_fte)", "")
                assert not SETTINGS.search(outside_default), (item.code, text)
            if lang == "sv":
                assert rule_text(item.source) != item.source or "Handledning" not in item.source
    finally:
        i18n.set_language("en")


def test_numbers_with_a_decimal_comma_in_swedish():
    thresholds = Thresholds(cadence_grace_factor=1.5)
    try:
        i18n.set_language("sv")
        assert "gånger 1,5 " in rule_text(all_rules()["LVL-05"].explanation, thresholds)
        i18n.set_language("en")
        assert "times 1.5 " in rule_text(all_rules()["LVL-05"].explanation, thresholds)
    finally:
        i18n.set_language("en")


def test_json_sources_and_escalations_in_swedish(cli, tmp_path):
    run = cli("rules", "LEAD-02", "--format", "json", "--lang", "sv", cwd=tmp_path)
    [data] = json.loads(run.stdout)
    assert data["escalation"] == "fel efter 548 dagar"
    assert data["source"].startswith("LiU (årligt ledningsmöte)")
    assert data["options"] == {
        "leadership_meeting_warn_days": 365,
        "leadership_meeting_error_days": 548,
    }
