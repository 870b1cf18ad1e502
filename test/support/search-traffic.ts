// What a reader downloads to search: the requests and bytes of a first query on a fresh visit
// to the search page, and of a follow-up query typed on the same page (Chromium).
import type { Browser, Page, Request } from "playwright-core";

export interface Traffic {
  requests: number;
  /** Response bytes as sent (headers and body, compressed if the server compresses). */
  bytes: number;
  /** Bytes by kind of file, for finding what grew. */
  byKind: Record<string, number>;
}

export interface SearchTraffic {
  first: Traffic;
  followUp: Traffic;
  /** The result count the page showed for each query. */
  results: [string, string];
}

/** Opens `/search/?q=<first>` in a fresh context, then types `followUp` in the search box. */
export async function measureSearch(browser: Browser, siteUrl: string, first: string, followUp: string): Promise<SearchTraffic> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    let requests: Request[] = [];
    page.on("request", (request) => requests.push(request));
    await page.goto(`${siteUrl}/search/?q=${encodeURIComponent(first)}`);
    const firstStatus = await shownResults(page, first);
    const firstTraffic = await traffic(requests);
    requests = [];
    await page.locator("#search-query").fill(followUp);
    const followStatus = await shownResults(page, followUp);
    return { first: firstTraffic, followUp: await traffic(requests), results: [firstStatus, followStatus] };
  } finally {
    await context.close();
  }
}

/** The status line is written once every shown result's data has arrived (search.js). */
async function shownResults(page: Page, query: string): Promise<string> {
  const status = page.locator("[data-search-status]");
  await status.filter({ hasText: `for “${query}”` }).waitFor({ timeout: 60_000 });
  return (await status.textContent()) ?? "";
}

async function traffic(requests: Request[]): Promise<Traffic> {
  const byKind: Record<string, number> = {};
  let bytes = 0;
  for (const request of requests) {
    const sizes = await request.sizes();
    const size = sizes.responseBodySize + sizes.responseHeadersSize;
    const kind = /\.(\w+)$/.exec(new URL(request.url()).pathname)?.[1] ?? "page";
    byKind[kind] = (byKind[kind] ?? 0) + size;
    bytes += size;
  }
  return { requests: requests.length, bytes, byKind };
}
