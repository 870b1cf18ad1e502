// One runner for `npm run build`, `npm start` and `npm run check`: the same stages in the same
// order (read the archive, build the model, take the inventory of URLs, check it), so that the
// three never disagree about what is wrong. They differ only in what they do with the plan.
import { relative } from "node:path";
import type { Archive } from "./archive/model.ts";
import { checkOutputClashes, type Output, outputFiles, siteOutputs } from "./archive/pages.ts";
import { checkPublishedUrls, type PublishedRecord, readPublishedUrls } from "./archive/published-urls.ts";
import type { BuildOptions } from "./config/options.ts";
import { type Problem, Problems } from "./content/problems.ts";
import { checkStaticFiles, themeAssetFiles } from "./publish/static-files.ts";
import { readArchive } from "./read-archive.ts";
import { ownIcons } from "./icons/own-icons.ts";

/** `build` publishes, `preview` shows drafts and keeps going through errors, `check` reports. */
export type RunMode = "build" | "preview" | "check";

export interface SitePlan {
  /** The model to render; in a preview, it carries the content errors to show on every page. */
  archive: Archive;
  outputs: Output[];
  record: PublishedRecord;
  /** Every problem, errors and warnings, in no particular order. */
  problems: Problem[];
  ok: boolean;
  timings: { stage: string; ms: number }[];
}

export interface PlanHooks {
  onProgress?: (message: string) => void;
}

export async function planSite(options: BuildOptions, mode: RunMode, hooks: PlanHooks = {}): Promise<SitePlan> {
  const problems = new Problems();
  const record = await readPublishedUrls(options.contentDir, problems);
  const result = await readArchive(options.contentDir, {
    includeDrafts: mode === "preview",
    draftsOnlyIsFine: mode === "preview",
    cacheDir: options.cacheDir,
    publishedSlugs: record.slugs,
    mentionHints: true,
    // A check writes nothing and is quick: images are measured, their variants made by a build.
    measureImagesOnly: mode === "check",
    ...(options.now ? { now: options.now } : {}),
    ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
  });
  for (const problem of result.problems) problems.add(problem);
  const read = await withOwnIcons(result.archive, options.contentDir);
  const outputs = siteOutputs(read);
  checkOutputClashes(outputs, problems, options.contentDir);
  // A preview shows drafts and work in progress: the record is the published site's business.
  if (mode !== "preview") checkPublishedUrls(record, outputs, read, options.contentDir, problems);
  // The theme's files are in the site too: `npm run check` must refuse a static file that
  // would replace one, as the build does.
  const siteFiles = new Set([...outputFiles(outputs), ...(await themeAssetFiles())]);
  const staticProblems = await checkStaticFiles(options.contentDir, siteFiles);
  for (const problem of staticProblems) problems.add(problem);
  const ok = problems.errors.length === 0;
  const shown = problems.errors.map((problem) => ({ ...problem, file: relative(options.workingDir, problem.file) }));
  const archive = mode === "preview" ? withProblems(read, shown) : read;
  return { archive, outputs, record, problems: problems.list, ok, timings: result.timings };
}

/** The archive, with the icons its static folder provides (src/icons/own-icons.ts). */
async function withOwnIcons(archive: Archive, contentDir: string): Promise<Archive> {
  const own = await ownIcons(contentDir);
  return own.length ? Object.freeze({ ...archive, ownIcons: own }) : archive;
}

function withProblems(archive: Archive, errors: readonly Problem[]): Archive {
  return Object.freeze({ ...archive, problems: [...errors], preview: true });
}
