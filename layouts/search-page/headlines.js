// The headlines index (src/search/headlines.ts) on the search page: when a search finds
// nothing, the headlines whose words are closest to the query's, by edit distance. One small
// file per word's first letter, read once per letter, and only for a search that found nothing.
import { distance } from "fastest-levenshtein";
import { foldName, maxEdits, nameBucket } from "./names.js";

/** The query's words looked up (a file each), and the headlines suggested. */
const WORDS = 2;
const SUGGESTIONS = 3;
/** As src/search/headlines.ts: shorter words are not in the index. */
const MIN_WORD_LENGTH = 4;

/** The query's words as the index holds them: folded, at least four letters, not a number. */
function queryWords(query) {
  const words = foldName(query).match(/[\p{L}\p{N}]+/gu) ?? [];
  const kept = words.filter((word) => [...word].length >= MIN_WORD_LENGTH && !/^\d+$/.test(word));
  return [...new Set(kept)].slice(0, WORDS);
}

/** The headlines index of a site with `buckets` files; each file is fetched at most once. */
export function headlinesIndex(buckets) {
  const files = new Map();
  const read = (bucket) => {
    if (!files.has(bucket)) {
      const file = fetch(`/search/headlines/${bucket}.json`)
        .then((response) => (response.ok ? response.json() : []))
        .catch(() => []);
      files.set(bucket, file);
    }
    return files.get(bucket);
  };
  return {
    /** Up to three headlines `{ title, url }` with a word close to one of the query's. */
    async closest(query) {
      if (!buckets) return [];
      const near = [];
      for (const word of queryWords(query)) {
        const rows = await read(nameBucket(word, buckets));
        for (const [indexed, title, url] of rows) {
          if (Math.abs(indexed.length - word.length) > 3) continue;
          const edits = distance(word, indexed);
          if (edits <= maxEdits(word.length)) near.push({ title, url, edits });
        }
      }
      near.sort((a, b) => a.edits - b.edits);
      const seen = new Set();
      return near.filter(({ url }) => !seen.has(url) && seen.add(url)).slice(0, SUGGESTIONS);
    },
  };
}
