#!/usr/bin/env python3
"""Builds open-news-half-a.tsv: real news the team annotated (data/gold/real-news), half A only, as training examples.

Each gold event gives its evidence sentence with its sub-type; each story that reports no incident gives its lead
paragraph as `none`. Half B (a CRC-32 of the id decides, as in bench/events/score-gold.py) is never used, so it stays a
clean measure. The texts are Wikinews (CC BY 2.5) and Wikipedia Current Events (CC BY-SA 4.0); see README.md.

Usage: python3 data/training/events/real/build.py   (needs ../shared/data/open-news for the no-incident paragraphs)
"""
import glob
import json
import os
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
OPEN_NEWS = os.path.join(ROOT, "..", "shared", "data", "open-news")


def main():
    texts = {}
    for path in ["wikinews/articles.jsonl", "wikipedia-current-events/items.jsonl"]:
        for line in open(os.path.join(OPEN_NEWS, path), encoding="utf-8"):
            row = json.loads(line)
            texts[row["id"]] = row["text"]
    lines, seen = [], set()
    for path in sorted(glob.glob(os.path.join(ROOT, "data", "gold", "real-news", "*.jsonl"))):
        for raw in open(path, encoding="utf-8"):
            story = json.loads(raw)
            if zlib.crc32(story["id"].encode("utf-8")) % 2 != 0:
                continue
            register = "wire" if story["id"].startswith("wikinews") else "brief"
            if story["events"]:
                examples = [(e["sub_event_type"], e["evidence"]) for e in story["events"]]
            else:
                examples = [("none", texts[story["id"]].split("\n\n")[0][:800])]
            for label, text in examples:
                text = " ".join(text.replace("\t", " ").split()).replace("{", "(").replace("}", ")")
                if text.lower() in seen:
                    continue
                seen.add(text.lower())
                lines.append(f"{label}\t{register}\tgeneral\t{text}")
    out = os.path.join(HERE, "open-news-half-a.tsv")
    with open(out, "w", encoding="utf-8") as handle:
        handle.write("# Real news annotated by the team (data/gold/real-news, half A). Wikinews CC BY 2.5; Wikipedia Current Events CC BY-SA 4.0.\n")
        handle.write("\n".join(lines) + "\n")
    print(f"wrote {out}: {len(lines)} examples")


if __name__ == "__main__":
    main()
