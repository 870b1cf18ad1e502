// Lists that scale, built end to end by the real build command: numbered pagination on every
// list, years with their months, counts, lead stories and neighbours, months paginated with
// neighbours, an article's date leading to its month, and "On this day" for an injected day.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import { ENTITY_PAGE_SIZE } from "../../src/archive/build.ts";
import { article, writeArchive } from "../support/archive.ts";
import { fileForUrl, runBuild } from "../support/build.ts";
import { allElements, parsePageHtml } from "../support/html.ts";
import { suiteCleanup, tempDir } from "../support/temp.ts";

const temp = suiteCleanup(after);
let site = "";

/** One article a date; May 2019 holds more than a month page. No article in 2018. */
const DATES = [
  "2016-08-14",
  "2017-03-02",
  "2017-08-14",
  ...Array.from(
    { length: ENTITY_PAGE_SIZE + 1 },
    (_, i) => `2019-05-${String((i % 28) + 1).padStart(2, "0")}`,
  ),
  "2020-08-13",
  "2021-01-05",
];
const TOTAL = DATES.length;
const HOME_PAGES = Math.ceil(TOTAL / 2);

before(async () => {
  const files: Record<string, string> = { "site.yaml": "title: The Lists Gazette\npageSize: 2\n" };
  DATES.forEach((date, i) => {
    const fields = {
      title: `Story ${i} of ${date}`,
      date,
      author: "Ana Ruiz",
      summary: "S.",
      entities: "[FBI]",
    };
    files[`articles/a${String(i).padStart(3, "0")}.md`] = article(fields);
  });
  const content = await writeArchive(files, await tempDir(temp, "lists-content"));
  site = join(await tempDir(temp, "lists"), "site");
  // 14 August 2021, midday in UTC (the site's default time zone).
  const run = await runBuild(content, site, { DATELINE_NOW: "2021-08-14T12:00:00Z" });
  assert.equal(run.code, 0, run.stderr);
});

async function page(url: string): Promise<Root> {
  return parsePageHtml(await readFile(join(site, fileForUrl(url)), "utf8"));
}

const hasClass = (node: Element, name: string) =>
  String(node.properties.className ?? "")
    .split(" ")
    .includes(name) ||
  (Array.isArray(node.properties.className) && node.properties.className.includes(name));

function byClass(tree: Root, name: string): Element[] {
  return allElements(tree).filter((node) => hasClass(node, name));
}

function one(tree: Root, name: string): Element {
  const found = byClass(tree, name);
  assert.equal(found.length, 1, `one .${name}`);
  return found[0]!;
}

/** The pager as a reader meets it: each item's text, its link, and whether it is current. */
function pagerOf(tree: Root): { text: string; href?: string; current?: true }[] {
  const nav = one(tree, "pager");
  assert.equal(nav.tagName, "nav");
  assert.ok(nav.properties.ariaLabel, "the pager has an accessible name");
  const items = allElements({ type: "root", children: [nav] }).filter(
    (node) => node.tagName === "li",
  );
  return items.map((item) => {
    const [target] = item.children.filter((child): child is Element => child.type === "element");
    const text = toString(item).replace(/\s+/g, " ").trim();
    const shown: { text: string; href?: string; current?: true } = { text };
    if (target?.tagName === "a") shown.href = String(target.properties.href);
    if (target?.properties.ariaCurrent === "page") shown.current = true;
    return shown;
  });
}

test("the home page's first page: numbers, no link back, the current page marked", async () => {
  assert.deepEqual(pagerOf(await page("/")), [
    { text: "« First" },
    { text: "‹ Newer" },
    { text: "Page 1", current: true },
    { text: "Page 2", href: "/page/2/" },
    { text: "Page 3", href: "/page/3/" },
    { text: "…" },
    { text: `Page ${HOME_PAGES}`, href: `/page/${HOME_PAGES}/` },
    { text: "Older ›", href: "/page/2/" },
    { text: "Last »", href: `/page/${HOME_PAGES}/` },
  ]);
});

test("a middle page: first, newer, two numbers each side, gaps, older, last", async () => {
  assert.deepEqual(pagerOf(await page("/page/14/")), [
    { text: "« First", href: "/" },
    { text: "‹ Newer", href: "/page/13/" },
    { text: "Page 1", href: "/" },
    { text: "…" },
    ...[12, 13].map((n) => ({ text: `Page ${n}`, href: `/page/${n}/` })),
    { text: "Page 14", current: true },
    ...[15, 16].map((n) => ({ text: `Page ${n}`, href: `/page/${n}/` })),
    { text: "…" },
    { text: `Page ${HOME_PAGES}`, href: `/page/${HOME_PAGES}/` },
    { text: "Older ›", href: "/page/15/" },
    { text: "Last »", href: `/page/${HOME_PAGES}/` },
  ]);
  // One current page: the site's navigation marks "Latest" as the section it is in.
  const current = allElements(await page("/page/14/")).filter((n) => n.properties.ariaCurrent);
  assert.deepEqual(
    current.map((n) => [toString(n).trim(), n.properties.ariaCurrent]),
    [
      ["Latest", "true"],
      ["Page 14", "page"],
    ],
  );
  const last = pagerOf(await page(`/page/${HOME_PAGES}/`));
  assert.deepEqual(last.at(-1), { text: "Last »" });
  assert.deepEqual(last.at(-2), { text: "Older ›" });
  assert.deepEqual(last.at(-3), { text: `Page ${HOME_PAGES}`, current: true });
});

