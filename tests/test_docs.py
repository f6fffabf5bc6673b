"""The README's record format reference is generated from the models and must be current."""

from __future__ import annotations

import subprocess
import sys

from partnerkit.format_reference import format_reference
from partnerkit.models import Partnership
from tests.conftest import ROOT


def test_readme_format_reference_is_current():
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
