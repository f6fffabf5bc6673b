"""Record files for the edit commands: find a record by id, read it once, replace it safely.

Replacing a record (:func:`replace_record`):

1. The bytes were read once (:func:`read_record`); their size, mtime and SHA-256 are kept.
2. The new bytes go to a temporary file in the same folder, ``.NAME.<random>.tmp``, created
   with ``O_EXCL`` and held under an exclusive ``flock`` for its whole life; it is written,
   given the record's permissions, and fsynced.
3. The record is read again: if its bytes are not the ones read in step 1, someone changed it
   meanwhile; the temporary file is removed and :class:`ChangedOnDisk` raised (exit 2).
4. ``os.replace`` renames the temporary file over the record (atomic on one file system), and
   the folder is fsynced so the rename survives a power cut.

A ``kill -9`` before step 4 leaves the old record; after it, the new one; never a mix. It can
leave the temporary file behind, which nothing reads (dot-files are skipped by every command).
Each write first removes the leftovers of earlier runs: a ``.NAME.*.tmp`` whose lock can be
taken belongs to a process that no longer exists (the kernel drops a dead process's locks),
while a live writer's file stays locked and is left alone.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from partnerkit.errors import UsageError
from partnerkit.files.discovery import SUFFIXES, expand, records_folder
from partnerkit.files.reader import SourceProblem, decode
from partnerkit.files.writer import cannot_write, new_file_mode, sync_folder
from partnerkit.i18n import _

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

BOM = b"\xef\xbb\xbf"
STALE_WITHOUT_LOCKS = 3600  # seconds; only where flock does not exist
_CHUNK = 1 << 16


class ChangedOnDisk(UsageError):
    """The record changed between reading and writing; it was not overwritten."""


@dataclass(frozen=True)
class Snapshot:
    """One record as read: its bytes and what identifies that version of the file."""

    path: Path
    raw: bytes
    size: int
    mtime_ns: int
    sha256: str
    mode: int

    @property
    def bom(self) -> bool:
        return self.raw.startswith(BOM)


def read_record(path: Path, max_bytes: int) -> tuple[Snapshot, str | None, SourceProblem | None]:
    """Read ``path`` once: its snapshot and text (BOM removed, line endings kept), or the
    problem that stops it being read as text."""
    target = path.resolve()
    try:
        info = os.stat(target)
        if not stat.S_ISREG(info.st_mode):
            raise UsageError(_("{path} is not a regular file.").format(path=path))
        if info.st_size > max_bytes:
            raise UsageError(
                _("{path} is larger than the limit of {limit} bytes for one record.").format(
                    path=path, limit=max_bytes
                )
            )
        with open(target, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise UsageError(
            _("The record {path} cannot be read: {reason}").format(
                path=path, reason=exc.strerror or type(exc).__name__
            )
        ) from None
    snapshot = Snapshot(
        target,
        raw,
        info.st_size,
        info.st_mtime_ns,
        hashlib.sha256(raw).hexdigest(),
        stat.S_IMODE(info.st_mode),
    )
    text, problem = decode(raw)
    return snapshot, text, problem


def encode(text: str, bom: bool) -> bytes:
    return (BOM if bom else b"") + text.encode("utf-8")


# --- finding records ------------------------------------------------------------------

_ID_LINE = re.compile(r"""^id:[ \t]*["']?([^\s"'#]+)["']?[ \t]*(?:#.*)?\r?$""", re.MULTILINE)


def is_path_like(reference: str) -> bool:
    return reference.endswith(SUFFIXES) or "/" in reference or os.sep in reference


def record_ids(folder: Path) -> dict[Path, str]:
    """The top-level ``id`` of every record file in ``folder``, read from its ``id:`` line."""
    ids: dict[Path, str] = {}
    try:
        files = expand([folder])
    except UsageError:  # no record files at all
        return ids
    for path in files:
        try:
            with open(path, "rb") as handle:
                head = handle.read(1 << 20).decode("utf-8", errors="replace")
        except OSError:
            continue
        match = _ID_LINE.search(head)
        if match:
            ids[path] = match.group(1)
    return ids


def find_record(reference: str, folder: Path | None, cwd: Path) -> Path:
    """The record file for ``reference``: a path to a file, or a partnership id looked up in
    the records folder."""
    if is_path_like(reference):
        path = Path(reference)
        if not path.is_file():
            raise UsageError(_("The record file {path} does not exist.").format(path=reference))
        return path
    base = records_folder(folder, cwd)
    ids = record_ids(base)
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
    close = difflib.get_close_matches(reference, sorted(set(ids.values())), n=1, cutoff=0.6)
    if close:
        message += " " + _("Did you mean '{suggestion}'?").format(suggestion=close[0])
    raise UsageError(message)


# --- writing ----------------------------------------------------------------------------


def replace_record(snapshot: Snapshot, data: bytes) -> None:
    """Replace the record read as ``snapshot`` with ``data``, atomically, unless the file
    changed on disk since it was read (then :class:`ChangedOnDisk`, nothing written)."""
    target = snapshot.path
    remove_stale_temporaries(target)
    temp, fd = _create_temporary(target)
    try:
        _write_all(fd, data)
        _chmod(fd, snapshot.mode)
        os.fsync(fd)
        if _current_bytes(target) != snapshot.raw:
            raise ChangedOnDisk(
                _(
                    "{path} changed on disk after partnerkit read it (another editor or "
                    "command?); nothing was written. Run the command again."
                ).format(path=target.name)
            )
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise cannot_write(target, exc) from None
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    finally:
        os.close(fd)
    sync_folder(target.parent)


def create_record(path: Path, data: bytes) -> None:
    """Create ``path`` with ``data`` atomically; refuse if it exists (never overwrite)."""
    if path.exists() or path.is_symlink():
        raise UsageError(_("{path} already exists; it was not overwritten.").format(path=path))
    remove_stale_temporaries(path)
    temp, fd = _create_temporary(path)
    try:
        _write_all(fd, data)
        _chmod(fd, new_file_mode())
        os.fsync(fd)
        try:
            os.link(temp, path)  # atomic, and fails if the record appeared meanwhile
        except FileExistsError:
            raise UsageError(
                _("{path} already exists; it was not overwritten.").format(path=path)
            ) from None
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV):
                raise
            if path.exists():
                raise UsageError(
                    _("{path} already exists; it was not overwritten.").format(path=path)
                ) from None
            os.replace(temp, path)  # no hard links here: the small race is accepted
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        os.close(fd)
    sync_folder(path.parent)


