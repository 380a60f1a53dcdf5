"""The exception tree. Every error multipolar raises on purpose is one of these.

    MultipolarError                  base: carries a one-line message naming the input and the fix
    ├── UsageError                   bad command-line arguments or option values          (exit 2)
    │   └── NotFoundError            an id (event, story, document) that names nothing stored
    ├── SettingsError                an unknown setting or a value of the wrong type       (exit 2)
    ├── StoreError                   the store cannot be opened, is held, or is too new    (exit 3)
    │   └── StoreLockedError         another process holds the store
    ├── DataFileError                a bundled or user data file (actors, lexicon) is invalid (exit 4)
    └── InputError                   one input cannot be read; becomes a stored rejection  (run goes on)
        ├── FetchError               a URL could not be fetched (refused, timeout, too big, wrong type)
        ├── DecodeError              bytes are empty, binary or undecodable
        └── ParseError               a container (JSON line, CSV row, feed) is malformed

    TimeLimitExceeded (a BaseException, so no `except Exception` inside a stage swallows it): one
    document's analysis ran past `document_time_limit`; the stage turns it into a stored rejection.

Only the CLI prints or exits; everything else raises.
"""

from __future__ import annotations


class MultipolarError(Exception):
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(MultipolarError):
    exit_code = 2


class NotFoundError(UsageError):
    pass


class SettingsError(MultipolarError):
    exit_code = 2


class StoreError(MultipolarError):
    exit_code = 3


class StoreLockedError(StoreError):
    pass


class DataFileError(MultipolarError):
    exit_code = 4


class InputError(MultipolarError):
    """An input that cannot be used; `code` is the rejection code stored with it."""

    code = "input_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


class FetchError(InputError):
    code = "fetch_failed"


class DecodeError(InputError):
    code = "undecodable"


class ParseError(InputError):
    code = "malformed"


class TimeLimitExceeded(BaseException):  # noqa: N818 - named for what happened, like KeyboardInterrupt
    """Raised inside `time_limit(seconds)` when the time runs out (see `multipolar.time_limit`)."""
