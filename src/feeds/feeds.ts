// Stage 8, feeds: the archive's newest articles as Atom and JSON Feed, and every page in a
// sitemap. Serialised by the `feed` library; we only guarantee the text is valid XML first.
import { Feed } from "feed";
import type { Archive, Article } from "../archive/model.ts";
import { absoluteUrl, pageEntries } from "../archive/pages.ts";
import { toTimestamp } from "../content/dates.ts";

export const FEED_SIZE = 50;

/** Characters XML 1.0 forbids even when escaped (most C0 controls, lone surrogates, U+FFFE/F). */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, "");
}

type FeedFormat = "atom" | "json";

/**
 * Atom gives titles and summaries `type="html"` inside CDATA (that is how the `feed` library
 * writes them), and its CDATA escaping misses a second `]]>`. So for Atom, plain text is
 * HTML-escaped and every `]]>` in HTML is written `]]&gt;`, which reads the same. JSON Feed
 * takes the text as it is.
 */
function textFor(format: FeedFormat, text: string): string {
  return format === "atom" ? escapeHtml(xmlSafe(text)) : text;
}

function htmlFor(format: FeedFormat, html: string): string {
  return format === "atom" ? xmlSafe(html).replace(/]]>/g, "]]&gt;") : html;
}

function buildFeed(archive: Archive, format: FeedFormat): Feed {
  const { site } = archive;
  const updated = archive.lastUpdated ? new Date(toTimestamp(archive.lastUpdated)) : new Date(0);
  const feed = new Feed({
    title: xmlSafe(site.title),
    description: xmlSafe(site.description),
    id: `${site.url}/`,
    link: `${site.url}/`,
    language: site.language,
    updated,
    generator: "Dateline",
    feedLinks: { atom: absoluteUrl(archive, "/feed.xml"), json: absoluteUrl(archive, "/feed.json") },
    copyright: "",
  });
  for (const article of archive.articles.slice(0, FEED_SIZE)) feed.addItem(feedItem(archive, article, format));
  return feed;
}

function feedItem(archive: Archive, article: Article, format: FeedFormat): Parameters<Feed["addItem"]>[0] {
  const link = absoluteUrl(archive, article.url);
  const published = new Date(toTimestamp(article.date));
  return {
    title: textFor(format, article.title),
    id: link,
    link,
    date: article.updated ? new Date(toTimestamp(article.updated)) : published,
    published,
    ...(article.summary ? { description: textFor(format, article.summary) } : {}),
    content: htmlFor(format, absolutizeLinks(article.html, archive.site.url)),
    author: article.authors.map((author) => ({ name: xmlSafe(author.name), link: absoluteUrl(archive, author.url) })),
    category: article.entities.map((entity) => ({ name: xmlSafe(entity.name), term: xmlSafe(entity.name) })),
  };
}

/** Feed readers resolve links against the feed, not the article: make root-relative ones absolute. */
function absolutizeLinks(html: string, base: string): string {
  return html.replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${base}/`);
}

export function atomFeed(archive: Archive): string {
  return buildFeed(archive, "atom").atom1();
}

export function jsonFeed(archive: Archive): string {
  return buildFeed(archive, "json").json1();
}

/** Every page, with the date of its newest article where it has one. */
export function sitemap(archive: Archive): string {
  const urls = pageEntries(archive).map(({ url, lastmod }) => `<url><loc>${escapeXml(absoluteUrl(archive, encodeURI(url)))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ""}</url>`);
  // Written by hand: a sitemap is three elements, and every value here is a URL we made.
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}

export function escapeXml(text: string): string {
  return escapeHtml(xmlSafe(text));
}

function escapeHtml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function robotsTxt(archive: Archive): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(archive, "/sitemap.xml")}\n`;
}
