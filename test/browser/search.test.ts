// How the search page reads the sharded index (layouts/search-page/shards.js): only the
// shards and filter lists a search needs, entities filtered by their bucket's key whatever
// their names, and a date sort that reads older shards only as more results are shown, in one
// global order.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Element } from "hast";
import { toString } from "hast-util-to-string";
import type { Browser, Page } from "playwright-core";
import { article, writeArchive } from "../support/archive.ts";
import { browserSkipReason, launchChromium } from "../support/browser.ts";
import { PROJECT_ROOT, runBuild } from "../support/build.ts";
import { allElements, parsePageHtml } from "../support/html.ts";
import { serveStatic } from "../support/static-server.ts";
import { suiteCleanup, tempDir } from "../support/temp.ts";

const skip = browserSkipReason();
const temp = suiteCleanup(after);

interface Served {
  out: string;
  url: string;
  close: () => Promise<void>;
}

async function buildAndServe(content: string): Promise<Served> {
  const out = join(await tempDir(temp, "search"), "site");
  const run = await runBuild(content, out);
  assert.equal(run.code, 0, run.stderr);
  return { out, ...(await serveStatic(out)) };
}

/** Every entity the site lists on /entities/, with the number of articles that mention it. */
async function listedEntities(site: string): Promise<Map<string, number>> {
  const tree = parsePageHtml(await readFile(join(site, "entities", "index.html"), "utf8"));
  const counts = new Map<string, number>();
  const items = allElements(tree).filter((node) => node.tagName === "li");
  for (const item of items) {
    const children = item.children.filter((child): child is Element => child.type === "element");
    const [link, count] = children;
    if (link?.tagName !== "a" || count?.properties.className?.toString() !== "count") continue;
    if (!String(link.properties.href).startsWith("/entities/")) continue;
    counts.set(toString(link), Number(toString(count)));
  }
  return counts;
}

/** Opens a search and waits until it has settled, recording the requests it made. */
async function search(browser: Browser, served: Served, query: string) {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`${served.url}/search/?${query}`);
  await settled(page);
  return { page, requests };
}

async function settled(page: Page): Promise<string> {
  const status = page.locator("[data-search-status]");
  await status.filter({ hasText: /\d+ results?/ }).waitFor({ timeout: 15_000 });
  const idle = () => !document.querySelector('[aria-busy="true"]');
  await page.waitForFunction(idle, null, { timeout: 15_000 });
  return (await status.textContent()) ?? "";
}

const resultCount = (status: string) => {
  return Number(/^([\d,]+) results?/.exec(status)?.[1]?.replace(/,/g, ""));
};

const datesShown = (page: Page) => {
  const times = page.locator(".search-result time");
  return times.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("datetime") ?? ""));
};

// Every entity of the hostile archive (Cyrillic, CJK, markup), and some of the sample's: the
// search page must put each in the same bucket as the build did.
const HOSTILE = join(PROJECT_ROOT, "test/fixtures/archive/content");
const ARCHIVES = [
  { name: "the sample archive", content: join(PROJECT_ROOT, "content"), entities: 8 },
  { name: "the hostile fixture archive", content: HOSTILE },
];

for (const archive of ARCHIVES) {
  describe(`entity filters on ${archive.name}`, { skip }, () => {
    let browser: Browser;
    let served: Served;
    before(async () => {
      served = await buildAndServe(archive.content);
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await served?.close();
    });

    test("an entity in the address finds exactly the articles that mention it", async () => {
      const entities = [...(await listedEntities(served.out))];
      assert.ok(entities.length > 3, `${entities.length} entities listed`);
      const step = Math.max(1, Math.floor(entities.length / (archive.entities ?? entities.length)));
      for (const [name, count] of entities.filter((_, i) => i % step === 0)) {
        const query = new URLSearchParams({ entity: name }).toString();
        const { page } = await search(browser, served, query);
        const status = (await page.locator("[data-search-status]").textContent()) ?? "";
        assert.equal(resultCount(status), count, `${name}: ${status}`);
        await page.close();
      }
    });
  });
}

