"""`partnerkit diff` as Markdown, for a pull-request comment or the terminal."""

from __future__ import annotations

from partnerkit.diffing import Diff
from partnerkit.i18n import _
from partnerkit.render.markdown_blocks import md_text


def diff_markdown(diff: Diff) -> str:
    lines = [
        "# "
        + _("Changes in the partnership records: {old} → {new}").format(
            old=md_text(diff.old_label), new=md_text(diff.new_label)
        ),
        "",
    ]
    if not (diff.added or diff.removed or diff.changed or diff.unreadable):
        return "\n".join([*lines, _("No changes to the records.")]) + "\n"
    if diff.added:
        heading = _("New partnerships")
        lines += [f"## {heading}", ""]
        lines += [f"- **{md_text(title)}** ({md_text(pid)})" for pid, title in diff.added]
        lines.append("")
    if diff.removed:
        heading = _("Removed partnerships")
        lines += [f"## {heading}", ""]
        lines += [f"- **{md_text(title)}** ({md_text(pid)})" for pid, title in diff.removed]
        lines.append("")
    for change in diff.changed:
        lines += [f"## {md_text(change.title)} ({md_text(change.id)})", ""]
        lines += [f"- {md_text(line)}" for line in change.lines]
        lines.append("")
    if diff.unreadable:
        heading = _("Files that could not be read")
        lines += [f"## {heading}", ""]
        lines += [f"- {md_text(name)} ({md_text(label)})" for label, name in diff.unreadable]
    return "\n".join(lines).rstrip() + "\n"
