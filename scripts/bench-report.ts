// The bench's report: each build's own stage breakdown, the machine and versions, the tables.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { SAMPLE_MS, type SiteCount } from "./bench-measure.ts";

export interface Stage {
  stage: string;
  seconds: number;
}

/** One build in the report. */
export interface Row {
  label: string;
  wallSeconds: number;
  peakBytes: number;
  /** The machine's mean load average during the build (see RunResult). */
  meanLoad: number;
  /** Wall time over the peer's (Hugo + Pagefind) in the same run, when the peer ran. */
  ratio?: number;
  site?: SiteCount;
  /** The build's own breakdown; a Dateline build only. */
  stages?: Stage[];
  /** Short name of a Dateline build: its column in the stage table. */
  column?: string;
  /** For a rebuild: whether the rebuilt site shows the change on its page and in search. */
  shows?: { page: boolean; search: boolean };
}

export interface SizeReport {
  articles: number;
  /** Lines about the archive and the edits, printed above its tables. */
  notes: string[];
  rows: Row[];
}

const PREFIX = "Time by stage:";

/**
 * The stages of the last `Time by stage: load 0.4 s · validate 0.2 s · …` line in a build's
 * output; parts that do not read as a name and a duration are skipped, so that a change of
 * wording loses one stage, not the bench.
 */
export function parseStages(output: string): Stage[] {
  const line = output.split("\n").findLast((text) => text.startsWith(PREFIX));
  if (line === undefined) return [];
  return line
    .slice(PREFIX.length)
    .split("·")
    .flatMap((part) => {
      const match = /^\s*(.+?)\s+(\d+(?:\.\d+)?)\s*(ms|s)\b/.exec(part);
      if (match === null) return [];
      const [, stage = "", value, unit] = match;
      return [{ stage, seconds: Number(value) / (unit === "ms" ? 1000 : 1) }];
    });
}

// ---------------------------------------------------------------- machine and versions

export function machineLine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown processor";
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${os.availableParallelism()} cores (${cpu}), ${memory} GB memory, ` +
    `${os.type()} ${os.release()} ${os.arch()}, Node.js ${process.version}`;
}

/** Other work on the machine skews every figure: the 1-minute load average says how much. */
export function loadLine(): string {
  return (os.loadavg()[0] ?? 0).toFixed(1);
}

export function versionsLine(root: string, pagefindBin: string, hugoVersion?: string): string {
  return [
    `Dateline ${datelineCommit(root)}`,
    `Eleventy ${packageVersion(root, "@11ty/eleventy")}`,
    `Pagefind ${pagefindVersion(pagefindBin)}`,
    hugoVersion === undefined ? "Hugo not run" : `Hugo ${hugoVersion}`,
  ].join(", ");
}

function datelineCommit(root: string): string {
  const git = (...args: string[]): string =>
    spawnSync("git", ["-C", root, ...args], { encoding: "utf8" }).stdout?.trim() ?? "";
  const commit = git("rev-parse", "--short", "HEAD") || "(not a git checkout)";
  const branch = git("rev-parse", "--abbrev-ref", "HEAD");
  const dirty = git("status", "--porcelain", "--untracked-files=no") !== "";
  return `${commit}${branch ? ` on ${branch}` : ""}${dirty ? ", with uncommitted changes" : ""}`;
}

function packageVersion(root: string, name: string): string {
  try {
    const manifest: unknown = JSON.parse(
      readFileSync(join(root, "node_modules", name, "package.json"), "utf8"),
    );
    const version = (manifest as { version?: unknown }).version;
    return typeof version === "string" ? version : "(unknown version)";
  } catch {
    return "(not installed)";
  }
}

/** The binary's own word (`pagefind 1.6.0`), which is what ran. */
function pagefindVersion(bin: string): string {
  const out = spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout ?? "";
  return out.trim().replace(/^pagefind\s+/, "") || "(unknown version)";
}

// ---------------------------------------------------------------- tables

export function printReport(heading: string[], sizes: readonly SizeReport[]): void {
  const lines = [...heading, ""];
  for (const size of sizes) {
    lines.push(`## ${size.articles.toLocaleString("en")} articles`, "", ...size.notes, "");
    lines.push(...buildTable(size.rows), "");
    const stages = stageTable(size.rows);
    if (stages.length > 0) {
      lines.push(
        "Dateline's time by stage, in seconds, as each build printed it. Pagefind indexes the",
        "article pages while the other pages are written: `pages` holds that time, and",
        "`search` only what indexing took after the pages were done.",
        "",
      );
      lines.push(...stages, "");
    }
  }
  const peerRan = sizes.some((size) => size.rows.some((row) => row.ratio !== undefined));
  lines.push(
    `Peak memory: of the whole process tree, resident, summed, sampled every ${SAMPLE_MS} ms.`,
    peerRan
      ? "× peer: wall time over Hugo's plus Pagefind's, measured in the same run."
      : "× peer: not measured; `--hugo` runs the peer (Hugo + Pagefind's CLI) for ratios.",
    "Load: the machine's 1-minute load average over the build. A build alone keeps it near",
    `${os.availableParallelism()} (the cores); well above that, other work slowed the build down.`,
  );
  console.log(lines.join("\n"));
}

