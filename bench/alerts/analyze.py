#!/usr/bin/env python3
"""Reads a receiver log (receiver.py) and says what arrived: notices, distinct deliveries, repeats, and the latency from
the change being stored (changedAt, in the payload) to its arrival.

Usage: analyze.py LOG [SINCE_UNIX_SECONDS]   (latency then also from SINCE, e.g. when the receiver came up)
"""
import json
import statistics
import sys
from datetime import datetime, timezone

lines = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")] if len(sys.argv) > 1 else []
since = float(sys.argv[2]) if len(sys.argv) > 2 else None
ids = [line["delivery"] for line in lines]
repeats = len(ids) - len(set(ids))


def stored_at(line):
    return datetime.strptime(line["body"]["changedAt"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc).timestamp()


latencies = sorted(line["received"] - stored_at(line) for line in lines)
report = f"received {len(lines)}, distinct deliveries {len(set(ids))}, repeats {repeats}"
if latencies:
    p95 = latencies[min(len(latencies) - 1, int(round(0.95 * (len(latencies) - 1))))]
    report += (f"; stored->received s: median {statistics.median(latencies):.2f}, p95 {p95:.2f}, max {latencies[-1]:.2f}")
if since is not None and lines:
    report += f"; receiver up->last received s: {max(line['received'] for line in lines) - since:.2f}"
print(report)
