// Renders every body of the archive. Each result is cached on disk by a hash of the body and
// of the pipeline's version, so a rebuild only renders what changed.
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { mapLimit } from "../content/load.ts";
import { type RenderedBody, renderMarkdown } from "./render.ts";

/** Bump when the Markdown pipeline's output changes, so old cache entries are not used. */
export const PIPELINE_VERSION = "2";

export interface RenderAllOptions {
  cacheDir?: string;
  onProgress?: (message: string) => void;
}

export async function renderAll(bodies: readonly string[], options: RenderAllOptions = {}): Promise<RenderedBody[]> {
  const cache = options.cacheDir ? join(options.cacheDir, "markdown") : undefined;
  if (cache) await mkdir(cache, { recursive: true });
  let done = 0;
  const report = progressReporter(bodies.length, options.onProgress);
  return mapLimit(bodies, 16, async (body) => {
    const rendered = cache ? await cachedRender(cache, body) : renderMarkdown(body);
    report(++done);
    return rendered;
  });
}

async function cachedRender(cache: string, body: string): Promise<RenderedBody> {
  const file = join(cache, `${createHash("sha256").update(PIPELINE_VERSION).update("\0").update(body).digest("hex")}.json`);
  try {
    return JSON.parse(await readFile(file, "utf8")) as RenderedBody;
  } catch {
    const rendered = renderMarkdown(body);
    await writeFile(file, JSON.stringify(rendered));
    return rendered;
  }
}

function progressReporter(total: number, onProgress?: (message: string) => void): (done: number) => void {
  if (!onProgress || total < 2000) return () => {};
  const step = Math.ceil(total / 10);
  return (done) => {
    if (done % step === 0 || done === total) onProgress(`Rendering Markdown: ${done.toLocaleString("en")} of ${total.toLocaleString("en")}`);
  };
}
