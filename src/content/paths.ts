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

/**
 * Distinguishes two names that slugify alike ("C++" and "C#"), stably across builds. `taken`
 * says which slugs are spoken for: a name that itself slugifies to `c-cedb1b` must not meet
 * the suffix made for "C++", so a taken suffix is lengthened until it is free.
 */
export function disambiguate(slug: Slug, name: string, taken: (slug: Slug) => boolean = () => false): Slug {
  const hash = createHash("sha256").update(name).digest("hex");
  for (let length = 6; length < hash.length; length += 2) {
    const candidate = `${slug}-${hash.slice(0, length)}` as Slug;
    if (!taken(candidate)) return candidate;
  }
  // 64 hex digits taken by other names cannot happen short of a hash collision.
  throw new Error(`no free URL for "${name}"`);
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

/**
 * An earlier path of the site, as an editor writes it in `aliases` or `withdrawn`: the path
 * the browser asks for, decoded. Refused: anything that is not a plain path on this site, and
 * any segment that a web server treats specially or that could leave the output folder.
 */
export function parseSitePath(written: string): { url: SiteUrl } | { problem: string } {
  const text = written.trim();
  if (!text.startsWith("/") || text.startsWith("//")) {
    return { problem: `"${written}" is not a path on this site; write it from the first /` };
  }
  if (/[?#]/.test(text)) {
    return { problem: `"${written}" has a query or fragment, which a static site cannot serve` };
  }
  let path: string;
  try {
    path = decodeURI(text);
  } catch {
    return { problem: `"${written}" has a broken %-escape` };
  }
  // Control characters, backslashes and escapes that decodeURI keeps (%2F, %25…) would name
  // different files on different servers.
  if (/[\u0000-\u001f\u007f\\%]/.test(path)) {
    return { problem: `"${written}" has a character that cannot be part of a file name` };
  }
  const segments = path.slice(1).split("/");
  if (segments.slice(0, -1).some((segment) => segment === "")) {
    return { problem: `"${written}" has an empty segment (//)` };
  }
  if (segments.some((segment) => segment.startsWith("."))) {
    return { problem: `"${written}" has a part starting with a dot, which servers hide or act on` };
  }
  return { url: siteUrl(path) };
}

/**
 * The file in the site folder that serves a URL: `/a/` and `/a` are `a/index.html`, `/a.html`
 * is itself, and so are the site's own files at the root (`/feed.xml`), the feeds of authors
 * and entities (`/authors/<slug>/feed.xml`) and of corrections, and the search page's names
 * index (`/search/names/0.json`, src/search/names.ts) and script (`/assets/search.js`). Other
 * names without a trailing slash become folders, so that no page is ever written under a name
 * that a server would run (`story.php`) or act on.
 */
export function fileForUrl(url: SiteUrl): string {
  const path = url.slice(1);
  if (path === "" || path.endsWith("/")) return `${path}index.html`;
  if (/\.html?$/i.test(path) || /^[^/]+\.(xml|json|txt)$/.test(path)) return path;
  if (/^((authors|entities)\/[^/]+|corrections)\/feed\.xml$/.test(path)) return path;
  if (/^search\/(names|headlines)\/\d+\.json$/.test(path)) return path;
  if (path === "assets/search.js") return path;
  // The site's icons (src/icons/site-icons.ts).
  if (/^(favicon\.(ico|svg)|apple-touch-icon\.png)$/.test(path)) return path;
  return `${path}/index.html`;
}
