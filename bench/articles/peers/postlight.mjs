// Runs Postlight Parser (@postlight/parser) over every page of a folder in one process and writes one JSON line per
// page: {"source": KEY, "text": ..., "title": ...}. Extraction time (pages already in memory) goes to stderr as
// "timing pages=N seconds=WALL cpu=PROCESS_CPU". The page's HTML is given, so the parser fetches nothing
// (fetchAllPages off: it would follow "next page" links).
import { readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import Parser from "@postlight/parser";

const folder = process.argv[2];
const pages = readdirSync(folder).filter((name) => name.endsWith(".html.gz")).sort()
  .map((name) => ({ key: name.slice(0, -".html.gz".length), html: gunzipSync(readFileSync(join(folder, name))).toString("utf8") }));
const parse = (key, html) => Parser.parse("https://example.invalid/" + key, { html, contentType: "text", fetchAllPages: false });
// Start-up ends when the tool has extracted one page (module loading, first compilations), untimed, as for every tool.
if (pages.length > 0) {
  await parse(pages[0].key, pages[0].html).catch(() => null);
}
const passes = Number(process.argv[3] ?? 1);
const results = [];
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
      const article = await parse(key, html);
      text = article?.content ?? "";
      title = article?.title ?? "";
    } catch (error) {
      process.stderr.write(`postlight: ${key}: ${error?.message ?? error}\n`);
    }
    results.push({ source: key, text, title });
  }
  seconds = Math.min(seconds, Number(process.hrtime.bigint() - start) / 1e9);
  const cpuUsed = process.cpuUsage(cpuStart);
  cpu = Math.min(cpu, (cpuUsed.user + cpuUsed.system) / 1e6);
}
process.stdout.write(results.map((r) => JSON.stringify(r)).join("\n") + "\n");
process.stderr.write(`timing pages=${pages.length} seconds=${seconds.toFixed(4)} cpu=${cpu.toFixed(4)} passes=${passes}\n`);
