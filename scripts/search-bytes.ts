// `npm run bench:search -- [site folder] [--entity NAME]`: what a reader downloads to search a
// built site, in Chromium: the requests and bytes of a first query on a fresh visit to the
// search page, and of a follow-up query typed on the same page; by best match and newest
// first, each with and without an entity filter. A benchmark: it passes or fails nothing.
//
// Bytes are the files' as sent, uncompressed (Pagefind's own files are gzip already), counted by
// the server that sends them (test/support/search-traffic.ts). The default site is the one
// `npm run bench -- 10000` leaves; the default entity is the one most articles mention.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { launchChromium } from "../test/support/browser.ts";
import { measureSearch, type SearchPlan, type Traffic } from "../test/support/search-traffic.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DEFAULT_SITE = join(ROOT, ".cache", "bench", "dateline-10000", "site");
const FIRST = "government statement";
const FOLLOW_UP = "election";
const USAGE = "usage: npm run bench:search -- [site folder] [--entity NAME]";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { entity: { type: "string" } },
});
const site = positionals[0] ?? DEFAULT_SITE;
if (positionals.length > 1 || !existsSync(join(site, "search", "index.html"))) {
  console.error(`No built site with a search page at ${site}.\n${USAGE}`);
  process.exit(2);
}
const entity = values.entity ?? mostMentionedEntity(site);

const plan = (params: Record<string, string>): SearchPlan => {
  return { first: FIRST, followUp: FOLLOW_UP, params };
};
const plans: { label: string; plan: SearchPlan }[] = [
  { label: "best match", plan: plan({}) },
  { label: "best match, entity filter", plan: plan({ entity }) },
  { label: "newest first", plan: plan({ sort: "date:desc" }) },
  { label: "newest first, entity filter", plan: plan({ entity, sort: "date:desc" }) },
];

console.log(`Search traffic of ${site}`);
console.log(`“${FIRST}”, then “${FOLLOW_UP}”; entity filter: ${entity}`);
const browser = await launchChromium();
try {
  const head = ["search", "first: kB", "requests", "follow-up: kB", "requests", "largest (kB)"];
  const rows = [[...head, "shown"]];
  for (const { label, plan } of plans) {
    const { first, followUp, results } = await measureSearch(browser, site, plan);
    const figures = [first, followUp].flatMap((t) => [kB(t.bytes), `${t.requests}`]);
    rows.push([label, ...figures, kinds(first), results[0]]);
  }
  printTable(rows);
} finally {
  await browser.close();
}

function kB(bytes: number): string {
  return (bytes / 1000).toFixed(1);
}

function kinds(traffic: Traffic): string {
  const sorted = Object.entries(traffic.byKind).sort(([, a], [, b]) => b - a);
  return sorted.slice(0, 4).map(([kind, bytes]) => `${kind} ${kB(bytes)}`).join(", ");
}

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) {
    console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd());
  }
}

/**
 * The entity with the most articles, read from the first page of the site's own index of
 * entities by count (counts are written with thousands separators).
 */
function mostMentionedEntity(folder: string): string {
  const html = readFileSync(join(folder, "entities", "by-count", "index.html"), "utf8");
  let best = { name: "", count: -1 };
  const listed = /<a href="\/entities\/[^"]*">([^<]*)<\/a> <span class="count">([\d,]+)<\/span>/g;
  for (const match of html.matchAll(listed)) {
    const count = Number(match[2]!.replaceAll(",", ""));
    if (count > best.count) best = { name: decodeText(match[1]!), count };
  }
  return best.name;
}

function decodeText(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return text.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (all, code: string) => {
    if (code[0] !== "#") return named[code] ?? all;
    const hex = code[1] === "x" || code[1] === "X";
    return String.fromCodePoint(hex ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1)));
  });
}
