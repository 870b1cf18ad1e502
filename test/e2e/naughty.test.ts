// Every naughty string as title, author, entity, summary and body: the build succeeds, no
// page carries script of the content's, and feeds and JSON-LD still parse.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { XMLValidator } from "fast-xml-parser";
import { listFiles, runBuild } from "../support/build.ts";
import { NAUGHTY_STRINGS, writeNaughtyArchive } from "../support/blns-archive.ts";
import { assertNoContentScript, parsePageHtml } from "../support/html.ts";
import { tempDir } from "../support/temp.ts";

test("the Big List of Naughty Strings builds into a safe site", async (t) => {
  const content = await writeNaughtyArchive(t);
  const site = join(await tempDir(t, "blns"), "site");
  const run = await runBuild(content, site);
  assert.equal(run.code, 0, run.stderr.slice(-3000));
  const files = await listFiles(site);
  assert.ok(files.filter((f) => /^2020\/\d\d\/15\/[^/]+\/index\.html$/.test(f)).length >= NAUGHTY_STRINGS.length - 5, "every article has its page");

  for (const file of ["feed.xml", "sitemap.xml"]) assert.equal(XMLValidator.validate(await readFile(join(site, file), "utf8")), true, file);
  JSON.parse(await readFile(join(site, "feed.json"), "utf8"));

  for (const file of files.filter((f) => f.endsWith(".html"))) {
    assertNoContentScript(parsePageHtml(await readFile(join(site, file), "utf8")), file, assert.fail);
  }
});
