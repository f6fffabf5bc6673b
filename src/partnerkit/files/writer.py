"""Writing files so that a reader never sees half a file: temp file in the same folder,
fsync, rename. The edit commands build on the same helpers (``edit_files.py``)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from partnerkit.errors import UsageError
from partnerkit.i18n import _


def write_bytes_atomically(path: Path, data: bytes) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(_("The folder {folder} does not exist.").format(folder=folder))
    try:
        _replace(path, folder, data)
    except OSError as exc:
        raise cannot_write(path, exc) from None


def _replace(path: Path, folder: Path, data: bytes) -> None:
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    sync_folder(folder)


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
