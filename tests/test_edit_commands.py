"""The edit commands change exactly the bytes they mean to, in LF, CRLF and BOM files.

Each case runs a command on ``tests/edit_cases/odd.yaml`` (comments, odd quoting, block and
flow styles, an indentless list, a literal block) and compares the whole file, byte for byte,
with the original plus the expected replacements. The expectations are written for LF; for
the CRLF variants both sides are converted, so a new line with a bare ``\\n`` would fail.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from partnerkit.config import Config
from partnerkit.edit.session import blocking_findings
from tests.conftest import ROOT

ODD = (ROOT / "tests" / "edit_cases" / "odd.yaml").read_text(encoding="utf-8")
BOM = b"\xef\xbb\xbf"
VARIANTS = {
    "lf": ("\n", False, True),
    "crlf": ("\r\n", False, True),
    "crlf-bom": ("\r\n", True, True),
    "lf-no-final-newline": ("\n", False, False),
}


def encoded(text: str, eol: str, bom: bool, final_newline: bool) -> bytes:
    if not final_newline:
        assert text.endswith("\n")
        text = text[:-1]
    return (BOM if bom else b"") + text.replace("\n", eol).encode("utf-8")


def replaced(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.fixture(params=sorted(VARIANTS))
def odd(request, tmp_path: Path):
    """(folder, record path, expect) for one line-ending variant of odd.yaml."""
    eol, bom, final_newline = VARIANTS[request.param]
    folder = tmp_path / "partnerships"
    folder.mkdir()
    record = folder / "odd.yaml"
    record.write_bytes(encoded(ODD, eol, bom, final_newline))

    def expect(new_text: str) -> bytes:
        return encoded(new_text, eol, bom, final_newline)

    return tmp_path, record, expect


def run_ok(cli, cwd: Path, *args: str):
    result = cli(*args, cwd=cwd)
    assert result.exit_code == 0, result.output
    return result


LAST_LOG = (
    '  - {date: 2026-06-01, type: note, summary: "Uppföljning: klar", author: p-anna, '
    "refs: [p-anna, styrgrupp]}\n"
)
FIRST_LOG_END = "      träffades.\n    author: p-anna\n"
DECISION = (
    "  - {id: d-2026-01, date: 2026-03-12, body_id: styrgrupp, text: 'Exjobbsrutin tas fram', "
    "owner: p-anna, due: 2026-09-30}\n"
)
MEETINGS = (
    "    meetings: [{date: 2026-03-12, attendees: [p-bo, p-cilla, p-anna]}, "
    "{date: 2026-12-10, status: planned}]\n"
)


def test_log_appends_one_line_with_text_verbatim(cli, odd):
    cwd, record, expect = odd
    text = 'Möte: "utkast" [v2], #3 – åäö \\ klart'
    result = run_ok(
        cli,
        cwd,
        "log",
        "odd-nordverk",
        text,
        "--date",
        "2026-12-01",
        "--type",
        "meeting",
        "--author",
        "p-bo",
    )
    new_line = (
        '  - {date: 2026-12-01, type: meeting, summary: "Möte: \\"utkast\\" [v2], #3 – åäö '
        '\\\\ klart", author: p-bo}\n'
    )
    assert record.read_bytes() == expect(replaced(ODD, (LAST_LOG, LAST_LOG + new_line)))
    assert "odd.yaml:70: Added a log entry (meeting) dated 2026-12-01." in result.stdout


def test_log_diff_has_only_added_lines(cli, odd):
    cwd, record, _expect = odd
    before = record.read_bytes().decode("utf-8-sig")
    run_ok(cli, cwd, "log", "odd-nordverk", "Kort notering", "--date", "2026-12-01")
    after = record.read_bytes().decode("utf-8-sig")
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), n=0))
    changes = [line for line in diff[2:] if not line.startswith("@@")]
    assert changes == ["+  - {date: 2026-12-01, type: note, summary: Kort notering}"]


def test_log_keeps_date_order_and_the_neighbours_block_style(cli, odd):
    cwd, record, expect = odd
    run_ok(cli, cwd, "log", "odd-nordverk", "Mellan", "--date", "2026-05-20", "--ref", "d-2026-01")
    block = "  - date: 2026-05-20\n    type: note\n    summary: Mellan\n    refs: [d-2026-01]\n"
    assert record.read_bytes() == expect(replaced(ODD, (FIRST_LOG_END, FIRST_LOG_END + block)))


def test_log_before_every_entry(cli, odd):
    cwd, record, expect = odd
    run_ok(cli, cwd, "log", "odd-nordverk", "yes", "--date", "2026-01-01")
    first = "followup_log:\n  - date: 2026-05-02\n"
    block = '  - date: 2026-01-01\n    type: note\n    summary: "yes"\n'
    assert record.read_bytes() == expect(
        replaced(ODD, (first, "followup_log:\n" + block + "  - date: 2026-05-02\n"))
    )


def test_meeting_records_a_planned_meeting_and_its_decisions(cli, odd):
    cwd, record, expect = odd
    result = run_ok(
        cli,
        cwd,
        "meeting",
        "odd-nordverk",
        "styrgrupp",
        "--date",
        "2026-12-10",
        "--attendee",
        "p-bo",
        "--attendee",
        "p-cilla",
        "--decision",
        "Rutinen antas: nu.",
        "--minutes",
        "protokoll/sg 2026-12-10.pdf",
    )
    meetings = (
        "    meetings: [{date: 2026-03-12, attendees: [p-bo, p-cilla, p-anna]}, "
        "{date: 2026-12-10, status: held, attendees: [p-bo, p-cilla], "
        "minutes_ref: protokoll/sg 2026-12-10.pdf, decision_ids: [d-2026-02]}]\n"
    )
    decision = (
        '  - {id: d-2026-02, date: 2026-12-10, body_id: styrgrupp, text: "Rutinen antas: nu."}\n'
    )
    assert record.read_bytes() == expect(
        replaced(ODD, (MEETINGS, meetings), (DECISION, DECISION + decision))
    )
    assert "as held. Added decision d-2026-02." in result.stdout


def test_meeting_goes_between_meetings_by_date(cli, odd):
    cwd, record, expect = odd
    run_ok(
        cli,
        cwd,
        "meeting",
        "odd-nordverk",
        "styrgrupp",
        "--date",
        "2026-09-17",
        "--status",
        "cancelled",
    )
    meetings = MEETINGS.replace(
        "{date: 2026-12-10", "{date: 2026-09-17, status: cancelled}, {date: 2026-12-10"
    )
    assert record.read_bytes() == expect(replaced(ODD, (MEETINGS, meetings)))


def test_close_adds_status_and_date(cli, odd):
    cwd, record, expect = odd
    run_ok(cli, cwd, "close", "odd-nordverk", "d-2026-01", "--date", "2026-10-01")
    closed = DECISION.replace(
        "due: 2026-09-30}", "due: 2026-09-30, status: done, closed: 2026-10-01}"
    )
    assert record.read_bytes() == expect(replaced(ODD, (DECISION, closed)))


def test_decide_adds_an_open_decision(cli, odd):
    cwd, record, expect = odd
    run_ok(
        cli,
        cwd,
        "decide",
        "odd-nordverk",
        "Ny rutin för exjobb",
        "--date",
        "2026-11-01",
        "--owner",
        "p-bo",
        "--due",
        "2027-01-31",
        "--body",
        "styrgrupp",
    )
    new = (
        "  - {id: d-2026-02, date: 2026-11-01, body_id: styrgrupp, text: Ny rutin för exjobb, "
        "owner: p-bo, due: 2027-01-31}\n"
    )
    assert record.read_bytes() == expect(replaced(ODD, (DECISION, DECISION + new)))


def test_activity_in_the_block_style_of_its_neighbour(cli, odd):
    cwd, record, expect = odd
    run_ok(
        cli,
        cwd,
        "activity",
        "odd-nordverk",
        "Exjobb: vätgas, 'lagring'",
        "--form",
        "examensarbete",
        "--contact",
        "eu=p-bo",
        "--start",
        "2027-01-15",
        "--volume",
        "2",
    )
    anchor = "    contacts: {eu: p-anna, nv: p-cilla}\n    status: ongoing\n"
    block = (
        "  - id: a-exjobb-vatgas-lagring\n"
        "    title: \"Exjobb: vätgas, 'lagring'\"\n"
        "    form: examensarbete\n"
        "    contacts: {eu: p-bo}\n"
        "    start: 2027-01-15\n"
        "    status: planned\n"
        "    volume: 2\n"
    )
    assert record.read_bytes() == expect(replaced(ODD, (anchor, anchor + block)))


@pytest.mark.parametrize(("given", "written"), [("7", "7"), ("3,5", "3.5"), ("0.25", "0.25")])
def test_measure_adds_the_missing_list_inside_a_flow_mapping(cli, odd, given, written):
    cwd, record, expect = odd
    run_ok(cli, cwd, "measure", "odd-nordverk", "i-exjobb", given, "--date", "2026-12-31")
    old = "baseline: {date: 2024-01-01, value: 4}}"
    new = (
        "baseline: {date: 2024-01-01, value: 4}, "
        f"measurements: [{{date: 2026-12-31, value: {written}}}]}}"
    )
    assert record.read_bytes() == expect(replaced(ODD, (old, new)))


def test_phase_records_the_history(cli, odd):
    cwd, record, expect = odd
    run_ok(
        cli,
        cwd,
        "phase",
        "odd-nordverk",
        "utvardering",
        "--date",
        "2026-12-01",
        "--decision",
        "d-2026-01",
    )
    old = "lifecycle: {phase: drift, phase_since: 2024-03-01}"
    new = (
        "lifecycle: {phase: utvardering, phase_since: 2026-12-01, history: "
        "[{phase: drift, from: 2024-03-01}, "
        "{phase: utvardering, from: 2026-12-01, decision_id: d-2026-01}]}"
    )
    assert record.read_bytes() == expect(replaced(ODD, (old, new)))


def test_assess_adds_the_missing_section_with_blank_lines(cli, odd):
    cwd, record, expect = odd
    run_ok(
        cli,
        cwd,
        "assess",
        "odd-nordverk",
        "--date",
        "2026-12-15",
        "--instrument",
        "rag_checklist",
        "--scale",
        "rag",
        "--score",
        "eu:Styrning=green",
        "--respondents",
        "eu:styrgrupp=3",
        "--summary",
        "Ok: bra",
    )
    section = (
        "\nassessments:\n"
        "  - {date: 2026-12-15, instrument: rag_checklist, scale: rag, respondents: "
        "[{side: eu, role: styrgrupp, n: 3}], scores: [{dimension: Styrning, side: eu, "
        'value: green}], summary: "Ok: bra"}\n\n'
    )
    assert record.read_bytes() == expect(replaced(ODD, (DECISION, DECISION + section)))


def test_a_path_works_as_well_as_an_id(cli, odd):
    cwd, record, _expect = odd
    run_ok(cli, cwd, "log", str(record), "Via sökväg", "--date", "2026-12-01")
    assert "Via sökväg" in record.read_text(encoding="utf-8-sig")


def test_dry_run_shows_the_diff_and_writes_nothing(cli, odd):
    cwd, record, _expect = odd
    before = record.read_bytes()
    result = run_ok(cli, cwd, "log", "odd-nordverk", "Prov", "--date", "2026-12-01", "--dry-run")
    assert "+  - {date: 2026-12-01, type: note, summary: Prov}" in result.stdout
    assert "nothing was written" in result.stdout
    assert record.read_bytes() == before


# --- refusals -------------------------------------------------------------------------------


def test_an_edit_that_would_break_a_reference_writes_nothing(cli, odd):
    cwd, record, _expect = odd
    before = record.read_bytes()
    result = cli("log", "odd-nordverk", "x", "--date", "2026-12-01", "--author", "p-bob", cwd=cwd)
    assert result.exit_code == 1
    assert "REF-01" in result.stderr and "Did you mean 'p-bo'?" in result.stderr
    assert "nothing was written" in result.stderr
    assert record.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("log", "no-such-id", "x", "--date", "2026-12-01"), "There is no partnership"),
        (("log", "odd-nordverk", "x", "--date", "2026-13-01"), "YYYY-MM-DD"),
        (("log", "odd-nordverk", "x", "--date", "2026-12-01", "--type", "chat"), "--type"),
        (("meeting", "odd-nordverk", "styrelse", "--date", "2026-12-01"), "styrgrupp"),
        (("meeting", "odd-nordverk", "styrgrupp", "--date", "2026-03-12"), "already has"),
        (("close", "odd-nordverk", "d-2026-09", "--date", "2026-12-01"), "d-2026-01"),
        (("measure", "odd-nordverk", "i-exjob", "4", "--date", "2026-12-01"), "i-exjobb"),
        (("measure", "odd-nordverk", "i-exjobb", "fyra", "--date", "2026-12-01"), "number"),
        (("phase", "odd-nordverk", "drift", "--date", "2026-12-01"), "already in the phase"),
        (("phase", "odd-nordverk", "nystart", "--date", "2020-01-01"), "before the current"),
        (("assess", "odd-nordverk", "--date", "2026-12-01", "--instrument", "x"), "--instrument"),
        (
            (
                "assess",
                "odd-nordverk",
                "--date",
                "2026-12-01",
                "--instrument",
                "custom",
                "--score",
                "Styrning=4",
            ),
            "SIDE:DIMENSION=VALUE",
        ),
    ],
)
def test_cannot_run_exits_2_and_writes_nothing(cli, odd, args, message):
    cwd, record, _expect = odd
    before = record.read_bytes()
    result = cli(*args, cwd=cwd)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert record.read_bytes() == before


def test_a_broken_record_is_not_edited(cli, tmp_path):
    folder = tmp_path / "partnerships"
    folder.mkdir()
    broken = folder / "broken.yaml"
    broken.write_text('id: broken\ntitle: {sv: "open\n', encoding="utf-8")
    result = cli("log", "broken", "x", "--date", "2026-12-01", cwd=tmp_path)
    assert result.exit_code == 1
    assert "has errors already" in result.stderr and "YAML-01" in result.stderr
    assert broken.read_text(encoding="utf-8") == 'id: broken\ntitle: {sv: "open\n'


def test_every_edit_result_is_a_valid_record(cli, odd):
    cwd, record, _expect = odd
    for args in (
        ("log", "odd-nordverk", "a", "--date", "2026-12-01"),
        ("meeting", "odd-nordverk", "styrgrupp", "--date", "2026-12-10", "--decision", "b"),
        ("close", "odd-nordverk", "d-2026-01", "--date", "2026-12-11"),
        ("activity", "odd-nordverk", "c", "--form", "praktik"),
        ("measure", "odd-nordverk", "i-exjobb", "5", "--date", "2026-12-31"),
        ("phase", "odd-nordverk", "avveckling", "--date", "2026-12-12"),
        ("assess", "odd-nordverk", "--date", "2026-12-13", "--instrument", "custom"),
    ):
        run_ok(cli, cwd, *args)
    text = record.read_bytes().decode("utf-8-sig")
    assert blocking_findings(text, "odd.yaml", Config()) == []


# --- new ----------------------------------------------------------------------------------

NEW_ARGS = (
    "new",
    "eu-test",
    "--title",
    "Partnerskap: Exempel",
    "--university",
    "Exempeluniversitetet",
    "--university-id",
    "eu",
    "--partner",
    "Åbergs Bygg AB",
    "--sector",
    "naringsliv",
    "--phase",
    "initiering",
    "--since",
    "2026-11-01",
    "--coordinator",
    "Emma Wallin",
)


def test_new_creates_a_record_that_loads_clean(cli, tmp_path):
    (tmp_path / "partnerships").mkdir()
    result = run_ok(cli, tmp_path, *NEW_ARGS)
    created = tmp_path / "partnerships" / "eu-test.yaml"
    assert "Created partnerships/eu-test.yaml" in result.stdout
    text = created.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/partnership.schema.json\n")
    assert 'schema_version: "1"\n' in text and '  sv: "Partnerskap: Exempel"\n' in text
    assert "  - id: abergs-bygg-ab\n    name: Åbergs Bygg AB\n" in text
    assert "#   followup_log: list of LogEntry\n" in text
    assert blocking_findings(text, "eu-test.yaml", Config()) == []
    check = cli("check", "partnerships/eu-test.yaml", "--as-of", "2026-11-28", cwd=tmp_path)
    assert check.exit_code == 0, check.output
    run_ok(cli, tmp_path, "log", "eu-test", "Första mötet", "--date", "2026-11-20")
    assert "\nfollowup_log:\n  - {date: 2026-11-20, type: note, summary: Första mötet}\n\n# " in (
        created.read_text(encoding="utf-8")
    )


def test_new_refuses_to_overwrite(cli, tmp_path):
    (tmp_path / "partnerships").mkdir()
    run_ok(cli, tmp_path, *NEW_ARGS)
    created = tmp_path / "partnerships" / "eu-test.yaml"
    created.write_text(created.read_text(encoding="utf-8") + "# mine\n", encoding="utf-8")
    result = cli(*NEW_ARGS, cwd=tmp_path)
    assert result.exit_code == 2 and "already used" in result.stderr
    assert created.read_text(encoding="utf-8").endswith("# mine\n")
    assert [p.name for p in (tmp_path / "partnerships").iterdir()] == ["eu-test.yaml"]


def test_new_names_the_missing_flags_when_not_interactive(cli, tmp_path):
    result = cli("new", "eu-test", "--title", "X", cwd=tmp_path)
    assert result.exit_code == 2
    assert "Missing --university, --partner, --sector, --phase, --coordinator" in result.stderr
    assert not (tmp_path / "partnerships").exists()


def test_new_rejects_a_bad_id(cli, tmp_path):
    result = cli(*("new", "EU Test", *NEW_ARGS[2:]), cwd=tmp_path)
    assert result.exit_code == 2 and "cannot be an id" in result.stderr


def test_new_prompts_on_a_terminal(monkeypatch, tmp_path):
    from typer.testing import CliRunner

    from partnerkit.cli import edit as commands_edit
    from partnerkit.cli.app import app

    monkeypatch.setattr(commands_edit, "_interactive", lambda: True)
    monkeypatch.chdir(tmp_path)
    answers = (
        "Partnerskap X\nExempeluniversitetet\nNordverk AB\nbusiness\nnaringsliv\ndrift\nEmma\n"
    )
    result = CliRunner().invoke(
        app,
        ["new", "eu-x", "--since", "2026-01-01"],
        input=answers,
        env={"PARTNERKIT_LANG": "en"},
    )
    assert result.exit_code == 0, result.output
    text = (tmp_path / "partnerships" / "eu-x.yaml").read_text(encoding="utf-8")
    assert "sector: naringsliv" in text and "phase: drift" in text and "name: Emma" in text