/** A column of the builds table: its heading and how a row fills it. */
type Column = [heading: string, cell: (row: Row) => string];

function buildTable(rows: readonly Row[]): string[] {
  const yes = (shown?: boolean): string => (shown === undefined ? "" : shown ? "yes" : "NO");
  const columns: Column[] = [
    ["build", (row) => row.label],
    ["wall", (row) => `${row.wallSeconds.toFixed(1)} s`],
    ["× peer", (row) => (row.ratio === undefined ? "" : `${row.ratio.toFixed(2)}×`)],
    ["peak memory", (row) => formatBytes(row.peakBytes)],
    ["load", (row) => row.meanLoad.toFixed(1)],
    ["pages", (row) => (row.site ? pageCount(row.site).toLocaleString("en") : "")],
    ["search index", (row) => (row.site ? searchIndex(row.site) : "")],
    ["change on its page", (row) => yes(row.shows?.page)],
    ["in search", (row) => yes(row.shows?.search)],
  ];
  // A column no row fills (no peer, no rebuild) is left out.
  const used = columns.filter(([, cell]) => rows.some((row) => cell(row) !== ""));
  return markdownTable(
    used.map(([heading]) => heading),
    rows.map((row) => used.map(([, cell]) => cell(row))),
  );
}

/** Stages as rows, Dateline's builds as columns; then their sum, and what the sum leaves out. */
function stageTable(rows: readonly Row[]): string[] {
  const builds = rows.filter((row) => row.stages !== undefined && row.column !== undefined);
  if (builds.length === 0) return [];
  const names = [...new Set(builds.flatMap((row) => (row.stages ?? []).map((s) => s.stage)))];
  const seconds = (row: Row, name: string): number | undefined => {
    const matching = (row.stages ?? []).filter((s) => s.stage === name);
    return matching.length === 0 ? undefined : matching.reduce((sum, s) => sum + s.seconds, 0);
  };
  const sum = (row: Row): number => (row.stages ?? []).reduce((total, s) => total + s.seconds, 0);
  const body = names.map((name) => [name, ...builds.map((row) => fixed(seconds(row, name)))]);
  body.push(["sum of stages", ...builds.map((row) => fixed(sum(row)))]);
  body.push([
    "outside the stages (start-up, publishing, exit)",
    ...builds.map((row) => fixed(row.wallSeconds - sum(row))),
  ]);
  body.push(["wall", ...builds.map((row) => fixed(row.wallSeconds))]);
  return markdownTable(["stage", ...builds.map((row) => row.column ?? "")], body);
}

function pageCount(site: SiteCount): number {
  return site.indexPages + site.otherPages;
}

function searchIndex(site: SiteCount): string {
  if (site.pagefindFiles === 0) return "";
  return `${formatBytes(site.pagefindBytes)} in ${site.pagefindFiles.toLocaleString("en")} files`;
}

function fixed(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? "" : value.toFixed(1);
}

export function formatBytes(bytes: number): string {
  const MB = 1024 ** 2;
  if (bytes >= 1024 * MB) return `${(bytes / (1024 * MB)).toFixed(2)} GB`;
  return `${(bytes / MB).toFixed(bytes >= 100 * MB ? 0 : 1)} MB`;
}

/** A Markdown table padded to line up in a terminal: first column left, the others right. */
function markdownTable(header: readonly string[], body: readonly string[][]): string[] {
  const all = [header, ...body];
  const widths = header.map((_, i) => Math.max(3, ...all.map((cells) => (cells[i] ?? "").length)));
  const pad = (cell: string, i: number): string =>
    i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0);
  const render = (cells: readonly string[]): string =>
    `| ${widths.map((_, i) => pad(cells[i] ?? "", i)).join(" | ")} |`;
  const dashes = widths.map((w, i) => (i === 0 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`));
  const rule = `| ${dashes.join(" | ")} |`;
  return [render(header), rule, ...body.map(render)];
}
