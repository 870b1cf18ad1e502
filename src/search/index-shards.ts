// The search index in shards (src/search/shards.ts): each shard whose inputs changed is indexed
// by Pagefind into /pagefind/<shard>/; an unchanged one is hard-linked from the published site,
// as unchanged pages are (src/publish/incremental.ts), so one edit re-indexes one shard.
import { createHash } from "node:crypto";
import { copyFileSync, linkSync, mkdirSync } from "node:fs";
import { copyFile, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { z } from "zod";
import { atOnce } from "./at-once.ts";
import { FileHashes } from "./file-hashes.ts";
import { indexedPages, indexSite } from "./index-site.ts";
import type { Shard } from "./shards.ts";

/** The folder of the shards' bundles, and the list of shards that the search page reads. */
export const SEARCH_DIR = "pagefind";
export const SHARD_LIST = "shards.json";
/**
 * Pagefind's highlight script, the same file in every shard's bundle, published once more at a
 * fixed place for article pages (layouts/assets/search-highlight.js): so that an article's page
 * does not name its shard, and a shard joined or split re-renders no page.
 */
export const HIGHLIGHT_SCRIPT = "pagefind-highlight.js";

/** Shard name → the hash of its inputs and a fingerprint of its files as published. */
export const ShardRecord = z.record(z.string(), z.tuple([z.string(), z.string()]));
export type ShardRecord = z.infer<typeof ShardRecord>;

/**
 * Shards in the works at once: while Pagefind indexes one, the next one's pages are linked and
 * waiting, and the last one's links removed and its bundle fingerprinted, so that only
 * Pagefind's own time adds up (with two, the next shard waited for the last one's fingerprint,
 * which is slow while Eleventy holds the thread). Pagefind itself runs for one shard at a
 * time while pages are written: it keeps about one and a half of the two cores busy, so a
 * second run beside it saved nothing measurable at 10,000 articles, and each run holds about
 * 600 MB at 2,000 pages (the build's peak rose by as much). After the pages, two may run
 * (PagefindTurns), with one more shard waiting.
 */
const SHARDS_AT_ONCE = 4;
/** Files read at once while fingerprinting one shard. */
const FILES_AT_ONCE = 16;

export interface SearchReport {
  /** Pages in the index: articles only. */
  pages: number;
  /** Shards indexed by this build, and shards taken from the published site. */
  indexed: string[];
  reused: string[];
  /** For the next build's manifest. */
  record: ShardRecord;
}

export interface ShardJob {
  stagingDir: string;
  publishedDir: string;
  /** The last build's record; undefined (no usable manifest) means every shard is indexed. */
  previous: ShardRecord | undefined;
  /** The record of the shards a recycled staging folder already holds, if any. */
  staged?: ShardRecord | undefined;
  language: string;
  signal?: AbortSignal;
  /** Where the shards' file hashes are remembered between builds (./file-hashes.ts). */
  cacheDir?: string | undefined;
  /** The build's clock, in milliseconds (./file-hashes.ts). */
  now?: number;
  /** Settles once every page is written: Pagefind may then run twice at once (QUEUE_FOR_TWO). */
  pagesDone?: Promise<unknown>;
  /**
   * Called once the first shard is under way (Pagefind runs for it, or it is taken as it was),
   * or at once when no shard changed: the caller's rendering may then hold the thread.
   */
  onStarted?: () => void;
}

interface ShardBuilt {
  reused: boolean;
  pages: number;
  fingerprint: string;
}

/** Shards named in a build's report, up to a line's worth: 100,000 articles have about 170. */
const SHARDS_NAMED = 8;

/** Shard names for a build's report: `2024, 2023 and 12 more`, or `none`. */
export function shardList(names: readonly string[]): string {
  if (names.length === 0) return "none";
  if (names.length <= SHARDS_NAMED) return names.join(", ");
  const more = names.length - SHARDS_NAMED;
  return `${names.slice(0, SHARDS_NAMED).join(", ")} and ${more.toLocaleString("en")} more`;
}

/** Indexes or reuses every shard (newest first), then writes the list the search page reads. */
export async function indexShards(shards: Shard[], job: ShardJob): Promise<SearchReport> {
  const bundles = join(job.stagingDir, SEARCH_DIR);
  await mkdir(bundles, { recursive: true });
  await removeStaleBundles(bundles, shards);
  const turn = new PagefindTurns(shards.length, job.pagesDone);
  const hashes = await FileHashes.open(job.cacheDir, job.now ?? Date.now());
  const work = (signal: AbortSignal) => ({ job, turn, signal, hashes });
  const build = (shard: Shard, signal: AbortSignal) => buildShard(shard, work(signal));
  const order = changedFirst(shards, job.previous);
  if (!isChanged(order[0], job.previous)) job.onStarted?.();
  const results = await atOnce(order, SHARDS_AT_ONCE, build, job.signal);
  const built = new Map(order.map((shard, i) => [shard, results[i]!]));
  await hashes.save();
  const report: SearchReport = { pages: 0, indexed: [], reused: [], record: {} };
  for (const shard of shards) {
    const { reused, pages, fingerprint } = built.get(shard)!;
    (reused ? report.reused : report.indexed).push(shard.name);
    report.pages += pages;
    report.record[shard.name] = [shard.inputs, fingerprint];
  }
  const list = { shards: shards.map((shard) => shard.name) };
  await writeFile(join(bundles, SHARD_LIST), `${JSON.stringify(list)}\n`);
  const first = shards[0];
  if (first) await copyFile(join(bundles, first.name, HIGHLIGHT_SCRIPT), join(bundles, HIGHLIGHT_SCRIPT));
  return report;
}

/**
 * The shards whose inputs changed since the last build first, in their order, then the others:
 * a rebuild starts Pagefind for the edited shard at once, rather than after checking and
 * linking the unchanged ones before it (a dozen at 10,000 articles, each a few hundred file
 * operations waiting behind the pages being rendered on this thread).
 */
export function changedFirst(shards: readonly Shard[], previous: ShardRecord | undefined): Shard[] {
  const changed = (shard: Shard) => isChanged(shard, previous);
  return [...shards.filter(changed), ...shards.filter((shard) => !changed(shard))];
}

function isChanged(shard: Shard | undefined, previous: ShardRecord | undefined): boolean {
  return shard !== undefined && previous?.[shard.name]?.[0] !== shard.inputs;
}

/**
 * In a recycled staging folder: removes the shards this site does not have, and the list. A
 * shard it has stays until `stagedAlready` has compared it.
 */
async function removeStaleBundles(bundles: string, shards: Shard[]): Promise<void> {
  const names = new Set(shards.map((shard) => shard.name));
  for (const name of await readdir(bundles)) {
    if (!names.has(name)) await rm(join(bundles, name), { recursive: true, force: true });
  }
}

/**
 * The fingerprint of a recycled staging folder's bundle that is what this shard must be. Any
 * other is removed: it is never written into, since its files may be hard links to the
 * published site's.
 */
async function stagedAlready(
  shard: Shard,
  work: ShardWork,
  bundle: string,
): Promise<string | undefined> {
  const recorded = work.job.staged?.[shard.name];
  const same = recorded?.[0] === shard.inputs;
  const found = same ? await fingerprint(bundle, work.hashes).catch(() => undefined) : undefined;
  if (same && found === recorded[1]) return recorded[1];
  await rm(bundle, { recursive: true, force: true });
  return undefined;
}

/** What building one shard works with. */
interface ShardWork {
  job: ShardJob;
  turn: PagefindTurns;
  signal: AbortSignal;
  hashes: FileHashes;
}

/**
 * Shards still to index, once the pages are all written, from which two Pagefind runs go at
 * once. While this process writes pages, Pagefind's one run beside it keeps both cores busy;
 * after, one run leaves part of a core idle, and a second run finishes the queue sooner: at
 * 100,000 articles, 13 shards of 4,000 pages were left, 152 s of indexing after the pages.
 * Each run holds its memory (about 600 MB at 2,000 pages), so a short queue, as at 10,000
 * articles, keeps to one run, and to the build's lower peak.
 */
const QUEUE_FOR_TWO = 4;

/** Runs Pagefind for the shards in the order asked for: one at a time, or two (above). */
export class PagefindTurns {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private pagesWritten = false;

  /** `left`: shards that may still need a run; `pagesDone`: settles once pages are written. */
  constructor(private left: number, pagesDone: Promise<unknown> | undefined) {
    pagesDone?.then(() => {
      this.pagesWritten = true;
      this.admit();
    }, () => undefined);
  }

  /** A shard that needs no run. */
  skip(): void {
    this.left--;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.admit();
    });
    try {
      return await work();
    } finally {
      this.running--;
      this.admit();
    }
  }

  private admit(): void {
    while (this.waiting.length > 0 && this.running < this.width()) {
      this.running++;
      this.left--;
      this.waiting.shift()!();
    }
  }

  private width(): number {
    return this.pagesWritten && this.left >= QUEUE_FOR_TWO ? 2 : 1;
  }
}

