"""The one reader: a file as bytes or text, safely. It never blocks on a FIFO, never reads
without limit, and turns every file-system or encoding problem into a problem value."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from partnerkit.findings import TOP, Position, Severity
from partnerkit.i18n import N_
from partnerkit.values import valuetype


@valuetype
class SourceProblem:
    code: str
    severity: Severity
    message: str
    args: dict[str, object]
    position: Position = TOP


RECORDS_FOLDER_NAME = "partnerships"
_UTF16_32_BOMS = (
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
)


@valuetype
class Snapshot:
    """One file as read: its bytes, and the permissions to keep when it is replaced."""

    path: Path  # resolved: a record reached through a symlink is written where it lives
    raw: bytes
    mode: int

    @property
    def bom(self) -> bool:
        return self.raw.startswith(codecs.BOM_UTF8)


def read_file(path: Path, max_bytes: int) -> tuple[Snapshot | None, SourceProblem | None]:
    """The one way partnerkit reads a file: a regular file (never a FIFO or device, and the
    open never blocks), at most ``max_bytes``; every failure is a problem value."""
    try:
        target = path.resolve()
        fd = os.open(target, os.O_RDONLY | _NONBLOCK)
    except (OSError, RuntimeError) as exc:
        return None, _unreadable(exc)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, SourceProblem(
                "FILE-02",
                Severity.WARNING,
                N_(
                    "Skipped: this is not a regular file (a folder, pipe or device), "
                    "so it was not read."
                ),
                {},
            )
        if info.st_size > max_bytes:
            return None, too_large(info.st_size, max_bytes)
        with os.fdopen(os.dup(fd), "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        return None, _unreadable(exc)
    finally:
        os.close(fd)
    if len(raw) > max_bytes:
        return None, too_large(len(raw), max_bytes)
    return Snapshot(target, raw, stat.S_IMODE(info.st_mode)), None


def read_record_file(path: Path, max_bytes: int) -> tuple[Snapshot | None, SourceProblem | None]:
    """A record file as :func:`read_file` reads it, except a symbolic link to a file outside
    its records folder (a secrets file, ``/proc/self/environ``): that is never read."""
    if path.is_symlink() and _outside_records(path):
        return None, SourceProblem(
            "FILE-05",
            Severity.ERROR,
            N_(
                "This record is a symbolic link to a file outside the records folder, so it "
                "was not read. Put the record itself in the folder."
            ),
            {},
        )
    return read_file(path, max_bytes)


def _outside_records(link: Path) -> bool:
    folder = link.absolute().parent
    root = next((a for a in (folder, *folder.parents) if a.name == RECORDS_FOLDER_NAME), folder)
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):
        return False  # a dangling or looping link: read_file reports it
    return root.resolve() not in target.parents


def read_text(path: Path, max_bytes: int, what: str) -> str:
    """The UTF-8 text of a file that is not a record (the configuration, a schema file):
    through :func:`read_file`, with every problem a :class:`UsageError` that names ``what``."""
    from partnerkit.errors import UsageError
    from partnerkit.i18n import _

    snapshot, problem = read_file(path, max_bytes)
    text, problem = (None, problem) if snapshot is None else decode(snapshot.raw)
    if problem is not None:
        if problem.code == "FILE-01" and not path.exists():
            reason = _("it does not exist")
        else:
            reason = _(problem.message).format(**problem.args)
        raise UsageError(
            _("{what} {path} cannot be read: {reason}").format(what=what, path=path, reason=reason)
        )
    assert text is not None
    return text


def read_source(path: Path, max_bytes: int) -> tuple[str | None, SourceProblem | None]:
    """A record file's text (UTF-8, BOM removed, line endings kept), or the problem that stops
    it (see :func:`read_record_file`)."""
    snapshot, problem = read_record_file(path, max_bytes)
    if snapshot is None:
        return None, problem
    return decode(snapshot.raw)


def decode(raw: bytes) -> tuple[str | None, SourceProblem | None]:
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    elif raw.startswith(_UTF16_32_BOMS):
        return None, SourceProblem(
            "FILE-04",
            Severity.ERROR,
            N_("The file is saved as UTF-16 or UTF-32. Save it as UTF-8."),
            {},
        )
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, SourceProblem(
            "FILE-04",
            Severity.ERROR,
            N_(
                "The file is not valid UTF-8 (byte 0x{byte:02X}). Save it as UTF-8; "
                "files saved as Latin-1 or Windows-1252 are a common cause."
            ),
            {"byte": raw[exc.start]},
            Position(line, col),
        )


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def _unreadable(exc: OSError | RuntimeError) -> SourceProblem:
    return SourceProblem(
        "FILE-01",
        Severity.ERROR,
        N_("The file cannot be read: {reason}."),
        {"reason": getattr(exc, "strerror", None) or type(exc).__name__},
    )


def too_large(size: int, limit: int) -> SourceProblem:
    return SourceProblem(
        "FILE-03",
        Severity.ERROR,
        N_(
            "The file is {size} bytes, more than the limit of {limit} bytes for one record. "
            "If it is a real record, raise max_file_bytes in partnerkit.toml."
        ),
        {"size": size, "limit": limit},
    )
