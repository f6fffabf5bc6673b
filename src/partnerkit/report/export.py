"""The portfolio's tables for spreadsheets: CSV files or one XLSX workbook.

Five tables: partnerships, activities, goals and indicators, resources (earmarked and used
per year), contacts. In English, table and
column names are stable field names and vocabulary values the record's slugs, with a
``*_label`` column beside the ones people sort and filter by: what scripts read. In Swedish
the export is for Swedish Excel: sheets and headings in Swedish, every vocabulary value and
status by its label (one column where English has the slug and its label), and CSV with
``;`` between fields and a decimal comma. XLSX numbers stay numbers, with a number format, so
Excel shows them the way the reader's settings write numbers.

Record text is untrusted: a cell that a spreadsheet would run as a formula (text starting
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is neutralised. In CSV it gets a
leading apostrophe; in XLSX it is stored as a text cell with Excel's quote prefix (so it is
shown exactly as written and never evaluated). Control and direction-changing characters are
shown as escapes, as everywhere else.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import partial
from pathlib import Path

from partnerkit.config import Config, Thresholds
from partnerkit.contacts import contacts_of
from partnerkit.economy import balance
from partnerkit.followup import HANDBOOK_CRITERIA
from partnerkit.formatting import plain_number
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
        "level_label",
        "resource_kind",
        "resource_unit",
        "amount",
        "period_from",
        "period_to",
        "resource_status",
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
        "email",
        "language",
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
            "resources": _resource_rows(record, lang),
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
                    c.email,
                    c.language,
                )
                for c in contacts_of(report, record)
            ],
        }
    )


def _resource_rows(record: Partnership, lang: str) -> list[tuple[Cell, ...]]:
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
            label("level", r.level, lang),
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


# ---------------------------------------------------------------- the sheets in a language

# Slug columns shown by their label column alone, outside English.
LABEL_TWINS = {"phase": "phase_label", "form": "form_label", "level": "level_label"}
# Columns of vocabulary values (or several, joined with "; ") and their vocabulary.
VALUE_VOCABULARY = {
    "agreement_type": "agreement_type",
    "form_group": "form_group",
    "status": "status",
    "goal_status": "status",
    "domains": "domain",
    "direction": "direction",
    "frequency": "frequency",
    "language": "language",
}
HEADING_OF = {("contacts", "title"): "job_title"}
# The resources table's fixed values, by the report's labels for them.
RESOURCE_ENUMS = {
    "resource_kind": "resource_kind",
    "resource_unit": "resource_unit",
    "resource_status": "resource_status",
}


@dataclass
class Sheet:
    """One table as the reader sees it: its name, headings and cells."""

    name: str
    title: str
    headings: list[str]
    rows: list[tuple[Cell, ...]]


def sheets(tables: dict[str, list[tuple[Cell, ...]]], lang: str) -> list[Sheet]:
    """Every table, in English as stable field names and slugs, otherwise in the language."""
    if lang == "en":
        return [Sheet(n, n, list(c), tables.get(n, [])) for n, c in TABLES.items()]
    return [
        _localised(name, columns, tables.get(name, []), lang) for name, columns in TABLES.items()
    ]


def _localised(name: str, columns: tuple[str, ...], rows, lang: str) -> Sheet:
    from partnerkit.i18n import _
    from partnerkit.report.labels import EXPORT_COLUMNS, EXPORT_SHEETS

    keep = [i for i, column in enumerate(columns) if column not in LABEL_TWINS]
    headings = []
    for i in keep:
        column = columns[i]
        if column.startswith("health_"):
            criterion = label("criterion", column.removeprefix("health_"), lang)
            headings.append(_(EXPORT_COLUMNS["health"]).format(criterion=criterion))
        else:
            headings.append(_(EXPORT_COLUMNS[HEADING_OF.get((name, column), column)]))
    cells = [tuple(_localised_cell(columns[i], row[i], lang) for i in keep) for row in rows]
    return Sheet(name, _(EXPORT_SHEETS[name]), headings, cells)


def _localised_cell(column: str, value: Cell, lang: str) -> Cell:
    from partnerkit.i18n import _
    from partnerkit.report.labels import CONTACT_SOURCES, HEALTH_WORDS

    if not isinstance(value, str) or not value:
        return value
    if column in VALUE_VOCABULARY:
        return _join(label(VALUE_VOCABULARY[column], v, lang) for v in value.split("; "))
    if column.startswith("health_"):
        return _(HEALTH_WORDS.get(value, value))
    if column == "source":
        return _(CONTACT_SOURCES.get(value, value))
    if column in RESOURCE_ENUMS:
        from partnerkit.report.labels import labels

        return labels().enum(RESOURCE_ENUMS[column], value).replace("{percent}", "%")
    return value


# ---------------------------------------------------------------- safe cells


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def csv_cell(value: Cell, lang: str = "en") -> str:
    """A value as CSV text: ISO dates, plain numbers (a decimal comma in Swedish), neutralised
    text; yes and no as words outside English."""
    if value is None:
        return ""
    if isinstance(value, bool):
        if lang == "en":
            return "true" if value else "false"
        from partnerkit.i18n import _

        return _("yes") if value else _("no")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return plain_number(value, lang)
    text = inert(value)
    return "'" + text if is_formula_like(text) else text


# ---------------------------------------------------------------- writers


def default_delimiter(lang: str) -> str:
    """``;`` where the decimal comma is the list separator's neighbour (Swedish Excel splits
    on it), ``,`` in English."""
    return "," if lang == "en" else ";"


def delimiter_from(text: str | None, lang: str) -> str:
    """The ``--delimiter`` given (one character, or ``tab``), or the language's default."""
    if text is None:
        return default_delimiter(lang)
    if text.lower() in ("tab", "\\t", "\t"):
        return "\t"
    if len(text) != 1 or text in '"\r\n' or text.isalnum():
        from partnerkit.errors import UsageError
        from partnerkit.i18n import _

        raise UsageError(
            _("--delimiter must be one character such as ; or , (or tab), not {text}.").format(
                text=repr(text)
            )
        )
    return text