async function buildShard(shard: Shard, work: ShardWork): Promise<ShardBuilt> {
  const { job } = work;
  const bundle = join(job.stagingDir, SEARCH_DIR, shard.name);
  const staged = await stagedAlready(shard, work, bundle);
  const kept = staged ? undefined : await reusable(shard, work);
  if (staged || kept) {
    work.turn.skip();
    job.onStarted?.();
  }
  if (staged) return { reused: true, pages: await indexedPages(bundle), fingerprint: staged };
  if (kept) {
    // The links are the very files just fingerprinted: no need to read them again.
    await linkTree(join(job.publishedDir, SEARCH_DIR, shard.name), bundle);
    return { reused: true, pages: await indexedPages(bundle), fingerprint: kept };
  }
  await indexShard(shard, bundle, work);
  const pages = await indexedPages(bundle);
  const written = await fingerprint(bundle, work.hashes, { written: true });
  return { reused: false, pages, fingerprint: written };
}

/**
 * The published bundle's fingerprint when the shard can be taken from it: same inputs, and
 * its files as the last build left them (not edited by hand).
 */
async function reusable(shard: Shard, { job, hashes }: ShardWork): Promise<string | undefined> {
  const recorded = job.previous?.[shard.name];
  if (!recorded || recorded[0] !== shard.inputs) return undefined;
  const published = join(job.publishedDir, SEARCH_DIR, shard.name);
  const found = await fingerprint(published, hashes).catch(() => undefined);
  return found === recorded[1] ? found : undefined;
}

