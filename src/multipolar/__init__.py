"""multipolar: who did what to whom, and when — source-traceable event data from the news."""

__version__ = "0.1.0"
