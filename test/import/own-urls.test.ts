// Import, old addresses: one that Dateline publishes itself is no alias (the build would stop
// on the clash), and is reported instead.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { SiteUrl } from "../../src/content/paths.ts";
import { ownUrl } from "../../src/import/own-urls.ts";

test("Dateline's own pages, files, sections and date archives are not an article's alias", () => {
  const own = (path: string) => ownUrl(path as SiteUrl);
  assert.equal(own("/search/"), "Dateline's own /search/");
  assert.equal(own("/search"), "Dateline's own /search/", "a folder with or without its /");
  assert.equal(own("/feed.xml"), "Dateline's own /feed.xml");
  assert.equal(own("/authors/"), "Dateline's own /authors/");
  assert.equal(own("/authors/ana-ruiz/"), "under Dateline's authors/ section");
  assert.equal(own("/entities/by-count/"), "under Dateline's entities/ section");
  assert.equal(own("/page/2/"), "under Dateline's page/ section");
  assert.equal(own("/2019/"), "a date archive of Dateline's");
  assert.equal(own("/2019/05/page/3/"), "a date archive of Dateline's");
  for (const path of ["/2019/05/02/cafe/", "/archives/123", "/news/story.html", "/searching/",
    "/about-us/", "/2019/05/cafe.html"]) {
    assert.equal(own(path), undefined, path);
  }
});
