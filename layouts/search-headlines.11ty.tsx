// The search page's headlines index (src/search/headlines.ts): one JSON file per bucket of
// words, rendered on every build like the names index, so it always matches the archive.
import { headlineBuckets, headlineFileUrl, nameWords } from "../src/search/headlines.ts";
import { NAME_BUCKETS, nameEntries } from "../src/search/names.ts";
import type { PageData } from "./page-context.ts";

type Data = PageData & { bucket: number };

export const data = {
  buckets: Array.from({ length: NAME_BUCKETS }, (_, i) => i),
  pagination: { data: "buckets", size: 1, alias: "bucket" },
  permalink: (data: Data) => headlineFileUrl(data.bucket),
};

/** Every bucket's rows, made once per archive rather than once per file. */
const cache = new WeakMap<object, ReturnType<typeof headlineBuckets>>();

export function render({ archive, bucket }: Data): string {
  let buckets = cache.get(archive);
  if (!buckets) {
    // A name's words are left out: the names index suggests the name itself.
    buckets = headlineBuckets(archive.articles, nameWords(nameEntries(archive)));
    cache.set(archive, buckets);
  }
  return JSON.stringify(buckets[bucket]!);
}
