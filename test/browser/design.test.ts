// Design details in a browser (issue #10): the print stylesheet (the article only, black on
// white, every external link's address, page breaks), reduced motion, the icons.
import assert from "node:assert/strict";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { browserSkipReason, launchChromium } from "../support/browser.ts";
import { PROJECT_ROOT, runBuild } from "../support/build.ts";
import { serveStatic } from "../support/static-server.ts";
import { suiteCleanup, tempDir } from "../support/temp.ts";

const skip = browserSkipReason();
const temp = suiteCleanup(after);
const ARTICLE = "/2019/09/05/facebook-hosts-election-security-meeting/";

/** The sample archive with three articles a page, so that lists have pagination. */
async function buildAndServe() {
  const parent = await tempDir(temp, "design");
  const content = join(parent, "content");
  await cp(join(PROJECT_ROOT, "content"), content, { recursive: true });
  const siteYaml = join(content, "site.yaml");
  await writeFile(siteYaml, `${await readFile(siteYaml, "utf8")}\npageSize: 3\n`);
  const run = await runBuild(content, join(parent, "site"));
  assert.equal(run.code, 0, run.stderr);
  return serveStatic(join(parent, "site"));
}

/** `display` of the first element each selector finds, or "absent". */
function displays(page: Page, selectors: readonly string[]): Promise<Record<string, string>> {
  return page.evaluate((list) => {
    const shown: Record<string, string> = {};
    for (const selector of list) {
      const element = document.querySelector(selector);
      shown[selector] = element ? getComputedStyle(element).display : "absent";
    }
    return shown;
  }, selectors);
}

