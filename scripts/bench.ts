// Benchmarks cold builds of generated archives (and optionally the Hugo + Pagefind peer): wall time, peak memory of the process tree, pages, search index size.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { hugoPeerSite } from "./bench-peer.ts";
import { generateCorpus } from "./generate-corpus.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BENCH_DIR = join(ROOT, ".cache", "bench");
const GENERATOR = fileURLToPath(new URL("./generate-corpus.ts", import.meta.url));
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const PAGEFIND = join(ROOT, "node_modules", ".bin", "pagefind");
const HUGO_PEER = hugoPeerSite(ROOT, process.env);
const SEED = 1;
const SAMPLE_MS = 100;
const HAS_PROC = existsSync("/proc/self/status");
const USAGE = "usage: npm run bench -- [sizes…] [--hugo]   (default sizes: 1000 10000)";

// ---------------------------------------------------------------- process tree memory

/** Parent pid → child pids, for every process visible in /proc (or `ps` where there is no /proc). */
function childrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  const add = (pid: number, ppid: number): void => {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  };
  if (!HAS_PROC) {
    for (const [pid, ppid] of psTable()) add(pid, ppid);
    return children;
  }
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProc(`/proc/${name}/stat`);
    // Fields after the command name, which is in parentheses and may itself contain spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ppid = Number(fields[1]);
    if (Number.isInteger(ppid)) add(Number(name), ppid);
  }
  return children;
}

function readProc(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return ""; // the process ended between listing and reading
  }
}

/** [pid, ppid, rss bytes] of every process, from `ps` (macOS and other systems without /proc). */
function psTable(): [number, number, number][] {
  const out = spawnSync("ps", ["-A", "-o", "pid=,ppid=,rss="], { encoding: "utf8" }).stdout ?? "";
  return out
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter((f): f is [number, number, number] => f.length === 3 && f.every(Number.isFinite))
    .map(([pid, ppid, rssKb]) => [pid, ppid, rssKb * 1024]);
}

function rssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readProc(`/proc/${pid}/status`));
  return match ? Number(match[1]) * 1024 : 0;
}

/** Resident memory of a process and all its descendants, summed. */
function treeRssBytes(root: number): number {
  const children = childrenByParent();
  const tree: number[] = [];
  const queue = [root];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  if (HAS_PROC) return tree.reduce((sum, pid) => sum + rssBytes(pid), 0);
  const members = new Set(tree);
  return psTable().reduce((sum, [pid, , rss]) => sum + (members.has(pid) ? rss : 0), 0);
}

// ---------------------------------------------------------------- running and measuring

interface RunResult {
  ok: boolean;
  exit: string;
  wallSeconds: number;
  peakBytes: number;
  stderrTail: string;
  stdoutTail: string;
}

/** Keeps the last `max` characters of a stream. */
class Tail {
  private text = "";

  constructor(private readonly max: number) {}

  push(chunk: Buffer): void {
    this.text = (this.text + chunk.toString("utf8")).slice(-this.max);
  }

  toString(): string {
    return this.text;
  }
}

/** Runs a command to completion, sampling the memory of its whole process tree every SAMPLE_MS. */
function measure(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const stdout = new Tail(4000);
    const stderr = new Tail(8000);
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let peakBytes = 0;
    let wallSeconds = 0;
    let exit = "";
    const sample = (): void => {
      if (child.pid !== undefined && exit === "") peakBytes = Math.max(peakBytes, treeRssBytes(child.pid));
    };
    const timer = setInterval(sample, SAMPLE_MS);
    child.once("spawn", sample);
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.once("exit", (code, signal) => {
      wallSeconds = (performance.now() - started) / 1000;
      exit = signal ? `signal ${signal}` : `exit code ${code}`;
      clearInterval(timer);
    });
    child.once("error", (error) => {
      clearInterval(timer);
      resolvePromise({ ok: false, exit: error.message, wallSeconds: 0, peakBytes, stderrTail: "", stdoutTail: "" });
    });
    child.once("close", () => {
      const ok = exit === "exit code 0";
      resolvePromise({ ok, exit, wallSeconds, peakBytes, stderrTail: stderr.toString(), stdoutTail: stdout.toString() });
    });
  });
}

