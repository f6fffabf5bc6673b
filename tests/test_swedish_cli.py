"""The command line itself in Swedish: every help text, Click's headings and its errors."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer.main

from partnerkit import i18n
from partnerkit.cli.app import app
from tests.conftest import AS_OF, BASE, ROOT

SV = {"PARTNERKIT_LANG": "sv"}
CLICK_ENGLISH = ("Usage:", "Options:", "Arguments:", "Commands:", "Show this message", "default:")


def commands() -> dict:
    return typer.main.get_command(app).commands


def squeezed(text: str) -> str:
    return "".join(text.split())


def test_a_missing_option_is_told_in_swedish(cli, tmp_path):
    run = cli("log", "x", "y", cwd=tmp_path, env=SV)
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        "Användning: partnerkit log [FLAGGOR] {post} {text}",
        "Skriv 'partnerkit log --help' för hjälp.",
        "",
        "Fel: Flaggan '--date' saknas.",
    ]


def test_a_missing_option_in_english_reads_as_click_writes_it(cli, tmp_path):
    run = cli("log", "x", "y", cwd=tmp_path)
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        "Usage: partnerkit log [OPTIONS] {record} {text}",
        "Try 'partnerkit log --help' for help.",
        "",
        "Error: Missing option '--date'.",
    ]


@pytest.mark.parametrize(
    ("args", "swedish", "english"),
    [
        (["check", "--nope"], "Fel: Flaggan finns inte: --nope", "Error: No such option: --nope"),
        (
            ["check", "--fomat", "x"],
            "Fel: Flaggan finns inte: --fomat (möjliga flaggor: --format)",
            "Error: No such option: --fomat (Possible options: --format)",
        ),
        (
            ["diff", "a", "b", "c"],
            "Fel: Oväntade extra argument (c)",
            "Error: Got unexpected extra argument(s) (c)",
        ),
        (
            ["check", "--format", "nope"],
            "Fel: Ogiltigt värde för --format: använd något av: text, concise, json, github, "
            "sarif, junit",
            "Error: Invalid value for --format: use one of: text, concise, json, github, sarif, "
            "junit",
        ),
        (
            ["followup", "--horizon", "abc"],
            "Fel: Ogiltigt värde för '--horizon': 'abc' är inget giltigt heltal.",
            "Error: Invalid value for '--horizon': 'abc' is not a valid int range.",
        ),
        (
            ["followup", "--horizon", "5000"],
            "Fel: Ogiltigt värde för '--horizon': 5000 ligger inte i intervallet 0<=x<=3650.",
            "Error: Invalid value for '--horizon': 5000 is not in the range 0<=x<=3650.",
        ),
        (
            ["chek"],
            "Fel: Kommandot 'chek' finns inte. Menade du 'check', 'schema'?",
            "Error: No such command 'chek'. Did you mean 'check', 'schema'?",
        ),
        (["log"], "Fel: Argumentet 'post' saknas.", "Error: Missing argument 'record'."),
        (
            ["check", "--as-of"],
            "Fel: Flaggan '--as-of' kräver ett värde.",
            "Error: Option '--as-of' requires an argument.",
        ),
        (
            ["check", "--quiet=3"],
            "Fel: Flaggan '--quiet' tar inget värde.",
            "Error: Option '--quiet' does not take a value.",
        ),
    ],
)
def test_click_errors_in_both_languages(cli, tmp_path, args, swedish, english):
    sv = cli(*args, cwd=tmp_path, env=SV)
    assert sv.exit_code == 2
    assert sv.stderr.splitlines()[-1] == swedish
    assert not any(word in sv.stderr for word in ("Usage", "Error", "Try "))
    en = cli(*args, cwd=tmp_path)
    assert en.exit_code == 2
    assert en.stderr.splitlines()[-1] == english


@pytest.mark.parametrize(
    "args", [["check", "--help"], ["check", "--help", "--lang", "sv"], ["check", "--lang=sv", "-h"]]
)
def test_help_in_swedish_with_the_environment_or_lang(cli, tmp_path, args):
    env = SV if "sv" not in " ".join(args) else {}
    if "-h" in args:
        args = [a if a != "-h" else "--help" for a in args]
    run = cli(*args, cwd=tmp_path, env=env)
    assert run.exit_code == 0
    assert run.stdout.startswith("Användning: partnerkit check [FLAGGOR] [sökvägar]...")
    for heading in ("Argument:", "Flaggor:", "Visa den här hjälpen och avsluta.", "[standard:"):
        assert heading in run.stdout
    assert "--as-of <text>" in run.stdout and "-o, --output <fil>" in run.stdout
    assert not any(word in run.stdout for word in CLICK_ENGLISH)


def test_the_app_help_in_swedish(cli, tmp_path):
    run = cli("--help", cwd=tmp_path, env=SV)
    assert run.stdout.startswith("Användning: partnerkit [FLAGGOR] KOMMANDO [ARGUMENT]...")
    assert "Kommandon:" in run.stdout
    assert "Håll ordning på strategiska partnerskap" in run.stdout
    assert not any(word in run.stdout for word in CLICK_ENGLISH)


@pytest.mark.parametrize("name", sorted(commands()))
def test_every_help_text_of_every_command_is_shown_in_swedish(cli, tmp_path, name):
    command = commands()[name]
    texts = [command.help] + [p.help for p in command.params if p.help]
    run = cli(name, "--help", cwd=tmp_path, env=SV)
    assert run.exit_code == 0
    i18n.set_language("sv")
    try:
        for text in texts:
            swedish = i18n._(text)
            assert swedish != text, f"no Swedish for {text!r}"
            assert squeezed(swedish.partition("\n\n")[0]) in squeezed(run.stdout)
    finally:
        i18n.set_language("en")
    assert not any(word in run.stdout for word in CLICK_ENGLISH)


def test_every_argument_has_a_placeholder_in_the_catalog():
    """The usage line shows arguments as ``{post}``: each one's ``{name}`` is a message id
    (``plan new`` and other subcommands included)."""
    import typer.main

    from partnerkit.cli.app import app
    from partnerkit.cli.click_messages import METAVARS

    def leaves(command):
        for child in getattr(command, "commands", {}).values():
            yield from leaves(child)
        if not hasattr(command, "commands"):
            yield command

    names = {
        param.name
        for command in leaves(typer.main.get_command(app))
        for param in command.params
        if param.param_type_name == "argument"
    }
    assert len(names) > 15
    assert {f"{{{name}}}" for name in names} <= set(METAVARS)


@pytest.mark.parametrize("name", sorted(commands()))
def test_english_help_is_unchanged(cli, tmp_path, name):
    command = commands()[name]
    run = cli(name, "--help", cwd=tmp_path)
    assert run.stdout.startswith(f"Usage: partnerkit {name} [OPTIONS]")
    assert squeezed(command.help.partition("\n\n")[0]) in squeezed(run.stdout)
    assert "Show this message and exit." in run.stdout
    assert "Användning" not in run.stdout


def test_version_reads_no_catalog():
    code = (
        "import sys, io; from partnerkit.cli.app import run; from partnerkit import i18n;"
        "sys.stdout = io.StringIO(); code = run(['--version']); sys.stdout = sys.__stdout__;"
        "print(code, type(i18n._translation).__name__,"
        " 'pydantic' in sys.modules, 'partnerkit.cli.click_messages' in sys.modules)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PARTNERKIT_LANG": "sv", "PATH": ""},
        check=True,
    )
    assert run.stdout.split() == ["0", "NullTranslations", "False", "False"]


ONE_ERROR = BASE + "colour: red\n"  # an unknown field: one error, as of AS_OF


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "### partnerkit: 1 error, 0 warnings in 1 record"),
        ("sv", "### partnerkit: 1 fel, 0 varningar i 1 post"),
    ],
)
def test_the_step_summary_counts_in_the_singular(cli, write, tmp_path, lang, expected):
    write("partnerships/r.yaml", ONE_ERROR)
    summary = tmp_path / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), "PARTNERKIT_LANG": lang}
    cli("check", "--as-of", AS_OF, cwd=tmp_path, env=env)
    assert summary.read_text(encoding="utf-8").splitlines()[0] == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "### partnerkit: 2 errors, 0 warnings in 2 records"),
        ("sv", "### partnerkit: 2 fel, 0 varningar i 2 poster"),
    ],
)
def test_the_step_summary_counts_in_the_plural(cli, write, tmp_path, lang, expected):
    write("partnerships/r.yaml", ONE_ERROR)
    write("partnerships/s.yaml", ONE_ERROR.replace("id: base-nordverk", "id: other"))
    summary = tmp_path / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), "PARTNERKIT_LANG": lang}
    cli("check", "--as-of", AS_OF, cwd=tmp_path, env=env)
    assert summary.read_text(encoding="utf-8").splitlines()[0] == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "1 error in 1 of 1 record checked."),
        ("sv", "1 fel i 1 av 1 kontrollerad post."),
    ],
)
def test_the_check_summary_line_counts_in_the_singular(cli, write, tmp_path, lang, expected):
    write("partnerships/r.yaml", ONE_ERROR)
    run = cli("check", "--as-of", AS_OF, cwd=tmp_path, env={"PARTNERKIT_LANG": lang})
    assert run.stdout.splitlines()[-1] == expected


def test_more_problems_than_shown_counts_in_the_singular():
    from partnerkit.load import validate

    locator = type("L", (), {"position": lambda self, path: None})()
    try:
        i18n.set_language("en")
        one = validate._more(1, "r.yaml", locator, ())
        two = validate._more(2, "r.yaml", locator, ())
        assert one.message.startswith("1 more problem of the record format is not shown")
        assert two.message.startswith("2 more problems of the record format are not shown")
    finally:
        i18n.set_language("en")


def test_a_vocabulary_default_is_shown_by_its_label(cli, tmp_path):
    sv = cli("new", "--help", cwd=tmp_path, env=SV)
    assert "[standard: offentlig sektor]" in sv.stdout
    assert "offentlig_sektor" not in sv.stdout
    en = cli("close", "--help", cwd=tmp_path)
    assert "[default: done]" in en.stdout


@pytest.mark.parametrize(
    ("lang", "horizon", "expected"),
    [
        ("sv", "1", "Uppföljning per 2026-11-28 (snart aktuellt: inom 1 dag)"),
        ("sv", "2", "Uppföljning per 2026-11-28 (snart aktuellt: inom 2 dagar)"),
        ("en", "1", "Follow-up as of 2026-11-28 (due soon: within 1 day)"),
        ("en", "2", "Follow-up as of 2026-11-28 (due soon: within 2 days)"),
    ],
)
def test_the_followup_heading_counts_its_days(cli, write, tmp_path, lang, horizon, expected):
    write("partnerships/base.yaml", BASE)
    run = cli(
        "followup",
        "--horizon",
        horizon,
        "--as-of",
        AS_OF,
        cwd=tmp_path,
        env={"PARTNERKIT_LANG": lang},
    )
    assert run.stdout.splitlines()[0] == expected
