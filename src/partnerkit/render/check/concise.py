"""`check --format concise`: one line per finding, ``file:line:col: CODE [severity] message``."""

from __future__ import annotations

from datetime import date

from partnerkit.load.pipeline import CheckResult
from partnerkit.render.check.text import summary_line
from partnerkit.render.console import plain_text
from partnerkit.textsafe import inert, one_line


def render(result: CheckResult, today: date) -> str:
    lines = [
        f"{inert(f.file)}:{f.line}:{f.col}: {f.code} [{f.severity.label}] {one_line(f.message)}"
        for f in result.findings
    ]
    return "".join(line + "\n" for line in lines) + plain_text([summary_line(result)])
