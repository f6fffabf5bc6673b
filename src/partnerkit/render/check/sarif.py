"""`check --format sarif`: SARIF 2.1.0 for code scanning, with rules, levels and regions."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from urllib.parse import quote

from partnerkit import DOCUMENTATION, __version__
from partnerkit.config import Thresholds
from partnerkit.files.discovery import nearest
from partnerkit.i18n import _, current_language
from partnerkit.load.codes import BUILTIN, code_info
from partnerkit.load.pipeline import CheckResult
from partnerkit.rules import all_rules
from partnerkit.rules.base import rule_text
from partnerkit.textsafe import inert

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _rule_descriptor(code: str, thresholds: Thresholds | None) -> dict[str, object]:
    info = code_info(code)
    descriptor: dict[str, object] = {
        "id": code,
        "name": info.name,
        "shortDescription": {"text": _(info.title)},
        "fullDescription": {"text": rule_text(info.explanation, thresholds)},
        "help": {"text": rule_text(info.explanation, thresholds)},
        "helpUri": help_uri(code),
        "defaultConfiguration": {"level": LEVEL[info.default_severity]},
    }
    if info.criterion:
        descriptor["properties"] = {"criterion": info.criterion}
    return descriptor


def help_uri(code: str) -> str:
    """The rule's section in the rules reference (docs/rules.md, in Swedish docs/rules.sv.md)."""
    page = "rules.sv.md" if current_language() == "sv" else "rules.md"
    return f"{DOCUMENTATION}/{page}#{code.lower()}"


def repository_root(folder: Path) -> Path:
    """The nearest folder at or above ``folder`` with a ``.git``, else ``folder`` itself:
    code scanning resolves artifact locations against the repository root."""
    found = nearest(folder, ".git", "any")
    return found.parent if found is not None else folder


def _artifact(file: str, base: Path | None) -> dict[str, str]:
    path = Path(file)
    if base is not None:
        absolute = (base / path).resolve()
        root = repository_root(base.resolve())
        if root in absolute.parents:
            path = absolute.relative_to(root)
    return {"uri": quote(inert(path.as_posix())), "uriBaseId": "%SRCROOT%"}


def render(result: CheckResult, today: date) -> str:
    codes = [*BUILTIN, *all_rules()]
    index = {code: i for i, code in enumerate(codes)}
    results = []
    for finding in result.findings:
        region = {"startLine": finding.position.line, "startColumn": finding.position.col}
        end = finding.position
        if end.end_line is not None and end.end_col is not None:
            region.update(endLine=end.end_line, endColumn=end.end_col)
        results.append(
            {
                "ruleId": finding.code,
                "ruleIndex": index.get(finding.code, 0),
                "level": LEVEL[finding.severity.label],
                "message": {"text": inert(finding.message)},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": _artifact(finding.file, result.base),
                            "region": region,
                        }
                    }
                ],
            }
        )
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "partnerkit",
                        "version": __version__,
                        "rules": [_rule_descriptor(code, result.thresholds) for code in codes],
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
