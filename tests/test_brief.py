"""`partnerkit brief`: the steering-group brief (underlag) for one meeting of one body.

The styrgrupp of base.yaml met on 2026-06-11 and 2026-09-17 and meets next on 2026-12-10,
so the brief for 2026-12-10 covers what happened since 2026-09-17.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

BASE = (Path(__file__).parent / "rules" / "base.yaml").read_text(encoding="utf-8")
AS_OF = "2026-11-28"
SECTIONS = [
    "1. Decisions",
    "2. Goals and indicators",
    "3. Activities",
    "4. Coming up",
    "5. Resources",
    "6. People and roles",
    "7. Risks, ethics and issues",
    "8. Mutual assessment",
    "9. Agreement timeline",
    "10. Proposals for decision",
]

LAST_DECISION = "status: done, closed: 2025-12-15}\n"
DECISIONS = """\
  - {id: d-sg-open, date: 2026-09-17, body_id: styrgrupp, text: Ta fram kommunikationsplan, owner: p-sam, due: 2027-01-31}
  - {id: d-sg-late, date: 2026-09-17, body_id: styrgrupp, text: Boka partnerskapsdag 2027, owner: p-vr, due: 2026-11-01}
  - {id: d-sg-done, date: 2026-09-17, body_id: styrgrupp, text: Fördela seed-medel, owner: p-prof, due: 2026-10-31, status: done, closed: 2026-10-15}
  - {id: d-sg-old, date: 2026-06-11, body_id: styrgrupp, text: Gammalt beslut, owner: p-vr, due: 2026-08-31, status: done, closed: 2026-08-20}
  - {id: d-rad, date: 2026-04-09, body_id: rad, text: Rådsbeslut om fokusområden, owner: p-rektor, due: 2027-03-31}
  - {id: d-next, date: 2026-12-10, body_id: styrgrupp, text: Anta handlingsplan 2027, owner: p-vr, due: 2027-01-31}
"""  # noqa: E501
PARTNERSHIP_DAY = "status: completed}\n"
ACTIVITIES = """\
  - {id: a-ny, title: Gemensam ansökan till Energimyndigheten, form: gemensam_ansokan, contacts: {eu: p-prof, nv: p-ing}, start: 2026-10-20, status: ongoing}
  - {id: a-stopp, title: Studentprojekt om vätgas, form: studentprojekt, contacts: {eu: p-prof, nv: p-ing}, start: 2026-09-01, end: 2026-10-10, status: cancelled}
  - {id: a-plan, title: Gästföreläsning om nätplanering, form: gastforelasning, contacts: {eu: p-prof, nv: p-ing}, start: 2027-02-01, status: planned}
"""  # noqa: E501
LOG_END = "summary: Nyhet på intranätet om partnerskapsdagen, author: p-sam}\n"
LOG = """\
  - {date: 2026-08-01, type: risk, summary: Gammal risk före perioden, author: p-sam}
  - {date: 2026-10-05, type: issue, summary: Nordverk omorganiserar sin FoU, author: p-sam}
"""
VD_SPONSOR = "  - {person_id: p-vd, side: nv, role: vd, from: 2023-02-15}"
ING = "unit: Nordverk FoU, level: operativ}"


def edit(text: str, *changes: tuple[str, str]) -> str:
    for old, new in changes:
        assert old in text, f"not in the record: {old!r}"
        text = text.replace(old, new)
    return text


def eventful(text: str = BASE) -> str:
    """Base plus decisions, activities, people changes and issues around the period."""
    return edit(
        text,
        (LAST_DECISION, LAST_DECISION + DECISIONS),
        ("end: 2026-10-01, " + PARTNERSHIP_DAY, "end: 2026-10-01, " + PARTNERSHIP_DAY + ACTIVITIES),
        (LOG_END, LOG_END + LOG),
        (
            VD_SPONSOR,
            VD_SPONSOR[:-1] + ", to: 2026-10-31}\n"
            "  - {person_id: p-fou, side: nv, role: vd, from: 2026-11-01}",
        ),
        (ING, "unit: Nordverk FoU, level: operativ, active: {from: 2023-01-01, to: 2027-01-15}}"),
        (
            "  publication_freedom: true\n  risk_assessment",
            "  publication_freedom: true\n  dual_roles:\n"
            "    - {person_id: p-prof, roles: [professor, styrelseledamot i Nordverk]}\n"
            "  risk_assessment",
        ),
    )


@pytest.fixture
def brief(cli, write, tmp_path):
    def _run(
        text: str = BASE,
        *options: str,
        body: str = "styrgrupp",
        record: str = "base-nordverk",
        meeting: str = "2026-12-10",
    ):
        write("r.yaml", text)
        return cli(
            "brief",
            record,
            "--body",
            body,
            "--meeting",
            meeting,
            "--as-of",
            AS_OF,
            *options,
            "r.yaml",
            cwd=tmp_path,
        )

    return _run


def markdown(brief, text: str = BASE, **options: str) -> str:
    result = brief(text, "--format", "markdown", **options)
    assert result.exit_code == 0, result.output
    return result.stdout


def section(document: str, title: str) -> str:
    """The body of the section ``## title``, up to the next section."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", document, re.S | re.M)
    assert match, f"no section {title!r}"
    return match.group(1).strip()


