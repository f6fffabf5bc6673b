"""`check --format json`: one JSON document with a summary and every finding."""

from __future__ import annotations

import json
from datetime import date

from partnerkit import __version__
from partnerkit.findings import Finding, Severity
from partnerkit.load.codes import code_info
from partnerkit.load.pipeline import CheckResult
from partnerkit.textsafe import inert_data


def finding_data(finding: Finding) -> dict[str, object]:
    info = code_info(finding.code)
    return {
        "code": finding.code,
        "name": info.name,
        "criterion": info.criterion,
        "severity": finding.severity.label,
        "message": finding.message,
        "file": finding.file,
        "line": finding.position.line,
        "col": finding.position.col,
        "end_line": finding.position.end_line,
        "end_col": finding.position.end_col,
        "path": finding.dotted_path,
        "due": finding.due.isoformat() if finding.due else None,
    }


def render(result: CheckResult, today: date) -> str:
    data = {
        "version": 1,
        "tool": {"name": "partnerkit", "version": __version__},
        "as_of": today.isoformat(),
        "summary": {
            "files": len(result.files),
            "errors": result.count(Severity.ERROR),
            "warnings": result.count(Severity.WARNING),
            "infos": result.count(Severity.INFO),
        },
        "findings": [finding_data(f) for f in result.findings],
    }
    return json.dumps(inert_data(data), ensure_ascii=False, indent=2) + "\n"
