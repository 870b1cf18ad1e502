// The whole build on a fixture archive full of hostile and international content: the pages
// it must publish, what must never appear in them, and that every link and feed holds.
import assert from "node:assert/strict";
import { cp, mkdir, readFile, readdir, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import type { Element, Root } from "hast";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { article, VALID, writeArchive } from "../support/archive.ts";
import { fileForUrl, listFiles, PROJECT_ROOT, readTree, runBuild } from "../support/build.ts";
import { assertNoContentScript } from "../support/html.ts";
import { entriesBeside, suiteCleanup, tempDir } from "../support/temp.ts";

const FIXTURE = join(PROJECT_ROOT, "test/fixtures/archive");
const CONTENT = join(FIXTURE, "content");
const temp = suiteCleanup(after);
let site = "";
let files: string[] = [];
const htmlParser = unified().use(rehypeParse);

async function parsePage(file: string): Promise<Root> {
  return htmlParser.parse(await readFile(join(site, file), "utf8"));
}

function elements(tree: Root): Element[] {
  const found: Element[] = [];
  visit(tree, "element", (node: Element) => void found.push(node));
  return found;
}

before(async () => {
  site = join(await tempDir(temp, "e2e"), "site");
  const run = await runBuild(CONTENT, site);
  assert.equal(run.code, 0, `build failed:\n${run.stderr}`);
  // Five entities listed, and the topic the hostile article's tag names.
  assert.match(run.stdout, /Published 2 articles, \d+ pages, 6 entities and 3 authors/);
  files = await listFiles(site);
});

test("publishes every page at its contract URL", async () => {
  const expected = (await readFile(join(FIXTURE, "expected-urls.txt"), "utf8")).split("\n").filter(Boolean);
  const missing = expected.filter((url) => !files.includes(fileForUrl(url)));
  assert.deepEqual(missing, []);
});

test("dates in URLs and on pages are the calendar dates written, whatever the offset", async () => {
  const page = await readFile(join(site, fileForUrl("/2020/01/01/hostile/")), "utf8");
  assert.match(page, /<time datetime="2020-01-01T00:30:00\+14:00"[^>]*>1 January 2020<\/time>/);
  const other = await readFile(join(site, fileForUrl("/2021/12/31/unicode/")), "utf8");
  assert.match(other, />31 December 2021</);
});

test("no content text can run script: only our own scripts, no handlers, no javascript: URLs", async () => {
  for (const file of files.filter((f) => f.endsWith(".html"))) assertNoContentScript(await parsePage(file), file, assert.fail);
});

test("hostile text is shown as text, exactly as written", async () => {
  const tree = await parsePage(fileForUrl("/2020/01/01/hostile/"));
  const h1 = elements(tree).find((e) => e.tagName === "h1");
  const text = (node: Element): string => node.children.map((c) => (c.type === "text" ? c.value : c.type === "element" ? text(c) : "")).join("");
  assert.equal(h1 && text(h1), '<script>alert("title")</script> & "quotes" ]]> </script><!--');
  const title = elements(tree).find((e) => e.tagName === "title");
  assert.match(title ? text(title) : "", /^<script>alert\("title"\)<\/script>/);
});

test("JSON-LD parses and carries the hostile title intact", async () => {
  const tree = await parsePage(fileForUrl("/2020/01/01/hostile/"));
  const script = elements(tree).find((e) => e.properties.type === "application/ld+json");
  const json = script?.children[0]?.type === "text" ? script.children[0].value : "";
  const data = JSON.parse(json) as { headline: string; "@type": string; datePublished: string };
  assert.equal(data["@type"], "NewsArticle");
  assert.equal(data.headline, '<script>alert("title")</script> & "quotes" ]]> </script><!--');
  assert.equal(data.datePublished, "2020-01-01T00:30:00+14:00");
  assert.doesNotMatch(json, /<\/script/i);
});

test("drafts appear nowhere: pages, lists, feeds, sitemap, search index", async () => {
  for (const file of files) {
    const bytes = await readFile(join(site, file));
    assert.ok(!bytes.includes("ZEBRAFISH"), `${file} mentions the draft`);
  }
  assert.ok(!files.some((f) => f.startsWith("2021/12/15/")));
  // Every search shard's pages (src/search/shards.ts), drafts left out.
  let indexed = 0;
  for (const file of files.filter((f) => /^pagefind\/[^/]+\/pagefind-entry\.json$/.test(f))) {
    const entry = JSON.parse(await readFile(join(site, file), "utf8")) as { languages: Record<string, { page_count: number }> };
    indexed += Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  }
  assert.equal(indexed, 2);
});

test("feeds and sitemap parse, with invalid XML characters removed", async () => {
  for (const file of ["feed.xml", "rss.xml", "sitemap.xml"]) {
    const xml = await readFile(join(site, file), "utf8");
    assert.equal(XMLValidator.validate(xml), true, file);
    assert.doesNotMatch(xml, /[\u0001-\u0008]/);
  }
  const atom = new XMLParser({ ignoreAttributes: false }).parse(await readFile(join(site, "feed.xml"), "utf8")) as { feed: { title: string; entry: { title: string; content: { "#text": string } }[] } };
  assert.equal(atom.feed.title, "Fixture <Gazette> & Co");
  assert.equal(atom.feed.entry.length, 2);
  // Titles are Atom's plain text (no type): the headline arrives exactly as written.
  const hostile = atom.feed.entry[1]!;
  assert.equal(hostile.title, '<script>alert("title")</script> & "quotes" ]]> </script><!--');
  assert.match(hostile.content["#text"], /ends a CDATA section: ]]> and again ]]>/);
  const json = JSON.parse(await readFile(join(site, "feed.json"), "utf8")) as { version: string; items: { title: string; url: string; authors?: { name: string }[] }[] };
  assert.match(json.version, /jsonfeed\.org\/version\/1/);
  assert.deepEqual(json.items.map((item) => item.url), ["https://news.example.org/2021/12/31/unicode/", "https://news.example.org/2020/01/01/hostile/"]);
  const sitemap = new XMLParser().parse(await readFile(join(site, "sitemap.xml"), "utf8")) as { urlset: { url: { loc: string }[] } };
  for (const { loc } of sitemap.urlset.url) {
    const path = new URL(loc).pathname;
    assert.ok(files.includes(fileForUrl(path)), `sitemap lists ${loc}, which is not published`);
  }
});

