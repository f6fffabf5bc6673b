"""`partnerkit minutes`: a draft of the minutes (protokoll), prefilled from the brief."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT
from tests.test_brief_formats import docx_units, markdown_units

AS_OF = "2026-11-30"


def minutes(cli, *args: str, cwd=ROOT):
    return cli("minutes", *args, "--as-of", AS_OF, cwd=cwd)


def test_the_minutes_have_the_members_the_agenda_and_the_proposals_as_draft_decisions(cli):
    result = minutes(cli, "eu-nordverk", "--body", "styrgrupp", "--lang", "sv")
    assert result.exit_code == 0, result.output
    document = result.stdout
    assert document.startswith("# Styrgruppen: protokoll från mötet 10 december 2026\n")
    assert "**Möte:** 10 december 2026, 13.00–15.30" in document
    assert "**Dnr:** EU 2024/3187" in document
    assert re.findall(r"^## (.+)$", document, re.M) == [
        "Närvarande",
        "§ 1 Mötets öppnande",
        "§ 2 Val av justerare",
        "§ 3 Föregående mötesprotokoll",
        "§ 4 Beslutsärenden",
        "§ 5 Information och lägesrapport",
        "§ 6 Övriga frågor",
        "§ 7 Nästa möte",
        "Underskrifter",
    ]
    present = re.search(r"^## Närvarande\n\n(.*?)\n\n## ", document, re.S | re.M).group(1)
    assert "- Lena Forsberg, Exempeluniversitetet (ordförande)" in present
    assert "- Emma Wallin, Exempeluniversitetet (sekreterare)" in present
    assert re.findall(r"^\*\*Beslut \(utkast\):\*\* (.+)$", document, re.M) == [
        "Styrgruppen beslutade att fastställa handlingsplan 2027.",
        "Styrgruppen beslutade att godkänna att ansökan lämnas in med Nordverks "
        "medfinansiering om 2 miljoner kronor.",
    ]
    assert "Protokollet från mötet 2026-06-04 lades till handlingarna." in document
    assert "Nästa möte hålls 2027-03-11." in document
    assert "| Emma Wallin | Lena Forsberg |  |" in document


def test_the_minutes_in_english(cli):
    result = minutes(cli, "eu-region-exempel", "--body", "styrgrupp", "--lang", "en")
    assert result.exit_code == 0, result.output
    document = result.stdout
    assert document.startswith("# Styrgruppen: minutes of the meeting on 11 February 2027\n")
    assert "**Decision (draft):** The steering group decided: start the evaluation before " in (
        document
    )
    assert "## § 4 Matters for decision" in document


def test_the_minutes_in_word_say_what_the_markdown_says(cli, tmp_path):
    out = tmp_path / "protokoll.docx"
    args = ("eu-stiftelsen-exempelhemmet", "--body", "ledningsmote", "--lang", "sv")
    written = minutes(cli, *args, "--format", "docx", "-o", str(out))
    assert written.exit_code == 0, written.output
    document = minutes(cli, *args).stdout
    assert docx_units(out)[:-1] == markdown_units(document)


def test_without_a_planned_meeting_the_minutes_ask_for_meeting(cli):
    args = ("eu-stiftelsen-exempelhemmet", "--body", "styrgrupp", "--lang", "en")
    result = minutes(cli, *args)
    assert result.exit_code == 2 and "--meeting YYYY-MM-DD" in result.stderr
    result = minutes(cli, *args, "--meeting", "2026-12-15")
    assert result.exit_code == 0, result.output
    assert "**Meeting:** 15 December 2026" in result.stdout


@pytest.mark.parametrize(
    "options",
    [
        ("--body", "okand"),
        ("--body", "styrgrupp", "--format", "docx"),
        ("--body", "styrgrupp", "--format", "pdf", "-o", "x.pdf"),
        ("--body", "styrgrupp", "--meeting", "2026-13-01"),
    ],
)
def test_bad_input_exits_2(cli, options):
    result = minutes(cli, "eu-nordverk", *options)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
