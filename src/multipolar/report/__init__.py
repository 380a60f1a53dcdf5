"""The self-contained HTML report (`build_report`)."""

from multipolar.report.build import build_report

__all__ = ["build_report"]
