from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerkit.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "partnerships"
SHARED = ROOT.parent / "shared"

MINIMAL = """\
schema_version: "1"
id: uni-nordverk
title:
  sv: Exempeluniversitetet och Nordverk
parties:
  - id: eu
    name: Exempeluniversitetet
    role: larosate_host
    sector: offentlig_sektor
  - id: nv
    name: Nordverk AB
    role: partner
    sector: naringsliv
lifecycle:
  phase: drift
  phase_since: 2024-01-01
people:
  - id: p-anna
    name: Anna Exempel
    side: eu
"""

# A complete record that no rule objects to as of AS_OF.
BASE = (ROOT / "tests" / "rules" / "base.yaml").read_text(encoding="utf-8")
AS_OF = "2026-11-28"

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


@pytest.fixture(autouse=True, scope="session")
def _schema_cache_outside_home(tmp_path_factory):
    """Tests keep the compiled record schema in a folder of their own, not ~/.cache."""
    os.environ["PARTNERKIT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A command run in-process in Swedish leaves Swedish chosen; the next test starts in
    English, whatever ran before it."""
    yield
    from partnerkit.i18n import set_language

    set_language("en")


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


@pytest.fixture
def write(tmp_path: Path):
    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write


class Run:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr
        self.output = stdout + stderr


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch):
    """Run partnerkit in-process, as the console script would, in a given folder."""

    def _run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        runner = CliRunner()
        base_env = {"COLUMNS": "200", "NO_COLOR": "1", "PARTNERKIT_LANG": "en"}
        result = runner.invoke(app, list(args), env={**base_env, **(env or {})})
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, ANSI.sub("", result.stdout), ANSI.sub("", result.stderr))

    return _run
