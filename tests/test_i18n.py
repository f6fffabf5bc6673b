"""Swedish and English: every message has a Swedish translation, the compiled catalog is
current and ships inside the package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from partnerkit import i18n
from tests.conftest import ROOT

pytest.importorskip("babel")


def test_every_message_is_translated_and_compiled():
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "i18n.py"), "check"], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_compiled_catalog_is_inside_the_package():
    mo = Path(i18n.__file__).parent / "locale" / "sv" / "LC_MESSAGES" / "partnerkit.mo"
    assert mo.is_file()


def test_switching_language():
    try:
        assert i18n.set_language("sv") == "sv"
        assert i18n._("Unknown field '{field}'.") == "Okänt fält '{field}'."
        assert i18n.ngettext("{n} error", "{n} errors", 2) == "{n} fel"
        assert i18n.set_language("en") == "en"
        assert i18n._("Unknown field '{field}'.") == "Unknown field '{field}'."
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"PARTNERKIT_LANG": "sv"}, "sv"),
        ({"LANG": "sv_SE.UTF-8"}, "sv"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "sv_SE.UTF-8"}, "en"),
        ({"LANGUAGE": "sv:en"}, "sv"),
        ({}, "en"),
        ({"LANG": "C"}, "en"),
    ],
)
def test_language_from_environment(env, expected):
    assert i18n.language_from_environment(env) == expected
