// The search index's filters on article pages (layouts/article.11ty.tsx), as search.js reads
// them. Entities get a second key besides `entity`: one of a few buckets by a hash of the name,
// so that filtering by an entity loads one bucket's list in each shard (a few kB) instead of
// every entity's (55 kB a shard at 10,000 articles). `entity` itself is loaded only to show the
// names in a search's results. layouts/search-page/filters.js computes the same hash.

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
