"""Watching sources: poll feeds, GDELT update listings and folders, ingest what is new, raise alerts.

`Watcher` (watcher.py) is the library object `multipolar watch` and a server use; `poll.py` polls one
source; `alerts.py` holds the alert rules (`edge_sign`, `triangle_configuration`, `level_band`);
`deliver.py` sends alerts to a command or a webhook. The SQL is in `store/watch.py`.
"""

from multipolar.watch.poll import SourcePoll
from multipolar.watch.watcher import PollRound, Watcher, parse_interval

__all__ = ["PollRound", "SourcePoll", "Watcher", "parse_interval"]
