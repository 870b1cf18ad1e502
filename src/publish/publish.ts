// Stage 6 and after: the archive model through Eleventy's templates into pages, then the search
// index, in a staging folder that replaces the published site only when all of it succeeded.
import { readdir } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { Eleventy } from "@11ty/eleventy";
import type { Archive } from "../archive/model.ts";
import { type BuildOptions, PROJECT_ROOT } from "../config/options.ts";
import { ContentError, type Problem } from "../content/problems.ts";
import { nextRecord, RECORD_FILE, writePublishedUrls } from "../archive/published-urls.ts";
import { planSite } from "../pipeline.ts";
import { indexShards } from "../search/index-shards.ts";
import { pagefindVersion } from "../search/index-site.ts";
import { planShards } from "../search/shards.ts";
import { beginPublishing, type Publication, whyNotReplaceable, writeSiteMarker } from "./atomic.ts";
import { type PagePlan, type PageSelection, planPages, publishedShards, reusePages, writeManifest } from "./incremental.ts";
import { copyStaticFiles } from "./static-files.ts";


export interface PublishReport {
  archive: Archive;
  warnings: Problem[];
  pages: number;
  /** Pages taken unchanged from the published site instead of rendered again. */
  reused: number;
  searchPages: number;
  /** Search shards indexed by this build, and those taken unchanged from the published site. */
  searchShards: { indexed: string[]; reused: string[] };
  timings: { stage: string; ms: number }[];
}

export interface PublishHooks {
  onStage?: (message: string) => void;
}

type Mode = "build" | "preview";

/**
 * Publishes the archive (`build`), or a preview of it with drafts that goes on through
 * content errors and shows them on its pages (`preview`). Only `build` keeps the record of
 * published URLs.
 */
export async function publish(options: BuildOptions, hooks: PublishHooks = {}, mode: Mode = "build"): Promise<PublishReport> {
  // First the lock and the leftovers of killed builds (a site left in a killed build's swap is
  // put back), before anything looks at the output folder.
  const publication = await beginPublishing(options.outputDir);
  try {
    return await publishHeld(options, hooks, mode, publication);
  } finally {
    publication.end();
  }
}

async function publishHeld(options: BuildOptions, hooks: PublishHooks, mode: Mode, publication: Publication): Promise<PublishReport> {
  await refuseDangerousOutput(options);
  const say = hooks.onStage ?? (() => {});
  say("Reading the archive");
  const plan = await planSite(options, mode, { onProgress: say });
  const { archive, timings } = plan;
  if (!plan.ok && mode === "build") throw new ContentError(plan.problems);

  const staging = await publication.stage();
  try {
    say(`Writing pages for ${archive.articles.length.toLocaleString("en")} articles`);
    const pagesStart = performance.now();
    const pagePlan = await staging.step(() => planPages(archive, options.outputDir));
    await staging.step(() => reusePages(pagePlan, options.outputDir, staging.path));
    await staging.step(() => writePages(archive, pagePlan.render, staging.path));
    timings.push({ stage: "pages", ms: performance.now() - pagesStart });

    // A preview with static-file problems shows them on its pages, and publishes none.
    const copyStatic = () => copyStaticFiles(options.contentDir, staging.path);
    const staticProblems = await staging.step(copyStatic);
    if (staticProblems.length && mode === "build") throw new ContentError(staticProblems);
    await staging.step(() => writeSiteMarker(staging.path));

    say("Building the search index");
    const searchStart = performance.now();
    const search = await staging.step((signal) => buildSearch(archive, pagePlan, options, staging.path, signal));
    const { indexed, reused } = search;
    say(`Search shards indexed: ${indexed.join(", ") || "none"}; unchanged: ${reused.join(", ") || "none"}`);
    timings.push({ stage: "search", ms: performance.now() - searchStart });
    await staging.step(() => writeManifest(pagePlan, staging.path, search.record));

    const pages = await countPages(staging.path);
    // Made before the swap, so that once the site is public only writing the file can fail.
    const record = mode === "build" ? nextRecord(plan.record, plan.outputs, archive, options.contentDir) : undefined;
    await staging.commit();
    const warnings = plan.problems.filter((p) => p.severity === "warning");
    if (record !== undefined) await keepRecord(options, record, warnings);
    const searchShards = { indexed, reused };
    // Pages, as `pages` counts them: the feeds of authors and entities are reused too.
    const reusedPages = pagePlan.reuse.filter((file) => file.endsWith(".html")).length;
    const searchPages = search.pages;
    return { archive, warnings, pages, reused: reusedPages, searchPages, searchShards, timings };
  } catch (error) {
    await staging.discard();
    throw error;
  }
}

/** The search index in shards: only those whose pages changed are indexed again. */
async function buildSearch(archive: Archive, pagePlan: PagePlan, options: BuildOptions, stagingDir: string, signal: AbortSignal) {
  const { language } = archive.site;
  const context = { pageHashes: pagePlan.hashes, code: pagePlan.code, shell: pagePlan.shell, pagefindVersion: await pagefindVersion(), language };
  const shards = planShards(archive.articles, context);
  const previous = await publishedShards(options.outputDir);
  return indexShards(shards, { stagingDir, publishedDir: options.outputDir, previous, language, signal });
}

/** A record that cannot be written does not unpublish the site: it is a loud warning. */
async function keepRecord(options: BuildOptions, record: string, warnings: Problem[]): Promise<void> {
  try {
    await writePublishedUrls(options.contentDir, record);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    warnings.push({ severity: "warning", file: options.contentDir, rule: "url-record-unwritten", message: `the site was published, but ${RECORD_FILE} could not be written (${reason}), so its new URLs are not protected`, fix: "make the content folder writable and build again" });
  }
}

/**
 * Publishing replaces the whole output folder: it must never be a folder that holds the
 * archive or Dateline itself, nor one holding files that another program put there.
 */
async function refuseDangerousOutput({ contentDir, outputDir }: BuildOptions): Promise<void> {
  const output = resolve(outputDir);
  const holds = (folder: string) => {
    const inside = relative(output, resolve(folder));
    return inside === "" || (!inside.startsWith("..") && !isAbsolute(inside));
  };
  const clash = holds(contentDir) ? `the output folder holds the content folder ${contentDir}, which publishing would delete` : holds(PROJECT_ROOT) ? `the output folder holds Dateline's own folder ${PROJECT_ROOT}, which publishing would delete` : await whyNotReplaceable(outputDir);
  if (clash) {
    throw new ContentError([{ severity: "error", file: outputDir, rule: "output-not-replaceable", message: clash, fix: "set OUTPUT_DIR (or --output) to a new or empty folder, or to one Dateline built, such as _site" }]);
  }
}

/** Eleventy renders the selected pages; every template also sees the whole model. */
async function writePages(archive: Archive, pages: PageSelection, outputDir: string): Promise<void> {
  const previousCwd = process.cwd();
  // Eleventy resolves its input, config and passthrough paths against the working folder.
  process.chdir(PROJECT_ROOT);
  try {
    const eleventy = new Eleventy("layouts", outputDir, {
      configPath: ".eleventy.ts",
      quietMode: true,
      runMode: "build",
      config: (config) => {
        config.addGlobalData("archive", archive);
        config.addGlobalData("pages", pages);
      },
    });
    // Its summary line ("Wrote N files") is printed even in quiet mode; the build reports its own.
    eleventy.disableLogger();
    await eleventy.write();
  } finally {
    process.chdir(previousCwd);
  }
}

async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith(".html") && !entry.parentPath.includes("pagefind")).length;
}
