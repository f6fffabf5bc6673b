"""`partnerkit export` for Swedish Excel: Swedish sheets and headings, labels instead of slugs,
CSV split by ``;`` with a decimal comma. Read back the way Excel's users' tools read them: CSV
with the csv module and the delimiter Excel would use, XLSX with openpyxl."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest

from partnerkit.record.vocab import VOCABULARIES
from tests.conftest import AS_OF, ROOT

openpyxl = pytest.importorskip("openpyxl")

SHEETS_SV = ["Partnerskap", "Aktiviteter", "Mål och indikatorer", "Resurser", "Kontakter"]
# Slugs that are not a word of Swedish as it stands (a slug equal to its label may appear).
SLUGS = {
    slug
    for terms in VOCABULARIES.values()
    for slug, term in terms.items()
    if slug != term.sv and slug.lower() != term.sv.lower()
}
ENGLISH_KEYS = {"partnerships", "health_leadership", "phase_label", "met", "attention", "ongoing"}
# Swedish words that are also another vocabulary's slug: a resource's kind "infrastruktur"
# (the label of infrastructure) is the collaboration form infrastruktur's slug.
SWEDISH_WORDS = {"infrastruktur"}


def _export(cli, tmp_path: Path, *args: str) -> Path:
    tmp_path.mkdir(exist_ok=True)
    out = tmp_path / ("out.xlsx" if "xlsx" in args else "out")
    run = cli("export", "--as-of", AS_OF, "-o", str(out), *args, cwd=ROOT)
    assert run.exit_code == 0, run.output
    return out


def _csv(path: Path, delimiter: str) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def _no_slugs(cells) -> None:
    for cell in cells:
        if isinstance(cell, str):
            for part in cell.split("; "):
                assert part in SWEDISH_WORDS or part not in SLUGS | ENGLISH_KEYS, cell


def test_swedish_csv_is_split_by_semicolons_with_decimal_commas(cli, tmp_path):
    folder = _export(cli, tmp_path, "--format", "csv", "--lang", "sv")
    raw = (folder / "partnerships.csv").read_text(encoding="utf-8-sig")
    assert raw.splitlines()[0].startswith("Id;Namn på svenska;Namn på engelska;Fil;Fas;")
    partnerships = _csv(folder / "partnerships.csv", ";")
    region = next(r for r in partnerships if r["Id"] == "eu-region-exempel")
    assert region["Fas"] == "drift"
    assert region["Avtalet löper ut"] == "2027-08-31"
    assert region["Kriterium: långsiktiga åtaganden"] == "behöver åtgärd"
    assert region["Kriterium: ledningens engagemang"] == "uppfyllt"
    indicators = _csv(folder / "goals_indicators.csv", ";")
    digital = next(r for r in indicators if r["Indikatorns id"] == "i-digitala-besok")
    assert digital["Senaste"] == "19,5"
    assert digital["Riktning"] in {"ska öka", "ska minska", "ska behållas"}
    assert {r["Enligt plan"] for r in indicators} <= {"ja", "nej", ""}
    activities = _csv(folder / "activities.csv", ";")
    assert {r["Status"] for r in activities} <= {"planerat", "pågår", "avslutat", "inställt"}
    assert "gemensamt forskningsprojekt" in {r["Samverkansform"] for r in activities}
    contacts = _csv(folder / "contacts.csv", ";")
    assert {r["Hämtad från"] for r in contacts} == {"kontaktpar", "aktivitet"}
    assert {r["Nivå"] for r in contacts} <= {"strategisk nivå", "taktisk nivå", "operativ nivå"}
    for rows in (partnerships, indicators, activities, contacts):
        _no_slugs(cell for row in rows for key, cell in row.items() if not key.endswith("id"))
        _no_slugs(rows[0].keys())


def test_english_csv_keeps_commas_points_and_field_names(cli, tmp_path):
    folder = _export(cli, tmp_path, "--format", "csv", "--lang", "en")
    indicators = _csv(folder / "goals_indicators.csv", ",")
    digital = next(r for r in indicators if r["indicator_id"] == "i-digitala-besok")
    assert digital["latest"] == "19.5"
    assert digital["on_track"] in {"true", "false"}


@pytest.mark.parametrize(("given", "delimiter"), [(",", ","), ("tab", "\t"), ("|", "|")])
def test_the_delimiter_can_be_chosen(cli, tmp_path, given, delimiter):
    folder = _export(cli, tmp_path, "--format", "csv", "--lang", "sv", "--delimiter", given)
    indicators = _csv(folder / "goals_indicators.csv", delimiter)
    digital = next(r for r in indicators if r["Indikatorns id"] == "i-digitala-besok")
    assert digital["Senaste"] == "19,5"  # quoted where the delimiter is a comma


@pytest.mark.parametrize(
    "args",
    [
        ("--format", "csv", "--delimiter", "ab"),
        ("--format", "csv", "--delimiter", "x"),
        ("--format", "csv", "--delimiter", '"'),
        ("--format", "xlsx", "--delimiter", ";"),
    ],
)
def test_a_wrong_delimiter_is_a_usage_error(cli, tmp_path, args):
    run = cli("export", "--as-of", AS_OF, "-o", str(tmp_path / "x"), *args, cwd=ROOT)
    assert run.exit_code == 2, run.output
    assert "--delimiter" in run.stderr


def test_swedish_xlsx_has_swedish_sheets_labels_and_real_numbers(cli, tmp_path):
    out = _export(cli, tmp_path, "--format", "xlsx", "--lang", "sv")
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == SHEETS_SV
    sheet = workbook["Mål och indikatorer"]
    header = [c.value for c in next(sheet.iter_rows())]
    rows = [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2)]
    vfu = next(r for r in rows if r["Indikatorns id"].value == "i-vfu-platser")
    assert vfu["Utgångsvärde"].value == 520 and vfu["Utgångsvärde"].data_type == "n"
    assert vfu["Utgångsvärde"].number_format == "#,##0"
    digital = next(r for r in rows if r["Indikatorns id"].value == "i-digitala-besok")
    assert digital["Senaste"].value == 19.5 and digital["Senaste"].data_type == "n"
    assert digital["Senaste"].number_format.startswith("#,##0.0")
    assert vfu["Enligt plan"].value is False  # a real boolean: Excel shows FALSKT
    assert isinstance(vfu["Måldatum"].value, datetime)
    partnerships = workbook["Partnerskap"]
    header = [c.value for c in next(partnerships.iter_rows())]
    assert "Kriterium: samordnare" in header and "health_coordinator" not in header
    for sheet in workbook:
        header = [c.value for c in next(sheet.iter_rows())]
        _no_slugs(header)
        for row in sheet.iter_rows(min_row=2, values_only=True):
            _no_slugs(v for h, v in zip(header, row, strict=True) if not h.endswith("id"))


def test_swedish_xlsx_is_the_same_bytes_each_time(cli, tmp_path):
    first = _export(cli, tmp_path / "a", "--format", "xlsx", "--lang", "sv").read_bytes()
    second = _export(cli, tmp_path / "b", "--format", "xlsx", "--lang", "sv").read_bytes()
    assert first == second
