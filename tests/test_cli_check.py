"""`partnerkit check` end to end: output, exit codes, bad input, no tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import AS_OF, BASE, EXAMPLES, MINIMAL, SHARED


def test_clean_record_exits_0(cli, write):
    path = write("partnerships/a.yaml", BASE)
    result = cli("check", "--as-of", AS_OF, str(path))
    assert result.exit_code == 0, result.output
    assert "1 record checked: no problems." in result.stdout


def test_default_is_the_partnerships_folder_found_from_a_subfolder(cli, write, tmp_path):
    write("partnerships/a.yaml", BASE)
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    result = cli("check", "--as-of", AS_OF, cwd=tmp_path / "sub" / "deeper")
    assert result.exit_code == 0
    assert "1 record checked" in result.stdout


def test_findings_exit_1_with_file_line_code_and_source(cli, write):
    path = write("r.yaml", MINIMAL.replace("phase: drift", "phase: drfit"))
    result = cli("check", str(path))
    assert result.exit_code == 1
    assert f"{path.as_posix()}:15:10" in result.stdout
    assert "SCHEMA-03" in result.stdout
    assert "phase: drfit" in result.stdout  # the offending source line
    assert "1 error in 1 of 1 record checked." in result.stdout


def test_every_bad_file_is_named(cli, write, tmp_path):
    write("a.yaml", BASE)
    write("b.yaml", "- a list\n")
    write("c.yaml", "")
    write("d.yaml", b"name: G\xf6teborg\n")
    write("e.yaml", "a: 1\n---\nb: 2\n")
    write("f.yaml", "just a scalar\n")
    write("g.yaml", b"\xff\xfeh\x00i\x00")
    result = cli("check", "--as-of", AS_OF, str(tmp_path))
    assert result.exit_code == 1
    for name in "bcdefg":
        assert f"{name}.yaml" in result.stdout
    assert "6 of 7 records" in result.stdout


def test_missing_path_exits_2(cli, tmp_path):
    result = cli("check", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.output


def test_empty_folder_exits_2(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    result = cli("check", str(tmp_path / "empty"))
    assert result.exit_code == 2
    assert "No record files" in result.stderr


def test_unknown_option_exits_2(cli):
    assert cli("check", "--no-such-option").exit_code == 2


def test_bad_language_exits_2(cli, write):
    assert cli("check", "--lang", "de", str(write("a.yaml", MINIMAL))).exit_code == 2


def test_swedish_messages(cli, write):
    path = write("r.yaml", MINIMAL.replace("title:", "titel:"))
    result = cli("check", "--lang", "sv", str(path))
    assert result.exit_code == 1
    assert "Okänt fält 'titel'" in result.stdout
    assert "fel" in result.stdout


def test_language_from_locale(cli, write):
    path = write("r.yaml", MINIMAL.replace("title:", "titel:"))
    result = cli("check", str(path), env={"PARTNERKIT_LANG": "", "LANG": "sv_SE.UTF-8"})
    assert "Okänt fält" in result.stdout


def test_fifo_is_skipped_with_a_warning(cli, write, tmp_path):
    write("a.yaml", BASE)
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "folder.yaml").mkdir()
    result = cli("check", "--as-of", AS_OF, str(tmp_path))
    assert result.exit_code == 0
    assert "pipe.yaml" in result.stdout and "FILE-02" in result.stdout


def test_symlink_loop_is_a_finding(cli, write, tmp_path):
    write("a.yaml", BASE)
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    result = cli("check", str(tmp_path))
    assert result.exit_code == 1
    assert "loop.yaml" in result.stdout and "FILE-01" in result.stdout


def test_oversized_file_is_refused_before_reading(cli, write, tmp_path):
    write("partnerkit.toml", "[limits]\nmax_file_bytes = 100\n")
    path = write("big.yaml", MINIMAL)
    result = cli("check", str(path), cwd=tmp_path)
    assert result.exit_code == 1
    assert "FILE-03" in result.stdout


def test_bad_config_exits_2_naming_the_key(cli, write, tmp_path):
    write("partnerkit.toml", "[limits]\nmax_file_byte = 100\n")
    path = write("a.yaml", MINIMAL)
    result = cli("check", str(path), cwd=tmp_path)
    assert result.exit_code == 2
    assert "limits.max_file_byte" in result.stderr


def test_duplicate_partnership_ids_across_files(cli, write, tmp_path):
    write("a.yaml", MINIMAL)
    write("b.yaml", MINIMAL.replace("id: uni-nordverk", "id: Uni_Nordverk".lower()))
    result = cli("check", str(tmp_path))
    assert result.exit_code == 1
    assert "REF-03" in result.stdout and "b.yaml" in result.stdout


def test_example_records_load_clean(cli):
    result = cli("check", "--as-of", AS_OF, str(EXAMPLES))
    assert result.exit_code == 0, result.output
    assert not any(code in result.stdout for code in ("YAML-", "SCHEMA-", "REF-", "FILE-"))
    assert len(list(EXAMPLES.glob("*.yaml"))) >= 4


def test_console_script_and_module_entry_points(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(BASE, encoding="utf-8")
    for command in (["partnerkit"], [sys.executable, "-m", "partnerkit"]):
        run = subprocess.run(
            [*command, "check", "--as-of", AS_OF, str(path)], capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr
        version = subprocess.run([*command, "--version"], capture_output=True, text=True)
        assert version.stdout.startswith("partnerkit ")


def test_version_does_not_import_models_or_renderers():
    code = (
        "import sys\n"
        "from partnerkit.cli.app import run\n"
        "code = run(['--version'])\n"
        "heavy = [m for m in sys.modules if m.startswith(('pydantic', 'partnerkit.record',"
        " 'partnerkit.load', 'partnerkit.render', 'partnerkit.report', 'yaml', 'rich'))]\n"
        # the table of check formats (names only) declares the --format option
        "table = {'partnerkit.render', 'partnerkit.render.check', "
        "'partnerkit.render.check.formats'}\n"
        "assert set(heavy) <= table, heavy\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("records", [1, 250])
def test_leaving_without_teardown_keeps_all_output_and_the_exit_code(records, tmp_path):
    """``main`` ends the process without tearing the interpreter down (``exit_now``): what
    was printed must still all arrive, into a pipe and into a file, short or long."""
    folder = tmp_path / "partnerships"
    folder.mkdir()
    bad = MINIMAL.replace("phase: drift", "phase: drfit")
    for n in range(records):
        (folder / f"r{n:03}.yaml").write_text(bad.replace("uni-nordverk", f"r{n:03}"), "utf-8")
    command = [sys.executable, "-m", "partnerkit", "check", str(folder), "--lang", "en"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # buffered output
    piped = subprocess.run(command, capture_output=True, text=True, env=env)
    assert piped.returncode == 1, piped.stderr
    assert piped.stdout.count("SCHEMA-03") == records
    summary = "1 error in 1 of 1 record checked." if records == 1 else "250 errors in 250 of"
    assert summary in piped.stdout.splitlines()[-1]
    with (tmp_path / "out.txt").open("w") as handle:
        into_file = subprocess.run(command, stdout=handle, stderr=subprocess.PIPE, env=env)
    assert into_file.returncode == 1
    assert (tmp_path / "out.txt").read_text() == piped.stdout


def test_check_into_a_pipe_does_not_import_rich(tmp_path):
    """A commit hook or CI log gets plain text; Rich is for terminals."""
    path = tmp_path / "a.yaml"
    path.write_text(MINIMAL.replace("phase: drift", "phase: drfit"), encoding="utf-8")
    code = (
        "import sys\n"
        "from partnerkit.cli.app import run\n"
        f"run(['check', {str(path)!r}])\n"
        "assert 'rich' not in sys.modules, 'rich was imported'\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    assert "SCHEMA-03" in run.stdout


def test_styled_lines_are_the_plain_text_with_colour_on_a_terminal(monkeypatch):
    import io
    import re

    from partnerkit.findings import Finding, Position, Severity
    from partnerkit.load.pipeline import CheckResult, FileReport
    from partnerkit.render.check.text import check_lines
    from partnerkit.render.console import plain_text, write_styled

    at = Position(2, 8)
    finding = Finding("SCHEMA-03", Severity.ERROR, "bad value", "a.yaml", at, (), "phase: drfit")
    lines = check_lines(CheckResult([FileReport("a.yaml", [finding])]))
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "120")
    piped = io.StringIO()
    write_styled(lines, piped)
    assert piped.getvalue() == plain_text(lines)
    assert "\x1b" not in piped.getvalue()
    assert "a.yaml:2:8  error  SCHEMA-03  bad value\n" in piped.getvalue()
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = io.StringIO()
    write_styled(lines, coloured)
    assert "\x1b[1;31m" in coloured.getvalue()  # errors in bold red
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured.getvalue()) == plain_text(lines)


CORPUS = SHARED / "corpora" / "yaml-test-suite"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora/yaml-test-suite is absent")
def test_yaml_test_suite_every_file_named_no_traceback():
    files = sorted(p for p in CORPUS.iterdir() if p.suffix in (".yaml", ".yml"))
    run = subprocess.run(
        [sys.executable, "-m", "partnerkit", "check", str(CORPUS)],
        capture_output=True,
        text=True,
        env={**os.environ, "PARTNERKIT_LANG": "en", "COLUMNS": "200"},
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    for path in files:
        assert path.name in run.stdout, path.name
    assert f"{len(files)} of {len(files)} records checked" in run.stdout


def test_unexpected_error_is_one_line_without_debug(cli, write, monkeypatch):
    import partnerkit.load.pipeline as check_module

    def boom(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(check_module, "check_paths", boom)
    result = cli("check", str(write("a.yaml", MINIMAL)))
    assert result.exit_code == 2
    assert "--debug" in result.stderr
    assert "Traceback" not in result.output
    assert "simulated bug" not in result.output


def test_unreadable_file(cli, write):
    path = write("a.yaml", MINIMAL)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: permissions do not stop reading")
        result = cli("check", str(path))
        assert result.exit_code == 1
        assert "FILE-01" in result.stdout
    finally:
        path.chmod(0o644)


def test_paths_named_in_output_are_relative_to_cwd(cli, write, tmp_path):
    write("partnerships/x.yaml", MINIMAL.replace("title:", "titel:"))
    result = cli("check", cwd=tmp_path)
    assert "partnerships/x.yaml:" in result.stdout
    assert str(Path(tmp_path)) not in result.stdout