test("author, entity and month lists paginate with the same pager", async () => {
  for (const first of ["/authors/ana-ruiz/", "/entities/fbi/", "/2019/05/"]) {
    const second = `${first}page/2/`;
    assert.deepEqual(
      pagerOf(await page(first)).slice(2, 4),
      [
        { text: "Page 1", current: true },
        { text: "Page 2", href: second },
      ],
      first,
    );
    assert.deepEqual(
      pagerOf(await page(second)).slice(0, 4),
      [
        { text: "« First", href: first },
        { text: "‹ Newer", href: first },
        { text: "Page 1", href: first },
        { text: "Page 2", current: true },
      ],
      second,
    );
  }
  assert.equal(byClass(await page("/2017/03/"), "pager").length, 0, "a one-page list has no pager");
});

test("a year shows its months with counts, its lead stories and its neighbours", async () => {
  const year = await page("/2019/");
  const months = allElements({ type: "root", children: [one(year, "month-counts")] }).filter(
    (node) => node.tagName === "li",
  );
  assert.deepEqual(
    months.map((li) => toString(li).replace(/\s+/g, " ").trim()),
    [`May${ENTITY_PAGE_SIZE + 1} articles`],
  );
  const link = allElements({ type: "root", children: [months[0]!] }).find(
    (node) => node.tagName === "a",
  );
  assert.equal(link?.properties.href, "/2019/05/");
  assert.ok(toString(year).includes("Lead stories of 2019"));
  // No 2018: the neighbours skip it.
  assert.deepEqual(neighbours(year), [
    ["‹ 2017", "/2017/"],
    ["2020 ›", "/2020/"],
  ]);
  assert.deepEqual(neighbours(await page("/2016/")), [["2017 ›", "/2017/"]]);
  assert.deepEqual(neighbours(await page("/2021/")), [["‹ 2020", "/2020/"]]);
  const y2017 = byClass(await page("/2017/"), "month-counts")[0]!;
  assert.equal(toString(y2017).replace(/\s+/g, " "), "August1 articleMarch1 article");
});

function neighbours(tree: Root): [string, string][] {
  const nav = byClass(tree, "date-neighbours")[0];
  if (!nav) return [];
  const links = allElements({ type: "root", children: [nav] }).filter(
    (node) => node.tagName === "a",
  );
  return links.map((a) => [toString(a).trim(), String(a.properties.href)]);
}

test("months link to the nearest months with articles, across years", async () => {
  assert.deepEqual(neighbours(await page("/2019/05/")), [
    ["‹ August 2017", "/2017/08/"],
    ["August 2020 ›", "/2020/08/"],
  ]);
  assert.deepEqual(neighbours(await page("/2019/05/page/2/")), [
    ["‹ August 2017", "/2017/08/"],
    ["August 2020 ›", "/2020/08/"],
  ]);
  assert.deepEqual(neighbours(await page("/2016/08/")), [["March 2017 ›", "/2017/03/"]]);
});

test("an article's date leads to its month's page", async () => {
  const story = await page("/2020/08/13/a054/");
  const time = allElements(story).find(
    (node) => node.tagName === "time" && node.properties.dataPagefindSort,
  );
  const link = allElements(story).find(
    (node) => node.tagName === "a" && node.children.includes(time!),
  );
  assert.equal(link?.properties.href, "/2020/08/");
});

test("On this day: the build's day in earlier years, newest first, on the home page", async () => {
  const section = one(await page("/"), "on-this-day");
  assert.match(toString(section), /^On this day, 14 August/);
  const links = allElements({ type: "root", children: [section] }).filter(
    (node) => node.tagName === "a",
  );
  assert.deepEqual(
    links.map((a) => a.properties.href),
    ["/2017/08/14/a002/", "/2016/08/14/a000/"],
  );
  assert.equal(byClass(await page("/page/2/"), "on-this-day").length, 0);
});

test("a DATELINE_NOW that is not a date-time stops the build with what to write", async () => {
  const out = join(await tempDir(temp, "lists-clock"), "site");
  const run = await runBuild(join(site, "..", "..", "missing"), out, { DATELINE_NOW: "yesterday" });
  assert.equal(run.code, 1);
  assert.match(
    run.stderr,
    /DATELINE_NOW "yesterday" is not a date-time: write it like 2021-03-04T09:00:00Z/,
  );
});
