"""The follow-up a coordinator acts on: one due date shared with check, a ranked list, one
item per fact, only what is still to do, people in office, unreadable records first, and a
layout that fits 80 columns.

Every case starts from ``tests/rules/base.yaml`` with one targeted change and an explicit
as-of date.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
from datetime import date

import pytest

from partnerkit.config import Config
from partnerkit.findings import Severity
from partnerkit.followup import OVERDUE, partnership_followup
from partnerkit.load.pipeline import check_text
from partnerkit.rules.base import Context
from tests.conftest import EXAMPLES, ROOT
from tests.test_followup import (
    AS_OF,
    BASE,
    VD_SPONSOR,
    agreement_ends,
    assessed_on,
    decision_due,
    edit,
    in_phase,
    with_id,
)

TODAY = date.fromisoformat(AS_OF)
RULE_CASES = sorted((ROOT / "tests" / "rules").glob("*/*.yaml"))


def findings_of(text: str, today: date = TODAY):
    return check_text(text, "r.yaml", Config(), Context(today), keep_record=True)


def followup_of(text: str, today: date = TODAY, horizon: int = 60):
    report = findings_of(text, today)
    assert report.record is not None, [f.message for f in report.findings]
    return partnership_followup(report, report.record, Config(), today, horizon)


def all_end(day: str):
    """The agreement and the four earmarked resources that run with it end on ``day``."""
    return lambda text: text.replace("2029-02-28", day)


def vd_leaves(day: str) -> str:
    """Vera Direktör (sponsor, strategic contact, council member) leaves on ``day``."""
    vd_person = "{id: p-vd, name: Vera Direktör, side: nv, title: vd, level: strategisk"
    return edit(
        BASE,
        (VD_SPONSOR, VD_SPONSOR[:-1] + f", to: {day}}}"),
        (vd_person, vd_person + f", active: {{from: 2023-01-01, to: {day}}}"),
    )


# ---------------------------------------------------------------- one truth for due dates


def assert_due_dates_agree(text: str, today: date) -> int:
    """Every dated finding of check is an overdue item of the follow-up with the same rule,
    place and due date, and the reverse; returns how many were compared."""
    report = findings_of(text, today)
    if report.record is None:
        return 0
    view = partnership_followup(report, report.record, Config(), today, 60)
    dated = {(f.code, f.path, f.due) for f in report.findings if f.due is not None}
    overdue = {place for i in view.items if i.status == OVERDUE for place in i.places}
    late = {(code, path, due) for code, path, due in overdue if due < today}
    assert dated == late, dated ^ late
    return len(dated)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
@pytest.mark.parametrize("as_of", ["2026-11-28", "2027-06-30", "2028-03-01"])
def test_check_and_followup_agree_on_the_examples(path, as_of):
    assert_due_dates_agree(path.read_text(encoding="utf-8"), date.fromisoformat(as_of))


def test_check_and_followup_agree_on_every_rule_fixture():
    compared = 0
    for path in RULE_CASES:
        compared += assert_due_dates_agree(path.read_text(encoding="utf-8"), TODAY)
    assert compared > 40  # the fixtures do exercise dated rules


def test_check_and_followup_agree_on_a_generated_portfolio(tmp_path):
    spec = importlib.util.spec_from_file_location("generate", ROOT / "bench" / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    generate.generate(40, tmp_path)
    compared = 0
    for path in sorted(tmp_path.glob("*.yaml")):
        for as_of in (TODAY, date(2027, 9, 1)):
            compared += assert_due_dates_agree(path.read_text(encoding="utf-8"), as_of)
    assert compared > 40


def test_check_json_gives_the_due_date(cli, write, tmp_path):
    write("r.yaml", decision_due("2026-11-01")(BASE))
    data = json.loads(
        cli("check", "r.yaml", "--as-of", AS_OF, "--format", "json", cwd=tmp_path).stdout
    )
    [decision] = [f for f in data["findings"] if f["code"] == "COORD-05"]
    assert decision["due"] == "2026-11-01"
    assert all(f["due"] is None for f in data["findings"] if f["code"] != "COORD-05")


# ---------------------------------------------------------------- ranked


@pytest.fixture
def portfolio(write, tmp_path):
    """Three partnerships: an overdue self-assessment (a warning), an agreement that ends in
    33 days (an error), and a healthy one."""
    write("partnerships/a-healthy.yaml", with_id(BASE, "a-healthy"))
    write(
        "partnerships/b-assessment.yaml",
        with_id(assessed_on("2025-10-01")(BASE), "b-assessment"),
    )
    write("partnerships/c-ending.yaml", with_id(all_end("2026-12-31")(BASE), "c-ending"))
    return tmp_path


def test_errors_come_before_warnings_across_the_portfolio(cli, portfolio):
    data = json.loads(cli("followup", "--as-of", AS_OF, "--format", "json", cwd=portfolio).stdout)
    first, second = data["actions"][:2]
    assert (first["partnership"], first["severity"], first["status"]) == (
        "c-ending",
        "error",
        "due_soon",
    )
    assert first["due"] == "2026-12-31" and first["codes"] == ["LONG-04", "RES-03"]
    assert (second["partnership"], second["kind"], second["severity"]) == (
        "b-assessment",
        "assessment",
        "warning",
    )
    severities = [a["severity"] for a in data["actions"]]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert all(a["severity"] in ("error", "warning", "info") for a in data["actions"])
    assert [p["id"] for p in data["partnerships"]] == ["c-ending", "b-assessment", "a-healthy"]
    every_item = [i for p in data["partnerships"] for i in p["items"]]
    assert sorted(map(json.dumps, every_item)) == sorted(map(json.dumps, data["actions"]))


def test_the_text_opens_with_the_ranked_actions(cli, portfolio):
    out = cli("followup", "--as-of", AS_OF, cwd=portfolio).stdout.splitlines()
    assert out[2] == "To do, most important first:"
    assert out[3] == "  error · due soon 2026-12-31 (in 33 days) · c-ending"
    assert out[4].startswith("    The agreement and 4 earmarked resources end on 2026-12-31")
    assert "  warning · overdue 2026-10-01 (58 days ago) · b-assessment" in out[5:9]


def test_within_a_severity_what_is_overdue_comes_first():
    text = decision_due("2026-11-20")(assessed_on("2025-11-01")(BASE))
    items = followup_of(text).items
    assert [(i.kind, i.status) for i in items[:2]] == [
        ("assessment", "overdue"),
        ("decision", "overdue"),
    ]
    assert items[2].status != OVERDUE


# ---------------------------------------------------------------- one item per fact


def test_a_sponsor_who_leaves_unreplaced_is_one_item_and_one_error():
    text = vd_leaves("2026-10-31")
    [item] = [i for i in followup_of(text).items if "LEAD-04" in i.codes]
    assert item.codes == ("LEAD-04", "LVL-04")
    assert item.title.startswith("Find a successor for Vera Direktör as leadership sponsor")
    assert "they left on 2026-10-31" in item.title
    assert item.severity == Severity.ERROR
    findings = {f.code: f for f in findings_of(text).findings}
    assert findings["LEAD-04"].severity == Severity.ERROR
    for follower in ("LEAD-01", "LVL-04"):
        assert findings[follower].severity == Severity.INFO, follower
        assert findings[follower].message.endswith("(This follows from LEAD-04.)")


def test_the_agreement_and_the_resources_that_end_with_it_are_one_item():
    text = all_end("2026-11-15")(BASE)
    [item] = [i for i in followup_of(text).items if "LONG-04" in i.codes]
    assert item.title == (
        "The agreement and 4 earmarked resources ended on 2026-11-15: renew them or phase "
        "the partnership out."
    )
    assert item.codes == ("LONG-04", "RES-03") and item.status == OVERDUE
    severities = {f.code: f.severity for f in findings_of(text).findings}
    assert severities["LONG-04"] == Severity.ERROR
    assert severities["RES-03"] == Severity.INFO


def test_an_open_decision_when_closing_is_one_warning_and_a_note():
    text = in_phase(decision_due("2026-11-01")(BASE), "avveckling")
    found = [f for f in findings_of(text).findings if "d-2026-9" in f.message]
    assert {(f.code, f.severity) for f in found} == {
        ("COORD-05", Severity.WARNING),
        ("CLOSE-02", Severity.INFO),
    }


def test_the_leadership_meeting_and_the_councils_cadence_are_one_item():
    text = edit(BASE, ("      - {date: 2026-04-09,", "      - {date: 2025-09-01,"))
    items = [i for i in followup_of(text).items if "LEAD-02" in i.codes]
    assert [i.codes for i in items] == [("LEAD-02", "LVL-05")]


# ---------------------------------------------------------------- only what is still to do


def test_a_planned_meeting_within_the_cadence_is_not_a_reminder():
    # styrgrupp last met on 2026-09-17 and meets on 2026-12-10: nothing to call
    items = followup_of(BASE, horizon=365).items
    assert not [i for i in items if i.kind == "body_meeting"]
    cancelled = edit(
        BASE, ("{date: 2026-12-10, status: planned}", "{date: 2026-12-10, status: cancelled}")
    )
    [call] = [i for i in followup_of(cancelled).items if i.kind == "body_meeting"]
    assert call.title == "Call a meeting of styrgrupp (the last was on 2026-09-17)."


@pytest.mark.parametrize(
    "variant",
    [
        lambda t: edit(t, ("renewal: {mode: by_decision", "renewal: {mode: none")),
        lambda t: in_phase(t, "avveckling"),
    ],
    ids=["renewal-mode-none", "phasing-out"],
)
def test_no_renewal_is_asked_for_where_renewal_does_not_apply(variant):
    text = variant(agreement_ends("2027-06-30", assessed="2025-10-01")(BASE))
    items = followup_of(text, horizon=3650).items
    assert not [i for i in items if "LONG-03" in i.codes]
    assert "LONG-03" not in {f.code for f in findings_of(text).findings}


def test_a_passed_renewal_deadline_is_worded_as_passed():
    text = agreement_ends("2027-06-30", assessed="2025-10-01")(BASE)
    [item] = [i for i in followup_of(text).items if "LONG-03" in i.codes]
    assert item.status == OVERDUE
    assert item.title.endswith("The evaluation was due to start by 2026-06-30.")


@pytest.mark.parametrize(("days_to_brief", "shown"), [(6, True), (7, True), (8, False)])
def test_a_brief_is_an_action_within_a_week(days_to_brief, shown):
    today = date(2026, 11, 28)
    meeting = date.fromordinal(today.toordinal() + days_to_brief + 5)  # brief_lead_days = 5
    text = edit(
        BASE, ("{date: 2026-12-10, status: planned}", f"{{date: {meeting}, status: planned}}")
    )
    items = [i for i in followup_of(text, today).items if i.kind == "brief"]
    assert bool(items) is shown
    assert bool([i for i in followup_of(text, today, horizon=3).items if i.kind == "brief"]) is (
        days_to_brief <= 3
    )


# ---------------------------------------------------------------- people in office


def test_nobody_who_has_left_is_named_responsible():
    # the styrgrupp chair, Vilhelm Vicerektor, left on 2026-11-01
    vr = "{id: p-vr, name: Vilhelm Vicerektor, side: eu, title: vicerektor, level: taktisk"
    text = edit(
        BASE,
        (vr, vr + ", active: {from: 2023-01-01, to: 2026-11-01}"),
        ("{date: 2026-12-10, status: planned}", "{date: 2026-12-10, status: cancelled}"),
    )
    [call] = [i for i in followup_of(text).items if i.kind == "body_meeting"]
    assert call.responsible == (("Exempeluniversitetet", "chair (vacant)"),)
    assert "Vilhelm" not in json.dumps([i.responsible for i in followup_of(text).items])


def test_sponsors_who_attended_are_judged_by_who_was_sponsor_that_day():
    # Vera left on 2026-10-31, after both council meetings she attended: no LEAD-03
    text = edit(
        vd_leaves("2026-10-31"),
        (
            "  - {person_id: p-vd, side: nv, role: vd, from: 2023-02-15, to: 2026-10-31}",
            "  - {person_id: p-vd, side: nv, role: vd, from: 2023-02-15, to: 2026-10-31}\n"
            "  - {person_id: p-fou, side: nv, role: vd, from: 2026-11-01}",
        ),
    )
    codes = {f.code for f in findings_of(text).findings if f.severity >= Severity.WARNING}
    assert "LEAD-03" not in codes and "LEAD-04" not in codes
    # judged by today's sponsors, Vera's attendance would not count: the rule would fire
    assert "LVL-04" in codes  # she is still named in the strategic contact pair


# ---------------------------------------------------------------- unreadable first


def test_an_unreadable_record_comes_first_and_exits_1(cli, write, tmp_path):
    write("partnerships/a.yaml", BASE)
    write("partnerships/b.yaml", "id: x\ntitle: {sv: [\n")
    result = cli("followup", "--as-of", AS_OF, "--lang", "sv", cwd=tmp_path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[2] == "Poster som inte gick att läsa:"
    assert re.match(r"  partnerships/b\.yaml:\d+:\d+: YAML-01 ", lines[3])


# ---------------------------------------------------------------- fits the terminal


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("columns", [80, 120])
def test_the_follow_up_fits_the_terminal_without_cutting(cli, lang, columns):
    out = cli("followup", "--as-of", AS_OF, "--lang", lang, cwd=ROOT, env={"COLUMNS": str(columns)})
    out = out.stdout
    lines = out.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= columns
    assert "…" not in out
    for path in EXAMPLES.glob("*.yaml"):
        assert path.stem in out  # every partnership's id, whole
    for end in ("2026-12-31", "2027-12-31", "2027-08-31"):
        assert end in out  # the agreements' ends, whole
    phases = {"sv": ("drift", "utvärdering", "avveckling"), "en": ("running", "phasing out")}
    for phase in phases[lang]:
        assert phase in out


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("columns", [80, 120])
def test_wrapping_never_splits_an_items_codes_or_a_legend_pair(cli, lang, columns):
    env = {"COLUMNS": str(columns)}
    out = cli("followup", "--as-of", AS_OF, "--lang", lang, cwd=ROOT, env=env).stdout
    items = json.loads(cli("followup", "--as-of", AS_OF, "--format", "json", cwd=ROOT).stdout)[
        "actions"
    ]
    lines = out.splitlines()
    for codes in {" ".join(item["codes"]) for item in items if len(item["codes"]) > 1}:
        assert any(line.rstrip().endswith(codes) for line in lines), codes
    legend = out[out.rindex("\n\n") :]
    for short in ("LEAD", "LONG", "GOAL", "DIV", "BEN", "LVL", "RES", "SUP", "COORD"):
        assert re.search(rf"(^|  ){short} = \S", legend, re.M), short


@pytest.mark.parametrize(
    ("lang", "name"), [("sv", "TPI hälsokontroll"), ("en", "TPI health check")]
)
def test_an_assessment_instrument_is_named_not_keyed(cli, lang, name):
    out = cli("followup", "--as-of", AS_OF, "--lang", lang, cwd=ROOT).stdout
    assert f"({name})" in out
    assert "tpi_health_check" not in out and "wilder_cfi" not in out


# ---------------------------------------------------------------- the examples, pinned


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_examples_follow_up_is_pinned(cli, lang):
    """The follow-up of the example records, as a coordinator reads it on 2026-11-28."""
    result = cli("followup", "--as-of", AS_OF, "--lang", lang, cwd=ROOT, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    snapshot = ROOT / "tests" / "snapshots" / f"followup-{lang}.txt"
    if os.environ.get("PARTNERKIT_UPDATE_SNAPSHOTS") == "1":
        snapshot.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == snapshot.read_text(encoding="utf-8"), (
        "the examples' follow-up changed; if intended, rerun with PARTNERKIT_UPDATE_SNAPSHOTS=1"
    )


def test_the_examples_show_each_situation_in_the_order_to_act():
    data = {}
    for path in sorted(EXAMPLES.glob("*.yaml")):
        view = followup_of(path.read_text(encoding="utf-8"))
        data[view.id] = view
    # an agreement ending in 33 days comes before anything else
    first = sorted((i for v in data.values() for i in v.items), key=lambda i: i.rank())[0]
    assert (first.partnership, first.codes) == ("eu-exempelby-kommun", ("LONG-04",))
    # a sponsor of the third party who leaves: one item, the side named
    [leaving] = [i for i in data["eu-exempelkontraktet"].items if "LEAD-04" in i.codes]
    assert "Grannhögskolan" in leaving.title and leaving.codes == ("LEAD-04", "LVL-04")
    # the agreement and the resources that end with it
    [renewal] = [i for i in data["eu-region-exempel"].items if "LONG-03" in i.codes]
    assert "7 earmarked resources" in renewal.title
    # a sponsor who departed (Eva Rosén, 2026-08-31) is not named; her successor is
    contract = (EXAMPLES / "eu-exempelkontraktet.yaml").read_text(encoding="utf-8")
    named_people = str([i.responsible for i in followup_of(contract, horizon=3650).items])
    assert "Eva Rosén" not in named_people and "Jan Sjölund" in named_people
    # a planned meeting is a date, not a chore; the internal group is not judged by LVL-03
    assert [m.body for m in data["eu-nordverk"].meetings][:1] == ["Styrgruppen"]
    nordverk = (EXAMPLES / "eu-nordverk.yaml").read_text(encoding="utf-8")
    assert "internal: true" in nordverk
    assert "LVL-03" not in {f.code for f in findings_of(nordverk).findings}


# ---------------------------------------------------------------- review findings


def test_a_gap_closed_by_a_later_successor_is_no_vacancy_any_more():
    text = edit(
        BASE,
        (
            VD_SPONSOR,
            VD_SPONSOR[:-1] + ", to: 2026-06-30}\n"
            "  - {person_id: p-fou, side: nv, role: vd, from: 2026-08-01}",
        ),
    )
    codes = {f.code for f in findings_of(text).findings if f.severity >= Severity.WARNING}
    assert "LEAD-04" not in codes
    assert not [i for i in followup_of(text).items if i.kind == "sponsor_vacancy"]
    # while the gap lasts, it is one
    during = {f.code for f in findings_of(text, date(2026, 7, 15)).findings}
    assert "LEAD-04" in during


def test_a_contact_who_handed_over_the_sponsor_role_is_a_contact_vacancy_of_their_own():
    # Frida was sponsor until 2025 and handed over; she leaves the company on 2027-01-10,
    # and is the Nordverk member of the tactical contact pair
    fou = "{id: p-fou, name: Frida Forskningschef, side: nv, title: forskningschef, level: taktisk"
    text = edit(
        BASE,
        (fou, fou + ", active: {from: 2020-01-01, to: 2027-01-10}"),
        (
            VD_SPONSOR,
            VD_SPONSOR + "\n  - {person_id: p-fou, side: nv, role: cto, from: 2020-01-01, "
            "to: 2025-06-30}",
        ),
    )
    [item] = [i for i in followup_of(text).items if "LVL-04" in i.codes]
    assert item.kind == "contact_vacancy" and item.codes == ("LVL-04",)
    assert "Frida Forskningschef" in item.title


def test_a_suppressed_root_does_not_turn_what_follows_into_notes():
    text = vd_leaves("2026-10-31") + (
        "suppressions:\n  - {rule: LEAD-04, reason: Efterträdaren utses i december}\n"
    )
    severities = {f.code: f.severity for f in findings_of(text).findings}
    assert "LEAD-04" not in severities
    assert severities["LEAD-01"] == Severity.ERROR


def test_upcoming_items_follow_the_configuration(cli, write, tmp_path):
    write("partnerships/r.yaml", vd_leaves("2026-12-31"))
    write(
        "partnerkit.toml",
        '[rules]\nseverity = {"LEAD-04" = "warning", "COORD-05" = "off"}\n',
    )
    data = json.loads(cli("followup", "--as-of", AS_OF, "--format", "json", cwd=tmp_path).stdout)
    [sponsor] = [a for a in data["actions"] if a["kind"] == "sponsor_vacancy"]
    assert sponsor["severity"] == "warning"
    assert not [a for a in data["actions"] if "COORD-05" in a["codes"]]


def test_action_items_with_the_same_id_in_two_plans_are_two_items():
    plan_2027 = (
        "  - period: {from: 2027-01-01, to: 2027-12-31}\n    items:\n"
        "      - {id: ap-1, title: Gemensam sommarskola, responsible: {eu: p-prof}, "
        "due: 2027-01-20}\n"
    )
    text = edit(BASE, ("action_plans:\n", "action_plans:\n" + plan_2027))
    titles = [i.title for i in followup_of(text).items if i.kind == "action_item"]
    assert sorted(titles) == [
        "Action plan item: Fler examensarbeten",
        "Action plan item: Gemensam sommarskola",
    ]


@pytest.mark.parametrize(("age", "late"), [(37, False), (38, True)])
def test_a_cadence_of_30_days_is_late_once_37_5_days_have_passed(age, late):
    # ag-el style: interval_days 30, grace 1.25 = 37.5 days after the last meeting
    text = edit(BASE, ("cadence: {per_year: 4}", "cadence: {interval_days: 30}"))
    text = edit(text, ("      - {date: 2026-12-10, status: planned}\n", ""))
    today = date.fromordinal(date(2026, 9, 17).toordinal() + age)
    codes = {f.code for f in findings_of(text, today).findings}
    assert ("LVL-05" in codes) is late


def test_a_meeting_planned_later_than_the_cadence_allows_is_worded_so():
    text = edit(
        BASE, ("{date: 2026-12-10, status: planned}", "{date: 2027-02-10, status: planned}")
    )
    [item] = [i for i in followup_of(text, horizon=90).items if i.kind == "body_meeting"]
    assert item.title == (
        "styrgrupp should meet by 2027-01-09 by its cadence, but its next meeting is planned "
        "for 2027-02-10: meet earlier, or change the cadence by decision."
    )
