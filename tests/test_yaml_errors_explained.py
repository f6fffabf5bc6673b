"""A broken record's YAML error, explained in the reader's language: partnerkit's own words
for each kind of problem the parser reports, the parser's text only as a detail."""

from __future__ import annotations

import pytest

from partnerkit import i18n


@pytest.fixture
def swedish():
    i18n.set_language("sv")
    yield
    i18n.set_language("en")


def test_an_empty_text_is_never_translated(swedish):
    assert i18n._("") == ""
    assert i18n._("Unknown field '{field}'.") == "Okänt fält '{field}'."


def test_a_yaml_error_in_swedish_ends_without_the_catalog_header(cli, write, tmp_path):
    write("partnerships/x.yaml", "id: x\ntitle: {sv: hej\n")
    run = cli("check", cwd=tmp_path, env={"PARTNERKIT_LANG": "sv"})
    assert run.exit_code == 1
    assert "YAML-01" in run.stdout
    assert "Project-Id-Version" not in run.output
    assert "Content-Type" not in run.output


def test_the_language_is_chosen_without_reading_the_catalog():
    i18n.set_language("en")
    i18n.set_language("sv")
    try:
        assert i18n._translation is None  # read on the first message, not before
        assert i18n._("The file is empty.") != "The file is empty."
        assert i18n._translation is not None
    finally:
        i18n.set_language("en")
