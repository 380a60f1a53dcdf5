"""A limit on the processor time of a block of code: `with time_limit(seconds): ...` raises
`TimeLimitExceeded` inside the block once this process has spent that many CPU seconds in it.

Processor time, not wall time, so that a busy machine (other processes, other workers) does not stop a
document that is merely waiting for a core. It uses the profiling interval timer (ITIMER_PROF, SIGPROF),
so it interrupts pure-Python loops and returns from long C calls as soon as they hand control back to
Python. Signals reach only the main thread: in any other thread
(and on systems without `setitimer`) the block runs without a limit. Stages run in the main thread of
this process (a loop) or of each pool worker, so the limit holds in both.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from multipolar.errors import TimeLimitExceeded

__all__ = ["TimeLimitExceeded", "is_enforced", "time_limit"]


def is_enforced() -> bool:
    """Whether `time_limit` can interrupt code running here (the main thread, with `setitimer`)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise `TimeLimitExceeded` in the block after `seconds` of processor time (0 or less: no limit).
    Not nestable."""
    if seconds <= 0 or not is_enforced():
        yield
        return
    armed = True

    def expire(signum: int, frame: FrameType | None) -> None:
        if armed:  # a signal that arrives after the block ended is ignored
            raise TimeLimitExceeded(f"more than {seconds:g} s of processor time")

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
