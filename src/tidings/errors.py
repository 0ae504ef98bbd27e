"""Errors that tidings reports to its users.

Every error a user can cause carries a one-line message and a hint that says how to fix it. The CLI
prints them as ``Error: <message>`` and ``Hint: <hint>`` on stderr and exits with ``code``.
"""

from __future__ import annotations

#: Exit codes of the ``tidings`` command.
EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


class TidingsError(Exception):
    """An error with a message for the user, a hint and an exit code."""

    def __init__(self, message: str, hint: str | None = None, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.code = code

    def __str__(self) -> str:
        return self.message


class InputError(TidingsError):
    """An input (file, stream, record) that cannot be read."""


class StoreError(TidingsError):
    """The database cannot be opened, migrated or written."""