def _chmod(fd: int, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view[:_CHUNK])
        view = view[written:]


def _current_bytes(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def _temporary_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")


def _create_temporary(target: Path) -> tuple[Path, int]:
    """A new, locked temporary file beside ``target``."""
    for _attempt in range(100):
        temp = _temporary_name(target)
        try:
            fd = os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        except FileExistsError:
            continue
        except OSError as exc:
            raise UsageError(
                _("Cannot write in the folder {folder}: {reason}").format(
                    folder=target.parent, reason=exc.strerror or type(exc).__name__
                )
            ) from None
        if _lock(fd, block=True) and _same_file(temp, fd):
            return temp, fd
        # a cleaner removed the name between our open and our lock: start again
        os.close(fd)
    raise UsageError(_("Cannot create a temporary file beside {path}.").format(path=target))


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _lock(fd: int, block: bool) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if block else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def _same_file(path: Path, fd: int) -> bool:
    try:
        named, opened = os.stat(path, follow_symlinks=False), os.fstat(fd)
    except OSError:
        return False
    return (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino)


def stale_pattern(target: Path) -> re.Pattern[str]:
    return re.compile(r"\." + re.escape(target.name) + r"\.[A-Za-z0-9_]+\.tmp")


def remove_stale_temporaries(target: Path, clock: Callable[[], float] = time.time) -> list[Path]:
    """Remove ``.NAME.*.tmp`` files left by killed runs. A file counts as left over when its
    lock can be taken (its writer is gone); without ``flock`` (Windows), when it is older
    than an hour. Returns what was removed."""
    pattern = stale_pattern(target)
    removed = []
    try:
        names = os.listdir(target.parent)
    except OSError:
        return removed
    for name in names:
        if not pattern.fullmatch(name):
            continue
        path = target.parent / name
        if _remove_if_stale(path, clock):
            removed.append(path)
    return removed


def _remove_if_stale(path: Path, clock: Callable[[], float]) -> bool:
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except OSError:
        return False
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return False
        if fcntl is None:
            if clock() - info.st_mtime < STALE_WITHOUT_LOCKS:
                return False
        elif not _lock(fd, block=False):
            return False  # a live writer holds it
        if not _same_file(path, fd):
            return False
        os.unlink(path)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
