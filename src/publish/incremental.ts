// Incremental publishing: every page declares its inputs (the part of the model it shows),
// hashed into a manifest that travels with the site. A rebuild renders only the pages whose
// inputs changed and hard-links the others from the published site into the staging folder,
// so that publishing stays atomic and an unchanged page costs a link, not a render.
import { createHash } from "node:crypto";
import { copyFile, link, mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { z } from "zod";
import type { Archive, Article } from "../archive/model.ts";
import { fileForUrl, type SiteUrl } from "../content/paths.ts";
import { PROJECT_ROOT } from "../config/options.ts";
import { ShardRecord } from "../search/index-shards.ts";
import { authorFeeds, entityFeeds, type SubjectFeed } from "../feeds/feeds.ts";

/** The site folder's own record of what each page was made from. */
export const MANIFEST_FILE = ".dateline-manifest.json";

/** The lists that templates paginate, one page per item (see layouts/page-context.ts). */
export interface PageSelection {
  articles: Archive["articles"];
  homePages: Archive["homePages"];
  years: Archive["years"];
  months: Archive["months"];
  authors: Archive["authors"];
  entities: Archive["entities"];
  redirects: Archive["redirects"];
  withdrawn: Archive["withdrawn"];
  /** The Atom feeds of authors and entities (src/feeds/feeds.ts). */
  authorFeeds: SubjectFeed[];
  entityFeeds: SubjectFeed[];
}

type ListName = keyof PageSelection;
const LISTS: readonly ListName[] = [
  ...["articles", "homePages", "years", "months", "authors", "entities"] as const,
  ...["redirects", "withdrawn", "authorFeeds", "entityFeeds"] as const,
];

/** Every page and feed the archive has, list by list. */
function allPages(archive: Archive): PageSelection {
  const { articles, homePages, years, months, authors, entities, redirects, withdrawn } = archive;
  const lists = { articles, homePages, years, months, authors, entities, redirects, withdrawn };
  return { ...lists, authorFeeds: authorFeeds(archive), entityFeeds: entityFeeds(archive) };
}

const Manifest = z.strictObject({
  version: z.literal(1),
  /** Templates, code and dependencies: when they change, every page does. */
  code: z.string(),
  /** What every page's shell shows (site settings, the years in the footer…). */
  shell: z.string(),
  /** Site-folder path of each page → hash of its inputs, and the page's size in bytes. */
  pages: z.record(z.string(), z.tuple([z.string(), z.number()])),
  /** Search shards (src/search/index-shards.ts): what each was made from. */
  search: ShardRecord.optional(),
});
type Manifest = z.infer<typeof Manifest>;

export interface PagePlan {
  /** The pages to render: everything, or only what changed. */
  render: PageSelection;
  /** Site-folder paths of pages to take from the published site as they are. */
  reuse: string[];
  /** Input hashes of every page, for the next manifest. */
  hashes: Map<string, string>;
  code: string;
  shell: string;
}

/** Works out which pages must be rendered, given the published site and its manifest. */
export async function planPages(archive: Archive, publishedDir: string): Promise<PagePlan> {
  const code = await codeHash();
  const shell = hash(JSON.stringify(shellInputs(archive)));
  const hashes = new Map<string, string>();
  const previous = await readManifest(publishedDir);
  const usable = previous?.code === code && previous.shell === shell ? previous : undefined;
  const render = {} as Record<ListName, { url: SiteUrl }[]>;
  const reuse: string[] = [];
  const pages = allPages(archive);
  for (const list of LISTS) {
    render[list] = [];
    const isFeed = list === "authorFeeds" || list === "entityFeeds";
    for (const item of pages[list] as readonly { url: SiteUrl }[]) {
      const file = fileForUrl(item.url);
      const shown = isFeed ? feedInputs(item as SubjectFeed) : pageInputs(item);
      const inputs = hash(`${list}\n${shown}`);
      hashes.set(file, inputs);
      if (usable && (await unchanged(publishedDir, file, inputs, usable))) reuse.push(file);
      else render[list].push(item);
    }
  }
  return { render: render as unknown as PageSelection, reuse, hashes, code, shell };
}

/** Links the reused pages into the staging folder (a copy where links cannot be made). */
export async function reusePages(plan: PagePlan, publishedDir: string, stagingDir: string): Promise<void> {
  const folders = new Set(plan.reuse.map((file) => dirname(join(stagingDir, file))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  for (const file of plan.reuse) {
    const from = join(publishedDir, file);
    const to = join(stagingDir, file);
    await link(from, to).catch(() => copyFile(from, to));
  }
}

/** The search shards the published site's manifest records; none when it has no usable one. */
export async function publishedShards(publishedDir: string): Promise<ShardRecord | undefined> {
  return (await readManifest(publishedDir))?.search;
}

/** Records what each page (and search shard) of the finished staging folder was made from. */
export async function writeManifest(plan: PagePlan, stagingDir: string, search?: ShardRecord): Promise<void> {
  const pages: Manifest["pages"] = {};
  for (const [file, inputs] of plan.hashes) {
    const info = await stat(join(stagingDir, file)).catch(() => undefined);
    if (info) pages[file] = [inputs, info.size];
  }
  const manifest: Manifest = { version: 1, code: plan.code, shell: plan.shell, pages, search };
  await writeFile(join(stagingDir, MANIFEST_FILE), JSON.stringify(manifest));
}

/**
 * A manifest that cannot be read or does not fit is no manifest: the build renders everything.
 * A page whose size has changed since (a hand edit, a truncated copy) is rendered again. The
 * manifest holds no file times, so that the same content always publishes the same bytes.
 */
async function readManifest(siteDir: string): Promise<Manifest | undefined> {
  try {
    return Manifest.parse(JSON.parse(await readFile(join(siteDir, MANIFEST_FILE), "utf8")));
  } catch {
    return undefined;
  }
}

async function unchanged(siteDir: string, file: string, inputs: string, manifest: Manifest): Promise<boolean> {
  const entry = manifest.pages[file];
  if (!entry || entry[0] !== inputs) return false;
  const info = await stat(join(siteDir, file)).catch(() => undefined);
  return info !== undefined && info.isFile() && info.size === entry[1];
}

/**
 * What every page may show besides its own item: the site's settings and the page shell's
 * (layouts/components/Page.tsx). Settings that only shape the model (its lists' page size, the
 * withdrawn URLs) reach pages through their items, which are hashed on their own.
 */
function shellInputs(archive: Archive): unknown {
  const { withdrawn: _withdrawn, pageSize: _pageSize, ...site } = archive.site;
  return { site, years: archive.years.map((year) => year.url), problems: archive.problems, preview: archive.preview ?? false };
}

/**
 * A page's inputs: its own item, whole; articles it lists only as far as a list shows them,
 * so that editing an article's body re-renders its page and not every list it is in.
 */
export function pageInputs(item: unknown): string {
  return JSON.stringify(item, function (this: unknown, _key, value: unknown) {
    if (value !== item && isArticle(value)) return listedArticle(value);
    return value;
  });
}

/**
 * A feed's inputs: unlike a list, it shows its articles' bodies, last updates and entities
 * (src/feeds/feeds.ts, feedEntry), so all of those count.
 */
export function feedInputs(feed: SubjectFeed): string {
  const articles = feed.articles.map((article) => [
    ...(listedArticle(article) as unknown[]),
    article.updated,
    article.html,
    article.entities.map((entity) => entity.name),
  ]);
  return JSON.stringify([feed.url, feed.page, feed.name, articles]);
}

function isArticle(value: unknown): value is Article {
  return typeof value === "object" && value !== null && "wordCount" in value && "html" in value;
}

/** What layouts/components/ArticleList.tsx shows of an article. */
function listedArticle(article: Article): unknown {
  return [article.url, article.title, article.date, article.summary, article.draft, article.authors];
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
