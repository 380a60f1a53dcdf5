"""Worker processes die with the run that started them, even when it is killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

CHILD = textwrap.dedent("""
    import multiprocessing, sys, time
    from multipolar.pipeline import CLEAN, StageFactory, run_stage
    from multipolar.records import RawDocument
    from multipolar.settings import Settings

    def batches():
        yield [RawDocument("mem://a", b"Officials met in Accra on Monday to talk about cocoa.", "txt")]
        print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
        time.sleep(600)  # the run is killed here, with its workers alive
        yield []

    for _ in run_stage(StageFactory(*CLEAN, Settings()), batches(), workers=2, backend="pool"):
        pass
""")


def _alive(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    try:
        state = next(line for line in status.read_text().splitlines() if line.startswith("State:"))
    except (FileNotFoundError, StopIteration, ProcessLookupError):
        return False
    return "Z" not in state.split()[1]


def test_pool_workers_die_when_the_run_is_killed():
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    run = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True, env=env)
    pids = [int(p) for p in run.stdout.readline().split()]
    assert pids and all(_alive(p) for p in pids)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    give_up = time.monotonic() + 20
    while any(_alive(p) for p in pids) and time.monotonic() < give_up:
        time.sleep(0.1)
    survivors = [p for p in pids if _alive(p)]
    for pid in survivors:  # leave nothing behind if the test fails
        os.kill(pid, signal.SIGKILL)
    assert survivors == []
