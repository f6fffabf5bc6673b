"""`partnerkit export`: the portfolio's tables as CSV files or an XLSX workbook.

Every file is read back the way a user's tool would read it: CSV with the csv module, XLSX
with openpyxl and as raw sheet XML. Text that a spreadsheet would run as a formula must come
back as text, never as a formula.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from partnerkit.report.export import TABLES, csv_cell
from tests.conftest import AS_OF, BASE, EXAMPLES, ROOT

openpyxl = pytest.importorskip("openpyxl")

EXAMPLE_IDS = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))
FORMULAS = [
    '=HYPERLINK("http://127.0.0.1:9/","klicka")',
    "+1+2",
    "-3+4",
    "@SUM(A1:A2)",
    "\tTAB",
    "\rCR",
    "＝1+1",
]

# A carriage return is a control character: shown as an escape, so the cell starts with "\".
SAFE_CSV = {"\rCR": "\\x0dCR"}


def _yaml(text: str) -> str:
    return json.dumps(text)  # a JSON string is a YAML double-quoted scalar


def _hostile_record() -> str:
    activities = "\n".join(
        f"  - {{id: a-f{index}, title: {_yaml(text)}, form: evenemang, start: 2026-01-10, "
        f"end: 2026-01-10, status: completed}}"
        for index, text in enumerate(FORMULAS)
    )
    return (
        BASE.replace("activities:\n", "activities:\n" + activities + "\n", 1)
        .replace("  sv: Exempeluniversitetet och Nordverk AB", "  sv: " + _yaml("=1+1 \x07bell"))
        .replace(
            "{date: 2025-12-31, value: 18}",
            "{date: 2025-12-31, value: 18}\n          - {date: 2026-06-30, value: -5}",
        )
    )


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    folder = tmp_path / "partnerships"
    folder.mkdir()
    (folder / "base.yaml").write_text(_hostile_record(), encoding="utf-8")
    return tmp_path


def _export(cli, cwd: Path, *args: str):
    run = cli("export", "--as-of", AS_OF, *args, cwd=cwd)
    assert run.exit_code == 0, run.output
    return run


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _sheets(path: Path) -> dict[str, list[tuple]]:
    workbook = openpyxl.load_workbook(path)
    return {ws.title: [tuple(c for c in row) for row in ws.iter_rows()] for ws in workbook}


# ---------------------------------------------------------------- the tables


def test_xlsx_of_the_examples(cli, tmp_path):
    out = tmp_path / "portfolio.xlsx"
    run = _export(cli, ROOT, "--format", "xlsx", "-o", str(out), "--lang", "en")
    assert f"Wrote {out}." in run.stdout
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == list(TABLES)
    for name, columns in TABLES.items():
        header = [cell.value for cell in next(workbook[name].iter_rows())]
        assert header == list(columns)
        assert workbook[name].freeze_panes == "A2"
    partnerships = list(workbook["partnerships"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in partnerships] == EXAMPLE_IDS
    columns = TABLES["partnerships"]
    region = dict(zip(columns, partnerships[EXAMPLE_IDS.index("eu-region-exempel")], strict=True))
    assert region["phase"] == "drift" and region["phase_label"] == "running"
    assert region["agreement_end"] == datetime(2027, 8, 31)  # a real date cell
    assert region["overdue"] == 3 and isinstance(region["overdue"], int)
    assert region["health_commitment"] == "attention"
    activities = list(workbook["activities"].iter_rows(min_row=2, values_only=True))
    assert len(activities) > 40
    assert {row[0] for row in activities} == set(EXAMPLE_IDS)
    indicators = list(workbook["goals_indicators"].iter_rows(min_row=2, values_only=True))
    vfu = next(row for row in indicators if row[5] == "i-vfu-platser")
    named = dict(zip(TABLES["goals_indicators"], vfu, strict=True))
    assert named["baseline"] == 520 and named["target"] == 700 and named["latest"] == 640
    assert named["on_track"] is False  # a real boolean cell
    contacts = list(workbook["contacts"].iter_rows(min_row=2, values_only=True))
    assert any(row[5] == "Birgitta Eklund" for row in contacts)


def test_csv_of_the_examples(cli, tmp_path):
    folder = tmp_path / "tables"
    run = _export(cli, ROOT, "--format", "csv", "-o", str(folder), "--lang", "en")
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.csv" for n in TABLES)
    assert run.stdout.count("Wrote ") == len(TABLES)
    raw = (folder / "partnerships.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Excel reads it as UTF-8
    assert b"\r\n" in raw
    rows = _csv(folder / "partnerships.csv")
    assert [row["id"] for row in rows] == EXAMPLE_IDS
    region = rows[EXAMPLE_IDS.index("eu-region-exempel")]
    assert region["phase"] == "drift" and region["phase_label"] == "running"
    assert region["agreement_end"] == "2027-08-31"
    indicators = _csv(folder / "goals_indicators.csv")
    digital = next(row for row in indicators if row["indicator_id"] == "i-digitala-besok")
    assert digital["latest"] == "19.5"  # English: a dot, fields split by commas


# ---------------------------------------------------------------- formula neutralisation


def test_csv_cells_a_spreadsheet_would_run_get_an_apostrophe(cli, hostile):
    _export(cli, hostile, "--format", "csv")
    activities = _csv(hostile / "partnerkit-export" / "activities.csv")
    titles = {row["id"]: row["title"] for row in activities}
    for index, text in enumerate(FORMULAS):
        assert titles[f"a-f{index}"] == SAFE_CSV.get(text, "'" + text)
    partnerships = _csv(hostile / "partnerkit-export" / "partnerships.csv")
    assert partnerships[0]["title_sv"] == "'=1+1 \\x07bell"  # control character made visible
    indicators = _csv(hostile / "partnerkit-export" / "goals_indicators.csv")
    assert indicators[0]["latest"] == "-5"  # a number, not text: left as it is
    assert titles["a-exjobb"] == "Examensarbeten"


def test_xlsx_cells_a_spreadsheet_would_run_are_text(cli, hostile):
    out = hostile / "out.xlsx"
    _export(cli, hostile, "--format", "xlsx", "-o", str(out))
    workbook = openpyxl.load_workbook(out)
    for sheet in workbook:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    activities = {row[1].value: row[2] for row in workbook["activities"].iter_rows(min_row=2)}
    for index, text in enumerate(FORMULAS):
        cell = activities[f"a-f{index}"]
        assert cell.data_type == "s"
        if text in SAFE_CSV:
            assert cell.value == SAFE_CSV[text]
        else:
            assert cell.value == text  # shown exactly as written
            assert cell.quotePrefix
    assert not activities["a-exjobb"].quotePrefix
    title = workbook["partnerships"]["B2"]
    assert title.value == "=1+1 \\x07bell" and title.data_type == "s"
    indicators = workbook["goals_indicators"]
    latest = TABLES["goals_indicators"].index("latest") + 1
    assert indicators.cell(row=2, column=latest).value == -5
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=A1", "'=A1"),
        ("-x", "'-x"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        (-5.0, "-5"),
        (2.5, "2.5"),
        (2000000.0, "2000000"),
        (True, "true"),
        (None, ""),
    ],
)
def test_csv_cell(value, expected):
    assert csv_cell(value) == expected


# ---------------------------------------------------------------- the command


def test_export_usage_errors(cli, tmp_path):
    run = cli("export", "--format", "ods", cwd=ROOT)
    assert run.exit_code == 2
    file = tmp_path / "taken"
    file.write_text("x", encoding="utf-8")
    run = cli("export", "--format", "csv", "-o", str(file), cwd=ROOT)
    assert run.exit_code == 2
    assert "CSV export needs a folder" in run.stderr


def test_export_reports_unreadable_records(cli, tmp_path):
    folder = tmp_path / "partnerships"
    folder.mkdir()
    (folder / "good.yaml").write_text(BASE, encoding="utf-8")
    (folder / "bad.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    run = _export(cli, tmp_path, "--format", "csv")
    assert "Could not be read: partnerships/bad.yaml:2:1: YAML-01" in run.stderr
    rows = _csv(tmp_path / "partnerkit-export" / "partnerships.csv")
    assert [row["id"] for row in rows] == ["base-nordverk"]


def test_xlsx_round_trip_in_memory():
    from partnerkit.report.export import xlsx_bytes

    data = xlsx_bytes(
        {"activities": [("p", "a", "=1", None, None, None, None, None)]}, date(2026, 11, 28)
    )
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    cell = workbook["activities"]["C2"]
    assert cell.value == "=1" and cell.data_type == "s"
