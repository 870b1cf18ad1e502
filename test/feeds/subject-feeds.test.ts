// The Atom feed of each author and each entity: the right articles, newest first, every author,
// summary, body with absolute links (a code sample's `<a href="/x">` stays text), entities as
// categories, dates on the written day; the same bytes whatever the machine's time zone.
import assert from "node:assert/strict";
import { HANG } from "../support/hang.ts";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Archive, Article } from "../../src/archive/model.ts";
import { fileForUrl, siteUrl } from "../../src/content/paths.ts";
import {
  absolutizeLinks,
  AtomEntries,
  authorFeeds,
  correctionsFeed,
  entityFeeds,
  type SubjectFeed,
  subjectAtomBytes,
} from "../../src/feeds/feeds.ts";
import { xmlSafe } from "../../src/feeds/xml-text.ts";
import { feedInputText } from "../../src/publish/page-inputs.ts";
import { readArchive } from "../../src/read-archive.ts";
import { article, VALID, writeArchive } from "../support/archive.ts";
import { runBuild } from "../support/build.ts";
import { allElements, parsePageHtml } from "../support/html.ts";
import { suiteCleanup, tempDir } from "../support/temp.ts";
import { drawnPng } from "../support/images.ts";
import { childNamed, childrenNamed, parseStrictXml, textOf, type XmlElement } from "./xml.ts";

/** A subject's feed as text. */
const subjectAtomFeed = (...args: Parameters<typeof subjectAtomBytes>) =>
  subjectAtomBytes(...args).toString("utf8");

// YAML's double-quoted escapes bring in what a file could not: a control character.
const ANA = `"<Ana> & \\"Bo\\" ]]> 'x'"`;
const ANA_NAME = `<Ana> & "Bo" ]]> 'x'`;
const ODD = `"a<b & \\"c\\" ]]>\\u0001"`;
const ODD_NAME = `a<b & "c" ]]>`;

const CODE = `---
title: "Code & <links> ]]>"
date: 2020-08-13
updated: 2020-08-20
author: [${ANA}, Li Wei]
summary: "Sum & <b>bold</b> ]]>"
entities: [${ODD}, 東京]
---

Inline \`<a href="/x">\` code and a [real link](/2020/01/15/winter/) and ![map](/images/map.png).

\`\`\`html
<a href="/x">text</a> <img src="/y.png">
\`\`\`

[elsewhere](//example.com/z) and [absolute](https://example.com/w).
`;

const WINTER = `---
title: Winter
date: 2020-01-15
author: Li Wei
summary: In January.
entities: [東京]
---

Cold.
`;

const TIMED = `---
title: Timed
date: 2020-08-12T10:00:00+02:00
author: ${ANA}
entities: [Elsewhere]
---

At ten in Berlin.
`;

const FILES = {
  // A real image: the build makes its variants (src/images/), and a missing one is an error.
  "static/images/map.png": drawnPng(40, 30),
  "site.yaml": [
    'title: "Gazette & <Co>"',
    "url: https://news.example.org",
    "timezone: America/New_York",
    "",
  ].join("\n"),
  "articles/2020/08/code.md": CODE,
  "articles/2020/01/winter.md": WINTER,
  "articles/2020/08/timed.md": TIMED,
  // An author and an entity with a file and no article yet: their feeds are empty.
  "authors/quiet-writer.md": "---\nname: Quiet Writer\n---\n",
  "entities/harbour-board.md": "---\nname: Harbour Board\ntype: organization\n---\n",
};

/** The feeds without entries, and the archive's last update they are dated by. */
const EMPTY_FEEDS = [
  { kind: "author", name: "Quiet Writer" },
  { kind: "entity", name: "Harbour Board" },
] as const;

const HOME = "https://news.example.org";

