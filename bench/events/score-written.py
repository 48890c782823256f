#!/usr/bin/python3
"""Scores `./vigil events` on a team-written development set in the corpus's line format (WRITING.md): each line is
one passage labelled with the sub-type it reports, or `none`. The sets under data/gold/written-dev/ were written for
measuring only and never train a model; they stand in for the registers of unseen sets that may not be read (coders'
notes, news snippets).

For each line the FIRST event of the passage is compared with the label:
- incident recall: labelled lines that get any event; false alarms: `none` lines that get one;
- event type and sub-type accuracy over the labelled lines (no event counts as wrong), and the sub-type's weighted F1
  with "no event" as a class of its own, as sub-type scores on snippet sets are usually given;
- killed: a line whose killed spans each state a count (digits, a number word up to twenty, or "a man") against the
  event's best killed count; lines without a killed span are not counted, as writers did not mark every count.

Rows per file, per half (A: the ids with an even CRC-32), then per event type (or per register with --by-register).

Usage: bench/events/score-written.py [FILE_OR_DIR ...] [--confusions N] [--by-register]
"""
import argparse
import collections
import os
import pathlib
import re
import sys
import zlib

sys.path.insert(0, os.path.dirname(__file__))
from vigilrun import ROOT, events_by_id  # noqa: E402

SPAN = re.compile(r"\{([a-z]+):([^{}]+)\}")
WORDS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
TYPE_OF = {
    "Armed clash": "Battles", "Government regains territory": "Battles", "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence", "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence", "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence", "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians", "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests", "Protest with intervention": "Protests", "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots", "Mob violence": "Riots",
    "Agreement": "Strategic developments", "Arrests": "Strategic developments", "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments", "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments", "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}


def read_lines(paths):
    files = []
    for path in map(pathlib.Path, paths):
        files.extend(sorted(path.glob("*.tsv")) if path.is_dir() else [path])
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            label, register, region, text = line.split("\t")
            killed = [words for role, words in SPAN.findall(text) if role == "killed"]
            yield {"id": f"{file.name}:{number}", "label": label, "register": register, "region": region,
                   "text": SPAN.sub(lambda m: m.group(2), text), "killed": expected_killed(killed)}


def expected_killed(spans):
    """The count a killed span states, when it states one plainly: None when it does not (a range, "dozens")."""
    if not spans:
        return None
    total = 0
    for span in spans:
        if re.search(r"(?i)\bnumbers?\s+of\b", span):
            return None  # "an unknown number of rebels" states no count
        numbers = re.findall(r"\b\d+\b(?!-year)", span)
        words = [w for w in re.findall(r"[a-z]+", span.lower()) if w in WORDS]
        if len(numbers) == 1 and not words:
            total += int(numbers[0])
        elif not numbers and len(words) == 1:
            total += WORDS.index(words[0]) + 1
        elif not numbers and not words and re.match(r"(?i)^(?:a|an|the|his|her|their|one)\b", span):
            total += 1
        else:
            return None
    return total


def weighted_f1(pairs):
    labels = {gold for gold, _ in pairs}
    support = collections.Counter(gold for gold, _ in pairs)
    total = 0.0
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = support[label] - tp
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        total += f1 * support[label]
    return total / len(pairs)


def report(name, rows, predicted):
    labelled = [r for r in rows if r["label"] != "none"]
    negatives = [r for r in rows if r["label"] == "none"]
    first = {r["id"]: (predicted.get(r["id"]) or [None])[0] for r in rows}
    found = sum(1 for r in labelled if first[r["id"]])
    type_right = sum(1 for r in labelled if first[r["id"]] and first[r["id"]]["eventType"] == TYPE_OF[r["label"]])
    sub_right = sum(1 for r in labelled if first[r["id"]] and first[r["id"]]["subEventType"] == r["label"])
    pairs = [(r["label"], first[r["id"]]["subEventType"] if first[r["id"]] else "none") for r in rows]
    countable = [r for r in labelled if r["killed"] is not None]
    killed_right = sum(1 for r in countable if ((first[r["id"]] or {}).get("killed") or {}).get("best", 0) == r["killed"])
    alarms = sum(1 for r in negatives if first[r["id"]])
    line = (f"{name:<22} lines {len(rows):4d} | incident recall {found / max(1, len(labelled)):.3f} | type {type_right / max(1, len(labelled)):.3f}"
            f" | sub-type {sub_right / max(1, len(labelled)):.3f} | weighted F1 {weighted_f1(pairs):.3f} | killed exact {killed_right / max(1, len(countable)):.3f} ({len(countable)})")
    if negatives:
        line += f" | none with event {alarms}/{len(negatives)}"
    print(line)
    return pairs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", default=[os.path.join(ROOT, "data", "gold", "written-dev")])
    parser.add_argument("--confusions", type=int, default=10)
    parser.add_argument("--by-register", action="store_true")
    args = parser.parse_args()
    rows = list(read_lines(args.paths))
    predicted = events_by_id(rows)
    pairs = report("all", rows, predicted)
    groups = collections.defaultdict(list)
    for row in rows:
        groups[row["id"].split(":")[0]].append(row)
        groups["half " + ("A" if zlib.crc32(row["id"].encode("utf-8")) % 2 == 0 else "B")].append(row)
        groups[row["register"] if args.by_register else TYPE_OF.get(row["label"], "none")].append(row)
    for name, group in sorted(groups.items()):
        report(name, group, predicted)
    confusion = collections.Counter((g, p) for g, p in pairs if g != p)
    if args.confusions:
        print("commonest confusions (label -> first event):")
        for (gold, got), count in confusion.most_common(args.confusions):
            print(f"  {count:4d}  {gold} -> {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
