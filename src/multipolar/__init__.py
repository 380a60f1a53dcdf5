"""multipolar: who did what to whom, and when — source-traceable event data from the news.

`from multipolar import Project` gives the Python API (see `multipolar.api`)."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["Project", "__version__"]


def __getattr__(name: str) -> Any:  # the API is imported on first use: `import multipolar` stays light
    if name == "Project":
        from multipolar.api import Project

        return Project
    raise AttributeError(f"module 'multipolar' has no attribute {name!r}")