/** Each article's entry as the feeds must give it. */
const ENTRIES = {
  code: {
    url: `${HOME}/2020/08/13/code/`,
    title: "Code & <links> ]]>",
    summary: "Sum & <b>bold</b> ]]>",
    authors: [ANA_NAME, "Li Wei"],
    categories: [ODD_NAME, "東京"],
    // Noon in New York, summer time.
    published: "2020-08-13T16:00:00.000Z",
    updated: "2020-08-20T16:00:00.000Z",
  },
  winter: {
    url: `${HOME}/2020/01/15/winter/`,
    title: "Winter",
    summary: "In January.",
    authors: ["Li Wei"],
    categories: ["東京"],
    // Noon in New York, standard time.
    published: "2020-01-15T17:00:00.000Z",
    updated: "2020-01-15T17:00:00.000Z",
  },
  timed: {
    url: `${HOME}/2020/08/12/timed/`,
    title: "Timed",
    summary: undefined,
    authors: [ANA_NAME],
    categories: ["Elsewhere"],
    published: "2020-08-12T08:00:00.000Z",
    updated: "2020-08-12T08:00:00.000Z",
  },
};
type EntryName = keyof typeof ENTRIES;

/** Each feed's articles, newest first. */
const FEEDS: { kind: "author" | "entity"; name: string; entries: EntryName[] }[] = [
  { kind: "author", name: ANA_NAME, entries: ["code", "timed"] },
  { kind: "author", name: "Li Wei", entries: ["code", "winter"] },
  { kind: "entity", name: ODD_NAME, entries: ["code"] },
  { kind: "entity", name: "東京", entries: ["code", "winter"] },
  { kind: "entity", name: "Elsewhere", entries: ["timed"] },
];

let content = "";
let archive: Archive;
const cleanup = suiteCleanup(after);

before(async () => {
  content = await writeArchive(FILES, await tempDir(cleanup, "subject-feeds"));
  // With a cache, as a build reads it: the body's image becomes its variants (src/images/).
  const cacheDir = await tempDir(cleanup, "subject-feeds-cache");
  const result = await readArchive(content, { includeDrafts: false, cacheDir });
  const errors = result.problems.filter((p) => p.severity === "error");
  assert.deepEqual(errors, []);
  archive = result.archive;
});

function feedOf(kind: "author" | "entity", name: string): SubjectFeed {
  const feeds = kind === "author" ? authorFeeds(archive) : entityFeeds(archive);
  // Feeds drop what XML cannot carry (the control character); the model keeps the name.
  const feed = feeds.find((candidate) => xmlSafe(candidate.name) === name);
  assert.ok(feed, `no feed for ${kind} ${name}`);
  return feed;
}

function articleNamed(name: EntryName): Article {
  const found = archive.articles.find((article) => article.slug === name);
  assert.ok(found, name);
  return found;
}

function checkEntry(entry: XmlElement, name: EntryName): void {
  const expected = ENTRIES[name];
  assert.equal(textOf(entry, "id"), expected.url);
  assert.equal(childNamed(entry, "link").attributes.href, expected.url);
  assert.equal(textOf(entry, "title"), expected.title);
  const summaries = childrenNamed(entry, "summary").map((summary) => summary.text.trim());
  assert.deepEqual(summaries, expected.summary ? [expected.summary] : [], `${name}: summary`);
  const authors = childrenNamed(entry, "author");
  assert.deepEqual(authors.map((author) => textOf(author, "name")), expected.authors);
  for (const author of authors) {
    assert.match(textOf(author, "uri"), /^https:\/\/news\.example\.org\/authors\/[^/]+\/$/);
  }
  const categories = childrenNamed(entry, "category");
  assert.deepEqual(categories.map((category) => category.attributes.term), expected.categories);
  assert.equal(textOf(entry, "published"), expected.published, `${name}: published`);
  assert.equal(textOf(entry, "updated"), expected.updated, `${name}: updated`);
  const body = childNamed(entry, "content");
  assert.equal(body.attributes.type, "html");
  assert.equal(body.text.trim(), absolutizeLinks(archive, articleNamed(name).html));
}

function checkFeed(xml: string, { kind, name, entries }: (typeof FEEDS)[number]): void {
  const feed = parseStrictXml(xml);
  const subject = feedOf(kind, name);
  const page = `${HOME}${encodeURI(subject.page)}`;
  assert.equal(textOf(feed, "id"), page);
  assert.equal(textOf(feed, "title"), `${name} · Gazette & <Co>`);
  const links = childrenNamed(feed, "link").map(({ attributes: { rel, href } }) => [rel, href]);
  assert.deepEqual(links, [["alternate", page], ["self", `${page}feed.xml`]]);
  const newest = entries.map((entry) => ENTRIES[entry].updated).sort().at(-1);
  assert.equal(textOf(feed, "updated"), newest);
  const found = childrenNamed(feed, "entry");
  assert.deepEqual(
    found.map((entry) => textOf(entry, "id")),
    entries.map((entry) => ENTRIES[entry].url),
  );
  found.forEach((entry, index) => checkEntry(entry, entries[index]!));
}

