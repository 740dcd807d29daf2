"""Size limits and their one-line messages."""

from __future__ import annotations

from typing import BinaryIO

from ..errors import InputError

LIMIT_FLAG = "--max-input-size"


def human_size(size: int) -> str:
    for unit, factor in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= factor:
            value = size / factor
            return f"{value:.1f} {unit}" if value < 10 and value != int(value) else f"{value:.0f} {unit}"
    return f"{size} bytes"


def too_large(size: int | None, limit: int) -> str:
    """"too large: 104 MB > 20 MB limit (--max-input-size)"; ``size`` None when only a lower bound is known."""
    if size is None:
        return f"too large: more than the {human_size(limit)} limit ({LIMIT_FLAG})"
    shown, shown_limit = human_size(size), human_size(limit)
    if shown == shown_limit:  # e.g. one byte over: rounding would print "20 MB > 20 MB"
        shown, shown_limit = f"{size} bytes", f"{limit} bytes"
    return f"too large: {shown} > {shown_limit} limit ({LIMIT_FLAG})"


def read_bounded(stream: BinaryIO, limit: int, size: int | None = None) -> bytes:
    """Read a whole stream of at most ``limit`` bytes; never holds more than ``limit + 1`` bytes."""
    if size is not None and size > limit:
        raise InputError(too_large(size, limit))
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(min(1 << 20, limit + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise InputError(too_large(size, limit) if size and size > limit else too_large(None, limit))
    return b"".join(chunks)
