"""The report commands: ``report`` and ``export``.

``report``: the leadership report of the portfolio, or the annual report of one partnership,
as a self-contained HTML page and/or Markdown. ``export``: the portfolio's tables as CSV files
or an XLSX workbook. Both are thin: parse options, build the data in
:mod:`partnerkit.report.portfolio` and :mod:`partnerkit.report.annual` (or
:mod:`partnerkit.report.export`), render, write atomically.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from partnerkit.cli.common import (
    AsOfOpt,
    ConfigOpt,
    LangOpt,
    PathsArg,
    choice,
    load_portfolio,
    record_by_id,
    report_unreadable,
    today_from,
    write_output,
)
from partnerkit.i18n import N_

EXPORT_FORMATS = ("csv", "xlsx")

commands = typer.Typer()


def _write(path: Path, data: bytes, inputs) -> None:
    from partnerkit.i18n import _

    write_output(path, data, inputs)
    sys.stdout.write(_("Wrote {file}.").format(file=path) + "\n")


def _emit(path: Path | None, text: str, inputs) -> None:
    """Write ``text`` to ``path``, or print it when no file is named."""
    if path is None:
        sys.stdout.write(text)
    else:
        _write(path, text.encode("utf-8"), inputs)


@commands.command(
    help=N_(
        "Leadership report: the portfolio, or one partnership's annual report (HTML, "
        "Markdown).\n\n"
        "Without --html or --markdown, the Markdown is printed."
    )
)
def report(
    paths: PathsArg = None,
    html: Annotated[
        Path | None,
        typer.Option(
            "--html", help=N_("Write the report as one self-contained HTML file."), dir_okay=False
        ),
    ] = None,
    markdown: Annotated[
        Path | None,
        typer.Option("--markdown", help=N_("Write the report as Markdown."), dir_okay=False),
    ] = None,
    partnership: Annotated[
        str | None,
        typer.Option(
            "--partnership", help=N_("The annual report of this partnership id (see --year).")
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            min=1990,
            max=2999,
            help=N_("The year of the annual report (default: the year of --as-of)."),
        ),
    ] = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.errors import UsageError
    from partnerkit.i18n import _

    if year is not None and partnership is None:
        raise UsageError(
            _("--year is the year of an annual report: name the partnership (--partnership).")
        )
    if partnership is None:
        from partnerkit.report.portfolio import build_portfolio, portfolio_on_record

        result, settings, today = load_portfolio(paths, as_of, config, portfolio_on_record)
        if report_unreadable(result):
            raise typer.Exit(1)  # nothing to report; no file is written
        portfolio = build_portfolio(result, today, settings.university)
        if html is not None:
            from partnerkit.report.html import render_portfolio_html

            _write(html, render_portfolio_html(portfolio).encode("utf-8"), paths)
        if markdown is not None or html is None:
            from partnerkit.report.markdown import portfolio_markdown

            _emit(markdown, portfolio_markdown(portfolio), paths)
        return
    from partnerkit.report.annual import annual_on_record, year_end

    today = today_from(as_of)
    year = year or today.year
    if year > today.year:
        raise UsageError(
            _("The year {year} has not begun on {date}.").format(year=year, date=today)
        )
    when = year_end(year, today).isoformat()
    on_record = partial(annual_on_record, record_id=partnership, year=year)
    result, settings, _today = load_portfolio(paths, when, config, on_record)
    annual = record_by_id(result, partnership)
    if html is not None:
        from partnerkit.report.html import render_annual_html

        _write(html, render_annual_html(annual, settings.university).encode("utf-8"), paths)
    if markdown is not None or html is None:
        from partnerkit.report.markdown import annual_markdown

        _emit(markdown, annual_markdown(annual, settings.university), paths)


@commands.command(
    help=N_(
        "The portfolio's tables for spreadsheets: partnerships, activities, goals and "
        "indicators, resources (earmarked and used per year), contacts."
    )
)
def export(
    paths: PathsArg = None,
    output_format: Annotated[
        str, typer.Option("--format", help=N_("xlsx (one workbook) or csv (one file per table)."))
    ] = "xlsx",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=N_(
                "The workbook to write, or the folder for the CSV files "
                "(default: partnerkit-export.xlsx or partnerkit-export/)."
            ),
        ),
    ] = None,
    delimiter: Annotated[
        str | None,
        typer.Option(
            "--delimiter",
            help=N_(
                "The CSV field separator: one character, or tab "
                "(default: ; in Swedish, for Excel with Swedish settings, and , in English)."
            ),
        ),
    ] = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = None,
    config: ConfigOpt = None,
) -> None:
    from partnerkit.errors import UsageError
    from partnerkit.files.discovery import guard_output
    from partnerkit.i18n import _, current_language
    from partnerkit.report.export import (
        collect,
        delimiter_from,
        export_on_record,
        write_csv,
        xlsx_bytes,
    )

    choice(output_format, EXPORT_FORMATS, "--format")
    language = current_language()
    if delimiter is not None and output_format != "csv":
        raise UsageError(_("--delimiter is for --format csv."))
    separator = delimiter_from(delimiter, language)
    on_record = partial(export_on_record, lang=language)
    result = load_portfolio(paths, as_of, config, on_record)[0]
    if report_unreadable(result):
        raise typer.Exit(1)  # nothing to export; no file is written
    tables, _unreadable = collect(result)
    if output_format == "xlsx":
        today = today_from(as_of)
        _write(output or Path("partnerkit-export.xlsx"), xlsx_bytes(tables, today, language), paths)
        return
    folder = output or Path("partnerkit-export")
    guard_output(folder, list(paths or []), Path.cwd())
    if folder.exists() and not folder.is_dir():
        raise UsageError(
            _("{path} is a file; CSV export needs a folder for its files.").format(path=folder)
        )
    if not folder.parent.is_dir():
        raise UsageError(_("The folder {folder} does not exist.").format(folder=folder.parent))
    folder.mkdir(exist_ok=True)
    for path in write_csv(folder, tables, language, separator):
        sys.stdout.write(_("Wrote {file}.").format(file=path) + "\n")
