// Runs Readability.js (on jsdom) over every page of a folder in one process and writes one JSON line per page:
// {"source": KEY, "text": ..., "title": ...}. Extraction time (pages already in memory; parsing with jsdom included, as Readability
// needs a DOM) goes to stderr as "timing pages=N seconds=WALL cpu=PROCESS_CPU".
import { readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const folder = process.argv[2];
const pages = readdirSync(folder).filter((name) => name.endsWith(".html.gz")).sort()
  .map((name) => ({ key: name.slice(0, -".html.gz".length), html: gunzipSync(readFileSync(join(folder, name))).toString("utf8") }));
const quiet = new VirtualConsole();
const results = [];
// Start-up ends when the tool has extracted one page (module loading, first compilations), untimed, as for every tool.
if (pages.length > 0) {
  const dom = new JSDOM(pages[0].html, { url: "https://example.invalid/" + pages[0].key, virtualConsole: quiet });
  new Readability(dom.window.document).parse();
  dom.window.close();
}
// On a shared machine a pass can be slowed by other work; every tool reports its fastest of the same number of passes.
const passes = Number(process.argv[3] ?? 1);
let seconds = Infinity;
let cpu = Infinity;
for (let pass = 0; pass < passes; pass++) {
  results.length = 0;
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const { key, html } of pages) {
    let text = "";
    let title = "";
    try {
      const dom = new JSDOM(html, { url: "https://example.invalid/" + key, virtualConsole: quiet });
      const article = new Readability(dom.window.document).parse();
      text = article?.textContent ?? "";
      title = article?.title ?? "";
      dom.window.close();
    } catch (error) {
      process.stderr.write(`readability-js: ${key}: ${error.message}\n`);
    }
    results.push({ source: key, text, title });
  }
  seconds = Math.min(seconds, Number(process.hrtime.bigint() - start) / 1e9);
  const cpuUsed = process.cpuUsage(cpuStart);
  cpu = Math.min(cpu, (cpuUsed.user + cpuUsed.system) / 1e6);
}
process.stdout.write(results.map((r) => JSON.stringify(r)).join("\n") + "\n");
process.stderr.write(`timing pages=${pages.length} seconds=${seconds.toFixed(4)} cpu=${cpu.toFixed(4)} passes=${passes}\n`);
