"""The published JSON Schema of one line of ``documents.jsonl``.

Generated from the pydantic model so it cannot drift from what we write; the copy in
``schema/document.schema.json`` at the repository root is checked against it by the tests.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .. import __version__
from ..model import Document

SCHEMA_ID = "https://newsprism.invalid/schema/document.schema.json"


def document_schema() -> dict[str, Any]:
    schema = Document.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "newsprism document"
    schema["description"] = (
        f"One article as written by `newsprism analyze` (newsprism {__version__.split('.')[0]}.x): "
        "one JSON object per line of documents.jsonl."
    )
    return schema


def schema_text() -> str:
    return json.dumps(document_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schema(path: Path) -> None:
    path.write_text(schema_text(), encoding="utf-8")
