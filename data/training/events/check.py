#!/usr/bin/env python3
"""Checks the team-written event corpus: one example per line, four tab-separated fields, known labels, registers,
regions and span roles, balanced {role:words} markup. Prints counts per label; exits 1 on any malformed line."""
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
