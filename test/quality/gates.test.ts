// The quality gates of issue #10 on the built sample archive, every page type: valid HTML and
// CSS (Nu HTML Checker), accessible (axe-core in Chromium, light and dark, phone and desktop),
// and within budget (bytes of an article, one CSS file, no script but the allowed ones, no
// request to another host). One build, one Java process, one browser, to keep them quick.
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join, sep } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Result } from "axe-core";
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { axeViolations, describeViolation } from "../support/axe.ts";
import { browserSkipReason, launchChromium } from "../support/browser.ts";
import { fileForUrl, listFiles } from "../support/build.ts";
import {
  checkWithNu,
  describeNuMessage,
  javaSkipReason,
  type NuMessage,
} from "../support/nu-checker.ts";
import { buildSampleSite, PAGE_TYPES, type PageType } from "../support/sample-site.ts";
import { serveStatic } from "../support/static-server.ts";
import { suiteCleanup, tempDir } from "../support/temp.ts";

const temp = suiteCleanup(after);
const javaSkip = javaSkipReason();
const browserSkip = browserSkipReason();

/**
 * A page and a style sheet with known faults, checked with the site: they prove that the
 * checks find faults and say where (a checker that checked nothing would find no error either).
 */
const KNOWN_BAD = {
  html:
    '<!doctype html>\n<html lang="en"><title>Bad</title>\n' +
    '<main><h1>Bad</h1><img src="a.png"></main>\n',
  css: "p { colr: red; }\n",
};

let site = "";
let knownBad = "";
let nuReport: Promise<NuMessage[]> | undefined;

before(async () => {
  site = await buildSampleSite(temp);
  if (javaSkip) return;
  knownBad = await tempDir(temp, "gates-known-bad");
  await writeFile(join(knownBad, "bad.html"), KNOWN_BAD.html);
  await writeFile(join(knownBad, "bad.css"), KNOWN_BAD.css);
  const bad = [join(knownBad, "bad.html"), join(knownBad, "bad.css")];
  const files = [...(await filesToValidate(site)), ...bad];
  // Started now and awaited last, so that Java's start and checking overlap the browser's work.
  nuReport = checkWithNu(files);
  nuReport.catch(() => {}); // its test reports a failure; not an unhandled rejection before
});

/** Every HTML page the build wrote (not one a type: all of them), and the site's CSS. */
async function filesToValidate(root: string): Promise<string[]> {
  const files = (await listFiles(root)).filter((file) => /\.(html|css)$/.test(file));
  return files.map((file) => join(root, file));
}

function failWithProblems(problems: readonly string[], what: string): void {
  if (problems.length > 0) assert.fail(`${problems.length} ${what}:\n${problems.join("\n")}`);
}

/** How a page is looked at: phone or desktop, light or dark. */
interface View {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly colorScheme: "light" | "dark";
  readonly mobile: boolean;
}

const VIEWS: readonly View[] = [
  { name: "phone 390 px, light", width: 390, height: 844, colorScheme: "light", mobile: true },
  { name: "phone 390 px, dark", width: 390, height: 844, colorScheme: "dark", mobile: true },
  { name: "desktop 1280 px, light", width: 1280, height: 900, colorScheme: "light", mobile: false },
  { name: "desktop 1280 px, dark", width: 1280, height: 900, colorScheme: "dark", mobile: false },
];

interface Fetched {
  /** The address asked for, as the browser asked for it. */
  readonly url: string;
  /** Chromium's kind of request: document, stylesheet, script, font, image, fetch… */
  readonly kind: string;
  /** Response headers and body as they came over the wire (compressed), in bytes. */
  readonly bytes: number;
}

/** One page type opened in one view: what axe found and everything the page asked for. */
interface Visit {
  readonly type: PageType;
  readonly view: View;
  readonly violations: Result[];
  readonly fetched: Fetched[];
  /** Scripts in the page that have no `src` and are not JSON-LD data. */
  readonly inlineScripts: string[];
}

