#!/usr/bin/python3
"""Measures the whole events pipeline (page -> article -> tokens -> sentences -> events) on one core.

Runs `./vigil events` pinned to CPU 0 (taskset) on
  1. the ACLED notes (../shared/data/acled-notes/input.jsonl, short coder notes, via --input), and
  2. the 91 full news pages of ../shared/data/article-extraction/html (HTML, through the article extractor),
each ROUNDS times in one process (the input is repeated so start-up and JIT are amortised), and prints articles per
second and the peak resident memory. Reference peer (not run here): NGEC needs about 4 s per article on 8 threads.

Usage: bench/events/speed.py [--rounds N]
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.abspath(os.path.join(ROOT, "..", "shared", "data"))


def run(args):
    """Runs vigil on one core; returns (wall seconds, CPU seconds, peak MB, output lines). CPU seconds are what the run
    would take on an idle core: this machine is shared, so wall time also counts waiting for the CPU."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before = usage.ru_maxrss
    cpu_before = usage.ru_utime + usage.ru_stime
    started = time.monotonic()
    result = subprocess.run(["taskset", "-c", "0", os.path.join(ROOT, "vigil"), "events", *args], capture_output=True, text=True)
    elapsed = time.monotonic() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = max(before, usage.ru_maxrss) / 1024
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    if result.returncode not in (0, 1):
        sys.exit(f"speed: vigil failed: {result.stderr[:500]}")
    return elapsed, cpu, peak, result.stdout.splitlines()


def run_article(files):
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_before = usage.ru_utime + usage.ru_stime
    started = time.monotonic()
    subprocess.run(["taskset", "-c", "0", os.path.join(ROOT, "vigil"), "article", *files], capture_output=True, text=True)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.monotonic() - started, usage.ru_utime + usage.ru_stime - cpu_before, 0, []


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    notes = os.path.join(DATA, "acled-notes", "input.jsonl")
    pages = os.path.join(DATA, "article-extraction", "html")
    if not os.path.exists(notes) or not os.path.isdir(pages):
        print(f"speed: {DATA} lacks acled-notes/ or article-extraction/html/; nothing measured", file=sys.stderr)
        return 2

    subprocess.run([os.path.join(ROOT, "vigil"), "--help"], stdout=subprocess.DEVNULL, check=True)  # build first
    with tempfile.TemporaryDirectory() as scratch:
        repeated = os.path.join(scratch, "notes.jsonl")
        lines = open(notes, encoding="utf-8").read().splitlines()
        with open(repeated, "w", encoding="utf-8") as out:
            for _ in range(args.rounds):
                out.write("\n".join(lines) + "\n")
        seconds, cpu, peak, output = run(["--input", repeated])
        count = len(lines) * args.rounds
        print(f"acled notes: {count}: {count / cpu:.1f} articles/s per CPU second ({cpu:.2f} s CPU), {count / seconds:.1f}/s wall ({seconds:.2f} s) on one shared core; peak memory {peak:.0f} MB")

        files = sorted(os.path.join(pages, name) for name in os.listdir(pages))
        seconds, cpu, peak, output = run(files * args.rounds)
        count = len(files) * args.rounds
        events = sum(len(json.loads(line)["events"]) for line in output)
        print(f"news pages:  {count}: {count / cpu:.1f} articles/s per CPU second ({cpu:.2f} s CPU), {count / seconds:.1f}/s wall ({seconds:.2f} s) on one shared core, {events} events; peak memory {peak:.0f} MB")
        seconds, cpu, _, _ = run_article(files * args.rounds)
        print(f"  beside it, the article stage alone on the same pages: {count / cpu:.1f} articles/s per CPU second")
    print("peer (reference only, not run here): NGEC ~4 s per article on 8 threads = ~0.25 articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
