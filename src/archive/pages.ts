// The inventory of everything the archive publishes, by URL: the one list that the sitemap,
// the clash checks, the static-file check and the record of published URLs all read.
import { fileForUrl, type SiteUrl, siteUrl, type SourcePath } from "../content/paths.ts";
import { join } from "node:path";
import type { Place, Problems } from "../content/problems.ts";
import type { Archive, Article } from "./model.ts";
import { HEADLINE_FILE_URLS } from "../search/headlines.ts";
import { NAME_FILE_URLS } from "../search/names.ts";

export type OutputKind = "home" | "article" | "year" | "month" | "author" | "entity" | "page" | "file" | "redirect" | "withdrawn";

export interface Output {
  url: SiteUrl;
  kind: OutputKind;
  /** What is there, in an editor's words: `article "Headline"`. */
  label: string;
  /** The content file that asks for it, when one does. */
  sourcePath?: SourcePath;
  place?: Place;
  /** `YYYY-MM-DD` of the newest article shown, where the page shows articles. */
  lastmod?: string;
}

export interface PageEntry {
  url: string;
  lastmod?: string;
}

/** The list of every correction, and its Atom feed. */
export const CORRECTIONS_URL = "/corrections/";
export const CORRECTIONS_FEED_URL = "/corrections/feed.xml";

/** Pages at fixed URLs, whatever the archive holds (the entities index is paginated). */
export const FIXED_PAGES = ["/authors/", "/search/", CORRECTIONS_URL];
/** Files at fixed URLs that are not pages a reader browses. */
/** The search page's script, bundled by layouts/search-script.11ty.tsx at each build. */
export const SEARCH_SCRIPT_URL = "/assets/search.js";
export const FIXED_FILES = [
  "/404.html",
  "/feed.xml",
  "/rss.xml",
  "/feed.json",
  "/sitemap.xml",
  "/news-sitemap.xml",
  CORRECTIONS_FEED_URL,
  "/robots.txt",
  ...NAME_FILE_URLS,
  ...HEADLINE_FILE_URLS,
  SEARCH_SCRIPT_URL,
];

/** The site's icons, drawn from its title at each build (src/icons/site-icons.ts). */
export type IconFormat = "svg" | "ico" | "png";
export const ICON_URLS: Readonly<Record<IconFormat, string>> = {
  svg: "/favicon.svg",
  ico: "/favicon.ico",
  png: "/apple-touch-icon.png",
};
const ICON_FORMATS = Object.keys(ICON_URLS) as IconFormat[];

/**
 * The icons every page links: the archive's own, when its static folder has any (a newsroom's
 * logo is better than a drawn initial, and a drawn SVG beside its own ICO would win in most
 * browsers), otherwise those the build draws; the ICO only where there is no SVG. Chromium
 * fetches every icon linked on a first visit, two requests where one serves; a browser that
 * cannot show an SVG icon asks for /favicon.ico unprompted, and finds it published.
 */
export function linkedIcons(archive: Pick<Archive, "ownIcons">): IconFormat[] {
  const icons = archive.ownIcons?.length ? archive.ownIcons : ICON_FORMATS;
  return icons.includes("svg") ? icons.filter((format) => format !== "ico") : icons;
}

/** The icons the build draws: none when the archive has its own. */
export function drawnIcons(archive: Pick<Archive, "ownIcons">): IconFormat[] {
  return archive.ownIcons?.length ? [] : ICON_FORMATS;
}

/** Kinds that readers and search engines browse: the sitemap's. */
const BROWSED = new Set<OutputKind>(["home", "article", "year", "month", "author", "entity", "page"]);
/** Kinds whose URLs are permanent once published (see published-urls.ts). */
export const PERMANENT = new Set<OutputKind>(["article", "year", "month", "author", "entity", "redirect", "withdrawn"]);

/**
 * A page's full address, for feeds, the sitemap and canonical links, made by the URL API so
 * that it is percent-encoded as a URL must be: `/entities/東京/` is written
 * `/entities/%E6%9D%B1%E4%BA%AC/`. `path` is a root-relative URL of this site (`//host/…`
 * would name another site).
 */
export function absoluteUrl(archive: Archive, path: string): string {
  if (!/^\/(?![/\\])/.test(path)) throw new Error(`not a path on this site: ${path}`);
  return new URL(path, archive.site.url).href;
}

/** The Atom feed of an author's or entity's page, beside it. */
export function subjectFeedUrl(page: SiteUrl): SiteUrl {
  return siteUrl(`${page}feed.xml`);
}

