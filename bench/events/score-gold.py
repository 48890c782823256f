#!/usr/bin/python3
"""Scores `./vigil events` against a gold of real news in the format of data/gold/real-news/README.md.

For every story of the gold files, the text comes from ../shared/data/open-news (by id). Measures, per half (A: for
choosing changes, B: reported only; a CRC-32 of the id decides) and overall:
  - story level: does the story report an incident (gold has events) and does Vigil give one: precision and recall;
  - event level: Vigil's events matched one-to-one to gold events of the same event type and country: precision, recall;
  - sub-type accuracy of the matched events; the main event's sub-type (Vigil's first event against the gold's main);
  - place within 25 km, and fatalities exact (no count = 0), over the matched events.

With --sentences, each gold event's evidence sentence is also given alone, as a news snippet, and the first event's
sub-type is scored against the gold's (accuracy and weighted F1 with "no event" as a label), per half.

Usage: bench/events/score-gold.py [--gold FILE_OR_DIR ...] [--show N] [--sentences] [--causes]
"""
import argparse
import collections
import datetime
import glob
import json
import math
import re
import os
import subprocess
import sys
import zlib

import vigilrun

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OPEN_NEWS = os.path.join(ROOT, "..", "shared", "data", "open-news")


def half(identifier):
    return "A" if zlib.crc32(identifier.encode("utf-8")) % 2 == 0 else "B"


def km(a, b):
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def load_texts():
    texts = {}
    for path in ["wikinews/articles.jsonl", "wikipedia-current-events/items.jsonl"]:
        full = os.path.join(OPEN_NEWS, path)
        if not os.path.exists(full):
            sys.exit(f"score-gold: {full} is absent; the open-news texts are needed")
        for line in open(full, encoding="utf-8"):
            row = json.loads(line)
            texts[row["id"]] = row
    return texts


def country(event):
    return ((event.get("location") or {}).get("country") or "").upper() or None


def date_range(date):
    """The first and last day a Vigil date may mean, as ConflictEvent's EventDate reads its precision."""
    day = datetime.date.fromisoformat(date["value"])
    precision = date.get("precision")
    if precision == "week":
        return day, day + datetime.timedelta(days=6)
    if precision == "reported":
        return day - datetime.timedelta(days=6), day
    if precision == "month":
        following = datetime.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        return day.replace(day=1), following - datetime.timedelta(days=1)
    if precision == "year":
        return day.replace(month=1, day=1), day.replace(month=12, day=31)
    return day, day


def date_right(gold, date):
    """The gold's day lies inside Vigil's date, and Vigil's date spans a week at most: no date, a wrong one, or "some
    day in May" are not right."""
    if not gold.get("date") or not date:
        return False
    first, last = date_range(date)
    return (last - first).days <= 6 and first <= datetime.date.fromisoformat(gold["date"]) <= last


def actor_key(name):
    """An ACLED-style actor name compared without case, its acronym prefix ("TTP: ") or a period ("(2000-)"); of a
    list ("A; B"), the first."""
    if not name:
        return None
    first = name.split(";")[0].strip()
    first = re.sub(r"^[^:()]{1,15}:\s+", "", first)
    return re.sub(r"\s*\(\d{4}-\d{0,4}\)", "", first).strip().lower() or None


def match(gold_events, predicted):
    """Greedy one-to-one matching by event type and country, in the order Vigil ranks its events."""
    pairs, used = [], set()
    for p in predicted:
        for i, g in enumerate(gold_events):
            if i in used or g["event_type"] != p["eventType"]:
                continue
            if g.get("country") and country(p) != g["country"].upper():
                continue
            used.add(i)
            pairs.append((g, p))
            break
    return pairs


