#!/usr/bin/python3
"""Scores `./vigil events` against ACLED's human coding of 1,000 event notes (evaluation only; never training).

Runs the CLI on ../shared/data/acled-notes/input.jsonl (relative to the repository root), takes the FIRST event of each
note, and compares it with acled.csv: event type, sub-event type, fatalities (no event or null killed counts as 0, as
ACLED codes 0), location within 25 km (n/a while every coordinate is null) and country. Prints the commonest
type/sub-type confusions, the run's speed (notes per second, one process) and its peak memory.

Usage: bench/events/score-acled.py [--errors N] [--data DIR]
"""
import argparse
import collections
import csv
import json
import math
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def country_names():
    """ISO alpha-2 -> lower-case names that count as that country: ACLED's name and the names of running text, read
    from the project's country table (data/countries/countries.tsv)."""
    names = {}
    with open(os.path.join(ROOT, "data", "countries", "countries.tsv"), encoding="utf-8") as table:
        rows = csv.DictReader((line for line in table if not line.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in rows:
            aliases = [row["acled_name"]] + row["names"].split("|")
            names[row["iso2"]] = [alias.strip().lower() for alias in aliases if alias.strip()]
    return names


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "acled-notes"))
    parser.add_argument("--errors", type=int, default=0, help="print this many misclassified notes")
    args = parser.parse_args()
    data = os.path.abspath(args.data)
    if not os.path.isdir(data):
        print(f"score-acled: {data} is absent; the ACLED notes are not on this machine", file=sys.stderr)
        return 2

    gold = {row["event_id_cnty"]: row for row in csv.DictReader(open(os.path.join(data, "acled.csv"), encoding="utf-8"))}
    subprocess.run([os.path.join(ROOT, "vigil"), "--help"], stdout=subprocess.DEVNULL, check=True)  # build outside the timing
    started = time.monotonic()
    run = subprocess.run([os.path.join(ROOT, "vigil"), "events", "--input", os.path.join(data, "input.jsonl")], capture_output=True, text=True)
    elapsed = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if run.returncode != 0:
        print(run.stderr, file=sys.stderr)

    predicted = {}
    for line in run.stdout.splitlines():
        record = json.loads(line)
        predicted[record["id"]] = record["events"][0] if record["events"] else None

    names = country_names()
    n = len(gold)
    counts = collections.Counter()
    confusion = collections.Counter()
    errors = []
    located = 0
    for event_id, row in gold.items():
        event = predicted.get(event_id)
        event_type = event["eventType"] if event else None
        sub_type = event["subEventType"] if event else None
        killed = (event.get("killed") or {}).get("best", 0) if event else 0
        counts["type"] += event_type == row["event_type"]
        counts["sub"] += sub_type == row["sub_event_type"]
        counts["fatalities"] += killed == int(row["fatalities"])
        location = (event or {}).get("location") or {}
        if location.get("country") and row["country"].lower() in names.get(location["country"], []):
            counts["country"] += 1
        if location.get("latitude") is not None:
            located += 1
            if km(location["latitude"], location["longitude"], float(row["latitude"]), float(row["longitude"])) <= 25:
                counts["location"] += 1
        if sub_type != row["sub_event_type"]:
            confusion[(row["sub_event_type"], sub_type or "(no event)")] += 1
            errors.append((event_id, row["sub_event_type"], sub_type, row["notes"]))
        elif killed != int(row["fatalities"]):
            errors.append((event_id, f"fatalities {row['fatalities']}", f"killed {killed}", row["notes"]))

    print(f"notes: {n}, with an event: {sum(1 for e in predicted.values() if e)}")
    print(f"event type accuracy:      {counts['type'] / n:.3f}  (target >= 0.90; majority class 0.33)")
    print(f"sub-event type accuracy:  {counts['sub'] / n:.3f}  (target >= 0.80; majority class 0.30)")
    print(f"fatalities exact:         {counts['fatalities'] / n:.3f}  (target >= 0.93; all-zero guess 0.79)")
    location_score = "n/a (no coordinates: no gazetteer)" if located == 0 else f"{counts['location'] / n:.3f}"
    print(f"location within 25 km:    {location_score}  (target >= 0.75)")
    print(f"country:                  {counts['country'] / n:.3f}  (target >= 0.97)")
    # The row above counts a note given no event as a wrong country; this one asks only where Vigil gave an event.
    given = sum(1 for e in predicted.values() if e)
    print(f"country, notes given an event: {counts['country'] / given:.3f} ({counts['country']} of {given})" if given else "country, notes given an event: n/a")
    print(f"speed: {n / elapsed:.1f} notes/s ({elapsed:.2f} s for {n}, one process, start-up included); peak memory {peak_mb:.0f} MB")
    print("commonest sub-type confusions (gold -> predicted):")
    for (wanted, got), count in confusion.most_common(15):
        print(f"  {count:4d}  {wanted} -> {got}")
    for event_id, wanted, got, note in errors[: args.errors]:
        print(f"\n{event_id}: gold {wanted} / got {got}\n  {note[:400]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
