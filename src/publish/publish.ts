// Stage 6 and after: the archive model through Eleventy's templates into pages, then the search
// index, in a staging folder that replaces the published site only when all of it succeeded.
import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Archive } from "../archive/model.ts";
import { type Output, outputFiles } from "../archive/pages.ts";
import { type BuildOptions, PROJECT_ROOT } from "../config/options.ts";
import { ContentError, errorReason, type Problem } from "../content/problems.ts";
import { nextRecord, RECORD_FILE, writePublishedUrls } from "../archive/published-urls.ts";
import { planSite } from "../pipeline.ts";
import { indexShards, type ShardJob, shardList } from "../search/index-shards.ts";
import { pagefindVersion } from "../search/index-site.ts";
import { planShards } from "../search/shards.ts";
import {
  beginPublishing, type Publication, SITE_MARKER, whyNotReplaceable, writeSiteMarker,
} from "./atomic.ts";
import {
  fillSpare, type PagePlan, planPages, preparePages, publishedShards, writeManifest,
} from "./incremental.ts";
import {
  copyStaticFiles, copyThemeAssets, STATIC_FOLDER, themeAssetFiles,
} from "./static-files.ts";
import { writeIcons } from "../icons/site-icons.ts";
import { writeSubjectFeeds } from "../feeds/write-subject-feeds.ts";
import { releaseMemory } from "./release-memory.ts";
import { articlesApart, writePages } from "./write-pages.ts";
import { publishImages } from "../images/publish-images.ts";


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
    // What reading the archive left behind (sources, Markdown's messages) goes before the pages.
    releaseMemory();
    const sites = { published: options.outputDir, staging: staging.path, recycled: staging.recycled };
    const pagePlan = await staging.step(() => planPages(archive, sites));
    await staging.step(() => preparePages(pagePlan, sites));
    const { icons, authorFeeds, entityFeeds, ...templated } = pagePlan.render;
    const [articlePages, otherPages] = articlesApart(templated);
    await staging.step(() => writePages(archive, articlePages, staging.path, { singles: false }));

    // The search index is made from the article pages alone: Pagefind indexes them in its own
    // process while this one writes the other pages, so that both cores work. A failure of
    // either stops the other, and nothing is left writing when the staging folder goes.
    say("Building the search index");
    const beside = new AbortController();
    let pagesWritten = () => {};
    const pagesDone = new Promise<void>((resolve) => (pagesWritten = resolve));
    let onStarted = () => {};
    const started = new Promise<void>((resolve) => (onStarted = resolve));
    const searching = staging.step((signal) => {
      const either = AbortSignal.any([signal, beside.signal]);
      const job = { signal: either, pagesDone, onStarted };
      return buildSearch(archive, pagePlan, options, staging.path, job);
    });
    // Awaited below, or after a failure of the pages: never an unhandled rejection meanwhile.
    const searchEnded = searching.catch(() => undefined);
    let waitStart = 0;
    // Eleventy holds this thread for long stretches: the search's own steps up to Pagefind's
    // start (a few dozen awaits) would each wait behind it. In a rebuild, Pagefind started at
    // the end of the pages rather than 0.5 s into them.
    await Promise.race([started, searchEnded]);
    try {
      await staging.step(() => writePages(archive, otherPages, staging.path));
      await staging.step(() => copyThemeAssets(staging.path));
      await staging.step(() => writeIcons(icons, staging.path));
      const feeds = [...authorFeeds, ...entityFeeds];
      await staging.step((signal) => writeSubjectFeeds(archive, feeds, staging.path, signal));
      // What writing the feeds left behind (each feed's text, written and let go) is collected
      // while Pagefind may still run.
      releaseMemory();
      pagesWritten();
      timings.push({ stage: "pages", ms: performance.now() - pagesStart });

      // A preview with static-file problems shows them on its pages, and publishes none.
      const copyStatic = () => copyStaticFiles(options.contentDir, staging.path);
      const staticProblems = await staging.step(copyStatic);
      if (staticProblems.length && mode === "build") throw new ContentError(staticProblems);
      await staging.step(() => publishImages(archive, options.cacheDir, staging.path));
      await staging.step(() => writeSiteMarker(staging.path));
      // The stages' times add up to the build's: "search" is what is left of it after the rest.
      waitStart = performance.now();
      // A first build makes the next one's spare while Pagefind finishes (fillSpare).
      const fill = (spare: string, signal: AbortSignal) =>
        fillSpare(pagePlan, staging.path, spare, { enough: searchEnded, signal });
      await staging.step((signal) => staging.makeSpare((spare) => fill(spare, signal)));
    } catch (error) {
      beside.abort();
      await searchEnded;
      throw error;
    }
    const search = await searching;
    const { indexed, reused } = search;
    say(`Search shards indexed: ${shardList(indexed)}; unchanged: ${shardList(reused)}`);
    timings.push({ stage: "search", ms: performance.now() - waitStart });
    const others = [...await otherFiles(plan.outputs, options.contentDir), ...archive.imageFiles];
    const writeRecord = () => writeManifest(pagePlan, staging.path, others, search.record);
    const pages = await staging.step(writeRecord);
    // Made before the swap, so that once the site is public only writing the file can fail.
    const record = mode === "build" ? nextRecord(plan.record, plan.outputs, archive, options.contentDir) : undefined;
    await staging.commit();
    const warnings = plan.problems.filter((p) => p.severity === "warning");
    if (record !== undefined) await keepRecord(options, record, warnings);
    const searchShards = { indexed, reused };
    // Pages, as `pages` counts them: the feeds of authors and entities are reused too.
    const linkedPages = pagePlan.link.filter((file) => file.endsWith(".html")).length;
    const unchanged = pagePlan.kept + linkedPages;
    const searchPages = search.pages;
    return { archive, warnings, pages, reused: unchanged, searchPages, searchShards, timings };
  } catch (error) {
    await staging.discard();
    throw error;
  }
}

