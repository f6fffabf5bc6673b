"""Input in Swedish: options and prompts take a vocabulary value as its slug or as its label in
either language, with or without å, ä, ö, and the record stores the slug."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from partnerkit import i18n
from partnerkit.record.vocab import VOCABULARIES, UnknownTerm, _folded, parse_term
from tests.conftest import AS_OF, BASE


@pytest.mark.parametrize(
    ("vocabulary", "text", "slug"),
    [
        ("sector", "näringsliv", "naringsliv"),
        ("sector", "Näringsliv", "naringsliv"),
        ("sector", "NARINGSLIV", "naringsliv"),
        ("sector", "business and industry", "naringsliv"),
        ("sector", "offentlig sektor", "offentlig_sektor"),
        ("sector", "Idéburen  sektor", "ideburen_sektor"),
        ("sector", "public sector", "offentlig_sektor"),
        ("phase", "utvärdering", "utvardering"),
        ("phase", "Evaluation", "utvardering"),
        ("phase", "utvardering", "utvardering"),
        ("log_type", "möte", "meeting"),
        ("log_type", "Resursfördelning", "resource_allocation"),
        ("status", "genomfört", "held"),
        ("instrument", "hälsokontroll av alliansen", "alliance_health_check"),
        ("level", "strategisk nivå", "strategisk"),
        ("form", "Examensarbete", "examensarbete"),
    ],
)
def test_a_vocabulary_value_by_slug_or_label(vocabulary, text, slug):
    assert parse_term(vocabulary, text) == slug


def test_no_two_values_of_a_vocabulary_are_spelt_alike():
    for vocabulary, terms in VOCABULARIES.items():
        spelt: dict[str, str] = {}
        for slug, term in terms.items():
            for spelling in {_folded(slug), _folded(term.sv), _folded(term.en)}:
                assert spelt.setdefault(spelling, slug) == slug, (vocabulary, spelling)


def test_an_unknown_value_is_told_with_the_labels_of_the_accepted_values():
    try:
        i18n.set_language("sv")
        with pytest.raises(UnknownTerm) as swedish:
            parse_term("sector", "industri")
        assert str(swedish.value) == (
            "använd något av: näringsliv, offentlig sektor, idéburen sektor, akademi"
        )
        i18n.set_language("en")
        with pytest.raises(UnknownTerm) as english:
            parse_term("status", "open", allowed=("done", "cancelled"))
        assert str(english.value) == "use one of: done, cancelled"
    finally:
        i18n.set_language("en")


NEW = (
    "new",
    "eu-test",
    "--title",
    "Partnerskap",
    "--university",
    "Exempeluniversitetet",
    "--university-id",
    "eu",
    "--partner",
    "Åbergs Bygg AB",
    "--coordinator",
    "Anna Exempel",
    "--since",
    "2026-01-01",
)


def test_new_takes_swedish_spellings_and_stores_slugs(cli, tmp_path):
    run = cli(
        *NEW,
        "--sector",
        "näringsliv",
        "--phase",
        "utvärdering",
        "--university-sector",
        "Offentlig sektor",
        cwd=tmp_path,
        env={"PARTNERKIT_LANG": "sv"},
    )
    assert run.exit_code == 0, run.output
    text = (tmp_path / "partnerships" / "eu-test.yaml").read_text(encoding="utf-8")
    assert "sector: naringsliv" in text and "phase: utvardering" in text
    assert "sector: offentlig_sektor" in text


def test_new_refuses_an_unknown_sector_naming_the_labels(cli, tmp_path):
    run = cli(
        *NEW,
        "--sector",
        "industri",
        "--phase",
        "drift",
        cwd=tmp_path,
        env={"PARTNERKIT_LANG": "sv"},
    )
    assert run.exit_code == 2
    assert run.stderr.splitlines()[-1] == (
        "Fel: Ogiltigt värde för --sector: använd något av: näringsliv, offentlig sektor, "
        "idéburen sektor, akademi"
    )
    assert not (tmp_path / "partnerships").exists()


def test_new_prompts_with_swedish_labels_and_takes_swedish_answers(monkeypatch, tmp_path):
    from partnerkit.cli import edit as commands_edit
    from partnerkit.cli.app import app

    monkeypatch.setattr(commands_edit, "_interactive", lambda: True)
    monkeypatch.chdir(tmp_path)
    # "industri" is no sector: asked again, then answered with the Swedish label
    answers = (
        "\n".join(
            ("Partnerskap X", "Exempeluniversitetet", "Nordverk AB", "industri", "Näringsliv")
        )
        + "\nutvärdering\nEmma\n"
    )
    result = CliRunner().invoke(
        app, ["new", "eu-x", "--since", "2026-01-01"], input=answers, env={"PARTNERKIT_LANG": "sv"}
    )
    assert result.exit_code == 0, result.output
    assert "Partnerns sektor (näringsliv, offentlig sektor, idéburen sektor, akademi):" in (
        result.output
    )
    assert "använd något av: näringsliv, offentlig sektor, idéburen sektor, akademi" in (
        result.output
    )
    text = (tmp_path / "partnerships" / "eu-x.yaml").read_text(encoding="utf-8")
    assert "sector: naringsliv" in text and "phase: utvardering" in text


@pytest.fixture
def record(tmp_path):
    folder = tmp_path / "partnerships"
    folder.mkdir()
    (folder / "base.yaml").write_text(BASE, encoding="utf-8")
    return tmp_path


def test_phase_and_log_take_swedish_labels(cli, record):
    sv = {"PARTNERKIT_LANG": "sv"}
    run = cli("phase", "base-nordverk", "utvärdering", "--date", AS_OF, cwd=record, env=sv)
    assert run.exit_code == 0, run.output
    run = cli("log", "base-nordverk", "Ringde", "--date", AS_OF, "--type", "Kontakt", cwd=record)
    assert run.exit_code == 0, run.output
    text = (record / "partnerships" / "base.yaml").read_text(encoding="utf-8")
    assert "phase: utvardering" in text
    assert "type: contact" in text
