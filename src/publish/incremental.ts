// Incremental publishing: every page declares its inputs (the part of the model it shows),
// hashed into a manifest that travels with the site. A rebuild renders only the pages whose
// inputs changed. It starts from the site before the published one when one is kept (the
// spare, src/publish/atomic.ts), removing only what differs there, and hard-links the pages
// the spare lacks from the published site, so that publishing stays atomic and an unchanged
// page costs nothing, or a link.
import { createHash } from "node:crypto";
import {
  copyFileSync, linkSync, mkdirSync, rmdirSync, rmSync, statSync, unlinkSync,
} from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { z } from "zod";
import type { Archive, Article } from "../archive/model.ts";
import { fileForUrl, type SiteUrl } from "../content/paths.ts";
import { linkedIcons } from "../archive/pages.ts";
import { PROJECT_ROOT } from "../config/options.ts";
import { ShardRecord } from "../search/index-shards.ts";
import { authorFeeds, entityFeeds, type SubjectFeed } from "../feeds/feeds.ts";
import { type SiteIcon, siteIcons } from "../icons/site-icons.ts";
import {
  articleInputTexts, feedInputText, iconInputText, pageInputText,
} from "./page-inputs.ts";

/** The site folder's own record of what each page was made from. */
export const MANIFEST_FILE = ".dateline-manifest.json";

/** The lists that templates paginate, one page per item (see layouts/page-context.ts). */
export interface PageSelection {
  articles: Archive["articles"];
  homePages: Archive["homePages"];
  years: Archive["years"];
  months: Archive["months"];
  authorPages: Archive["authorPages"];
  entityPages: Archive["entityPages"];
  /** The entities index by name and by count: its entries' names, pages and counts. */
  entityIndexPages: Archive["entityIndexPages"];
  redirects: Archive["redirects"];
  withdrawn: Archive["withdrawn"];
  /** The Atom feeds of authors and entities (src/feeds/feeds.ts). */
  authorFeeds: SubjectFeed[];
  entityFeeds: SubjectFeed[];
  /** The site's icons (src/icons/site-icons.ts), drawn from its title, not by Eleventy. */
  icons: SiteIcon[];
}

type ListName = keyof PageSelection;
/** The lists whose pages show every year of the archive (layouts/components/Page.tsx). */
const YEAR_LISTS: ReadonlySet<ListName> = new Set(["homePages", "years", "months"]);
const LISTS: readonly ListName[] = [
  ...["articles", "homePages", "years", "months", "authorPages", "entityPages"] as const,
  "entityIndexPages",
  ...["redirects", "withdrawn", "authorFeeds", "entityFeeds", "icons"] as const,
];
const FEED_LISTS: ReadonlySet<ListName> = new Set(["authorFeeds", "entityFeeds"]);

/** Every page and feed the archive has, list by list. */
function allPages(archive: Archive): PageSelection {
  const { articles, homePages, years, months, authorPages, entityPages } = archive;
  const lists = {
    articles, homePages, years, months, authorPages, entityPages,
    entityIndexPages: archive.entityIndexPages,
  };
  const { redirects, withdrawn } = archive;
  const feeds = { authorFeeds: authorFeeds(archive), entityFeeds: entityFeeds(archive) };
  return { ...lists, redirects, withdrawn, ...feeds, icons: siteIcons(archive) };
}

const Manifest = z.strictObject({
  version: z.literal(2),
  /** Templates, code and dependencies: when they change, every page does. */
  code: z.string(),
  /** What every page's shell shows (site settings, content errors in a preview…). */
  shell: z.string(),
  /** Site-folder path of each page → hash of its inputs, and the page's size in bytes. */
  pages: z.record(z.string(), z.tuple([z.string(), z.number()])),
  /** Every other file outside /pagefind/ (feeds, assets, static files): written every build. */
  others: z.array(z.string()),
  /** Search shards (src/search/index-shards.ts): what each was made from. */
  search: ShardRecord.optional(),
});
type Manifest = z.infer<typeof Manifest>;

