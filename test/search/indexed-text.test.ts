// What the search index holds of each article (layouts/article.11ty.tsx): the headline,
// standfirst and body, never the navigation, byline, dates, topic list or list of entities,
// so that excerpts start and end in the article's own words; authors, years and entities stay
// filters and the date the sort key.
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { PROJECT_ROOT, runBuild } from "../support/build.ts";
import { suiteCleanup, tempDir } from "../support/temp.ts";

const temp = suiteCleanup(after);

/** One indexed page as Pagefind stores it: a gzipped `pagefind_dcd` header, then JSON. */
interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  sort?: Record<string, string>;
}

async function readFragments(site: string): Promise<Fragment[]> {
  const shards = JSON.parse(await readFile(join(site, "pagefind", "shards.json"), "utf8")) as {
    shards: string[];
  };
  const fragments: Fragment[] = [];
  for (const shard of shards.shards) {
    const folder = join(site, "pagefind", shard, "fragment");
    for (const file of await readdir(folder)) {
      const text = gunzipSync(await readFile(join(folder, file))).toString("utf8");
      assert.ok(text.startsWith("pagefind_dcd"), `${shard}/${file} is a Pagefind fragment`);
      fragments.push(JSON.parse(text.slice("pagefind_dcd".length)) as Fragment);
    }
  }
  return fragments;
}

describe("the sample archive's search index", () => {
  let fragments: Fragment[];
  before(async () => {
    const out = join(await tempDir(temp, "indexed-text"), "site");
    const run = await runBuild(join(PROJECT_ROOT, "content"), out);
    assert.equal(run.code, 0, run.stderr);
    fragments = await readFragments(out);
  });

  test("holds every article once", () => {
    assert.equal(fragments.length, 11);
    assert.equal(new Set(fragments.map((fragment) => fragment.url)).size, 11);
  });

  test("holds no navigation, byline, date line, topic list or list of entities", () => {
    const never = [
      /\bBy (Maria Okafor|Daniel Weiss|Priya Raman)\b/,
      /\bTopics\b/,
      /In this article/,
      /Related articles|Previous|Next/,
      /Skip to content|Latest|Search the archive|Atom feed|Sitemap/,
      /· /, // the separator of the byline, the date line and the topics
    ];
    for (const { url, content } of fragments) {
      for (const pattern of never) assert.doesNotMatch(content, pattern, url);
    }
  });

  test("holds the headline and standfirst, and keeps the filters, date and sort key", () => {
    const meeting = fragments.find((fragment) => {
      return fragment.url === "/2020/08/13/press-weighs-election-security-meeting/";
    });
    assert.ok(meeting);
    const headline = "Press divided over secrecy of tech and security agency meeting";
    assert.ok(meeting.content.startsWith(headline), meeting.content.slice(0, 80));
    assert.match(meeting.content, /Shoshana Wodinsky argued that voters need to know/);
    assert.deepEqual(meeting.filters.facet, ["author:Priya Raman", "year:2020"]);
    const organisations = meeting.filters["type-organization"];
    assert.ok(organisations?.includes("Gizmodo"), JSON.stringify(meeting.filters));
    assert.ok(meeting.filters["type-person"]?.includes("Shoshana Wodinsky"));
    assert.equal(meeting.meta.date, "2020-08-13");
    assert.equal(meeting.meta.title, headline);
  });
});
