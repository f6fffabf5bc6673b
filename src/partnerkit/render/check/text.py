"""`partnerkit check` for people: findings grouped per file, with the source line.

The report is built as lines of styled spans; :func:`partnerkit.render.console.write_styled`
prints them through Rich on a terminal and as plain text anywhere else, so a commit hook or a
CI log does not pay for importing Rich.
"""

from __future__ import annotations

from datetime import date

from partnerkit.findings import Finding, Severity
from partnerkit.i18n import _, ngettext
from partnerkit.load.pipeline import CheckResult
from partnerkit.render.console import Line, plain_text
from partnerkit.textsafe import inert, one_line

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def severity_label(severity: Severity) -> str:
    return {
        Severity.ERROR: _("error"),
        Severity.WARNING: _("warning"),
        Severity.INFO: _("info"),
    }[severity]


def check_lines(result: CheckResult) -> list[Line]:
    by_file: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_file.setdefault(finding.file, []).append(finding)
    lines: list[Line] = []
    for file, findings in by_file.items():
        lines.append(((inert(file), "bold underline"),))
        for finding in findings:
            lines.extend(_finding_lines(finding))
        lines.append(())
    lines.append(summary_line(result))
    return lines


def _finding_lines(finding: Finding) -> list[Line]:
    location = f"{inert(finding.file)}:{finding.line}:{finding.col}"
    head: Line = (
        ("  ", ""),
        (location, "dim"),
        ("  ", ""),
        (severity_label(finding.severity), _STYLE[finding.severity]),
        ("  ", ""),
        (finding.code, "bold"),
        ("  ", ""),
        (one_line(finding.message), ""),
    )
    if finding.source_line is None or not finding.source_line.strip():
        return [head]
    excerpt, caret_at = source_excerpt(finding.source_line, finding.col)
    gutter = f"{finding.line:>6} | "
    caret = " " * (len(gutter) + caret_at) + "^"
    return [head, ((gutter, "dim"), (excerpt, "")), ((caret, _STYLE[finding.severity]),)]


def source_excerpt(line: str, col: int, width: int = 100) -> tuple[str, int]:
    """At most ``width`` characters of ``line`` around ``col``, made inert, and the caret
    offset in that excerpt. Column positions count escapes as the characters they replace."""
    start = max(0, col - 1 - width // 2) if len(line) > width else 0
    piece = line[start : start + width]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(line) else ""
    caret_at = len(prefix) + len(one_line(piece[: max(col - 1 - start, 0)]))
    return prefix + one_line(piece) + suffix, caret_at


def summary_line(result: CheckResult) -> Line:
    files = len(result.files)
    errors = result.count(Severity.ERROR)
    warnings = result.count(Severity.WARNING)
    infos = result.count(Severity.INFO)
    with_findings = sum(1 for report in result.files if report.findings)
    if not errors and not warnings and not infos:
        text = ngettext(
            "{n} record checked: no problems.", "{n} records checked: no problems.", files
        )
        return ((text.format(n=files), "bold green"),)
    counts = ", ".join(
        part
        for part in (
            ngettext("{n} error", "{n} errors", errors).format(n=errors) if errors else "",
            ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings)
            if warnings
            else "",
            ngettext("{n} note", "{n} notes", infos).format(n=infos) if infos else "",
        )
        if part
    )
    text = ngettext(
        "{counts} in {bad} of {n} record checked.",
        "{counts} in {bad} of {n} records checked.",
        files,
    ).format(counts=counts, bad=with_findings, n=files)
    return ((text, "bold red" if errors else "bold yellow"),)


def render(result: CheckResult, today: date) -> str:
    """The terminal report as plain text (no colour), for ``--output FILE``."""
    return plain_text(check_lines(result))
