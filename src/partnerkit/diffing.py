"""What changed in the records between two versions, as a reviewer wants it in a pull request.

Records are matched by id, not by file name, so a renamed file is not "removed and added".
Only meaning is compared: phase, agreements, people, goals, measurements, activities,
decisions and meetings; formatting and comments do not show up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from partnerkit import formatting
from partnerkit.config import Limits
from partnerkit.files.discovery import record_files, records_folder
from partnerkit.files.reader import decode, read_source
from partnerkit.findings import Severity
from partnerkit.i18n import _
from partnerkit.load.pipeline import parse_record
from partnerkit.record.models import Partnership
from partnerkit.record.vocab import label


@dataclass
class RecordChange:
    id: str
    title: str
    lines: list[str] = field(default_factory=list)


@dataclass
class Diff:
    old_label: str
    new_label: str
    added: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    changed: list[RecordChange] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)


def load_records(
    files: dict[str, str | None], label: str, diff: Diff, limits: Limits
) -> dict[str, Partnership]:
    """Records by id from their texts (None: could not be read); files that cannot be read
    are noted in ``diff.unreadable``."""
    records: dict[str, Partnership] = {}
    for name, text in sorted(files.items()):
        record = None if text is None else parse_record(text, name, limits).record
        if record is None:
            diff.unreadable.append((label, name))
        else:
            records[record.id] = record
    return records


def diff_revisions(
    old: str, new: str | None, folder: Path | None, cwd: Path, limits: Limits
) -> Diff:
    """What changed in the records folder between the revision ``old`` and ``new`` (None:
    the working tree)."""
    from partnerkit.files import git

    root = git.toplevel(cwd).resolve()
    records = records_folder(folder, cwd).resolve()
    relative = records.relative_to(root).as_posix()
    old_files = texts_from_git(git.files_at(old, relative, cwd))
    if new is None:
        new_files, new_label = texts_on_disk(records, root, limits), _("working tree")
    else:
        new_files, new_label = texts_from_git(git.files_at(new, relative, cwd)), new
    return diff_records(old_files, new_files, old, new_label, limits)


def texts_from_git(files: dict[str, bytes]) -> dict[str, str | None]:
    return {name: decode(raw)[0] for name, raw in files.items()}


def texts_on_disk(folder: Path, root: Path, limits: Limits) -> dict[str, str | None]:
    """The record files under ``folder`` read as ``check`` reads them: never a FIFO or a
    symlinked folder, never past the size limit."""
    texts: dict[str, str | None] = {}
    for path in record_files(folder):
        text, problem = read_source(path, limits.max_file_bytes)
        if problem is None or problem.severity == Severity.ERROR:
            texts[path.relative_to(root).as_posix()] = text
    return texts


def diff_records(
    old_files: dict[str, str | None],
    new_files: dict[str, str | None],
    old_label: str,
    new_label: str,
    limits: Limits,
) -> Diff:
    diff = Diff(old_label, new_label)
    # A file with the same name and text in both versions holds the same record: reading it
    # twice (the YAML parse is most of the cost) could only conclude "no change".
    same = {n for n in old_files.keys() & new_files.keys() if old_files[n] == new_files[n]}
    old = load_records(
        {n: t for n, t in old_files.items() if n not in same}, old_label, diff, limits
    )
    new = load_records(
        {n: t for n, t in new_files.items() if n not in same}, new_label, diff, limits
    )
    for record_id in sorted(new.keys() - old.keys()):
        diff.added.append((record_id, new[record_id].title.sv))
    for record_id in sorted(old.keys() - new.keys()):
        diff.removed.append((record_id, old[record_id].title.sv))
    for record_id in sorted(old.keys() & new.keys()):
        lines = record_changes(old[record_id], new[record_id])
        if lines:
            diff.changed.append(RecordChange(record_id, new[record_id].title.sv, lines))
    return diff


def record_changes(old: Partnership, new: Partnership) -> list[str]:
    lines: list[str] = []
    for compare in (
        _phase,
        _agreements,
        _people,
        _goals,
        _measurements,
        _activities,
        _decisions,
        _meetings,
    ):
        lines.extend(compare(old, new))
    return lines


def _sentence(text: str) -> str:
    """Text to end a sentence with: without its own final full stop."""
    return text.rstrip().rstrip(".")


def _phase(old: Partnership, new: Partnership) -> list[str]:
    if old.lifecycle.phase == new.lifecycle.phase:
        return []
    return [
        _("Phase: {old} → {new} (since {date}).").format(
            old=label("phase", old.lifecycle.phase),
            new=label("phase", new.lifecycle.phase),
            date=new.lifecycle.phase_since,
        )
    ]


def _agreements(old: Partnership, new: Partnership) -> list[str]:
    before = {a.start: a for a in old.agreements}
    lines = []
    for agreement in new.agreements:
        previous = before.get(agreement.start)
        if previous is None:
            lines.append(
                _("New agreement ({type}): {start} – {end}.").format(
                    type=label("agreement_type", agreement.type),
                    start=agreement.start,
                    end=agreement.end or "–",
                )
            )
        elif previous.end != agreement.end:
            lines.append(
                _("Agreement from {start}: end date {old} → {new}.").format(
                    start=agreement.start, old=previous.end or "–", new=agreement.end or "–"
                )
            )
    return lines


def _people(old: Partnership, new: Partnership) -> list[str]:
    before = {p.id: p for p in old.people}
    after = {p.id: p for p in new.people}
    lines = [
        _("Person added: {name} ({title}).").format(name=p.name, title=p.title or "–")
        for pid, p in after.items()
        if pid not in before
    ]
    lines += [
        _("Person removed: {name}.").format(name=p.name)
        for pid, p in before.items()
        if pid not in after
    ]
    for pid, person in after.items():
        previous = before.get(pid)
        ended = person.active.to if person.active else None
        if previous and ended and (previous.active is None or previous.active.to != ended):
            lines.append(_("{name} leaves on {date}.").format(name=person.name, date=ended))
    return lines


def _goals(old: Partnership, new: Partnership) -> list[str]:
    before = {g.id: g for g in old.goals}
    lines = []
    for goal in new.goals:
        previous = before.get(goal.id)
        if previous is None:
            lines.append(_("Goal added: {title}.").format(title=goal.title))
        elif previous.status != goal.status:
            lines.append(
                _("Goal {title}: {old} → {new}.").format(
                    title=goal.title,
                    old=label("status", previous.status),
                    new=label("status", goal.status),
                )
            )
    after = {g.id for g in new.goals}
    lines += [
        _("Goal removed: {title}.").format(title=g.title) for g in old.goals if g.id not in after
    ]
    return lines


def _measurements(old: Partnership, new: Partnership) -> list[str]:
    before = {(g.id, i.id, m.date) for g in old.goals for i in g.indicators for m in i.measurements}
    return [
        _("Indicator {name}: {value} on {date}.").format(
            name=i.name, value=formatting.number(m.value), date=m.date
        )
        for g in new.goals
        for i in g.indicators
        for m in i.measurements
        if (g.id, i.id, m.date) not in before
    ]


def _activities(old: Partnership, new: Partnership) -> list[str]:
    before = {a.id: a for a in old.activities}
    lines = []
    for activity in new.activities:
        previous = before.get(activity.id)
        if previous is None:
            lines.append(
                _("Activity added: {title} ({form}, {status}).").format(
                    title=activity.title,
                    form=label("form", activity.form),
                    status=label("status", activity.status),
                )
            )
        elif previous.status != activity.status:
            lines.append(
                _("Activity {title}: {old} → {new}.").format(
                    title=activity.title,
                    old=label("status", previous.status),
                    new=label("status", activity.status),
                )
            )
    return lines


def _decisions(old: Partnership, new: Partnership) -> list[str]:
    before = {d.id: d for d in old.decisions}
    lines = []
    for decision in new.decisions:
        previous = before.get(decision.id)
        if previous is None:
            template = (
                _("Decision opened: {text} (due {due}).")
                if decision.status == "open"
                else _("Decision taken and closed: {text}.")
            )
            lines.append(template.format(text=_sentence(decision.text), due=decision.due or "–"))
        elif previous.status == "open" and decision.status != "open":
            lines.append(
                _("Decision {status}: {text}.").format(
                    status=label("status", decision.status), text=_sentence(decision.text)
                )
            )
    return lines


def _meetings(old: Partnership, new: Partnership) -> list[str]:
    before = {(b.id, m.date) for b in old.governance for m in b.meetings if m.status == "held"}
    return [
        _("Meeting held: {body} on {date}.").format(body=b.name or b.id, date=m.date)
        for b in new.governance
        for m in b.meetings
        if m.status == "held" and (b.id, m.date) not in before
    ]