def table_rows(block: str) -> list[list[str]]:
    """The body rows of the first Markdown table in ``block``."""
    rows = [line for line in block.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows[2:]]


def test_every_numbered_section_is_present_in_order(brief):
    document = markdown(brief)
    headings = re.findall(r"^## (.+)$", document, re.M)
    assert headings == ["Expected participants", *SECTIONS]
    assert document.startswith("# Brief for styrgrupp, 2026-12-10\n")
    assert "**Exempeluniversitetet och Nordverk AB** (base-nordverk)" in document
    assert "Period: since the previous meeting on 2026-09-17." in document


def test_expected_participants_are_the_members_of_the_body(brief):
    block = section(markdown(brief), "Expected participants")
    assert block.splitlines() == [
        "- Exempeluniversitetet: Vilhelm Vicerektor (chair)",
        "- Nordverk AB: Frida Forskningschef (member)",
    ]


def test_decisions_are_those_of_the_body_open_or_touched_since_the_previous_meeting(brief):
    rows = table_rows(section(markdown(brief, eventful()), "1. Decisions"))
    assert rows == [
        ["d-sg-open", "Ta fram kommunikationsplan", "Sara Samordnare", "2027-01-31", "open"],
        ["d-sg-late", "Boka partnerskapsdag 2027", "Vilhelm Vicerektor", "2026-11-01", "overdue"],
        ["d-sg-done", "Fördela seed-medel", "Per Professor", "2026-10-31", "done"],
    ]
    # d-sg-old and d-2025-1 were closed before 2026-09-17, d-rad is the council's,
    # d-next is taken at the meeting itself.


def test_no_decisions(brief):
    assert section(markdown(brief), "1. Decisions") == "No decisions to follow up."


def test_indicators_against_baseline_and_target(brief):
    rows = table_rows(section(markdown(brief), "2. Goals and indicators"))
    assert rows == [
        [
            "Stärkt kompetensförsörjning inom energiteknik",
            "Examensarbeten per år",
            "10",
            "18 (2025-12-31)",
            "14",
            "25 (2028-12-31)",
            "behind",  # 53 % of the way after 66 % of the time
        ]
    ]


def test_an_indicator_on_track(brief):
    text = edit(BASE, ("{date: 2025-12-31, value: 18}", "{date: 2025-12-31, value: 21}"))
    [row] = table_rows(section(markdown(brief, text), "2. Goals and indicators"))
    assert row[3:] == ["21 (2025-12-31)", "14", "25 (2028-12-31)", "on track"]


def test_activities_started_completed_cancelled_and_planned_in_the_period(brief):
    block = section(markdown(brief, eventful()), "3. Activities")
    assert table_rows(block) == [
        ["completed", "Partnerskapsdag", "seminar / partnership day"],
        ["started", "Gemensam ansökan till Energimyndigheten", "joint funding application"],
        ["cancelled", "Studentprojekt om vätgas", "student project"],
        ["planned", "Gästföreläsning om nätplanering", "guest lecture"],
    ]
    # Before the period: the course completed in May and the ongoing theses of 2024.
    assert "Uppdragsutbildning" not in block and "Examensarbeten" not in block
    counts = block.splitlines()[-1]
    assert counts == (  # in the order of the form codes
        "Per collaboration form: seminar / partnership day: 1, "
        "joint funding application: 1, student project: 1"
    )


