"""What a hostile or unlucky input still got through (each case failed before its fix)."""

from __future__ import annotations

import contextlib
import json
import os
import re
import threading
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

BASE = (ROOT / "tests" / "rules" / "base.yaml").read_text(encoding="utf-8")
AS_OF = "2026-11-28"
BUG = "failed unexpectedly"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "partnerships").mkdir()
    (tmp_path / "partnerships" / "r.yaml").write_text(BASE, encoding="utf-8")
    return tmp_path


# ---------------------------------------------------------------- 4. paths that block


def _unblock_fifo_later(path: Path) -> threading.Timer:
    """Write to the FIFO after a while, so a reader that blocks would wake up: the test then
    fails on the output instead of hanging."""

    def release() -> None:
        with contextlib.suppress(OSError), open(path, "wb") as handle:
            handle.write(b"x = 1\n")

    timer = threading.Timer(5, release)
    timer.daemon = True
    timer.start()
    return timer


@pytest.mark.parametrize("option", ["--config", "--check"])
def test_a_fifo_as_the_config_or_the_schema_file_is_refused_at_once(cli, folder, option):
    fifo = folder / "pipe.toml"
    os.mkfifo(fifo)
    timer = _unblock_fifo_later(fifo)
    try:
        args = ("check", "--config", str(fifo)) if option == "--config" else ("schema",)
        if option == "--check":
            args = (*args, "--check", str(fifo))
        result = cli(*args, cwd=folder)
    finally:
        timer.cancel()
    assert result.exit_code == 2
    assert "cannot be read" in result.stderr and "not a regular file" in result.stderr


def test_an_endless_device_as_the_config_is_refused(cli, folder):
    result = cli("check", "--config", "/dev/zero", cwd=folder)
    assert result.exit_code == 2 and BUG not in result.output
    assert "cannot be read" in result.stderr


def test_a_huge_config_is_refused_without_reading_it_all(cli, folder):
    big = folder / "big.toml"
    big.write_text("# " + "x" * (2 << 20) + "\n", encoding="utf-8")
    result = cli("check", "--config", str(big), cwd=folder)
    assert result.exit_code == 2 and "limit" in result.stderr


# ---------------------------------------------------------------- 5. outputs over records


@pytest.mark.parametrize(
    "args",
    [
        ("check", "-o", "partnerships/r.yaml"),
        ("check", "partnerships/r.yaml", "-o", "partnerships/r.yaml"),
        ("report", "--html", "partnerships/r.yaml"),
        ("report", "--markdown", "partnerships/report.md"),
        ("export", "-o", "partnerships/r.yaml"),
        ("export", "--format", "csv", "-o", "partnerships/tables"),
        ("calendar", "-o", "partnerships/r.yaml"),
        ("schema", "-o", "partnerships/r.yaml"),
    ],
)
def test_no_output_is_written_over_a_record_or_into_the_records_folder(cli, folder, args):
    record = folder / "partnerships" / "r.yaml"
    before = sorted(p.name for p in record.parent.iterdir())
    result = (
        cli(*args, "--as-of", AS_OF, cwd=folder) if args[0] != "schema" else cli(*args, cwd=folder)
    )
    assert result.exit_code == 2, result.output
    assert "records folder" in result.stderr
    assert record.read_text(encoding="utf-8") == BASE
    assert sorted(p.name for p in record.parent.iterdir()) == before


def test_an_output_beside_the_records_folder_is_fine(cli, folder):
    assert cli("check", "-o", "check.txt", "--as-of", AS_OF, cwd=folder).exit_code == 0
    assert (folder / "check.txt").exists()


# ---------------------------------------------------------------- 6. links out of the folder


def test_a_link_to_a_secret_outside_the_records_folder_is_never_read(cli, folder):
    secret = folder / "secrets.env"
    secret.write_text("SECRET_TOKEN=abc123\n", encoding="utf-8")
    (folder / "partnerships" / "x.yaml").symlink_to(secret)
    for fmt in ("text", "json", "github", "sarif", "junit", "concise"):
        result = cli("check", "--as-of", AS_OF, "--format", fmt, cwd=folder)
        assert "SECRET_TOKEN" not in result.output and "abc123" not in result.output, fmt
        assert "FILE-05" in result.output, fmt
        assert result.exit_code == 1


