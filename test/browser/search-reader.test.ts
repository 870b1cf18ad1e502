// Search as a reader of the sample archive meets it (issue #9): the box on every page, with and
// without JavaScript, and no console errors on the way.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { browserSkipReason, launchChromium } from "../support/browser.ts";
import { listFiles, PROJECT_ROOT, runBuild } from "../support/build.ts";
import { allElements, parsePageHtml } from "../support/html.ts";
import { serveStatic } from "../support/static-server.ts";
import { suiteCleanup, tempDir } from "../support/temp.ts";

const skip = browserSkipReason();
const temp = suiteCleanup(after);

describe("search from a reader's side, on the sample archive", { skip }, () => {
  let browser: Browser;
  let context: BrowserContext;
  let site: { out: string; url: string; close: () => Promise<void> };
  /** Console errors and uncaught exceptions of every page opened, checked after each test. */
  const errors: string[] = [];

  before(async () => {
    const out = join(await tempDir(temp, "search-reader"), "site");
    const run = await runBuild(join(PROJECT_ROOT, "content"), out);
    assert.equal(run.code, 0, run.stderr);
    site = { out, ...(await serveStatic(out)) };
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    assert.deepEqual(errors, [], "no console errors");
  });

  async function open(path: string, on: BrowserContext = context): Promise<Page> {
    const page = await on.newPage();
    page.on("console", (message) => {
      // The browser asks every site for /favicon.ico, which an archive need not have.
      if (message.location().url.endsWith("/favicon.ico")) return;
      if (message.type() === "error") errors.push(`${path}: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`${path}: ${error.message}`));
    page.on("dialog", (dialog) => assert.fail(`a dialog opened on ${path}: ${dialog.message()}`));
    await page.goto(site.url + path);
    return page;
  }

  const status = (page: Page) => page.locator("[data-search-status]");
  async function settled(page: Page): Promise<string> {
    await status(page).filter({ hasText: /\d+ results?/ }).waitFor({ timeout: 15_000 });
    const idle = () => !document.querySelector('[aria-busy="true"]');
    await page.waitForFunction(idle, null, { timeout: 15_000 });
    return (await status(page).textContent()) ?? "";
  }

  test("every page but the search page has the masthead's search form", async () => {
    const pages = (await listFiles(site.out)).filter((file) => file.endsWith(".html"));
    const redirects = /http-equiv="refresh"/i;
    let checked = 0;
    for (const file of pages) {
      const html = await readFile(join(site.out, file), "utf8");
      if (redirects.test(html)) continue;
      const forms = allElements(parsePageHtml(html)).filter((node) => {
        return node.tagName === "form" && node.properties.action === "/search/";
      });
      const masthead = forms.filter((form) => {
        return String(form.properties.className) === "masthead-search";
      });
      assert.equal(masthead.length, file === "search/index.html" ? 0 : 1, file);
      checked++;
    }
    assert.ok(checked > 50, `${checked} pages checked`);
  });

  test("the masthead's box searches from an article, and `/` focuses it", async () => {
    const page = await open("/2020/08/13/press-weighs-election-security-meeting/");
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("/");
    const focused = () => document.activeElement?.id;
    assert.equal(await page.evaluate(focused), "site-search");
    await page.keyboard.type("Wodinsky");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\/\?q=Wodinsky$/);
    assert.match(await settled(page), /^\d+ results? for “Wodinsky”/);
    await page.keyboard.press("Escape");
    await page.locator("h1").click();
    await page.keyboard.press("/");
    assert.equal(await page.evaluate(focused), "search-query", "the search page's own box");
    await page.close();
  });

  test("without JavaScript the box still submits, and the page says where to browse", async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const page = await open("/authors/", plain);
    await page.locator("#site-search").fill("election");
    await page.locator(".masthead-search button").click();
    await page.waitForURL(/\/search\/\?q=election$/);
    const note = page.locator("[data-search-status]");
    assert.match((await note.textContent()) ?? "", /Search needs JavaScript/);
    const links = await note.locator("a").evaluateAll((nodes) => {
      return nodes.map((node) => node.getAttribute("href"));
    });
    assert.deepEqual(links, ["/", "/authors/", "/entities/"]);
    await plain.close();
  });
  const count = async (page: Page) => Number(/^(\d+) results?/.exec(await settled(page))?.[1]);
  const box = (page: Page, name: string, value: string) => {
    return page.locator(`.search-filter input[name="${name}"][value="${value}"]`);
  };
  const countOf = async (page: Page, name: string, value: string) => {
    const label = page.locator(`.search-filter li:has(input[name="${name}"][value="${value}"])`);
    return Number(await label.locator(".count").textContent());
  };
  /** Checks a value's box and waits for the search it starts to settle. */
  async function choose(page: Page, name: string, value: string) {
    await box(page, name, value).check();
    await page.waitForURL((url) => url.searchParams.getAll(name).includes(value));
    return count(page);
  }

  test("choosing a second year widens the results; each year keeps its count", async () => {
    const page = await open("/search/?q=security");
    const all = await count(page);
    const in2018 = await countOf(page, "year", "2018");
    const in2019 = await countOf(page, "year", "2019");
    assert.ok(in2018 > 0 && in2019 > 0 && in2018 + in2019 < all, `${in2018} ${in2019} ${all}`);
    assert.equal(await choose(page, "year", "2018"), in2018);
    assert.equal(await countOf(page, "year", "2019"), in2019, "2019 still listed, with its count");
    assert.equal(await choose(page, "year", "2019"), in2018 + in2019, "OR within a group");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("value")), "2019");
    await page.close();
  });

  test("authors: OR among them, AND with years, counted as if not applied", async () => {
    const page = await open("/search/?q=security");
    await count(page);
    const authorBoxes = page.locator('.search-filter input[name="author"]');
    const authors = await authorBoxes.evaluateAll((nodes) => {
      return nodes.map((node) => (node as HTMLInputElement).value);
    });
    assert.equal(authors.length, 3);
    const counts = new Map<string, number>();
    for (const author of authors) counts.set(author, await countOf(page, "author", author));
    const [first, second] = authors as [string, string];
    assert.equal(await choose(page, "author", first), counts.get(first));
    for (const author of authors) {
      assert.equal(await countOf(page, "author", author), counts.get(author), author);
    }
    const either = await choose(page, "author", second);
    assert.ok(either > counts.get(first)! && either <= counts.get(first)! + counts.get(second)!);
    const in2020 = await countOf(page, "year", "2020");
    assert.equal(await choose(page, "year", "2020"), in2020, "AND across groups");
    assert.ok(in2020 < either);
    const dates = await page.locator(".search-result time").evaluateAll((nodes) => {
      return nodes.map((node) => node.getAttribute("datetime") ?? "");
    });
    assert.ok(dates.every((date) => date.startsWith("2020")), dates.join(" "));
    await page.close();
  });

  test("the names in the results come grouped by type, narrowed as the reader types", async () => {
    const page = await open("/search/?q=security");
    const names = page.locator(".search-filter").filter({ hasText: "In the article" });
    await names.getByRole("button", { name: "Show the names in these results" }).click();
    const find = names.getByLabel("Find a name");
    await find.waitFor();
    const groups = names.locator("fieldset.search-filter-type");
    const legends = await groups.locator("legend").allTextContents();
    const types = legends.map((legend) => legend.replace(/ \(\d+\)$/, ""));
    assert.ok(types.includes("People") && types.includes("Organisations"), legends.join(", "));
    const order = ["People", "Organisations", "Places", "Events", "Works", "Topics"];
    assert.deepEqual(types, order.filter((type) => types.includes(type)), "in a fixed order");
    for (const legend of legends) {
      const group = groups.filter({ has: page.locator("legend", { hasText: legend }) });
      const boxes = await group.locator('input[type="checkbox"]').count();
      const total = Number(/\((\d+)\)$/.exec(legend)?.[1]);
      assert.ok(boxes >= 1 && boxes <= 5 && boxes <= total, `${legend}: ${boxes} shown`);
      const counts = await group.locator(".count").allTextContents();
      assert.equal(counts.length, boxes, `${legend}: each name with its count`);
    }
    await find.fill("wodin");
    const shown = async () => {
      const boxes = names.locator('input[type="checkbox"]:visible');
      return boxes.evaluateAll((nodes) => nodes.map((node) => (node as HTMLInputElement).value));
    };
    assert.deepEqual(await shown(), ["Shoshana Wodinsky"]);
    const visibleGroups = await groups.locator("legend:visible").allTextContents();
    assert.deepEqual(visibleGroups.map((legend) => legend.replace(/ \(\d+\)$/, "")), ["People"]);
    await names.locator('input[type="checkbox"]:visible').first().press("Space");
    await page.waitForURL((url) => url.searchParams.get("entity") === "Shoshana Wodinsky");
    await count(page);
    assert.equal(await find.inputValue(), "wodin", "the typed text stays");
    await find.fill("zzzz");
    assert.deepEqual(await shown(), ["Shoshana Wodinsky"], "a chosen name stays listed");
    await page.close();
  });

  test("a span of years: From and To in the address, AND with the other groups", async () => {
    const page = await open("/search/?q=security");
    const all = await count(page);
    const in2018 = await countOf(page, "year", "2018");
    const in2019 = await countOf(page, "year", "2019");
    await page.getByLabel("To", { exact: true }).selectOption("2019");
    await page.waitForURL((url) => url.searchParams.get("to") === "2019");
    const until2019 = await count(page);
    assert.ok(until2019 < all && until2019 >= in2018 + in2019, `${until2019} of ${all}`);
    await page.getByLabel("From").selectOption("2018");
    await page.waitForURL((url) => url.searchParams.get("from") === "2018");
    assert.equal(await count(page), in2018 + in2019);
    for (const year of ["2018", "2019"]) {
      assert.equal(await box(page, "year", year).isChecked(), true, `${year} is in the span`);
      assert.equal(await box(page, "year", year).isDisabled(), true);
    }
    // Listed still, though its shard is not read: a span skips the shards outside it.
    assert.equal(await box(page, "year", "2020").isChecked(), false, "2020 stays listed");
    const authors = await page.locator('.search-filter input[name="author"]').evaluateAll((n) => {
      return n.map((node) => (node as HTMLInputElement).value);
    });
    const author = authors[0]!;
    const byThem = await countOf(page, "author", author);
    assert.equal(await choose(page, "author", author), byThem, "AND with the author");
    const dates = await page.locator(".search-result time").evaluateAll((nodes) => {
      return nodes.map((node) => node.getAttribute("datetime") ?? "");
    });
    assert.ok(dates.every((date) => date >= "2018" && date < "2020"), dates.join(" "));
    await page.goto(`${site.url}/search/?q=security&from=2018&to=2019`);
    assert.equal(await count(page), in2018 + in2019, "the address alone gives the span");
    assert.equal(await page.getByLabel("From").inputValue(), "2018");
    await page.close();
  });

  test("an author's page links to a search narrowed to them", async () => {
    const page = await open("/authors/priya-raman/");
    const heading = (await page.locator("#articles").textContent()) ?? "";
    const articles = Number(/^(\d+)/.exec(heading)?.[1]);
    await page.getByRole("link", { name: "Search within articles by Priya Raman" }).click();
    await page.waitForURL((url) => url.searchParams.get("author") === "Priya Raman");
    assert.equal(await count(page), articles);
    assert.equal(await box(page, "author", "Priya Raman").isChecked(), true);
    await page.close();
  });

  test("a result whose article has an image shows its thumbnail, from the site", async () => {
    const page = await open("/search/?q=Facebook+hosts+election+security+meeting");
    await settled(page);
    const shown = await page.locator(".search-result").evaluateAll((items) => {
      return items.map((item) => {
        const img = item.querySelector("img");
        const title = item.querySelector("h2")?.textContent ?? "";
        return { title, src: img?.getAttribute("src"), alt: img?.getAttribute("alt") };
      });
    });
    const withImage = shown.find((item) => /Facebook hosts/i.test(item.title));
    assert.match(withImage?.src ?? "", /^\/img\/[\w-]+\.(?:png|jpe?g)$/, JSON.stringify(shown));
    assert.equal(withImage?.alt, "", "decorative: the headline beside it says what it is");
    // The file is there: decode() fails on an image that did not load. Lazy: in view first.
    const thumb = page.locator(".search-result-thumb").first();
    await thumb.scrollIntoViewIfNeeded();
    await thumb.evaluate((img: HTMLImageElement) => img.decode());
    assert.ok(shown.some((item) => !item.src), "an article without an image shows none");
    await page.close();
  });

  test("a filter without words lists the newest articles first", async () => {
    const page = await open("/search/?author=Maria+Okafor");
    await count(page);
    const dates = await page.locator(".search-result time").evaluateAll((nodes) => {
      return nodes.map((node) => node.getAttribute("datetime") ?? "");
    });
    assert.ok(dates.length > 1);
    assert.deepEqual(dates, dates.toSorted().reverse());
    await page.close();
  });
  test("an alias finds its entity's articles and shows its card", async () => {
    const page = await open("/search/?q=Federal+Bureau+of+Investigation");
    assert.equal(await count(page), 6, "every FBI article");
    const card = page.locator(".search-name-card");
    assert.equal(await card.locator("a").getAttribute("href"), "/entities/fbi/");
    assert.match((await card.textContent()) ?? "", /FBI Organisation · 6 articles/);
    await card.getByRole("button", { name: "Search for the words" }).click();
    await page.waitForURL((url) => url.searchParams.get("words") === "1");
    const words = await count(page);
    assert.ok(words < 6, `${words} articles have the words`);
    assert.equal(await page.locator(".search-name-card").count(), 0);
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has("words"));
    assert.equal(await count(page), 6, "Back returns to the name");
    await page.locator(".search-name-card").getByRole("button", { name: "Keep FBI" }).click();
    await page.waitForURL((url) => {
      return url.searchParams.get("entity") === "FBI" && !url.searchParams.has("q");
    });
    assert.equal(await count(page), 6);
    assert.equal(await box(page, "entity", "FBI").isChecked(), true);
    await page.close();
  });

  test("a misspelling suggests the entity, and nothing found says where to browse", async () => {
    const page = await open("/search/?q=Facebok");
    await count(page);
    const suggestion = page.locator(".search-suggest a").first();
    assert.equal(await suggestion.textContent(), "Facebook");
    await suggestion.click();
    await page.waitForURL(/\?q=Facebook$/);
    assert.equal(await count(page), 9, "the Facebook entity's articles");
    await page.locator("#search-query").fill("qqzzxv");
    await page.waitForURL(/\?q=qqzzxv$/);
    assert.equal(await count(page), 0);
    const browse = await page.locator(".search-browse a").evaluateAll((nodes) => {
      return nodes.map((node) => node.getAttribute("href"));
    });
    assert.deepEqual(browse, ["/", "/authors/", "/entities/"]);
    await page.close();
  });

  test("a misspelt word that finds nothing suggests the headlines closest to it", async () => {
    const page = await open("/search/?q=misnformation");
    assert.equal(await count(page), 0);
    const headlines = page.locator(".search-headlines a");
    const headline = "White House calls in tech companies over coronavirus misinformation";
    assert.equal(await headlines.first().textContent(), headline);
    await headlines.first().click();
    await page.waitForURL((url) => url.pathname !== "/search/");
    assert.equal(await page.locator("h1").textContent(), headline);
    await page.close();
  });

  test("each new query is a history entry: Back restores the last one", async () => {
    const page = await open("/search/");
    await page.locator("#search-query").fill("security");
    assert.equal(await count(page), 11);
    await page.locator("#search-query").fill("Wodinsky");
    await page.waitForURL(/\?q=Wodinsky$/);
    await settled(page);
    await box(page, "year", "2020").check();
    await page.waitForURL(/year=2020$/);
    await page.goBack();
    await page.waitForURL(/\?q=Wodinsky$/);
    await page.goBack();
    await page.waitForURL(/\?q=security$/);
    assert.equal(await page.locator("#search-query").inputValue(), "security");
    assert.equal(await count(page), 11);
    await page.close();
  });
  test("with the keyboard alone: a filter, a result, its words marked on the article", async () => {
    const page = await open("/search/?q=Wodinsky");
    await count(page);
    await page.locator("#search-query").focus();
    const focusedIs = (selector: string) => page.evaluate((s) => {
      return document.activeElement?.matches(s) ?? false;
    }, selector);
    async function tabTo(selector: string) {
      for (let i = 0; i < 40 && !(await focusedIs(selector)); i++) await page.keyboard.press("Tab");
      assert.ok(await focusedIs(selector), `Tab reaches ${selector}`);
    }
    await tabTo('input[name="year"][value="2020"]');
    await page.keyboard.press("Space");
    await page.waitForURL(/year=2020$/);
    await count(page);
    await tabTo(".search-result h2 a");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("highlight") === "wodinsky");
    const marks = page.locator("[data-pagefind-body] mark.pagefind-highlight");
    await marks.first().waitFor({ timeout: 15_000 });
    assert.match((await marks.first().textContent()) ?? "", /^Wodinsky$/i);
    await page.close();
  });
});