def test_coming_up_is_what_falls_due_in_the_120_days_from_the_meeting(brief):
    block = section(markdown(brief), "4. Coming up")
    assert block.splitlines() == [
        "- 2026-12-31: Action plan item: Fler examensarbeten (COORD-05)",
        "- 2026-12-31: Update the follow-up log (the last entry is from 2026-10-02). (COORD-03)",
        "- 2027-03-01: Agree the next action plan: the current one ends on 2026-12-31. (GOAL-06)",
        "- 2027-03-01: Measure the indicator “Examensarbeten per år” (last value from "
        "2025-12-31). (GOAL-04)",
        "- 2027-04-09: Hold the next leadership meeting (the last was on 2026-04-09). (LEAD-02)",
    ]  # not the meeting itself
    # Not the brief for this meeting (due 2026-12-05), not the assessment (2027-05-20).
    assert "brief" not in block and "self-assessment" not in block


def test_resources_per_party_and_level(brief):
    rows = table_rows(section(markdown(brief), "5. Resources"))
    assert rows == [
        ["Exempeluniversitetet", "tactical level", "0.3 FTE", "2029-02-28"],
        ["Exempeluniversitetet", "strategic level", "500\u202f000 SEK_per_year", "2029-02-28"],
        ["Exempeluniversitetet", "operational level", "300\u202f000 SEK_per_year", "2029-02-28"],
        ["Nordverk AB", "tactical level", "0.5 FTE", "2029-02-28"],
    ]


def test_people_changes_in_the_period(brief):
    block = section(markdown(brief, eventful()), "6. People and roles")
    assert block.splitlines() == [
        "- Vera Direktör left the sponsor role on 2026-10-31.",
        "- Frida Forskningschef became sponsor (vd) on 2026-11-01.",
    ]
    assert section(markdown(brief), "6. People and roles") == "No changes in the period."


def test_risks_are_issues_and_risks_logged_in_the_period_and_open_dual_roles(brief):
    block = section(markdown(brief, eventful()), "7. Risks, ethics and issues")
    assert block.splitlines() == [
        "- 2026-10-05: Nordverk omorganiserar sin FoU",
        "- Dual role not yet handled: Per Professor (professor, styrelseledamot i Nordverk).",
    ]


def test_mutual_assessment_and_agreement_timeline(brief):
    document = markdown(brief)
    assessment = section(document, "8. Mutual assessment")
    assert assessment.splitlines()[0] == "2026-05-20 (alliance health check)"
    assert table_rows(assessment) == [
        ["strategiskt värde", "4.2", "4.0", "0.2"],
        ["nytta", "4.1", "3.9", "0.2"],
    ]
    assert section(document, "9. Agreement timeline").splitlines() == [
        "Current agreement: 2023-03-01 – 2029-02-28.",
        "On the day of the meeting, 811 days remain of the agreement.",
        "The renewal evaluation should start by 2028-02-28.",
    ]


def test_proposals_are_the_decisions_prepared_for_the_meeting_and_what_needs_one(brief):
    block = section(markdown(brief, eventful()), "10. Proposals for decision")
    assert block.splitlines() == [
        "- Anta handlingsplan 2027 (owner: Vilhelm Vicerektor, due 2027-01-31)",
        "- Agree the next action plan: the current one ends on 2026-12-31.",
        "- Find a new contact to replace Ingrid Ingenjör (operational level): they leave on "
        "2027-01-15.",
    ]
    # the base record's action plan ends on 2026-12-31: the December meeting agrees the next
    assert section(markdown(brief), "10. Proposals for decision") == (
        "- Agree the next action plan: the current one ends on 2026-12-31."
    )


