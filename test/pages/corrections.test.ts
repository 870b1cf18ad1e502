// Corrections (front matter `corrections`): dated notes at the foot of the article and under
// its headline, `correction` in its JSON-LD, /corrections/ newest first, and its Atom feed.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import type { VNode } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import type { Archive } from "../../src/archive/model.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { correctionsFeed } from "../../src/feeds/feeds.ts";
import { readArchive } from "../../src/read-archive.ts";
import * as articlePage from "../../layouts/article.11ty.tsx";
import * as correctionsPage from "../../layouts/corrections.11ty.tsx";
import { article, writeArchive } from "../support/archive.ts";
import { suiteCleanup, tempDir } from "../support/temp.ts";
import { childNamed, childrenNamed, parseStrictXml, textOf } from "../feeds/xml.ts";

const cleanup = suiteCleanup(after);
const HOME = "https://news.example.org";
const page = { url: "/" };

const CORRECTED = article(
  {
    title: "Budget <vote>",
    date: "2020-08-12",
    author: "[Ana Ruiz, Li Wei]",
    corrections: [
      "",
      '  - { date: 2020-08-20, text: "The vote was 7 to 2, not 6 to 3 & <b>final</b>." }',
      '  - { date: 2020-08-14, text: "An earlier version misspelt the mayor\'s name." }',
    ].join("\n"),
  },
  "The council voted.\n",
);
const ALSO = article({
  title: "Bridge",
  date: "2020-08-01",
  author: "Li Wei",
  corrections: '[{ date: 2020-08-16T09:00:00+02:00, text: "The bridge opened in May." }]',
});
const CLEAN = article({ title: "Clean", date: "2020-08-13", author: "Li Wei" });

async function archiveOf(files: Record<string, string>): Promise<Archive> {
  const all = { "site.yaml": `title: Gazette\nurl: ${HOME}\n`, ...files };
  const content = await writeArchive(all, await tempDir(cleanup, "corrections"));
  const { archive, problems } = await readArchive(content, { includeDrafts: false });
  assert.deepEqual(problems.filter((p) => p.severity === "error"), []);
  return archive;
}

const html = (rendered: unknown) => renderToStaticMarkup(rendered as VNode);

test("an article shows its corrections at its foot, oldest first, and a note on top", async () => {
  const archive = await archiveOf({ "articles/budget.md": CORRECTED, "articles/clean.md": CLEAN });
  const budget = archive.articles.find((a) => a.slug === "budget");
  assert.ok(budget);
  const page_ = html(articlePage.render({ archive, page, article: budget }));
  const note = /<p class="correction-note">(.*?)<\/p>/s.exec(page_)?.[1] ?? "";
  assert.match(note, /Corrected <time datetime="2020-08-20">20 August 2020<\/time>/);
  assert.match(note, /<a href="#corrections">read the corrections<\/a>/);
  const section = /<section class="story-corrections" id="corrections".*?<\/section>/s;
  const foot = section.exec(page_)?.[0];
  assert.ok(foot, page_);
  const items = [...foot.matchAll(/<li id="(correction-\d)"><time datetime="([^"]+)">/g)];
  assert.deepEqual(items.map((m) => [m[1], m[2]]), [
    ["correction-1", "2020-08-14"],
    ["correction-2", "2020-08-20"],
  ]);
  assert.ok(foot.includes("not 6 to 3 &amp; &lt;b>final&lt;/b>."), "the text is text");
  const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page_)?.[1] ?? "{}";
  const data = JSON.parse(jsonLd) as { correction: { "@type": string; datePublished: string }[] };
  assert.deepEqual(
    data.correction.map((c) => [c["@type"], c.datePublished]),
    [["CorrectionComment", "2020-08-14"], ["CorrectionComment", "2020-08-20"]],
  );

  const clean = archive.articles.find((a) => a.slug === "clean");
  assert.ok(clean);
  const cleanPage = html(articlePage.render({ archive, page, article: clean }));
  for (const mark of ["correction-note", "story-corrections", "CorrectionComment"]) {
    assert.ok(!cleanPage.includes(mark), `no ${mark} without corrections`);
  }
});

test("/corrections/ and its feed list every correction, newest first", async () => {
  const archive = await archiveOf({
    "articles/budget.md": CORRECTED,
    "articles/bridge.md": ALSO,
    "articles/clean.md": CLEAN,
  });
  const list = html(correctionsPage.render({ archive, page }));
  const links = [...list.matchAll(/<a href="(\/2020\/[^"]+)">/g)].map((m) => m[1]);
  assert.deepEqual(links, [
    "/2020/08/12/budget/#correction-2",
    "/2020/08/01/bridge/#correction-1",
    "/2020/08/12/budget/#correction-1",
  ]);
  const alternate = /<link rel="alternate" type="application\/atom\+xml" [^>]*href="([^"]+)"/g;
  assert.ok([...list.matchAll(alternate)].some((m) => m[1] === "/corrections/feed.xml"));

  const feed = parseStrictXml(correctionsFeed(archive));
  const self = childrenNamed(feed, "link").find((link) => link.attributes.rel === "self");
  assert.equal(self?.attributes.href, `${HOME}/corrections/feed.xml`);
  const entries = childrenNamed(feed, "entry");
  assert.deepEqual(
    entries.map((entry) => textOf(entry, "id")),
    links.map((link) => `${HOME}${link}`),
  );
  const [newest, timed] = entries;
  assert.ok(newest && timed);
  assert.equal(textOf(newest, "title"), "Correction: Budget <vote>");
  assert.equal(textOf(newest, "summary"), "The vote was 7 to 2, not 6 to 3 & <b>final</b>.");
  assert.equal(
    textOf(newest, "content"),
    "<p>The vote was 7 to 2, not 6 to 3 &#x26; &#x3C;b>final&#x3C;/b>.</p>",
  );
  assert.deepEqual(
    childrenNamed(newest, "author").map((author) => textOf(author, "name")),
    ["Ana Ruiz", "Li Wei"],
  );
  assert.equal(textOf(newest, "published"), "2020-08-20T12:00:00.000Z");
  assert.equal(textOf(timed, "published"), "2020-08-16T07:00:00.000Z");
  assert.equal(textOf(feed, "updated"), "2020-08-20T12:00:00.000Z");
  assert.equal(childNamed(newest, "link").attributes.href, `${HOME}${links[0]}`);
});

test("an archive without corrections says so, and its feed is empty and well-formed", async () => {
  const archive = await archiveOf({ "articles/clean.md": CLEAN });
  assert.match(html(correctionsPage.render({ archive, page })), /No article has been corrected\./);
  assert.deepEqual(childrenNamed(parseStrictXml(correctionsFeed(archive)), "entry"), []);
});

test("a correction without text, or with a wrong date, is an error at its line", async (t) => {
  const cases: [string, RegExp][] = [
    ["[{ date: 2020-08-14 }]", /"corrections\.0\.text"|text/],
    ['[{ date: 2020-13-14, text: "x" }]', /no month 13/],
    ['"We were wrong."', /must be \{ date, text \}/],
  ];
  for (const [written, message] of cases) {
    const fields = { title: "A", date: "2020-08-12", author: "Li", corrections: written };
    const files = { "articles/a.md": article(fields) };
    const content = await writeArchive(files, await tempDir(t, "corrections-bad"));
    const { problems } = await readArchive(content, { includeDrafts: false });
    const error = problems.find((p) => p.severity === "error");
    assert.ok(error, written);
    assert.match(`${error.message} (${error.fix})`, message, formatProblem(error, content));
    assert.equal(error.line, 5, formatProblem(error, content));
  }
});
