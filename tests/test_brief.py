"""`partnerkit brief`: the steering-group brief (underlag) for one meeting of one body.

The styrgrupp of base.yaml met on 2026-06-11 and 2026-09-17 and meets next on 2026-12-10,
so the brief for 2026-12-10 covers what happened since 2026-09-17. The brief is a header, the
members in office, the agenda, the matters for decision (point 4) and the status report
(point 5, in parts 5.1 to 5.9).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

BASE = (Path(__file__).parent / "rules" / "base.yaml").read_text(encoding="utf-8")
AS_OF = "2026-11-28"
AGENDA = [
    "Opening of the meeting",
    "Election of a person to check the minutes",
    "Minutes of the previous meeting",
    "Matters for decision",
    "Information and status report",
    "Other matters",
    "Next meeting",
]
STATUS_PARTS = [
    "5.1 Decisions to follow up",
    "5.2 Goals and indicators",
    "5.3 Economy 2026",
    "5.4 Activities since the previous meeting",
    "5.5 People and roles",
    "5.6 Risks and issues",
    "5.7 Mutual assessment",
    "5.8 The agreement",
    "5.9 Coming up",
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


def section(document: str, title: str, level: int = 2) -> str:
    """The body of the section ``## title`` (or ``### title``), up to the next heading of
    the same level or above."""
    marks = "#" * level
    pattern = rf"^{marks} {re.escape(title)}\n(.*?)(?=^#{{1,{level}}} |\Z)"
    match = re.search(pattern, document, re.S | re.M)
    assert match, f"no section {title!r}"
    return match.group(1).strip()


def part(document: str, title: str) -> str:
    return section(document, title, level=3)


def table_rows(block: str) -> list[list[str]]:
    """The body rows of the first Markdown table in ``block``."""
    rows = [line for line in block.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows[2:]]


def test_the_brief_is_a_header_the_members_the_agenda_and_its_points_in_order(brief):
    document = markdown(brief)
    headings = re.findall(r"^## (.+)$", document, re.M)
    numbered = [f"{n}. {point}" for n, point in enumerate(AGENDA, start=1)]
    assert headings == ["Members", "Agenda", *numbered]
    assert re.findall(r"^### (5\.\d .+)$", document, re.M) == STATUS_PARTS
    assert document.startswith("# styrgrupp: brief for the meeting on 10 December 2026\n")
    assert "**Partnership:** Exempeluniversitetet och Nordverk AB (base-nordverk)" in document
    assert "**Period:** since the previous meeting on 2026-09-17." in document
    assert section(document, "Agenda").splitlines() == numbered


def test_the_header_has_time_place_and_diarienummer_when_recorded(brief):
    assert "**Place:**" not in markdown(brief) and "**Ref. no.:**" not in markdown(brief)
    text = edit(
        BASE,
        (
            "{date: 2026-12-10, status: planned}",
            "{date: 2026-12-10, status: planned, time: 13.00–15.00, place: 'Sal A, Campus'}",
        ),
        (
            "  - type: samverkansavtal\n",
            "  - type: samverkansavtal\n    diary_numbers: {nv: NV-7, eu: EU 2023/55}\n",
        ),
    )
    document = markdown(brief, text)
    assert "**Meeting:** 10 December 2026, 13.00–15.00" in document
    assert "**Place:** Sal A, Campus" in document
    assert "**Ref. no.:** EU 2023/55" in document  # the host university's number


def test_the_members_are_those_in_office_on_the_meeting_day(brief):
    assert section(markdown(brief), "Members").splitlines() == [
        "- Vilhelm Vicerektor, Exempeluniversitetet (chair)",
        "- Frida Forskningschef, Nordverk AB",
    ]
    left = edit(
        BASE,
        (
            "title: forskningschef, level: taktisk}",
            "title: forskningschef, level: taktisk, active: {to: 2026-11-30}}",
        ),
    )
    assert section(markdown(brief, left), "Members").splitlines() == [
        "- Vilhelm Vicerektor, Exempeluniversitetet (chair)"
    ]


def test_the_previous_minutes_and_the_next_meeting(brief):
    document = markdown(brief)
    assert section(document, "3. Minutes of the previous meeting") == (
        "The minutes of the meeting on 2026-09-17 (sg-2026-3-prot.pdf) are placed on file."
    )
    assert section(document, "7. Next meeting") == (
        "No next meeting is planned: the meeting sets the day."
    )
    later = edit(
        BASE,
        (
            "{date: 2026-12-10, status: planned}",
            "{date: 2026-12-10, status: planned}\n      - {date: 2027-03-11, status: planned}",
        ),
    )
    assert section(markdown(brief, later), "7. Next meeting") == (
        "The next meeting is planned for 2027-03-11."
    )
    first = markdown(brief, body="rad", meeting="2025-04-10")
    assert section(first, "3. Minutes of the previous meeting") == (
        "This is the body's first meeting: there are no earlier minutes."
    )


def test_decisions_to_follow_up_are_the_bodys_open_or_touched_since_the_previous_meeting(brief):
    rows = table_rows(part(markdown(brief, eventful()), "5.1 Decisions to follow up"))
    assert rows == [
        ["d-sg-open", "Ta fram kommunikationsplan", "Sara Samordnare", "2027-01-31", "open"],
        [
            "d-sg-late",
            "Boka partnerskapsdag 2027",
            "Vilhelm Vicerektor",
            "2026-11-01",
            "due date passed on 2026-11-01",
        ],
        ["d-sg-done", "Fördela seed-medel", "Per Professor", "2026-10-31", "done"],
    ]
    # d-sg-old and d-2025-1 were closed before 2026-09-17, d-rad is the council's, d-next is
    # taken at the meeting itself.


def test_goals_with_their_comment_and_indicators_with_unit_trend_and_status(brief):
    text = edit(
        BASE,
        (
            "          - {date: 2025-12-31, value: 18}\n",
            "          - {date: 2025-12-31, value: 18}\n"
            "    status_comment: Fler exjobb än i fjol.\n",
        ),
    )
    block = part(markdown(brief, text), "5.2 Goals and indicators")
    assert block.startswith("#### Stärkt kompetensförsörjning inom energiteknik\n")
    assert "**Status:** Fler exjobb än i fjol." in block
    assert table_rows(block) == [
        [
            "Examensarbeten per år",
            "count",
            "10",
            "25 (2028-12-31)",
            "18 (2025-12-31)",
            "↑ better",  # 14 before
            "behind",  # 53 % of the way after 66 % of the time
        ]
    ]
    fewer = edit(BASE, ("{date: 2025-12-31, value: 18}", "{date: 2025-12-31, value: 12}"))
    [row] = table_rows(part(markdown(brief, fewer), "5.2 Goals and indicators"))
    assert row[4:] == ["12 (2025-12-31)", "↓ worse", "behind"]
    on_track = edit(BASE, ("{date: 2025-12-31, value: 18}", "{date: 2025-12-31, value: 21}"))
    [row] = table_rows(part(markdown(brief, on_track), "5.2 Goals and indicators"))
    assert row[-1] == "on track"


USED = "    purpose: seed-projekt\n"


def test_the_economy_earmarked_used_and_remaining_per_resource_party_and_total(brief):
    text = edit(
        BASE,
        (
            USED,
            USED + "    used: [{period: 2025, amount: 310000}, {period: 2026, amount: 120000}]\n",
        ),
        (
            "    purpose: strategiska satsningar\n",
            "    purpose: strategiska satsningar\n    used: [{period: 2026, amount: 450000}]\n",
        ),
        (
            "    purpose: partnerskapsansvarig\n",
            "    purpose: partnerskapsansvarig\n    used: [{period: 2026, amount: 0.5}]\n",
        ),
    )
    block = part(markdown(brief, text), "5.3 Economy 2026")
    tables = [t for t in block.split("\n\n") if t.startswith("|")]
    assert table_rows(tables[0]) == [
        ["Exempeluniversitetet", "partnerskapssamordnare", "0\\.3 FTE", "–", "–"],
        [
            "Exempeluniversitetet",
            "strategiska satsningar",
            "500,000 SEK per year",
            "450,000",
            "50,000",
        ],
        ["Exempeluniversitetet", "seed-projekt", "300,000 SEK per year", "120,000", "180,000"],
        ["Nordverk AB", "partnerskapsansvarig", "0\\.5 FTE", "0\\.5", "0"],
    ]
    assert table_rows(tables[1]) == [
        ["Exempeluniversitetet", "800,000 SEK per year", "570,000", "230,000"],
        ["Nordverk AB", "0\\.5 FTE", "0\\.5", "0"],
    ]  # no total for all parties: each unit is one party's
    assert block.endswith("No use is recorded for 2026 of 1 resource.")


def test_the_economy_in_swedish_has_decimal_comma_and_grouped_thousands(brief):
    text = edit(BASE, (USED, USED + "    used: [{period: 2026, amount: 120000.5}]\n"))
    block = part(brief_sv(brief, text), "5.3 Ekonomi 2026")
    row = next(r for r in table_rows(block) if r[1] == "seed-projekt")
    assert row == [
        "Exempeluniversitetet",
        "seed-projekt",
        "300\u00a0000 kr per år",
        "120\u00a0000,5",
        "179\u00a0999,5",
    ]


def brief_sv(brief, text: str = BASE, **options: str) -> str:
    result = brief(text, "--format", "markdown", "--lang", "sv", **options)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_activities_started_completed_cancelled_and_planned_in_the_period(brief):
    block = part(markdown(brief, eventful()), "5.4 Activities since the previous meeting")
    assert table_rows(block) == [
        ["completed", "Partnerskapsdag", "seminar / partnership day"],
        ["started", "Gemensam ansökan till Energimyndigheten", "joint funding application"],
        ["cancelled", "Studentprojekt om vätgas", "student project"],
        ["planned", "Gästföreläsning om nätplanering", "guest lecture"],
    ]
    assert "Uppdragsutbildning" not in block and "Examensarbeten" not in block
    assert block.splitlines()[-1] == (
        "**Per collaboration form:** seminar / partnership day: 1, "
        "joint funding application: 1, student project: 1"
    )


def test_coming_up_leaves_out_the_coordinators_chores_and_the_meeting_itself(brief):
    block = part(markdown(brief), "5.9 Coming up")
    assert block.splitlines() == [
        "- 2026-12-31: Action plan item: Fler examensarbeten",
        "- 2027-03-01: Measure the indicator “Examensarbeten per år” (last value from 2025-12-31).",
        "- 2027-04-09: Hold the next leadership meeting (the last was on 2026-04-09).",
    ]
    # Not the follow-up log (due 2026-12-31, the coordinator's), not the brief or the minutes
    # of this meeting, not the next action plan (a matter for decision, point 4).
    assert "log" not in block and "brief" not in block and "next action plan" not in block


def test_people_changes_and_the_risks_logged_since_the_previous_meeting(brief):
    document = markdown(brief, eventful())
    assert part(document, "5.5 People and roles").splitlines() == [
        "- Vera Direktör left the sponsor role on 2026-10-31.",
        "- Frida Forskningschef became sponsor (vd) on 2026-11-01.",
    ]
    assert part(document, "5.6 Risks and issues").splitlines() == [
        "- 2026-10-05: Nordverk omorganiserar sin FoU",  # not the risk of 2026-08-01
        "- Dual role not yet handled: Per Professor (professor, styrelseledamot i Nordverk).",
    ]


def test_the_mutual_assessment_and_the_agreement(brief):
    document = markdown(brief)
    assessment = part(document, "5.7 Mutual assessment")
    assert assessment.splitlines()[0] == "2026-05-20 (alliance health check)"
    assert table_rows(assessment) == [
        ["strategiskt värde", "4\\.2", "4", "0\\.2"],
        ["nytta", "4\\.1", "3\\.9", "0\\.2"],
    ]
    assert part(document, "5.8 The agreement") == (
        "Current agreement: 2023-03-01 – 2029-02-28. On the day of the meeting, 811 days "
        "remain of the agreement. The renewal evaluation should start by 2028-02-28."
    )


PHASING_OUT = (
    "  phase: drift\n  phase_since: 2024-03-01\n  history:\n",
    "  phase: avveckling\n  phase_since: 2026-10-01\n  history:\n"
    "    - {phase: avveckling, from: 2026-10-01}\n",
)


def test_no_renewal_talk_when_the_partnership_is_phasing_out(brief):
    document = markdown(brief, edit(BASE, PHASING_OUT))
    assert "renewal" not in document.lower()
    assert part(document, "5.8 The agreement") == (
        "Current agreement: 2023-03-01 – 2029-02-28. On the day of the meeting, 811 days "
        "remain of the agreement."
    )


# --- matters for decision -------------------------------------------------------------------


ROUTED = """\
  - {id: d-rad-plan, date: 2026-10-20, body_id: rad, text: Förslag till handlingsplan 2027 läggs fram på styrgruppen., owner: p-sam, due: 2026-12-10, goes_to: {body: styrgrupp, meeting: 2026-12-10, proposal: fastställa handlingsplan 2027}}
  - {id: d-other, date: 2026-10-20, body_id: rad, text: Till ett annat möte, goes_to: {body: styrgrupp, meeting: 2027-03-11}}