/** The search index in shards: only those whose pages changed are indexed again. */
async function buildSearch(
  archive: Archive,
  pagePlan: PagePlan,
  options: BuildOptions,
  stagingDir: string,
  { signal, pagesDone, onStarted }: Required<Pick<ShardJob, "signal" | "pagesDone" | "onStarted">>,
) {
  const { language } = archive.site;
  const context = { searchHashes: pagePlan.searchHashes, code: pagePlan.code, shell: pagePlan.shell, pagefindVersion: await pagefindVersion(), language };
  const shards = planShards(archive.articles, context);
  const previous = await publishedShards(options.outputDir);
  const staged = pagePlan.stagedShards;
  const publishedDir = options.outputDir;
  const job = { stagingDir, publishedDir, previous, staged, language, signal, pagesDone, onStarted };
  // The shards' file hashes are remembered in the cache, so that a rebuild reads few of them.
  return indexShards(shards, { ...job, cacheDir: options.cacheDir });
}

/** A record that cannot be written does not unpublish the site: it is a loud warning. */
async function keepRecord(options: BuildOptions, record: string, warnings: Problem[]): Promise<void> {
  try {
    await writePublishedUrls(options.contentDir, record);
  } catch (error) {
    const reason = errorReason(error);
    warnings.push({ severity: "warning", file: options.contentDir, rule: "url-record-unwritten", message: `the site was published, but ${RECORD_FILE} could not be written (${reason}), so its new URLs are not protected`, fix: "make the content folder writable and build again" });
  }
}

/**
 * Publishing replaces the whole output folder: it must never be a folder that holds the
 * archive or Dateline itself, nor one holding files that another program put there.
 */
async function refuseDangerousOutput({ contentDir, outputDir }: BuildOptions): Promise<void> {
  const output = resolve(outputDir);
  const within = (outer: string, inner: string) => {
    const inside = relative(resolve(outer), resolve(inner));
    return inside === "" || (!inside.startsWith("..") && !isAbsolute(inside));
  };
  const holds = (folder: string) => within(output, folder);
  // A site in static/ would be published again inside itself; one in articles/, read as files.
  const read = ["articles", "entities", "authors", STATIC_FOLDER]
    .find((folder) => within(join(contentDir, folder), output));
  const clash = holds(contentDir) ? `the output folder holds the content folder ${contentDir}, which publishing would delete` : holds(PROJECT_ROOT) ? `the output folder holds Dateline's own folder ${PROJECT_ROOT}, which publishing would delete` : read ? `the output folder is inside ${read}/ of the content folder, whose files the build reads` : await whyNotReplaceable(outputDir);
  if (clash) {
    throw new ContentError([{ severity: "error", file: outputDir, rule: "output-not-replaceable", message: clash, fix: "set OUTPUT_DIR (or --output) to a new or empty folder, or to one Dateline built, such as _site" }]);
  }
}

/**
 * The site's files besides the manifest's pages, from the inventory of outputs and the two
 * folders copied as they are, rather than from a walk of 50,000 files and folders.
 * test/publish/incremental.test.ts checks that this list and the site agree.
 */
async function otherFiles(outputs: readonly Output[], contentDir: string): Promise<string[]> {
  const statics = await filesUnder(join(contentDir, STATIC_FOLDER));
  return [...outputFiles(outputs), ...(await themeAssetFiles()), ...statics, SITE_MARKER];
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  const path = (entry: Dirent) => relative(folder, join(entry.parentPath, entry.name));
  return entries.filter((entry) => entry.isFile()).map((entry) => path(entry).split(sep).join("/"));
}