/** The two sites a build starts from. */
export interface Sites {
  published: string;
  staging: string;
  /** The staging folder holds an older site (src/publish/atomic.ts, `spareFor`). */
  recycled: boolean;
}

export interface PagePlan {
  /** The pages to render: everything, or only what changed. */
  render: PageSelection;
  /** Site-folder paths of pages to link from the published site as they are. */
  link: string[];
  /** Pages (HTML, not feeds) the recycled staging folder already holds as they should be. */
  kept: number;
  /**
   * Files of a recycled staging folder to remove before anything is written: they are stale,
   * or written again by every build. Nothing there is ever written in place, since it may be a
   * hard link to a file of the published site.
   */
  remove: string[];
  /** The recycled folder's files are unknown (no usable manifest): empty it instead. */
  emptyStaging: boolean;
  /** Input hashes of every page, for the next manifest. */
  hashes: Map<string, string>;
  /** Hashes of what each article page gives the search index, by site-folder path. */
  searchHashes: Map<string, string>;
  /** Sizes of the pages kept or linked, as their manifests recorded and the disk confirmed. */
  sizes: Map<string, number>;
  code: string;
  shell: string;
  /** The search shards the recycled staging folder holds, when they can be trusted. */
  stagedShards: ShardRecord | undefined;
}

/** Pages whose inputs and size match one of the two sites' manifests are not rendered. */
export async function planPages(archive: Archive, sites: Sites): Promise<PagePlan> {
  const code = await codeHash();
  const shell = hash(JSON.stringify(shellInputs(archive)));
  const fits = (manifest: Manifest | undefined) =>
    manifest?.code === code && manifest.shell === shell ? manifest : undefined;
  // The icons show the title and nothing else of the shell: a new description, a content
  // error in a preview, a new entity type in the navigation leave them as they are.
  const fitsCode = (manifest: Manifest | undefined) =>
    manifest?.code === code ? manifest : undefined;
  const years = `\n${archive.years.map((year) => year.url).join(" ")}`;
  const publishedManifest = await readManifest(sites.published);
  const published = fits(publishedManifest);
  const recorded = sites.recycled ? await readManifest(sites.staging) : undefined;
  // Made by other code, the folder may hold files that this code no longer knows to remove.
  const base = recorded?.code === code ? recorded : undefined;
  const staged = fits(base);
  const plan: PagePlan = {
    render: {} as PageSelection, link: [], kept: 0, remove: [], hashes: new Map(),
    searchHashes: new Map(),
    sizes: new Map(), code, shell, emptyStaging: sites.recycled && !base,
    stagedShards: base?.search,
  };
  const render = plan.render as unknown as Record<ListName, { url: SiteUrl }[]>;
  const pages = allPages(archive);
  for (const list of LISTS) {
    render[list] = [];
    const [fromStaging, fromPublished] =
      list === "icons" ? [base, fitsCode(publishedManifest)] : [staged, published];
    for (const item of pages[list] as readonly { url: SiteUrl }[]) {
      const file = fileForUrl(item.url);
      const article = list === "articles" ? articleInputTexts(item as Article) : undefined;
      const shown = article?.page ?? inputText(list, item);
      const inputs = hash(`${list}\n${shown}${YEAR_LISTS.has(list) ? years : ""}`);
      plan.hashes.set(file, inputs);
      if (article) plan.searchHashes.set(file, hash(article.search));
      const size = sizeIfUnchanged(sites.staging, file, inputs, fromStaging);
      if (size !== undefined) {
        if (file.endsWith(".html")) plan.kept += 1;
        plan.sizes.set(file, size);
        continue;
      }
      if (base?.pages[file]) plan.remove.push(file);
      const linked = sizeIfUnchanged(sites.published, file, inputs, fromPublished);
      if (linked !== undefined) {
        plan.link.push(file);
        plan.sizes.set(file, linked);
      } else {
        render[list].push(item);
      }
    }
  }
  if (base) plan.remove.push(...staleFiles(base, plan.hashes));
  return plan;
}

