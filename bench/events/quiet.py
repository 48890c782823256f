#!/usr/bin/python3
"""How often ordinary news gives events (false alarms), and how often the items Wikipedia files under armed
conflicts and attacks give one (a recall proxy on real text): the quiet-news set (data/gold/quiet-news), and the open-news articles and
items whose selection_hint is `ordinary` (../shared/data/open-news), each split into two halves by id (A: tune, B:
report only). A story that gives one event or more counts as a false alarm, except the quiet set's rows marked
`incident` by the team, which are left out.

Usage: bench/events/quiet.py [--show N] [--half A|B|both]
"""
import argparse
import json
import os
import subprocess
import sys
import zlib

import vigilrun

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OPEN_NEWS = os.path.join(ROOT, "..", "shared", "data", "open-news")


def half(identifier):
    return "A" if zlib.crc32(identifier.encode("utf-8")) % 2 == 0 else "B"


def load_sets():
    sets = {}
    quiet = os.path.join(ROOT, "data", "gold", "quiet-news", "paragraphs.jsonl")
    if os.path.exists(quiet):
        rows = [json.loads(line) for line in open(quiet, encoding="utf-8") if line.strip()]
        sets["quiet-news paragraphs"] = [r for r in rows if r.get("label", "quiet") == "quiet"]
    for name, path in [("wikinews ordinary articles", "wikinews/articles.jsonl"), ("current-events ordinary items", "wikipedia-current-events/items.jsonl")]:
        full = os.path.join(OPEN_NEWS, path)
        if not os.path.exists(full):
            print(f"quiet: {full} is absent; skipping {name}", file=sys.stderr)
            continue
        rows = [json.loads(line) for line in open(full, encoding="utf-8") if line.strip()]
        sets[name] = [r for r in rows if r.get("selection_hint") == "ordinary"]
        if "items" in path:
            # Wikipedia's editors filed these under armed conflict: nearly all report an incident, so here more is better.
            sets["current-events armed-conflict items (recall)"] = [r for r in rows if r.get("section") == "Armed conflicts and attacks"]
    return sets


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=0, help="print this many false alarms per set (half A only)")
    args = parser.parse_args()
    subprocess.run([os.path.join(ROOT, "vigil"), "--help"], stdout=subprocess.DEVNULL, check=True)
    print("| set | half | stories | with events | share |")
    print("|---|---|---:|---:|---:|")
    shown = []
    for name, rows in load_sets().items():
        events = vigilrun.events_by_id(rows, "quiet")
        for which in ("A", "B"):
            part = [r for r in rows if half(r["id"]) == which]
            alarms = [r for r in part if events.get(r["id"])]
            share = len(alarms) / len(part) if part else 0
            print(f"| {name} | {which} | {len(part)} | {len(alarms)} | {share:.3f} |")
            if which == "A":
                shown += [(name, r, events[r["id"]]) for r in alarms[: args.show]]
        total = sum(1 for r in rows if events.get(r["id"]))
        print(f"| {name} | all | {len(rows)} | {total} | {total / max(1, len(rows)):.3f} |")
    for name, row, found in shown:
        first = found[0]
        print(f"\n[{name}] {row['id']}: {first['subEventType']} ({first.get('confidence')})\n  {row['text'][:400]}")


if __name__ == "__main__":
    main()
