"""The brief as HTML and Word (.docx), and for every example partnership with a steering
body, in Swedish and English.

The Word document is read back with python-docx and its text compared with the Markdown
brief's, paragraph by paragraph and cell by cell; LibreOffice converts it to PDF when it is
installed (the test is skipped where it is not).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import AS_OF, BASE, ROOT

EXAMPLES_AS_OF = "2026-11-30"


def run_brief(cli, cwd: Path, record: str, body: str, *options: str, as_of: str = AS_OF):
    return cli("brief", record, "--body", body, "--as-of", as_of, *options, cwd=cwd)


def markdown_units(document: str) -> list[str]:
    """The Markdown brief as plain text units: one per heading, paragraph and list item,
    and one per table cell, in order."""
    units: list[str] = []
    for line in document.splitlines():
        if not line.strip() or re.fullmatch(r"\|(---\|)+", line):
            continue
        if line.startswith("|"):
            units += [_plain(cell.strip()) for cell in line.strip("|").split(" | ")]
            continue
        line = re.sub(r"^#+ ", "", line)
        line = re.sub(r"^- ", "", line)
        units.append(_plain(line.replace("**", "")))
    return units


def _plain(text: str) -> str:
    return html.unescape(re.sub(r"\\(.)", r"\1", text))


def docx_units(path: Path) -> list[str]:
    """The same units read from the .docx: paragraphs and table cells in document order."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    word = docx.Document(str(path))
    units: list[str] = []
    for child in word.element.body.iterchildren():
        if child.tag.endswith("}p"):
            text = Paragraph(child, word).text
            if text.strip():
                units.append(text)
        elif child.tag.endswith("}tbl"):
            for row in Table(child, word).rows:
                units += [cell.text for cell in row.cells]
    return units


def test_the_word_brief_says_what_the_markdown_brief_says(cli, tmp_path):
    for lang in ("sv", "en"):
        out = tmp_path / f"brief-{lang}.docx"
        args = ("--lang", lang)
        written = run_brief(
            cli,
            ROOT,
            "eu-nordverk",
            "styrgrupp",
            *args,
            "--format",
            "docx",
            "-o",
            str(out),
            as_of=EXAMPLES_AS_OF,
        )
        assert written.exit_code == 0, written.output
        document = run_brief(
            cli,
            ROOT,
            "eu-nordverk",
            "styrgrupp",
            *args,
            "--format",
            "markdown",
            as_of=EXAMPLES_AS_OF,
        ).stdout
        units = docx_units(out)
        expected = markdown_units(document)
        # the footer line (who made it) is the Word document's own
        assert units[:-1] == expected
        assert units[-1].startswith(("Framtaget med partnerkit", "Made with partnerkit"))


