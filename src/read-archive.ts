// The pipeline up to the archive model: load → front matter → validate → Markdown → model.
// Used by the build, the dev server and `npm run check` alike, so they never disagree.
import { buildArchive, type ArchiveOptions } from "./archive/build.ts";
import type { Archive } from "./archive/model.ts";
import { dayIn } from "./content/dates.ts";
import { loadContent } from "./content/load.ts";
import { errorReason, type Problem, Problems } from "./content/problems.ts";
import { readSiteConfig } from "./content/site.ts";
import { validateContent } from "./content/validate.ts";
import { ValidateCache } from "./content/validate-cache.ts";
import { renderAll, type RenderJob, startWorkerEarly } from "./markdown/render-all.ts";

export interface ArchiveResult {
  /** Everything that validated. Never publish it when `ok` is false: files with errors are missing. */
  archive: Archive;
  ok: boolean;
  problems: Problem[];
  timings: { stage: string; ms: number }[];
}

export interface ReadOptions extends Omit<ArchiveOptions, "today"> {
  cacheDir?: string;
  /** The build's moment, injected: its day in the site's time zone is the model's `today`. */
  now?: Date;
  /** The dev server may show an archive of drafts only; anything that publishes may not. */
  draftsOnlyIsFine?: boolean;
  onProgress?: (message: string) => void;
  /** Longest one body may take to render, in milliseconds; the Markdown stage has a default. */
  markdownTimeLimitMs?: number;
  /** Images are read and measured, their variants not made (`npm run check`). */
  measureImagesOnly?: boolean;
}

export async function readArchive(contentDir: string, options: ReadOptions): Promise<ArchiveResult> {
  // A Markdown worker takes about a second to load: it does so while the archive is read.
  startWorkerEarly();
  const problems = new Problems();
  const timings: ArchiveResult["timings"] = [];
  const timed = async <T>(stage: string, work: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    const result = await work();
    timings.push({ stage, ms: performance.now() - start });
    return result;
  };

  const loaded = await timed("load", () => loadContent(contentDir, problems));
  const site = readSiteConfig(loaded.siteYaml, problems);
  // A cache that cannot be read or written costs time, never the build: it is a warning.
  const cacheProblem = (cache: string) => (reason: string) => {
    const fix = "free disk space or make the cache folder writable (DATELINE_CACHE_DIR moves it)";
    const message = `the ${cache} cache in ${options.cacheDir} could not be used (${reason}), ` +
      "so the next build does this work again";
    problems.warn(options.cacheDir ?? contentDir, "cache-unwritable", message, fix);
  };
  const content = await timed("validate", async () => {
    const onProblem = cacheProblem("validation");
    const cache = options.cacheDir
      ? await ValidateCache.open(options.cacheDir).catch((e: unknown) => onProblem(errorReason(e)))
      : undefined;
    const validated = validateContent(loaded.files, problems, cache ?? undefined);
    await cache?.save().catch((error: unknown) => onProblem(errorReason(error)));
    return validated;
  });
  const renderOptions = {
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    timeLimitMs: options.markdownTimeLimitMs,
    onCacheProblem: cacheProblem("Markdown"),
  };
  let markdownMs = 0;
  const render = async (bodies: readonly RenderJob[]) => {
    const start = performance.now();
    const rendered = await renderAll(bodies, renderOptions);
    markdownMs += performance.now() - start;
    return rendered;
  };
  const archiveOptions = {
    includeDrafts: options.includeDrafts,
    mentionHints: options.mentionHints ?? false,
    ...(options.publishedSlugs ? { publishedSlugs: options.publishedSlugs } : {}),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    onCacheProblem: cacheProblem("mention"),
    ...(options.now ? { today: dayIn(options.now, site.timezone) } : {}),
    images: {
      contentDir,
      ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
      ...(options.measureImagesOnly ? { measureOnly: true } : {}),
    },
  };
  const archive = await timed("model", () => buildArchive(content, site, archiveOptions, problems, render));
  timings.at(-1)!.ms -= markdownMs;
  const contentMissing = problems.list.some((problem) => problem.rule === "content-missing");
  if (!options.draftsOnlyIsFine && !contentMissing && archive.articles.every((article) => article.draft)) {
    problems.error(contentDir, "nothing-to-publish", "no article is ready to publish", "add Markdown files under articles/, or set draft: false on one");
  }
  timings.push({ stage: "markdown", ms: markdownMs });
  return { archive, ok: problems.errors.length === 0, problems: problems.list, timings };
}