describe("every page type in Chromium", { skip: browserSkip }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  before(async () => {
    // Compressed as a static host serves it: the article budget counts bytes transferred.
    server = await serveStatic(site, { gzip: true });
    browser = await launchChromium();
    for (const view of VIEWS) visitAll(view).catch(() => {}); // awaited by the tests
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * Each view's visits, made once and shared by the tests that read them. Two views at a time,
   * each in a context of its own: a machine's two cores busy, not more (pages time out).
   */
  const visits = new Map<string, Promise<Visit[]>>();
  const lanes: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
  const visitAll = (view: View): Promise<Visit[]> => {
    const made = visits.get(view.name);
    if (made) return made;
    const lane = VIEWS.indexOf(view) % lanes.length;
    const visited = lanes[lane]!.then(() => visitInView(view));
    lanes[lane] = visited.catch(() => {}); // a failed view fails its own tests, not the next
    visits.set(view.name, visited);
    return visited;
  };

  async function visitInView(view: View): Promise<Visit[]> {
    const context = await browser.newContext({
      viewport: { width: view.width, height: view.height },
      colorScheme: view.colorScheme,
      isMobile: view.mobile,
      hasTouch: view.mobile,
    });
    try {
      const done: Visit[] = [];
      for (const type of PAGE_TYPES) done.push(await visit(context, view, type));
      return done;
    } finally {
      await context.close();
    }
  }

  async function visit(context: BrowserContext, view: View, type: PageType): Promise<Visit> {
    const page = await context.newPage();
    const sizes: Promise<Fetched>[] = [];
    page.on("requestfinished", (request) => void sizes.push(fetched(request)));
    page.on("requestfailed", (request) => void sizes.push(fetched(request)));
    const left = type.leavesFor ? holdRedirect(page, type.leavesFor) : undefined;
    await page.goto(server.url + type.url, { waitUntil: "load" });
    if (type.waitFor) await page.locator(type.waitFor).first().waitFor({ timeout: 15_000 });
    const violations = await axeViolations(page);
    if (left) await left;
    const inlineScripts = await page
      .locator("script:not([src])")
      .evaluateAll((scripts) =>
        scripts
          .filter((script) => script.getAttribute("type") !== "application/ld+json")
          .map((script) => script.outerHTML.slice(0, 120)),
      );
    await page.close();
    return { type, view, violations, fetched: await Promise.all(sizes), inlineScripts };
  }

  /**
   * A redirect page leaves at once for its target: the target's request is answered "204 No
   * Content", which a browser does not navigate to, so that the redirect page itself stays to
   * be checked. Resolves once the page has asked for its target (the redirect works).
   */
  function holdRedirect(page: Page, target: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the redirect never went to ${target}`)),
        15_000,
      );
      void page.route(server.url + target, async (route) => {
        clearTimeout(timer);
        await route.fulfill({ status: 204 });
        resolve();
      });
    });
  }

  async function fetched(request: Request): Promise<Fetched> {
    const sizes = await request
      .sizes()
      .catch(() => ({ responseHeadersSize: 0, responseBodySize: 0 }));
    const bytes = Math.max(0, sizes.responseHeadersSize) + Math.max(0, sizes.responseBodySize);
    return { url: request.url(), kind: request.resourceType(), bytes };
  }

  const where = (visit: Visit) => `${visit.type.name} (${visit.type.url}, ${visit.view.name})`;
  const path = (url: string) => url.slice(server.url.length).split("?")[0]!;

  for (const view of VIEWS) {
    test(`axe finds no violation on any page type, ${view.name}`, async (t) => {
      const found = (await visitAll(view)).flatMap((visit) =>
        visit.violations.map((violation) => ({
          visit,
          violation,
          known: knownAs(visit.type, violation),
        })),
      );
      const say = ({ visit, violation }: (typeof found)[number]) =>
        describeViolation(where(visit), violation);
      failWithProblems(
        found.filter((one) => !one.known).map(say),
        "accessibility violations (axe-core)",
      );
      const gone = KNOWN_VIOLATIONS.filter((known) => !found.some((one) => one.known === known));
      const stale = gone.map((known) => `${known.page}: ${known.rule} no longer occurs`);
      failWithProblems(stale, "fixed violations still listed: remove them from KNOWN_VIOLATIONS");
      if (found.length === 0) return;
      for (const one of found) t.diagnostic(`KNOWN, TO FIX: ${say(one)}`);
      t.todo(`${found.length} known violations to fix in layouts/ (KNOWN_VIOLATIONS)`);
    });
  }

  test("no page type asks another host for anything, in any view", async () => {
    const all = (await Promise.all(VIEWS.map(visitAll))).flat();
    const problems = all.flatMap((visit) =>
      visit.fetched
        .filter((request) => !request.url.startsWith(`${server.url}/`))
        .map((request) => `${where(visit)}: a ${request.kind} request to ${request.url}`),
    );
    failWithProblems(problems, "requests to another host (a page must load only from its site)");
  });

  test("every page a reader sees loads exactly one CSS file", async () => {
    const problems = (await visitAll(VIEWS[3]!)).flatMap((visit) => {
      // A redirect is replaced by its target at once: it shows nothing and loads no style.
      if (visit.type.leavesFor) return [];
      const css = visit.fetched.filter((request) => request.kind === "stylesheet");
      if (css.length === 1) return [];
      const names = css.map((request) => path(request.url)).join(", ");
      return [`${where(visit)}: ${css.length} CSS files, not 1: ${names}`];
    });
    failWithProblems(problems, "pages with other than one CSS file");
  });

  test("no script but the search page's, the `/` key's and the article's highlighter", async () => {
    const problems = (await visitAll(VIEWS[3]!)).flatMap((visit) => {
      const scripts = visit.fetched
        .filter((request) => request.kind === "script")
        .map((r) => path(r.url));
      const unexpected = scripts.filter((script) => !scriptAllowed(visit.type, script));
      return [
        ...unexpected.map((script) => `${where(visit)}: loads the script ${script}`),
        ...visit.inlineScripts.map((script) => `${where(visit)}: has an inline script ${script}`),
      ];
    });
    failWithProblems(problems, "scripts beyond the allowed ones");
  });

  test("a violation is reported with its page, rule and element (a known-bad page)", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent(KNOWN_BAD.html);
    const violations = await axeViolations(page);
    const said = violations.map((violation) => describeViolation("bad", violation));
    await context.close();
    assert.equal(said.length, 1, said.join("\n"));
    const rule = /^bad: image-alt \(critical\): Images must have alternative text, https:/;
    assert.match(said[0]!, rule);
    assert.match(said[0]!, /\n    at img: <img src="a\.png">\n/);
  });

  test("an article page transfers under 50 kB before images", async (t) => {
    const articles = (await visitAll(VIEWS[3]!)).filter((visit) => visit.type.kind === "article");
    assert.ok(articles.length > 0, "PAGE_TYPES has an article");
    const problems = articles.flatMap((visit) => {
      // The HTML and the CSS, fonts and scripts it loads, headers included, gzip-compressed;
      // not images, nor the icon a browser asks for on its own.
      const counted = visit.fetched.filter((request) => BUDGETED.has(request.kind));
      const total = counted.reduce((sum, request) => sum + request.bytes, 0);
      const parts = counted.map((request) => `${path(request.url)} ${request.bytes} B`).join(", ");
      t.diagnostic(`${where(visit)}: ${total} B transferred (${parts})`);
      return total < 50_000
        ? []
        : [`${where(visit)}: ${total} B transferred, over 50,000 (${parts})`];
    });
    failWithProblems(problems, "article pages over budget");
  });
});

/** One axe violation known today, on a page type, with where it is fixed. */
interface KnownViolation {
  readonly page: string;
  readonly rule: string;
  readonly why: string;
}

/**
 * Violations known and not yet fixed in the layouts: none today. An entry is printed on every
 * run and makes its test "todo", not passed; any other violation fails, and so does an entry
 * here that no longer occurs, so that the list only shrinks.
 */
const KNOWN_VIOLATIONS: readonly KnownViolation[] = [];

function knownAs(type: PageType, violation: Result): KnownViolation | undefined {
  return KNOWN_VIOLATIONS.find((known) => known.page === type.name && known.rule === violation.id);
}

/** What the article budget counts, by Chromium's kind of request. */
const BUDGETED = new Set(["document", "stylesheet", "script", "font"]);

/**
 * The script budget: no JavaScript on any page but the search page, with two exceptions that
 * issue #9 requires and nothing else: the masthead's `/` key (focuses the search box, every
 * page, 0.7 kB) and, on articles, the highlighter of words searched for (0.9 kB), which loads
 * Pagefind's highlight script only when the address has `?highlight=`, never otherwise.
 */
function scriptAllowed(type: PageType, script: string): boolean {
  if (type.kind === "search") return true;
  if (script === "/assets/search-key.js") return true;
  return type.kind === "article" && script === "/assets/search-highlight.js";
}

describe("the Nu HTML Checker", { skip: javaSkip }, () => {
  test("finds no error in any page of the site or in its CSS", async () => {
    const checked = await filesToValidate(site);
    const missing = PAGE_TYPES.filter(
      (type) => !checked.includes(join(site, fileForUrl(type.url))),
    );
    assert.deepEqual(missing, [], "every page type is among the files checked");
    assert.ok(
      checked.some((file) => file.endsWith(".css")),
      "the site's CSS is checked",
    );
    const errors = (await nuReport!).filter((message) => !message.url.includes(knownBad + sep));
    failWithProblems(
      errors.map((message) => describeNuMessage(message, site)),
      "Nu HTML Checker errors",
    );
  });

  test("reports an error with its file, place, rule and markup (known-bad files)", async () => {
    const errors = (await nuReport!).filter((message) => message.url.includes(knownBad + sep));
    const said = errors.map((message) => describeNuMessage(message, knownBad));
    assert.equal(said.length, 2, said.join("\n"));
    const html = said.find((line) => line.startsWith("bad.html")) ?? "";
    assert.match(html, /^bad\.html:3:19: error: An “img” element must have an “alt”/);
    assert.match(html, /\n    in: ".*<img src=\\"a\.png\\">.*"$/);
    const css = said.find((line) => line.startsWith("bad.css")) ?? "";
    // vnu's CSS checker points at the declaration's value.
    assert.match(css, /^bad\.css:1:11: error: CSS: “colr”: Property “colr” doesn't exist/);
  });
});
