// The Atom feeds of authors and entities, written straight into the site rather than through
// Eleventy: each is one string from src/feeds/feeds.ts, with no template around it, and there is
// one for every author and entity (5,239 at 10,000 articles, half the site's bytes). Eleventy
// keeps every page it renders until its run ends, so through it they held about 450 MB at once
// and cost its per-page work; here each is written and let go.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Archive } from "../archive/model.ts";
import { fileForUrl } from "../content/paths.ts";
import { atOnce } from "../search/at-once.ts";
import { AtomEntries, type SubjectFeed, subjectAtomBytes } from "./feeds.ts";

/** Files written at once: each waits on the file system more than it computes. */
const FILES_AT_ONCE = 8;

export async function writeSubjectFeeds(
  archive: Archive,
  feeds: readonly SubjectFeed[],
  siteDir: string,
  signal?: AbortSignal,
): Promise<void> {
  const entries = new AtomEntries(archive, feeds);
  const write = async (feed: SubjectFeed) => {
    const path = join(siteDir, fileForUrl(feed.url));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, subjectAtomBytes(archive, feed, entries));
  };
  await atOnce(feeds, FILES_AT_ONCE, write, signal);
}