// ---------------------------------------------------------------- output folders

interface SiteCount {
  indexPages: number;
  otherPages: number;
  pagefindBytes: number;
  pagefindFiles: number;
}

function countSite(dir: string): SiteCount {
  const count: SiteCount = { indexPages: 0, otherPages: 0, pagefindBytes: 0, pagefindFiles: 0 };
  const walk = (folder: string, inPagefind: boolean): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(path, inPagefind || (folder === dir && entry.name === "pagefind"));
      } else if (inPagefind) {
        count.pagefindFiles++;
        count.pagefindBytes += statSync(path).size;
      } else if (entry.name === "index.html") {
        count.indexPages++;
      } else if (entry.name.endsWith(".html")) {
        count.otherPages++;
      }
    }
  };
  if (existsSync(dir)) walk(dir, false);
  return count;
}

// ---------------------------------------------------------------- benchmarks

interface Row {
  build: string;
  articles: number;
  wallSeconds: number;
  peakBytes: number;
  site: SiteCount | undefined;
}

class BuildFailed extends Error {
  constructor(
    readonly build: string,
    readonly result: RunResult,
  ) {
    super(`${build} failed (${result.exit})`);
  }
}

async function timed(build: string, articles: number, command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Row> {
  log(`${build}, ${articles} articles…`);
  const result = await measure(command, args, cwd, env);
  if (!result.ok) throw new BuildFailed(build, result);
  return { build, articles, wallSeconds: result.wallSeconds, peakBytes: result.peakBytes, site: undefined };
}

/** The generated corpus for `count` articles, regenerated unless its stamp matches this generator's source. */
async function ensureCorpus(count: number): Promise<string> {
  const dir = join(BENCH_DIR, `corpus-${count}`);
  const stampPath = join(BENCH_DIR, `corpus-${count}.stamp`);
  const generator = createHash("sha256").update(readFileSync(GENERATOR)).digest("hex");
  const stamp = `${JSON.stringify({ generator, count, seed: SEED })}\n`;
  if (existsSync(dir) && existsSync(stampPath) && readFileSync(stampPath, "utf8") === stamp) return dir;
  log(`generating ${count} articles into ${dir}…`);
  rmSync(stampPath, { force: true });
  await generateCorpus({ count, outDir: dir, seed: SEED });
  writeFileSync(stampPath, stamp);
  return dir;
}

async function benchDateline(count: number, corpus: string): Promise<Row> {
  const out = join(BENCH_DIR, `site-${count}`);
  rmSync(out, { recursive: true, force: true });
  // A cache of its own, emptied first, so the build is cold whatever DATELINE_CACHE_DIR says.
  const cache = join(BENCH_DIR, `cache-${count}`);
  rmSync(cache, { recursive: true, force: true });
  const env = { ...process.env, CONTENT_DIR: corpus, OUTPUT_DIR: out, DATELINE_CACHE_DIR: cache };
  const row = await timed("dateline", count, TSX, ["src/cli/build.ts"], ROOT, env);
  return { ...row, site: countSite(out) };
}

/** The Hugo peer site over the same articles, then Pagefind over its output, each measured on its own. */
async function benchHugo(count: number, corpus: string): Promise<Row[]> {
  const dir = join(BENCH_DIR, `hugo-${count}`);
  const publicDir = join(dir, "public");
  rmSync(dir, { recursive: true, force: true });
  cpSync(HUGO_PEER, dir, { recursive: true });
  cpSync(join(corpus, "articles"), join(dir, "content", "articles"), { recursive: true });
  const hugo = await timed("hugo", count, "hugo", ["--quiet", "-d", "public"], dir, process.env);
  hugo.site = countSite(publicDir);
  const pagefind = await timed("pagefind (hugo)", count, PAGEFIND, ["--site", "public"], dir, process.env);
  pagefind.site = countSite(publicDir);
  const total: Row = {
    build: "hugo + pagefind",
    articles: count,
    wallSeconds: hugo.wallSeconds + pagefind.wallSeconds,
    peakBytes: Math.max(hugo.peakBytes, pagefind.peakBytes),
    site: pagefind.site,
  };
  return [hugo, pagefind, total];
}

/** A working `hugo` on PATH and the peer site where it is expected, or a word about what is missing. */
function peerReady(): boolean {
  const probe = spawnSync("hugo", ["version"], { stdio: "ignore" });
  if (probe.error !== undefined || probe.status !== 0) {
    log("--hugo: no working `hugo` on PATH, skipping the peer build");
    return false;
  }
  if (!existsSync(HUGO_PEER)) {
    log(`--hugo: no Hugo site at ${HUGO_PEER} (set BENCH_HUGO_SITE to its folder), skipping the peer build`);
    return false;
  }
  return true;
}

// ---------------------------------------------------------------- report

const MB = 1024 * 1024;

function formatRow(row: Row): string[] {
  const site = row.site;
  const pages = site ? `${site.indexPages + site.otherPages} (${site.indexPages} + ${site.otherPages})` : "";
  return [
    row.build,
    String(row.articles),
    row.wallSeconds.toFixed(1),
    (row.peakBytes / MB).toFixed(0),
    pages,
    site && site.pagefindFiles > 0 ? `${(site.pagefindBytes / MB).toFixed(1)} / ${site.pagefindFiles}` : "",
  ];
}

function printTable(rows: readonly Row[]): void {
  const header = ["build", "articles", "wall s", "peak MB", "pages (index.html + other)", "pagefind MB / files"];
  const lines = [header, ...rows.map(formatRow)];
  const widths = header.map((_, i) => Math.max(...lines.map((cells) => (cells[i] ?? "").length)));
  const render = (cells: string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("   ");
  console.log(["", render(header), widths.map((w) => "-".repeat(w)).join("   "), ...lines.slice(1).map(render)].join("\n"));
}

function printRatios(rows: readonly Row[]): void {
  for (const ours of rows.filter((row) => row.build === "dateline")) {
    const peer = rows.find((row) => row.build === "hugo + pagefind" && row.articles === ours.articles);
    if (!peer) continue;
    const wall = (ours.wallSeconds / peer.wallSeconds).toFixed(2);
    const memory = (ours.peakBytes / peer.peakBytes).toFixed(2);
    console.log(`${ours.articles} articles: dateline / (hugo + pagefind) = ${wall}× wall time, ${memory}× peak memory`);
  }
}

function printFailure(error: BuildFailed): void {
  console.error(`\n${error.message}`);
  const tail = (error.result.stderrTail || error.result.stdoutTail).trimEnd().split("\n").slice(-40).join("\n");
  if (tail) console.error(`--- last lines of its output ---\n${tail}`);
}

function log(message: string): void {
  console.error(`[bench] ${message}`);
}

// ---------------------------------------------------------------- main

function parseSizes(args: readonly string[]): number[] {
  const sizes = args.length > 0 ? args.map(Number) : [1000, 10000];
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error(USAGE);
    process.exit(2);
  }
  return sizes;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { hugo: { type: "boolean" } } });
  const sizes = parseSizes(positionals);
  const withHugo = values.hugo === true && peerReady();
  const rows: Row[] = [];
  try {
    for (const count of sizes) {
      const corpus = await ensureCorpus(count);
      rows.push(await benchDateline(count, corpus));
      if (withHugo) rows.push(...(await benchHugo(count, corpus)));
    }
  } catch (error) {
    if (!(error instanceof BuildFailed)) throw error;
    printFailure(error);
    process.exitCode = 1;
  }
  if (rows.length === 0) return;
  printTable(rows);
  printRatios(rows);
  console.log(`\npeak memory: resident memory of the whole process tree, summed, sampled every ${SAMPLE_MS} ms`);
}

await main();
