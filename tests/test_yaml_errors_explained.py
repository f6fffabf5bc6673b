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


# Each kind of syntax error the parser reports: a real broken record, the start of
# partnerkit's own words for it in English and in Swedish, and the parser's words.
KINDS = {
    "unclosed brace": (
        "id: x\ntitle: {sv: hej\n",
        "The '{' on line 2 is not closed with '}'",
        "'{' på rad 2 stängs aldrig med '}'",
        "expected ',' or '}', but got '<stream end>'",
    ),
    "comma missing in braces": (
        "title: {sv: hej en: hi}\n",
        "The '{' on line 1 is not closed with '}', or a ',' is missing",
        "'{' på rad 1 stängs aldrig med '}', eller så saknas ett ','",
        "expected ',' or '}', but got ':'",
    ),
    "unclosed bracket": (
        "id: x\ndomains: [a, b\nphase: drift\n",
        "The '[' on line 2 is not closed with ']'",
        "'[' på rad 2 stängs aldrig med ']'",
        "expected ',' or ']'",
    ),
    "colon in plain text": (
        "id: x\nnote: Möte: styrgrupp\n",
        "A ': ' where no new field can begin: put text that contains ': ' in quotation marks",
        "Ett ': ' där inget nytt fält kan börja: sätt text som innehåller ': ' inom citattecken",
        "mapping values are not allowed here",
    ),
    "tab": (
        "id: x\nlifecycle:\n\tphase: drift\n",
        "A tab character: YAML indents with spaces only.",
        "Ett tabbtecken: YAML drar bara in med mellanslag.",
        "found character '\\t' that cannot start any token",
    ),
    "character that starts no value": (
        "id: x\nnote: @anna\n",
        "A value cannot begin with '@': put the value in quotation marks.",
        "Ett värde kan inte börja med '@': sätt värdet inom citattecken.",
        "found character '@' that cannot start any token",
    ),
    "line without colon": (
        "id: x\ntitle\nphase: drift\n",
        "Line 2 has no ':' although it stands among fields",
        "Rad 2 saknar ':' fast den står bland fält",
        "could not find expected ':'",
    ),
    "unclosed double quote": (
        'id: x\nnote: "never closed\nphase: drift\n',
        "The quotation mark on line 2 is never closed",
        "Citattecknet på rad 2 stängs aldrig",
        "found unexpected end of stream",
    ),
    "unclosed single quote": (
        "id: x\nnote: 'never closed\n",
        "The quotation mark on line 2 is never closed",
        "Citattecknet på rad 2 stängs aldrig",
        "found unexpected end of stream",
    ),
    "bad indentation": (
        "lifecycle:\n  phase: drift\n phase_since: 2024-01-01\n",
        "The indentation does not match the lines above",
        "Indraget stämmer inte med raderna ovanför",
        "expected <block end>, but found '<block mapping start>'",
    ),
    "list item among fields": (
        "id: x\n- a\n",
        "The indentation does not match the lines above",
        "Indraget stämmer inte med raderna ovanför",
        "expected <block end>, but found '-'",
    ),
    "text after a quoted value": (
        'id: x\nnote: "Möte" med styrgruppen\n',
        "Text follows a value where nothing more can",
        "Det står text efter ett värde där inget mer får stå",
        "expected <block end>, but found '<scalar>'",
    ),
    "duplicate anchor": (
        "a: &x 1\nb: &x 2\n",
        "'&' and '*' begin anchors and aliases, which a record does not use",
        "'&' och '*' inleder ankare och alias, och sådana används inte i en post",
        "found duplicate anchor 'x'",
    ),
    "undefined alias": (
        "id: x\nowner: *anna\n",
        "'&' and '*' begin anchors and aliases",
        "'&' och '*' inleder ankare och alias",
        "found undefined alias 'anna'",
    ),
    "empty anchor": (
        "id: x\nnote: & och mer\n",
        "'&' and '*' begin anchors and aliases",
        "'&' och '*' inleder ankare och alias",
        "expected alphabetic or numeric character",
    ),
    "unknown escape": (
        'id: x\npath: "C:\\mapp"\n',
        "Inside double quotes, a backslash starts a code, and \\m is not one",
        "Inom dubbla citattecken inleder ett omvänt snedstreck en kod, och \\m är ingen sådan",
        "found unknown escape character 'm'",
    ),
    "tag": (
        "id: x\nnote: !x!y text\n",
        "'!' begins a tag, which a record does not use",
        "'!' inleder en tagg, och taggar används inte i en post",
        "found undefined tag handle '!x!'",
    ),
    "block scalar indicator": (
        "id: x\nnote: |text\n  more\n",
        "After '|' or '>' the text begins on the next line",
        "Efter '|' eller '>' börjar texten på nästa rad",
        "expected chomping or indentation indicators",
    ),
    "missing value in a list": (
        "id: x\ndomains: [a, , b]\n",
        "A value is missing here, for example between two commas.",
        "Ett värde saknas här, till exempel mellan två kommatecken.",
        "expected the node content, but found ','",
    ),
    "percent line": (
        "id: x\n%procent\n",
        "A line that begins with '%' is an instruction to YAML, not text",
        "En rad som börjar med '%' är en instruktion till YAML, inte text",
        "expected '<document start>'",
    ),
    "anything else": (
        "%YAML 1.1\n%YAML 1.1\n---\nid: x\n",
        "The YAML cannot be read here.",
        "YAML-koden går inte att läsa här.",
        "found duplicate YAML directive",
    ),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_of_syntax_error_is_explained_in_both_languages(kind):
    from partnerkit.load.strict_yaml import parse_yaml, problem_text

    text, english, swedish, parser = KINDS[kind]
    [problem] = parse_yaml(text).problems
    assert problem.code == "YAML-01"
    try:
        i18n.set_language("en")
        assert problem_text(problem).startswith(english)
        assert f"Parser says: {parser}" in problem_text(problem)
        i18n.set_language("sv")
        assert problem_text(problem).startswith(swedish)
        assert f"Tekniskt: {parser}" in problem_text(problem)
        assert english not in problem_text(problem)
    finally:
        i18n.set_language("en")


def test_a_broken_record_reads_as_swedish_in_check(cli, write, tmp_path):
    write("partnerships/x.yaml", "id: x\ntitle: {sv: hej\n")
    sv = cli("check", cwd=tmp_path, env={"PARTNERKIT_LANG": "sv"})
    assert (
        "partnerships/x.yaml:3:1  fel  YAML-01  '{' på rad 2 stängs aldrig med '}', eller så "
        "saknas ett ',' mellan fälten inom klamrarna. Tekniskt: expected ',' or '}', but got "
        "'<stream end>'"
    ) in sv.stdout
    en = cli("check", cwd=tmp_path)
    assert "YAML-01  The '{' on line 2 is not closed with '}'" in en.stdout
    assert "Parser says: expected ',' or '}'" in en.stdout