def score(stories, predictions):
    s = dict(tp=0, fp=0, fn=0, gold_events=0, predicted_events=0, matched=0, subtype=0, main=0, main_total=0,
             placed=0, within=0, fatal=0, dated=0, actor1=0, actor1_total=0, actor2=0, actor2_total=0)
    for story in stories:
        gold_events = story["events"]
        predicted = predictions.get(story["id"], [])
        reports, gives = bool(gold_events), bool(predicted)
        s["tp"] += reports and gives
        s["fp"] += gives and not reports
        s["fn"] += reports and not gives
        s["gold_events"] += len(gold_events)
        s["predicted_events"] += len(predicted)
        pairs = match(gold_events, predicted)
        s["matched"] += len(pairs)
        for g, p in pairs:
            s["subtype"] += g["sub_event_type"] == p["subEventType"]
            s["fatal"] += (g.get("fatalities") or 0) == ((p.get("killed") or {}).get("best") or 0)
            s["dated"] += date_right(g, p.get("date"))
            for column in ("actor1", "actor2"):
                if actor_key(g.get(column)):
                    s[column + "_total"] += 1
                    s[column] += actor_key(g.get(column)) == actor_key(p.get(column))
            location = p.get("location") or {}
            if g.get("latitude") is not None and location.get("latitude") is not None:
                s["placed"] += 1
                s["within"] += km((g["latitude"], g["longitude"]), (location["latitude"], location["longitude"])) <= 25
        if gold_events:
            s["main_total"] += 1
            main = next((g for g in gold_events if g.get("main")), gold_events[0])
            s["main"] += bool(predicted) and predicted[0]["subEventType"] == main["sub_event_type"]
    return s


