// Which search shard each article page belongs to, and what each shard is made from.
//
// A shard holds the articles of a span of the calendar: five years, or, where those hold more
// than a shard may, each of their years, a year's quarters, a quarter's months. Spans are fixed
// by the calendar and split only past a size, so adding, editing or deleting one article
// changes one shard (and, when a span crosses the size, its parts once). Since shards cover
// disjoint, ordered spans of time, the search page gets a global date order by putting the
// shards' own date-sorted results one after the other (layouts/search-page/shards.js).
//
// One exception, for the newest span only: while it is young, it is one shard with the five
// years before it (`2020-2029`) or their last year (`2024-2029`), so that a first search does
// not pay four requests for a shard of a handful of articles (see `joinYoungSpan`).
import { createHash } from "node:crypto";
import type { Article } from "../archive/model.ts";
import { type CalendarDate, pad4 } from "../content/dates.ts";
import { fileForUrl } from "../content/paths.ts";

/**
 * Years per shard, where they hold few enough articles: a small archive's search reads a few
 * full shards rather than many of a handful of articles each (a shard costs a first search
 * four requests whatever its size).
 */
export const YEARS_PER_SHARD = 5;
/**
 * The most articles a shard holds before its span is split: what one edit costs in indexing.
 * Pagefind takes about 1.5 ms and 300 kB a page, whatever the shard's size (2,000 pages 3.0 s,
 * 1,000 1.45 s, 400 0.55 s): at 5,000, one edit at 10,000 articles re-indexed five years of
 * 2,000 pages, 3.4 s of a 10 s rebuild, and now a year of 400. A first search does not pay for
 * the extra shards, since it reads them newest first only as far as its first results need
 * (layouts/search-page/shards.js), and each is smaller (README, "Search shards").
 */
export const MAX_SHARD_ARTICLES = 1_000;

export interface Shard {
  /**
   * `2015-2019`, `2017`, `2017-q3` or `2017-03`, or for a young newest span with the one before,
   * `2020-2029`: also its folder under /pagefind/.
   */
  name: string;
  /** Site-folder paths of its article pages. */
  files: string[];
  /** Hash of everything its index is made from. */
  inputs: string;
}

/** What every shard's index also depends on besides its pages. */
export interface ShardContext {
  /** What each article page gives the index, hashed, by site-folder path (the page plan's). */
  searchHashes: ReadonlyMap<string, string>;
  /** The page plan's code and shell hashes: when they change, every page does. */
  code: string;
  shell: string;
  pagefindVersion: string;
  language: string;
}

type Dated = Pick<CalendarDate, "year" | "month">;

/** The shards of an archive, newest first. */
export function planShards(
  articles: readonly Pick<Article, "url" | "date">[],
  context: ShardContext,
): Shard[] {
  const names = shardNames(articles.map((article) => article.date));
  const files = new Map(names.map((name) => [name, [] as string[]]));
  const nameOf = shardOf(names);
  for (const article of articles) files.get(nameOf(article.date))!.push(fileForUrl(article.url));
  return names.map((name) => {
    const sorted = files.get(name)!.sort();
    return { name, files: sorted, inputs: shardInputs(sorted, context) };
  });
}

/** The names of the shards that hold articles of these dates, newest first. */
export function shardNames(dates: Iterable<Dated>): string[] {
  const months = new Map<number, number>();
  for (const { year, month } of dates) {
    const at = year * 12 + month - 1;
    months.set(at, (months.get(at) ?? 0) + 1);
  }
  const firsts = [...new Set([...months.keys()].map((at) => fiveYearsOf(Math.floor(at / 12))))];
  const spans = firsts.flatMap((first) => split(fiveYears(first), months));
  const newestFirst = spans.sort((a, b) => b.from - a.from);
  return joinYoungSpan(newestFirst, months).map((span) => span.name);
}

/**
 * The newest five-year span joins the shard before it (the five years before, or their last
 * year when they are split) while it holds fewer articles than those five years hold in an
 * average year of theirs (a fifth), and the two together fit in a shard.
 *
 * Why: a search reads the shards newest first until it has a first page of results, and a
 * shard costs a first search four requests whatever its size (its entry, metadata, a word
 * file, its filter list). At the start of a span (a real archive in 2026 has a 2025-2029 shard
 * of a year's articles or less) the newest shard can rarely fill a page alone, so every first
 * search paid for two shards; at 10,000 articles that kept it above 20 requests (README).
 *
 * Why a fifth of the span before, not a fixed number: the join lasts about the first year of
 * a span at any pace of publishing, and that year is what the join costs the newsroom, since
 * an edit in it indexes both shards again (at most MAX_SHARD_ARTICLES pages, as any shard).
 * Why that span's count alone, not the archive's: the two spans concerned decide, so an edit
 * elsewhere never moves a shard's bounds.
 *
 * Only the newest span, only with the shard just before it, and only one of whole years (a
 * quarter or a month has no name that could join years): shards stay fixed by the calendar,
 * and one edit still changes one shard, except the two that move the bounds: the young span's
 * first article (the two join) and the one that takes it to its fifth, or the next span's
 * first (they split). No page is rendered again for it: article pages do not name their shard
 * (src/search/index-shards.ts, HIGHLIGHT_SCRIPT).
 */
