// Which search shard each article page belongs to, and what each shard is made from.
//
// A shard holds the articles of a fixed span of years. The rule depends on nothing but an
// article's own date, so adding, editing or deleting one article changes one shard; and since
// shards cover disjoint, ordered spans of time, the search page gets a global date order by
// putting the shards' own date-sorted results one after the other (layouts/search-page/shards.js).
import { createHash } from "node:crypto";
import type { Article } from "../archive/model.ts";
import { fileForUrl } from "../content/paths.ts";

/**
 * Years per shard. Measured at 10,000 articles over 25 years (README, "How it works"): one
 * shard per year means 25 Pagefind bundles, each with its own WebAssembly, for every search; five
 * years keeps a first search to five bundles and a one-article rebuild to a fifth of the index.
 */
export const YEARS_PER_SHARD = 5;

export interface Shard {
  /** `2015-2019`: also its folder under /pagefind/. */
  name: string;
  /** Site-folder paths of its article pages. */
  files: string[];
  /** Hash of everything its index is made from. */
  inputs: string;
}

/** What every shard's index also depends on besides its pages. */
export interface ShardContext {
  /** Page input hashes by site-folder path, from the page plan. */
  pageHashes: ReadonlyMap<string, string>;
  /** The page plan's code and shell hashes: when they change, every page does. */
  code: string;
  shell: string;
  pagefindVersion: string;
  language: string;
}

/** The shards of an archive, newest first. */
export function planShards(articles: readonly Pick<Article, "url" | "date">[], context: ShardContext): Shard[] {
  const byName = new Map<string, string[]>();
  for (const article of articles) {
    const name = shardName(article.date.year);
    const files = byName.get(name) ?? [];
    files.push(fileForUrl(article.url));
    byName.set(name, files);
  }
  const names = [...byName.keys()].sort((a, b) => startYear(b) - startYear(a));
  return names.map((name) => {
    const files = byName.get(name)!.sort();
    return { name, files, inputs: shardInputs(files, context) };
  });
}

/** The names of the shards that hold articles of these years, newest first, as in planShards. */
export function shardNames(years: Iterable<number>): string[] {
  const names = new Set([...years].map(shardName));
  return [...names].sort((a, b) => startYear(b) - startYear(a));
}

export function shardName(year: number): string {
  const start = Math.floor(year / YEARS_PER_SHARD) * YEARS_PER_SHARD;
  return `${start}-${start + YEARS_PER_SHARD - 1}`;
}

function startYear(name: string): number {
  return Number.parseInt(name, 10);
}

function shardInputs(files: string[], context: ShardContext): string {
  const digest = createHash("sha256");
  const { code, shell, pagefindVersion, language } = context;
  digest.update(JSON.stringify({ code, shell, pagefindVersion, language })).update("\0");
  for (const file of files) digest.update(`${file}\0${context.pageHashes.get(file) ?? ""}\0`);
  return digest.digest("base64url");
}
