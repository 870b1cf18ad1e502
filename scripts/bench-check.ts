// Whether a rebuilt site shows an editor's change, on its page and in its search index: a
// rebuild that missed the change would otherwise look fast. A check, not a timing.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

/** What a site must show after an edit. */
export interface Proof {
  /** A URL of the site (`/2012/07/13/slug/`), whose page must contain `text`. */
  url: string;
  text: string;
  /**
   * In the search index, `found`: a record at `url` holds `text`; `gone`: every record at
   * `url` holds `text` (a withdrawn notice, say), so the article itself is no longer found.
   */
  search: "found" | "gone";
}

/** Whether the page at the proof's URL contains its text (an empty text: the page exists). */
export function pageShows(siteDir: string, proof: Proof): boolean {
  const path = join(siteDir, `${proof.url.slice(1)}index.html`);
  return existsSync(path) && readFileSync(path, "utf8").includes(proof.text);
}

/**
 * Whether Pagefind's index, wherever in the site its fragments are (one bundle or shards),
 * shows the change. Fragments are read one at a time, so that 100,000 of them fit.
 */
export function searchShows(siteDir: string, proof: Proof): boolean {
  const texts: string[] = [];
  for (const file of fragmentFiles(siteDir)) {
    const record = readFragment(file);
    if (record !== undefined && record.url === proof.url) texts.push(record.text);
  }
  return proof.search === "found"
    ? texts.some((text) => text.includes(proof.text))
    : texts.every((text) => text.includes(proof.text));
}

function* fragmentFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* fragmentFiles(path);
    else if (entry.name.endsWith(".pf_fragment")) yield path;
  }
}

/** A fragment is gzip of `pagefind_dcd` and JSON: the page's URL, its text and its metadata. */
function readFragment(file: string): { url: string; text: string } | undefined {
  try {
    const json = gunzipSync(readFileSync(file)).toString("utf8").replace(/^pagefind_dcd/, "");
    const fragment = JSON.parse(json) as { url?: unknown; content?: unknown; meta?: unknown };
    if (typeof fragment.url !== "string") return undefined;
    const text = `${JSON.stringify(fragment.meta)} ${String(fragment.content)}`;
    return { url: decodeURI(fragment.url), text };
  } catch {
    return undefined; // not a fragment this bench can read: it shows nothing
  }
}