describe("the sample archive's shards in a browser", { skip }, () => {
  let browser: Browser;
  let served: Served;
  before(async () => {
    served = await buildAndServe(join(PROJECT_ROOT, "content"));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await served?.close();
  });

  test("the names in the results load when asked for, and filter the results", async () => {
    const { page, requests } = await search(browser, served, "q=security");
    const entityGroup = page.locator(".search-filter").filter({ hasText: "In the article" });
    assert.equal(await entityGroup.locator("input").count(), 0, "no names until asked for");
    const filterFiles = () => requests.filter((path) => path.endsWith(".pf_filter")).length;
    const before = filterFiles();
    await entityGroup.getByRole("button", { name: "Show the names in these results" }).click();
    await entityGroup.locator("input").first().waitFor();
    await settled(page);
    assert.ok(filterFiles() > before, "the list of names was loaded on demand");
    const all = resultCount((await page.locator("[data-search-status]").textContent()) ?? "");
    const first = entityGroup.locator("li").first();
    const name = await first.locator("input").inputValue();
    const count = Number(await first.locator(".count").textContent());
    await first.locator("input").check();
    await page.waitForURL((url) => url.searchParams.get("entity") === name);
    const atMost = (n: number) => document.querySelectorAll(".search-result").length <= n;
    await page.waitForFunction(atMost, count);
    const status = await settled(page);
    assert.equal(resultCount(status), count, `${name}: ${status}, of ${all}`);
    await page.close();
  });

  test("a year filter reads only the shard that holds that year", async () => {
    const { page, requests } = await search(browser, served, "q=Facebook&year=2018");
    assert.ok(requests.some((path) => path.startsWith("/pagefind/2015-2019/")), requests.join(" "));
    assert.deepEqual(requests.filter((path) => path.startsWith("/pagefind/2020-2024/")), []);
    const dates = await datesShown(page);
    assert.ok(dates.length > 0 && dates.every((date) => date.startsWith("2018")), dates.join(" "));
    await page.close();
  });

  test("one Pagefind script and WebAssembly serve every shard", async () => {
    const { page, requests } = await search(browser, served, "q=security");
    const runtime = requests.filter((path) => /\/(pagefind\.js|wasm\.\w+\.pagefind)$/.test(path));
    assert.equal(runtime.length, 2, runtime.join(" "));
    assert.ok(requests.some((path) => path.startsWith("/pagefind/2015-2019/")), "both searched");
    await page.close();
  });
});

describe("a date sort over many shards in a browser", { skip }, () => {
  let browser: Browser;
  let served: Served;
  // Twelve articles in the newest shard fill a first page and tell that a second exists; three
  // in an older one are read only when the reader asks for more.
  const dates = [
    ...Array.from({ length: 12 }, (_, i) => `2021-03-${String(i + 10)}`),
    "2012-05-01",
    "2012-06-01",
    "2013-01-01",
  ];
  before(async () => {
    const files: Record<string, string> = { "site.yaml": "title: Shards\n" };
    dates.forEach((date, i) => {
      const fields = { title: `"Harbour report ${i}"`, date, author: "Ana Ruiz", summary: "A." };
      files[`articles/${date}-${i}.md`] = article(fields, `The harbour report number ${i}.\n`);
    });
    served = await buildAndServe(await writeArchive(files, temp));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await served?.close();
  });

  const sorts = [["date:desc", "2021", "2012"], ["date:asc", "2012", "2021"]] as const;
  for (const [sort, first, last] of sorts) {
    test(`${sort} reads shards one after the other, as far as the results shown need`, async () => {
      const { page, requests } = await search(browser, served, `q=harbour&sort=${sort}`);
      const status = (await page.locator("[data-search-status]").textContent()) ?? "";
      if (sort === "date:desc") {
        const older = requests.filter((path) => path.startsWith("/pagefind/2010-2014/"));
        assert.deepEqual(older, [], "the older shard waits");
        const partial = "since 2020; earlier years are searched as you show more";
        assert.equal(status, `12 results for “harbour” ${partial}`);
      }
      while (await page.locator("[data-search-more]").isVisible()) {
        const shown = await page.locator(".search-result").count();
        await page.locator("[data-search-more]").click();
        const beyond = (n: number) => document.querySelectorAll(".search-result").length > n;
        await page.waitForFunction(beyond, shown);
        await settled(page);
      }
      const all = await datesShown(page);
      assert.equal(all.length, dates.length);
      const ordered = sort === "date:desc" ? all.toSorted().reverse() : all.toSorted();
      assert.deepEqual(all, ordered, "one order across the shards");
      assert.ok(all[0]!.startsWith(first) && all.at(-1)!.startsWith(last), all.join(" "));
      const complete = (await page.locator("[data-search-status]").textContent()) ?? "";
      assert.equal(complete, "15 results for “harbour”");
      await page.close();
    });
  }
});
