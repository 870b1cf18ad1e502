// The search index in shards (src/search/shards.ts): each shard whose inputs changed is indexed
// by Pagefind into /pagefind/<shard>/; an unchanged one is hard-linked from the published site,
// as unchanged pages are (src/publish/incremental.ts), so one edit re-indexes one shard.
import { createHash } from "node:crypto";
import { copyFile, link, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { z } from "zod";
import { indexedPages, indexSite } from "./index-site.ts";
import type { Shard } from "./shards.ts";

/** The folder of the shards' bundles, and the list of shards that the search page reads. */
export const SEARCH_DIR = "pagefind";
export const SHARD_LIST = "shards.json";

/** Shard name → the hash of its inputs and a fingerprint of its files as published. */
export const ShardRecord = z.record(z.string(), z.tuple([z.string(), z.string()]));
export type ShardRecord = z.infer<typeof ShardRecord>;

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
}

/** Indexes or reuses every shard (newest first), then writes the list the search page reads. */
export async function indexShards(shards: Shard[], job: ShardJob): Promise<SearchReport> {
  const bundles = join(job.stagingDir, SEARCH_DIR);
  await mkdir(bundles, { recursive: true });
  const report: SearchReport = { pages: 0, indexed: [], reused: [], record: {} };
  await removeStaleBundles(bundles, shards);
  // One after the other: Pagefind already uses every core for one shard.
  for (const shard of shards) {
    const bundle = join(bundles, shard.name);
    if (await stagedAlready(shard, job, bundle)) {
      report.reused.push(shard.name);
      report.pages += await indexedPages(bundle);
      report.record[shard.name] = job.staged![shard.name]!;
      continue;
    }
    if (await reusable(shard, job)) {
      await linkTree(join(job.publishedDir, SEARCH_DIR, shard.name), bundle);
      report.reused.push(shard.name);
    } else {
      await indexShard(shard, bundle, job);
      report.indexed.push(shard.name);
    }
    report.pages += await indexedPages(bundle);
    report.record[shard.name] = [shard.inputs, await fingerprint(bundle)];
  }
  const list = { shards: shards.map((shard) => shard.name) };
  await writeFile(join(bundles, SHARD_LIST), `${JSON.stringify(list)}\n`);
  return report;
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
 * A recycled staging folder's bundle that is what this shard must be. Any other is removed: it
 * is never written into, since its files may be hard links to the published site's.
 */
async function stagedAlready(shard: Shard, job: ShardJob, bundle: string): Promise<boolean> {
  const recorded = job.staged?.[shard.name];
  const same = recorded?.[0] === shard.inputs;
  if (same && (await fingerprint(bundle).catch(() => undefined)) === recorded[1]) return true;
  await rm(bundle, { recursive: true, force: true });
  return false;
}

/** Same inputs, and the published bundle as the last build left it (not edited by hand). */
async function reusable(shard: Shard, job: ShardJob): Promise<boolean> {
  const recorded = job.previous?.[shard.name];
  if (!recorded || recorded[0] !== shard.inputs) return false;
  const published = join(job.publishedDir, SEARCH_DIR, shard.name);
  return (await fingerprint(published).catch(() => undefined)) === recorded[1];
}

/**
 * Pagefind reads a folder holding only the shard's pages, hard-linked at the same paths as in
 * the site, so that the URLs it records are the pages' own. The folder is inside the staging
 * folder: a failed build discards it with the rest.
 */
async function indexShard(shard: Shard, bundle: string, job: ShardJob): Promise<void> {
  const work = join(job.stagingDir, `.search-${shard.name}`);
  try {
    for (const file of shard.files) {
      await mkdir(dirname(join(work, file)), { recursive: true });
      await link(join(job.stagingDir, file), join(work, file));
    }
    await indexSite(work, bundle, job.language, job.signal);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Links every file of a published bundle into the staging folder (copies where it cannot). */
async function linkTree(from: string, to: string): Promise<void> {
  for (const file of await filesIn(from)) {
    await mkdir(dirname(join(to, file)), { recursive: true });
    const [source, target] = [join(from, file), join(to, file)];
    await link(source, target).catch(() => copyFile(source, target));
  }
}

/**
 * A hash of each file's path and bytes: a hand edit or a missing file changes it, and two builds
 * of the same shard agree (file times would not). About 12 MB a shard at 10,000 articles.
 */
async function fingerprint(folder: string): Promise<string> {
  const digest = createHash("sha256");
  for (const file of (await filesIn(folder)).sort()) {
    digest.update(`${file}\0`).update(await readFile(join(folder, file))).update("\0");
  }
  return digest.digest("base64url");
}

async function filesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  const path = (entry: (typeof files)[number]) => join(entry.parentPath, entry.name);
  return files.map((entry) => relative(folder, path(entry)).split(sep).join("/"));
}
