"""Every record that ``check`` accepts renders in every command: no bug message, ever.

Hypothesis mutates values of a valid record within what the schema allows (huge, tiny and
negative numbers, text that looks like numbers or markup, very long text, empty lists, dates
at the edges of the calendar the records may use), keeps the mutants that ``check`` accepts,
and runs every command on them in-process.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerkit.config import Config
from partnerkit.load.pipeline import parse_record
from partnerkit.load.strict_yaml import parse_yaml
from tests.conftest import ROOT

BASE_TEXT = (ROOT / "tests" / "rules" / "base.yaml").read_text(encoding="utf-8")
BASE = parse_yaml(BASE_TEXT).data
BUG = "failed unexpectedly"
AS_OF = "2026-11-28"

NUMBERS = [10**18, 1e300, 2**63, 0, 1e-300, 0.5, 123456789.123456]
DATES = ["1900-01-01", "2199-12-31", "2024-02-29", "2026-11-28", "2026-11-29"]
TEXTS = [
    "NaN",
    "inf",
    "-0",
    "1e999",
    "x" * 5000,
    "![x](https://evil.invalid/p.png) *em* <b>b</b>",
    "=SUM(A1)",
    "\u202eabc\u2066",
    "åäö " * 200,
]


def leaves(node, path=()):
    """Every (path, value) of a scalar or list in the data."""
    if isinstance(node, dict):
        for key, child in node.items():
            yield from leaves(child, (*path, key))
    elif isinstance(node, list):
        yield path, node
        for index, child in enumerate(node):
            yield from leaves(child, (*path, index))
    else:
        yield path, node


TEXT_KEYS = {"sv", "en", "name", "title", "summary", "text", "purpose", "scope", "unit", "topic"}


def mutable(path, current) -> bool:
    """Values the schema leaves open: numbers, dates, free text and lists, not ids or codes."""
    if isinstance(current, bool):
        return False
    if isinstance(current, int | float | list):
        return True
    is_date = isinstance(current, str) and len(current) == 10 and current[4:5] == "-"
    return is_date or (bool(path) and path[-1] in TEXT_KEYS)


PLACES = [(path, current) for path, current in leaves(BASE) if mutable(path, current)]


def replacement(current):
    if isinstance(current, int | float):
        return st.sampled_from(NUMBERS)
    if isinstance(current, list):
        return st.sampled_from([[], current + current[:1]])
    if isinstance(current, str) and len(current) == 10 and current[4] == "-":
        return st.sampled_from(DATES)
    return st.sampled_from(TEXTS)


@st.composite
def mutants(draw):
    data = yaml.safe_load(yaml.safe_dump(BASE))  # a deep copy
    for _ in range(draw(st.integers(1, 4))):
        path, current = draw(st.sampled_from(PLACES))
        new = draw(replacement(current))
        target = data
        try:
            for part in path[:-1]:
                target = target[part]
            target[path[-1]] = new
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation emptied the list this path goes into
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200)


def accepted(text: str) -> bool:
    return parse_record(text, "r.yaml", Config().limits).findings == []


def commands(bodies: list[str]) -> list[tuple[str, ...]]:
    runs = [
        *(("check", "--format", f, "--fail-on", "never") for f in ("text", "json", "sarif")),
        ("check", "--format", "junit"),
        ("check", "--format", "github"),
        *(("followup", "--format", f) for f in ("text", "markdown", "json")),
        ("calendar", "-o", "out.ics"),
        ("contacts",),
        ("contacts", "--format", "json"),
        ("report", "--html", "out.html", "--markdown", "out.md"),
        ("report", "--partnership", "base-nordverk", "--year", "2026", "--html", "year.html"),
        ("report", "--partnership", "base-nordverk", "--year", "2026"),
        ("export", "--format", "xlsx", "-o", "out.xlsx"),
        ("export", "--format", "csv", "-o", "csv"),
    ]
    for body in bodies:
        runs.append(("brief", "base-nordverk", "--body", body, "--meeting", "2026-12-10"))
    for body in bodies[:1]:
        meeting = ("base-nordverk", "--body", body, "--meeting", "2026-12-10")
        runs.append(("brief", *meeting, "--format", "docx", "-o", "brief.docx"))
        runs.append(("brief", *meeting, "--format", "html", "-o", "brief.html"))
        runs.append(("minutes", *meeting, "--format", "markdown"))
    return runs


@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=mutants())
def test_every_record_check_accepts_renders_in_every_command(cli, text):
    if not accepted(text):
        return
    data = parse_yaml(text).data
    bodies = [b["id"] for b in data.get("governance") or [] if isinstance(b, dict)]
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "partnerships").mkdir()
        (Path(folder) / "partnerships" / "r.yaml").write_text(text, encoding="utf-8")
        for args in commands(bodies):
            for lang in ("sv", "en"):
                result = cli(*args, "--as-of", AS_OF, "--lang", lang, cwd=Path(folder))
                assert BUG not in result.output, (args, result.output)
                assert result.exit_code in (0, 1, 2), args


@pytest.mark.parametrize("value", [10**18, 1e300, 123456789012345678901234567890.5])
def test_a_huge_amount_renders_in_the_reports(cli, write, tmp_path, value):
    text = BASE_TEXT.replace("amount: 0.3", f"amount: {value}", 1)
    assert accepted(text)
    write("partnerships/r.yaml", text)
    for args in (
        ("report", "--html", "r.html", "--markdown", "r.md"),
        ("report", "--partnership", "base-nordverk", "--year", "2026"),
        ("export", "--format", "xlsx", "-o", "x.xlsx"),
        ("brief", "base-nordverk", "--body", "styrgrupp", "--format", "docx", "-o", "b.docx"),
    ):
        result = cli(*args, "--as-of", AS_OF, cwd=tmp_path)
        assert result.exit_code == 0, (args, result.output)


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31"])
def test_a_date_outside_the_years_a_record_can_have_is_a_finding_not_a_crash(
    cli, write, tmp_path, day
):
    write("partnerships/r.yaml", BASE_TEXT.replace("end: 2029-02-28", f"end: {day}", 1))
    result = cli("check", "--as-of", AS_OF, "--format", "concise", cwd=tmp_path)
    assert result.exit_code == 1
    assert "SCHEMA-04" in result.stdout and "1900–2199" in result.stdout
    assert BUG not in result.output


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1899-12-31"])
def test_an_as_of_date_outside_those_years_is_a_usage_error(cli, write, tmp_path, day):
    write("partnerships/r.yaml", BASE_TEXT)
    result = cli("followup", "--as-of", day, cwd=tmp_path)
    assert result.exit_code == 2 and BUG not in result.output
