// `npm run bench -- [sizes…] [--hugo]`: builds generated archives cold, then again after each of
// four editors' changes, beside Hugo + Pagefind's CLI; prints wall time, peak memory of the
// process tree, ratios to the peer and each build's time by stage. A benchmark, never a test.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { pageShows, searchShows, type Proof } from "./bench-check.ts";
import { type EditPlan, linkArchive, planEdits } from "./bench-edits.ts";
import { BuildFailed, countSite, measureBuild, type RunResult } from "./bench-measure.ts";
import { hugoPeerSite, peerReadiness, runPeer } from "./bench-peer.ts";
import { measurePreviewEdit } from "./bench-preview.ts";
import {
  formatBytes, loadLine, machineLine, parseStages, printReport, versionsLine,
  type Row, type SizeReport,
} from "./bench-report.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BENCH_DIR = join(ROOT, ".cache", "bench");
const GENERATOR = fileURLToPath(new URL("./generate-corpus.ts", import.meta.url));
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
/** What `npm run build` runs (package.json), node's flags included, without npm around it. */
const BUILD_COMMAND = buildCommand();
const PAGEFIND = join(ROOT, "node_modules", ".bin", "pagefind");
const SEED = 1;
const USAGE = "usage: npm run bench -- [sizes…] [--hugo]   (default sizes: 1000 10000)";

// ---------------------------------------------------------------- the generated archive

interface Corpus {
  dir: string;
  /** The generator's own summary: articles, drafts, entities, authors. */
  summary: string;
}

/**
 * The generated archive of `count` articles, made again only when the generator's source or
 * options changed. It is generated in a process of its own, measured like a build, so that
 * its memory shows (it must stay under the build's, even at 100,000 articles).
 */
async function ensureCorpus(count: number): Promise<Corpus> {
  const dir = join(BENCH_DIR, `corpus-${count}`);
  const stampPath = join(BENCH_DIR, `corpus-${count}.stamp`);
  const source = createHash("sha256").update(readFileSync(GENERATOR)).digest("hex");
  const key = JSON.stringify({ generator: source, count, seed: SEED });
  const stamp = readStamp(stampPath);
  if (existsSync(dir) && stamp?.key === key) return { dir, summary: stamp.summary };

  log(`generating ${count} articles into ${dir}…`);
  rmSync(stampPath, { force: true });
  mkdirSync(BENCH_DIR, { recursive: true });
  const args = [GENERATOR, String(count), dir, "--seed", String(SEED)];
  const run = await measureBuild("generate-corpus", TSX, args, ROOT, process.env);
  log(`generated in ${run.wallSeconds.toFixed(1)} s, peak memory ${formatBytes(run.peakBytes)}`);
  const summary = run.stdoutTail.trim().replace(/ in \/.*$/s, "");
  writeFileSync(stampPath, `${JSON.stringify({ key, summary })}\n`);
  return { dir, summary };
}

