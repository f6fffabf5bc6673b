"""forget: a person leaves every record in one step; history stays readable and valid."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from partnerkit.config import Config
from partnerkit.edit.forget import forget_person
from partnerkit.edit.session import blocking_findings
from partnerkit.edit.splice import Document
from partnerkit.load.pipeline import check_text
from partnerkit.rules.base import Context
from tests.conftest import EXAMPLES, ROOT

ODD = (ROOT / "tests" / "edit_cases" / "odd.yaml").read_text(encoding="utf-8")
ROLE = "Samordnare (Exempeluniversitetet)"

# odd.yaml after forgetting p-anna, as (old, new) pairs of its text
FORGOTTEN = [
    ("# Kontaktperson: Anna Andersson (samordnare).", f"# Kontaktperson: {ROLE} (samordnare)."),
    ("  - {id: p-anna, name: Anna Andersson, side: eu, title: Samordnare}\n", ""),
    ("      - person_id: p-anna\n        side: eu\n        role: secretary\n", ""),
    ("attendees: [p-bo, p-cilla, p-anna]", "attendees: [p-bo, p-cilla]"),
    ("owners: {eu: p-anna, nv: p-cilla}", "owners: {nv: p-cilla}"),
    ("contacts: {eu: p-anna, nv: p-cilla}", "contacts: {nv: p-cilla}"),
    (
        "coordination:\n  coordinator:\n    person_id: p-anna   # Anna Andersson är samordnare\n"
        "    side: eu\n",
        "coordination: {}\n",
    ),
    ("      Anna Andersson och Cilla Nord\n", f"      {ROLE} och Cilla Nord\n"),
    ("      träffades.\n    author: p-anna\n", "      träffades.\n"),
    (
        '"Uppföljning: klar", author: p-anna, refs: [p-anna, styrgrupp]}',
        f'"Uppföljning: klar", refs: [{ROLE}, styrgrupp]}}',
    ),
    ("text: 'Exjobbsrutin tas fram', owner: p-anna, due:", "text: 'Exjobbsrutin tas fram', due:"),
]


def forgotten(text: str) -> str:
    for old, new in FORGOTTEN:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def folder_with(tmp_path: Path, **records: str) -> Path:
    folder = tmp_path / "partnerships"
    folder.mkdir()
    for name, text in records.items():
        (folder / f"{name}.yaml").write_bytes(text.encode("utf-8"))
    return folder


@pytest.mark.parametrize("eol", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_forget_changes_exactly_the_persons_traces(cli, tmp_path, eol):
    folder = folder_with(tmp_path, odd=ODD.replace("\n", eol))
    result = cli("forget", "p-anna", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert (folder / "odd.yaml").read_bytes() == forgotten(ODD).replace("\n", eol).encode()
    assert result.stdout.splitlines() == [
        "partnerships/odd.yaml: forgot Anna Andersson (p-anna)",
        "  people[0]: removed Anna Andersson (p-anna)",
        "  governance[0].members[2]: removed the entry (it cannot exist without the person)",
        "  governance[0].meetings[0].attendees[2]: removed the id from the list",
        "  goals[0].owners.eu: removed this side's person",
        "  activities[0].contacts.eu: removed this side's person",
        "  coordination.coordinator: removed the entry (it cannot exist without the person)",
        f"  followup_log[0].summary: replaced the name with '{ROLE}'",
        "  followup_log[0].author: removed the field",
        "  followup_log[1].author: removed the field",
        f"  followup_log[1].refs[0]: replaced p-anna with '{ROLE}'",
        "  decisions[0].owner: removed the field",
        "  comments: replaced the name in 1 place",
    ]
    text = (folder / "odd.yaml").read_text(encoding="utf-8")
    assert "Anna" not in text and "p-anna" not in text
    assert blocking_findings(text, "odd.yaml", Config()) == []


def test_forget_covers_every_record_and_skips_the_others(cli, tmp_path):
    second = ODD.replace('id: "odd-nordverk"', "id: odd-tva")
    other = ODD.replace('id: "odd-nordverk"', "id: utan-anna").replace("p-anna", "p-ann")
    folder = folder_with(tmp_path, odd=ODD, tva=second, utan=other)
    result = cli("forget", "p-anna", "--role", "Tidigare samordnare", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "partnerships/odd.yaml: forgot Anna Andersson (p-anna)" in result.stdout
    assert "partnerships/tva.yaml: forgot Anna Andersson (p-anna)" in result.stdout
    assert "utan.yaml" not in result.stdout
    assert (folder / "utan.yaml").read_text(encoding="utf-8") == other
    for name in ("odd", "tva"):
        text = (folder / f"{name}.yaml").read_text(encoding="utf-8")
        assert "p-anna" not in text and "refs: [Tidigare samordnare, styrgrupp]" in text


def test_an_id_naming_different_people_needs_a_name(cli, tmp_path):
    other = ODD.replace('id: "odd-nordverk"', "id: odd-b").replace("Anna Andersson", "Britt Berg")
    folder = folder_with(tmp_path, odd=ODD, b=other)
    result = cli("forget", "p-anna", cwd=tmp_path)
    assert result.exit_code == 2
    assert "different people" in result.stderr and "Britt Berg" in result.stderr
    assert (folder / "odd.yaml").read_text(encoding="utf-8") == ODD
    result = cli("forget", "p-anna", "--name", "Britt Berg", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert (folder / "odd.yaml").read_text(encoding="utf-8") == ODD
    assert "p-anna" not in (folder / "b.yaml").read_text(encoding="utf-8")


def test_a_person_without_title_needs_a_role(cli, tmp_path):
    text = ODD.replace(", title: Samordnare}", "}")
    folder = folder_with(tmp_path, odd=text)
    result = cli("forget", "p-anna", cwd=tmp_path)
    assert result.exit_code == 2 and "--role" in result.stderr
    assert (folder / "odd.yaml").read_text(encoding="utf-8") == text


def test_nothing_is_written_when_one_record_cannot_be_read(cli, tmp_path):
    broken = "id: trasig\npeople: [{id: p-anna, name: Anna\n"
    folder = folder_with(tmp_path, odd=ODD, trasig=broken)
    result = cli("forget", "p-anna", cwd=tmp_path)
    assert result.exit_code == 1
    assert "trasig.yaml has errors already" in result.stderr
    assert (folder / "odd.yaml").read_text(encoding="utf-8") == ODD


def test_unknown_person(cli, tmp_path):
    folder_with(tmp_path, odd=ODD)
    result = cli("forget", "p-nobody", cwd=tmp_path)
    assert result.exit_code == 2 and "No record defines" in result.stderr


def test_dry_run_writes_nothing(cli, tmp_path):
    folder = folder_with(tmp_path, odd=ODD)
    result = cli("forget", "p-anna", "--dry-run", cwd=tmp_path)
    assert result.exit_code == 0
    assert "-  - {id: p-anna, name: Anna Andersson" in result.stdout
    assert (folder / "odd.yaml").read_text(encoding="utf-8") == ODD


def test_people_of_the_examples_can_be_forgotten():
    """A sweep: every person of the richest example and a few of each other one, forgotten in
    memory, leave a valid record that reads back as intended (doc.result() verifies)."""
    config, today = Config(), date(2026, 11, 28)
    count = 0
    for path in sorted(EXAMPLES.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        record = check_text(text, path.name, config, Context(today, config.thresholds), True).record
        assert record is not None
        people = record.people if path.stem == "eu-nordverk" else record.people[:3]
        for person in people:
            doc = Document(text)
            forget_person(doc, record, person.id, f"{person.title or 'Kontakt'} (tidigare)")
            new = doc.result()
            assert f"id: {person.id}," not in new
            assert blocking_findings(new, path.name, config) == [], person.id
            count += 1
    assert count >= 35
