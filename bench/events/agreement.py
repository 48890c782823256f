#!/usr/bin/python3
"""Agreement between two independent annotations of the same stories (data/gold/real-news/double/ against the first
gold): Cohen's kappa of the main event's type (or "none"), of its sub-type, raw agreement on whether a story reports an
incident, and how often the two main places lie within 25 km.

Usage: bench/events/agreement.py [--first GLOB] [--second FILE]
"""
import argparse
import collections
import glob
import json
import math
import os

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def kappa(pairs):
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = collections.Counter(a for a, _ in pairs), collections.Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0, observed


def km(a, b):
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def main_event(story):
    return next((e for e in story["events"] if e.get("main")), story["events"][0]) if story["events"] else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--first", default=os.path.join(ROOT, "data", "gold", "real-news", "*.jsonl"))
    parser.add_argument("--second", default=os.path.join(ROOT, "data", "gold", "real-news", "double", "current-events-b1.jsonl"))
    args = parser.parse_args()
    first = {}
    for path in glob.glob(args.first):
        for line in open(path, encoding="utf-8"):
            story = json.loads(line)
            first[story["id"]] = story
    second = [json.loads(line) for line in open(args.second, encoding="utf-8")]
    pairs = [(first[s["id"]], s) for s in second if s["id"] in first]
    types = [((main_event(a) or {}).get("event_type", "none"), (main_event(b) or {}).get("event_type", "none")) for a, b in pairs]
    subtypes = [((main_event(a) or {}).get("sub_event_type", "none"), (main_event(b) or {}).get("sub_event_type", "none")) for a, b in pairs]
    k_type, o_type = kappa(types)
    k_sub, o_sub = kappa(subtypes)
    incident = sum(bool(a["events"]) == bool(b["events"]) for a, b in pairs) / len(pairs)
    placed = [(main_event(a), main_event(b)) for a, b in pairs if main_event(a) and main_event(b)]
    placed = [(x, y) for x, y in placed if x.get("latitude") is not None and y.get("latitude") is not None]
    within = sum(km((x["latitude"], x["longitude"]), (y["latitude"], y["longitude"])) <= 25 for x, y in placed)
    events = sum(len(a["events"]) for a, _ in pairs), sum(len(b["events"]) for _, b in pairs)
    print(f"stories annotated twice: {len(pairs)}; events {events[0]} and {events[1]}")
    print(f"reports an incident (yes/no): agreement {incident:.3f}")
    print(f"main event type: kappa {k_type:.3f} (raw agreement {o_type:.3f})")
    print(f"main sub-type: kappa {k_sub:.3f} (raw agreement {o_sub:.3f})")
    print(f"main place within 25 km: {within}/{len(placed)} ({within / max(1, len(placed)):.3f}) of mains both placed")
    for (a, b), (ta, tb) in zip(pairs, subtypes):
        if ta != tb:
            print(f"  {a['id']}: {ta} / {tb}")


if __name__ == "__main__":
    main()
