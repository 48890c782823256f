"""Runs `./vigil events --input` over rows of {id, text, published} and returns each id's events (shared by the
event benchmarks)."""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def events_by_id(rows, name="vigil"):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps({"id": row["id"], "text": row["text"], "published": row.get("published")}) + "\n")
        path = handle.name
    try:
        result = subprocess.run([os.path.join(ROOT, "vigil"), "events", "--input", path], capture_output=True, text=True)
    finally:
        os.unlink(path)
    if result.returncode != 0:
        sys.exit(f"{name}: vigil failed: {result.stderr[:500]}")
    return {r["id"]: r["events"] for r in map(json.loads, result.stdout.splitlines())}
