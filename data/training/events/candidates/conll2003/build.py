#!/usr/bin/env python3
"""Builds the CoNLL-2003 wire sentences the team labelled into a training folder the trainer reads.

The texts are Reuters RCV1 (1996) as tokenised in CoNLL-2003 (../shared/data/conll2003): research use only, so they
never enter this repository. What the repository keeps is the team's labels, `labels.tsv`, one line a sentence:
`label<TAB>split:index`, where index counts the sentences of `<split>.txt` from 0 (blank-line separated). This script
joins each labelled sentence's tokens back into running text and writes
`.build/training/events/conll/conll2003.tsv` in the corpus's line format (data/training/events/WRITING.md);
`./vigil train events --corpus data/training/events/written data/training/events/real .build/training/events/conll` trains
with them (the shipped model does not: README.md).

Usage: python3 data/training/events/candidates/conll2003/build.py   (needs ../shared/data/conll2003)
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", "..", ".."))
CONLL = os.path.join(ROOT, "..", "shared", "data", "conll2003")
OUT = os.path.join(ROOT, ".build", "training", "events", "conll")


def sentences(path):
    """The token column of each blank-line separated sentence."""
    tokens = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                if tokens:
                    yield tokens
                    tokens = []
                continue
            tokens.append(line.split(" ")[0])
    if tokens:
        yield tokens


def running_text(tokens):
    """Undoes the tokeniser's spaces around punctuation and clitics ("killed 12 people ." -> "killed 12 people.")."""
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?%)\]])(?=\s|$)", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d)\b", r"\1", text)
    text = re.sub(r'" (.*?) "', r'"\1"', text)
    return text.replace("\t", " ").replace("{", "(").replace("}", ")")


def main():
    if not os.path.isdir(CONLL):
        sys.exit(f"conll2003/build.py: {CONLL} is absent; the CoNLL-2003 texts are needed to build these training lines")
    labels = {}
    with open(os.path.join(HERE, "labels.tsv"), encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip() or line.startswith("#"):
                continue
            label, reference = line.rstrip("\n").split("\t")
            split, index = reference.split(":")
            labels.setdefault(split, {})[int(index)] = label
    lines = []
    for split, wanted in sorted(labels.items()):
        found = {index: running_text(tokens) for index, tokens in enumerate(sentences(os.path.join(CONLL, f"{split}.txt"))) if index in wanted}
        missing = sorted(set(wanted) - set(found))
        if missing:
            sys.exit(f"conll2003/build.py: {split}.txt has no sentence {missing[0]} (labels.tsv does not match the shared copy)")
        lines += [f"{wanted[index]}\twire\tgeneral\t{found[index]}" for index in sorted(wanted)]
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "conll2003.tsv"), "w", encoding="utf-8") as handle:
        handle.write("# Built by data/training/events/conll/build.py from ../shared/data/conll2003 (Reuters RCV1, research use only): do not commit.\n")
        handle.write("\n".join(lines) + "\n")
    print(f"wrote {os.path.join(OUT, 'conll2003.tsv')}: {len(lines)} examples")


if __name__ == "__main__":
    main()
