"""The portfolio's tables for spreadsheets: CSV files or one XLSX workbook.

Five tables: partnerships, activities, goals and indicators, resources (earmarked and used per
year), contacts. Column names are
stable field names (never translated), vocabulary values are the record's slugs, with a
``*_label`` column in the chosen language beside the ones people sort and filter by.

Record text is untrusted: a cell that a spreadsheet would run as a formula (text starting
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is neutralised. In CSV it gets a
leading apostrophe; in XLSX it is stored as a text cell with Excel's quote prefix (so it is
shown exactly as written and never evaluated). Control and direction-changing characters are
shown as escapes, as everywhere else.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import partial
from pathlib import Path

from partnerkit.config import Config, Thresholds
from partnerkit.contacts import contacts_of
from partnerkit.economy import balance
from partnerkit.followup import HANDBOOK_CRITERIA
from partnerkit.load.pipeline import CheckResult, FileReport
from partnerkit.record.models import Partnership
from partnerkit.record.vocab import group_of, label
from partnerkit.report.portfolio import partnership_report
from partnerkit.report.views import PartnershipReport
from partnerkit.textsafe import inert
from partnerkit.timeline import current_agreement

Cell = str | int | float | bool | date | None

TABLES: dict[str, tuple[str, ...]] = {
    "partnerships": (
        "id",
        "title_sv",
        "title_en",
        "file",
        "phase",
        "phase_label",
        "phase_since",
        "host",
        "partners",
        "partner_sectors",
        "agreement_type",
        "agreement_start",
        "agreement_end",
        "overdue",
        "due_soon",
        *(f"health_{c}" for c in HANDBOOK_CRITERIA),
        "goals",
        "indicators",
        "indicators_behind",
        "activities",
        "activities_ongoing",
        "people",
    ),
    "activities": (
        "partnership_id",
        "id",
        "title",
        "form",
        "form_label",
        "form_group",
        "status",
        "start",
        "end",
        "volume",
        "domains",
        "focus_area",
        "goal_ids",
        "units",
        "contacts",
        "external_funding_sek",
        "outputs",
    ),
    "goals_indicators": (
        "partnership_id",
        "goal_id",
        "goal",
        "goal_status",
        "focus_area",
        "indicator_id",
        "indicator",
        "unit",
        "direction",
        "frequency",
        "baseline_date",
        "baseline",
        "target_date",
        "target",
        "latest_date",
        "latest",
        "on_track",
        "measurements",
        "goal_status_comment",
    ),
    "resources": (
        "partnership_id",
        "resource_id",
        "party",
        "level",
        "kind",
        "unit",
        "amount",
        "period_from",
        "period_to",
        "status",
        "purpose",
        "year",
        "used",
        "remaining",
    ),
    "contacts": (
        "partnership_id",
        "level",
        "level_label",
        "topic",
        "party",
        "name",
        "title",
        "unit",
        "source",
    ),
}

# Text a spreadsheet would treat as a formula (full-width forms included, as Excel reads them).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


@dataclass
class ExportRows:
    """The rows one record contributes to each table."""

    tables: dict[str, list[tuple[Cell, ...]]] = field(default_factory=dict)


# ---------------------------------------------------------------- rows per record


def export_on_record(config: Config, today: date, lang: str):
    """The ``on_record`` function of the export (a partial, so workers can receive it)."""
    return partial(export_record, thresholds=config.thresholds, today=today, lang=lang)


def export_record(
    report: FileReport, record: Partnership, thresholds: Thresholds, today: date, lang: str
) -> ExportRows:
    view = partnership_report(report, record, thresholds, today, today)
    return ExportRows(
        {
            "partnerships": [_partnership_row(record, view, today, lang)],
            "activities": _activity_rows(record, lang),
            "goals_indicators": _indicator_rows(record, view),
            "resources": _resource_rows(record),
            "contacts": [
                (
                    record.id,
                    c.level,
                    label("level", c.level, lang) if c.level else "",
                    c.topic,
                    c.party,
                    c.name,
                    c.title,
                    c.unit,
                    c.role,
                )
                for c in contacts_of(report, record)
            ],
        }
    )


def _resource_rows(record: Partnership) -> list[tuple[Cell, ...]]:
    """One row per resource and year of recorded use (one row without a year when none is
    recorded), with what remains of the earmark (see :mod:`partnerkit.economy`)."""
    rows: list[tuple[Cell, ...]] = []
    for r in record.resources:
        period = r.period
        head = (
            record.id,
            r.id,
            r.side,
            r.level,
            r.kind,
            r.unit or "",
            r.amount,
            period.from_ if period else None,
            period.to if period else None,
            r.status,
            r.purpose or "",
        )
        years = sorted({use.period for use in r.used})
        if not years:
            rows.append((*head, None, None, None))
        for year in years:
            use = balance(r, year)
            rows.append((*head, year, use.used, use.remaining))
    return rows


def _join(values) -> str:
    return "; ".join(str(v) for v in values if v)


def _partnership_row(record: Partnership, view: PartnershipReport, today: date, lang: str):
    agreement = current_agreement(record, today)
    partners = [p for p in record.parties if p.role != "larosate_host"]
    return (
        record.id,
        record.title.sv,
        record.title.en or "",
        view.file,
        record.lifecycle.phase,
        label("phase", record.lifecycle.phase, lang),
        record.lifecycle.phase_since,
        view.host,
        _join(p.name for p in partners),
        _join(dict.fromkeys(label("sector", p.sector, lang) for p in partners)),
        agreement.type if agreement else "",
        agreement.start if agreement else None,
        agreement.end if agreement else None,
        view.overdue,
        view.due_soon,
        *(view.health[c] for c in HANDBOOK_CRITERIA),
        len(record.goals),
        sum(len(g.indicators) for g in record.goals),
        sum(i.on_track is False for i in view.indicators),
        len(record.activities),
        sum(a.status == "ongoing" for a in record.activities),
        len(record.people),
    )


def _activity_rows(record: Partnership, lang: str):
    areas = {a.id: a.name.sv for a in record.focus_areas}
    parties = {p.id: p.name for p in record.parties}
    people = {p.id: p.name for p in record.people}
    rows = []
    for a in record.activities:
        funding = [f.amount_sek for f in a.external_funding if f.amount_sek is not None]
        rows.append(
            (
                record.id,
                a.id,
                a.title,
                a.form,
                label("form", a.form, lang),
                group_of("form", a.form) or "",
                a.status,
                a.start,
                a.end,
                a.volume,
                _join(a.domains),
                areas.get(a.focus_area_id or "", a.focus_area_id or ""),
                _join(a.goal_ids),
                _join(f"{parties.get(u.side, u.side)}: {u.unit}" for u in a.units),
                _join(
                    f"{parties.get(side, side)}: {people.get(pid, pid)}"
                    for side, pid in a.contacts.items()
                ),
                sum(funding) if funding else None,
                _join(a.outputs),
            )
        )
    return rows


def _indicator_rows(record: Partnership, view: PartnershipReport):
    areas = {a.id: a.name.sv for a in record.focus_areas}
    rows = []
    for goal, goal_view in zip(record.goals, view.goals, strict=True):
        area = areas.get(goal.focus_area_id or "", goal.focus_area_id or "")
        head = (record.id, goal.id, goal.title, goal.status, area)
        comment = goal.status_comment or ""
        if not goal.indicators:
            rows.append((*head, *(None,) * 13, comment))
            continue
        for indicator, status in zip(goal.indicators, goal_view.indicators, strict=True):
            rows.append(
                (
                    *head,
                    indicator.id,
                    indicator.name,
                    indicator.unit or "",
                    indicator.direction,
                    indicator.frequency,
                    status.baseline_date,
                    status.baseline,
                    status.target_date,
                    status.target,
                    status.latest_date,
                    status.latest,
                    status.on_track,
                    len(indicator.measurements),
                    comment,
                )
            )
    return rows


def collect(result: CheckResult) -> tuple[dict[str, list[tuple[Cell, ...]]], list[str]]:
    """Every table's rows in record order, and the files that could not be read."""
    tables: dict[str, list[tuple[Cell, ...]]] = {name: [] for name in TABLES}
    unreadable = []
    reports = sorted(result.files, key=lambda r: (r.record_id or "", r.file))
    for report in reports:
        if isinstance(report.derived, ExportRows):
            for name, rows in report.derived.tables.items():
                tables[name].extend(rows)
        elif not report.skipped:
            unreadable.append(report.file)
    return tables, unreadable


