"""A new record: its text, derived from the models, and its creation in the records folder.

The essentials (what :class:`~partnerkit.record.models.Partnership` requires, plus the coordinator)
are written as YAML in the models' field order; every other top-level field is listed in a
closing comment with its type, read from the models, so the template follows the format.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from partnerkit.config import Config
from partnerkit.edit.operations import field_order, slugify
from partnerkit.edit.splice import block_mapping_lines
from partnerkit.errors import UsageError
from partnerkit.findings import Finding
from partnerkit.i18n import _
from partnerkit.record.json_schema import SCHEMA_PATH

SLUG = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")


@dataclass
class NewRecord:
    record_id: str
    title: str
    university: str
    university_id: str
    university_sector: str
    partner: str
    partner_id: str
    partner_sector: str
    phase: str
    since: date
    coordinator: str
    coordinator_id: str = "p-samordnare"
    coordinator_title: str | None = None
    title_en: str | None = None
    coordinator_email: str | None = None


def party_id(name: str) -> str:
    """A short id for a party from its name (``Nordverk AB`` -> ``nordverk-ab``)."""
    return slugify(name, limit=24)


def record_data(new: NewRecord) -> dict:
    title = {"sv": new.title}
    if new.title_en:
        title["en"] = new.title_en
    person = {"id": new.coordinator_id, "name": new.coordinator, "side": new.university_id}
    if new.coordinator_title:
        person["title"] = new.coordinator_title
    if new.coordinator_email:
        person["email"] = new.coordinator_email
    data = {
        "schema_version": "1",
        "id": new.record_id,
        "title": title,
        "parties": [
            {
                "id": new.university_id,
                "name": new.university,
                "role": "larosate_host",
                "sector": new.university_sector,
            },
            {
                "id": new.partner_id,
                "name": new.partner,
                "role": "partner",
                "sector": new.partner_sector,
            },
        ],
        "lifecycle": {"phase": new.phase, "phase_since": new.since},
        "people": [person],
        "coordination": {
            "coordinator": {"person_id": new.coordinator_id, "side": new.university_id}
        },
    }
    return {key: data[key] for key in field_order("Partnership") if key in data}


def _type_text(annotation, metadata) -> str:
    from partnerkit.record.format_reference import describe_type

    text = describe_type(annotation, metadata)
    text = re.sub(r"\[(\w+)\]\(#\w+\)", r"\1", text)
    return text.replace("`", "")


def schema_location(records: Path) -> tuple[Path, bool]:
    """The JSON Schema that records in the folder ``records`` point their editor at, and
    whether it exists: the nearest ``schema/partnership.schema.json`` from the folder up to the
    repository's root (the folder above ``records`` outside a git repository); when there is
    none, where it belongs: beside the records folder (in it when it is the repository's root)."""
    from partnerkit.files.discovery import nearest

    records = records.absolute()
    git = nearest(records, ".git", "any")
    top = git.parent if git is not None else records.parent
    for folder in (records, *records.parents):
        if (folder / SCHEMA_PATH).is_file():
            return folder / SCHEMA_PATH, True
        if folder == top:
            break
    beside = records if records == top else records.parent  # never outside the repository
    return beside / SCHEMA_PATH, False


def schema_reference(records: Path, schema: Path) -> str:
    """The path from the records folder to the schema, as the modeline writes it."""
    return Path(os.path.relpath(schema.absolute(), records.absolute())).as_posix()


def new_record_text(new: NewRecord, eol: str = "\n", schema_ref: str = f"../{SCHEMA_PATH}") -> str:
    from partnerkit.record.models import Partnership, Person

    data = record_data(new)
    lines = [
        f"# yaml-language-server: $schema={schema_ref}",
        "# " + _("Created with partnerkit new; check it with: partnerkit check"),
    ]
    for key, value in data.items():
        if isinstance(value, (dict, list)) and key != "title":
            lines.append("")
        lines.extend(block_mapping_lines({key: value}, 0, 2, nested_block=True))
    lines += ["", "# " + _("Add these as the partnership develops (see partnerkit schema):")]
    for name, info in Partnership.model_fields.items():
        key = info.alias or name
        if key not in data:
            lines.append(f"#   {key}: {_type_text(info.annotation, info.metadata)}")
    # a person's optional fields, so the work e-mail address and language are found
    for name, info in Person.model_fields.items():
        key = info.alias or name
        if key not in data["people"][0]:
            lines.append(f"#   people[].{key}: {_type_text(info.annotation, info.metadata)}")
    return eol.join(lines) + eol


@dataclass
class Created:
    """What :func:`create_new_record` did, or would do (``dry_run``)."""

    target: Path
    text: str
    findings: list[Finding]
    folder_created: bool = False
    schema_created: Path | None = None


def create_new_record(
    new: NewRecord, folder: Path | None, config: Config, cwd: Path, dry_run: bool = False
) -> Created:
    """Write the new record into the records folder (created when missing), unless its text
    would not be a valid record, its id is taken, or ``dry_run``. Never overwrites a file.

    The record's modeline points the editor at the repository's JSON Schema; when there is
    none yet, the schema is written beside the records folder (in the current language), so
    that the path resolves and the editor explains every field."""
    from partnerkit.edit.record_files import record_ids
    from partnerkit.edit.session import blocking_findings
    from partnerkit.files.discovery import RECORDS_DIR, display_path, find_records_dir
    from partnerkit.files.writer import create_record
    from partnerkit.load.pipeline import normalised_id

    check_ids(new)
    base = folder or find_records_dir(cwd) or cwd / RECORDS_DIR
    schema, schema_exists = schema_location(base)
    text = new_record_text(new, schema_ref=schema_reference(base, schema))
    target = base / f"{new.record_id}.yaml"
    findings = blocking_findings(text, display_path(target, cwd), config)
    created = Created(target, text, findings)
    if findings or dry_run:
        return created
    if base.is_dir():
        for other, existing in record_ids(base, config.limits.max_file_bytes).items():
            if existing is not None and normalised_id(existing) == normalised_id(new.record_id):
                raise UsageError(
                    _("The id {id} is already used by {file}; choose another.").format(
                        id=new.record_id, file=other
                    )
                )
    else:
        base.mkdir(parents=True)
        created.folder_created = True
    create_record(target, text.encode("utf-8"))
    if not schema_exists:
        created.schema_created = _create_schema(schema)
    return created


def _create_schema(path: Path) -> Path | None:
    """Write the schema at ``path`` unless something is there already; None when it could not
    be written (the record is made either way: a missing schema only costs the editor's help)."""
    from partnerkit.files.writer import create_record
    from partnerkit.record.json_schema import schema_text

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        create_record(path, schema_text().encode("utf-8"))
    except (OSError, UsageError):
        return None
    return path


def check_record_id(record_id: str) -> None:
    if not SLUG.fullmatch(record_id) or len(record_id) > 63:
        raise UsageError(
            _("'{id}' cannot be an id: use a-z, 0-9 and - between them, e.g. eu-nordverk.").format(
                id=record_id
            )
        )


def check_ids(new: NewRecord) -> None:
    """Every id of a new record must be a slug, and the two parties' ids must differ."""
    check_record_id(new.record_id)
    for option, value in (
        ("--university-id", new.university_id),
        ("--partner-id", new.partner_id),
        ("--coordinator-id", new.coordinator_id),
    ):
        if not SLUG.fullmatch(value):
            raise UsageError(f"{option}: " + _("use a-z, 0-9 and - between them"))
    if new.university_id == new.partner_id:
        raise UsageError(_("The university and the partner need different ids; set --partner-id."))
