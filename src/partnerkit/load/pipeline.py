"""Check records: read -> strict YAML -> model -> references, then the portfolio-wide checks.

The library entry point is :func:`check_paths`; it returns data and never prints or exits.
Each file is processed on its own and its node tree dropped afterwards, so memory stays flat
however large the portfolio is; large portfolios are spread over every core.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from partnerkit.config import Config, Limits, Thresholds
from partnerkit.files.discovery import default_paths, display_path, expand
from partnerkit.files.reader import SourceProblem, decode, read_source, too_large
from partnerkit.findings import Finding, Position, Severity
from partnerkit.i18n import _
from partnerkit.load.positions import Locator
from partnerkit.load.references import check_references
from partnerkit.load.strict_yaml import YamlProblem, parse_yaml, problem_text
from partnerkit.load.validate import validate_record
from partnerkit.record.models import Partnership
from partnerkit.rules.base import Context
from partnerkit.rules.engine import run_rules
from partnerkit.values import Factory, valuetype


@valuetype(frozen=False)
class FileReport:
    file: str
    findings: list[Finding] = Factory(list)
    record_id: str | None = None
    id_position: Position | None = None
    record: Partnership | None = None
    skipped: bool = False
    derived: Any = None  # what ``on_record`` made of the record, when it was valid


@valuetype(frozen=False)
class CheckResult:
    files: list[FileReport]
    used_examples: bool = False
    base: Path | None = None  # the folder the file names are relative to
    thresholds: Thresholds | None = None  # the configured ones, for texts that name them

    @property
    def findings(self) -> list[Finding]:
        return sorted((f for report in self.files for f in report.findings), key=Finding.sort_key)

    def count(self, severity: Severity) -> int:
        return sum(f.severity == severity for report in self.files for f in report.findings)

    def exit_code(self, fail_on: Severity | None = Severity.ERROR) -> int:
        if fail_on is None:
            return 0
        failing = any(f.severity >= fail_on for r in self.files for f in r.findings)
        return 1 if failing else 0


def resolve_paths(paths: list[Path], cwd: Path) -> tuple[list[Path], bool]:
    """The record files to check and whether they are the embedded examples."""
    used_examples = False
    if not paths:
        paths, used_examples = default_paths(cwd)
    return expand(paths), used_examples


OnRecord = Callable[[FileReport, Partnership], Any]
PARALLEL_FROM = 48  # records; below this, starting workers costs more than it saves


def check_paths(
    paths: list[Path],
    config: Config,
    cwd: Path,
    today: date,
    keep_records: bool = False,
    on_record: OnRecord | None = None,
) -> CheckResult:
    """Check every record. ``on_record`` is called with each valid record while it is loaded;
    its result is kept in ``FileReport.derived``, so callers need not keep whole records."""
    files, used_examples = resolve_paths(paths, cwd)
    task = partial(
        _check_one,
        cwd=cwd,
        config=config,
        context=Context(today, config.thresholds),
        keep_record=keep_records,
        on_record=on_record,
    )
    reports = _map(task, files)
    _check_unique_ids(reports)
    return CheckResult(reports, used_examples, cwd, config.thresholds)


def _check_one(
    path: Path,
    cwd: Path,
    config: Config,
    context: Context,
    keep_record: bool,
    on_record: OnRecord | None,
) -> FileReport:
    report = check_file(path, display_path(path, cwd), config, context, keep_record=True)
    if report.record is not None and on_record is not None:
        report.derived = on_record(report, report.record)
    if not keep_record:
        report.record = None
    return report


def worker_count(files: int) -> int:
    """Processes to use: ``PARTNERKIT_JOBS`` if set, else every core for large portfolios."""
    configured = os.environ.get("PARTNERKIT_JOBS", "")
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    return (os.cpu_count() or 1) if files >= PARALLEL_FROM else 1


def _map(task: Callable[[Path], FileReport], files: list[Path]) -> list[FileReport]:
    workers = min(worker_count(len(files)), len(files))
    if workers <= 1:
        return [task(path) for path in files]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    )
    chunk = max(1, len(files) // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(task, files, chunksize=chunk))


def record_with_id_on_record(config: Config, today: date, record_id: str) -> OnRecord:
    """The ``on_record`` function that keeps only the record with this id."""
    return partial(_record_if_id, record_id=record_id)


def _record_if_id(report: FileReport, record: Partnership, record_id: str) -> Partnership | None:
    return record if record.id == record_id else None


def only_changed(result: CheckResult, revision: str, cwd: Path) -> CheckResult:
    """Keep the reports of files changed since ``revision`` (the checks saw every file)."""
    from partnerkit.files.git import changed_since

    return only_files(result, changed_since(revision, cwd), cwd)


def only_files(result: CheckResult, files: set[Path], cwd: Path) -> CheckResult:
    """Keep the reports of ``files`` (resolved paths); the checks saw every file."""
    kept = [r for r in result.files if (cwd / r.file).resolve() in files]
    return CheckResult(kept, result.used_examples, result.base, result.thresholds)


def check_stdin(stream, name: str, config: Config, cwd: Path, today: date) -> CheckResult:
    """One record read from ``stream`` (an editor's unsaved buffer), named ``name``."""
    raw = stream.read(config.limits.max_file_bytes + 1)
    if len(raw) > config.limits.max_file_bytes:
        problem = too_large(len(raw), config.limits.max_file_bytes)
        return CheckResult([FileReport(name, [problem_finding(problem, name)])], base=cwd)
    text, problem = decode(raw)
    if problem is not None:
        return CheckResult([FileReport(name, [problem_finding(problem, name)])], base=cwd)
    context = Context(today, config.thresholds)
    return CheckResult(
        [check_text(text, name, config, context)], base=cwd, thresholds=config.thresholds
    )


def check_file(
    path: Path, name: str, config: Config, context: Context, keep_record: bool = False
) -> FileReport:
    text, problem = read_source(path, config.limits.max_file_bytes)
    if problem is not None:
        return FileReport(name, [problem_finding(problem, name)], skipped=problem.code == "FILE-02")
    assert text is not None
    return check_text(text, name, config, context, keep_record)


def check_text(
    text: str, name: str, config: Config, context: Context, keep_record: bool = False
) -> FileReport:
    parsed = parse_record(text, name, config.limits)
    report = FileReport(name, parsed.findings, parsed.record_id, parsed.id_position)
    if parsed.record is None:
        return report
    for hit in run_rules(parsed.record, config, context):
        report.findings.append(
            _located(
                hit.code,
                hit.severity,
                hit.message,
                hit.path,
                hit.at_key,
                name,
                parsed.locator,
                hit.due,
            )
        )
    if keep_record:
        report.record = parsed.record
    return report


@valuetype(frozen=False)
class ParsedRecord:
    """One record's text read as a partnership: the record when it is valid, and the findings
    of the YAML, schema and reference checks."""

    findings: list[Finding]
    locator: Locator
    record: Partnership | None = None
    record_id: str | None = None
    id_position: Position | None = None


def parse_record(text: str, name: str, limits: Limits) -> ParsedRecord:
    """Text → :class:`Partnership`, the one way every command reads a record's text."""
    size = len(text.encode("utf-8"))
    if size > limits.max_file_bytes:
        return ParsedRecord(
            [problem_finding(too_large(size, limits.max_file_bytes), name)], Locator(None, "")
        )
    parsed = parse_yaml(text, max_values=limits.max_values, max_list_items=limits.max_list_items)
    locator = Locator(parsed.root, text)
    result = ParsedRecord([_yaml_finding(p, name, locator) for p in parsed.problems], locator)
    if parsed.fatal or not isinstance(parsed.data, dict):
        return result
    skip = {p.path for p in parsed.problems}
    record, schema_findings = validate_record(parsed.data, locator, name, skip)
    result.findings.extend(schema_findings)
    record_id = parsed.data.get("id")
    if isinstance(record_id, str):
        result.record_id = record_id
        result.id_position = locator.position(("id",))
    if record is None:
        return result
    for problem in check_references(record):
        result.findings.append(
            _located(
                problem.code,
                Severity.ERROR,
                problem.message,
                problem.path,
                problem.at_key,
                name,
                locator,
            )
        )
    result.record = record
    return result


def problem_finding(problem: SourceProblem, name: str) -> Finding:
    """The finding for a file that could not be read as text."""
    message = _(problem.message).format(**problem.args)
    return Finding(problem.code, problem.severity, message, name, problem.position)


def _located(
    code: str,
    severity: Severity,
    message: str,
    path: tuple[str | int, ...],
    at_key: bool,
    name: str,
    locator: Locator,
    due: date | None = None,
) -> Finding:
    position = locator.position(path, at_key=at_key)
    line = locator.source_line(position.line)
    return Finding(code, severity, message, name, position, path, line, due=due)


def _yaml_finding(problem: YamlProblem, name: str, locator: Locator) -> Finding:
    return Finding(
        problem.code,
        Severity.ERROR,
        problem_text(problem),
        name,
        problem.position,
        problem.path,
        locator.source_line(problem.position.line),
    )


def normalised_id(record_id: str) -> str:
    return re.sub(r"[^a-z0-9]", "", record_id.lower())


def _check_unique_ids(reports: Iterable[FileReport]) -> None:
    first: dict[str, FileReport] = {}
    for report in reports:
        if report.record_id is None:
            continue
        key = normalised_id(report.record_id)
        if key not in first:
            first[key] = report
            continue
        other = first[key]
        message = _(
            "The partnership id '{id}' is already used by {file} ('{other}'); "
            "every partnership needs its own id."
        ).format(id=report.record_id, file=other.file, other=other.record_id)
        report.findings.append(
            Finding(
                "REF-03",
                Severity.ERROR,
                message,
                report.file,
                report.id_position or Position(1, 1),
                ("id",),
            )
        )