# ---------------------------------------------------------------- safe cells


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def csv_cell(value: Cell) -> str:
    """A value as CSV text: ISO dates, plain numbers, neutralised text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    text = inert(value)
    return "'" + text if is_formula_like(text) else text


# ---------------------------------------------------------------- writers


def csv_bytes(columns: tuple[str, ...], rows: list[tuple[Cell, ...]]) -> bytes:
    """One table as CSV: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(folder: Path, tables: dict[str, list[tuple[Cell, ...]]]) -> list[Path]:
    from partnerkit.files.writer import write_bytes_atomically

    written = []
    for name, columns in TABLES.items():
        path = folder / f"{name}.csv"
        write_bytes_atomically(path, csv_bytes(columns, tables.get(name, [])))
        written.append(path)
    return written


def xlsx_bytes(tables: dict[str, list[tuple[Cell, ...]]], today: date) -> bytes:
    """Every table as a sheet of one workbook, with a frozen, filterable header row. The same
    tables and as-of date give the same bytes: the document's and the archive's timestamps
    are the as-of date, not the moment of writing."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    fill = PatternFill("solid", start_color="DDE6EE")
    for name, columns in TABLES.items():
        rows = tables.get(name, [])
        sheet = workbook.create_sheet(title=name)
        sheet.freeze_panes = "A2"
        widths = [len(c) for c in columns]
        for row in rows:
            for index, value in enumerate(row):
                if isinstance(value, str):
                    widths[index] = max(widths[index], min(len(value), 60))
                elif isinstance(value, date):
                    widths[index] = max(widths[index], 10)
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width + 2
        header = []
        for column in columns:
            cell = WriteOnlyCell(sheet, value=column)
            cell.font = bold
            cell.fill = fill
            header.append(cell)
        sheet.append(header)
        for row in rows:
            sheet.append([_xlsx_cell(sheet, value) for value in row])
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    stamp = datetime.combine(today, time(0, 0))
    workbook.properties.created = workbook.properties.modified = stamp
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _stamped(buffer.getvalue(), stamp)


_CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _stamped(archive: bytes, stamp: datetime) -> bytes:
    """``archive`` with every entry dated ``stamp`` and the core properties' times too."""
    import zipfile

    out = io.BytesIO()
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(io.BytesIO(archive)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "docProps/core.xml":
                data = _CORE_TIMES.sub(rb"\g<1>" + iso + rb"\g<2>", data)
            entry = zipfile.ZipInfo(item.filename, date_time=stamp.timetuple()[:6])
            entry.compress_type = item.compress_type
            entry.external_attr = item.external_attr
            target.writestr(entry, data)
    return out.getvalue()


def _xlsx_cell(sheet, value: Cell):
    from openpyxl.cell import WriteOnlyCell

    if not isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(value, date):
            cell.number_format = "yyyy-mm-dd"
        return cell
    text = inert(value)
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # text, even when it starts with "=": never a formula
    if is_formula_like(text):
        cell.quotePrefix = True
    return cell
