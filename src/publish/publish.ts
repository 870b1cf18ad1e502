// Stage 6 and after: the archive model through Eleventy's templates into pages, then the search
// index, in a staging folder that replaces the published site only when all of it succeeded.
import { readdir } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Eleventy } from "@11ty/eleventy";
import type { Archive } from "../archive/model.ts";
import type { BuildOptions } from "../config/options.ts";
import { ContentError, type Problem } from "../content/problems.ts";
import { readArchive } from "../read-archive.ts";
import { indexSite } from "../search/index-site.ts";
import { beginPublishing, type Publication } from "./atomic.ts";
import { whyNotReplaceable, writeSiteMarker } from "./atomic.ts";
import { copyStaticFiles } from "./static-files.ts";

/** Dateline's own folder: its layouts and Eleventy config, wherever the archive lives. */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface PublishReport {
  archive: Archive;
  warnings: Problem[];
  pages: number;
  searchPages: number;
  timings: { stage: string; ms: number }[];
}

export interface PublishHooks {
  onStage?: (message: string) => void;
}

export async function publish(options: BuildOptions, hooks: PublishHooks = {}): Promise<PublishReport> {
  // First the lock and the leftovers of killed builds (a site left in a killed build's swap is
  // put back), before anything looks at the output folder.
  const publication = await beginPublishing(options.outputDir);
  try {
    return await publishHeld(options, hooks, publication);
  } finally {
    publication.end();
  }
}

async function publishHeld(
  options: BuildOptions,
  hooks: PublishHooks,
  publication: Publication,
): Promise<PublishReport> {
  await refuseDangerousOutput(options);
  const say = hooks.onStage ?? (() => {});
  say("Reading the archive");
  const result = await readArchive(options.contentDir, { includeDrafts: options.includeDrafts, cacheDir: options.cacheDir, onProgress: say });
  const { archive, timings } = result;
  if (!result.ok) throw new ContentError(result.problems);

  const staging = await publication.stage();
  try {
    say(`Writing pages for ${archive.articles.length.toLocaleString("en")} articles`);
    const pagesStart = performance.now();
    await staging.step(() => writePages(archive, staging.path));
    timings.push({ stage: "pages", ms: performance.now() - pagesStart });

    const copyStatic = () => copyStaticFiles(options.contentDir, staging.path);
    const staticProblems = await staging.step(copyStatic);
    if (staticProblems.length) throw new ContentError(staticProblems);
    await staging.step(() => writeSiteMarker(staging.path));

    say("Building the search index");
    const searchStart = performance.now();
    const index = (signal: AbortSignal) => indexSite(staging.path, archive.site.language, signal);
    const search = await staging.step(index);
    timings.push({ stage: "search", ms: performance.now() - searchStart });

    const pages = await countPages(staging.path);
    await staging.commit();
    return { archive, warnings: result.problems.filter((p) => p.severity === "warning"), pages, searchPages: search.pages, timings };
  } catch (error) {
    await staging.discard();
    throw error;
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

async function writePages(archive: Archive, outputDir: string): Promise<void> {
  const previousCwd = process.cwd();
  // Eleventy resolves its input, config and passthrough paths against the working folder.
  process.chdir(PROJECT_ROOT);
  try {
    const eleventy = new Eleventy("layouts", outputDir, {
      configPath: ".eleventy.ts",
      quietMode: true,
      runMode: "build",
      config: (config) => config.addGlobalData("archive", archive),
    });
    await eleventy.write();
  } finally {
    process.chdir(previousCwd);
  }
}

async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith(".html") && !entry.parentPath.includes("pagefind")).length;
}