def test_a_link_inside_the_records_folder_is_read(cli, folder):
    sub = folder / "partnerships" / "arkiv"
    sub.mkdir()
    (sub / "old.yaml").symlink_to(folder / "partnerships" / "r.yaml")
    result = cli("check", "--as-of", AS_OF, "--format", "concise", cwd=folder)
    assert "FILE-05" not in result.output and "REF-03" in result.output  # the same id twice


def test_an_edit_through_a_link_out_of_the_folder_is_refused(cli, folder):
    outside = folder / "elsewhere.yaml"
    outside.write_text(BASE.replace("id: base-nordverk", "id: annan"), encoding="utf-8")
    (folder / "partnerships" / "annan.yaml").symlink_to(outside)
    before = outside.read_bytes()
    result = cli("log", "partnerships/annan.yaml", "Text", "--date", "2026-11-28", cwd=folder)
    assert result.exit_code == 2 and "symbolic link" in result.stderr
    assert outside.read_bytes() == before


# ---------------------------------------------------------------- 7 and 8. what record text can do

HOSTILE_TITLE = (
    "![x](https://evil.invalid/p.png) *em* [l](http://x.invalid) "
    "\x1b[31m\x07\x08\u202e\u2066\u200f\u200b\x9b"
)
RAW = ["\x1b", "\x07", "\x08", "\u202e", "\u2066", "\u200f", "\u200b", "\x9b"]


def hostile(folder: Path) -> Path:
    text = BASE.replace("text: Ta fram en", "text: X", 1)
    text = text.replace(
        "  sv: Exempeluniversitetet och Nordverk AB", f"  sv: {json.dumps(HOSTILE_TITLE)}"
    )
    text = text.replace("title: Fler examensarbeten", f"title: {json.dumps(HOSTILE_TITLE)}", 1)
    record = folder / "partnerships" / "r.yaml"
    record.write_text(text, encoding="utf-8")
    return record


def test_control_and_direction_characters_reach_no_output(cli, folder):
    hostile(folder)
    outputs = {
        "report.html": ("report", "--html", "report.html"),
        "annual.html": (
            "report",
            "--partnership",
            "base-nordverk",
            "--year",
            "2026",
            "--html",
            "annual.html",
        ),
        "c.ics": ("calendar", "-o", "c.ics"),
        "report.md": ("report", "--markdown", "report.md"),
    }
    for name, args in outputs.items():
        result = cli(*args, "--as-of", AS_OF, cwd=folder)
        assert result.exit_code == 0, (name, result.output)
        text = (folder / name).read_text(encoding="utf-8")
        assert not [c for c in RAW if c in text], name
        assert "\\u202e" in text, name  # shown, not hidden
    github = cli("check", "--format", "github", "--as-of", AS_OF, cwd=folder).stdout
    assert not [c for c in RAW if c in github]


def test_github_file_property_carries_no_raw_controls(cli, tmp_path):
    folder = tmp_path / "partnerships"
    folder.mkdir()
    (folder / "a\x1bb\x07.yaml").write_text("id: [\n", encoding="utf-8")
    out = cli("check", "--format", "github", cwd=tmp_path).stdout
    assert "\x1b" not in out and "\x07" not in out and "file=partnerships/a\\x1bb\\x07.yaml" in out


IMAGE = re.compile(r"(?<!\\)!\[x\]\(")
LINK = re.compile(r"(?<!\\)\[l\]\(")


def test_markdown_outputs_show_record_text_literally(cli, folder, tmp_path, monkeypatch):
    hostile(folder)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    runs = {
        "followup": cli("followup", "--format", "markdown", "--as-of", AS_OF, cwd=folder).stdout,
        "brief": cli(
            "brief",
            "base-nordverk",
            "--body",
            "styrgrupp",
            "--format",
            "markdown",
            "--as-of",
            AS_OF,
            cwd=folder,
        ).stdout,
        "report": cli("report", "--as-of", AS_OF, cwd=folder).stdout,
    }
    cli("check", "--format", "github", "--as-of", AS_OF, "--fail-on", "never", cwd=folder)
    runs["summary"] = summary.read_text(encoding="utf-8") if summary.exists() else ""
    for name, text in runs.items():
        assert not IMAGE.search(text) and not LINK.search(text), name
        assert "https://evil" not in text, name
        assert not re.search(r"(?<!\\)\*em(?<!\\)\*", text), name