/**
 * Pagefind reads a folder holding only the shard's pages, hard-linked at the same paths as in
 * the site, so that the URLs it records are the pages' own. The folder is inside the staging
 * folder: a failed build discards it with the rest.
 *
 * Not `--glob` over the staging folder, which would spare the links: Pagefind numbers pages in
 * the order the file system lists them, and its files follow that order. A folder made afresh
 * in sorted order lists the same in a cold and an incremental build on any file system; the
 * staging folder, filled by Eleventy and by links in another order, does so only where listings
 * are sorted by name hash (ext4), not on tmpfs or btrfs, so a rebuild would differ from a cold
 * build there.
 */
async function indexShard(shard: Shard, bundle: string, { job, turn, signal }: ShardWork) {
  const pages = join(job.stagingDir, `.search-${shard.name}`);
  try {
    signal.throwIfAborted();
    linkFiles(job.stagingDir, pages, shard.files);
    await turn.run(() => indexSite(pages, bundle, job.language, signal, job.onStarted));
  } finally {
    await rm(pages, { recursive: true, force: true });
  }
}

/**
 * Hard-links `files` of the folder `from` at the same paths under `to`, a new folder: its
 * folders one by one in sorted order (the order Pagefind will see), then the files, each alone
 * in its folder. Copies a file where it cannot be linked.
 *
 * Synchronous, because it runs while this thread renders the other pages with Eleventy, whose
 * rendering holds the event loop for long stretches: thousands of awaited file operations each
 * waited for a turn behind it, and Pagefind started 38 s after the article pages were written
 * in a cold build of 10,000 articles. Done at once, a shard's 4,000 operations take about a
 * tenth of a second.
 */
function linkFiles(from: string, to: string, files: readonly string[]): void {
  mkdirSync(to);
  for (const folder of foldersOf(files)) mkdirSync(join(to, folder));
  for (const file of files) {
    const [source, target] = [join(from, file), join(to, file)];
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
  }
}

/** Every folder that holds the files, parents before children, in sorted order. */
function foldersOf(files: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const file of files) {
    let folder = dirname(file);
    while (folder !== "." && !folders.has(folder)) {
      folders.add(folder);
      folder = dirname(folder);
    }
  }
  return [...folders].sort();
}

/** Links every file of a published bundle into the staging folder (copies where it cannot). */
async function linkTree(from: string, to: string): Promise<void> {
  linkFiles(from, to, await filesIn(from));
}

/**
 * A hash of each file's path and bytes: a hand edit or a missing file changes it, and two builds
 * of the same shard agree (file times would not). About 3 MB in 450 files a shard at 10,000
 * articles, 80 MB in all: a file's hash is remembered while the file stays as it was
 * (./file-hashes.ts), and the others are read several at a time, as each read waits on the
 * file system. `written`: the bundle was just written by this build (FileHashes.hashWritten).
 */
async function fingerprint(
  folder: string,
  known: FileHashes,
  { written = false } = {},
): Promise<string> {
  const files = (await filesIn(folder)).sort();
  const hashFile = (file: string) => {
    const path = join(folder, file);
    return written ? known.hashWritten(path) : known.hash(path);
  };
  const hashes = await atOnce(files, FILES_AT_ONCE, hashFile);
  const digest = createHash("sha256");
  files.forEach((file, i) => digest.update(`${file}\0`).update(hashes[i]!));
  return digest.digest("base64url");
}

async function filesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  const path = (entry: (typeof files)[number]) => join(entry.parentPath, entry.name);
  return files.map((entry) => relative(folder, path(entry)).split(sep).join("/"));
}
