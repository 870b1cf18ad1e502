// The numbered pager and the date archives' links in a real browser: on a phone and on a
// desktop, light and dark, nothing overflows, every target is at least 24 px square (WCAG 2.2
// 2.5.8), the page numbers keep to one line, and the current page stands out from the links.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { article, writeArchive } from "../support/archive.ts";
import { browserSkipReason, launchChromium } from "../support/browser.ts";
import { runBuild } from "../support/build.ts";
import { serveStatic } from "../support/static-server.ts";
import { suiteCleanup, tempDir } from "../support/temp.ts";

const skip = browserSkipReason();
const temp = suiteCleanup(after);

describe("lists in a browser", { skip }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  before(async () => {
    const files: Record<string, string> = {
      "site.yaml": "title: The Lists Gazette\npageSize: 2\n",
    };
    for (let i = 0; i < 40; i++) {
      const date = `${2000 + Math.floor(i / 4)}-0${(i % 4) * 2 + 1}-14`;
      files[`articles/a${i}.md`] = article({
        title: `Story number ${i}`,
        date,
        author: "Ana Ruiz",
        summary: "S.",
        entities: "[FBI]",
      });
    }
    const content = await writeArchive(files, await tempDir(temp, "lists-browser-content"));
    const out = join(await tempDir(temp, "lists-browser"), "site");
    const run = await runBuild(content, out);
    assert.equal(run.code, 0, run.stderr);
    server = await serveStatic(out);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`the pager and the neighbours fit and can be tapped, ${colorScheme}`, async () => {
      for (const width of [320, 390, 1280]) {
        const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme });
        for (const path of ["/page/10/", "/2005/", "/2005/05/"]) {
          await page.goto(server.url + path);
          const where = `${path} at ${width} px, ${colorScheme}`;
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          assert.ok(overflow <= 0, `${where}: ${overflow} px too wide`);
          const targets = page.locator(".pager a, .date-neighbours a, .month-counts a");
          assert.ok((await targets.count()) > 0, `${where}: links`);
          for (const box of await targets.evaluateAll((links) =>
            links.map((link) => link.getBoundingClientRect().toJSON() as DOMRect),
          )) {
            assert.ok(
              box.width >= 24 && box.height >= 24,
              `${where}: a ${box.width}×${box.height} px target`,
            );
          }
        }
        await page.goto(server.url + "/page/10/");
        const numbers = page.locator(".pager-list li:not(.pager-step)");
        const tops = new Set(
          await numbers.evaluateAll((items) =>
            items.map((item) => Math.round(item.getBoundingClientRect().top)),
          ),
        );
        assert.equal(tops.size, 1, `the page numbers share one line at ${width} px`);
        const current = page.locator('.pager [aria-current="page"]');
        assert.equal(await current.textContent(), "Page 10");
        const [currentColor, linkColor] = await Promise.all([
          current.evaluate((element) => getComputedStyle(element).color),
          page
            .locator(".pager-list a")
            .first()
            .evaluate((element) => getComputedStyle(element).color),
        ]);
        assert.notEqual(currentColor, linkColor, "the current page is not drawn as a link");
        await page.close();
      }
    });
  }
});