def weighted_f1(pairs):
    """Sub-type F1 per gold label, weighted by its support; "no event" is a label of its own on the predicted side."""
    labels = {gold for gold, _ in pairs}
    total = 0.0
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        predicted = sum(1 for _, p in pairs if p == label)
        support = sum(1 for g, _ in pairs if g == label)
        precision = tp / predicted if predicted else 0.0
        recall = tp / support
        total += support * (2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return total / len(pairs) if pairs else 0.0


def sentences(stories, texts, confusion=False):
    """Each gold event's evidence sentence given alone (as the snippet sets of the field are), by half: the first
    event's sub-type against the gold's, as accuracy and weighted F1."""
    rows = []
    for story in stories:
        for number, event in enumerate(story["events"]):
            if event.get("evidence"):
                rows.append({"id": f"{story['id']}#{number}", "text": event["evidence"], "published": texts[story["id"]].get("published"),
                             "gold": event["sub_event_type"], "half": half(story["id"])})
    predictions = vigilrun.events_by_id(rows, "score-gold")
    print("\n| half | evidence sentences | sub-type accuracy | sub-type weighted F1 |\n|---|---:|---:|---:|")
    for which in ("A", "B", "all"):
        pairs = [(r["gold"], (predictions.get(r["id"]) or [{"subEventType": "(no event)"}])[0]["subEventType"]) for r in rows if which == "all" or r["half"] == which]
        accuracy = sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0.0
        print(f"| {which} | {len(pairs)} | {accuracy:.3f} | {weighted_f1(pairs):.3f} |")
    if confusion:
        # Half A only: B is for reporting, and its errors must not guide changes.
        errors = collections.Counter((r["gold"], (predictions.get(r["id"]) or [{"subEventType": "(no event)"}])[0]["subEventType"])
                                     for r in rows if r["half"] == "A")
        print("\nhalf A errors, gold -> predicted:")
        for (gold, predicted), n in errors.most_common():
            if gold != predicted:
                print(f"  {n:3d}  {gold} -> {predicted}")
        if confusion == "text":
            print("\nhalf A errors with their sentences:")
            for r in rows:
                predicted = (predictions.get(r["id"]) or [{"subEventType": "(no event)"}])[0]["subEventType"]
                if r["half"] == "A" and predicted != r["gold"]:
                    print(f"  {r['gold']} -> {predicted}: {r['text']}")


def causes(stories, predictions):
    """Why gold events go unmatched and why Vigil's events do, counted per half (counts only: half B's stories are not
    shown). A missed gold event: the story got no event, got one of another event type, got one placed in another
    country, or got fewer events than it reports. An unmatched event of Vigil's: the story reports none, the event is of
    a type the story does not report, in another country, or one more than the story reports."""
    table = collections.defaultdict(collections.Counter)
    for story in stories:
        which = half(story["id"])
        gold_events = story["events"]
        predicted = predictions.get(story["id"], [])
        pairs = match(gold_events, predicted)
        matched_gold = [g for g, _ in pairs]
        matched_predicted = [p for _, p in pairs]
        spare_gold = [g for g in gold_events if not any(g is m for m in matched_gold)]
        spare_predicted = [p for p in predicted if not any(p is m for m in matched_predicted)]
        for g in spare_gold:
            if not predicted:
                cause = "missed: the story got no event"
            elif any(p["eventType"] != g["event_type"] for p in spare_predicted):
                cause = "missed: an event of another type given"
            elif spare_predicted:
                cause = "missed: an event of the type given in another country"
            else:
                cause = "missed: fewer events than the story reports"
            table[cause][which] += 1
        for p in spare_predicted:
            if not gold_events:
                cause = "extra: the story reports no incident"
            elif any(g["event_type"] != p["eventType"] for g in spare_gold):
                cause = "extra: of another type than the story's"
            elif spare_gold:
                cause = "extra: in another country than the story's"
            else:
                cause = "extra: more events than the story reports"
            table[cause][which] += 1
    print("\n| cause | A | B |\n|---|---:|---:|")
    for cause in sorted(table):
        print(f"| {cause} | {table[cause]['A']} | {table[cause]['B']} |")


def ratio(a, b):
    return f"{a / b:.3f}" if b else "n/a"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", nargs="*", default=sorted(glob.glob(os.path.join(ROOT, "data", "gold", "real-news", "*.jsonl"))))
    parser.add_argument("--show", type=int, default=0, help="print this many story-level errors of half A")
    parser.add_argument("--sentences", action="store_true",
                        help="also give each gold event's evidence sentence alone, as a news snippet, and score the first event's sub-type")
    parser.add_argument("--causes", action="store_true", help="count why gold events and Vigil's events go unmatched, per half")
    parser.add_argument("--confusion", nargs="?", const="counts", choices=["counts", "text"],
                        help="with --sentences, list half A's sub-type errors (`text`: with each sentence)")
    args = parser.parse_args()
    files = []
    for path in args.gold:
        files += sorted(glob.glob(os.path.join(path, "*.jsonl"))) if os.path.isdir(path) else [path]
    stories = [json.loads(line) for f in files for line in open(f, encoding="utf-8") if line.strip()]
    if not stories:
        sys.exit("score-gold: no gold stories found")
    texts = load_texts()
    subprocess.run([os.path.join(ROOT, "vigil"), "--help"], stdout=subprocess.DEVNULL, check=True)
    predictions = vigilrun.events_by_id([{"id": s["id"], "text": texts[s["id"]]["text"], "published": texts[s["id"]].get("published")} for s in stories], "score-gold")
    print(f"gold: {len(stories)} stories from {', '.join(os.path.relpath(f, ROOT) for f in files)}")
    print("| half | stories | with incidents | story P | story R | events gold/Vigil | event P | event R | sub-type of matched | main sub-type | place ≤25 km | fatalities exact | date within a week | actor1 / actor2 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for which in ("A", "B", "all"):
        part = [s for s in stories if which == "all" or half(s["id"]) == which]
        r = score(part, predictions)
        with_incidents = sum(1 for s in part if s["events"])
        print(f"| {which} | {len(part)} | {with_incidents} | {ratio(r['tp'], r['tp'] + r['fp'])} | {ratio(r['tp'], r['tp'] + r['fn'])} | "
              f"{r['gold_events']}/{r['predicted_events']} | {ratio(r['matched'], r['predicted_events'])} | {ratio(r['matched'], r['gold_events'])} | "
              f"{ratio(r['subtype'], r['matched'])} | {ratio(r['main'], r['main_total'])} | {ratio(r['within'], r['placed'])} ({r['placed']}) | {ratio(r['fatal'], r['matched'])} | {ratio(r['dated'], r['matched'])} | {ratio(r['actor1'], r['actor1_total'])} / {ratio(r['actor2'], r['actor2_total'])} |")
    if args.causes:
        causes(stories, predictions)
    if args.sentences:
        sentences(stories, texts, args.confusion)
    shown = 0
    for story in stories:
        if shown >= args.show or half(story["id"]) != "A":
            continue
        predicted = predictions.get(story["id"], [])
        gold_types = sorted(g["sub_event_type"] for g in story["events"])
        got = [p["subEventType"] for p in predicted]
        if sorted(got) != gold_types:
            shown += 1
            print(f"\n{story['id']}: gold {gold_types} / vigil {[(p['subEventType'], p.get('confidence'), country(p)) for p in predicted]}")
            print("  " + texts[story["id"]]["text"][:300].replace("\n", " "))


if __name__ == "__main__":
    main()
