// Feeds from hostile text: every feed must be well-formed to a strict XML parser (or JSON),
// carry the same values in every format, and give absolute URLs percent-encoded by the URL API.
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Archive } from "../../src/archive/model.ts";
import { atomFeed, jsonFeed, rssFeed } from "../../src/feeds/feeds.ts";
import { robotsTxt, sitemap } from "../../src/feeds/sitemap.ts";
import { readArchive } from "../../src/read-archive.ts";
import { writeArchive } from "../support/archive.ts";
import { runBuild } from "../support/build.ts";
import { drawnPng } from "../support/images.ts";
import { childNamed, childrenNamed, parseStrictXml, textOf, type XmlElement } from "./xml.ts";

// YAML's double-quoted escapes bring in what a file could not: controls, a lone surrogate.
const HOSTILE = `---
title: "<b>Bold</b> & \\"quotes\\" 'apos' ]]> \\u0001\\u0008end\\uD800"
date: 2020-08-12T10:00:00+02:00
author: ["<Ana> & \\"Bo\\"", "Zoë ]]> Ångström"]
summary: "</summary><script>alert(1)</script> & ]]>\\u000b done"
entities: ["a<b", "\\"q\\" & 'a'", "x]]>y", "c\\u0001d", 東京]
---

Code: \`]]>\` and \`<![CDATA[\`, [a link](/2020/08/13/東京/), [search](/search/?q=a&b=c),
[elsewhere](//example.com/x) and ![pixel](/images/東京.png).
`;

const TOKYO = ["---", "title: 東京", "date: 2020-08-13", "author: Ana Ruiz", "summary: Tokyo."]
  .concat(["entities: [東京]", "---", "", "Text.", ""])
  .join("\n");

const SITE = ['title: "Gazette <&> \\"Co\\" ]]> \\u0001"', 'description: "Desc ]]> & <i>"']
  .concat(["url: https://news.example.org", "language: pt-BR", ""])
  .join("\n");

const FILES = {
  // A real image: the build makes its variants (src/images/), and a missing one is an error.
  "static/images/東京.png": drawnPng(40, 30),
  "site.yaml": SITE,
  "articles/2020/08/hostile.md": HOSTILE,
  "articles/2020/08/東京.md": TOKYO,
};

/** What each feed must say, with the characters XML cannot carry removed. */
const EXPECTED = {
  siteTitle: 'Gazette <&> "Co" ]]>',
  siteDescription: "Desc ]]> & <i>",
  title: `<b>Bold</b> & "quotes" 'apos' ]]> end`,
  summary: "</summary><script>alert(1)</script> & ]]> done",
  authors: ['<Ana> & "Bo"', "Zoë ]]> Ångström"],
  categories: ["a<b", `"q" & 'a'`, "x]]>y", "cd", "東京"],
  hostileUrl: "https://news.example.org/2020/08/12/hostile/",
  tokyoUrl: "https://news.example.org/2020/08/13/%E6%9D%B1%E4%BA%AC/",
};

let content = "";
let archive: Archive;

before(async () => {
  content = await writeArchive(FILES, await mkdtemp(join(tmpdir(), "dateline-feeds-")));
  const result = await readArchive(content, { includeDrafts: false });
  assert.deepEqual(
    result.problems.filter((p) => p.severity === "error"),
    [],
  );
  archive = result.archive;
});
after(() => rm(content, { recursive: true, force: true }));

function atomEntries(): XmlElement[] {
  return childrenNamed(parseStrictXml(atomFeed(archive)), "entry");
}

test("the Atom feed is well-formed and carries every hostile value as written", () => {
  const feed = parseStrictXml(atomFeed(archive));
  assert.equal(feed.attributes["xml:lang"], "pt-BR");
  assert.equal(textOf(feed, "title"), EXPECTED.siteTitle);
  assert.equal(textOf(feed, "subtitle"), EXPECTED.siteDescription);
  const self = childrenNamed(feed, "link").find((link) => link.attributes.rel === "self");
  assert.equal(self?.attributes.href, "https://news.example.org/feed.xml");
  const [tokyo, hostile] = childrenNamed(feed, "entry");
  assert.ok(tokyo && hostile);
  assert.equal(textOf(tokyo, "id"), EXPECTED.tokyoUrl);
  assert.equal(textOf(hostile, "id"), EXPECTED.hostileUrl);
  assert.equal(childNamed(hostile, "link").attributes.href, EXPECTED.hostileUrl);
  assert.equal(textOf(hostile, "title"), EXPECTED.title);
  assert.equal(
    childNamed(hostile, "title").attributes.type,
    undefined,
    "plain text, Atom's default",
  );
  assert.equal(textOf(hostile, "summary"), EXPECTED.summary);
  assert.deepEqual(
    childrenNamed(hostile, "author").map((author) => textOf(author, "name")),
    EXPECTED.authors,
  );
  assert.deepEqual(
    childrenNamed(hostile, "category").map((category) => category.attributes.term),
    EXPECTED.categories,
  );
  assert.deepEqual(
    childrenNamed(hostile, "category").map((category) => category.attributes.label),
    EXPECTED.categories,
  );
  assert.equal(textOf(hostile, "published"), "2020-08-12T08:00:00.000Z");
  assert.equal(textOf(hostile, "updated"), "2020-08-12T08:00:00.000Z");
  assert.equal(childNamed(hostile, "content").attributes.type, "html");
});

