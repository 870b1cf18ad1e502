// The search page's names index (src/search/names.ts): one JSON file per bucket of names,
// rendered on every build like the feeds, so it always matches the archive.
import {
  NAME_BUCKETS,
  nameBuckets,
  nameEntries,
  nameFileUrl,
  nameRow,
} from "../src/search/names.ts";
import type { PageData } from "./page-context.ts";

type Data = PageData & { bucket: number };

export const data = {
  buckets: Array.from({ length: NAME_BUCKETS }, (_, i) => i),
  pagination: { data: "buckets", size: 1, alias: "bucket" },
  permalink: (data: Data) => nameFileUrl(data.bucket),
};

/** Every bucket's entries, made once per archive rather than once per file. */
const cache = new WeakMap<object, ReturnType<typeof nameBuckets>>();

export function render({ archive, bucket }: Data): string {
  let buckets = cache.get(archive);
  if (!buckets) {
    buckets = nameBuckets(nameEntries(archive));
    cache.set(archive, buckets);
  }
  return JSON.stringify(buckets[bucket]!.map(nameRow));
}
