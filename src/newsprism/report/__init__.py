"""Report stage: what a run leaves behind — ``documents.jsonl``, ``failures.jsonl``, the JSON Schema,
the HTML report and the terminal summary."""
