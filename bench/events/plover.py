#!/usr/bin/python3
"""How `./vigil events` reads the 322 sentences of the PLOVER gold-standard records (../shared/data/plover-gsr, CC BY-SA
4.0, Open Event Data Alliance: wire sentences from the CAMEO manual, each coded with one PLOVER event), per PLOVER root:
how many give an event, and the sub-types given.

The records are coded in PLOVER, not ACLED, and code one event per sentence (the main verb's), so this is a probe, not a
gold: the roots of violence and unrest (PROTEST, ASSAULT, FIGHT) should mostly give an event (a recall proxy on real
wire text of another era and register), and the roots of talk and diplomacy (AGREE, CONSULT, DEMAND, REJECT, THREATEN,
...) mostly none, though a sentence may also tell an incident beside its main verb ("complained over two air raids in
which 20 people were killed"). Nothing here trains a model.

Usage: bench/events/plover.py [--show ROOT[,ROOT...]]   (lists the sentences of those roots and what Vigil gave)
"""
import argparse
import collections
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from vigilrun import ROOT, events_by_id  # noqa: E402

RECORDS = os.path.join(ROOT, "..", "shared", "data", "plover-gsr", "PLOVER_GSR_CAMEO.json")
VIOLENCE = ("PROTEST", "ASSAULT", "FIGHT")
TALK = ("AGREE", "CONSULT", "COOPERATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SUPPORT", "AID", "INVESTIGATE", "CONCEDE")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", default="", help="comma-separated PLOVER roots whose sentences to list")
    args = parser.parse_args()
    if not os.path.exists(RECORDS):
        sys.exit(f"plover: {RECORDS} is absent (the shared data folder must sit beside the repository)")
    rows = [r for r in json.load(open(RECORDS, encoding="utf-8")) if r.get("text") and r.get("event")]
    # The records carry no dates of their own; a fixed one keeps "last week" from reading as history.
    predictions = events_by_id([{"id": r["id"], "text": r["text"], "published": "2000-06-01"} for r in rows], "plover")
    by_root = collections.defaultdict(collections.Counter)
    for r in rows:
        events = predictions.get(r["id"]) or []
        by_root[r["event"]][events[0]["subEventType"] if events else "(no event)"] += 1
    print("| PLOVER root | sentences | give an event | sub-types given |\n|---|---:|---:|---|")
    for root in sorted(by_root):
        counts = by_root[root]
        total = sum(counts.values())
        given = total - counts["(no event)"]
        kinds = ", ".join(f"{k} {n}" for k, n in counts.most_common() if k != "(no event)")
        print(f"| {root} | {total} | {given} | {kinds} |")
    for name, roots in (("violence and unrest (PROTEST, ASSAULT, FIGHT)", VIOLENCE), ("talk and diplomacy", TALK)):
        total = sum(sum(by_root[r].values()) for r in roots)
        given = sum(sum(by_root[r].values()) - by_root[r]["(no event)"] for r in roots)
        print(f"\n{name}: {given} of {total} give an event ({given / total:.3f})" if total else "")
    shown = set(filter(None, args.show.split(",")))
    for r in rows:
        if r["event"] in shown:
            events = predictions.get(r["id"]) or []
            print(f"\n{r['event']}: {events[0]['subEventType'] if events else '(no event)'}\n  {r['text']}")


if __name__ == "__main__":
    main()
