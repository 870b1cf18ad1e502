// Renders every body of the archive. Each result is cached on disk by a hash of the body and
// of the pipeline's version, so a rebuild only renders what changed; what is left to render
// is shared among worker threads when there is enough of it to repay starting them.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { mapLimit } from "../content/load.ts";
import { type RenderedBody, type RenderFailure, renderMarkdownSafely } from "./render.ts";

export type RenderResult = RenderedBody | RenderFailure;

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

/** Below this many bodies to render, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 400;
const BATCH_SIZE = 100;
/**
 * Workers do not inherit the TypeScript loader (tsx) that runs this module, and Node 20 does
 * not honour `--import` in a worker's execArgv: a two-line bootstrap registers it first.
 */
const WORKER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then(({ register }) => { register(); return import(${JSON.stringify(new URL("./render-worker.ts", import.meta.url).href)}); });`;

export interface RenderAllOptions {
  cacheDir?: string;
  onProgress?: (message: string) => void;
  /** Worker threads to use; defaults to the machine's cores. 0 renders in this thread. */
  workers?: number;
}

export async function renderAll(bodies: readonly string[], options: RenderAllOptions = {}): Promise<RenderResult[]> {
  const cache = options.cacheDir ? join(options.cacheDir, "markdown") : undefined;
  if (cache) await mkdir(cache, { recursive: true });
  const keys = bodies.map(cacheKey);
  const results: (RenderResult | undefined)[] = cache ? await mapLimit(keys, 32, (key) => readCached(cache, key)) : new Array(bodies.length);
  const missing = bodies.flatMap((_, i) => (results[i] ? [] : [i]));
  const report = progressReporter(missing.length, options.onProgress);
  const workers = options.workers ?? availableParallelism();
  const rendered = missing.length >= WORKER_THRESHOLD && workers > 0 ? await renderInWorkers(missing.map((i) => bodies[i]!), workers, report) : renderHere(missing.map((i) => bodies[i]!), report);
  missing.forEach((index, i) => (results[index] = rendered[i]));
  const cacheable = missing.filter((index) => !("failure" in results[index]!));
  if (cache) await mapLimit(cacheable, 32, (index) => writeFile(join(cache, `${keys[index]}.json`), JSON.stringify(results[index])));
  return results as RenderResult[];
}

function renderHere(bodies: readonly string[], report: (done: number) => void): RenderResult[] {
  return bodies.map((body, i) => {
    const rendered = renderMarkdownSafely(body);
    report(i + 1);
    return rendered;
  });
}

/** Each worker takes the next batch when it finishes one, so uneven bodies balance out. */
async function renderInWorkers(bodies: readonly string[], count: number, report: (done: number) => void): Promise<RenderResult[]> {
  const results = new Array<RenderResult>(bodies.length);
  let next = 0;
  let done = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(WORKER_BOOTSTRAP, { eval: true });
      let start = 0;
      const send = () => {
        if (next >= bodies.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        start = next;
        next = Math.min(bodies.length, next + BATCH_SIZE);
        worker.postMessage(bodies.slice(start, next));
      };
      worker.on("message", (batch: RenderResult[]) => {
        batch.forEach((rendered, i) => (results[start + i] = rendered));
        done += batch.length;
        report(done);
        send();
      });
      worker.on("error", reject);
      send();
    });
  await Promise.all(Array.from({ length: Math.min(count, Math.ceil(bodies.length / BATCH_SIZE)) }, runWorker));
  return results;
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
