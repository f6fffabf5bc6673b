"""Record files for the edit commands: find a record by id or path, and read it once."""

from __future__ import annotations

import os
import re
from pathlib import Path

from partnerkit.config import Limits
from partnerkit.errors import UsageError
from partnerkit.files.discovery import SUFFIXES, expand, records_folder
from partnerkit.files.reader import Snapshot, SourceProblem, decode, read_record_file
from partnerkit.i18n import _


def read_record(path: Path, max_bytes: int) -> tuple[Snapshot, str | None, SourceProblem | None]:
    """Read ``path`` once for an edit: its snapshot and text (BOM removed, line endings kept),
    or the problem that stops it being read as text. A file that cannot be read at all is a
    :class:`UsageError`."""
    snapshot, problem = read_record_file(path, max_bytes)
    if snapshot is None:
        assert problem is not None
        raise UsageError(f"{path}: " + _(problem.message).format(**problem.args))
    text, problem = decode(snapshot.raw)
    return snapshot, text, problem


def encode(text: str, bom: bool) -> bytes:
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


# --- finding records ------------------------------------------------------------------

_ID_LINE = re.compile(r"""^id:[ \t]*["']?([^\s"'#]+)["']?[ \t]*(?:#.*)?\r?$""", re.MULTILINE)


def is_path_like(reference: str) -> bool:
    return reference.endswith(SUFFIXES) or "/" in reference or os.sep in reference


def record_ids(folder: Path, max_bytes: int = Limits().max_file_bytes) -> dict[Path, str | None]:
    """The top-level ``id`` of every record file in ``folder``, read from its ``id:`` line;
    None for a file that cannot be read as a record."""
    ids: dict[Path, str | None] = {}
    try:
        files = expand([folder])
    except UsageError:  # no record files at all
        return ids
    for path in files:
        snapshot, _problem = read_record_file(path, max_bytes)
        match = snapshot and _ID_LINE.search(snapshot.raw.decode("utf-8", errors="replace"))
        ids[path] = match.group(1) if match else None
    return ids


def find_record(
    reference: str, folder: Path | None, cwd: Path, max_bytes: int = Limits().max_file_bytes
) -> Path:
    """The record file for ``reference``: a path to a file, or a partnership id looked up in
    the records folder."""
    if is_path_like(reference):
        path = Path(reference)
        if path.is_file():
            return path
        if path.exists() or path.is_symlink():
            raise UsageError(
                _("{path} is not a regular file (a folder, pipe or device).").format(path=path)
            )
        raise UsageError(_("The record file {path} does not exist.").format(path=reference))
    base = records_folder(folder, cwd)
    ids = record_ids(base, max_bytes)
    matches = [path for path, record_id in ids.items() if record_id == reference]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        names = ", ".join(str(p) for p in matches)
        raise UsageError(
            _("The id {id} is used by several records ({files}); give the file's path.").format(
                id=reference, files=names
            )
        )
    import difflib

    message = _("There is no partnership with the id {id} in {folder}.").format(
        id=reference, folder=base
    )
    known = sorted({i for i in ids.values() if i is not None})
    close = difflib.get_close_matches(reference, known, n=1, cutoff=0.6)
    if close:
        message += " " + _("Did you mean '{suggestion}'?").format(suggestion=close[0])
    unreadable = [str(path) for path, record_id in ids.items() if record_id is None]
    if unreadable:
        message += " " + _(
            "These record files could not be read, and it may be in one of them: {files} "
            "(partnerkit check shows why)."
        ).format(files=", ".join(unreadable))
    raise UsageError(message)
