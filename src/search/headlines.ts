// The search page's headlines index: the words of the archive's headlines, each with the newest
// headline that has it, in small files by the word's first letter (the names index's buckets).
// When a search finds nothing, the page reads the file of each of the query's first words and
// suggests the headlines whose word is closest to it by edit distance: "Hurricanne" finds the
// newest headline with "hurricane". Pagefind cannot: a misspelt word finds no page to suggest.
// One headline a word keeps the files small, and so does leaving out the words of entities'
// and authors' names, which the names index suggests as names: at 10,000 generated articles,
// 1,672 words in 32 files of 7 kB on average, 27 kB at most (README);
// layouts/search-page/headlines.js reads them, with the same folding and buckets.
import { foldName, NAME_BUCKETS, nameBucket, type NameEntry } from "./names.ts";

/** Words shorter than this are not indexed: too many are one edit from another. */
export const MIN_WORD_LENGTH = 4;

/** A file's row: the folded word, then the newest headline with it and its page. */
export type HeadlineRow = [word: string, title: string, url: string];

/** `/search/headlines/7.json`: where bucket 7 is published. */
export function headlineFileUrl(bucket: number): string {
  return `/search/headlines/${bucket}.json`;
}

export const HEADLINE_FILE_URLS: readonly string[] = Array.from(
  { length: NAME_BUCKETS },
  (_, i) => headlineFileUrl(i),
);

/** The indexed words of a headline: folded, letters and digits, not only digits. */
export function headlineWords(title: string): string[] {
  const words = foldName(title).match(/[\p{L}\p{N}]+/gu) ?? [];
  const kept = words.filter((word) => [...word].length >= MIN_WORD_LENGTH && !/^\d+$/.test(word));
  return [...new Set(kept)];
}

/** The words of every name and alias in the names index, as headlineWords finds them. */
export function nameWords(entries: readonly Pick<NameEntry, "name" | "aliases">[]): Set<string> {
  return new Set(entries.flatMap((entry) => [entry.name, ...entry.aliases].flatMap(headlineWords)));
}

/**
 * The headlines index, file by file: each word once but those `leftOut`, with the newest
 * headline that has it (articles come newest first in the model), words in alphabetical order.
 */
export function headlineBuckets(
  articles: readonly { title: string; url: string }[],
  leftOut: ReadonlySet<string> = new Set(),
): HeadlineRow[][] {
  const newest = new Map<string, HeadlineRow>();
  for (const { title, url } of articles) {
    for (const word of headlineWords(title)) {
      if (!newest.has(word) && !leftOut.has(word)) newest.set(word, [word, title, url]);
    }
  }
  const buckets: HeadlineRow[][] = Array.from({ length: NAME_BUCKETS }, () => []);
  const words = [...newest.keys()].sort();
  for (const word of words) buckets[nameBucket(word)]!.push(newest.get(word)!);
  return buckets;
}