test("the RSS feed is well-formed and carries the same values", () => {
  const rss = parseStrictXml(rssFeed(archive));
  const channel = childNamed(rss, "channel");
  assert.equal(textOf(channel, "title"), EXPECTED.siteTitle);
  assert.equal(textOf(channel, "description"), EXPECTED.siteDescription);
  assert.equal(textOf(channel, "language"), "pt-BR");
  assert.equal(
    childNamed(channel, "atom:link").attributes.href,
    "https://news.example.org/rss.xml",
  );
  const [tokyo, hostile] = childrenNamed(channel, "item");
  assert.ok(tokyo && hostile);
  assert.equal(textOf(tokyo, "link"), EXPECTED.tokyoUrl);
  assert.equal(textOf(hostile, "guid"), EXPECTED.hostileUrl);
  assert.equal(textOf(hostile, "title"), EXPECTED.title);
  assert.equal(textOf(hostile, "description"), EXPECTED.summary);
  assert.deepEqual(
    childrenNamed(hostile, "dc:creator").map((creator) => creator.text.trim()),
    EXPECTED.authors,
  );
  assert.deepEqual(
    childrenNamed(hostile, "category").map((category) => category.text.trim()),
    EXPECTED.categories,
  );
  assert.equal(textOf(hostile, "pubDate"), "Wed, 12 Aug 2020 08:00:00 GMT");
});

test("the JSON Feed is version 1.1 and carries the same values, authors included", () => {
  const feed = JSON.parse(jsonFeed(archive)) as {
    version: string;
    title: string;
    description: string;
    language: string;
    feed_url: string;
    items: {
      id: string;
      url: string;
      title: string;
      summary: string;
      authors: { name: string; url: string }[];
      tags: string[];
      date_published: string;
    }[];
  };
  assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
  assert.equal(feed.title, EXPECTED.siteTitle);
  assert.equal(feed.description, EXPECTED.siteDescription);
  assert.equal(feed.language, "pt-BR");
  assert.equal(feed.feed_url, "https://news.example.org/feed.json");
  const [tokyo, hostile] = feed.items;
  assert.ok(tokyo && hostile);
  assert.equal(tokyo.url, EXPECTED.tokyoUrl);
  assert.equal(hostile.id, EXPECTED.hostileUrl);
  assert.equal(hostile.title, EXPECTED.title);
  assert.equal(hostile.summary, EXPECTED.summary);
  assert.deepEqual(
    hostile.authors.map((author) => author.name),
    EXPECTED.authors,
  );
  assert.ok(
    hostile.authors.every((author) => author.url.startsWith("https://news.example.org/authors/")),
  );
  assert.deepEqual(hostile.tags, EXPECTED.categories);
  assert.equal(hostile.date_published, "2020-08-12T08:00:00.000Z");
});

test("an article's HTML is the same in every feed, its links absolute and encoded", () => {
  const atom = childNamed(atomEntries()[1]!, "content").text.trim();
  const rss = childNamed(
    childrenNamed(childNamed(parseStrictXml(rssFeed(archive)), "channel"), "item")[1]!,
    "content:encoded",
  ).text.trim();
  const json = (JSON.parse(jsonFeed(archive)) as { items: { content_html: string }[] }).items[1]!
    .content_html;
  assert.equal(atom, json);
  assert.equal(rss, json);
  assert.match(json, /<code>]]><\/code>/, "a ]]> in the body survives the CDATA section");
  assert.ok(json.includes(`href="${EXPECTED.tokyoUrl}"`), json);
  assert.ok(json.includes('src="https://news.example.org/images/%E6%9D%B1%E4%BA%AC.png"'), json);
  assert.ok(json.includes('href="https://news.example.org/search/?q=a&#x26;b=c"'), json);
  assert.ok(json.includes('href="//example.com/x"'), "a link to another site is left as it is");
});

test("the sitemap and robots.txt give absolute URLs encoded by the URL API", () => {
  const urlset = parseStrictXml(sitemap(archive));
  const locs = childrenNamed(urlset, "url").map((url) => textOf(url, "loc"));
  assert.ok(locs.includes(EXPECTED.tokyoUrl));
  assert.ok(locs.includes("https://news.example.org/entities/%E6%9D%B1%E4%BA%AC/"));
  for (const loc of locs) assert.equal(new URL(loc).href, loc, "already as the URL API writes it");
  assert.match(robotsTxt(archive), /^Sitemap: https:\/\/news\.example\.org\/sitemap\.xml$/m);
});

test("a built site's feeds parse strictly; its pages' absolute URLs are encoded", async (t) => {
  const parent = await mkdtemp(join(tmpdir(), "dateline-feeds-"));
  t.after(() => rm(parent, { recursive: true, force: true }));
  const site = join(parent, "site");
  const run = await runBuild(content, site);
  assert.equal(run.code, 0, run.stderr);
  for (const file of ["feed.xml", "rss.xml", "sitemap.xml", "news-sitemap.xml"])
    parseStrictXml(await readFile(join(site, file), "utf8"));
  JSON.parse(await readFile(join(site, "feed.json"), "utf8"));

  const entityPage = await readFile(join(site, "entities/東京/index.html"), "utf8");
  assert.ok(
    entityPage.includes(
      '<link rel="canonical" href="https://news.example.org/entities/%E6%9D%B1%E4%BA%AC/"/>',
    ),
  );
  assert.ok(
    entityPage.includes(
      '<meta property="og:url" content="https://news.example.org/entities/%E6%9D%B1%E4%BA%AC/"/>',
    ),
  );
  const articlePage = await readFile(join(site, "2020/08/13/東京/index.html"), "utf8");
  const jsonLd = JSON.parse(
    /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(articlePage)?.[1] ?? "{}",
  ) as { mainEntityOfPage: string; about: { url: string }[] };
  assert.equal(jsonLd.mainEntityOfPage, EXPECTED.tokyoUrl);
  assert.deepEqual(
    jsonLd.about.map((entity) => entity.url),
    ["https://news.example.org/entities/%E6%9D%B1%E4%BA%AC/"],
  );
});
