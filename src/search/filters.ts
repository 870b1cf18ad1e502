// The search index's filters on article pages (layouts/article.11ty.tsx), as search.js reads
// them. Authors and years share one key, `facet`, their values prefixed (`author:Ana Ruiz`,
// `year:2018`): Pagefind keeps a file per key and shard, and every search reads this one for
// its counts, so one key is one request a shard fewer (layouts/search-page/shards.js splits
// them again). Each entity is under two keys: its type's (`type-person`, `type-place`…),
// whose lists the search page shows grouped by type when the reader asks for the names in the
// results; and one of a few buckets by a hash of the name, so that filtering by an entity
// loads one bucket's list in each shard (a few kB) instead of every entity's (55 kB a shard at
// 10,000 articles).
// layouts/search-page/filters.js computes the same hash and names the same type keys.
import type { EntityType } from "../content/schema.ts";

/** The filter key of authors and years. */
export const FACET_KEY = "facet";

/** `author:Ana Ruiz`, `year:2018`: a value of the `facet` key. */
export function facetValue(group: "author" | "year", value: string): string {
  return `${group}:${value}`;
}

/** Buckets of entity names: the search page reads the number from its form. */
export const ENTITY_BUCKETS = 16;

/** `entity-7`: the filter key that holds this entity among its bucket's names. */
export function entityFilterKey(name: string): string {
  return `entity-${nameHash(name) % ENTITY_BUCKETS}`;
}

/**
 * FNV-1a over the name's UTF-16 code units, whitespace collapsed as it may be between the page
 * and the index. Changing it changes every page (it is in the code's hash) and search.js too.
 */
function nameHash(name: string): number {
  const text = name.replace(/\s+/g, " ").trim();
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash;
}

/** `type-person`: the filter key listing the entities of one type, for the grouped lists. */
export function entityTypeKey(type: EntityType): string {
  return `type-${type}`;
}
