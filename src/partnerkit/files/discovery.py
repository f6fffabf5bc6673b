"""Which files to check: explicit paths, folders searched for records, or the default folder."""

from __future__ import annotations

import os
from pathlib import Path

from partnerkit.errors import UsageError
from partnerkit.i18n import _

RECORDS_DIR = "partnerships"
SUFFIXES = (".yaml", ".yml")


def nearest(start: Path, name: str, kind: str = "folder") -> Path | None:
    """The nearest ``name`` at or above ``start``: a folder, a ``"file"``, or ``"any"``
    entry (a ``.git`` may be either)."""
    exists = {"folder": Path.is_dir, "file": Path.is_file, "any": Path.exists}[kind]
    for folder in (start, *start.parents):
        candidate = folder / name
        if exists(candidate):
            return candidate
    return None


def find_records_dir(start: Path) -> Path | None:
    """The nearest ``partnerships/`` folder at or above ``start``."""
    return nearest(start, RECORDS_DIR)


def records_folder(folder: Path | None, cwd: Path) -> Path:
    """The records folder: ``folder`` when given, else the nearest ``partnerships/`` folder
    at or above ``cwd``; a :class:`UsageError` when there is none."""
    if folder is not None:
        if not folder.is_dir():
            raise UsageError(_("The folder {folder} does not exist.").format(folder=folder))
        return folder
    found = find_records_dir(cwd)
    if found is None:
        raise UsageError(
            _(
                "No {folder}/ folder was found here or above; run partnerkit in the records "
                "repository, name the folder with --folder, or give the record's path."
            ).format(folder=RECORDS_DIR)
        )
    return found


def embedded_examples() -> Path:
    """The example records shipped with partnerkit (in the wheel, or in a source checkout)."""
    packaged = Path(__file__).parents[1] / "examples"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / RECORDS_DIR


def default_paths(cwd: Path) -> tuple[list[Path], bool]:
    """The records folder for ``cwd``, and whether it is the embedded examples."""
    found = find_records_dir(cwd)
    if found is not None:
        return [found], False
    return [embedded_examples()], True


def expand(paths: list[Path]) -> list[Path]:
    """Record files named by ``paths``: files as given, folders searched without following
    symlinked folders. Raises :class:`UsageError` for a path that does not exist or a set of
    paths that holds no record file."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(record_files(path))
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            raise UsageError(_("The path {path} does not exist.").format(path=path))
    if not files:
        names = ", ".join(str(p) for p in paths)
        raise UsageError(
            _("No record files (*.yaml, *.yml) were found in {names}.").format(names=names)
        )
    return list(dict.fromkeys(files))


def record_files(folder: Path) -> list[Path]:
    """The record files under ``folder``, sorted; symlinked folders and dot files skipped."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith(SUFFIXES) and not name.startswith("."):
                found.append(Path(dirpath) / name)
    return found


def guard_output(output: Path, inputs: list[Path], cwd: Path) -> None:
    """Refuse to write an output over a record, or into the records folder (the nearest
    ``partnerships/`` or a folder given as input): a report must never replace a record."""
    target = output.resolve()
    folders = [path.resolve() for path in inputs if path.is_dir()]
    found = find_records_dir(cwd)
    if found is not None:
        folders.append(found.resolve())
    records = {path.resolve() for path in inputs if not path.is_dir()}
    if target in records or any(f == target or f in target.parents for f in folders):
        raise UsageError(
            _(
                "{path} is a record or in the records folder; partnerkit writes no output "
                "there. Choose a path outside it."
            ).format(path=output)
        )


def display_path(path: Path, cwd: Path) -> str:
    """A stable, readable name: relative to ``cwd`` when inside it, with ``/`` separators."""
    try:
        return path.absolute().relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()
