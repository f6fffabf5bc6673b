"""CI runs exactly what the README tells a newcomer to run."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def test_ci_runs_the_readme_install_and_test_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start.*?```bash\n(.*?)```", readme, re.S).group(1)
    commands = block.strip().splitlines()
    assert len(commands) == 2, "the quick start is exactly two commands"
    install, test = commands[1].split(" && ")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert install in ci and test in ci


def test_readme_development_section_names_the_install_and_test_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Development\n.*?```bash\n(.*?)```", readme, re.S).group(1)
    commands = ['python -m pip install -e ".[test]"', "python -m pytest -q"]
    assert block.strip().splitlines() == commands
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in block.strip().splitlines():
        assert command in ci
