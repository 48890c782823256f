// Converts the bracketed sentences of conflict-news.txt ("[PER Abu Omar] said") into CoNLL two-column IOB2.
"use strict";
const fs = require("fs");
const path = require("path");
const source = path.join(__dirname, "conflict-news.txt");
const out = [];
for (const line of fs.readFileSync(source, "utf8").split("\n")) {
  if (!line.trim() || line.startsWith("#")) continue;
  let type = null;
  let first = false;
  for (const raw of line.trim().split(/\s+/)) {
    let word = raw;
    if (word.startsWith("[")) { type = word.slice(1); first = true; continue; }
    const closes = word.endsWith("]");
    if (closes) word = word.slice(0, -1);
    out.push(`${word} ${type ? (first ? "B-" : "I-") + type : "O"}`);
    first = false;
    if (closes) type = null;
  }
  out.push("");
}
fs.writeFileSync(path.join(__dirname, "conflict-news.conll"), out.join("\n") + "\n");
console.log(`${out.filter((l) => l === "").length} sentences`);
