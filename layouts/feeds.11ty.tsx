// The machine-readable files: Atom and JSON feeds, sitemap and robots.txt, one page each.
import { atomFeed, jsonFeed, robotsTxt, sitemap } from "../src/feeds/feeds.ts";
import type { PageData } from "./page-context.ts";

const FILES = [
  { url: "/feed.xml", write: atomFeed },
  { url: "/feed.json", write: jsonFeed },
  { url: "/sitemap.xml", write: sitemap },
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
