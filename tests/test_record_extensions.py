"""The record extensions the steering-group brief rests on: the meeting a decision or action
item goes to (``goes_to``), the use of earmarked resources per year (``used``) and a status
comment per goal (``status_comment``) — in the model, the schema, the reference check, the
edit commands, the examples, the annual report and the export."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest

from partnerkit.config import Config
from partnerkit.economy import balance, balances, totals
from partnerkit.load.pipeline import check_text
from partnerkit.record.models import Resource
from partnerkit.rules.base import Context
from tests.conftest import AS_OF, BASE, ROOT

DECISION = "status: done, closed: 2025-12-15}\n"
SEED = "    purpose: seed-projekt\n"


def findings(text: str):
    return check_text(text, "r.yaml", Config(), Context(date.fromisoformat(AS_OF))).findings


def test_the_schema_describes_the_new_fields():
    schema = json.loads((ROOT / "schema" / "partnership.schema.json").read_text())
    defs = schema["$defs"]
    assert set(defs["GoesTo"]["required"]) == {"body", "meeting"}
    assert "goes_to" in defs["Decision"]["properties"]
    assert "goes_to" in defs["ActionItem"]["properties"]
    assert "used" in defs["Resource"]["properties"]
    assert defs["ResourceUse"]["properties"]["period"]["minimum"] == 1900
    assert "status_comment" in defs["Goal"]["properties"]


def test_a_decision_that_goes_to_an_unknown_body_is_a_reference_finding():
    decision = (
        "  - {id: d-x, date: 2026-11-01, text: Till styrgruppen, "
        "goes_to: {body: styrgruppen, meeting: 2026-12-10}}\n"
    )
    [problem] = [
        f for f in findings(BASE.replace(DECISION, DECISION + decision)) if f.code == "REF-01"
    ]
    assert "'styrgruppen' is not the id of any governance body" in problem.message
    assert "Did you mean 'styrgrupp'?" in problem.message
    good = decision.replace("body: styrgruppen", "body: styrgrupp")
    assert not [f for f in findings(BASE.replace(DECISION, DECISION + good)) if f.code == "REF-01"]


@pytest.mark.parametrize(
    ("use", "code"),
    [
        ("[{period: 2026, amount: -1}]", "SCHEMA"),
        ("[{period: 26, amount: 100}]", "SCHEMA"),
        ("[{period: '2026', amount: 100}]", "SCHEMA"),
        ("[{period: 2026}]", "SCHEMA"),
        ("[{period: 2026, amount: 100, spent: 3}]", "SCHEMA"),
    ],
)
def test_use_is_validated(use, code):
    text = BASE.replace(SEED, SEED + f"    used: {use}\n", 1)
    assert any(f.code.startswith(code) for f in findings(text)), use


def test_the_use_of_each_year_against_a_yearly_earmark_and_a_total():
    yearly = Resource.model_validate(
        {
            "id": "r",
            "side": "eu",
            "level": "operativ",
            "kind": "money",
            "amount": 300000.0,
            "unit": "SEK_per_year",
            "used": [{"period": 2025, "amount": 290000.0}, {"period": 2026, "amount": 120000.0}],
        }
    )
    assert (balance(yearly, 2026).used, balance(yearly, 2026).remaining) == (120000, 180000)
    assert (balance(yearly, 2027).used, balance(yearly, 2027).remaining) == (None, None)
    total = yearly.model_copy(update={"unit": "SEK", "amount": 500000.0})
    assert (balance(total, 2025).used, balance(total, 2025).remaining) == (290000, 210000)
    assert (balance(total, 2026).used, balance(total, 2026).remaining) == (410000, 90000)


def test_the_totals_per_party_and_for_all_parties_keep_units_apart():
    from partnerkit.config import Limits
    from partnerkit.load.pipeline import parse_record

    text = (ROOT / "partnerships" / "eu-nordverk.yaml").read_text(encoding="utf-8")
    record = parse_record(text, "eu-nordverk.yaml", Limits()).record
    rows = balances(record, 2026)
    assert [(t.side, t.unit, t.earmarked, t.used, t.remaining) for t in totals(rows)] == [
        ("eu", "SEK_per_year", 1800000, 1240000, 560000),
        ("eu", "FTE", 0.5, 0.5, 0.0),
        ("nordverk", "SEK_per_year", 4500000, 3900000, 600000),
        ("", "SEK_per_year", 6300000, 5140000, 1160000),
    ]


def test_the_examples_use_the_new_fields():
    text = (ROOT / "partnerships" / "eu-nordverk.yaml").read_text(encoding="utf-8")
    assert "goes_to: {body: styrgrupp, meeting: 2026-12-10, proposal: fastställa" in text
    assert "status_comment:" in text and "used:" in text


# --- the edit commands ------------------------------------------------------------------


@pytest.fixture
def nordverk(tmp_path):
    folder = tmp_path / "partnerships"
    folder.mkdir()
    record = folder / "eu-nordverk.yaml"
    shutil.copy(ROOT / "partnerships" / "eu-nordverk.yaml", record)
    return tmp_path, record


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    import difflib

    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def test_decide_names_the_meeting_it_goes_to(cli, nordverk):
    cwd, record = nordverk
    before = record.read_text(encoding="utf-8")
    args = ("decide", "eu-nordverk", "Budget 2027 bereds", "--date", "2026-12-01")
    result = cli(*args, "--to-body", "styrgrupp", "--to-meeting", "2027-03-11", cwd=cwd)
    assert result.exit_code == 0, result.output
    assert changed_lines(before, record.read_text(encoding="utf-8")) == (
        [],
        [
            "  - {id: d-2026-06, date: 2026-12-01, text: Budget 2027 bereds, "
            "goes_to: {body: styrgrupp, meeting: 2027-03-11}}"
        ],
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--to-body", "styrgrup", "--to-meeting", "2027-03-11"), "Did you mean 'styrgrupp'?"),
        (("--to-body", "styrgrupp"), "give both --to-body and --to-meeting"),
        (("--to-meeting", "2027-03-11"), "give both --to-body and --to-meeting"),
    ],
)
def test_decide_with_a_bad_meeting_exits_2_and_writes_nothing(cli, nordverk, options, message):
    cwd, record = nordverk
    before = record.read_bytes()
    result = cli("decide", "eu-nordverk", "X", "--date", "2026-12-01", *options, cwd=cwd)
    assert result.exit_code == 2 and message in result.stderr
    assert record.read_bytes() == before


def test_use_adds_a_year_then_updates_it(cli, nordverk):
    cwd, record = nordverk
    before = record.read_text(encoding="utf-8")
    result = cli("use", "eu-nordverk", "r-eu-samordnare", "0,4", "--period", "2027", cwd=cwd)
    assert result.exit_code == 0, result.output
    assert "Recorded the use of r-eu-samordnare in 2027: 0.4." in result.stdout
    assert changed_lines(before, record.read_text(encoding="utf-8")) == (
        ["    used: [{period: 2025, amount: 0.5}, {period: 2026, amount: 0.5}]"],
        [
            "    used: [{period: 2025, amount: 0.5}, {period: 2026, amount: 0.5}, "
            "{period: 2027, amount: 0.4}]"
        ],
    )
    middle = record.read_text(encoding="utf-8")
    result = cli(
        "use", "eu-nordverk", "r-eu-strategiska-medel", "1,320", "--period", "2026", cwd=cwd
    )
    assert result.exit_code == 2 and "1800 rather than 1,800" in result.output  # reads two ways
    assert record.read_text(encoding="utf-8") == middle
    result = cli(
        "use",
        "eu-nordverk",
        "r-eu-strategiska-medel",
        "1 320 000",  # grouped as the brief writes it
        "--period",
        "2026",
        "--note",
        "Utfall till och med november",
        cwd=cwd,
    )
    assert result.exit_code == 0, result.output
    assert changed_lines(middle, record.read_text(encoding="utf-8")) == (
        ["      - {period: 2026, amount: 1240000, note: Utfall till och med oktober}"],
        ["      - {period: 2026, amount: 1320000, note: Utfall till och med november}"],
    )


def test_use_of_an_unknown_resource_exits_2(cli, nordverk):
    cwd, _record = nordverk
    result = cli("use", "eu-nordverk", "r-okand", "5", "--period", "2026", cwd=cwd)
    assert result.exit_code == 2
    assert "There is no resource with the id r-okand in this record." in result.stderr


def test_comment_sets_and_replaces_a_goals_status_comment(cli, nordverk):
    cwd, record = nordverk
    before = record.read_text(encoding="utf-8")
    result = cli("comment", "eu-nordverk", "g-kompetens", "Enligt plan.", cwd=cwd)
    assert result.exit_code == 0, result.output
    removed, added = changed_lines(before, record.read_text(encoding="utf-8"))
    assert removed == [
        "    status_comment: I fas med målet; två nya AI-doktorander började i september."
    ]
    assert added == ["    status_comment: Enligt plan."]
    result = cli("comment", "eu-nordverk", "g-testbadd", "Klart 2024.", cwd=cwd)
    assert result.exit_code == 0, result.output
    assert (
        "owners: {eu: p-prof-prod, nordverk: p-nv-prod}, status: achieved, "
        "status_comment: Klart 2024.}" in (record.read_text(encoding="utf-8"))
    )


# --- the annual report and the export ----------------------------------------------------


def test_the_annual_report_shows_use_remaining_and_the_goal_comment(cli, tmp_path):
    args = ("report", "--partnership", "eu-nordverk", "--as-of", "2026-11-30")
    sv = cli(*args, "--lang", "sv", cwd=ROOT)
    assert sv.exit_code == 0, sv.output
    assert "| Mandat hos | Utfall 2026 | Kvar |" in sv.stdout
    assert "| Johan Ekdahl | 1\u00a0240\u00a0000 | 560\u00a0000 |" in sv.stdout
    assert "Status: Stoppen minskar varje kvartal sedan pilotmodellen togs i drift." in sv.stdout
    assert "Öronmärkt, utfall och kvar 2026, per part och enhet" in sv.stdout
    assert (
        "| Alla parter | 6\u00a0300\u00a0000 kr per år | 5\u00a0140\u00a0000 "
        "| 1\u00a0160\u00a0000 |" in sv.stdout
    )
    en = cli(*args, "--lang", "en", cwd=ROOT).stdout
    assert "| Mandate holder | Used 2026 | Remaining |" in en
    assert "| Johan Ekdahl | 1,240,000 | 560,000 |" in en
    assert "| Nordverk AB | 4,500,000 SEK per year | 3,900,000 | 600,000 |" in en
    page = tmp_path / "r.html"
    assert cli(*args, "--lang", "en", "--html", str(page), cwd=ROOT).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert (
        '<td class="party-cell">All parties</td><td class="num">6,300,000 SEK per year</td>' in html
    )


def test_the_export_has_the_goal_status_comment(cli, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "export.xlsx"
    result = cli("export", "--as-of", "2026-11-30", "-o", str(out), cwd=ROOT)
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out)["goals_indicators"]
    rows = list(sheet.iter_rows(values_only=True))
    column = rows[0].index("goal_status_comment")
    comments = {row[1]: row[column] for row in rows[1:] if row[0] == "eu-nordverk"}
    assert comments["g-ai"] == "Stoppen minskar varje kvartal sedan pilotmodellen togs i drift."
    assert comments["g-testbadd"] in ("", None)


def test_decide_with_a_proposal_and_a_meeting_with_time_and_place(cli, nordverk):
    cwd, record = nordverk
    before = record.read_text(encoding="utf-8")
    result = cli(
        "decide",
        "eu-nordverk",
        "Budget 2027",
        "--date",
        "2026-12-01",
        "--to-body",
        "styrgrupp",
        "--to-meeting",
        "2027-03-11",
        "--to-proposal",
        "fastställa budget 2027",
        cwd=cwd,
    )
    assert result.exit_code == 0, result.output
    result = cli(
        "meeting",
        "eu-nordverk",
        "styrgrupp",
        "--date",
        "2027-06-10",
        "--status",
        "planned",
        "--time",
        "13.00–15.00",
        "--place",
        "Sal B, Nordhamn",
        cwd=cwd,
    )
    assert result.exit_code == 0, result.output
    removed, added = changed_lines(before, record.read_text(encoding="utf-8"))
    assert removed == []
    assert added == [
        '      - {date: 2027-06-10, status: planned, time: 13.00–15.00, place: "Sal B, Nordhamn"}',
        "  - {id: d-2026-06, date: 2026-12-01, text: Budget 2027, goes_to: {body: styrgrupp, "
        "meeting: 2027-03-11, proposal: fastställa budget 2027}}",
    ]
    result = cli(
        "decide", "eu-nordverk", "X", "--date", "2026-12-01", "--to-proposal", "y", cwd=cwd
    )
    assert result.exit_code == 2
    for wrong in (
        ("--to-about", "action_plan"),
        ("--to-body", "styrgrupp", "--to-meeting", "2027-03-11", "--to-about", "budget"),
    ):
        result = cli("decide", "eu-nordverk", "X", "--date", "2026-12-01", *wrong, cwd=cwd)
        assert result.exit_code == 2 and "Traceback" not in result.output
    result = cli(
        "decide",
        "eu-nordverk",
        "Utvärdering",
        "--date",
        "2026-12-01",
        "--to-body",
        "styrgrupp",
        "--to-meeting",
        "2027-03-11",
        "--to-about",
        "renewal",
        "--dry-run",
        cwd=cwd,
    )
    assert "goes_to: {body: styrgrupp, meeting: 2027-03-11, about: renewal}}" in result.stdout


def test_the_export_has_the_use_of_each_resource_per_year(cli, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "export.xlsx"
    assert cli("export", "--as-of", "2026-11-30", "-o", str(out), cwd=ROOT).exit_code == 0
    sheet = load_workbook(out)["resources"]
    header, *rows = list(sheet.iter_rows(values_only=True))
    named = [dict(zip(header, row, strict=True)) for row in rows]
    seed = [
        (r["year"], r["amount"], r["used"], r["remaining"])
        for r in named
        if r["resource_id"] == "r-eu-strategiska-medel" and r["partnership_id"] == "eu-nordverk"
    ]
    assert seed == [(2025, 1800000, 1650000, 150000), (2026, 1800000, 1240000, 560000)]
    testbana = [r for r in named if r["resource_id"] == "r-nv-testbana"]
    assert [(r["year"], r["used"]) for r in testbana] == [(None, None)]