/** What a page, feed or icon shows, as text to hash. */
function inputText(list: ListName, item: unknown): string {
  if (list === "icons") return iconInputText(item as SiteIcon);
  return FEED_LISTS.has(list) ? feedInputText(item as SubjectFeed) : pageInputs(item);
}

/** A recycled folder's pages that the site no longer has, its other files and its manifest. */
function staleFiles(base: Manifest, pages: ReadonlyMap<string, string>): string[] {
  const gone = Object.keys(base.pages).filter((file) => !pages.has(file));
  return [...gone, ...base.others, MANIFEST_FILE];
}

/**
 * Brings the staging folder to the pages that need no rendering: removes what is stale from a
 * recycled folder (and folders left empty), then links the pages to take from the published
 * site (a copy where links cannot be made). Synchronous calls: see `sizeIfUnchanged`.
 */
export async function preparePages(plan: PagePlan, sites: Sites): Promise<void> {
  const { staging, published } = sites;
  if (plan.emptyStaging) {
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging);
  }
  for (const file of plan.remove) {
    removeFile(join(staging, file));
    // A page to be written again keeps its folder; a page gone for good takes it along.
    if (!plan.hashes.has(file)) removeEmptyFolders(staging, dirname(file));
  }
  const folders = new Set(plan.link.map((file) => dirname(join(staging, file))));
  for (const folder of folders) mkdirSync(folder, { recursive: true });
  for (const file of plan.link) {
    const [from, to] = [join(published, file), join(staging, file)];
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  }
}

function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") rmSync(path, { recursive: true, force: true });
  }
}

/** Removes `folder` and its parents up to the site's root while they are empty. */
function removeEmptyFolders(site: string, folder: string): void {
  for (let at = folder; at !== "." && at !== "" && at !== "/"; at = dirname(at)) {
    try {
      rmdirSync(join(site, at));
    } catch {
      return;
    }
  }
}

/** The search shards the published site's manifest records; none when it has no usable one. */
export async function publishedShards(publishedDir: string): Promise<ShardRecord | undefined> {
  return (await readManifest(publishedDir))?.search;
}

/**
 * Records what each page (and search shard) of the finished staging folder was made from, and
 * the site's other files outside /pagefind/ (`others`: feeds, assets, static files), which the
 * next build that starts from this folder removes. Returns the number of HTML pages.
 */
export async function writeManifest(
  plan: PagePlan,
  stagingDir: string,
  others: Iterable<string>,
  search?: ShardRecord,
): Promise<number> {
  const pages = pageEntries(plan, plan.hashes.keys(), stagingDir);
  const rest = [...new Set(others)].filter((file) => !plan.hashes.has(file)).sort();
  const manifest: Manifest = { version: 2, code: plan.code, shell: plan.shell, pages, others: rest, search };
  await writeFile(join(stagingDir, MANIFEST_FILE), JSON.stringify(manifest));
  return [...plan.hashes.keys(), ...rest].filter((file) => file.endsWith(".html")).length;
}

function pageEntries(plan: PagePlan, files: Iterable<string>, siteDir: string): Manifest["pages"] {
  const pages: Manifest["pages"] = {};
  for (const file of files) {
    const size = plan.sizes.get(file) ?? statSync(join(siteDir, file)).size;
    pages[file] = [plan.hashes.get(file)!, size];
  }
  return pages;
}

/** Pages linked into a spare between two looks at whether to go on. */
const SPARE_BATCH = 200;

/**
 * Fills a first build's spare (src/publish/atomic.ts, `makeSpare`): hard links to the staging
 * folder's pages, with a manifest of those, until `enough` settles (Pagefind has finished),
 * so that it costs the build nothing. Without it the next build, the first edit after a first
 * build, found no spare and linked every page afresh: at 10,000 articles, 17,000 links and
 * 10,000 folders, 3 s of a 7.5 s rebuild on this machine's disk. A spare of some pages is as
 * good as far as it goes: the next build links the rest from the published site.
 */
