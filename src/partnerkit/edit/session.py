"""One edit of one record, start to finish: read once, splice, verify, validate, replace.

Returns what happened as data (:class:`EditOutcome`); the commands print it. The new text is
validated with :func:`partnerkit.load.pipeline.check_text` before anything is written: a finding of
the reading, YAML, schema or reference checks blocks the write (handbook-rule findings do not).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from partnerkit.config import Config
from partnerkit.edit.forget import ForgetResult, default_role, find_people, forget_person
from partnerkit.edit.operations import Change
from partnerkit.edit.record_files import encode, find_record, read_record
from partnerkit.edit.splice import Document, NotEditable
from partnerkit.errors import UsageError
from partnerkit.files.discovery import display_path, expand, records_folder
from partnerkit.files.reader import Snapshot
from partnerkit.files.writer import ChangedOnDisk, record_lock, replace_record
from partnerkit.findings import Finding, Severity
from partnerkit.i18n import _


def blocking_findings(text: str, name: str, config: Config) -> list[Finding]:
    """The findings that make ``text`` unfit to be written as a record: those of reading it
    (YAML, schema, references), never the handbook rules'."""
    from partnerkit.load.pipeline import parse_record

    return parse_record(text, name, config.limits).findings


@dataclass
class EditOutcome:
    file: str
    change: Change | None = None
    line: int | None = None
    findings: list[Finding] = field(default_factory=list)
    already_invalid: bool = False  # the findings were in the record before the edit
    diff: str = ""
    written: bool = False


def load_document(
    path: Path, config: Config, cwd: Path
) -> tuple[Snapshot, str, Document | None, EditOutcome | None]:
    """Read a record for editing. When it cannot be edited (not UTF-8, broken YAML), the
    outcome says why, with the findings of ``check``."""
    name = display_path(path, cwd)
    snapshot, text, problem = read_record(path, config.limits.max_file_bytes)
    if problem is not None or text is None:
        assert problem is not None
        message = _(problem.message).format(**problem.args)
        finding = Finding(problem.code, Severity.ERROR, message, name, problem.position)
        return snapshot, "", None, EditOutcome(name, findings=[finding], already_invalid=True)
    try:
        return snapshot, text, Document(text), None
    except NotEditable:
        findings = blocking_findings(text, name, config)
        return snapshot, text, None, EditOutcome(name, findings=findings, already_invalid=True)


def unified_diff(old: str, new: str, name: str) -> str:
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), name, name, n=1
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def edit_record(
    path: Path,
    edit: Callable[[Document], Change],
    config: Config,
    cwd: Path,
    dry_run: bool = False,
) -> EditOutcome:
    """Apply ``edit`` to the record at ``path`` and, when the result is a valid record,
    replace the file (unless ``dry_run``). Another partnerkit edit of the record waits."""
    with record_lock(path):
        return _edit_record(path, edit, config, cwd, dry_run)


def _edit_record(
    path: Path, edit: Callable[[Document], Change], config: Config, cwd: Path, dry_run: bool
) -> EditOutcome:
    snapshot, text, doc, failed = load_document(path, config, cwd)
    if failed is not None:
        return failed
    assert doc is not None
    name = display_path(path, cwd)
    change = edit(doc)
    new_text = doc.result()
    findings = blocking_findings(new_text, name, config)
    if findings:
        before = blocking_findings(text, name, config)
        return EditOutcome(name, change, findings=findings, already_invalid=bool(before))
    line = doc.line_of(change.splice) if change.splice is not None else None
    outcome = EditOutcome(name, change, line, diff=unified_diff(text, new_text, name))
    if not dry_run:
        replace_record(snapshot, encode(new_text, snapshot.bom))
        outcome.written = True
    return outcome


@dataclass
class ForgetPlan:
    """Forgetting a person in one record: computed, verified and validated, not written."""

    file: str
    snapshot: Snapshot
    new_bytes: bytes = b""
    diff: str = ""
    result: ForgetResult | None = None
    findings: list[Finding] = field(default_factory=list)
    already_invalid: bool = False


def plan_forget(
    person_id: str,
    name: str | None,
    role: str | None,
    records: list[str],
    folder: Path | None,
    config: Config,
    cwd: Path,
) -> list[ForgetPlan]:
    """What forgetting ``person_id`` changes in each record that defines them. Nothing is
    written; a record that mentions the id but cannot be read is returned with its findings."""
    from partnerkit.load.pipeline import parse_record

    if records:
        limit = config.limits.max_file_bytes
        paths = list(dict.fromkeys(find_record(r, folder, cwd, limit) for r in records))
    else:
        paths = expand([records_folder(folder, cwd)])
    needle = person_id.encode("utf-8")
    found: list[tuple[Path, Snapshot, str, Document, dict]] = []
    plans: list[ForgetPlan] = []
    for path in paths:
        snapshot, text, doc, failed = load_document(path, config, cwd)
        if needle not in snapshot.raw:
            continue
        if failed is not None:
            plans.append(
                ForgetPlan(failed.file, snapshot, findings=failed.findings, already_invalid=True)
            )
            continue
        assert doc is not None
        people = find_people(doc.data, person_id)
        if people and (name is None or people[0][1].get("name") == name):
            found.append((path, snapshot, text, doc, people[0][1]))
    if plans:
        return plans
    if not found:
        raise UsageError(
            _("No record defines a person with the id {id}.").format(id=person_id)
            if name is None
            else _("No record defines {id} with the name {name}.").format(id=person_id, name=name)
        )
    names = {str(person.get("name")) for *_rest, person in found}
    if len(names) > 1:
        listing = "; ".join(
            f"{person.get('name')} ({display_path(path, cwd)})" for path, *_r, person in found
        )
        raise UsageError(
            _(
                "The id {id} stands for different people in different records: {listing}. "
                "Choose one with --name."
            ).format(id=person_id, listing=listing)
        )
    for path, snapshot, text, doc, person in found:
        file = display_path(path, cwd)
        parsed = parse_record(text, file, config.limits)
        if parsed.record is None:
            plans.append(ForgetPlan(file, snapshot, findings=parsed.findings, already_invalid=True))
            continue
        replacement = role or default_role(person, doc.data.get("parties") or [])
        if not replacement:
            raise UsageError(
                _(
                    "{name} has no title in {file}, so partnerkit cannot say what role replaces "
                    "them; give the text with --role."
                ).format(name=person.get("name"), file=file)
            )
        result = forget_person(doc, parsed.record, person_id, replacement)
        new_text = doc.result()
        plan = ForgetPlan(
            file,
            snapshot,
            encode(new_text, snapshot.bom),
            unified_diff(text, new_text, file),
            result,
        )
        plan.findings = blocking_findings(new_text, file, config)
        plans.append(plan)
    return plans


def write_forget(plans: list[ForgetPlan]) -> None:
    """Write every plan's record. A record changed on disk meanwhile stops the writing with
    :class:`ChangedOnDisk`, whose message names the records already written."""
    written: list[str] = []
    for plan in plans:
        try:
            with record_lock(plan.snapshot.path):
                replace_record(plan.snapshot, plan.new_bytes)
        except ChangedOnDisk as exc:
            if written:
                exc.args = (
                    str(exc)
                    + " "
                    + _("Already changed: {files}.").format(files=", ".join(written)),
                )
            raise
        written.append(plan.file)
