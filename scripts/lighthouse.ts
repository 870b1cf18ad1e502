// `npm run lighthouse -- [site folder]`: Lighthouse's four scores (mobile, its default
// settings) for the home page, an article, an entity page and the search page of a built
// site, by default the sample archive built afresh into a temporary folder. A measurement,
// not a test: performance depends on the machine's load (test/browser/lighthouse.test.ts
// asserts the other three).
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { CHROMIUM_PATH } from "../test/support/browser.ts";
import { PROJECT_ROOT, runBuild } from "../test/support/build.ts";
import {
  CATEGORIES, type PageScores, runLighthouse, SAMPLE_PAGES,
} from "../test/support/lighthouse.ts";
import { serveStatic } from "../test/support/static-server.ts";

const USAGE = "usage: npm run lighthouse -- [built site folder]";

const { positionals } = parseArgs({ allowPositionals: true });
if (positionals.length > 1 || (positionals[0] && !existsSync(join(positionals[0], "index.html")))) {
  console.error(`No built site at ${positionals[0]}.\n${USAGE}`);
  process.exit(2);
}
if (!existsSync(CHROMIUM_PATH)) {
  console.error(`No Chromium at ${CHROMIUM_PATH}: install Debian's chromium or set CHROMIUM.`);
  process.exit(2);
}
const built = positionals[0] ? undefined : await buildSample();
const site = positionals[0] ?? built!.site;
try {
  const server = await serveStatic(site);
  try {
    const urls = SAMPLE_PAGES.map((page) => server.url + page.path);
    console.log(`Lighthouse (mobile) on ${site}`);
    console.log(machine());
    printScores(await runLighthouse(urls, CATEGORIES));
  } finally {
    await server.close();
  }
} finally {
  if (built) await rm(built.folder, { recursive: true, force: true });
}

async function buildSample(): Promise<{ folder: string; site: string }> {
  const folder = await mkdtemp(join(tmpdir(), "dateline-lighthouse-"));
  const site = join(folder, "site");
  const run = await runBuild(join(PROJECT_ROOT, "content"), site);
  if (run.code !== 0) {
    await rm(folder, { recursive: true, force: true });
    throw new Error(`The sample archive did not build:\n${run.stderr}`);
  }
  return { folder, site };
}

function machine(): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const load = loadavg().map((value) => value.toFixed(1)).join(" ");
  return `${new Date().toISOString()} · ${cpus().length} × ${cpu} · load ${load}`;
}

function printScores(pages: PageScores[]): void {
  console.log(["page", ...CATEGORIES].join("\t"));
  for (const [i, page] of pages.entries()) {
    const scores = CATEGORIES.map((category) => String(page.scores[category]?.score ?? "-"));
    console.log([SAMPLE_PAGES[i]?.name ?? page.url, ...scores].join("\t"));
  }
  for (const page of pages) {
    for (const category of CATEGORIES) {
      for (const audit of page.scores[category]?.failing ?? []) {
        const score = audit.score === null ? "" : ` (${Math.round(audit.score * 100)})`;
        const shown = audit.details ? `: ${audit.details}` : "";
        console.log(`  ${page.url} ${category}: ${audit.id}${score}${shown}`);
      }
    }
  }
}