test("every internal link and asset resolves, fragments included", async () => {
  const broken: string[] = [];
  for (const file of files.filter((f) => f.endsWith(".html"))) {
    const tree = await parsePage(file);
    const ids = new Set(elements(tree).map((e) => String(e.properties.id ?? "")));
    for (const element of elements(tree)) {
      const target = String(element.properties.href ?? element.properties.src ?? "");
      if (!target || /^[a-z]+:/i.test(target) || target.startsWith("//")) continue;
      if (target.startsWith("#")) {
        if (target.length > 1 && !ids.has(decodeURIComponent(target.slice(1)))) broken.push(`${file} → ${target}`);
        continue;
      }
      if (target.startsWith("/") && !target.startsWith("/search/?") && !files.includes(fileForUrl(target))) broken.push(`${file} → ${target}`);
    }
  }
  assert.deepEqual(broken, []);
});

test("the same archive builds to the same site in any time zone", async () => {
  const [east, west] = await Promise.all(
    ["Pacific/Kiritimati", "America/Adak"].map(async (zone) => {
      const out = join(await tempDir(temp, "tz"), "site");
      const run = await runBuild(CONTENT, out, { TZ: zone });
      assert.equal(run.code, 0, run.stderr);
      return readTree(out);
    }),
  );
  assert.deepEqual([...east!.keys()], [...west!.keys()]);
  for (const [file, bytes] of east!) if (!file.startsWith("pagefind/")) assert.ok(bytes.equals(west!.get(file)!), `${file} differs between time zones`);
});