for (const expected of FEEDS) {
  const title = `the ${expected.kind} feed of ${JSON.stringify(expected.name)}`;
  test(`${title} gives its articles, entry by entry`, () => {
    checkFeed(subjectAtomFeed(archive, feedOf(expected.kind, expected.name)), expected);
  });
}

test("an entry made for several feeds is the same in each, and let go after the last", () => {
  const feeds = [...authorFeeds(archive), ...entityFeeds(archive)];
  const entries = new AtomEntries(archive, feeds);
  const shared = feeds.filter((feed) => feed.articles.length > 0);
  assert.ok(shared.length >= 2);
  for (const feed of feeds) {
    assert.equal(subjectAtomFeed(archive, feed, entries), subjectAtomFeed(archive, feed), feed.name);
  }
  assert.equal(entries.held, 0, "every entry let go once its last feed is written");
  // Midway, an article that a feed still to be written holds is kept, made once.
  const half = new AtomEntries(archive, feeds);
  subjectAtomFeed(archive, feeds[0]!, half);
  const later = new Set(feeds.slice(1).flatMap((feed) => feed.articles));
  const kept = feeds[0]!.articles.filter((article) => later.has(article)).length;
  assert.ok(kept > 0, "the first feed shares an article with a later one");
  assert.equal(half.held, kept);
});

const EMPTY = "empty feeds (an author's, an entity's, the corrections') take the archive's date";
test(EMPTY, () => {
  // The newest article, `code`, was updated on 2020-08-20: noon in New York.
  const lastUpdated = ENTRIES.code.updated;
  for (const { kind, name } of EMPTY_FEEDS) {
    const feed = parseStrictXml(subjectAtomFeed(archive, feedOf(kind, name)));
    assert.deepEqual(childrenNamed(feed, "entry"), [], name);
    assert.equal(textOf(feed, "updated"), lastUpdated, name);
  }
  const corrections = parseStrictXml(correctionsFeed(archive));
  assert.deepEqual(childrenNamed(corrections, "entry"), []);
  assert.equal(textOf(corrections, "updated"), lastUpdated);
});

test("an empty feed's inputs hold the archive's update; other feeds' do not", async (t) => {
  const newer = article({ ...VALID, date: "2021-01-05", author: "Li Wei", entities: "[]" });
  const files = { ...FILES, "articles/2021/01/newer.md": newer };
  const cacheDir = await tempDir(t, "subject-feeds-later-cache");
  const later = await readArchive(await writeArchive(files, t), { includeDrafts: false, cacheDir });
  const inputs = (from: Archive, kind: "author" | "entity", name: string) => {
    const feeds = kind === "author" ? authorFeeds(from) : entityFeeds(from);
    const feed = feeds.find((candidate) => xmlSafe(candidate.name) === name);
    assert.ok(feed, name);
    return feedInputText(feed);
  };
  for (const { kind, name } of EMPTY_FEEDS) {
    assert.notEqual(inputs(later.archive, kind, name), inputs(archive, kind, name), name);
  }
  assert.equal(inputs(later.archive, "entity", "東京"), inputs(archive, "entity", "東京"));
});

