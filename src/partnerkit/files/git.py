"""Read what git knows: files changed since a revision, and record files at a revision.

Runs the ``git`` command; every failure becomes a :class:`UsageError` that names the problem.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from partnerkit.errors import UsageError
from partnerkit.i18n import _


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    try:
        run = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError(_("git is not installed, or not on the PATH.")) from None
    if run.returncode != 0:
        message = run.stderr.decode(errors="replace").strip().splitlines()
        raise UsageError(
            _("git {command} failed: {message}").format(
                command=args[0], message=message[-1] if message else run.returncode
            )
        )
    return run.stdout


def toplevel(cwd: Path) -> Path:
    try:
        return Path(_git(["rev-parse", "--show-toplevel"], cwd).decode().strip())
    except UsageError:
        raise UsageError(_("{folder} is not inside a git repository.").format(folder=cwd)) from None


def verify_revision(revision: str, cwd: Path) -> str:
    unknown = UsageError(
        _("'{rev}' is not a revision of this git repository.").format(rev=revision)
    )
    if revision.startswith("-"):
        raise unknown
    try:
        output = _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], cwd)
    except UsageError:
        raise unknown from None
    return output.decode().strip()


def changed_since(revision: str, cwd: Path) -> set[Path]:
    """Files changed between ``revision`` and the working tree, plus untracked files."""
    root = toplevel(cwd)
    commit = verify_revision(revision, cwd)
    names = _git(["diff", "--name-only", "-z", commit, "--"], root).split(b"\0")
    names += _git(["ls-files", "--others", "--exclude-standard", "-z"], root).split(b"\0")
    return {(root / name.decode()).resolve() for name in names if name}


def files_at(revision: str, folder: str, cwd: Path) -> dict[str, bytes]:
    """Every record file under ``folder`` (relative to the repository root) at ``revision``."""
    root = toplevel(cwd)
    commit = verify_revision(revision, cwd)
    listing = _git(["ls-tree", "-r", "-z", commit, "--", folder], root)
    entries = []  # (object id, path) of every record file; one git process reads them all
    for raw in filter(None, listing.split(b"\0")):
        meta, _tab, name = raw.partition(b"\t")
        if meta.split()[1] == b"blob" and name.endswith((b".yaml", b".yml")):
            entries.append((meta.split()[2], name.decode()))
    if not entries:
        return {}
    batch = _git(["cat-file", "--batch"], root, b"".join(oid + b"\n" for oid, _ in entries))
    files = {}
    offset = 0
    for _oid, name in entries:
        header_end = batch.index(b"\n", offset)
        size = int(batch[offset:header_end].split()[2])
        files[name] = batch[header_end + 1 : header_end + 1 + size]
        offset = header_end + 1 + size + 1
    return files
