"""Per-document stages on Ray: the same batches, the same order, the same rows as a loop or a pool.

Each of `workers` actors builds its stage once (models load in the constructor) and maps batches to
results. At most two batches per actor are in flight, so memory stays flat however long the corpus;
results are yielded in input order. Workers run at the driver's priority: Ray's default lowers theirs
(niceness 15), which on a busy machine starved a run of ten documents for minutes. A Ray started here is
shut down when the stage ends, however it ends; a cluster joined by `ray_address` is left running and
only our actors are removed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from multipolar.errors import SettingsError

OBJECT_STORE_BYTES = 200 * 1024 * 1024
IN_FLIGHT_PER_WORKER = 2


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise SettingsError(
            "backend=ray needs Ray, which is not installed: pip install 'multipolar[ray]' (or use backend=pool)"
        ) from None
    return ray


def run_on_ray(factory: Any, batches: Iterable[Sequence[Any]], *, workers: int, address: str = "") -> Iterator[list[Any]]:
    """Yield each batch's results in order, computed by `workers` Ray actors."""
    ray = _ray()
    workers = max(workers, 1)
    started_here = False
    if not ray.is_initialized():
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=workers, object_store_memory=OBJECT_STORE_BYTES, include_dashboard=False,
                     log_to_driver=False, _system_config={"worker_niceness": 0})
        started_here = True

    @ray.remote(num_cpus=1)
    class _Worker:
        def __init__(self, f: Any) -> None:
            self.stage = f.build()

        def process(self, batch: Sequence[Any]) -> list[Any]:
            return self.stage.process(batch)

    actors = [_Worker.remote(factory) for _ in range(workers)]
    try:
        pending: deque[Any] = deque()
        for i, batch in enumerate(batches):
            pending.append(actors[i % workers].process.remote(batch))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield ray.get(pending.popleft())
        while pending:
            yield ray.get(pending.popleft())
    finally:
        for actor in actors:
            ray.kill(actor)
        if started_here:
            ray.shutdown()
