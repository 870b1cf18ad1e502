// The editor's commands as an editor runs them: new and check (the preview: test/preview/).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { article, VALID, writeArchive } from "../support/archive.ts";
import { PROJECT_ROOT, runCommand } from "../support/build.ts";
import { tempDir } from "../support/temp.ts";

test("npm run new writes a dated article with its front matter and never overwrites", async (t) => {
  const content = await writeArchive({}, t);
  // An injected clock: the test never depends on today's date.
  const env = { CONTENT_DIR: content, DATELINE_CACHE_DIR: join(content, ".cache"), DATELINE_NOW: "2024-03-09T12:00:00" };
  const first = await runCommand("src/cli/new-article.ts", ["Council: approves \"the\" budget", "--author", "Ana Ruiz"], env);
  assert.equal(first.code, 0, first.stderr);
  const [year, month] = ["2024", "03"];
  const path = first.stdout.trim();
  assert.match(path, new RegExp(`articles/${year}/${month}/council-approves-the-budget\\.md$`));
  const text = await readFile(join(content, `articles/${year}/${month}/council-approves-the-budget.md`), "utf8");
  assert.match(text, /^---\ntitle: 'Council: approves "the" budget'\ndate: 2024-03-09\nauthor: Ana Ruiz\nsummary: ""\nentities: \[\]\ndraft: true .*\n---\n/);

  await writeFile(join(content, `articles/${year}/${month}/council-approves-the-budget.md`), "edited");
  const again = await runCommand("src/cli/new-article.ts", ["Council: approves \"the\" budget"], env);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already exists; nothing was written/);
  assert.equal(await readFile(join(content, `articles/${year}/${month}/council-approves-the-budget.md`), "utf8"), "edited");

  const remembered = await runCommand("src/cli/new-article.ts", ["Second story"], env);
  assert.equal(remembered.code, 0, remembered.stderr);
  assert.match(await readFile(join(content, `articles/${year}/${month}/second-story.md`), "utf8"), /author: Ana Ruiz/);
});

test("npm run check lists every problem, errors apart from warnings, and fails on errors", async (t) => {
  const content = await writeArchive({
    "articles/a.md": article({ ...VALID, date: "2020-02-30" }),
    "articles/b.md": article({ ...VALID, sumary: "typo" }),
    "articles/c.md": "---coffee\ntitle: 'x'\n---\n",
  }, t);
  const run = await runCommand("src/cli/check.ts", [], { CONTENT_DIR: content });
  assert.equal(run.code, 1);
  assert.match(run.stdout, /Errors:\n {2}\S*articles\/a\.md:3:7 {2}"date" "2020-02-30" is not a real day.*\n {2}\S*articles\/c\.md:1:4 {2}front matter is marked as "coffee"/);
  assert.match(run.stdout, /Warnings:\n {2}\S*articles\/b\.md:7:1 {2}unknown key "sumary" is ignored {2}\(did you mean "summary"\?\)/);
  assert.match(run.stdout, /2 errors, 1 warning$/m);

  // The editor's hints, at their lines: a listed entity never mentioned, one mentioned unlisted.
  const hinted = await runCommand("src/cli/check.ts", [], { CONTENT_DIR: await writeArchive({
    "entities/cisa.md": "---\nname: CISA\n---\n",
    "articles/a.md": article({ ...VALID, entities: "[FBI, Menlo Park]" }, "The FBI met CISA.\n"),
  }, t) });
  assert.equal(hinted.code, 0, hinted.stdout);
  assert.match(hinted.stdout, /a\.md:6:\d+ {2}"Menlo Park" is listed in entities, but the body never mentions it/);
  assert.match(hinted.stdout, /a\.md:9:13 {2}the body mentions "CISA", a registered entity that entities does not list/);

  const missing = await runCommand("src/cli/check.ts", [], { CONTENT_DIR: join(content, "no-such-folder") });
  assert.equal(missing.code, 1);
  assert.match(missing.stdout, /the content folder does not exist/);

  const clash = await runCommand("src/cli/check.ts", [], { CONTENT_DIR: await writeArchive({ "articles/a.md": article(VALID), "static/feed.xml": "<feed/>" }, t) });
  assert.equal(clash.code, 1);
  assert.match(clash.stdout, /static\/feed\.xml {2}\/feed\.xml is also a page of the archive/);

  const clean = await runCommand("src/cli/check.ts", [], { CONTENT_DIR: await writeArchive({ "articles/a.md": article(VALID) }, t) });
  assert.equal(clean.code, 0, clean.stdout);
  assert.match(clean.stdout, /Checked 1 article .*ready to publish/);
});
