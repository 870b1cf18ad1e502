import assert from "node:assert/strict";
import { test } from "node:test";
import {
  disambiguate, fileForUrl, looseNameKey, nameKey, type SiteUrl, slugify,
} from "../../src/content/paths.ts";

test("slugs are readable for any script", () => {
  const cases: [string, string][] = [
    ["Tech firms meet security agencies", "tech-firms-meet-security-agencies"],
    ["Café Müller", "cafe-mueller"],
    ["Москва", "moskva"],
    ["ΑΘΗΝΑ", "athina"],
    ["東京 Tower", "東京-tower"],
    ["北京", "北京"],
    ["F.B.I.", "f-b-i"],
    ["  Spaces   and\ttabs ", "spaces-and-tabs"],
    ["It's Bezos' view", "its-bezos-view"],
    ["ＦＵＬＬ ｗｉｄｔｈ", "full-width"],
  ];
  for (const [name, slug] of cases) assert.equal(slugify(name), slug, name);
});

test("a name with no letters or digits still gets a stable, distinct slug", () => {
  assert.match(slugify("!!!"), /^x-[0-9a-f]{6}$/);
  assert.equal(slugify("!!!"), slugify("!!!"));
  assert.notEqual(slugify("!!!"), slugify("???"));
  assert.match(slugify("🎉"), /^x-/);
});

test("long names are cut at a word boundary", () => {
  const slug = slugify("word ".repeat(40));
  assert.ok(slug.length <= 80);
  assert.ok(!slug.endsWith("-"));
});

test("names that slugify alike are told apart by a stable suffix", () => {
  assert.equal(slugify("C++"), slugify("C#"));
  assert.notEqual(disambiguate(slugify("C++"), nameKey("C++")), disambiguate(slugify("C#"), nameKey("C#")));
});

test("name keys fold case, width and spacing; loose keys also fold accents", () => {
  assert.equal(nameKey("  The  New York Times "), nameKey("the new york times"));
  assert.notEqual(nameKey("Zürich"), nameKey("Zurich"));
  assert.equal(looseNameKey("Zürich"), looseNameKey("zurich"));
});

test("a URL's file: pages are folders, the site's own files are files", () => {
  const file = (url: string) => fileForUrl(url as SiteUrl);
  assert.equal(file("/"), "index.html");
  assert.equal(file("/2020/08/12/story/"), "2020/08/12/story/index.html");
  assert.equal(file("/story.php"), "story.php/index.html", "never a name a server runs");
  assert.equal(file("/feed.xml"), "feed.xml");
  assert.equal(file("/entities/fbi/feed.xml"), "entities/fbi/feed.xml");
  assert.equal(file("/corrections/feed.xml"), "corrections/feed.xml");
  assert.equal(file("/search/names/12.json"), "search/names/12.json");
  assert.equal(file("/search/headlines/3.json"), "search/headlines/3.json");
  assert.equal(file("/assets/search.js"), "assets/search.js");
  assert.equal(file("/search/names/x.json"), "search/names/x.json/index.html");
  for (const icon of ["favicon.ico", "favicon.svg", "apple-touch-icon.png"]) {
    assert.equal(file(`/${icon}`), icon, "the site's icons");
  }
  assert.equal(file("/logo.png"), "logo.png/index.html", "an alias is a page, not an image");
});
