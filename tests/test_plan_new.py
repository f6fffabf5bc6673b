"""`partnerkit plan new ID --from-last`: a draft action plan for the coming period with the
open items of the last one, written through the byte-preserving edit like every edit."""

from __future__ import annotations

import difflib
import shutil

import pytest

from tests.conftest import BASE, ROOT


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "partnerships").mkdir()
    return tmp_path


def added_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def test_the_next_plan_holds_the_open_items_of_the_last(cli, folder):
    record = folder / "partnerships" / "eu-nordverk.yaml"
    shutil.copy(ROOT / "partnerships" / "eu-nordverk.yaml", record)
    before = record.read_text(encoding="utf-8")
    result = cli("plan", "new", "eu-nordverk", "--from-last", cwd=folder)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == (
        "partnerships/eu-nordverk.yaml:348: Added a draft action plan for 2027-01-01 – "
        "2027-12-31 with 1 open item of the last one."
    )
    assert added_lines(before, record.read_text(encoding="utf-8")) == (
        [],
        [
            "  - period: {from: 2027-01-01, to: 2027-12-31}",
            "    items:",
            "      - {id: ap27-1, title: Gemensam ansökan i kompetenscentrumprogrammets "
            "utlysning, goal_ids: [g-el], responsible: {eu: p-prof-el, nordverk: p-fou-chef}}",
        ],
    )  # ap26-1 and ap26-2 are done, ap26-4 cancelled
    assert cli("check", "--as-of", "2026-11-30", cwd=folder).exit_code == 0
    brief = cli(
        "brief",
        "eu-nordverk",
        "--body",
        "styrgrupp",
        "--as-of",
        "2026-11-30",
        "--format",
        "markdown",
        "--lang",
        "sv",
        cwd=folder,
    ).stdout
    # the council's d-2026-04 is about the action plan: the draft joins its matter
    assert "Ett utkast till handlingsplan för 2027 finns i dokumentationen, med 1 öppen " in brief
    assert "**Underlag:** d-2026-04, utkastet till handlingsplan 2027" in brief
    assert "Nästa handlingsplan" not in brief and "### 4.3" not in brief
    again = cli("plan", "new", "eu-nordverk", "--from-last", cwd=folder)
    assert again.exit_code == 2
    assert "The last action plan (2027-01-01 – 2027-12-31) is a draft" in again.stderr
    same = cli("plan", "new", "eu-nordverk", "--from-last", "--period", "2027", cwd=folder)
    assert same.exit_code == 2
    assert "There is already an action plan for a period from 2027-01-01 to 2027-12-31." in (
        same.stderr
    )


def test_a_plan_for_a_chosen_year_and_a_dry_run(cli, folder):
    record = folder / "partnerships" / "r.yaml"
    record.write_text(BASE, encoding="utf-8")
    result = cli(
        "plan", "new", "base-nordverk", "--from-last", "--period", "2028", "--dry-run", cwd=folder
    )
    assert result.exit_code == 0, result.output
    assert "+  - period: {from: 2028-01-01, to: 2028-12-31}" in result.stdout
    assert "(dry run: nothing was written)" in result.stdout
    assert record.read_text(encoding="utf-8") == BASE


def test_a_plan_that_is_not_a_calendar_year_is_followed_by_as_many_months(cli, folder):
    text = BASE.replace(
        "  - period: {from: 2026-01-01, to: 2026-12-31}",
        "  - period: {from: 2025-07-01, to: 2026-06-30}",
    )
    record = folder / "partnerships" / "r.yaml"
    record.write_text(text, encoding="utf-8")
    result = cli("plan", "new", "base-nordverk", "--from-last", cwd=folder)
    assert result.exit_code == 0, result.output
    _removed, added = added_lines(text, record.read_text(encoding="utf-8"))
    assert added[0] == "  - period: {from: 2026-07-01, to: 2027-06-30}"
    assert added[2].startswith("      - {id: ap26-1, title: Fler examensarbeten")


@pytest.mark.parametrize(
    ("text", "args", "message"),
    [
        (BASE, (), "give --from-last"),
        (BASE, ("--from-last", "--period", "2026"), "There is already an action plan"),
        (
            BASE.replace(
                "  - period: {from: 2026-01-01, to: 2026-12-31}\n",
                "  - period: {from: 2026-01-01}\n",
            ),
            ("--from-last",),
            "There is no action plan with an end date to continue from",
        ),
        (BASE, ("--from-last", "--period", "26"), "26"),
    ],
)
def test_what_cannot_be_done_exits_2_and_writes_nothing(cli, folder, text, args, message):
    record = folder / "partnerships" / "r.yaml"
    record.write_text(text, encoding="utf-8")
    result = cli("plan", "new", "base-nordverk", *args, cwd=folder)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert record.read_text(encoding="utf-8") == text


def test_plan_new_keeps_crlf_line_endings(cli, folder):
    record = folder / "partnerships" / "r.yaml"
    record.write_bytes(BASE.replace("\n", "\r\n").encode("utf-8"))
    result = cli("plan", "new", "base-nordverk", "--from-last", cwd=folder)
    assert result.exit_code == 0, result.output
    data = record.read_bytes()
    assert b"\r\n  - period: {from: 2027-01-01, to: 2027-12-31}\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")
