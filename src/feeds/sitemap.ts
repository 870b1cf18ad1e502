// Stage 8, for search engines: every page in a sitemap, and robots.txt pointing to it.
import type { Archive } from "../archive/model.ts";
import { absoluteUrl, pageEntries } from "../archive/pages.ts";
import { NEWS_SITEMAP_URL } from "./news-sitemap.ts";
import { escapeXml } from "./xml-text.ts";

/** Every page, with the date of its newest article where it has one. */
export function sitemap(archive: Archive): string {
  const urls = pageEntries(archive).map(({ url, lastmod }) => {
    const loc = `<loc>${escapeXml(absoluteUrl(archive, url))}</loc>`;
    return `<url>${loc}${lastmod ? `<lastmod>${lastmod}</lastmod>` : ""}</url>`;
  });
  // Written by hand: a sitemap is three elements, and every value here is a URL we made.
  const open = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${open}\n${urls.join("\n")}\n</urlset>\n`;
}

export function robotsTxt(archive: Archive): string {
  const sitemaps = ["/sitemap.xml", NEWS_SITEMAP_URL].map((url) => absoluteUrl(archive, url));
  return `User-agent: *\nAllow: /\n\n${sitemaps.map((url) => `Sitemap: ${url}\n`).join("")}`;
}
