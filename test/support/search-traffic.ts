// What a reader downloads to search: the requests and bytes of a first query on a fresh visit
// to the search page, and of a follow-up query typed on the same page (Chromium).
//
// Counted by the server that sends them, not by Playwright's request events, which do not see
// the scripts of Pagefind's web workers (one per search shard).
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import type { Browser, Page } from "playwright-core";
import { fileForUrl } from "./build.ts";

export interface Traffic {
  requests: number;
  /** Bytes of the files sent, uncompressed, headers left out. */
  bytes: number;
  /** Bytes by kind of file, for finding what grew. */
  byKind: Record<string, number>;
  /** Requests by kind of file. */
  requestsByKind: Record<string, number>;
}

/** Kinds of file that are images: the results' thumbnails, content rather than the search's. */
const IMAGE_KINDS = new Set(["png", "jpg", "jpeg", "webp", "avif", "gif"]);

/** The requests and bytes of the images among `traffic`. */
export function imagesIn(traffic: Traffic): { requests: number; bytes: number } {
  const kinds = Object.keys(traffic.requestsByKind).filter((kind) => IMAGE_KINDS.has(kind));
  return {
    requests: kinds.reduce((sum, kind) => sum + traffic.requestsByKind[kind]!, 0),
    bytes: kinds.reduce((sum, kind) => sum + (traffic.byKind[kind] ?? 0), 0),
  };
}

export interface SearchTraffic {
  first: Traffic;
  followUp: Traffic;
  /** The status line the page showed for each query. */
  results: [string, string];
}

/** A search to measure: the query typed first, the one typed next, and more of the address. */
export interface SearchPlan {
  first: string;
  followUp: string;
  /** Other parameters of the first address, such as `entity` or `sort`. */
  params?: Record<string, string>;
}

/**
 * Serves `siteDir`, opens `/search/?q=<first>` (with `params`) in a fresh context, then types
 * `followUp` in the box.
 */
export async function measureSearch(
  browser: Browser,
  siteDir: string,
  plan: SearchPlan,
): Promise<SearchTraffic> {
  const { first, followUp, params = {} } = plan;
  const server = await countingServer(siteDir);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/search/?${new URLSearchParams({ q: first, ...params })}`);
    const firstStatus = await shownResults(page, first);
    const firstTraffic = summary(server.sent.splice(0));
    await page.locator("#search-query").fill(followUp);
    const followStatus = await shownResults(page, followUp);
    return { first: firstTraffic, followUp: summary(server.sent.splice(0)), results: [firstStatus, followStatus] };
  } finally {
    await context.close();
    await server.close();
  }
}

/**
 * The status line is written once every shown result's data has arrived, and the results are
 * no longer busy once everything that search asked for has (search.js).
 */
async function shownResults(page: Page, query: string): Promise<string> {
  const status = page.locator("[data-search-status]");
  await status.filter({ hasText: `for “${query}”` }).waitFor({ timeout: 60_000 });
  const settled = () => !document.querySelector('[aria-busy="true"]');
  await page.waitForFunction(settled, null, { timeout: 60_000 });
  return (await status.textContent()) ?? "";
}

function summary(sent: { path: string; bytes: number }[]): Traffic {
  const byKind: Record<string, number> = {};
  const requestsByKind: Record<string, number> = {};
  for (const { path, bytes } of sent) {
    const kind = extname(path).slice(1).toLowerCase() || "page";
    byKind[kind] = (byKind[kind] ?? 0) + bytes;
    requestsByKind[kind] = (requestsByKind[kind] ?? 0) + 1;
  }
  const bytes = sent.reduce((sum, { bytes }) => sum + bytes, 0);
  return { requests: sent.length, bytes, byKind, requestsByKind };
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json" };

/** A static server on loopback that records each file it sends and its size. */
async function countingServer(root: string) {
  const sent: { path: string; bytes: number }[] = [];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost").pathname;
    const path = normalize(fileForUrl(url)).replace(/^(\.\.[/\\])+/, "");
    const body = await readFile(join(root, path)).catch(() => undefined);
    sent.push({ path, bytes: body?.length ?? 0 });
    response.writeHead(body ? 200 : 404, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
    response.end(body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { url: `http://127.0.0.1:${port}`, sent, close };
}
