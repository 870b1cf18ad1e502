// Import, step 1: read the source, a file or a feed's URL, and hand it to the reader for its
// format (a WordPress export, or an RSS 2.0 or Atom feed).
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { readFeed } from "./read-feed.ts";
import { isWxr, readWxr } from "./read-wxr.ts";
import type { ImportSource } from "./source.ts";

/** How long a feed's server may take, and how much it may send, before the import gives up. */
export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

/** A feed is a few megabytes at most; a minute covers a slow server, not a stuck one. */
export const FETCH_LIMITS: FetchLimits = { timeoutMs: 60_000, maxBytes: 64 * 1024 * 1024 };

export async function readSource(
  source: string,
  limits: FetchLimits = FETCH_LIMITS,
): Promise<ImportSource> {
  const isUrl = /^https?:\/\//i.test(source);
  const xml = isUrl ? await fetchFeed(source, limits) : await readFile(source, "utf8");
  const name = isUrl ? source : basename(source);
  return isWxr(xml) ? readWxr(xml, name) : readFeed(xml, name);
}

async function fetchFeed(url: string, { timeoutMs, maxBytes }: FetchLimits): Promise<string> {
  const accept = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5";
  const signal = AbortSignal.timeout(timeoutMs);
  const seconds = `${timeoutMs / 1000} s`;
  try {
    const response = await fetch(url, { headers: { accept }, signal });
    if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
    return await readLimited(response, url, maxBytes);
  } catch (error) {
    if (signal.aborted) throw new Error(`${url} sent no whole answer within ${seconds}`);
    throw error;
  }
}

/** The body as text, read no further than `maxBytes`: a server may send without end. */
async function readLimited(response: Response, url: string, maxBytes: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    // Leaving the loop (by the throw) cancels the stream, and with it the download.
    if (size > maxBytes) {
      const megabytes = Math.round(maxBytes / 1024 / 1024);
      throw new Error(
        `${url} sent more than ${megabytes} MB, more than any feed: ` +
          "save it as a file and import the file",
      );
    }
    chunks.push(chunk);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