export function siteOutputs(archive: Archive): Output[] {
  const outputs: Output[] = [];
  const add = (url: SiteUrl, kind: OutputKind, label: string, articles: readonly Article[] = [], from: { sourcePath?: SourcePath; place?: Place } = {}) => {
    const newest = articles[0];
    outputs.push({ url, kind, label, ...from, ...(newest ? { lastmod: (newest.updated ?? newest.date).iso } : {}) });
  };
  for (const page of archive.homePages) add(page.url, "home", `page ${page.pageNumber} of the latest articles`, page.articles);
  for (const article of archive.articles) add(article.url, "article", `article "${article.title}"`, [article], article);
  for (const year of archive.years) add(year.url, "year", `the archive of ${year.year}`, year.months[0]?.articles);
  for (const month of archive.months) {
    const name = `the archive of ${month.year}-${String(month.month).padStart(2, "0")}`;
    if (month.pageNumber === 1) add(month.url, "month", name, month.articles);
    else add(month.url, "page", `page ${month.pageNumber} of ${name}`, month.articles);
  }
  for (const author of archive.authors) add(author.url, "author", `the page of author "${author.name}"`, author.articles, author);
  for (const entity of archive.entities) add(entity.url, "entity", `the page of "${entity.name}"`, entity.articles, entity);
  for (const { url, name } of archive.authors) {
    add(subjectFeedUrl(url), "file", `the feed of author "${name}"`);
  }
  for (const { url, name } of archive.entities) add(subjectFeedUrl(url), "file", `the feed of "${name}"`);
  for (const page of archive.authorPages) {
    if (page.pageNumber > 1) add(page.url, "page", `page ${page.pageNumber} of author "${page.profile.name}"`, page.articles);
  }
  for (const page of archive.entityPages) {
    if (page.pageNumber > 1) add(page.url, "page", `page ${page.pageNumber} of "${page.profile.name}"`, page.articles);
  }
  for (const url of FIXED_PAGES) add(siteUrl(url), "page", `the page ${url}`);
  for (const page of archive.entityIndexPages) {
    const index = `the entities index ${page.firstUrl}`;
    add(page.url, "page", page.pageNumber > 1 ? `page ${page.pageNumber} of ${index}` : index);
  }
  for (const url of FIXED_FILES) add(siteUrl(url), "file", `the file ${url}`);
  for (const format of drawnIcons(archive)) {
    add(siteUrl(ICON_URLS[format]), "file", `the site's icon ${ICON_URLS[format]}`);
  }
  for (const redirect of archive.redirects) add(redirect.url, "redirect", `a redirect to "${redirect.title}"`, [], redirect);
  for (const page of archive.withdrawn) add(page.url, "withdrawn", "a notice that the page was withdrawn");
  return outputs;
}

/** Pages a search engine has nothing to take from: the search page, empty until one types. */
const UNLISTED = new Set(["/search/"]);

/** Every page for the sitemap, with the date of its newest article where it has one. */
export function pageEntries(archive: Archive): PageEntry[] {
  return siteOutputs(archive)
    .filter((output) => BROWSED.has(output.kind) && !UNLISTED.has(output.url))
    .map(({ url, lastmod }) => (lastmod ? { url, lastmod } : { url }));
}

/** The files a build writes for these outputs, as paths in the site folder. */
export function outputFiles(outputs: readonly Output[]): Set<string> {
  return new Set(outputs.map((output) => fileForUrl(output.url)));
}

/**
 * Folders the build fills with files of its own besides the inventory's, which change from
 * one version of Dateline (or one archive size) to the next: Pagefind's index and the copied
 * layouts/assets. A redirect or withdrawn notice there would meet them sooner or later.
 */
export const BUILT_FOLDERS = ["pagefind/", "assets/"];

/**
 * Two outputs written to one file would leave one of them unpublished without a word (or stop
 * Eleventy with an error that names no content file): each clash is an error at its source.
 * So is an output that needs a folder where another is a file (`/feed.xml/` beside
 * `/feed.xml`), and a redirect or withdrawn notice in one of the BUILT_FOLDERS.
 */
export function checkOutputClashes(outputs: readonly Output[], problems: Problems, contentDir: string): void {
  const byFile = new Map<string, Output>();
  const report = (clashing: Output, kept: Output | string) => {
    const where = clashing.sourcePath ?? join(contentDir, "site.yaml");
    const key = clashing.kind === "redirect" ? "aliases"
      : clashing.kind === "withdrawn" ? "withdrawn" : undefined;
    const what = typeof kept === "string" ? kept : `already ${kept.label}`;
    const message = `${clashing.label} would be published at ${clashing.url}, which is ${what}`;
    const fix = key ? `remove ${clashing.url} from ${key}`
      : "give one of the two another slug or name";
    problems.error(where, "url-clash", message, fix, clashing.place);
  };
  for (const output of outputs) {
    const file = fileForUrl(output.url);
    const first = byFile.get(file);
    if (!first) {
      byFile.set(file, output);
      continue;
    }
    const [kept, clashing] = output.sourcePath || !first.sourcePath ? [first, output] : [output, first];
    report(clashing, kept);
  }
  for (const [file, output] of byFile) {
    const built = BUILT_FOLDERS.find((folder) => file.startsWith(folder));
    if (built && (output.kind === "redirect" || output.kind === "withdrawn")) {
      report(output, `inside /${built}, where the build writes files of its own`);
      continue;
    }
    const parts = file.split("/").slice(0, -1);
    const folders = parts.map((_, i) => parts.slice(0, i + 1).join("/"));
    const holder = folders.map((folder) => byFile.get(folder)).find((found) => found !== undefined);
    if (holder) report(output, `inside ${holder.url}, which is already ${holder.label}`);
  }
}