"""  # noqa: E501
ITEM = "due: 2026-12-31}"


def matters(document: str) -> list[tuple[str, str, str, str]]:
    """(title, background, proposal, rests on) of each matter under point 4."""
    block = section(document, "4. Matters for decision")
    found = re.findall(
        r"^### 4\.\d+ (.+)\n\n\*\*Background:\*\* (.+)\n\n\*\*Proposal:\*\* (.+)\n\n"
        r"\*\*Rests on:\*\* (.+)$",
        block,
        re.M,
    )
    return found


def test_a_decision_of_another_body_that_goes_to_the_meeting_is_a_matter(brief):
    text = edit(
        BASE,
        (LAST_DECISION, LAST_DECISION + ROUTED),
        (ITEM, ITEM[:-1] + ", goes_to: {body: styrgrupp, meeting: 2026-12-10}}"),
    )
    assert matters(markdown(brief, text)) == [
        (
            "Förslag till handlingsplan 2027 läggs fram på styrgruppen.",
            "rad decided on 2026-10-20 (d-rad-plan): Förslag till handlingsplan 2027 läggs "
            "fram på styrgruppen. Owner: Sara Samordnare.",
            "The steering group is asked to decide: fastställa handlingsplan 2027.",
            "d-rad-plan",
        ),
        (
            "Fler examensarbeten",
            "Action item ap-1 of the action plan 2026. Responsible: Per Professor, Ingrid "
            "Ingenjör. Due: 2026-12-31.",
            "The steering group is asked to decide: take a position on the matter.",
            "ap-1",
        ),
        (
            "The next action plan",
            "Agree the next action plan: the current one ends on 2026-12-31.",
            "The steering group is asked to decide: approve the next action plan.",
            "GOAL-06",
        ),
    ]
    # d-other goes to the March meeting; a matter is not also "coming up"
    assert "Till ett annat möte" not in markdown(brief, text)
    assert "Fler examensarbeten" not in part(markdown(brief, text), "5.9 Coming up")


def test_a_routed_matter_that_says_what_it_is_about_absorbs_the_followups(brief):
    about = ROUTED.replace(
        "proposal: fastställa handlingsplan 2027}",
        "proposal: fastställa handlingsplan 2027, about: action_plan}",
    )
    text = edit(BASE, (LAST_DECISION, LAST_DECISION + about))
    assert matters(markdown(brief, text)) == [
        (
            "Förslag till handlingsplan 2027 läggs fram på styrgruppen.",
            "rad decided on 2026-10-20 (d-rad-plan): Förslag till handlingsplan 2027 läggs "
            "fram på styrgruppen. Owner: Sara Samordnare. Agree the next action plan: the "
            "current one ends on 2026-12-31.",
            "The steering group is asked to decide: fastställa handlingsplan 2027.",
            "d-rad-plan, GOAL-06",
        )
    ]
    drafted = edit(text, ("activities:\n", DRAFT + "activities:\n"))
    [(_title, background, _proposal, basis)] = matters(markdown(brief, drafted))
    assert background.endswith(
        "A draft action plan for 2027 is in the record, with 1 open item. ap27-1: Fler "
        "examensarbeten 2027"
    )
    assert basis == "d-rad-plan, the draft action plan 2027"


def test_in_swedish_the_proposal_reads_styrgruppen_foreslas_besluta_att(brief):
    text = edit(BASE, (LAST_DECISION, LAST_DECISION + ROUTED))
    document = brief_sv(
        brief, text.replace("  - id: styrgrupp\n", "  - id: styrgrupp\n    name: Styrgruppen\n")
    )
    assert (
        "**Förslag till beslut:** Styrgruppen föreslås besluta att fastställa handlingsplan 2027."
        in document
    )
    assert "### 4.1 Förslag till handlingsplan 2027 läggs fram på styrgruppen." in document
    assert "**Underlag:** d-rad-plan" in document


DRAFT = """\
  - period: {from: 2027-01-01, to: 2027-12-31}
    items:
      - {id: ap27-1, title: Fler examensarbeten 2027, goal_ids: [g-kompetens], due: 2027-12-31}
      - {id: ap27-2, title: Klar sedan länge, status: done}
