// Part of the archive model (./build.ts): how every paginated list (home, month, author and
// entity pages, the entities index) is cut into pages at `<first URL>page/N/`, and which page
// numbers each page offers a reader: the first and last, a few around the current one, gaps
// as ellipses.
import { type SiteUrl, siteUrl } from "../content/paths.ts";
import type { Article, ListPage, Paged, PageSlot } from "./model.ts";

/** Page numbers shown on each side of the current page. */
export const PAGES_AROUND = 2;

/** The URL of page `n` of a list whose first page is `first` (ending in `/`). */
export function listPageUrl(first: SiteUrl, n: number): SiteUrl {
  return n === 1 ? first : siteUrl(`${first}page/${n}/`);
}

/**
 * The page numbers to offer on page `current` of `count`, in order, `"gap"` where numbers are
 * left out: the first and last page always, and `around` pages each side of the current one.
 * A gap never hides a single page (`1 … 3` would take as much room as `1 2 3`), so that a
 * short list shows every number.
 */
export function pageWindow(
  current: number,
  count: number,
  around = PAGES_AROUND,
): (number | "gap")[] {
  if (count < 1) return [];
  const shown = new Set([1, count]);
  const from = Math.max(1, current - around);
  const to = Math.min(count, current + around);
  for (let n = from; n <= to; n++) shown.add(n);
  const numbers = [...shown].sort((a, b) => a - b);
  const window: (number | "gap")[] = [];
  numbers.forEach((n, i) => {
    const before = numbers[i - 1];
    if (before !== undefined && n - before === 2) window.push(before + 1);
    else if (before !== undefined && n - before > 2) window.push("gap");
    window.push(n);
  });
  return window;
}

/** The window of page `current` of `count` as links: each number with its page's URL. */
export function pageSlots(first: SiteUrl, current: number, count: number): PageSlot[] {
  return pageWindow(current, count).map((slot) =>
    slot === "gap" ? { gap: true } : { pageNumber: slot, url: listPageUrl(first, slot) },
  );
}

/** Page `n` of `count` of the list at `first`, with the links its pager offers. */
export function pagedAt(first: SiteUrl, n: number, count: number): Paged {
  const page: Paged = {
    url: listPageUrl(first, n),
    pageNumber: n,
    pageCount: count,
    firstUrl: first,
    lastUrl: listPageUrl(first, count),
    slots: count > 1 ? pageSlots(first, n, count) : [],
  };
  if (n > 1) page.previousUrl = listPageUrl(first, n - 1);
  if (n < count) page.nextUrl = listPageUrl(first, n + 1);
  return page;
}

/**
 * `articles` cut into pages of `size` at `first`, `first/page/2/`, …: at least one page, empty
 * when there is nothing to list. `extra` adds what every page of the list shows besides.
 */
export function paginate<E extends object>(
  articles: readonly Article[],
  size: number,
  first: SiteUrl,
  extra: E,
): (ListPage & E)[] {
  const pageCount = Math.max(1, Math.ceil(articles.length / size));
  return Array.from({ length: pageCount }, (_, i) => {
    const { url, pageNumber, firstUrl, lastUrl, previousUrl, nextUrl, slots } =
      pagedAt(first, i + 1, pageCount);
    const page: ListPage & E = {
      ...extra,
      url,
      pageNumber,
      pageCount,
      articles: articles.slice(i * size, (i + 1) * size),
      firstUrl,
      lastUrl,
      slots,
    };
    if (previousUrl) page.previousUrl = previousUrl;
    if (nextUrl) page.nextUrl = nextUrl;
    return page;
  });
}
