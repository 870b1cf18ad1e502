// The search page's headlines index (src/search/headlines.ts): one JSON file per bucket of
// words, rendered on every build like the names index, so it always matches the archive.
import { NAME_BUCKETS } from "../src/search/names.ts";
import { headlineBuckets, headlineFileUrl } from "../src/search/headlines.ts";
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
    buckets = headlineBuckets(archive.articles);
    cache.set(archive, buckets);
  }
  return JSON.stringify(buckets[bucket]!);
}
