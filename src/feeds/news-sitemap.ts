// Stage 8, for news search engines: the articles of the archive's last two days as a Google
// News sitemap (/news-sitemap.xml), which news crawlers read to find what is new.
import { DateTime } from "luxon";
import type { Archive, Article } from "../archive/model.ts";
import { absoluteUrl } from "../archive/pages.ts";
import { instant } from "../content/dates.ts";
import { escapeXml } from "./xml-text.ts";

export const NEWS_SITEMAP_URL = "/news-sitemap.xml";

/** Google News reads at most this many articles from one news sitemap. */
const NEWS_SITEMAP_SIZE = 1000;

/**
 * The articles of the archive's newest publication day and the day before. "Now" is the
 * archive's newest day, not the machine's clock, so the same archive publishes the same file
 * (an archive no longer updated still lists its last two days: crawlers go by the dates).
 */
export function newsArticles(archive: Archive): Article[] {
  const newest = archive.articles[0];
  if (!newest) return [];
  const { year, month, day } = newest.date;
  const dayBefore = DateTime.fromObject({ year, month, day }, { zone: "utc" }).minus({ days: 1 });
  const since = dayBefore.toISODate() ?? newest.date.iso;
  const recent = archive.articles.filter((article) => article.date.iso >= since);
  return recent.slice(0, NEWS_SITEMAP_SIZE);
}

/**
 * Google News names languages by ISO 639 code, with Chinese as zh-cn or zh-tw only.
 * Traditional script, or a region that writes it, is zh-tw.
 */
export function newsLanguage(language: string): string {
  const [primary = "en", ...rest] = language.toLowerCase().split("-");
  if (primary !== "zh") return primary;
  return rest.some((subtag) => ["hant", "tw", "hk", "mo"].includes(subtag)) ? "zh-tw" : "zh-cn";
}

/** A W3C date: the written day, or a date with a time as its moment in UTC. */
function publicationDate(article: Article): string {
  const { date } = article;
  return date.written.length <= 10 ? date.iso : instant(date).toISOString();
}

/**
 * Written by hand, as the sitemap is: a few fixed elements, every value a URL made by the URL
 * API or text escaped by escapeXml (which also removes what XML cannot carry).
 */
export function newsSitemap(archive: Archive): string {
  const publication = [
    `<news:name>${escapeXml(archive.site.title)}</news:name>`,
    `<news:language>${newsLanguage(archive.site.language)}</news:language>`,
  ].join("");
  const urls = newsArticles(archive).map((article) => {
    const news = [
      `<news:publication>${publication}</news:publication>`,
      `<news:publication_date>${publicationDate(article)}</news:publication_date>`,
      `<news:title>${escapeXml(article.title)}</news:title>`,
    ].join("");
    const loc = `<loc>${escapeXml(absoluteUrl(archive, article.url))}</loc>`;
    return `<url>${loc}<news:news>${news}</news:news></url>`;
  });
  const open = [
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"',
    ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
  ].join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n${open}\n${urls.join("\n")}\n</urlset>\n`;
}
