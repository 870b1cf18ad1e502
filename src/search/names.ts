// The search page's names index: every entity and author with its aliases, page, type and
// number of articles, in small files by the first letter of each name, so that a query reads
// one file (a few kB at 5,000 entities) to put a name's card first, turn a name or alias into
// its filter, and suggest the closest names to a misspelling. Pagefind's own filter lists
// cannot do this: they hold names, not aliases, types or pages, and the entity list is large.
// layouts/search-page/names.js reads it, with the same folding and bucket rule.
import type { Archive } from "../archive/model.ts";
import type { EntityType } from "../content/schema.ts";

/** Files of the names index: the search page reads the number from its form. */
export const NAME_BUCKETS = 32;

export interface NameEntry {
  name: string;
  aliases: string[];
  url: string;
  /** An entity's type, or `author`. */
  type: EntityType | "author";
  /** Published articles that list the entity, or that the author wrote. */
  count: number;
}

/** `/search/names/7.json`: where bucket 7 is published. */
export function nameFileUrl(bucket: number): string {
  return `/search/names/${bucket}.json`;
}

export const NAME_FILE_URLS: readonly string[] = Array.from({ length: NAME_BUCKETS }, (_, i) => {
  return nameFileUrl(i);
});

/** Case, accents and spacing folded, as a reader may type a name. */
export function foldName(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * The bucket of a name or query: FNV-1a of its first folded character (a code point), so that
 * a misspelling after the first letter finds its name's file.
 */
export function nameBucket(text: string): number {
  const first = [...foldName(text)][0] ?? "";
  let hash = 0x811c9dc5;
  for (let i = 0; i < first.length; i++) {
    hash = Math.imul(hash ^ first.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash % NAME_BUCKETS;
}

/** Every name with at least one published article, most articles first. */
export function nameEntries(archive: Pick<Archive, "entities" | "authors">): NameEntry[] {
  const entities = archive.entities.map((entity) => ({
    name: entity.name,
    aliases: entity.aliases,
    url: entity.url,
    type: entity.type,
    count: entity.articles.length,
  }));
  const authors = archive.authors.map((author) => ({
    name: author.name,
    aliases: [],
    url: author.url,
    type: "author" as const,
    count: author.articles.length,
  }));
  const byCount = (a: NameEntry, b: NameEntry) => b.count - a.count || a.name.localeCompare(b.name);
  return [...entities, ...authors].filter((entry) => entry.count > 0).sort(byCount);
}

/**
 * An entry as a file holds it, without keys (a third of the bytes): name, url, type, count,
 * then the aliases.
 */
export type NameRow = [string, string, NameEntry["type"], number, ...string[]];

export function nameRow(entry: NameEntry): NameRow {
  return [entry.name, entry.url, entry.type, entry.count, ...entry.aliases];
}

/** The names index, file by file: an entry is in the bucket of its name and of each alias. */
export function nameBuckets(entries: readonly NameEntry[]): NameEntry[][] {
  const buckets: NameEntry[][] = Array.from({ length: NAME_BUCKETS }, () => []);
  for (const entry of entries) {
    const keys = new Set([entry.name, ...entry.aliases].map(nameBucket));
    for (const key of keys) buckets[key]!.push(entry);
  }
  return buckets;
}
