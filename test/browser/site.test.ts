// What needs a real browser: Pagefind search on the built sample archive, the layout on a
// phone, and that no page of a hostile archive can open a dialog.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { browserSkipReason, launchChromium } from "../support/browser.ts";
import { writeNaughtyArchive } from "../support/blns-archive.ts";
import { listFiles, PROJECT_ROOT, runBuild } from "../support/build.ts";
import { imagesIn, measureSearch } from "../support/search-traffic.ts";
import { serveStatic } from "../support/static-server.ts";
import { suiteCleanup, tempDir } from "../support/temp.ts";

const skip = browserSkipReason();
const temp = suiteCleanup(after);

async function buildAndServe(content: string) {
  const out = join(await tempDir(temp, "browser"), "site");
  const run = await runBuild(content, out);
  assert.equal(run.code, 0, run.stderr);
  return { out, ...(await serveStatic(out)) };
}

describe("the sample archive in a browser", { skip }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof buildAndServe>>;
  before(async () => {
    server = await buildAndServe(join(PROJECT_ROOT, "content"));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const requestsOf = new WeakMap<Page, string[]>();

  async function open(path: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const requests: string[] = [];
    requestsOf.set(page, requests);
    page.on("request", (request) => requests.push(request.url()));
    page.on("dialog", (dialog) => assert.fail(`a dialog opened on ${path}: ${dialog.message()}`));
    await page.goto(server.url + path);
    return page;
  }

  const resultLinks = (page: Page) => page.locator(".search-result h2 a");

  test("/search/?q= runs the query and finds the right article", async () => {
    const page = await open("/search/?q=Wodinsky");
    await resultLinks(page).first().waitFor({ timeout: 15_000 });
    assert.match((await resultLinks(page).first().getAttribute("href")) ?? "", /\/2020\/08\/13\/press-weighs-election-security-meeting\//);
    assert.equal(await page.locator("#search-query").inputValue(), "Wodinsky");
    assert.match((await page.locator("[data-search-status]").textContent()) ?? "", /\d+ results? for “Wodinsky”/);
    const legends = await page.locator(".search-filter legend").allTextContents();
    assert.deepEqual(legends, ["Author", "In the article", "Year"]);
    await page.close();
  });

  test("typing, filtering and sorting keep the search in the address", async () => {
    const page = await open("/search/");
    await page.locator("[data-search-sort]").waitFor();
    await page.locator("#search-query").fill("Facebook");
    await resultLinks(page).first().waitFor({ timeout: 15_000 });
    await page.waitForURL(/\?q=Facebook$/);
    const all = await resultLinks(page).count();
    await page.locator('.search-filter input[name="year"][value="2018"]').check();
    await page.waitForURL(/\?q=Facebook&year=2018$/);
    await page.waitForFunction((before) => document.querySelectorAll(".search-result").length < before, all);
    const dates = async () => page.locator(".search-result time").evaluateAll((times) => times.map((t) => t.getAttribute("datetime") ?? ""));
    assert.ok((await dates()).every((date) => date.startsWith("2018")));
    await page.locator("select[name=sort]").selectOption("date:asc");
    await page.waitForURL(/sort=date%3Aasc$/);
    await page.waitForFunction(() => {
      const found = [...document.querySelectorAll(".search-result time")].map((t) => t.getAttribute("datetime") ?? "");
      return found.length > 1 && found.every((d, i) => i === 0 || found[i - 1]! <= d);
    });
    await page.reload();
    await resultLinks(page).first().waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('.search-filter input[name="year"][value="2018"]').isChecked(), true);
    assert.equal(await page.locator("select[name=sort]").inputValue(), "date:asc");
    await page.close();
  });

  test("sorting by date gives one order across every search shard, both ways", async () => {
    const page = await open("/search/?q=security&sort=date:desc");
    const shards = await page.evaluate(async () => (await (await fetch("/pagefind/shards.json")).json()) as { shards: string[] });
    assert.deepEqual(shards.shards, ["2020-2024", "2015-2019"], "the sample archive spans two shards");
    const allDates = async () => {
      await page.locator("[data-search-status]").filter({ hasText: "for “security”" }).waitFor({ timeout: 15_000 });
      while (await page.locator("[data-search-more]").isVisible()) {
        const shown = await page.locator(".search-result").count();
        await page.locator("[data-search-more]").click();
        await page.waitForFunction((n) => document.querySelectorAll(".search-result").length > n, shown);
      }
      return page.locator(".search-result time").evaluateAll((times) => times.map((t) => t.getAttribute("datetime") ?? ""));
    };
    const newest = await allDates();
    assert.equal(newest.length, 11, "every article mentions security");
    assert.deepEqual(newest, newest.toSorted().reverse(), "newest first across shards");
    assert.ok(newest[0]!.startsWith("2020") && newest.at(-1)!.startsWith("2018"), newest.join(" "));
    await page.locator("select[name=sort]").selectOption("date:asc");
    await page.waitForURL(/sort=date%3Aasc$/);
    await page.waitForFunction(() => document.querySelector(".search-result time")?.getAttribute("datetime")?.startsWith("2018"));
    const oldest = await allDates();
    assert.deepEqual(oldest, newest.toReversed(), "oldest first across shards");
    await page.close();
  });

  test("a first search and a follow-up download little, in few requests", async (t) => {
    const plan = { first: "government statement", followUp: "election" };
    const traffic = await measureSearch(browser, server.out, plan);
    t.diagnostic(`first query: ${JSON.stringify(traffic.first)}`);
    t.diagnostic(`follow-up: ${JSON.stringify(traffic.followUp)}`);
    assert.match(traffic.results[0], /results? for/);
    assert.match(traffic.results[1], /\d+ results? for “election”/);
    // The page, its style and its script (the `/` key's bundled in it), the site's icon (the
    // SVG alone); Pagefind's script and WebAssembly once (about 107 kB); the names index's file
    // for the query's first letter; then each shard read: its entry, metadata, word files and one list of authors and years;
    // and the five results' fragments. Measured at 10,000 articles by `npm run bench:search`
    // (README).
    // Results whose articles have an image show its thumbnail (one each, the 160 px variant):
    // content, as on every list, apart from the search's own cost.
    const images = imagesIn(traffic.first);
    assert.ok(images.requests <= 5 && images.bytes < 5 * 20_000, JSON.stringify(images));
    assert.ok(traffic.first.bytes - images.bytes < 250_000, JSON.stringify(traffic.first));
    const requests = traffic.first.requests - images.requests;
    assert.ok(requests <= 7 + 2 * 5 + 5, JSON.stringify(traffic.first));
    // The page links the SVG icon only: Chromium fetched the ICO as well when it was linked.
    const icos = [traffic.first, traffic.followUp].map((sent) => sent.requestsByKind.ico ?? 0);
    assert.deepEqual(icos, [0, 0], "no request for /favicon.ico");
    // A follow-up fetches no script, WebAssembly or metadata again: words, fragments and the
    // names index's file for its first letter only (and the site's icon, which the browser
    // asks for on its own, when it gets to it). Thumbnails are content, apart as above: the
    // first query's may still be arriving once its results are shown.
    const kinds = Object.keys(traffic.followUp.byKind);
    const expected = /^(pf_(index|fragment)|json|svg|png|jpe?g|webp|avif|gif)$/;
    assert.deepEqual(kinds.filter((kind) => !expected.test(kind)), []);
    const followUpImages = imagesIn(traffic.followUp).bytes;
    assert.ok(traffic.followUp.bytes - followUpImages < 50_000, JSON.stringify(traffic.followUp));
  });

  test("pages fit a phone screen and make no request off the site", async () => {
    for (const path of ["/", "/2020/08/14/wsws-report-links-tech-security-meetings/", "/entities/fbi/", "/entities/", "/authors/priya-raman/", "/2020/", "/search/?q=FBI", "/404.html", "/corrections/"]) {
      const page = await open(path, 390);
      await page.waitForLoadState("networkidle");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} is ${overflow}px wider than a phone`);
      const offsite = (requestsOf.get(page) ?? []).filter((url) => !url.startsWith(server.url));
      assert.deepEqual(offsite, [], `${path} requested other sites`);
      await page.close();
    }
  });

  test("the skip link is the first stop of the keyboard and shows when focused", async () => {
    const page = await open("/");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      const box = element?.getBoundingClientRect();
      return { text: element?.textContent, href: element?.getAttribute("href"), visible: !!box && box.width > 1 && box.height > 1 && box.top >= 0 };
    });
    assert.deepEqual(focused, { text: "Skip to content", href: "#main", visible: true });
    await page.close();
  });
});

describe("hostile archives in a browser", { skip }, () => {
  const archives = [
    { name: "the hostile fixture archive", content: async () => join(PROJECT_ROOT, "test/fixtures/archive/content"), query: "alert" },
    { name: "the Big List of Naughty Strings", content: () => writeNaughtyArchive(temp), query: "script" },
  ];
  for (const archive of archives) {
    test(`no page of ${archive.name} opens a dialog or runs content script`, async () => {
      const server = await buildAndServe(await archive.content());
      const browser = await launchChromium();
      try {
        const dialogs: string[] = [];
        const page = await browser.newPage();
        page.on("dialog", async (dialog) => {
          dialogs.push(`${page.url()}: ${dialog.message()}`);
          await dialog.dismiss();
        });
        const pages = (await listFiles(server.out)).filter((file) => file.endsWith(".html"));
        for (const file of pages) await page.goto(`${server.url}/${file.replace(/index\.html$/, "")}`, { waitUntil: "load" });
        await page.goto(`${server.url}/search/?q=${archive.query}`);
        await page.locator(".search-result").first().waitFor({ timeout: 15_000 });
        await page.locator(".search-filter").first().waitFor();
        assert.deepEqual(dialogs, []);
      } finally {
        await browser.close();
        await server.close();
      }
    });
  }
});
