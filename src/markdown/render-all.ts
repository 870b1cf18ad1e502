// Renders every body of the archive. Each result is cached on disk by a hash of the body and
// of the pipeline (render-cache.ts), so a rebuild only renders what changed; what is left to
// render goes to worker threads (render-pool.ts), where a body that takes too long is stopped.
import { availableParallelism } from "node:os";
import { errorReason } from "../content/problems.ts";
import { asJob, type RenderJob } from "./job.ts";
import type { RenderResult } from "./render.ts";
import { RenderCache } from "./render-cache.ts";
import { renderInWorkers } from "./render-pool.ts";

export type { RenderJob, RenderResult };
/**
 * Starts a Markdown worker now, so that it has loaded by the time the bodies are known: call it
 * before reading the archive.
 */
export { startWorkerEarly } from "./render-pool.ts";

/** A body still rendering after this long is stopped and reported; a news article takes ms. */
export const DEFAULT_TIME_LIMIT_MS = 10_000;

export interface RenderAllOptions {
  cacheDir?: string;
  onProgress?: (message: string) => void;
  /** Worker threads to use at most; defaults to the machine's cores. */
  workers?: number;
  /** Longest one body may take to render, in milliseconds (DEFAULT_TIME_LIMIT_MS). */
  timeLimitMs?: number;
  /** Told why the cache could not be opened or written: the bodies render all the same. */
  onCacheProblem?: (reason: string) => void;
}

/** Renders every body (a text alone is a body with no mentions to link), in their order. */
export async function renderAll(
  jobs: readonly (string | RenderJob)[],
  options: RenderAllOptions = {},
): Promise<RenderResult[]> {
  const bodies = jobs.map(asJob);
  const cache = options.cacheDir ? await openCache(options.cacheDir, options) : undefined;
  const keys = cache ? bodies.map((body) => cache.key(body)) : [];
  const results: (RenderResult | undefined)[] = cache
    ? keys.map((key) => cache.read(key))
    : new Array(bodies.length);
  const missing = bodies.flatMap((_, i) => (results[i] ? [] : [i]));
  const progress = progressReporter(missing.length, options.onProgress);
  const rendered = await renderInWorkers(missing.map((i) => bodies[i]!), {
    workers: Math.max(1, options.workers ?? availableParallelism()),
    timeLimitMs: options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
    onRendered: (i, result) => {
      progress();
      if (!("failure" in result)) cache?.add(keys[missing[i]!]!, result);
    },
  });
  missing.forEach((index, i) => (results[index] = rendered[i]));
  await cache?.close().catch((error: unknown) => options.onCacheProblem?.(errorReason(error)));
  return results as RenderResult[];
}

/** The cache, or none when its folder cannot be made or read (a full or read-only disk). */
async function openCache(dir: string, options: RenderAllOptions): Promise<RenderCache | undefined> {
  try {
    return await RenderCache.open(dir);
  } catch (error) {
    options.onCacheProblem?.(errorReason(error));
    return undefined;
  }
}

/** Called once a body, says how many are done now and then, for a large archive. */
function progressReporter(total: number, onProgress?: (message: string) => void): () => void {
  if (!onProgress || total < 2000) return () => {};
  const step = Math.ceil(total / 10);
  let reported = 0;
  let done = 0;
  return () => {
    done++;
    if (done - reported >= step || done === total) {
      reported = done;
      onProgress(`Rendering Markdown: ${done.toLocaleString("en")} of ${total.toLocaleString("en")}`);
    }
  };
}
