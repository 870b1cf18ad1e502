// Import, step 1: read the source, a file or a feed's URL, and hand it to the reader for its
// format (a WordPress export, or an RSS 2.0 or Atom feed).
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { readFeed } from "./read-feed.ts";
import { isWxr, readWxr } from "./read-wxr.ts";
import type { ImportSource } from "./source.ts";

export async function readSource(source: string): Promise<ImportSource> {
  const isUrl = /^https?:\/\//i.test(source);
  const xml = isUrl ? await fetchFeed(source) : await readFile(source, "utf8");
  const name = isUrl ? source : basename(source);
  return isWxr(xml) ? readWxr(xml, name) : readFeed(xml, name);
}

async function fetchFeed(url: string): Promise<string> {
  const response = await fetch(url, { headers: { accept: "application/rss+xml, " +
    "application/atom+xml, application/xml;q=0.9, */*;q=0.5" } });
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
  return await response.text();
}
