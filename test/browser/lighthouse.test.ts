// Lighthouse (mobile, its default settings) on the built sample archive: 100 in accessibility,
// best practices and SEO on the home page, an article, an entity page and the search page.
// Performance is left out: it depends on the machine's load, and no test depends on timing;
// `npm run lighthouse` prints it (and the README records it).
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { browserSkipReason } from "../support/browser.ts";
import { PROJECT_ROOT, runBuild } from "../support/build.ts";
import { type Category, runLighthouse, SAMPLE_PAGES } from "../support/lighthouse.ts";
import { serveStatic } from "../support/static-server.ts";
import { suiteCleanup, tempDir } from "../support/temp.ts";

const skip = browserSkipReason();
const temp = suiteCleanup(after);
const ASSERTED: Category[] = ["accessibility", "best-practices", "seo"];

describe("Lighthouse on the sample archive", { skip }, () => {
  test("home, article, entity and search: 100 in accessibility, best practices, SEO", async () => {
    const site = join(await tempDir(temp, "lighthouse"), "site");
    const run = await runBuild(join(PROJECT_ROOT, "content"), site);
    assert.equal(run.code, 0, run.stderr);
    const server = await serveStatic(site);
    try {
      // One Chromium for the four pages, one page at a time, as Lighthouse requires.
      const urls = SAMPLE_PAGES.map((page) => server.url + page.path);
      const pages = await runLighthouse(urls, ASSERTED);
      const below = pages.flatMap((page) => ASSERTED.flatMap((category) => {
        const result = page.scores[category];
        if (result?.score === 100) return [];
        const audits = result?.failing.map((audit) => `${audit.id} ${audit.details}`.trim());
        return [`${page.url} ${category} ${result?.score}: ${audits?.join("; ")}`];
      }));
      assert.deepEqual(below, [], `below 100:\n${below.join("\n")}`);
    } finally {
      await server.close();
    }
  });
});
