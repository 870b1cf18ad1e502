// The pages stage's writing: Eleventy renders the selected pages of the archive model through
// the templates in layouts/ into the staging folder.
//
// A large selection is written in slices, one Eleventy run each: Eleventy keeps every page of a
// run (its data, its pagination and its output) until the run ends, so one run over the
// 160,000 pages of a 100,000-article archive would need many gigabytes (11ty/eleventy#2368
// and #3948 report runs out of memory between 30,000 and 190,000 pages). Even at 10,000
// articles one run held about 100 kB a page: the 6,000 entity pages of the bench's archive
// took 700 MB more than the model. A run starts in about 0.1 s, so slices are small.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Eleventy } from "@11ty/eleventy";
import type { Archive } from "../archive/model.ts";
import { PROJECT_ROOT } from "../config/options.ts";
import type { PageSelection } from "./incremental.ts";
import { releaseMemory } from "./release-memory.ts";

/**
 * The pages Eleventy renders: all but the icons, which src/icons/site-icons.ts draws, and the
 * feeds of authors and entities, which src/feeds/write-subject-feeds.ts writes.
 */
export type TemplatePages = Omit<PageSelection, "icons" | "authorFeeds" | "entityFeeds">;

/**
 * The most pages one Eleventy run renders: what a run holds stays near 200 MB, for about
 * 0.1 s of start-up per run (a second in all at 10,000 articles).
 */
export const PAGES_PER_RUN = 2_000;

const LAYOUTS = "layouts";
const TEMPLATE_SUFFIX = ".11ty.tsx";

export interface WriteOptions {
  /** Also the pages that are not one per item of a list (search, feeds, indexes). */
  singles?: boolean;
  pagesPerRun?: number;
}

/** Eleventy renders the selected pages, in slices; every template also sees the whole model. */
export async function writePages(
  archive: Archive,
  pages: TemplatePages,
  outputDir: string,
  { singles = true, pagesPerRun = PAGES_PER_RUN }: WriteOptions = {},
): Promise<void> {
  const ignored = await singlePageTemplates();
  const slices = pageSlices(pages, pagesPerRun);
  for (const [i, slice] of slices.entries()) {
    // The single pages once, in the first slice; a slice with nothing else to write is no run.
    const withSingles = singles && i === 0;
    if (!withSingles && Object.values(slice).every((list) => list.length === 0)) continue;
    await runEleventy(archive, slice, outputDir, withSingles ? [] : ignored);
    // What the run kept (about 100 kB a page) is garbage now: see release-memory.ts.
    releaseMemory();
  }
}

/**
 * The article pages alone, and every other page: the search index is made from the first,
 * and can be built while the second are written.
 */
export function articlesApart(pages: TemplatePages): [TemplatePages, TemplatePages] {
  const none = Object.fromEntries(Object.keys(pages).map((list) => [list, []]));
  const articles = { ...none, articles: pages.articles } as unknown as TemplatePages;
  return [articles, { ...pages, articles: [] }];
}

/** The selection cut into slices of at most `size` pages, list after list, in order. */
export function pageSlices(pages: TemplatePages, size: number): TemplatePages[] {
  const lists = Object.keys(pages) as (keyof TemplatePages)[];
  const empty = () => Object.fromEntries(lists.map((list) => [list, []])) as unknown as Slice;
  type Slice = Record<keyof TemplatePages, unknown[]>;
  const slices: Slice[] = [empty()];
  let room = size;
  for (const list of lists) {
    const items = pages[list] as readonly unknown[];
    for (let at = 0; at < items.length;) {
      if (room === 0) {
        slices.push(empty());
        room = size;
      }
      const taken = items.slice(at, at + room);
      slices.at(-1)![list].push(...taken);
      at += taken.length;
      room -= taken.length;
    }
  }
  return slices as unknown as TemplatePages[];
}

/**
 * The templates that are not paginated over a list of the selection (`pages.…`, see
 * layouts/page-context.ts), as paths Eleventy can ignore: read from the templates themselves,
 * so that a new one is never written twice.
 */
async function singlePageTemplates(): Promise<string[]> {
  const folder = join(PROJECT_ROOT, LAYOUTS);
  const names = (await readdir(folder)).filter((name) => name.endsWith(TEMPLATE_SUFFIX));
  const singles: string[] = [];
  for (const name of names.sort()) {
    const template = (await import(pathToFileURL(join(folder, name)).href)) as TemplateModule;
    const list = template.data?.pagination?.data;
    if (typeof list !== "string" || !list.startsWith("pages.")) singles.push(`${LAYOUTS}/${name}`);
  }
  return singles;
}

interface TemplateModule {
  data?: { pagination?: { data?: unknown } };
}

async function runEleventy(
  archive: Archive,
  pages: TemplatePages,
  outputDir: string,
  ignored: readonly string[],
): Promise<void> {
  const previousCwd = process.cwd();
  // Eleventy resolves its input, config and passthrough paths against the working folder.
  process.chdir(PROJECT_ROOT);
  try {
    const eleventy = new Eleventy(LAYOUTS, outputDir, {
      configPath: ".eleventy.ts",
      quietMode: true,
      runMode: "build",
      config: (config) => {
        config.addGlobalData("archive", archive);
        config.addGlobalData("pages", pages);
        for (const template of ignored) config.ignores.add(template);
      },
    });
    // Its summary line ("Wrote N files") is printed even in quiet mode; the build reports its own.
    eleventy.disableLogger();
    await eleventy.write();
  } finally {
    process.chdir(previousCwd);
  }
}