# ---------------------------------------------------------------- 9. nothing could be read


@pytest.mark.parametrize(
    ("args", "written"),
    [
        (("report", "--html", "r.html", "--markdown", "r.md"), ["r.html", "r.md"]),
        (("export", "-o", "x.xlsx"), ["x.xlsx"]),
        (("export", "--format", "csv", "-o", "csv"), ["csv"]),
    ],
)
def test_report_and_export_exit_1_when_nothing_could_be_read(cli, tmp_path, args, written):
    (tmp_path / "partnerships").mkdir()
    (tmp_path / "partnerships" / "bad.yaml").write_text("id: [\n", encoding="utf-8")
    result = cli(*args, "--as-of", AS_OF, cwd=tmp_path)
    assert result.exit_code == 1
    assert "partnerships/bad.yaml:2:1: YAML-01" in result.stderr
    assert not [name for name in written if (tmp_path / name).exists()]


# ---------------------------------------------------------------- 10. smaller


def test_csv_export_does_not_create_missing_parent_folders(cli, folder):
    result = cli("export", "--format", "csv", "-o", "missing/sub/dir", "--as-of", AS_OF, cwd=folder)
    assert result.exit_code == 2 and not (folder / "missing").exists()


def test_an_edit_of_a_fifo_says_what_it_is(cli, folder):
    os.mkfifo(folder / "partnerships" / "pipe.yaml")
    result = cli("log", "partnerships/pipe.yaml", "Text", "--date", "2026-11-28", cwd=folder)
    assert result.exit_code == 2 and "not a regular file" in result.stderr


def test_an_id_missing_among_unreadable_records_names_them(cli, folder):
    (folder / "partnerships" / "big.yaml").write_text(
        "id: annan\n" + "#" * (3 << 20), encoding="utf-8"
    )
    result = cli("log", "annan", "Text", "--date", "2026-11-28", cwd=folder)
    assert result.exit_code == 2
    assert "could not be read" in result.stderr and "big.yaml" in result.stderr


@pytest.mark.parametrize("text", [" ", "", "\t \n"])
def test_blank_text_is_refused(cli, folder, text):
    before = (folder / "partnerships" / "r.yaml").read_bytes()
    result = cli("log", "base-nordverk", text, "--date", "2026-11-28", cwd=folder)
    assert result.exit_code == 2 and "write some text" in result.stderr
    assert (folder / "partnerships" / "r.yaml").read_bytes() == before


def test_the_examples_still_pass_every_guard(cli):
    assert cli("check", "--as-of", AS_OF, cwd=EXAMPLES.parent).exit_code == 0


# ---------------------------------------------------------------- 14. junit, xlsx


def test_junit_two_findings_on_one_line_are_two_cases(cli, tmp_path):
    import xml.etree.ElementTree as ET

    from partnerkit.findings import Finding, Position, Severity
    from partnerkit.load.pipeline import CheckResult, FileReport
    from partnerkit.render.check.junit import render

    same = [Finding("SCHEMA-01", Severity.ERROR, m, "r.yaml", Position(3, 1)) for m in "ab"]
    out = render(CheckResult([FileReport("r.yaml", same)]), None)
    [suite] = ET.fromstring(out)
    assert [c.get("name") for c in suite] == [
        "SCHEMA-01 line 3 col 1",
        "SCHEMA-01 line 3 col 1 (2)",
    ]


