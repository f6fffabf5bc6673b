"""The one atomic writer: a reader never sees half a file, and nothing is lost.

Every file partnerkit writes (reports, exports, the schema, records) goes through
:func:`_write`:

1. The new bytes go to a temporary file in the same folder, ``.NAME.<random>.tmp``, created
   with ``O_EXCL`` and held under an exclusive ``flock`` for its whole life; it is written,
   given its permissions (the replaced file's, or a new file's under the umask), and fsynced.
2. When replacing a record, the record is read again: if its bytes are not the ones read
   before the edit, someone changed it meanwhile; the temporary file is removed and
   :class:`ChangedOnDisk` raised (exit 2).
3. ``os.replace`` renames the temporary file over the target (atomic on one file system),
   and the folder is fsynced so the rename survives a power cut. A new record is linked into
   place instead, which fails if the name appeared meanwhile: a record is never overwritten.

A ``kill -9`` before step 3 leaves the old file; after it, the new one; never a mix. It can
leave the temporary file behind, which nothing reads (dot-files are skipped by every command).
Each write first removes the leftovers of earlier runs: a ``.NAME.*.tmp`` whose lock can be
taken belongs to a process that no longer exists (the kernel drops a dead process's locks),
while a live writer's file stays locked and is left alone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from partnerkit.errors import UsageError
from partnerkit.files.reader import Snapshot
from partnerkit.i18n import _

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

STALE_WITHOUT_LOCKS = 3600  # seconds; only where flock does not exist
_CHUNK = 1 << 16
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class ChangedOnDisk(UsageError):
    """The record changed between reading and writing; it was not overwritten."""


@contextlib.contextmanager
def record_lock(path: Path) -> Iterator[None]:
    """Serialise partnerkit's own writers of one record: an exclusive lock on ``.NAME.lock``
    beside it, held from reading the record to replacing it, so two edits at once both land
    (the second reads the first's result). Editors do not take it; for them the check for a
    change on disk just before the rename remains (see :func:`replace_record`)."""
    if fcntl is None:
        yield
        return
    target = path.resolve()
    try:
        fd = os.open(target.with_name(f".{target.name}.lock"), os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield  # a folder we cannot write in: the write itself says so
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, replacing what is there."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(_("The folder {folder} does not exist.").format(folder=folder))
    _write(path, data, _mode_for(path))


def replace_record(snapshot: Snapshot, data: bytes) -> None:
    """Replace the record read as ``snapshot`` with ``data``, unless the file changed on disk
    since it was read (then :class:`ChangedOnDisk`, nothing written)."""
    _write(snapshot.path, data, snapshot.mode, expected=snapshot.raw)


def create_record(path: Path, data: bytes) -> None:
    """Create ``path`` with ``data``; refuse if it exists (never overwrite)."""
    if path.exists() or path.is_symlink():
        raise _exists(path)
    _write(path, data, new_file_mode(), create=True)


def _write(
    target: Path, data: bytes, mode: int, expected: bytes | None = None, create: bool = False
) -> None:
    remove_stale_temporaries(target)
    temp, fd = _create_temporary(target)
    try:
        _write_all(fd, data)
        _chmod(fd, mode)
        os.fsync(fd)
        if create:
            _link_new(temp, target)
        else:
            if expected is not None and _current_bytes(target) != expected:
                raise ChangedOnDisk(
                    _(
                        "{path} changed on disk after partnerkit read it (another editor or "
                        "command?); nothing was written. Run the command again."
                    ).format(path=target.name)
                )
            os.replace(temp, target)
    except OSError as exc:
        raise cannot_write(target, exc) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        os.close(fd)
    sync_folder(target.parent)


def _link_new(temp: Path, path: Path) -> None:
    try:
        os.link(temp, path)  # atomic, and fails if the record appeared meanwhile
    except FileExistsError:
        raise _exists(path) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV):
            raise
        if path.exists():
            raise _exists(path) from None
        os.replace(temp, path)  # no hard links here: the small race is accepted


def _exists(path: Path) -> UsageError:
    return UsageError(_("{path} already exists; it was not overwritten.").format(path=path))


def make_folder(folder: Path, private: bool = False) -> None:
    """Create ``folder`` (and, when ``private``, its parents, readable by the user only) if
    it is missing; a folder that cannot be made is the user's error, with the reason."""
    try:
        if private:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        else:
            folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise UsageError(
            _("Cannot create the folder {folder}: {reason}").format(
                folder=folder, reason=exc.strerror or type(exc).__name__
            )
        ) from None


def cannot_write(path: Path, exc: OSError) -> UsageError:
    """The message for a file that could not be written (permissions, full disk, a folder)."""
    return UsageError(
        _("{path} cannot be written: {reason}.").format(
            path=path, reason=exc.strerror or type(exc).__name__
        )
    )


def _mode_for(path: Path) -> int:
    """The existing file's permissions, else those of a new file."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return new_file_mode()


def new_file_mode() -> int:
    """0o666 less the umask: the mode any editor would give a new file."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX)."""
    if hasattr(os, "O_DIRECTORY"):
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


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
