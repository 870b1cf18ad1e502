// Import, step 1: read the source, a file or a feed's URL, and hand it to the reader for its
// format (a WordPress export, or an RSS 2.0 or Atom feed).
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { MIMEType } from "node:util";
import { decodeSource } from "./decode-source.ts";
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
  const name = isUrl ? source : basename(source);
  const xml = isUrl ? await fetchFeed(source, limits) : decodeSource(await readFile(source), name);
  return isWxr(xml) ? readWxr(xml, name) : readFeed(xml, name);
}

async function fetchFeed(url: string, { timeoutMs, maxBytes }: FetchLimits): Promise<string> {
  const accept = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5";
  const signal = AbortSignal.timeout(timeoutMs);
  const seconds = `${timeoutMs / 1000} s`;
  try {
    const response = await fetch(url, { headers: { accept }, signal });
    if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
    refuseDeclaredSize(response, url, maxBytes);
    const bytes = await readLimited(response, url, maxBytes);
    return decodeSource(bytes, url, charsetOf(response.headers.get("content-type")));
  } catch (error) {
    if (signal.aborted) throw new Error(`${url} sent no whole answer within ${seconds}`);
    throw error;
  }
}

/** A server that says at once it will send too much is refused before anything is read. */
function refuseDeclaredSize(response: Response, url: string, maxBytes: number): void {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    // Cancelling the body closes the connection rather than downloading what was refused.
    void response.body?.cancel();
    throw tooLarge(`${url} is ${size(declared)} (its Content-Length), more than the ` +
      `${size(maxBytes)} a feed may be`);
  }
}

/** The body's bytes, read no further than `maxBytes`: a server may send without end. */
async function readLimited(response: Response, url: string,
  maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body ?? []) {
    total += chunk.byteLength;
    // Leaving the loop (by the throw) cancels the stream, and with it the download.
    if (total > maxBytes) {
      throw tooLarge(`${url} sent more than ${size(maxBytes)}, more than any feed`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function tooLarge(what: string): Error {
  return new Error(`${what}: save it as a file and import the file`);
}

/** A size as people write it: `64 MB`, `512 kB`, `1.5 MB` (binary units, as the limit is). */
export function size(bytes: number): string {
  const megabytes = bytes / 1024 / 1024;
  if (megabytes >= 1) return `${Number(megabytes.toFixed(1))} MB`;
  const kilobytes = bytes / 1024;
  return kilobytes >= 1 ? `${Number(kilobytes.toFixed(1))} kB` : `${bytes} bytes`;
}

/** The `charset` of a Content-Type, when it has one and is well formed. */
function charsetOf(contentType: string | null): string | undefined {
  if (!contentType) return undefined;
  try {
    return new MIMEType(contentType).params.get("charset") ?? undefined;
  } catch {
    return undefined;
  }
}