def test_the_same_records_and_as_of_date_give_a_byte_identical_workbook(cli, folder):
    first = cli("export", "-o", "a.xlsx", "--as-of", AS_OF, cwd=folder)
    import time

    time.sleep(2.1)  # zip entries are dated to the even second
    second = cli("export", "-o", "b.xlsx", "--as-of", AS_OF, cwd=folder)
    assert first.exit_code == second.exit_code == 0
    assert (folder / "a.xlsx").read_bytes() == (folder / "b.xlsx").read_bytes()
    other = cli("export", "-o", "c.xlsx", "--as-of", "2026-11-29", cwd=folder)
    assert other.exit_code == 0
    assert (folder / "c.xlsx").read_bytes() != (folder / "a.xlsx").read_bytes()


# ---------------------------------------------------------------- 11. SARIF for code scanning


def test_sarif_locations_are_relative_to_the_repository_root(cli, tmp_path):
    import json as _json

    (tmp_path / ".git").mkdir()  # the repository root, as code scanning sees it
    records = tmp_path / "sub" / "partnerships"
    records.mkdir(parents=True)
    (records / "r å.yaml").write_text(BASE + "extra: 1\n", encoding="utf-8")
    out = cli("check", "--format", "sarif", "--as-of", AS_OF, cwd=tmp_path / "sub").stdout
    run = _json.loads(out)["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "sub/partnerships/r%20%C3%A5.yaml", "uriBaseId": "%SRCROOT%"}
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["shortDescription"]["text"] != rule["fullDescription"]["text"], rule["id"]


@pytest.mark.parametrize(("lang", "page"), [("en", "rules.md"), ("sv", "rules.sv.md")])
def test_each_sarif_rule_links_to_its_section_of_the_rules_reference(cli, folder, lang, page):
    """helpUri: the published docs/ folder (pyproject's Documentation URL), the rules page in
    the report's language, the rule's own heading (``## LEAD-01`` is ``#lead-01``)."""
    import json as _json
    import tomllib

    published = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]
    out = cli("check", "--format", "sarif", "--as-of", AS_OF, "--lang", lang, cwd=folder).stdout
    rules = _json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    headings = set(re.findall(r"^## (\S+)$", (ROOT / "docs" / page).read_text(), re.M))
    assert len(rules) > 60
    for rule in rules:
        base, anchor = rule["helpUri"].split("#")
        assert base == f"{published['Documentation']}/{page}"
        assert anchor == rule["id"].lower() and rule["id"] in headings


# ---------------------------------------------------------------- 13. conventions


def test_check_reads_one_record_from_standard_input(cli, folder):
    from typer.testing import CliRunner

    from partnerkit.cli.app import app

    runner = CliRunner()
    text = BASE + "extra: 1\n"
    os.chdir(folder)
    result = runner.invoke(
        app,
        [
            "check",
            "-",
            "--stdin-filename",
            "partnerships/r.yaml",
            "--as-of",
            AS_OF,
            "--format",
            "concise",
        ],
        input=text.encode("utf-8"),
        env={"PARTNERKIT_LANG": "en"},
    )
    assert result.exit_code == 1
    assert result.stdout.startswith("partnerships/r.yaml:")
    assert "SCHEMA-01" in result.stdout
    clean = runner.invoke(app, ["check", "-", "--as-of", AS_OF], input=BASE.encode("utf-8"))
    assert clean.exit_code == 0


def test_quiet_prints_only_the_findings(cli, folder):
    loud = cli("check", "--as-of", AS_OF, cwd=folder).stdout
    quiet = cli("check", "-q", "--as-of", AS_OF, cwd=folder).stdout
    assert "records checked" in loud or "record checked" in loud
    assert "checked" not in quiet and quiet.strip() == ""


def test_the_configuration_is_found_from_the_records_folder(cli, folder, tmp_path_factory):
    record = folder / "partnerships" / "r.yaml"
    record.write_text(BASE.replace("  - date: 2026-05-20\n", "  - date: 2025-05-20\n"), "utf-8")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    args = ("check", str(folder / "partnerships"), "--as-of", AS_OF, "--format", "concise")
    assert "ASM-01" in cli(*args, cwd=elsewhere).stdout
    (folder / "partnerkit.toml").write_text('[rules]\nignore = ["ASM"]\n', encoding="utf-8")
    assert "ASM-01" not in cli(*args, cwd=elsewhere).stdout


# ---------------------------------------------------------------- 2. work bounded per file

