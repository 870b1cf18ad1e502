// The entities index at scale, built end to end by the real build command: 1,200 entities of
// three types over several pages, by name and by count, every name listed once in each order,
// every jump link landing on the page and heading where its type, letter or band starts, and
// every page light enough to read.
import assert from "node:assert/strict";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import { writeArchive } from "../support/archive.ts";
import { fileForUrl, runBuild } from "../support/build.ts";
import { allElements, parsePageHtml } from "../support/html.ts";
import { suiteCleanup, tempDir } from "../support/temp.ts";

const temp = suiteCleanup(after);
let site = "";

const ENTITIES = 1200;
const ARTICLES = 60;
const PER_ARTICLE = ENTITIES / ARTICLES;
/** The heaviest page the index may weigh (README, "Entities"). */
const MAX_BYTES = 60_000;

/** Entity `i`: a person, a place or an organisation; half the organisations under M. */
function name(i: number): { name: string; type: string } {
  const type = i % 10 === 0 ? "person" : i % 10 === 1 ? "place" : "organization";
  const initial = type === "organization" && i % 2 === 0 ? "M" : "ABCDEFGHIJKLNOPRSTVWZ"[i % 21];
  return { name: `${initial}orro ${type} ${String(i).padStart(4, "0")}`, type };
}

before(async () => {
  const files: Record<string, string> = { "site.yaml": "title: The Index Gazette\n" };
  for (let k = 0; k < ARTICLES; k++) {
    // Its own twenty, and the first few of all: counts from 1 to 56, in three bands.
    const own = Array.from({ length: PER_ARTICLE }, (_, j) => k * PER_ARTICLE + j);
    const popular = Array.from({ length: k % 12 }, (_, j) => j).filter((j) => !own.includes(j));
    const listed = [...own, ...popular].map((i) => {
      const { name: entity, type } = name(i);
      return `  - { name: "${entity}", type: ${type} }`;
    });
    const day = String((k % 28) + 1).padStart(2, "0");
    const front = [`title: Story ${k}`, `date: 2020-0${(k % 9) + 1}-${day}`, "author: Ana Ruiz"];
    const matter = `${front.join("\n")}\nentities:\n${listed.join("\n")}`;
    files[`articles/a${k}.md`] = `---\n${matter}\n---\n\nText.\n`;
  }
  const content = await writeArchive(files, await tempDir(temp, "index-content"));
  site = join(await tempDir(temp, "index"), "site");
  const run = await runBuild(content, site);
  assert.equal(run.code, 0, run.stderr);
});

async function page(url: string): Promise<Root> {
  return parsePageHtml(await readFile(join(site, fileForUrl(url)), "utf8"));
}

async function exists(url: string): Promise<boolean> {
  return stat(join(site, fileForUrl(url))).then(() => true, () => false);
}

/** Every page of the index whose first page is `first`, in order. */
async function indexPages(first: string): Promise<string[]> {
  const urls = [first];
  const next = () => `${first}page/${urls.length + 1}/`;
  while (await exists(next())) urls.push(next());
  return urls;
}

const within = (node: Element) => allElements({ type: "root", children: [node] });
const main = (tree: Root) => allElements(tree).find((node) => node.tagName === "main")!;

/** The names listed on a page, with their counts, in order. */
function listed(tree: Root): { name: string; count: number; type: string }[] {
  const entries: { name: string; count: number; type: string }[] = [];
  for (const section of within(main(tree)).filter((node) => node.tagName === "section")) {
    const heading = String(section.properties.ariaLabelledBy);
    if (!heading.endsWith("-heading")) continue;
    const type = heading.replace(/-heading$/, "");
    for (const item of within(section).filter((node) => node.tagName === "li")) {
      const [link, count] = item.children.filter((c): c is Element => c.type === "element");
      const articles = Number(toString(count!).replace(/,/g, ""));
      entries.push({ name: toString(link!), count: articles, type });
    }
  }
  return entries;
}

function jumpLinks(tree: Root): string[] {
  const nav = allElements(tree).find((node) => /^Jump to/.test(String(node.properties.ariaLabel)));
  assert.ok(nav, "jump links");
  return within(nav).filter((node) => node.tagName === "a").map((a) => String(a.properties.href));
}

