"""Pick the writer for a `check --format`; each format lives in its own module."""

from __future__ import annotations

from datetime import date

from partnerkit.load.pipeline import CheckResult


def render(result: CheckResult, name: str, today: date) -> str:
    if name == "json":
        from partnerkit.render.check.json import check_json

        return check_json(result, today)
    if name == "github":
        from partnerkit.render.check.github import github_lines

        return "".join(line + "\n" for line in github_lines(result))
    if name == "sarif":
        from partnerkit.render.check.sarif import sarif

        return sarif(result)
    if name == "junit":
        from partnerkit.render.check.junit import junit

        return junit(result)
    if name == "concise":
        from partnerkit.render.check.text import concise_lines, summary_line
        from partnerkit.render.console import plain_text

        return "".join(line + "\n" for line in concise_lines(result)) + plain_text(
            [summary_line(result)]
        )
    from partnerkit.render.check.text import text_report

    return text_report(result)


def append_step_summary(result: CheckResult, summary_file: str | None) -> None:
    """Append the Markdown table of all findings to ``$GITHUB_STEP_SUMMARY``, if set."""
    if not summary_file:
        return
    from partnerkit.render.check.github import step_summary

    with open(summary_file, "a", encoding="utf-8") as handle:
        handle.write(step_summary(result))
