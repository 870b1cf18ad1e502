// Renders every body of the archive. Each result is cached on disk by a hash of the body and
// of the pipeline's version, so a rebuild only renders what changed; what is left to render
// goes to worker threads, where a body that takes too long can be stopped.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { mapLimit } from "../content/load.ts";
import type { RenderedBody, RenderResult } from "./render.ts";
import { renderInWorkers } from "./render-pool.ts";

export type { RenderResult };

/** Bump when the Markdown pipeline's output changes, so old cache entries are not used. */
export const PIPELINE_VERSION = "3";

/**
 * What a cached body depends on besides its text: our pipeline's version and the installed
 * versions of every unified package in it, so that upgrading one (a rehype-sanitize security
 * fix, say) renders everything afresh.
 */
const CACHE_SALT = [PIPELINE_VERSION, ...markdownPackageVersions()].join("\n");

function markdownPackageVersions(): string[] {
  try {
    const lock = JSON.parse(readFileSync(new URL("../../package-lock.json", import.meta.url), "utf8")) as { packages?: Record<string, { version?: string }> };
    return Object.entries(lock.packages ?? {})
      .filter(([path]) => /node_modules\/(@[^/]+\/)?(unified|remark|rehype|micromark|mdast|hast|unist)[^/]*$/.test(path))
      .map(([path, { version }]) => `${path}@${version}`)
      .sort();
  } catch {
    return [];
  }
}

/** A body still rendering after this long is stopped and reported; a news article takes ms. */
export const DEFAULT_TIME_LIMIT_MS = 10_000;

export interface RenderAllOptions {
  cacheDir?: string;
  onProgress?: (message: string) => void;
  /** Worker threads to use at most; defaults to the machine's cores. */
  workers?: number;
  /** Longest one body may take to render, in milliseconds (DEFAULT_TIME_LIMIT_MS). */
  timeLimitMs?: number;
}

export async function renderAll(bodies: readonly string[], options: RenderAllOptions = {}): Promise<RenderResult[]> {
  const cache = options.cacheDir ? join(options.cacheDir, "markdown") : undefined;
  if (cache) await mkdir(cache, { recursive: true });
  const keys = bodies.map(cacheKey);
  const results: (RenderResult | undefined)[] = cache ? await mapLimit(keys, 32, (key) => readCached(cache, key)) : new Array(bodies.length);
  const missing = bodies.flatMap((_, i) => (results[i] ? [] : [i]));
  const report = progressReporter(missing.length, options.onProgress);
  const rendered = await renderInWorkers(missing.map((i) => bodies[i]!), {
    workers: Math.max(1, options.workers ?? availableParallelism()),
    timeLimitMs: options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
    onRendered: report,
  });
  missing.forEach((index, i) => (results[index] = rendered[i]));
  const cacheable = missing.filter((index) => !("failure" in results[index]!));
  if (cache) await mapLimit(cacheable, 32, (index) => writeFile(join(cache, `${keys[index]}.json`), JSON.stringify(results[index])));
  return results as RenderResult[];
}

function cacheKey(body: string): string {
  return createHash("sha256").update(CACHE_SALT).update("\0").update(body).digest("hex");
}

async function readCached(cache: string, key: string): Promise<RenderedBody | undefined> {
  try {
    return JSON.parse(await readFile(join(cache, `${key}.json`), "utf8")) as RenderedBody;
  } catch {
    return undefined;
  }
}

function progressReporter(total: number, onProgress?: (message: string) => void): (done: number) => void {
  if (!onProgress || total < 2000) return () => {};
  const step = Math.ceil(total / 10);
  let reported = 0;
  return (done) => {
    if (done - reported >= step || done === total) {
      reported = done;
      onProgress(`Rendering Markdown: ${done.toLocaleString("en")} of ${total.toLocaleString("en")}`);
    }
  };
}