test("links in feed bodies are absolute; a code sample's <a href> is text, left as it is", () => {
  const html = absolutizeLinks(archive, articleNamed("code").html);
  assert.ok(html.includes(`<a href="${HOME}/2020/01/15/winter/">real link</a>`), html);
  // The responsive image's fallback and every candidate of its srcsets.
  assert.match(html, new RegExp(`<img src="${HOME}/img/[\\w-]+\\.png" srcset="${HOME}/img/`));
  assert.equal((html.match(/srcset="https:/g) ?? []).length, 3, html);
  const picture = html.slice(html.indexOf("<picture>"), html.indexOf("</picture>"));
  assert.doesNotMatch(picture, /(?:src|srcset)="\/(?!\/)/, "nothing root-relative is left");
  assert.ok(html.includes('<code>&#x3C;a href="/x"></code>'), html);
  assert.ok(html.includes('&#x3C;a href="/x">text&#x3C;/a> &#x3C;img src="/y.png">'), html);
  assert.ok(html.includes('<a href="//example.com/z">'), "another site's link is left as it is");
  assert.ok(html.includes('<a href="https://example.com/w">'));
  assert.ok(!html.includes(`${HOME}/x`) && !html.includes(`${HOME}/y.png`), html);
});

test("absolutizeLinks: input and output side by side", () => {
  const cases: [input: string, output: string][] = [
    ['<p><a href="/a/">a</a></p>', `<p><a href="${HOME}/a/">a</a></p>`],
    ['<p><code>&#x3C;a href="/a/"></code></p>', '<p><code>&#x3C;a href="/a/"></code></p>'],
    ['<p>href="/a/"</p>', '<p>href="/a/"</p>'],
    ['<blockquote cite="/q/">q</blockquote>', `<blockquote cite="${HOME}/q/">q</blockquote>`],
    ['<a href="/東京/?a&#x26;b">t</a>', `<a href="${HOME}/%E6%9D%B1%E4%BA%AC/?a&#x26;b">t</a>`],
    ['<a href="#fn-1">1</a> <a href="/\\x">x</a>', '<a href="#fn-1">1</a> <a href="/\\x">x</a>'],
    ["<p>No links.</p>", "<p>No links.</p>"],
    [
      '<picture><source srcset="/img/a-160.avif 160w, /img/a-400.avif 400w">' +
        '<img src="/img/a.png" srcset="/img/a-160.png 160w,https://cdn.test/b.png 2x"></picture>',
      `<picture><source srcset="${HOME}/img/a-160.avif 160w, ${HOME}/img/a-400.avif 400w">` +
        `<img src="${HOME}/img/a.png" ` +
        `srcset="${HOME}/img/a-160.png 160w, https://cdn.test/b.png 2x">` +
        "</picture>",
    ],
  ];
  for (const [input, output] of cases) assert.equal(absolutizeLinks(archive, input), output, input);
});

const BUILD = "a build writes each feed beside its page, linked from its head, the same in any TZ";
test(BUILD, HANG, async (t) => {
  const parent = await tempDir(t, "subject-feeds-build");
  const sites: Record<string, string> = {};
  for (const tz of ["Pacific/Kiritimati", "America/Adak"]) {
    const site = join(parent, tz.replace("/", "-"));
    const run = await runBuild(content, site, { TZ: tz });
    assert.equal(run.code, 0, run.stderr);
    sites[tz] = site;
  }
  for (const expected of FEEDS) {
    const subject = feedOf(expected.kind, expected.name);
    const [kiritimati, adak] = await Promise.all(
      Object.values(sites).map((site) => readFile(join(site, fileForUrl(subject.url)), "utf8")),
    );
    assert.equal(kiritimati, adak, `${subject.url}: the machine's time zone changes nothing`);
    checkFeed(kiritimati!, expected);
    const page = await readFile(join(sites["America/Adak"]!, fileForUrl(subject.page)), "utf8");
    const alternates = allElements(parsePageHtml(page))
      .filter((el) => el.tagName === "link" && `${el.properties.rel}` === "alternate")
      .map(({ properties: { type, title, href } }) => [type, title, href]);
    assert.deepEqual(alternates.at(-1), [
      "application/atom+xml",
      `${subject.name} · Gazette & <Co> (Atom)`,
      subject.url,
    ]);
  }
  // The site-wide Atom feed dates a date-only article the same way.
  const site = parseStrictXml(await readFile(join(sites["America/Adak"]!, "feed.xml"), "utf8"));
  const entries = childrenNamed(site, "entry");
  const code = entries.find((entry) => textOf(entry, "id") === ENTRIES.code.url);
  assert.ok(code);
  assert.equal(textOf(code, "published"), ENTRIES.code.published);
  assert.equal(siteUrl(fileForUrl(feedOf("author", "Li Wei").url)), "authors/li-wei/feed.xml");
  const quiet = join(sites["America/Adak"]!, fileForUrl(feedOf("author", "Quiet Writer").url));
  const quietFeed = parseStrictXml(await readFile(quiet, "utf8"));
  assert.equal(textOf(quietFeed, "updated"), ENTRIES.code.updated, "an empty feed's date");
});
