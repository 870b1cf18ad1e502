// Every page the archive publishes, by URL, with the date of its newest article: what the
// sitemap lists, and what a static file may not replace.
import type { Archive, Article } from "./model.ts";

export interface PageEntry {
  url: string;
  /** `YYYY-MM-DD` of the newest article shown, where the page shows articles. */
  lastmod?: string;
}

/** Pages at fixed URLs, whatever the archive holds. */
export const FIXED_PAGES = ["/authors/", "/entities/", "/search/"];
/** Files at fixed URLs that are not pages a reader browses. */
export const FIXED_FILES = ["/404.html", "/feed.xml", "/feed.json", "/sitemap.xml", "/robots.txt"];

/** A page's full address, for feeds, the sitemap and canonical links. */
export function absoluteUrl(archive: Archive, path: string): string {
  return `${archive.site.url}${path}`;
}

export function pageEntries(archive: Archive): PageEntry[] {
  const entries: PageEntry[] = [];
  const add = (url: string, articles: readonly Article[] = []) => {
    const newest = articles[0];
    entries.push(newest ? { url, lastmod: (newest.updated ?? newest.date).iso } : { url });
  };
  for (const page of archive.homePages) add(page.url, page.articles);
  for (const article of archive.articles) add(article.url, [article]);
  for (const year of archive.years) add(year.url, year.months[0]?.articles);
  for (const month of archive.months) add(month.url, month.articles);
  for (const author of archive.authors) add(author.url, author.articles);
  for (const entity of archive.entities) add(entity.url, entity.articles);
  for (const url of FIXED_PAGES) add(url);
  return entries;
}

/** The files a build writes for the archive's pages, as paths in the site folder. */
export function pageFiles(archive: Archive): Set<string> {
  const urls = [...pageEntries(archive).map((entry) => entry.url), ...FIXED_FILES];
  return new Set(urls.map((url) => (url.endsWith("/") ? `${url.slice(1)}index.html` : url.slice(1))));
}