MINIMAL_HEAD = BASE.split("people:\n", 1)[0]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("people: [" + ",".join(["{}"] * 300_000) + "]\n", "more than 10000 items"),
        ("- 1\n" * 500_000, "more than 10000 items"),
        ("".join(f"k{i}: [a, b, c, d]\n" for i in range(12_000)), "more than 50000 values"),
    ],
    ids=["people-flow", "ones", "many-keys"],
)
def test_a_file_with_too_many_values_is_a_finding_before_anything_is_built(
    cli, tmp_path, text, message
):
    (tmp_path / "partnerships").mkdir()
    (tmp_path / "partnerships" / "r.yaml").write_text(text, encoding="utf-8")
    result = cli("check", "--format", "concise", "--as-of", AS_OF, cwd=tmp_path)
    assert result.exit_code == 1
    assert "YAML-13" in result.stdout and message in result.stdout
    assert result.stdout.count("\n") == 2  # one finding and the summary: nothing else was built


def test_the_limits_can_be_raised_for_a_real_record(cli, folder):
    items = "".join(f"  - {{date: 2020-01-01, type: note, summary: Rad {i}}}\n" for i in range(12))
    (folder / "partnerkit.toml").write_text("[limits]\nmax_list_items = 5\n", encoding="utf-8")
    text = BASE.replace("followup_log:\n", "followup_log:\n" + items, 1)
    (folder / "partnerships" / "r.yaml").write_text(text, encoding="utf-8")
    low = cli("check", "--format", "concise", "--as-of", AS_OF, cwd=folder)
    assert "YAML-13" in low.stdout
    (folder / "partnerkit.toml").write_text("[limits]\nmax_list_items = 50\n", encoding="utf-8")
    assert "YAML-13" not in cli("check", "--format", "concise", "--as-of", AS_OF, cwd=folder).stdout


# ---------------------------------------------------------------- 12. pre-commit


def test_the_pre_commit_hook_reports_the_files_being_committed():
    import yaml

    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["pass_filenames"] is True and hook["require_serial"] is True
    assert hook["entry"].split()[:2] == ["partnerkit", "check"] and "--portfolio" in hook["entry"]


def test_an_untracked_draft_does_not_block_an_unrelated_commit(folder):
    import subprocess
    import sys

    (folder / "partnerships" / "utkast.yaml").write_text("id: [utkast\n", encoding="utf-8")
    other = BASE.replace("id: base-nordverk", "id: annan")
    (folder / "partnerships" / "annan.yaml").write_text(other, encoding="utf-8")

    def commit(*staged: str) -> subprocess.CompletedProcess:
        """The hook's command line as pre-commit runs it, with the staged files appended."""
        hook = [sys.executable, "-m", "partnerkit", "check", "--format", "concise", "--portfolio"]
        return subprocess.run(
            [*hook, "--as-of", AS_OF, *staged], cwd=folder, capture_output=True, text=True
        )

    staged = commit("partnerships/annan.yaml")
    assert staged.returncode == 0, staged.stdout + staged.stderr
    assert "utkast" not in staged.stdout
    # the draft itself, when it is committed, is reported
    draft = commit("partnerships/utkast.yaml")
    assert draft.returncode == 1 and "partnerships/utkast.yaml" in draft.stdout
    # cross-record rules still see the whole portfolio: an id taken by an unstaged record
    twin = BASE.replace("id: base-nordverk", "id: annan")
    (folder / "partnerships" / "zz-tvilling.yaml").write_text(twin, encoding="utf-8")
    clash = commit("partnerships/zz-tvilling.yaml")
    assert clash.returncode == 1 and "REF-03" in clash.stdout


def test_sarif_rule_texts_name_the_configured_thresholds(cli, folder):
    import json as _json

    (folder / "partnerkit.toml").write_text("[thresholds]\nleadership_meeting_error_days = 700\n")
    out = cli("check", "--format", "sarif", "--as-of", AS_OF, cwd=folder).stdout
    rules = _json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    lead = next(r for r in rules if r["id"] == "LEAD-02")
    assert "700 days" in lead["fullDescription"]["text"] and "548" not in lead["help"]["text"]