"""


def test_a_draft_action_plan_is_proposed_for_approval(brief):
    text = edit(BASE, ("activities:\n", DRAFT + "activities:\n"))
    assert matters(markdown(brief, text)) == [
        (
            "Action plan 2027",
            "A draft action plan for 2027 is in the record, with 1 open item. ap27-1: Fler "
            "examensarbeten 2027",
            "The steering group is asked to decide: approve the action plan for 2027.",
            "the draft action plan 2027",
        )
    ]


def test_the_followups_decisions_go_to_the_first_deciding_meeting_at_their_level(brief):
    vacancy = edit(
        BASE,
        (
            "  - {person_id: p-vd, side: nv, role: vd, from: 2023-02-15}",
            "  - {person_id: p-vd, side: nv, role: vd, from: 2023-02-15, to: 2026-11-15}",
        ),
    )
    # a successor sponsor is for the strategic council, not the steering group
    assert [m[0] for m in matters(markdown(brief, vacancy))] == ["The next action plan"]
    council = markdown(brief, vacancy, body="rad", meeting="2026-12-20")
    assert [m[0] for m in matters(council)] == ["A successor leadership sponsor"]
    [(_title, background, proposal, basis)] = matters(council)
    assert background == (
        "Find a successor for Vera Direktör as leadership sponsor of Nordverk AB: they left "
        "on 2026-11-15."
    )
    assert proposal == (
        "The partnership council is asked to decide: ask the party concerned to appoint a "
        "successor as leadership sponsor."
    )
    assert basis.startswith("LEAD-")


def test_a_flagged_gap_in_the_assessment_is_a_matter_until_a_decision_follows_it(brief):
    gap = edit(
        BASE,
        ("{dimension: nytta, side: nv, value: 3.9}", "{dimension: nytta, side: nv, value: 2.9}"),
    )
    found = [m for m in matters(markdown(brief, gap)) if m[3] == "BEN-04"]
    assert found == [
        (
            "Measures after the mutual assessment",
            "The mutual assessment of 2026-05-20: the parties' scores differ on nytta.",
            "The steering group is asked to decide: commission measures where the parties' "
            "views differ, to be reported at the next meeting.",
            "BEN-04",
        )
    ]
    followed = edit(
        gap,
        (
            "      - {dimension: nytta, side: nv, value: 2.9}\n",
            "      - {dimension: nytta, side: nv, value: 2.9}\n"
            "    action_decision_ids: [d-2025-1]\n",
        ),
    )
    assert not [m for m in matters(markdown(brief, followed)) if m[3] == "BEN-04"]


def test_a_partnership_phasing_out_is_proposed_to_close(brief):
    text = edit(BASE, PHASING_OUT)
    steering = markdown(brief, text)
    assert "Closing the partnership" not in steering  # the council decides, at its level
    document = markdown(brief, text, body="rad", meeting="2026-12-20")
    [closing] = [m for m in matters(document) if m[0] == "Closing the partnership"]
    assert closing[1].startswith(
        "The partnership has been phasing out since 2026-10-01. Left to settle before it can close:"
    )
    assert "No closure report dated on or after 2026-10-01" in closing[1]
    assert "The action-plan item “Fler examensarbeten” (ap-1) is still open" in closing[1]
    assert closing[2] == (
        "The partnership council is asked to decide: close the partnership once what is "
        "left is settled, and approve the closure report."
    )
    assert closing[3] == "CLOSE-01, CLOSE-02, CLOSE-03"


def test_a_working_group_gets_no_matters_for_decision(brief):
    text = edit(
        BASE,
        ("  - id: styrgrupp\n    type: styrgrupp\n", "  - id: styrgrupp\n    type: arbetsgrupp\n"),
    )
    assert section(markdown(brief, text), "4. Matters for decision") == "No matters for decision."


# --- the meeting, the body and bad input --------------------------------------------------


def test_the_default_meeting_is_the_next_planned_one(cli, write, tmp_path):
    write("r.yaml", BASE)
    args = ("brief", "base-nordverk", "--body", "styrgrupp", "--as-of", AS_OF)
    default = cli(*args, "--format", "markdown", "r.yaml", cwd=tmp_path)
    explicit = cli(*args, "--meeting", "2026-12-10", "--format", "markdown", "r.yaml", cwd=tmp_path)
    assert default.exit_code == explicit.exit_code == 0, default.output
    assert default.stdout == explicit.stdout


def test_without_a_planned_meeting_the_brief_asks_for_meeting(cli, write, tmp_path):
    write("r.yaml", BASE)
    args = ("brief", "base-nordverk", "--body", "rad", "--as-of", AS_OF, "r.yaml")
    result = cli(*args, cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "partnerkit: rad has no planned meeting after 2026-11-28: give the meeting day with "
        "--meeting YYYY-MM-DD (or record the meeting with partnerkit meeting)."
    )
    assert cli(*args, "--meeting", "2026-12-20", cwd=tmp_path).exit_code == 0


def test_a_cancelled_meeting_exits_2(brief):
    text = edit(
        BASE, ("{date: 2026-12-10, status: planned}", "{date: 2026-12-10, status: cancelled}")
    )
    result = brief(text)
    assert result.exit_code == 2
    assert "The meeting of styrgrupp on 2026-12-10 is cancelled." in result.stderr


def test_the_brief_of_another_body_and_of_a_first_meeting(brief):
    document = markdown(brief, body="rad")
    assert document.startswith("# rad: brief for the meeting on 10 December 2026\n")
    assert "**Period:** since the previous meeting on 2026-04-09." in document
    assert "- Rut Rektorsson, Exempeluniversitetet (chair)" in document
    first = markdown(brief, body="rad", meeting="2025-04-10")
    assert "**Period:** this is the body's first meeting." in first


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


@pytest.mark.parametrize(
    "options",
    [
        ("--meeting", "10/12/2026"),
        ("--meeting", "2026-02-30"),
        ("--format", "json"),
        ("--format", "docx"),  # without -o
        ("--format", "html"),  # without -o
        ("--format", "text", "-o", "brief.txt"),
    ],
)
def test_bad_options_exit_2(brief, options):
    result = brief(BASE, *options)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_the_text_format_prints_every_point(brief):
    result = brief(eventful())
    assert result.exit_code == 0, result.output
    for title in ["brief for the meeting on 10 December 2026", *AGENDA, *STATUS_PARTS]:
        assert title in result.stdout
    assert "Boka partnerskapsdag 2027" in result.stdout
    assert "##" not in result.stdout  # rendered, not raw Markdown


def test_record_text_cannot_break_the_markdown(brief):
    text = edit(
        eventful(),
        ("text: Ta fram kommunikationsplan", "text: 'Plan | <b>fet</b> ## rubrik'"),
    )
    rows = table_rows(part(markdown(brief, text), "5.1 Decisions to follow up"))
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
    assert "seed-projekt" not in part(document, "5.9 Coming up")
    assert section(document, "4. Matters for decision") == "No matters for decision."


@pytest.mark.parametrize("columns", ["80", "120"])
def test_the_brief_in_the_terminal_wraps_every_item_and_cuts_none(cli, columns):
    from tests.conftest import ROOT

    args = ("brief", "eu-nordverk", "--body", "styrgrupp", "--as-of", "2026-11-30")
    text = cli(*args, "--lang", "sv", cwd=ROOT, env={"COLUMNS": columns}).stdout
    document = cli(*args, "--lang", "sv", "--format", "markdown", cwd=ROOT).stdout
    dates = re.compile(r"^- (\d{4}-\d\d-\d\d):", re.M)
    upcoming = dates.findall(part(document, "5.9 Kommande"))
    assert upcoming and re.findall(r"(\d{4}-\d\d-\d\d):", text)[-len(upcoming) :] == upcoming
    assert max(len(line) for line in text.splitlines()) <= int(columns)
