"""`partnerkit diff` on a real git repository: what changed, in reviewer's terms."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import BASE


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "samordnare@example.org")
    git(tmp_path, "config", "user.name", "Samordnare")
    (tmp_path / "partnerships").mkdir()
    (tmp_path / "partnerships" / "nordverk.yaml").write_text(BASE, encoding="utf-8")
    other = BASE.replace("id: base-nordverk", "id: region").replace(
        "sv: Exempeluniversitetet och Nordverk AB", "sv: Exempeluniversitetet och Region Exempel"
    )
    (tmp_path / "partnerships" / "region.yaml").write_text(other, encoding="utf-8")
    commit(tmp_path, "first")
    return tmp_path


def change(repo: Path, name: str, *edits: tuple[str, str]) -> None:
    path = repo / "partnerships" / name
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def test_no_changes(cli, repo):
    result = cli("diff", "HEAD", "--format", "markdown", "--lang", "en", cwd=repo)
    assert result.exit_code == 0
    assert "No changes to the records." in result.stdout


def test_record_changes_between_two_revisions(cli, repo):
    new_person = "  - {id: p-ny, name: Nora Ny, side: nv, title: controller}\n"
    new_decision = (
        "\n  - {id: d-2026-9, date: 2026-12-10, body_id: styrgrupp, "
        "text: Ny handlingsplan tas fram., owner: p-vr, due: 2027-02-01}"
    )
    measured = "          - {date: 2025-12-31, value: 18}\n"
    change(
        repo,
        "nordverk.yaml",
        ("  phase: drift\n", "  phase: utvardering\n"),
        (measured, measured + "          - {date: 2026-11-01, value: 21}\n"),
        ("      - {date: 2026-12-10, status: planned}", "      - {date: 2026-12-10}"),
        ("  - {id: p-kontor,", new_person + "  - {id: p-kontor,"),
        ("status: done, closed: 2025-12-15}", "status: done, closed: 2025-12-15}" + new_decision),
        (
            "start: 2024-01-15, status: ongoing",
            "start: 2024-01-15, end: 2026-11-30, status: completed",
        ),
        ("    end: 2029-02-28\n", "    end: 2030-02-28\n"),
    )
    commit(repo, "second")
    (repo / "partnerships" / "region.yaml").unlink()
    new = BASE.replace("id: base-nordverk", "id: kommun").replace(
        "sv: Exempeluniversitetet och Nordverk AB", "sv: Exempeluniversitetet och Exempelby kommun"
    )
    (repo / "partnerships" / "kommun.yaml").write_text(new, encoding="utf-8")
    commit(repo, "third")
    result = cli("diff", "HEAD~2", "HEAD", "--format", "markdown", "--lang", "en", cwd=repo)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "# Changes in the partnership records: HEAD\\~2 → HEAD" in out  # ~ made literal
    assert "## New partnerships" in out and "(kommun)" in out
    assert "## Removed partnerships" in out and "(region)" in out
    assert "Phase: running → evaluation (since 2024-03-01)." in out
    assert "Indicator Examensarbeten per år: 21 on 2026-11-01." in out
    assert "Meeting held: styrgrupp on 2026-12-10." in out
    assert "Person added: Nora Ny (controller)." in out
    assert "Decision opened: Ny handlingsplan tas fram (due 2027-02-01)." in out
    assert "Activity Examensarbeten: ongoing → completed." in out
    assert "Agreement from 2023-03-01: end date 2029-02-28 → 2030-02-28." in out


def test_working_tree_is_the_default_and_swedish(cli, repo):
    change(repo, "nordverk.yaml", ("  phase: drift\n", "  phase: avveckling\n"))
    result = cli("diff", "HEAD", "--format", "markdown", "--lang", "sv", cwd=repo)
    assert result.exit_code == 0
    assert "drift → avveckling" in result.stdout
    assert "HEAD → arbetskopian" in result.stdout


def test_renamed_file_is_not_added_and_removed(cli, repo):
    git(repo, "mv", "partnerships/region.yaml", "partnerships/region-exempel.yaml")
    result = cli("diff", "HEAD", "--format", "markdown", "--lang", "en", cwd=repo)
    assert "No changes to the records." in result.stdout


def test_unreadable_record_at_a_revision_is_named(cli, repo):
    (repo / "partnerships" / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    result = cli("diff", "HEAD", "--format", "markdown", "--lang", "en", cwd=repo)
    assert result.exit_code == 0
    assert "broken.yaml" in result.stdout


def test_text_format_and_bad_revisions(cli, repo, tmp_path_factory):
    assert cli("diff", "HEAD", cwd=repo).exit_code == 0
    bad = cli("diff", "no-such-rev", cwd=repo)
    assert bad.exit_code == 2 and "no-such-rev" in bad.stderr
    outside = tmp_path_factory.mktemp("not-a-repo")
    assert cli("diff", "HEAD", cwd=outside).exit_code == 2