describe("design details in a browser", { skip }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof buildAndServe>>;
  before(async () => {
    server = await buildAndServe();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, media: Parameters<Page["emulateMedia"]>[0]): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.emulateMedia(media);
    const response = await page.goto(server.url + path);
    assert.equal(response?.status(), 200, path);
    return page;
  }

  test("printed, an article is the article only, black on white, in either scheme", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await open(ARTICLE, { media: "print", colorScheme });
      const hidden = [".skip-link", ".masthead nav", ".masthead-search", ".site-footer"];
      hidden.push(".story-aside", ".story-entities");
      const shown = await displays(page, [...hidden, ".story", ".story-header h1", ".story-body"]);
      for (const selector of hidden) {
        assert.equal(shown[selector], "none", `${colorScheme}: ${selector}`);
      }
      for (const selector of [".story", ".story-header h1", ".story-body"]) {
        assert.notEqual(shown[selector], "none", `${colorScheme}: ${selector} is printed`);
      }
      // No named functions inside evaluate: tsx would wrap them in a helper the page lacks.
      const colours = await page.evaluate((selectors) => selectors.map((selector) => {
        const style = getComputedStyle(document.querySelector(selector)!);
        return `${selector}: ${style.color} on ${style.backgroundColor}`;
      }), ["body", ".story-header h1", ".story-body a"]);
      assert.deepEqual(colours, [
        "body: rgb(0, 0, 0) on rgb(255, 255, 255)",
        ".story-header h1: rgb(0, 0, 0) on rgba(0, 0, 0, 0)",
        ".story-body a: rgb(0, 0, 0) on rgba(0, 0, 0, 0)",
      ], colorScheme);
      await page.close();
    }
  });

  test("printed, every link out of the site is followed by its address, and no other", async () => {
    const page = await open(ARTICLE, { media: "print" });
    const links = await page.evaluate(() =>
      [...document.querySelectorAll("main a")].map((a) => ({
        href: a.getAttribute("href") ?? "",
        after: getComputedStyle(a, "::after").content,
        shown: (a as HTMLElement).offsetParent !== null,
      })),
    );
    const external = links.filter((link) => /^https?:/.test(link.href) && link.shown);
    assert.ok(external.length > 0, "the sample article links out");
    for (const link of external) assert.equal(link.after, `" (${link.href})"`, link.href);
    for (const link of links.filter((link) => link.href.startsWith("/"))) {
      assert.equal(link.after, "none", `${link.href}: an address of this site is not printed`);
    }
    await page.close();
  });

  test("printed, headings stay with what follows and figures are not split", async () => {
    const page = await open(ARTICLE, { media: "print" });
    // Elements of each kind, put in the article's body to read the style it would give them.
    const breaks = await page.evaluate((tags) => tags.map((tag) => {
      const element = document.createElement(tag);
      document.querySelector(".story-body")!.append(element);
      const { breakAfter, breakInside } = getComputedStyle(element);
      element.remove();
      return `${tag}: after ${breakAfter}, inside ${breakInside}`;
    }), ["h2", "h3", "figure", "p"]);
    assert.deepEqual(breaks, [
      "h2: after avoid-page, inside avoid",
      "h3: after avoid-page, inside avoid",
      "figure: after auto, inside avoid-page",
      "p: after auto, inside auto",
    ]);
    await page.close();
  });

  test("printed, a list has no pagination, navigation, search or footer", async () => {
    const page = await open("/", { media: "print" });
    const selectors = [".pager", ".masthead nav", ".masthead-search", ".site-footer", "main"];
    const shown = await displays(page, selectors);
    assert.deepEqual(shown, {
      ".pager": "none",
      ".masthead nav": "none",
      ".masthead-search": "none",
      ".site-footer": "none",
      main: (await page.evaluate(() => getComputedStyle(document.querySelector("main")!).display)),
    });
    assert.notEqual(shown.main, "none");
    const onScreen = await open("/", { media: "screen" });
    const pager = (await displays(onScreen, [".pager"]))[".pager"];
    assert.notEqual(pager, "none", "the pager is on screen");
    await Promise.all([page.close(), onScreen.close()]);
  });

  test("with reduced motion, no transition, animation or smooth scroll at all", async () => {
    // Motion a later rule could add: on screen it moves, with reduced motion it must not.
    const motion = `main, main * { transition: opacity 2s 1s, color 3s; }
      main, main * { animation: spin 4s infinite; }
      @keyframes spin { to { transform: rotate(1turn); } }`;
    const measure = (page: Page) =>
      page.evaluate(() => {
        const durations = new Set<string>();
        for (const element of document.querySelectorAll("*")) {
          for (const pseudo of [null, "::before", "::after"]) {
            const style = getComputedStyle(element, pseudo);
            durations.add(`transition ${style.transitionDuration} ${style.transitionDelay}`);
            durations.add(`animation ${style.animationDuration} ${style.animationIterationCount}`);
          }
        }
        const html = getComputedStyle(document.documentElement).scrollBehavior;
        return { durations: [...durations].sort(), html };
      });
    for (const path of [ARTICLE, "/search/?q=Facebook", "/"]) {
      const reduced = await open(path, { reducedMotion: "reduce" });
      await reduced.addStyleTag({ content: motion });
      await reduced.focus("a");
      const still = await measure(reduced);
      assert.deepEqual(still.durations, ["animation 0s 1", "transition 0s 0s"], path);
      assert.equal(still.html, "auto", path);

      const moving = await open(path, { reducedMotion: "no-preference" });
      await moving.addStyleTag({ content: motion });
      await moving.focus("a");
      const moved = await measure(moving);
      const probe = "transition 2s, 3s 1s, 0s";
      assert.ok(moved.durations.includes(probe), `${path}: the probe moves on screen`);
      assert.equal(moved.html, "smooth", `${path}: smooth scrolling without the preference`);
      await Promise.all([reduced.close(), moving.close()]);
    }
  });

  test("the icons pages link, and the ICO they do not, are served as what they are", async () => {
    const page = await open("/", { media: "screen" });
    const selector = 'link[rel~="icon"], link[rel="apple-touch-icon"]';
    const links = await page.evaluate((icons) =>
      [...document.querySelectorAll(icons)].map((link) => link.getAttribute("href") ?? ""),
    selector);
    // The ICO is for browsers that ask for /favicon.ico unprompted: linked, Chromium fetches it
    // beside the SVG.
    assert.deepEqual(links.sort(), ["/apple-touch-icon.png", "/favicon.svg"]);
    const types = [
      ["/favicon.ico", "image/x-icon"],
      ["/favicon.svg", "image/svg+xml"],
      ["/apple-touch-icon.png", "image/png"],
    ];
    for (const [href, type] of types) {
      const response = await page.request.get(server.url + href!);
      assert.equal(response.status(), 200, href);
      assert.equal(response.headers()["content-type"], type, href);
    }
    // Chromium draws the SVG, square.
    const size = await page.evaluate(async () => {
      const image = new Image();
      image.src = "/favicon.svg";
      await image.decode();
      return [image.naturalWidth, image.naturalHeight];
    });
    assert.ok(size[0]! > 0 && size[0] === size[1], `${size.join("x")}`);
    await page.close();
  });
});
