"""The references in docs/ are generated (commands from the command line, the record format
from the models) and must be current and complete."""

from __future__ import annotations

import subprocess
import sys

from partnerkit.record.format_reference import format_reference
from partnerkit.record.models import Partnership
from tests.conftest import ROOT


def test_generated_references_are_current():
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "readme.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_reference_lists_every_top_level_field():
    text = format_reference()
    for name, info in Partnership.model_fields.items():
        assert f"| `{info.alias or name}` |" in text


def test_command_reference_documents_every_command_argument_and_option():
    import typer.main

    from partnerkit.cli.app import app

    reference = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    for name, command in typer.main.get_command(app).commands.items():
        assert f"#### `partnerkit {name}" in reference, name
        for param in command.params:
            for option in param.opts if param.param_type_name == "option" else ():
                assert f"`{option}" in reference or f", {option}" in reference, (name, option)