const ALL = Array.from({ length: ENTITIES }, (_, i) => name(i).name).sort();

for (const first of ["/entities/", "/entities/by-count/"]) {
  test(`${first}: every name once, over pages light enough to read`, async () => {
    const urls = await indexPages(first);
    // 1,200 names of about 120 bytes: about 400 a page, each page but the last half full.
    assert.ok(urls.length >= 3 && urls.length <= 6, `${urls.length} pages`);
    const names: string[] = [];
    for (const url of urls) {
      const bytes = (await stat(join(site, fileForUrl(url)))).size;
      assert.ok(bytes < MAX_BYTES, `${url}: ${bytes} bytes`);
      const entries = listed(await page(url));
      names.push(...entries.map((entry) => entry.name));
    }
    assert.deepEqual([...names].sort(), ALL);
  });

  test(`${first}: every jump link, on every page, lands where its heading starts`, async () => {
    const urls = await indexPages(first);
    const read = urls.map(async (url) => [url, await page(url)] as const);
    const trees = new Map(await Promise.all(read));
    const targets = jumpLinks(trees.get(urls[0]!)!).map((href) => {
      return href.replace(/^#/, `${urls[0]}#`);
    });
    assert.ok(targets.length >= 10, targets.join(" "));
    for (const [url, tree] of trees) {
      const links = jumpLinks(tree);
      // The same targets on every page; those on the page itself as its own fragments.
      const absolute = links.map((href) => (href.startsWith("#") ? `${url}${href}` : href));
      assert.deepEqual(absolute, targets, url);
      for (const href of links) {
        const [path, id] = href.startsWith("#") ? [url, href.slice(1)] : href.split("#");
        const target = allElements(trees.get(path!)!).find((node) => node.properties.id === id);
        assert.ok(target && /^h[23]$/.test(target.tagName), `${href} from ${url}`);
        assert.doesNotMatch(toString(target), /continued/, `${href}: where it starts`);
      }
    }
  });
}

test("a letter longer than a page goes on over the next, marked as continued", async () => {
  const urls = await indexPages("/entities/");
  const headings = (tree: Root) => allElements(tree).filter((node) => node.tagName === "h3");
  const continued = [];
  for (const url of urls) {
    const texts = headings(await page(url)).map(toString);
    continued.push(...texts.filter((text) => /continued/.test(text)));
  }
  assert.ok(continued.includes("M (continued)"), continued.join(", "));
});

test("by count: each type most mentioned first, across its pages; bands as headings", async () => {
  const entries: ReturnType<typeof listed> = [];
  for (const url of await indexPages("/entities/by-count/")) {
    entries.push(...listed(await page(url)));
  }
  for (const type of ["person", "place", "organization"]) {
    const counts = entries.filter((entry) => entry.type === type).map((entry) => entry.count);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), type);
  }
  assert.equal(entries[0]!.name, name(0).name);
  assert.equal(entries[0]!.count, 56);
  const firstPage = await page("/entities/by-count/");
  const bands = allElements(firstPage).filter((node) => node.tagName === "h3").map(toString);
  assert.deepEqual(bands.slice(0, 2), ["10 to 99 articles", "2 to 9 articles"]);
});

test("the navigation's People leads to its letters; pages step Previous and Next", async () => {
  const home = await page("/");
  const people = allElements(home).find((node) => {
    return node.tagName === "a" && toString(node) === "People";
  });
  assert.equal(people?.properties.href, "/entities/#person");
  const index = await page("/entities/");
  const item = allElements(index).find((node) => node.properties.id === "person")!;
  assert.match(toString(item), /^People 120\s*ABC/);
  const pager = allElements(await page("/entities/page/2/")).find((node) => {
    return node.tagName === "nav" && node.properties.ariaLabel === "Pages of the index";
  })!;
  const steps = within(pager).filter((node) => node.tagName === "a" && node.properties.rel);
  assert.deepEqual(steps.map((a) => [toString(a).trim(), String(a.properties.href)]), [
    ["‹ Previous", "/entities/"],
    ["Next ›", "/entities/page/3/"],
  ]);
  const sitemap = await readFile(join(site, "sitemap.xml"), "utf8");
  assert.match(sitemap, /\/entities\/page\/2\/</);
  assert.match(sitemap, /\/entities\/by-count\/page\/2\/</);
});