function joinYoungSpan(newestFirst: Span[], months: ReadonlyMap<number, number>): Span[] {
  const [young, before, ...rest] = newestFirst;
  if (!young || !before || !isFiveYears(young) || !isWholeYears(before)) return newestFirst;
  if (before.to + 1 !== young.from) return newestFirst;
  const spanBefore = fiveYears(fiveYearsOf(Math.floor(before.from / 12)));
  const youngCount = countIn(young, months);
  const isYoung = youngCount * YEARS_PER_SHARD < countIn(spanBefore, months);
  const fits = youngCount + countIn(before, months) <= MAX_SHARD_ARTICLES;
  if (!isYoung || !fits) return newestFirst;
  const [first, last] = [Math.floor(before.from / 12), Math.floor(young.to / 12)];
  return [{ name: `${pad4(first)}-${pad4(last)}`, from: before.from, to: young.to }, ...rest];
}

/** A five-year span as the calendar cuts it, not split into years: `2020-2024`. */
function isFiveYears(span: Span): boolean {
  return span.to - span.from + 1 === YEARS_PER_SHARD * 12;
}

/** A year or five, from January to December: a span whose name is made of years. */
function isWholeYears(span: Span): boolean {
  return span.from % 12 === 0 && (span.to - span.from + 1) % 12 === 0;
}

function countIn(span: Span, months: ReadonlyMap<number, number>): number {
  let count = 0;
  for (let at = span.from; at <= span.to; at++) count += months.get(at) ?? 0;
  return count;
}

/** A span of months, `from` and `to` counted as year × 12 + month − 1. */
interface Span {
  name: string;
  from: number;
  to: number;
}

/** The span itself when it is small enough, or its parts, each split as far as it needs. */
function split(span: Span, months: ReadonlyMap<number, number>): Span[] {
  const count = countIn(span, months);
  if (count === 0) return [];
  const parts = count > MAX_SHARD_ARTICLES ? partsOf(span) : [];
  return parts.length ? parts.flatMap((part) => split(part, months)) : [span];
}

function fiveYearsOf(year: number): number {
  return Math.floor(year / YEARS_PER_SHARD) * YEARS_PER_SHARD;
}

function fiveYears(first: number): Span {
  const last = first + YEARS_PER_SHARD - 1;
  // Four digits, as spanOf reads them back: an archive may go back to the year 1.
  return { name: `${pad4(first)}-${pad4(last)}`, from: first * 12, to: last * 12 + 11 };
}

/** Five years into years, a year into quarters, a quarter into months; a month is whole. */
function partsOf(span: Span): Span[] {
  const months = span.to - span.from + 1;
  const year = Math.floor(span.from / 12);
  const pad = (n: number) => String(n).padStart(2, "0");
  if (months > 12) {
    return Array.from({ length: months / 12 }, (_, i) => {
      const from = span.from + i * 12;
      return { name: pad4(year + i), from, to: from + 11 };
    });
  }
  if (months === 12) {
    return [0, 1, 2, 3].map((q) => {
      const from = span.from + q * 3;
      return { name: `${pad4(year)}-q${q + 1}`, from, to: from + 2 };
    });
  }
  if (months === 3) {
    return [0, 1, 2].map((m) => {
      const at = span.from + m;
      return { name: `${pad4(year)}-${pad((at % 12) + 1)}`, from: at, to: at };
    });
  }
  return [];
}

const shardsOfArchives = new WeakMap<readonly object[], (date: Dated) => string>();

/**
 * The shard that holds an article of this date, among the shards of these articles: worked
 * out once for each list of articles (an archive's). The same rule as `planShards`, asked of
 * one date.
 */
export function shardFor(articles: readonly { date: Dated }[], date: Dated): string {
  let nameOf = shardsOfArchives.get(articles);
  if (!nameOf) {
    nameOf = shardOf(shardNames(articles.map((article) => article.date)));
    shardsOfArchives.set(articles, nameOf);
  }
  return nameOf(date);
}

/** Which of these shards a date falls in. */
function shardOf(names: readonly string[]): (date: Dated) => string {
  const spans = names.map(spanOf);
  return (date) => {
    const at = date.year * 12 + date.month - 1;
    return spans.find((span) => at >= span.from && at <= span.to)!.name;
  };
}

/** A shard's span, read back from its name (`2020-2029` too: a young span joined). */
export function spanOf(name: string): Span {
  const [, first, second] = /^(\d{4})(?:-(\d{4}|q[1-4]|\d{2}))?$/.exec(name) ?? [];
  const year = Number(first);
  if (second === undefined) return { name, from: year * 12, to: year * 12 + 11 };
  if (second.startsWith("q")) {
    const from = year * 12 + (Number(second.slice(1)) - 1) * 3;
    return { name, from, to: from + 2 };
  }
  if (second.length === 2) {
    const at = year * 12 + Number(second) - 1;
    return { name, from: at, to: at };
  }
  return { name, from: year * 12, to: Number(second) * 12 + 11 };
}

function shardInputs(files: string[], context: ShardContext): string {
  const digest = createHash("sha256");
  const { code, shell, pagefindVersion, language } = context;
  digest.update(JSON.stringify({ code, shell, pagefindVersion, language })).update("\0");
  for (const file of files) digest.update(`${file}\0${context.searchHashes.get(file) ?? ""}\0`);
  return digest.digest("base64url");
}
