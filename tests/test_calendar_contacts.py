"""`partnerkit calendar` (an RFC 5545 .ics file of the follow-up) and `partnerkit contacts`."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from partnerkit.record.models import Person

BASE = (Path(__file__).parent / "rules" / "base.yaml").read_text(encoding="utf-8")
AS_OF = "2026-11-28"
TITLE = "Exempeluniversitetet och Nordverk AB"
LAST_DECISION = "status: done, closed: 2025-12-15}\n"
SG_JUNE = "      - {date: 2026-06-11,"
LAST_LOG = "summary: Nyhet på intranätet om partnerskapsdagen, author: p-sam}\n"
ACTION_ITEM = "      - {id: ap-1,"
SG_PLANNED = "      - {date: 2026-12-10, status: planned}"


def edit(text: str, *changes: tuple[str, str]) -> str:
    for old, new in changes:
        assert old in text, f"not in the record: {old!r}"
        text = text.replace(old, new)
    return text


def with_id(text: str, record_id: str, title: str) -> str:
    return edit(
        text,
        ("id: base-nordverk\n", f"id: {record_id}\n"),
        (f"  sv: {TITLE}\n", f"  sv: {title}\n"),
    )


def with_decision(text: str, due: str, decision_id: str = "d-2026-9") -> str:
    decision = (
        f"  - {{id: {decision_id}, date: 2026-09-17, body_id: styrgrupp, text: Ta fram en "
        f"kommunikationsplan, owner: p-sam, due: {due}}}\n"
    )
    return edit(text, (LAST_DECISION, LAST_DECISION + decision))


# ---------------------------------------------------------------- calendar


@pytest.fixture
def export(cli, write, tmp_path):
    """Write ``records`` (name -> text) and export them; the .ics bytes."""

    def _export(records: dict[str, str], *options: str, as_of: str = AS_OF, out="out.ics"):
        for name, text in records.items():
            write(f"partnerships/{name}", text)
        result = cli("calendar", "--as-of", as_of, "-o", out, *options, cwd=tmp_path)
        assert result.exit_code == 0, result.output
        return (tmp_path / out).read_bytes()

    return _export


def events(ics: bytes) -> list:
    return Calendar.from_ical(ics).walk("VEVENT")


def by_uid(ics: bytes) -> dict[str, tuple[date, str]]:
    return {str(e["UID"]): (e.decoded("DTSTART"), str(e["SUMMARY"])) for e in events(ics)}


def followup_items(cli, tmp_path, horizon: str = "365") -> list[tuple[str, dict]]:
    result = cli(
        "followup", "--as-of", AS_OF, "--horizon", horizon, "--format", "json", cwd=tmp_path
    )
    data = json.loads(result.stdout)
    meetings = [
        (
            p,
            {
                "kind": "meeting",
                "due": m["date"],
                "title": f"Meeting of {m['body']}.",
                "rule": None,
            },
        )
        for p in data["partnerships"]
        for m in p["meetings"]
    ]
    return [(p, item) for p in data["partnerships"] for item in p["items"]] + meetings


def test_events_are_the_coming_follow_up_items(cli, export, tmp_path):
    solvik = with_id(with_decision(BASE, "2027-02-15"), "solvik-kommun", "Universitetet och Solvik")
    ics = export({"base.yaml": BASE, "solvik.yaml": with_decision(solvik, "2026-11-01", "d-late")})
    coming = {
        (date.fromisoformat(item["due"]), f"{view['title']}: {item['title']}"): (view["id"], item)
        for view, item in followup_items(cli, tmp_path)
        if item.get("status") != "overdue"  # overdue items are not calendar events
    }
    found = {(event.decoded("DTSTART"), str(event["SUMMARY"])): event for event in events(ics)}
    assert len(found) == len(events(ics)) == len(coming) == 17
    assert sorted(found) == sorted(coming)
    for key, event in found.items():
        record_id, item = coming[key]
        uid = str(event["UID"])
        assert uid.startswith(f"{record_id}-{item['kind']}-") and uid.endswith("@partnerkit")
        assert event.decoded("DTEND") == event.decoded("DTSTART") + timedelta(days=1)
        assert event.decoded("DTSTAMP") == datetime(2026, 11, 28, tzinfo=UTC)
        if item["kind"] == "meeting":
            assert "DESCRIPTION" not in event
            continue
        description = str(event["DESCRIPTION"])
        assert description.startswith(item["title"])
        if item["rule"]:
            assert f"Rule: {item['rule']}" in description
        for party, names in item["responsible"].items():
            assert f"{party}: {names}" in description
    decision = (
        "Universitetet och Solvik: Follow up the decision “Ta fram en kommunikationsplan” "
        "(d-2026-9)."
    )
    assert (date(2027, 2, 15), decision) in found
    assert not any("d-late" in summary for _day, summary in found)


def test_the_base_record_gives_these_events(export):
    ics = export({"base.yaml": BASE})
    assert sorted(
        (d.isoformat(), s.removeprefix(TITLE + ": ")[:40]) for d, s in by_uid(ics).values()
    ) == [
        ("2026-12-05", "Send the brief (underlag) for the 2026-1"),
        ("2026-12-10", "Meeting of styrgrupp."),
        ("2026-12-31", "Action plan item: Fler examensarbeten"),
        ("2026-12-31", "Update the follow-up log (the last entry"),
        ("2027-03-01", "Agree the next action plan: the current "),
        ("2027-03-01", "Measure the indicator “Examensarbeten pe"),
        ("2027-04-09", "Hold the next leadership meeting (the la"),
        ("2027-05-20", "Run the joint self-assessment (the last "),
    ]  # the partnership council's cadence (2027-07-10) is part of the leadership meeting


def test_the_horizon_limits_the_events(export):
    ics = export({"base.yaml": BASE}, "--horizon", "30")
    assert sorted(d.isoformat() for d, _s in by_uid(ics).values()) == ["2026-12-05", "2026-12-10"]


def test_uids_are_unique_across_items_and_partnerships(export):
    second = with_id(BASE, "base-andra", "Exempeluniversitetet och Andra AB")
    ics = export({"a.yaml": with_decision(BASE, "2026-12-15"), "b.yaml": second})
    uids = [str(e["UID"]) for e in events(ics)]
    assert len(uids) == len(set(uids)) == 17
    # The meeting, its brief: same meeting, different events.
    assert len({u for u in uids if u.startswith("base-nordverk-meeting-")}) == 1
    assert len({u for u in uids if u.startswith("base-nordverk-brief-")}) == 1


def test_uids_survive_unrelated_edits(export, write, tmp_path):
    before = by_uid(export({"base.yaml": BASE}))
    changed = edit(
        BASE,
        # A new log entry: the log reminder moves but is the same event.
        (LAST_LOG, LAST_LOG + "  - {date: 2026-11-20, type: note, summary: Ny kontakt}\n"),
        # A meeting inserted before the others in the list, and one planned earlier.
        (
            SG_JUNE,
            "      - {date: 2026-03-12, attendees: [p-vr, p-fou], brief_ref: sg-1.pdf, "
            "brief_sent: 2026-03-04, minutes_ref: sg-1-p.pdf, minutes_date: 2026-03-19}\n"
            + SG_JUNE,
        ),
        (SG_PLANNED, "      - {date: 2027-03-11, status: planned}\n" + SG_PLANNED),
        # An action item inserted before the existing one.
        (
            ACTION_ITEM,
            "      - {id: ap-0, title: Ny rekryteringsdag, responsible: {eu: p-sam, "
            "nv: p-nvsam}, due: 2027-02-15}\n" + ACTION_ITEM,
        ),
    )
    after = by_uid(export({"base.yaml": changed}))
    for uid, (day, summary) in before.items():
        assert uid in after, summary
        if "follow-up log" in summary:
            assert after[uid][0] == date(2027, 2, 18) != day
        else:
            assert after[uid] == (day, summary)
    added = sorted(s.removeprefix(TITLE + ": ") for u, (_d, s) in after.items() if u not in before)
    assert added == [
        "Action plan item: Ny rekryteringsdag",
        "Meeting of styrgrupp.",
    ]  # its brief is a chore of the week before the meeting, not an event months ahead


def test_the_same_as_of_gives_the_same_bytes(export):
    records = {"base.yaml": with_decision(BASE, "2026-12-15")}
    assert export(records, out="one.ics") == export(records, out="two.ics")
    assert export(records, as_of="2026-11-29", out="three.ics") != export(records, out="four.ics")


def test_the_file_follows_rfc_5545(export):
    long_title = (
        "Öka antalet examensarbeten på Nordverk – även inom vätgas och väderprognoser för året"
    )
    ics = export({"base.yaml": edit(BASE, ("title: Fler examensarbeten", f"title: {long_title}"))})
    assert ics.startswith(b"BEGIN:VCALENDAR\r\n") and ics.endswith(b"END:VCALENDAR\r\n")
    lines = ics.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines), "every line ends with CRLF"
    assert b"VERSION:2.0" in lines
    assert b"PRODID:-//partnerkit//partnerkit//EN" in lines
    for line in lines:
        assert len(line) <= 75, line
        line.decode("utf-8")  # folding never splits a character
    [event] = [e for e in events(ics) if "Öka" in str(e["SUMMARY"])]
    assert str(event["SUMMARY"]) == f"{TITLE}: Action plan item: {long_title}"
    assert event.decoded("DTSTART") == date(2026, 12, 31)


def test_the_command_reports_what_it_wrote(cli, write, tmp_path):
    write("partnerships/base.yaml", BASE)
    result = cli("calendar", "--as-of", AS_OF, "-o", "p.ics", cwd=tmp_path)
    assert result.exit_code == 0
    assert result.stdout == "Wrote 8 events to p.ics.\n"


def test_a_meeting_today_is_in_the_calendar(export):
    days = sorted(d for d, _s in by_uid(export({"base.yaml": BASE}, as_of="2026-12-10")).values())
    assert date(2026, 12, 10) in days


# ---------------------------------------------------------------- contacts

CONTACT_FIELDS = {
    "partnership", "level", "topic", "party", "name", "title", "unit", "role", "group",
    "email", "language",
}  # fmt: skip


@pytest.fixture
def contacts(cli, write, tmp_path):
    write("partnerships/base.yaml", BASE)
    write("partnerships/solvik.yaml", with_id(BASE, "solvik-kommun", "Universitetet och Solvik"))

    def _run(*options: str) -> list[dict]:
        result = cli("contacts", "--format", "json", *options, cwd=tmp_path)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return _run


def people(found: list[dict]) -> set[tuple[str, str, str]]:
    return {(c["partnership"], c["party"], c["name"]) for c in found}


def test_contacts_json_shape_holds_work_identity_only(contacts):
    found = contacts("--partnership", "base-nordverk")
    assert found
    for contact in found:
        assert set(contact) == CONTACT_FIELDS
        assert contact["role"] in ("contact_pair", "activity")
    assert found[0] == {
        "partnership": "base-nordverk",
        "level": "strategisk",
        "topic": "",
        "party": "Exempeluniversitetet",
        "name": "Rut Rektorsson",
        "title": "rektor",
        "unit": "",
        "role": "contact_pair",
        "group": "pair/0",
        "email": "",
        "language": "",
    }
    levels = [c["level"] for c in found]
    assert levels == sorted(levels, key=["strategisk", "taktisk", "operativ"].index)


def test_records_hold_work_contact_data_only(cli, write, tmp_path):
    work = {"email", "language"}
    identity = {"id", "name", "side", "title", "unit", "level", "active"}
    assert set(Person.model_fields) == identity | work
    person = "{id: p-kontor, name: Karin Kontor, side: eu, title: chef samverkansavdelningen"
    private = ", email: karin@example.se, phone: '0701234567', home: Storgatan 1"
    write("r.yaml", edit(BASE, (person, person + private)))
    result = cli("check", "--as-of", AS_OF, "r.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    assert "phone" in result.stdout and "home" in result.stdout
    assert "'email'" not in result.stdout


def test_a_topic_shows_both_sides_of_every_matching_pair_and_activity(contacts):
    found = contacts("--topic", "nordverk fou", "--partnership", "base-nordverk")
    # Only Ingrid's unit matches; Per Professor is her counterpart in the pair and activities.
    assert {(c["topic"], c["party"], c["name"]) for c in found} == {
        (topic, party, name)
        for topic in ("Energisystem", "Examensarbeten", "Industridoktorand")
        for party, name in (
            ("Exempeluniversitetet", "Per Professor"),
            ("Nordverk AB", "Ingrid Ingenjör"),
        )
    }
    assert {c["level"] for c in found} == {"operativ"}


def test_a_topic_matches_the_focus_area_and_the_title(contacts):
    assert {c["topic"] for c in contacts("--topic", "ENERGISYSTEM")} == {"Energisystem"}
    found = contacts("--topic", "samordnare", "--partnership", "solvik-kommun")
    assert {(c["topic"], c["name"]) for c in found} == {
        ("Partnerskapsdag", "Sara Samordnare"),
        ("Partnerskapsdag", "Nils Samordnare"),
    }
    assert contacts("--topic", "kärnfysik") == []


def test_level_filter(contacts):
    found = contacts("--level", "strategisk")
    assert people(found) == {
        (pid, party, name)
        for pid in ("base-nordverk", "solvik-kommun")
        for party, name in (
            ("Exempeluniversitetet", "Rut Rektorsson"),
            ("Nordverk AB", "Vera Direktör"),
        )
    }
    assert {c["level"] for c in contacts("--level", "taktisk")} == {"taktisk"}


def test_partnership_filter_and_combined_filters(contacts):
    assert {c["partnership"] for c in contacts()} == {"base-nordverk", "solvik-kommun"}
    assert {c["partnership"] for c in contacts("--partnership", "solvik-kommun")} == {
        "solvik-kommun"
    }
    found = contacts("--partnership", "solvik-kommun", "--level", "taktisk", "--topic", "ledarskap")
    assert people(found) == {
        ("solvik-kommun", "Exempeluniversitetet", "Vilhelm Vicerektor"),
        ("solvik-kommun", "Nordverk AB", "Frida Forskningschef"),
    }


def test_an_unknown_partnership_is_a_usage_error_as_in_followup(cli, write, tmp_path):
    write("partnerships/r.yaml", BASE)
    for command in ("contacts", "followup"):
        result = cli(command, "--partnership", "okand", cwd=tmp_path)
        assert result.exit_code == 2, command
        assert "There is no partnership with the id okand" in result.stderr


def test_contacts_text_and_bad_options(cli, write, tmp_path):
    write("partnerships/base.yaml", BASE)
    text = cli("contacts", "--topic", "energi", cwd=tmp_path)
    assert text.exit_code == 0
    assert "Per Professor" in text.stdout and "Ingrid Ingenjör" in text.stdout
    assert "Rut Rektorsson" not in text.stdout
    none = cli("contacts", "--topic", "kärnfysik", cwd=tmp_path)
    assert none.exit_code == 0 and "No contacts match." in none.stdout
    for args in (("--level", "hög"), ("--format", "csv")):
        result = cli("contacts", *args, cwd=tmp_path)
        assert result.exit_code == 2 and "Traceback" not in result.output


def test_a_topic_does_not_pull_in_an_unrelated_pair_at_the_same_level(cli, write, tmp_path):
    pair = "  - {level: taktisk, members: {eu: p-vr, nv: p-fou}}\n"
    second = "  - {level: taktisk, members: {eu: p-sam, nv: p-nvsam}}\n"
    write("r.yaml", edit(BASE, (pair, pair + second)))
    result = cli(
        "contacts", "r.yaml", "--topic", "forskningschef", "--format", "json", cwd=tmp_path
    )
    names = {c["name"] for c in json.loads(result.stdout)}
    assert "Frida Forskningschef" in names and "Vilhelm Vicerektor" in names
    assert "Sara Samordnare" not in names and "Nils Samordnare" not in names
