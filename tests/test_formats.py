"""Every machine format of `check`, read back by a real consumer, and never forgeable."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml

from tests.conftest import AS_OF, BASE, ROOT, SHARED

SARIF_SCHEMA = SHARED / "corpora" / "sarif" / "sarif-schema-2.1.0.json"
EVIL = (
    "Evil\\n::error file=x.yaml,line=1::forged %0A [bold red]x[/bold red] "
    "<script>alert(1)</script> \\x1b[31mred\\u202egnp.exe"
)
NO_SPONSOR = BASE.replace("  - {person_id: p-vd, side: nv, role: vd, from: 2023-02-15}\n", "")
INJECTION = NO_SPONSOR.replace("name: Nordverk AB,", f'name: "{EVIL}",')


@pytest.fixture
def portfolio(write, tmp_path):
    write("partnerships/good.yaml", BASE)
    write("partnerships/bad.yaml", INJECTION.replace("id: base-nordverk", "id: evil"))
    write("partnerships/broken.yaml", "schema_version: '1'\nid: broken\ncolour: red\n")
    return tmp_path


def run(cli, cwd, *args):
    return cli("check", "--as-of", AS_OF, "--lang", "en", *args, cwd=cwd)


def test_injection_record_is_valid_and_flagged(cli, portfolio):
    result = run(cli, portfolio, "--format", "concise")
    assert result.exit_code == 1
    assert "partnerships/bad.yaml" in result.stdout and "LEAD-01" in result.stdout


def test_json_format(cli, portfolio):
    result = run(cli, portfolio, "--format", "json")
    data = json.loads(result.stdout)
    assert data["version"] == 1 and data["as_of"] == AS_OF
    assert data["summary"]["files"] == 3 and data["summary"]["errors"] >= 2
    finding = next(f for f in data["findings"] if f["code"] == "LEAD-01")
    assert set(finding) >= {"code", "name", "severity", "message", "file", "line", "col", "path"}
    assert finding["criterion"] == "leadership" and finding["file"] == "partnerships/bad.yaml"
    assert "<script>" in finding["message"]  # JSON carries the text; json.loads gives it back
    assert "\x1b" not in finding["message"] and "\u202e" not in finding["message"]


@pytest.mark.skipif(not SARIF_SCHEMA.exists(), reason="../shared/corpora/sarif is absent")
def test_sarif_is_valid_against_the_schema(cli, portfolio):
    jsonschema = pytest.importorskip("jsonschema")
    result = run(cli, portfolio, "--format", "sarif")
    document = json.loads(result.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    run_ = document["runs"][0]
    rule_ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    for item in run_["results"]:
        assert rule_ids[item["ruleIndex"]] == item["ruleId"]
        region = item["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1
        assert item["level"] in ("error", "warning", "note")
    assert "LEAD-01" in rule_ids and "SCHEMA-01" in rule_ids


def test_junit_parsed_by_junitparser(cli, portfolio, tmp_path):
    junitparser = pytest.importorskip("junitparser")
    report = tmp_path / "report.xml"
    result = run(cli, portfolio, "--format", "junit", "--output", str(report))
    assert result.exit_code == 1
    xml = junitparser.JUnitXml.fromfile(str(report))
    suites = {suite.name: suite for suite in xml}
    assert set(suites) == {
        "partnerships/bad.yaml",
        "partnerships/broken.yaml",
        "partnerships/good.yaml",
    }
    good = suites["partnerships/good.yaml"]
    assert good.failures == 0 and good.tests >= 1
    bad_cases = list(suites["partnerships/bad.yaml"])
    failing = [c for c in bad_cases if c.result and isinstance(c.result[0], junitparser.Failure)]
    assert any(c.result[0].type == "LEAD-01" for c in failing)
    assert suites["partnerships/broken.yaml"].failures >= 1
    ET.parse(report)  # well-formed XML despite control characters in the record


ANNOTATION = re.compile(
    r"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,"
    r"title=partnerkit \([A-Z]+-\d+\)::[^\r\n]*$"
)


def test_github_annotations_cannot_be_forged(cli, portfolio):
    result = run(cli, portfolio, "--format", "github")
    lines = result.stdout.splitlines()
    assert lines, result.output
    for line in lines:
        if line.startswith("::"):
            assert ANNOTATION.match(line), line
    forged = [line for line in lines if "forged" in line]
    assert forged and all(line.startswith("::error file=partnerships/bad.yaml") for line in forged)
    assert all(
        "%0A::error" in line or "::error file=x" not in line.split("::", 2)[1] for line in forged
    )
    assert "%250A" in result.stdout  # the record's own %0A is escaped, not decoded
    assert "\x1b" not in result.stdout


def test_github_is_the_default_in_actions_and_writes_a_step_summary(cli, portfolio, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = cli("check", "--as-of", AS_OF, cwd=portfolio, env=env)
    assert result.stdout.startswith("::")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# earlier step\n")
    assert "| partnerships/bad.yaml:" in text and "&lt;script&gt;" in text
    assert "<script>" not in text


def test_annotations_are_capped_per_level_the_rest_are_log_lines(cli, write, tmp_path):
    for i in range(12):
        write(f"partnerships/r{i}.yaml", f"schema_version: '1'\nid: r{i}\ncolour: red\n")
    result = cli("check", "--as-of", AS_OF, "--format", "github", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert sum(line.startswith("::error") for line in lines) == 10
    assert len(lines) > 10 and not any(line.startswith("::") for line in lines[10:])


def test_output_file_is_written_and_summary_printed(cli, portfolio, tmp_path):
    target = tmp_path / "out.sarif"
    result = run(cli, portfolio, "--format", "sarif", "-o", str(target))
    json.loads(target.read_text(encoding="utf-8"))
    assert "records checked" in result.stdout


def test_unknown_format_exits_2(cli, portfolio):
    assert run(cli, portfolio, "--format", "xml").exit_code == 2


def test_hook_manifest_entry_runs_on_good_and_bad_records(tmp_path):
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "partnerkit-check")
    assert re.match(hook["files"], "partnerships/a.yaml") and hook["pass_filenames"] is True
    entry = shlex.split(hook["entry"])
    (tmp_path / "partnerships").mkdir()
    record = tmp_path / "partnerships" / "a.yaml"
    record.write_text(BASE, encoding="utf-8")
    staged = ["partnerships/a.yaml"]  # pre-commit appends the files being committed
    run = [*entry, "--as-of", AS_OF, *staged]
    good = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True)
    assert good.returncode == 0, good.stdout + good.stderr
    record.write_text(BASE.replace("phase: drift", "phase: driftt"), encoding="utf-8")
    bad = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True)
    assert bad.returncode == 1 and "partnerships/a.yaml:" in bad.stdout


def test_action_passes_inputs_through_the_environment():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"], "inputs must reach scripts through env"


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def repo(tmp_path):
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "samordnare@example.org")
    git(tmp_path, "config", "user.name", "Samordnare")
    (tmp_path / "partnerships").mkdir()
    (tmp_path / "partnerships" / "a.yaml").write_text(BASE, encoding="utf-8")
    other = NO_SPONSOR.replace("id: base-nordverk", "id: other")
    (tmp_path / "partnerships" / "b.yaml").write_text(other, encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "records")
    return tmp_path


def test_changed_since_reports_only_changed_records(cli, repo):
    base = cli("check", "--as-of", AS_OF, "--format", "concise", cwd=repo)
    assert "b.yaml" in base.stdout
    changed = BASE.replace("phase: drift", "phase: driftt")
    (repo / "partnerships" / "a.yaml").write_text(changed, encoding="utf-8")
    result = cli(
        "check", "--as-of", AS_OF, "--format", "concise", "--changed-since", "HEAD", cwd=repo
    )
    assert "a.yaml" in result.stdout and "b.yaml" not in result.stdout
    assert result.exit_code == 1


def test_changed_since_still_sees_the_whole_portfolio(cli, repo):
    clash = BASE.replace("id: base-nordverk", "id: other")
    (repo / "partnerships" / "c.yaml").write_text(clash, encoding="utf-8")
    out = cli("check", "--as-of", AS_OF, "--format", "concise", "--changed-since", "HEAD", cwd=repo)
    assert "c.yaml" in out.stdout and "REF-03" in out.stdout


def test_changed_since_unknown_revision_exits_2(cli, repo):
    result = cli("check", "--changed-since", "no-such-branch", cwd=repo)
    assert result.exit_code == 2 and "no-such-branch" in result.stderr


def test_schema_check_and_check_jsonschema_agree(cli, tmp_path):
    committed = ROOT / "schema" / "partnership.schema.json"
    assert cli("schema", "--check", str(committed)).exit_code == 0
    stale = tmp_path / "old.json"
    stale.write_text("{}", encoding="utf-8")
    assert cli("schema", "--check", str(stale)).exit_code == 1
    examples = sorted((ROOT / "partnerships").glob("*.yaml"))
    ok = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--schemafile",
            str(committed),
            *map(str, examples),
        ],
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    for name, text in {
        "unknown.yaml": BASE.replace("title:\n", "titel: x\ntitle:\n"),
        "type.yaml": BASE.replace("amount: 0.3", "amount: many"),
        "enum.yaml": BASE.replace("phase: drift", "phase: driftt"),
    }.items():
        bad = tmp_path / name
        bad.write_text(text, encoding="utf-8")
        run_bad = subprocess.run(
            [sys.executable, "-m", "check_jsonschema", "--schemafile", str(committed), str(bad)],
            capture_output=True,
            text=True,
        )
        assert run_bad.returncode == 1, name


def test_examples_carry_the_schema_modeline():
    for path in (ROOT / "partnerships").glob("*.yaml"):
        assert "yaml-language-server: $schema=../schema/partnership.schema.json" in path.read_text(
            encoding="utf-8"
        )