function readStamp(path: string): { key: string; summary: string } | undefined {
  try {
    const stamp: unknown = JSON.parse(readFileSync(path, "utf8"));
    const { key, summary } = stamp as { key?: unknown; summary?: unknown };
    return typeof key === "string" && typeof summary === "string" ? { key, summary } : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- the peer

/** Hugo and then Pagefind's CLI over the archive; returns the peer's total wall time. */
async function benchPeer(count: number, corpus: Corpus, report: SizeReport): Promise<number> {
  log(`hugo + pagefind, ${count} articles…`);
  const peer = await runPeer(corpus.dir, join(BENCH_DIR, `hugo-${count}`), HUGO_SITE, PAGEFIND);
  const total = peer.hugo.wallSeconds + peer.pagefind.wallSeconds;
  report.rows.push(
    { label: "Hugo", ...figures(peer.hugo) },
    { label: "Pagefind CLI over Hugo's site", ...figures(peer.pagefind) },
    {
      label: "**Hugo + Pagefind** (the peer)",
      wallSeconds: total,
      peakBytes: Math.max(peer.hugo.peakBytes, peer.pagefind.peakBytes),
      meanLoad: (peer.hugo.meanLoad * peer.hugo.wallSeconds +
        peer.pagefind.meanLoad * peer.pagefind.wallSeconds) / total,
      ratio: 1,
      site: countSite(peer.publicDir),
    },
  );
  log(`hugo ${seconds(peer.hugo)} + pagefind ${seconds(peer.pagefind)} = ${total.toFixed(1)} s`);
  return total;
}

// ---------------------------------------------------------------- Dateline

/**
 * A cold build (a new working copy of the archive, no cache, no site, no record of published
 * URLs), then a rebuild after each edit, each a fresh `npm run build` as an editor runs it.
 */
async function benchDateline(
  count: number,
  corpus: Corpus,
  peerSeconds: number | undefined,
  report: SizeReport,
): Promise<void> {
  const work = join(BENCH_DIR, `dateline-${count}`);
  const content = join(work, "content");
  const site = join(work, "site");
  const preparing = performance.now();
  rmSync(work, { recursive: true, force: true });
  linkArchive(corpus.dir, content);
  const plan = planEdits(content);
  log(`working copy and edits ready in ${((performance.now() - preparing) / 1000).toFixed(1)} s`);
  report.notes.push(...plan.edits.map((edit) => `- ${edit.name}: ${edit.what}`));
  const cache = join(work, "cache");
  const env = { ...process.env, CONTENT_DIR: content, OUTPUT_DIR: site, DATELINE_CACHE_DIR: cache };

  const build = async (label: string, column: string, proof?: Proof): Promise<void> => {
    log(`dateline ${label}, ${count} articles…`);
    const [command, ...args] = BUILD_COMMAND;
    const result = await measureBuild(`dateline ${label}`, command!, args, ROOT, env);
    const row: Row = {
      label: `Dateline ${label}`,
      ...figures(result),
      site: countSite(site),
      stages: parseStages(result.stdoutTail),
      column,
    };
    if (proof !== undefined) {
      row.shows = { page: pageShows(site, proof), search: searchShows(site, proof) };
    }
    if (peerSeconds !== undefined) row.ratio = result.wallSeconds / peerSeconds;
    report.rows.push(row);
    logBuild(row, result);
  };

  await build("cold (empty cache, no site)", "cold");
  if (!plan.coldProofs.every((proof) => pageShows(site, proof))) {
    log("warning: the pages that the edits change are not where the bench expects them");
  }
  for (const edit of plan.edits) {
    edit.apply();
    await build(edit.label, edit.name, edit.proof);
  }
  await benchPreview(env, join(work, "preview"), join(content, plan.edited), plan, report);
}

/** `npm start` on the same archive, after the builds: how soon an edited body shows. */
async function benchPreview(
  env: NodeJS.ProcessEnv,
  previewDir: string,
  articlePath: string,
  plan: EditPlan,
  report: SizeReport,
): Promise<void> {
  log("dateline preview (npm start), then a body edit…");
  const url = plan.edits.find((edit) => edit.name === "body")?.proof?.url;
  if (!url) return;
  const times = await measurePreviewEdit(ROOT, { ...env, OUTPUT_DIR: previewDir }, articlePath, url);
  const line = `Preview (\`npm start\`, same cache): serving after ${times.startSeconds.toFixed(1)} s; ` +
    `a line appended to a body shown on its page ${(times.shownSeconds * 1000).toFixed(0)} ms after ` +
    `the save, the full publish that follows done after ${times.publishedSeconds.toFixed(1)} s.`;
  report.notes.push(line);
  log(`  ${line}`);
}

// ---------------------------------------------------------------- output

function logBuild(row: Row, result: RunResult): void {
  const ratio = row.ratio === undefined ? "" : ` (${row.ratio.toFixed(2)}× the peer)`;
  const stages = (row.stages ?? []).map((s) => `${s.stage} ${s.seconds.toFixed(1)} s`).join(" · ");
  const peak = formatBytes(row.peakBytes);
  const load = row.meanLoad.toFixed(1);
  log(`  ${seconds(result)}${ratio}, peak ${peak}, load ${load}; ${stages || "no stage line"}`);
  if (row.shows?.page === false) log("  warning: the rebuilt page does not show the change");
  if (row.shows?.search === false) log("  warning: the search index does not show the change");
}

function figures(result: RunResult): Pick<Row, "wallSeconds" | "peakBytes" | "meanLoad"> {
  const { wallSeconds, peakBytes, meanLoad } = result;
  return { wallSeconds, peakBytes, meanLoad };
}

function seconds(result: RunResult): string {
  return `${result.wallSeconds.toFixed(1)} s`;
}

function printFailure(error: BuildFailed): void {
  console.error(`\n${error.message}`);
  const output = (error.result.stderrTail || error.result.stdoutTail).trimEnd();
  const tail = output.split("\n").slice(-40).join("\n");
  if (tail) console.error(`--- last lines of its output ---\n${tail}`);
}

function log(message: string): void {
  console.error(`[bench] ${message}`);
}

// ---------------------------------------------------------------- main

const HUGO_SITE = hugoPeerSite(ROOT, process.env);

function parseSizes(args: readonly string[]): number[] {
  const sizes = args.length > 0 ? args.map(Number) : [1000, 10000];
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error(USAGE);
    process.exit(2);
  }
  return sizes;
}

/** Hugo's version when the peer is wanted and can run; otherwise says why not. */
function peerVersion(wanted: boolean): string | undefined {
  if (!wanted) return undefined;
  const readiness = peerReadiness(HUGO_SITE);
  if ("version" in readiness) return readiness.version;
  log(`--hugo: ${readiness.missing}; skipping the peer`);
  return undefined;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { hugo: { type: "boolean" } },
  });
  const sizes = parseSizes(positionals);
  const hugoVersion = peerVersion(values.hugo === true);
  const started = new Date();
  const loadBefore = loadLine();
  // Taken now: the commit, and whether its files were changed, as the builds ran them.
  const versions = versionsLine(ROOT, PAGEFIND, hugoVersion);
  const reports: SizeReport[] = [];
  for (const count of sizes) {
    const report: SizeReport = { articles: count, notes: [], rows: [] };
    reports.push(report);
    try {
      const corpus = await ensureCorpus(count);
      report.notes.push(`Archive (scripts/generate-corpus.ts, seed ${SEED}): ${corpus.summary}.`);
      report.notes.push("Edits, one rebuild after each, in this order:");
      const peer = hugoVersion === undefined ? undefined : await benchPeer(count, corpus, report);
      await benchDateline(count, corpus, peer, report);
    } catch (error) {
      if (!(error instanceof BuildFailed)) throw error;
      printFailure(error);
      report.notes.push(`**${error.message}**: the builds after it did not run.`);
      process.exitCode = 1;
    }
  }
  printReport(
    [
      "",
      `# Dateline benchmark, ${started.toISOString().slice(0, 16).replace("T", " ")} UTC`,
      "",
      `Machine: ${machineLine()}.`,
      `Versions: ${versions}.`,
      `Load average (1 minute): ${loadBefore} at the start, ${loadLine()} at the end.`,
    ],
    reports,
  );
}

await main();

function buildCommand(): string[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    scripts: { build: string };
  };
  const [node, ...args] = manifest.scripts.build.split(" ");
  return [node === "node" ? process.execPath : node!, ...args];
}
