// Branded names for the three kinds of path the pipeline handles, and the one slug function.
// A source file path, a slug and a site URL are all strings; the brands keep them from being
// passed for one another (Quartz's util/path.ts does the same).
import { createHash } from "node:crypto";
import transliterate from "@sindresorhus/transliterate";

export type SourcePath = string & { readonly __brand: "SourcePath" };
export type Slug = string & { readonly __brand: "Slug" };
/** A root-relative URL on the published site, always starting and (for pages) ending with `/`. */
export type SiteUrl = string & { readonly __brand: "SiteUrl" };

export const sourcePath = (path: string): SourcePath => path as SourcePath;
export const siteUrl = (path: string): SiteUrl => path as SiteUrl;

const MAX_SLUG_LENGTH = 80;

/**
 * Readable, stable slugs for any name. Scripts that transliterate well (accents, Cyrillic,
 * Greek) become ASCII; others (CJK and the like) stay as Unicode letters, which browsers show
 * as written. A name with no letters or digits at all gets a short hash so it still has a URL.
 * Hand-written around `transliterate` because slugify libraries drop CJK, which would give
 * "東京 Tower" and "Tower" the same URL.
 */
export function slugify(name: string): Slug {
  const words = transliterate(name.normalize("NFKC"))
    .toLowerCase()
    .replace(/[\u2019']/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const slug = truncateWords(words, MAX_SLUG_LENGTH);
  return (slug || `x-${shortHash(name)}`) as Slug;
}

function truncateWords(words: string[], max: number): string {
  let out = "";
  for (const word of words) {
    const next = out ? `${out}-${word}` : word;
    if (next.length > max) return out || word.slice(0, max);
    out = next;
  }
  return out;
}

/** Distinguishes two names that slugify alike ("C++" and "C#"), stably across builds. */
export function disambiguate(slug: Slug, name: string): Slug {
  return `${slug}-${shortHash(name)}` as Slug;
}

export function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 6);
}

/** The key under which names are the same entity or author: case, width and spacing folded. */
export function nameKey(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** Like nameKey, but also folds accents: used to warn about near-duplicate names. */
export function looseNameKey(name: string): string {
  return nameKey(name).normalize("NFD").replace(/\p{M}/gu, "");
}
