#!/usr/bin/env python3
"""Checks the team-written event corpus: one example per line, four tab-separated fields, known labels, registers,
regions and span roles, balanced {role:words} markup, and no coder's verdict ("No incident.", "Threat only.",
"Economic.") opening or closing a `none` line: real text never carries one, and a model learns it instead of the text.
Prints counts per label; exits 1 on any malformed line."""
import collections, re, sys, pathlib

LABELS = {
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade",
    "Sexual violence", "Attack", "Abduction/forced disappearance",
    "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
    "Violent demonstration", "Mob violence",
    "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established",
    "Looting/property destruction", "Non-violent transfer of territory", "Other", "none",
}
REGISTERS = {"wire", "local", "monitor", "official", "social", "note", "brief"}
REGIONS = {"middle-east", "north-africa", "west-africa", "east-africa", "central-africa", "southern-africa",
           "south-asia", "southeast-asia", "east-asia", "europe", "caucasus-central-asia", "latin-america",
           "north-america", "general"}
ROLES = {"killed", "injured", "perp", "target", "victim", "place", "date", "weapon"}
SPAN = re.compile(r"\{([a-z]+):([^{}]+)\}")

# A coder's verdict: a short fragment with no finite verb that names the coding ("no incident", "not codable"), ends in
# "only", says nothing happened, or is a bare topic label. Facts ("No casualties.", "No one was hurt.") are not verdicts.
FINITE = re.compile(r"\b(?:was|were|is|are|has|have|had|will|would|did|does|do|said|says|told|continues|recommends|gets|call|found|followed|went|died)\b", re.I)
FACT = re.compile(r"casualt|injur|hurt|dead|killed|died", re.I)
META = re.compile(r"\b(?:incidents?|events?|codable|coded|code|outside scope|conflict (?:actor|context|event)|political actor|not conflict|political/conflict)\b", re.I)
NOTHING = re.compile(r"^(?:no|nothing)\b.*\b(?:reported|described|held|yet|signed|occurred|in (?:this )?report|took place|happened|outside|demands|decided)\b\.?$"
                     r"|^no (?:new )?[a-z]+(?: or [a-z]+)?\.?$|^(?:not yet held|nothing happened|nothing took place|no single event|no decision)\.?$", re.I)
LABEL = re.compile(r"^(?:economic|plan|history|historical|statistics?|tally|background|culture|accident(?:al)?|metaphor|trial|policy|sports|commercial"
                   r"|administrative|diplomatic|announcement|display|exhibition|speculation|analysis|commemoration|science|routine|political|threat"
                   r"|exercise|test|delivery|procurement|inquiry|rhetoric|meeting|commentary|ruling|decree|warning|claim|statement|denial|aggregate)"
                   r"(?:/\w+)?(?:[,;] [^.]*)?\.$", re.I)

def verdict(fragment):
    f = fragment.strip()
    if len(f.split()) > 9 or FINITE.search(f) or FACT.search(f) or "{" in f:
        return False
    return bool(META.search(f) or re.search(r"\bonly\.?$", f, re.I) or NOTHING.match(f) or LABEL.match(f))

def check(paths):
    counts, bad, seen = collections.Counter(), 0, set()
    for path in paths:
        for number, line in enumerate(pathlib.Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            where = f"{path}:{number}"
            if len(fields) != 4:
                print(f"{where}: expected 4 tab-separated fields, got {len(fields)}"); bad += 1; continue
            label, register, region, text = fields
            problems = []
            if label not in LABELS: problems.append(f"unknown label {label!r}")
            if register not in REGISTERS: problems.append(f"unknown register {register!r}")
            if region not in REGIONS: problems.append(f"unknown region {region!r}")
            for role, _ in SPAN.findall(text):
                if role not in ROLES: problems.append(f"unknown role {role!r}")
            if "{" in SPAN.sub("", text) or "}" in SPAN.sub("", text): problems.append("unbalanced braces")
            plain = SPAN.sub(lambda m: m.group(2), text)
            if plain.lower() in seen: problems.append("duplicate text")
            fragments = re.split(r"(?<=[.;])\s+", text.strip())
            if label == "none" and len(fragments) > 1 and (verdict(fragments[0]) or verdict(fragments[-1])):
                problems.append("a coder's verdict opens or closes the line")
            seen.add(plain.lower())
            if problems:
                print(f"{where}: " + "; ".join(problems)); bad += 1
            else:
                counts[label] += 1
    for label, n in sorted(counts.items(), key=lambda kv: kv[0]):
        print(f"{n:6d}  {label}")
    print(f"{sum(counts.values()):6d}  total, {bad} malformed")
    return bad == 0

if __name__ == "__main__":
    files = sys.argv[1:] or sorted(str(p) for p in pathlib.Path(__file__).parent.glob("written/*.tsv"))
    sys.exit(0 if check(files) else 1)