def test_the_default_meeting_is_the_next_planned_one(cli, write, tmp_path):
    write("r.yaml", BASE)
    args = (
        "brief",
        "base-nordverk",
        "--body",
        "styrgrupp",
        "--as-of",
        AS_OF,
        "--format",
        "markdown",
        "r.yaml",
    )
    default = cli(*args, cwd=tmp_path)
    explicit = cli(*args, "--meeting", "2026-12-10", cwd=tmp_path)
    assert default.exit_code == explicit.exit_code == 0, default.output
    assert default.stdout == explicit.stdout


def test_the_brief_of_another_body_and_of_a_first_meeting(brief):
    document = markdown(brief, body="rad")
    assert document.startswith("# Brief for rad, 2026-12-10\n")
    assert "Period: since the previous meeting on 2026-04-09." in document
    assert "- Exempeluniversitetet: Rut Rektorsson (chair)" in document
    first = markdown(brief, body="rad", meeting="2025-04-10")
    assert "Period: this is the body's first meeting." in first


def test_the_same_as_of_gives_the_same_brief(brief):
    assert markdown(brief, eventful()) == markdown(brief, eventful())


def test_an_unknown_body_exits_2_with_the_known_bodies(brief):
    result = brief(body="ledningsgrupp")
    assert result.exit_code == 2
    assert "base-nordverk has no governance body 'ledningsgrupp'. Bodies: rad, styrgrupp." in (
        result.stderr
    )
    assert "Traceback" not in result.output


def test_an_unknown_partnership_exits_2(brief):
    result = brief(record="okand")
    assert result.exit_code == 2
    assert "There is no partnership with the id okand." in result.stderr


def test_a_record_with_errors_exits_2(brief):
    result = brief(BASE.replace("  phase: drift\n", "  phase: x\n"))
    assert result.exit_code == 2
    assert "The record base-nordverk (r.yaml) has errors; run partnerkit check first." in (
        result.stderr
    )


@pytest.mark.parametrize(("option", "value"), [("--meeting", "10/12/2026"), ("--format", "json")])
def test_bad_options_exit_2(brief, option, value):
    result = brief(BASE, option, value)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_the_text_format_prints_every_section(brief):
    result = brief(eventful())
    assert result.exit_code == 0, result.output
    for title in ["Brief for styrgrupp, 2026-12-10", "Expected participants", *SECTIONS]:
        assert title in result.stdout
    assert "Boka partnerskapsdag 2027" in result.stdout
    assert "##" not in result.stdout  # rendered, not raw Markdown


def test_record_text_cannot_break_the_markdown(brief):
    text = edit(
        eventful(),
        ("text: Ta fram kommunikationsplan", "text: 'Plan | <b>fet</b> ## rubrik'"),
    )
    rows = table_rows(section(markdown(brief, text), "1. Decisions"))
    assert rows[0][:2] == ["d-sg-open", "Plan \\| &lt;b&gt;fet&lt;/b&gt; ## rubrik"]


def test_the_brief_leaves_out_items_whose_rule_does_not_apply_in_the_phase(brief):
    text = edit(
        BASE,
        (
            "  phase: drift\n  phase_since: 2024-03-01",
            "  phase: utvardering\n  phase_since: 2026-09-01",
        ),
        (
            "to: 2029-02-28}\n    purpose: seed-projekt",
            "to: 2027-01-15}\n    purpose: seed-projekt",
        ),
    )
    document = markdown(brief, text)
    assert "seed-projekt" not in section(document, "4. Coming up")
    assert section(document, "10. Proposals for decision") == "No proposals."


@pytest.mark.parametrize("columns", ["80", "120"])
def test_the_brief_in_the_terminal_wraps_every_item_and_cuts_none(cli, columns):
    from tests.conftest import ROOT

    args = ("brief", "eu-nordverk", "--body", "styrgrupp", "--as-of", "2026-11-30")
    text = cli(*args, "--lang", "sv", cwd=ROOT, env={"COLUMNS": columns}).stdout
    document = cli(*args, "--lang", "sv", "--format", "markdown", cwd=ROOT).stdout
    code = re.compile(r"\([A-Z]+-\d\d\)")
    upcoming = code.findall(section(document, "4. Kommande"))
    assert upcoming and code.findall(text) == upcoming
    assert max(len(line) for line in text.splitlines()) <= int(columns)
