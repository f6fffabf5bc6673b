"""A person's work contact (e-mail address, language): in the record, shown by contacts,
offered by new's template, removed by forget."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from partnerkit.record.models import Person
from tests.conftest import AS_OF, EXAMPLES, ROOT

ODD = (ROOT / "tests" / "edit_cases" / "odd.yaml").read_text(encoding="utf-8")
ANNA = "  - {id: p-anna, name: Anna Andersson, side: eu, title: Samordnare}\n"
ANNA_MAILED = (
    "  - {id: p-anna, name: Anna Andersson, side: eu, title: Samordnare,"
    " email: anna.andersson@uni.example, language: en}\n"
)


def person(**fields: str) -> Person:
    return Person.model_validate({"id": "p-a", "name": "A", "side": "eu", **fields})


@pytest.mark.parametrize(
    "address",
    ["anna.lind@uni.example", "o'brien+partner@mail.nordverk.example", "a@b.se"],
)
def test_work_addresses_are_accepted(address):
    assert person(email=address, language="sv").email == address


@pytest.mark.parametrize(
    "address",
    [
        "anna.lind",
        "anna@localhost",
        "anna..lind@uni.example",
        ".anna@uni.example",
        "anna@-uni.example",
        "Anna Lind <anna@uni.example>",
        "anna@uni.example\n",
        "x@uni.example\r\nBcc: evil@evil.example",
        "åsa@uni.example",
        "a b@uni.example",
        "a@" + "b" * 250 + ".se",
    ],
)
def test_anything_but_one_plain_address_is_refused(address):
    with pytest.raises(ValueError, match="not an e-mail address"):
        person(email=address)


def test_language_is_sv_or_en():
    assert person(language="en").language == "en"
    with pytest.raises(ValueError):
        person(language="de")


def test_check_explains_a_wrong_address(cli, tmp_path):
    (tmp_path / "odd.yaml").write_text(ODD.replace(ANNA, ANNA_MAILED.replace(".example", "")))
    result = cli("check", "--as-of", AS_OF, "odd.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    assert "SCHEMA-03  'anna.andersson@uni' is not an e-mail address" in result.stdout


def test_the_schema_describes_the_address_and_the_language():
    schema = json.loads((ROOT / "schema" / "partnership.schema.json").read_text())
    fields = schema["$defs"]["Person"]["properties"]
    email = next(s for s in fields["email"]["anyOf"] if s.get("type") == "string")
    assert email["format"] == "email" and email["pattern"].startswith("^")
    language = next(s for s in fields["language"]["anyOf"] if s.get("type") == "string")
    assert language["enum"] == ["sv", "en"]


def test_contacts_show_the_address_and_language(cli):
    found = json.loads(
        cli("contacts", "--format", "json", "--partnership", "eu-nordverk", cwd=ROOT).stdout
    )
    sofia = next(c for c in found if c["name"] == "Sofia Lindberg")
    assert (sofia["email"], sofia["language"]) == ("sofia.lindberg@nordverk.example", "en")
    elin = next(c for c in found if c["name"] == "Elin Borg")
    assert (elin["email"], elin["language"]) == ("", "")
    text = cli("contacts", "--partnership", "eu-nordverk", cwd=ROOT).stdout
    sofia_line = next(line for line in text.splitlines() if "Sofia Lindberg" in line)
    assert "sofia.lindberg@nordverk.example" in sofia_line
    assert "(en)" in text  # beside it, or wrapped under it


def test_the_examples_use_example_domains_only():
    for path in EXAMPLES.glob("*.yaml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "email:" in line:
                address = line.split("email: ")[1].split(",")[0].split("}")[0]
                assert address.endswith(".example"), (path.name, address)


def test_new_writes_the_coordinators_address_and_lists_the_contact_fields(cli, tmp_path):
    options = [
        "new", "x-nordverk", "--title", "T", "--university", "Exempeluniversitetet",
        "--partner", "Nordverk AB", "--sector", "naringsliv", "--phase", "initiering",
        "--coordinator", "Anna Lind", "--since", "2026-01-01",
    ]  # fmt: skip
    result = cli(*options, "--coordinator-email", "anna.lind@uni.example", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    text = (tmp_path / "partnerships" / "x-nordverk.yaml").read_text(encoding="utf-8")
    assert "    email: anna.lind@uni.example\n" in text
    assert "#   people[].language: language (see vocabularies)" in text
    bad = cli(*options, "--coordinator-email", "anna.lind", "--dry-run", cwd=tmp_path)
    assert bad.exit_code == 1 and "not an e-mail address" in bad.output


def test_forget_removes_the_address_and_language_and_the_address_in_texts(cli, tmp_path):
    folder = tmp_path / "partnerships"
    folder.mkdir()
    text = ODD.replace(ANNA, ANNA_MAILED).replace(
        "# Kontaktperson: Anna Andersson (samordnare).",
        "# Kontaktperson: anna.andersson@uni.example",
    )
    text = text.replace("Rad ett: med kolon.", "Rad ett: skriv till anna.andersson@uni.example")
    (folder / "odd.yaml").write_text(text, encoding="utf-8")
    result = cli("forget", "p-anna", "--role", "Samordnaren", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    after = (folder / "odd.yaml").read_text(encoding="utf-8")
    assert "anna.andersson" not in after and "language: en" not in after
    assert "Rad ett: skriv till Samordnaren" in after
    assert "  description: replaced the e-mail address with 'Samordnaren'" in result.stdout
    assert "  comments: replaced the e-mail address in 1 place" in result.stdout
    assert cli("check", "--as-of", AS_OF, str(folder / "odd.yaml"), cwd=tmp_path).exit_code != 2


def test_the_test_data_in_this_file_is_the_one_in_odd_yaml():
    assert ODD.count(ANNA) == 1
    assert Path(ROOT / "tests" / "edit_cases" / "odd.yaml").exists()


def test_the_export_has_the_address_and_language(cli, tmp_path):
    folder = tmp_path / "tables"
    run = cli("export", "--as-of", AS_OF, "--format", "csv", "-o", str(folder), cwd=ROOT)
    assert run.exit_code == 0, run.output
    with (folder / "contacts.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    sofia = next(row for row in rows if row["name"] == "Sofia Lindberg")
    assert (sofia["email"], sofia["language"]) == ("sofia.lindberg@nordverk.example", "en")
