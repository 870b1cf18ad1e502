// The machine-readable files: Atom, RSS and JSON feeds, sitemaps and robots.txt, one page each.
import { CORRECTIONS_FEED_URL } from "../src/archive/pages.ts";
import { atomFeed, correctionsFeed, FEED_URLS, jsonFeed, rssFeed } from "../src/feeds/feeds.ts";
import { NEWS_SITEMAP_URL, newsSitemap } from "../src/feeds/news-sitemap.ts";
import { robotsTxt, sitemap } from "../src/feeds/sitemap.ts";
import type { PageData } from "./page-context.ts";

const FILES = [
  { url: FEED_URLS.atom, write: atomFeed },
  { url: FEED_URLS.rss, write: rssFeed },
  { url: FEED_URLS.json, write: jsonFeed },
  { url: CORRECTIONS_FEED_URL, write: correctionsFeed },
  { url: "/sitemap.xml", write: sitemap },
  { url: NEWS_SITEMAP_URL, write: newsSitemap },
  { url: "/robots.txt", write: robotsTxt },
];

type Data = PageData & { file: (typeof FILES)[number] };

export const data = {
  files: FILES,
  pagination: { data: "files", size: 1, alias: "file" },
  permalink: (data: Data) => data.file.url,
};

export function render({ archive, file }: Data): string {
  return file.write(archive);
}
