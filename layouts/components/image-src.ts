// An image `src` as written in a content file, made usable from any page that shows it.
// Content resolves a relative `src` against the page it belongs to (an entity's or author's
// first page, as src/images/image-source.ts does), but the same picture is shown on every page
// of a paginated list (`…/page/2/`), where the browser would resolve it elsewhere.

/** A stand-in origin: only the path of a resolved URL is used. */
const ORIGIN = "http://site.invalid";

/**
 * `src` as a page elsewhere can use it: a path relative to `pageUrl` made a site path; a web
 * address (any scheme, or `//host/…`) and a site path are kept as written.
 */
export function srcFrom(src: string, pageUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("/")) return src;
  try {
    const url = new URL(src, new URL(pageUrl, ORIGIN));
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return src;
  }
}
