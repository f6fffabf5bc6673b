"""`check --format junit`: one test suite per record file, a failing test case per error.

Warnings and notes become skipped test cases, so they are visible without failing the run;
a file without findings is one passing test case.
"""

from __future__ import annotations

from datetime import date
from xml.etree import ElementTree as ET

from partnerkit.findings import Severity
from partnerkit.load.pipeline import CheckResult
from partnerkit.textsafe import inert


def _xml_text(text: str) -> str:
    """XML 1.0 cannot hold most control characters; show them as escapes instead."""
    return inert(text)


def render(result: CheckResult, today: date) -> str:
    root = ET.Element("testsuites", name="partnerkit")
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for report in sorted(result.files, key=lambda r: r.file):
        suite = ET.SubElement(root, "testsuite", name=_xml_text(report.file))
        counts = {"tests": 0, "failures": 0, "skipped": 0}
        findings = sorted(report.findings, key=lambda f: f.sort_key())
        seen: dict[str, int] = {}
        for finding in findings:
            name = f"{finding.code} line {finding.line} col {finding.col}"
            seen[name] = seen.get(name, 0) + 1
            if seen[name] > 1:  # test case names are unique within a suite
                name += f" ({seen[name]})"
            case = ET.SubElement(
                suite,
                "testcase",
                name=name,
                classname=_xml_text(report.file),
                file=_xml_text(report.file),
                line=str(finding.line),
            )
            message = _xml_text(finding.message)
            if finding.severity == Severity.ERROR:
                failure = ET.SubElement(case, "failure", message=message, type=finding.code)
                failure.text = f"{_xml_text(report.file)}:{finding.line}:{finding.col}: {message}"
                counts["failures"] += 1
            else:
                ET.SubElement(case, "skipped", message=f"{finding.severity.label}: {message}")
                counts["skipped"] += 1
            counts["tests"] += 1
        if not findings:
            ET.SubElement(suite, "testcase", name="check", classname=_xml_text(report.file))
            counts["tests"] += 1
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("errors", "0")
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
