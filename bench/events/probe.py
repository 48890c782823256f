#!/usr/bin/python3
"""Reads the team's probe sentences (bench/events/probes/*.tsv) with `./vigil events` and prints those read wrong.

Each probe is a sentence or short passage written by the team (no third-party text), one incident each, with what the
codebook says a coder should read:
  - event probes: SUB-TYPE <TAB> EVENT TYPE <TAB> KILLED <TAB> TEXT (sub-type `none` for a passage that reports none);
    a probe is right when the first event's sub-type, and for an incident its best killed count, are as written;
  - place probes (files named places*.tsv): PLACE <TAB> TEXT; right when the first event's place name holds the place
    (accents and case aside); PLACE may list the gazetteer's other spellings or a finer place, separated by |.
In a page probe (files named headlines*.tsv) "\n" marks a line break, and a probe is right only with exactly one event.
A line "# published: YYYY-MM-DD" gives the publication date of the file's probes. Probes find what the coder gets wrong
in plain language; a change is still chosen on half A of the real-news gold (BENCHMARKS.md).

Usage: bench/events/probe.py [FILE ...] [--all]   (default: every file under bench/events/probes)
"""
import glob
import json
import os
import subprocess
import sys
import unicodedata

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def fold(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower() if c.isalnum() or c == " ")


def read(path):
    published, rows = None, []
    for line in open(path, encoding="utf-8"):
        if line.startswith("# published:"):
            published = line.split(":", 1)[1].strip()
        elif line.strip() and not line.startswith("#"):
            rows.append(line.rstrip("\n").split("\t"))
    return published, rows


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    files = args or sorted(glob.glob(os.path.join(ROOT, "bench", "events", "probes", "*.tsv")))
    total_wrong = total = 0
    for path in files:
        published, rows = read(path)
        places = os.path.basename(path).startswith("places")
        records = "\n".join(json.dumps({"id": str(i), "text": row[-1].replace("\\n", "\n"), "published": published}) for i, row in enumerate(rows))
        one_event = os.path.basename(path).startswith("headlines")
        run = subprocess.run([os.path.join(ROOT, "vigil"), "events", "--input", "-"], input=records, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"probe: vigil failed on {path}: {run.stderr[:300]}")
        events = {r["id"]: r["events"] for r in map(json.loads, run.stdout.splitlines())}
        wrong = 0
        for i, row in enumerate(rows):
            first = (events.get(str(i)) or [None])[0]
            location = (first or {}).get("location") or {}
            if places:
                got = location.get("name")
                right = bool(got) and any(fold(want) in fold(got) or fold(got) in fold(want) for want in row[0].split("|"))
                shown = f"want {row[0]} got {got} ({location.get('country')})"
            else:
                sub_type = first["subEventType"] if first else "none"
                killed = ((first or {}).get("killed") or {}).get("best") or 0
                right = sub_type == row[0] and (row[0] == "none" or killed == int(row[2])) and (not one_event or len(events.get(str(i)) or []) == 1)
                shown = f"want {row[0]}/{row[2]} got {sub_type}/{killed}"
            wrong += not right
            if not right or "--all" in sys.argv:
                print(f"  {'ok   ' if right else 'WRONG'} {shown} | {row[-1][:100]}")
        print(f"{os.path.relpath(path, ROOT)}: {wrong} of {len(rows)} wrong")
        total_wrong += wrong
        total += len(rows)
    print(f"all probes: {total_wrong} of {total} wrong")


if __name__ == "__main__":
    main()
