"""Run partnerkit with a slow write, so that a test can kill it inside the write.

    python slow_edit.py PHASE_LOG ARGS...

The temporary file is written in small chunks with a pause after each, and the rename is
surrounded by pauses. Each phase is appended to PHASE_LOG with a wall-clock time, so the test
can tell where its ``kill -9`` landed. Production code is untouched: this file patches it.
"""

from __future__ import annotations

import os
import sys
import time

CHUNK = 512
PAUSE = 0.003

log_path = sys.argv.pop(1)
log = open(log_path, "a", buffering=1, encoding="utf-8")  # noqa: SIM115


def mark(phase: str) -> None:
    log.write(f"{time.time():.6f} {phase}\n")
    log.flush()


mark("start")

from partnerkit.files import writer  # noqa: E402

real_replace = os.replace


def slow_write_all(fd: int, data: bytes) -> None:
    mark("writing")
    for start in range(0, len(data), CHUNK):
        os.write(fd, data[start : start + CHUNK])
        time.sleep(PAUSE)
    mark("written")


def slow_replace(source, target) -> None:
    time.sleep(PAUSE * 5)
    mark("renaming")
    real_replace(source, target)
    mark("renamed")
    time.sleep(PAUSE * 5)


writer._write_all = slow_write_all
writer.os.replace = slow_replace  # the os module, in this throwaway process only

from partnerkit.cli.app import exit_now, run  # noqa: E402

code = run(sys.argv[1:])
mark("exit")
exit_now(code)