def test_the_word_brief_has_headings_tables_page_numbers_and_its_language(cli, tmp_path):
    import docx

    out = tmp_path / "brief.docx"
    result = run_brief(
        cli,
        ROOT,
        "eu-nordverk",
        "styrgrupp",
        "--lang",
        "sv",
        "--format",
        "docx",
        "-o",
        str(out),
        as_of=EXAMPLES_AS_OF,
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"Skrev {out}."
    word = docx.Document(str(out))
    styles = [
        (p.style.name, p.text)
        for p in word.paragraphs
        if p.style.name.startswith(("Title", "Heading"))
    ]
    assert styles[0] == ("Title", "Styrgruppen: underlag inför mötet 10 december 2026")
    assert ("Heading 1", "4. Beslutsärenden") in styles
    assert (
        "Heading 2",
        "4.1 Förslag till handlingsplan 2027 läggs fram på styrgruppen 10 december.",
    ) in styles
    assert ("Heading 3", "AI-baserat prediktivt underhåll i Nordverks maskinpark") in styles
    assert len(word.tables) >= 6
    assert [c.text for c in word.tables[0].rows[0].cells] == [
        "id",
        "beslut",
        "ansvarig",
        "klart senast",
        "status",
    ]
    footer = word.sections[0].footer._element.xml
    assert "> PAGE <" in footer and "> NUMPAGES <" in footer and "Sida " in footer
    assert 'w:val="sv-SE"' in word.styles["Normal"].element.xml
    assert word.core_properties.title == "Styrgruppen: underlag inför mötet 10 december 2026"


def test_record_text_in_word_and_html_stays_text(cli, tmp_path):
    hostile = BASE.replace(
        "title: Stärkt kompetensförsörjning inom energiteknik",
        'title: "<script>alert(1)</script> & \\u202e<b>mål</b> \\uFFFE\\uFFFF"',
    )
    (tmp_path / "r.yaml").write_text(hostile, encoding="utf-8")
    page = tmp_path / "b.html"
    result = run_brief(
        cli, tmp_path, "base-nordverk", "styrgrupp", "--format", "html", "-o", str(page), "r.yaml"
    )
    assert result.exit_code == 0, result.output
    text = page.read_text(encoding="utf-8")
    assert "<script>" not in text and "<b>mål" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \\u202e&lt;b&gt;mål&lt;/b&gt;" in text
    out = tmp_path / "b.docx"
    result = run_brief(
        cli, tmp_path, "base-nordverk", "styrgrupp", "--format", "docx", "-o", str(out), "r.yaml"
    )
    assert result.exit_code == 0, result.output
    # U+FFFE and U+FFFF, which no XML may hold, are shown as escapes like any hidden character
    assert "<script>alert(1)</script> & \\u202e<b>mål</b> \\ufffe\\uffff" in docx_units(out)


def test_the_html_brief_is_one_printable_page_that_reaches_nothing(cli, tmp_path):
    page = tmp_path / "b.html"
    result = run_brief(
        cli,
        ROOT,
        "eu-nordverk",
        "styrgrupp",
        "--lang",
        "en",
        "--format",
        "html",
        "-o",
        str(page),
        as_of=EXAMPLES_AS_OF,
    )
    assert result.exit_code == 0, result.output
    text = page.read_text(encoding="utf-8")
    assert text.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    assert "@page" in text and "@media print" in text
    assert "<script" not in text and not re.search(r"(src|href)=\"(https?:)?//", text)
    assert "<h1>Styrgruppen: brief for the meeting on 10 December 2026</h1>" in text
    assert (
        "<h3>4.1 Förslag till handlingsplan 2027 läggs fram på styrgruppen 10 december.</h3>"
        in text
    )
    assert '<td class="num">1,240,000</td>' in text
    assert "<ol>" in text and "<li>Matters for decision</li>" in text


def test_an_output_that_cannot_be_written_leaves_nothing(cli, tmp_path):
    (tmp_path / "r.yaml").write_text(BASE, encoding="utf-8")
    missing = tmp_path / "nowhere" / "b.docx"
    result = run_brief(
        cli,
        tmp_path,
        "base-nordverk",
        "styrgrupp",
        "--format",
        "docx",
        "-o",
        str(missing),
        "r.yaml",
    )
    assert result.exit_code == 2 and "does not exist" in result.stderr
    assert not (tmp_path / "nowhere").exists()
    folder = tmp_path / "partnerships"
    folder.mkdir()
    (folder / "r.yaml").write_text(BASE, encoding="utf-8")
    result = run_brief(
        cli, tmp_path, "base-nordverk", "styrgrupp", "--format", "html", "-o", "partnerships/b.html"
    )
    assert result.exit_code == 2 and "records folder" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["r.yaml"]


def test_a_failed_write_keeps_the_old_brief_and_leaves_no_temporary_file(
    cli, tmp_path, monkeypatch
):
    """The rename that would replace the old file fails (as on a full or read-only disk;
    permissions alone do not stop root): exit 2, the old brief whole, nothing left over."""
    import os

    from partnerkit.files import writer

    (tmp_path / "r.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "b.docx").write_bytes(b"the old brief")

    def refuse(source, target):
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(writer.os, "replace", refuse)
    result = run_brief(
        cli,
        tmp_path,
        "base-nordverk",
        "styrgrupp",
        "--format",
        "docx",
        "-o",
        "out/b.docx",
        "r.yaml",
    )
    monkeypatch.setattr(writer.os, "replace", os.replace)
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    assert (tmp_path / "out" / "b.docx").read_bytes() == b"the old brief"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["b.docx"]


@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")),
    reason="LibreOffice is not installed",
)
def test_libreoffice_converts_the_word_brief_to_pdf(cli, tmp_path):
    out = tmp_path / "brief.docx"
    result = run_brief(
        cli,
        ROOT,
        "eu-nordverk",
        "styrgrupp",
        "--lang",
        "sv",
        "--format",
        "docx",
        "-o",
        str(out),
        as_of=EXAMPLES_AS_OF,
    )
    assert result.exit_code == 0, result.output
    office = shutil.which("soffice") or shutil.which("libreoffice")
    profile = tmp_path / "profile"
    subprocess.run(
        [
            office,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pdf = (tmp_path / "brief.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


# --- every example partnership with a steering body ---------------------------------------

# (record, body, meeting or None for the next planned, the matters for decision in Swedish)
EXAMPLES = [
    (
        "eu-nordverk",
        "styrgrupp",
        None,
        [
            # d-2026-04 is about the action plan: the follow-up's GOAL-06 joins it
            "Förslag till handlingsplan 2027 läggs fram på styrgruppen 10 december.",
            "Gemensam ansökan i kompetenscentrumprogrammets utlysning",
        ],
    ),
    (
        "eu-nordverk",
        "partnerskapsrad",
        "2026-12-15",
        [],  # the steering group meets first and takes the action plan
    ),
    (
        "eu-region-exempel",
        "styrgrupp",
        None,
        ["Utvärdering inför förnyelse", "Nästa handlingsplan"],
    ),
    ("eu-stiftelsen-exempelhemmet", "ledningsmote", None, ["Avslut av partnerskapet"]),
    ("eu-stiftelsen-exempelhemmet", "styrgrupp", "2026-12-15", []),
    ("eu-exempelby-kommun", "partnerskapsrad", None, ["Avtalets slut"]),
    ("eu-exempelkontraktet", "styrelse", None, ["Ny ledningsförankring"]),
]


@pytest.mark.parametrize(("record", "body", "meeting", "titles"), EXAMPLES, ids=lambda x: str(x))
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_example_brief_has_header_agenda_and_its_matters(
    cli, record, body, meeting, titles, lang
):
    options = ("--meeting", meeting) if meeting else ()
    result = run_brief(
        cli,
        ROOT,
        record,
        body,
        *options,
        "--lang",
        lang,
        "--format",
        "markdown",
        as_of=EXAMPLES_AS_OF,
    )
    assert result.exit_code == 0, result.output
    document = result.stdout
    words = {
        "sv": (
            "underlag inför mötet",
            "**Partnerskap:**",
            "## Dagordning",
            "Beslutsärenden",
            "föreslås besluta att",
        ),
        "en": (
            "brief for the meeting on",
            "**Partnership:**",
            "## Agenda",
            "Matters for decision",
            "is asked to decide: ",
        ),
    }[lang]
    title, partnership, agenda, point4, proposal = words
    assert title in document.splitlines()[0]
    assert partnership in document and agenda in document
    assert re.search(rf"^## 4\. {point4}$", document, re.M)
    found = re.findall(r"^### 4\.\d+ (.+)$", document, re.M)
    assert len(found) == len(titles)
    if lang == "sv":
        assert found == titles
    assert document.count(proposal) == len(titles)
    assert "Traceback" not in result.output


def test_a_steering_group_without_a_planned_meeting_needs_meeting(cli):
    result = run_brief(
        cli, ROOT, "eu-stiftelsen-exempelhemmet", "styrgrupp", "--lang", "sv", as_of=EXAMPLES_AS_OF
    )
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "partnerkit: Styrgruppen har inget planerat möte efter 2026-11-30: ange mötesdagen med "
        "--meeting ÅÅÅÅ-MM-DD (eller registrera mötet med partnerkit meeting)."
    )
