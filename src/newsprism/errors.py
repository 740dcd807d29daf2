"""Exceptions with a one-line, user-facing message, and the CLI's exit codes."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # every input became a document
    SOME_FAILED = 1  # the run finished, but some inputs failed (see failures.jsonl)
    USAGE = 2  # bad command line or options
    ALL_FAILED = 3  # nothing could be processed
    NOTHING_FOUND = 1  # a lookup matched nothing (as grep)
    INTERRUPTED = 130


class NewsprismError(Exception):
    """Base class: ``str(error)`` is shown to the user as one line, without a traceback."""


class InputError(NewsprismError):
    """An input cannot be read: empty, binary, too large, corrupt, unreachable…"""


class FetchError(InputError):
    """A URL could not be fetched (refused, timeout, HTTP error, too large)."""


class StageError(NewsprismError):
    """A stage could not process one document."""


class ConfigError(NewsprismError):
    """Bad options or unknown stage names."""
