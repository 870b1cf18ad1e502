// The pages stage writes a large selection in slices, one Eleventy run each, so that Eleventy's
// memory stays bounded: the pages are the same whatever the slices.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import type { Archive } from "../../src/archive/model.ts";
import {
  pageSlices, type TemplatePages as PageSelection, writePages,
} from "../../src/publish/write-pages.ts";
import { readArchive } from "../../src/read-archive.ts";
import { PROJECT_ROOT, readTree } from "../support/build.ts";
import { tempDir } from "../support/temp.ts";

const LISTS = [
  "articles", "homePages", "years", "months", "authorPages", "entityPages", "entityIndexPages",
  "redirects", "withdrawn",
] as const;

function everyPage(archive: Archive): PageSelection {
  return Object.fromEntries(LISTS.map((list) => [list, archive[list]])) as PageSelection;
}

test("slices hold every page once, in order, none larger than asked", () => {
  const pages = Object.fromEntries(LISTS.map((list, i) => {
    return [list, Array.from({ length: i * 3 }, (_, n) => `${list}${n}`)];
  })) as unknown as PageSelection;
  const slices = pageSlices(pages, 10);
  const count = (slice: PageSelection) => LISTS.reduce((sum, list) => sum + slice[list].length, 0);
  assert.ok(slices.every((slice) => count(slice) <= 10));
  assert.equal(slices.length, Math.ceil(count(pages) / 10));
  for (const list of LISTS) {
    assert.deepEqual(slices.flatMap((slice) => slice[list] as unknown[]), pages[list]);
  }
  assert.deepEqual(pageSlices({ ...pages, articles: [] }, 1000).length, 1);
});

test("pages written in slices of a few are the pages of one run", async (t) => {
  const { archive } = await readArchive(join(PROJECT_ROOT, "content"), { includeDrafts: false });
  const whole = await tempDir(t, "pages-whole");
  const sliced = await tempDir(t, "pages-sliced");
  await writePages(archive, everyPage(archive), whole);
  await writePages(archive, everyPage(archive), sliced, { pagesPerRun: 7 });
  const wholeTree = await readTree(whole);
  assert.ok(wholeTree.has("search/index.html") && wholeTree.has("feed.xml"));
  assert.deepEqual(await readTree(sliced), wholeTree);
});
