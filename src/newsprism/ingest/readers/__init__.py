"""Readers, one module per input kind.  Import order is sniffing order for containers."""

from . import warc, feed, jsonl, urllist, html, text  # noqa: F401  (registers the readers)
