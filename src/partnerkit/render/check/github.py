"""`check --format github`: GitHub Actions workflow commands, and a step summary table.

Record text reaches the log only escaped, so it can never start or forge a workflow command:
message data escapes ``%``, CR and LF; properties also escape ``:`` and ``,``. GitHub shows at
most 10 annotations per level per step, so the most severe come first, the rest are printed
as plain log lines, and the full table goes to ``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

from datetime import date

from partnerkit.findings import Finding, Severity
from partnerkit.i18n import _, ngettext
from partnerkit.load.pipeline import CheckResult
from partnerkit.render.check.text import severity_label
from partnerkit.render.markdown_blocks import md_table, md_text
from partnerkit.textsafe import inert

ANNOTATIONS_PER_LEVEL = 10
SUMMARY_LIMIT = 1000 * 1024
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    position = finding.position
    props = [
        f"file={escape_property(inert(finding.file))}",
        f"line={position.line}",
        f"col={position.col}",
        f"title={escape_property(f'partnerkit ({finding.code})')}",
    ]
    message = f"{finding.file}:{position.line}:{position.col}: {finding.code} {finding.message}"
    return f"::{LEVEL[finding.severity]} {','.join(props)}::{escape_data(inert(message))}"


def plain_line(finding: Finding) -> str:
    text = f"{finding.file}:{finding.line}:{finding.col}: {finding.severity.label} "
    text += f"{finding.code} {finding.message}"
    line = escape_data(inert(text))
    return " " + line if line.startswith("::") else line


def github_lines(result: CheckResult) -> list[str]:
    ordered = sorted(result.findings, key=lambda f: (-f.severity, f.sort_key()))
    emitted: dict[Severity, int] = {}
    lines = []
    for finding in ordered:
        count = emitted.get(finding.severity, 0)
        if count < ANNOTATIONS_PER_LEVEL:
            lines.append(annotation(finding))
            emitted[finding.severity] = count + 1
        else:
            lines.append(plain_line(finding))
    return lines


def render(result: CheckResult, today: date) -> str:
    return "".join(line + "\n" for line in github_lines(result))


def step_summary(result: CheckResult) -> str:
    findings = result.findings
    errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
    files = len(result.files)
    head = _("partnerkit: {errors}, {warnings} in {records}").format(
        errors=ngettext("{n} error", "{n} errors", errors).format(n=errors),
        warnings=ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings),
        records=ngettext("{n} record", "{n} records", files).format(n=files),
    )
    lines = [f"### {head}", ""]
    if findings:
        rows = [
            [
                md_text(f"{f.file}:{f.line}:{f.col}"),
                severity_label(f.severity),
                f.code,
                md_text(f.message),
            ]
            for f in findings
        ]
        lines += md_table([_("location"), _("severity"), _("code"), _("message")], rows)
    text = "\n".join(lines) + "\n\n"
    if len(text.encode()) > SUMMARY_LIMIT:
        text = text.encode()[:SUMMARY_LIMIT].decode(errors="ignore").rsplit("\n", 1)[0]
        text += "\n\n" + _("(truncated: see the job log for every finding)") + "\n\n"
    return text