test("a failed build publishes nothing and leaves the previous site exactly as it was", async () => {
  const parent = await tempDir(temp, "atomic");
  const content = join(parent, "content");
  const out = join(parent, "site");
  await cp(CONTENT, content, { recursive: true });
  assert.equal((await runBuild(content, out)).code, 0);
  const before = await readTree(out);
  await writeFile(join(content, "articles/2020/01/broken.md"), "---\ntitle: Broken\ndate: 2020-02-30\nauthor: X\n---\n");
  const run = await runBuild(content, out);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /broken\.md:3:7 {2}"date" "2020-02-30" is not a real day/);
  assert.match(run.stderr, /Nothing was published/);
  assert.deepEqual(await readTree(out), before);
  assert.deepEqual((await entriesBeside(parent)).sort(), ["content", "site"]);
  assert.equal(dirname(out), parent);
});

test("static files that would replace a page, run script or publish other files are errors", async () => {
  const parent = await tempDir(temp, "static");
  const content = join(parent, "content");
  await cp(CONTENT, content, { recursive: true });
  await writeFile(join(content, "static", "feed.json"), "{}");
  await writeFile(join(content, "static", "promo.html"), "<script>alert(1)</script>");
  await writeFile(join(content, "static", "images", "logo.svg"), "<svg><script>alert(1)</script></svg>");
  await symlink("/etc/passwd", join(content, "static", "passwd"));
  const run = await runBuild(content, join(parent, "site"));
  assert.equal(run.code, 1);
  assert.match(run.stderr, /static\/feed\.json {2}\/feed\.json is also a page of the archive/);
  assert.match(run.stderr, /static\/promo\.html {2}\.html files are not among the types published/);
  assert.match(run.stderr, /static\/images\/logo\.svg {2}\.svg files are not among the types published/);
  assert.match(run.stderr, /static\/passwd {2}is a link to a file elsewhere/);
  assert.deepEqual((await readdir(parent)).sort(), ["content"]);
});

test("an output folder that holds the archive or Dateline is refused before anything is touched", async () => {
  const parent = await tempDir(temp, "danger");
  const content = join(parent, "content");
  await cp(CONTENT, content, { recursive: true });
  const before = await readTree(parent);
  for (const output of [content, parent, PROJECT_ROOT, dirname(PROJECT_ROOT)]) {
    const run = await runBuild(content, output);
    assert.equal(run.code, 1, output);
    assert.match(run.stderr, /the output folder holds (the content folder|Dateline's own folder)/);
  }
  assert.deepEqual(await readTree(parent), before);
});

test("an output folder inside the folders of the archive that the build reads is refused", async () => {
  const parent = await tempDir(temp, "inside");
  const content = join(parent, "content");
  await writeArchive({ "articles/a.md": article(VALID) }, content);
  const before = await readTree(parent);
  for (const folder of ["static", "articles", "entities", "authors"]) {
    const run = await runBuild(content, join(content, folder, "site"));
    assert.equal(run.code, 1, folder);
    const said = `the output folder is inside ${folder}/ of the content folder, whose files the build reads`;
    assert.ok(run.stderr.includes(said), run.stderr);
  }
  assert.deepEqual(await readTree(parent), before);
});

test("a folder holding files Dateline did not publish is never replaced", async () => {
  const parent = await tempDir(temp, "foreign");
  const home = join(parent, "home");
  await mkdir(join(home, "Documents"), { recursive: true });
  await writeFile(join(home, "Documents", "thesis.txt"), "years of work");
  const run = await runBuild(CONTENT, home);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /holds files that Dateline did not publish \(Documents\), and publishing replaces the whole folder/);
  assert.equal(await readFile(join(home, "Documents", "thesis.txt"), "utf8"), "years of work");
  assert.ok(files.includes(".dateline-site"), "every published site carries the marker");
});

test("a build with nothing to publish fails", async () => {
  const parent = await tempDir(temp, "empty");
  const missing = await runBuild(join(parent, "nothing-here"), join(parent, "site"));
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /the content folder does not exist/);
  await mkdir(join(parent, "content", "articles"), { recursive: true });
  await writeFile(join(parent, "content", "articles", "draft.md"), "---\ntitle: T\ndate: 2020-01-01\nauthor: A\ndraft: true\n---\n");
  const draftsOnly = await runBuild(join(parent, "content"), join(parent, "site"));
  assert.equal(draftsOnly.code, 1);
  assert.match(draftsOnly.stderr, /no article is ready to publish/);
  assert.deepEqual(await readdir(parent), ["content"]);
});
