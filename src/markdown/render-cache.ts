// The Markdown stage's cache on disk: one JSON file per rendered body, named by a hash of the
// body and of everything its HTML depends on. What is read back is checked against a schema:
// an entry that is not a rendered body (corrupt, truncated, of another shape, unreadable, a
// folder or a link) counts as missing, so the body is rendered again and the entry replaced.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { RenderedBody } from "./render.ts";

/** Bump when the Markdown pipeline's output changes, so old cache entries are not used. */
export const PIPELINE_VERSION = "3";

/**
 * What a cached body depends on besides its text: our pipeline's version and the installed
 * versions of every unified package in it, so that upgrading one (a rehype-sanitize security
 * fix, say) renders everything afresh.
 */
const CACHE_SALT = [PIPELINE_VERSION, ...markdownPackageVersions()].join("\n");

const MARKDOWN_PACKAGE =
  /node_modules\/(@[^/]+\/)?(unified|remark|rehype|micromark|mdast|hast|unist)[^/]*$/;

function markdownPackageVersions(): string[] {
  try {
    const lockFile = readFileSync(new URL("../../package-lock.json", import.meta.url), "utf8");
    const lock = JSON.parse(lockFile) as { packages?: Record<string, { version?: string }> };
    return Object.entries(lock.packages ?? {})
      .filter(([path]) => MARKDOWN_PACKAGE.test(path))
      .map(([path, { version }]) => `${path}@${version}`)
      .sort();
  } catch {
    return [];
  }
}

const CachedBody: z.ZodType<RenderedBody> = z.strictObject({
  html: z.string(),
  text: z.string(),
  wordCount: z.int().nonnegative(),
});

export class RenderCache {
  private constructor(private readonly dir: string) {}

  static async open(cacheDir: string): Promise<RenderCache> {
    const dir = join(cacheDir, "markdown");
    await mkdir(dir, { recursive: true });
    return new RenderCache(dir);
  }

  key(body: string): string {
    return createHash("sha256").update(CACHE_SALT).update("\0").update(body).digest("hex");
  }

  /**
   * The cached rendering, or undefined when there is none that can be trusted. Read
   * synchronously: a rebuild reads one entry per body, and for thousands of small files that
   * are in the page cache, Node's asynchronous reads took several times as long.
   */
  read(key: string): RenderedBody | undefined {
    try {
      const parsed = CachedBody.safeParse(JSON.parse(readFileSync(this.path(key), "utf8")));
      return parsed.success ? parsed.data : undefined;
    } catch {
      // Unreadable or not JSON: the same as no entry.
      return undefined;
    }
  }

  /**
   * Written beside the entry and renamed over it, so that an interrupted build never leaves a
   * truncated entry and a link in the entry's place is replaced, never written through.
   */
  async write(key: string, rendered: RenderedBody): Promise<void> {
    const path = this.path(key);
    const temporary = `${path}.${randomBytes(6).toString("hex")}.tmp`;
    await writeFile(temporary, JSON.stringify(rendered));
    try {
      await rename(temporary, path);
    } catch {
      // A folder (or anything else rename cannot replace) in the entry's place.
      await rm(path, { recursive: true, force: true });
      await rename(temporary, path).finally(() => rm(temporary, { force: true }));
    }
  }

  private path(key: string): string {
    return join(this.dir, `${key}.json`);
  }
}
