"""Writes are atomic and careful: kill -9 at any moment leaves the old or the new record,
stale temporary files are cleaned up (but never a live writer's), and a record that changed
on disk after it was read is not overwritten."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from partnerkit.config import Config
from partnerkit.edit import session as edit_session
from partnerkit.edit.operations import add_log_entry
from partnerkit.edit.record_files import encode, read_record
from partnerkit.edit.session import blocking_findings
from partnerkit.edit.splice import Document
from partnerkit.errors import UsageError
from partnerkit.files.writer import (
    ChangedOnDisk,
    create_record,
    remove_stale_temporaries,
    replace_record,
)
from tests.conftest import EXAMPLES, ROOT

DRIVER = ROOT / "tests" / "edit_cases" / "slow_edit.py"
ITERATIONS = 30


def strays(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def expected_after_log(raw: bytes, text: str, day: date) -> bytes:
    doc = Document(raw.decode("utf-8-sig"))
    add_log_entry(doc, day, text)
    return encode(doc.result(), raw.startswith(b"\xef\xbb\xbf"))


def test_kill_at_random_moments_leaves_old_or_new_never_broken(tmp_path):
    folder = tmp_path / "partnerships"
    folder.mkdir()
    record = folder / "eu-nordverk.yaml"
    # CRLF, so a torn write would also show as mixed line endings
    old = (EXAMPLES / "eu-nordverk.yaml").read_bytes().replace(b"\n", b"\r\n")
    new = expected_after_log(old, "Avbruten skrivning?", date(2026, 12, 1))
    assert blocking_findings(new.decode(), "x", Config()) == []
    args = ["log", "eu-nordverk", "Avbruten skrivning?", "--date", "2026-12-01"]
    env = {**os.environ, "PARTNERKIT_LANG": "en", "PYTHONPATH": str(ROOT)}
    phases_log = tmp_path / "phases.log"

    def start() -> tuple[subprocess.Popen, float]:
        phases_log.write_text("", encoding="utf-8")
        begun = time.time()
        process = subprocess.Popen(
            [sys.executable, str(DRIVER), str(phases_log), *args],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return process, begun

    def phases() -> dict[str, float]:
        found = {}
        for line in phases_log.read_text(encoding="utf-8").splitlines():
            stamp, phase = line.split()
            found[phase] = float(stamp)
        return found

    # one full run to learn when the write window opens and closes
    record.write_bytes(old)
    process, begun = start()
    assert process.wait(timeout=60) == 0
    timing = phases()
    assert record.read_bytes() == new and strays(folder) == []
    window = (timing["writing"] - begun, timing["renamed"] - begun)
    total = timing["exit"] - begun

    rng = random.Random(20261128)
    landed: dict[str, int] = {}
    outcomes: dict[tuple[str, str], int] = {}
    left_behind = 0
    for i in range(ITERATIONS):
        record.write_bytes(old)
        before = set(strays(folder))
        # half the kills aim at the write window, half anywhere in the run
        delay = rng.uniform(*window) if i % 2 else rng.uniform(0, total)
        process, begun = start()
        time.sleep(delay)
        process.kill()
        process.wait(timeout=60)
        seen = phases()
        where = (
            "after rename"
            if "renamed" in seen
            else "while writing"
            if "writing" in seen
            else "before writing"
        )
        landed[where] = landed.get(where, 0) + 1
        state = (
            "new" if record.read_bytes() == new else "old" if record.read_bytes() == old else "?"
        )
        outcomes[(where, state)] = outcomes.get((where, state), 0) + 1
        assert state != "?", f"torn record after a kill {where}"
        left = strays(folder)
        left_behind += len(set(left) - before)
        for name in left:
            assert name.startswith(".eu-nordverk.yaml.") and name.endswith(".tmp")
    print(f"\nkills: {outcomes}; temporary files left by kills: {left_behind}")
    # the kills hit the dangerous window, and the next write cleans up every leftover
    assert landed.get("while writing", 0) >= 3, landed
    record.write_bytes(old)
    process, _begun = start()
    assert process.wait(timeout=60) == 0
    assert record.read_bytes() == new
    assert strays(folder) == []


def test_a_concurrent_change_is_refused(cli, tmp_path, monkeypatch):
    folder = tmp_path / "partnerships"
    folder.mkdir()
    record = folder / "odd.yaml"
    record.write_bytes((ROOT / "tests" / "edit_cases" / "odd.yaml").read_bytes())
    real_read = edit_session.read_record

    def read_then_someone_edits(path, limit):
        result = real_read(path, limit)
        with open(path, "ab") as handle:  # another editor saves while partnerkit works
            handle.write(b"# edited elsewhere\n")
        return result

    monkeypatch.setattr(edit_session, "read_record", read_then_someone_edits)
    result = cli("log", "odd-nordverk", "x", "--date", "2026-12-01", cwd=tmp_path)
    assert result.exit_code == 2
    assert "changed on disk" in result.stderr and "nothing was written" in result.stderr
    assert record.read_bytes().endswith(b"# slut\n# edited elsewhere\n")
    assert strays(folder) == []


def test_changed_on_disk_is_detected_even_with_the_same_size_and_time(tmp_path):
    record = tmp_path / "r.yaml"
    record.write_bytes(b"id: a\n")
    snapshot, _text, _problem = read_record(record, 1000)
    stat = record.stat()
    record.write_bytes(b"id: b\n")
    os.utime(record, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime
    with pytest.raises(ChangedOnDisk):
        replace_record(snapshot, b"id: c\n")
    assert record.read_bytes() == b"id: b\n"
    assert strays(tmp_path) == []


def test_a_deleted_record_is_not_recreated(tmp_path):
    record = tmp_path / "r.yaml"
    record.write_bytes(b"id: a\n")
    snapshot, _text, _problem = read_record(record, 1000)
    record.unlink()
    with pytest.raises(ChangedOnDisk):
        replace_record(snapshot, b"id: c\n")
    assert not record.exists() and strays(tmp_path) == []


def test_replace_keeps_permissions_and_writes_through_a_symlink(tmp_path):
    real = tmp_path / "real.yaml"
    real.write_bytes(b"id: a\n")
    real.chmod(0o640)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    snapshot, _text, _problem = read_record(link, 1000)
    replace_record(snapshot, b"id: b\n")
    assert link.is_symlink() and real.read_bytes() == b"id: b\n"
    assert (real.stat().st_mode & 0o777) == 0o640


def test_stale_temporaries_go_but_a_live_writers_stays(tmp_path):
    fcntl = pytest.importorskip("fcntl")
    record = tmp_path / "r.yaml"
    record.write_bytes(b"id: a\n")
    stale = tmp_path / ".r.yaml.deadbeef.tmp"
    stale.write_bytes(b"half a rec")
    live = tmp_path / ".r.yaml.cafe0001.tmp"
    live.write_bytes(b"being written")
    other = tmp_path / ".other.yaml.deadbeef.tmp"
    other.write_bytes(b"not ours")
    editor = tmp_path / ".r.yaml.swp"
    editor.write_bytes(b"vim")
    holder = os.open(live, os.O_RDWR)
    fcntl.flock(holder, fcntl.LOCK_EX)  # as a writer in another process would
    try:
        snapshot, _text, _problem = read_record(record, 1000)
        replace_record(snapshot, b"id: b\n")
        assert not stale.exists()
        assert live.exists() and other.exists() and editor.exists()
    finally:
        os.close(holder)
    assert remove_stale_temporaries(record) == [live]


def test_create_never_overwrites(tmp_path):
    target = tmp_path / "new.yaml"
    create_record(target, b"id: a\n")
    assert target.read_bytes() == b"id: a\n"
    with pytest.raises(UsageError):
        create_record(target, b"id: b\n")
    assert target.read_bytes() == b"id: a\n"
    assert strays(tmp_path) == []


def test_two_edits_at_once_both_land(tmp_path):
    """Two log commands, each stalling in its write and before its rename: the second waits
    for the first (the record lock) and reads its result, so both entries remain."""
    folder = tmp_path / "partnerships"
    folder.mkdir()
    record = folder / "eu-nordverk.yaml"
    record.write_bytes((EXAMPLES / "eu-nordverk.yaml").read_bytes())
    env = {**os.environ, "PARTNERKIT_LANG": "en", "PYTHONPATH": str(ROOT)}
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                str(DRIVER),
                str(tmp_path / f"phases-{n}.log"),
                "log",
                "eu-nordverk",
                f"Samtidig anteckning {n}",
                "--date",
                "2026-12-01",
            ],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for n in (1, 2)
    ]
    results = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], results
    text = record.read_text(encoding="utf-8")
    assert "Samtidig anteckning 1" in text and "Samtidig anteckning 2" in text
    assert strays(folder) == []