export async function fillSpare(
  plan: PagePlan,
  stagingDir: string,
  spare: string,
  { enough, signal }: { enough: Promise<unknown>; signal: AbortSignal },
): Promise<void> {
  let done = false;
  void enough.finally(() => (done = true));
  const files = [...plan.hashes.keys()];
  const linked: string[] = [];
  try {
    while (linked.length < files.length && !done && !signal.aborted) {
      const batch = files.slice(linked.length, linked.length + SPARE_BATCH);
      const folders = new Set(batch.map((file) => dirname(join(spare, file))));
      for (const folder of folders) mkdirSync(folder, { recursive: true });
      for (const file of batch) {
        linkSync(join(stagingDir, file), join(spare, file));
        linked.push(file);
      }
      // A turn of the event loop, to hear that Pagefind has finished.
      await new Promise(setImmediate);
    }
  } catch {
    // Only a cache (a file system without hard links, say): the spare holds what it holds.
  }
  const pages = pageEntries(plan, linked, stagingDir);
  const manifest: Manifest = { version: 2, code: plan.code, shell: plan.shell, pages, others: [] };
  await writeFile(join(spare, MANIFEST_FILE), JSON.stringify(manifest));
}

/**
 * A manifest that cannot be read or does not fit is no manifest: the build renders everything.
 * The manifest holds no file times, so that the same content always publishes the same bytes.
 */
async function readManifest(siteDir: string): Promise<Manifest | undefined> {
  try {
    return Manifest.parse(JSON.parse(await readFile(join(siteDir, MANIFEST_FILE), "utf8")));
  } catch {
    return undefined;
  }
}

/**
 * The page's size when the manifest records the same inputs and the file on disk has the size
 * it recorded; a page whose size has changed since (a hand edit, a truncated copy) is rendered
 * again. Synchronous: tens of thousands of small calls, each far cheaper than a round trip
 * through libuv's thread pool.
 */
function sizeIfUnchanged(siteDir: string, file: string, inputs: string, manifest: Manifest | undefined): number | undefined {
  const entry = manifest?.pages[file];
  if (!entry || entry[0] !== inputs) return undefined;
  const info = statSync(join(siteDir, file), { throwIfNoEntry: false });
  return info?.isFile() && info.size === entry[1] ? entry[1] : undefined;
}

/**
 * What every page may show besides its own item: the site's settings and the page shell's
 * (layouts/components/Page.tsx). Settings that only shape the model (its lists' page size, the
 * withdrawn URLs) reach pages through their items, which are hashed on their own.
 */
function shellInputs(archive: Archive): unknown {
  const { withdrawn: _withdrawn, pageSize: _pageSize, ...site } = archive.site;
  // The navigation names the entity types the archive has (layouts/components/Page.tsx).
  const types = archive.entityGroups.map((group) => group.type);
  // Which icons the head links: the archive's own or the drawn ones (src/archive/pages.ts).
  const icons = linkedIcons(archive);
  return { site, problems: archive.problems, preview: archive.preview ?? false, types, icons };
}

/**
 * A page's inputs: its own item, whole; articles it lists only as far as a list shows them,
 * so that editing an article's body re-renders its page and not every list it is in.
 */
export function pageInputs(item: unknown): string {
  return pageInputText(item);
}

/** One hash of the code that makes pages: templates, Dateline's source and the lock file. */
async function codeHash(): Promise<string> {
  const digest = createHash("sha256");
  const files = [".eleventy.ts", "package-lock.json", ...(await sourceFiles("layouts")), ...(await sourceFiles("src"))];
  for (const file of files.sort()) digest.update(`${file}\0`).update(await readFile(join(PROJECT_ROOT, file))).update("\0");
  return digest.digest("hex");
}

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(join(PROJECT_ROOT, folder), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(PROJECT_ROOT, join(entry.parentPath, entry.name)).split(sep).join("/"));
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("base64url");
}