def csv_bytes(sheet: Sheet, lang: str = "en", delimiter: str = ",") -> bytes:
    """One table as CSV: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(sheet.headings)
    for row in sheet.rows:
        writer.writerow([csv_cell(v, lang) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(
    folder: Path,
    tables: dict[str, list[tuple[Cell, ...]]],
    lang: str = "en",
    delimiter: str | None = None,
) -> list[Path]:
    """One file per table, named by the table's stable name (partnerships.csv, ...)."""
    from partnerkit.files.writer import write_bytes_atomically

    separator = delimiter or default_delimiter(lang)
    written = []
    for sheet in sheets(tables, lang):
        path = folder / f"{sheet.name}.csv"
        write_bytes_atomically(path, csv_bytes(sheet, lang, separator))
        written.append(path)
    return written


def xlsx_bytes(tables: dict[str, list[tuple[Cell, ...]]], today: date, lang: str = "en") -> bytes:
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
    for table in sheets(tables, lang):
        columns, rows = table.headings, table.rows
        sheet = workbook.create_sheet(title=table.title)
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


def _number_format(value: float) -> str:
    """Grouped thousands and the decimals the value has; Excel writes the separators of the
    reader's settings (1 800 000,5 in Swedish Excel)."""
    if isinstance(value, int) or not math.isfinite(value) or value.is_integer():
        return "#,##0"
    return "#,##0.0#########"


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
        elif isinstance(value, int | float) and not isinstance(value, bool):
            cell.number_format = _number_format(value)
        return cell
    text = inert(value)
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # text, even when it starts with "=": never a formula
    if is_formula_like(text):
        cell.quotePrefix = True
    return cell
