// Writes countries.txt and demonyms.txt from the project's one country table (data/countries/countries.tsv), so that
// the entity model's lists and the rest of Vigil name the same countries. Run by build.sh; needs no npm package.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
const here = path.dirname(fileURLToPath(import.meta.url));
const table = path.join(here, "..", "..", "data", "countries", "countries.tsv");
const lines = fs.readFileSync(table, "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
const columns = lines[0].split("\t");
const column = (row, name) => row[columns.indexOf(name)].split("|").filter(Boolean);
const countries = new Set();
const demonyms = new Set();
for (const row of lines.slice(1).map((l) => l.split("\t"))) {
  for (const name of [...column(row, "names"), ...column(row, "other_names")]) countries.add(name);
  for (const demonym of column(row, "demonyms")) demonyms.add(demonym);
}
const write = (name, set) => {
  const sorted = [...new Set([...set].map((s) => s.trim()).filter((s) => s.length > 1))].sort();
  fs.writeFileSync(path.join(here, name), sorted.join("\n") + "\n");
  console.log(`${name}: ${sorted.length}`);
};
write("countries.txt", countries);
write("demonyms.txt", demonyms);
