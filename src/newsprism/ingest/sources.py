"""Command-line inputs → :class:`Input` objects: files, directories, URLs and standard input."""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..model import Failure
from .inputs import Context, Input, failure

STDIN_NAME = "<stdin>"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def iter_sources(argument: str, context: Context, stdin: BinaryIO | None = None) -> Iterator[Input | Failure]:
    """The inputs named by one command-line argument (a directory gives many)."""
    if argument == "-":
        stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
        if stream is None:
            yield failure(STDIN_NAME, "standard input is not available")
        else:
            yield Input.from_stream(STDIN_NAME, stream)
        return
    scheme = _SCHEME.match(argument)
    if scheme and not os.path.exists(argument):
        if scheme.group(1).lower() in ("http", "https"):
            yield Input.from_fetched(argument, context.fetcher.fetch(argument), nested=False)
        else:
            yield failure(argument, f"unsupported URL scheme {scheme.group(1)!r} (only http and https)")
        return
    path = Path(argument)
    if path.is_dir():
        yield from _directory(path)
    else:
        yield from _file(path, argument)


def count_files(arguments: list[str]) -> int | None:
    """How many files the arguments name (for a progress total); None when a URL or stdin is among them."""
    total = 0
    for argument in arguments:
        if argument == "-" or (_SCHEME.match(argument) and not os.path.exists(argument)):
            return None
        path = Path(argument)
        total += sum(1 for _, _, skipped in _walk(path)[1] if skipped is None) if path.is_dir() else 1
    return total


def _walk(root: Path) -> tuple[list[Failure], list[tuple[tuple[str, ...], Path, Failure | None]]]:
    """Unreadable folders, and the files under ``root`` (recursively, hidden ones skipped) sorted by path."""
    problems: list[Failure] = []
    entries: list[tuple[tuple[str, ...], Path, Failure | None]] = []

    def unreadable(error: OSError) -> None:
        problems.append(failure(str(error.filename or root), error.strerror or str(error)))

    for folder, subfolders, files in os.walk(root, onerror=unreadable):
        here = Path(folder)
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in list(subfolders):
            if (here / name).is_symlink():  # not followed (loops); reported rather than dropped
                subfolders.remove(name)
                path = here / name
                skipped = failure(str(path), "skipped: symbolic link to a directory")
                entries.append((path.relative_to(root).parts, path, skipped))
        for name in files:
            if not name.startswith("."):
                path = here / name
                entries.append((path.relative_to(root).parts, path, None))
    return problems, sorted(entries, key=lambda entry: entry[0])


def _directory(root: Path) -> Iterator[Input | Failure]:
    """Files under ``root``, recursively, sorted by path; hidden files and folders are skipped."""
    problems, entries = _walk(root)
    yield from problems
    if not entries and not problems:
        yield failure(str(root), "no input files in directory")
    for _, path, skipped in entries:
        if skipped:
            yield skipped
        else:
            yield from _file(path, str(path))


def _file(path: Path, source: str) -> Iterator[Input | Failure]:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            yield failure(source, "not a regular file")
            return
        with path.open("rb") as stream:
            yield Input.from_stream(source, stream, size=info.st_size)
    except FileNotFoundError:
        yield failure(source, "no such file or directory")
    except PermissionError:
        yield failure(source, "permission denied")
    except OSError as error:
        yield failure(source, error.strerror or str(error))
