// `npm run new` as an editor runs it, on a clock the test sets: the file it writes, and what
// `npm run check` then says about it.
import assert from "node:assert/strict";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { type TestContext, test } from "node:test";
import { writeArchive } from "../support/archive.ts";
import { runCommand } from "../support/build.ts";

async function emptyArchive(t: TestContext): Promise<{ content: string; env: typeof process.env }> {
  const content = await writeArchive({}, t);
  t.after(() => rm(content, { recursive: true, force: true }));
  return { content, env: { CONTENT_DIR: content, DATELINE_CACHE_DIR: join(content, ".cache") } };
}

test("npm run new writes a draft dated by the editor's clock, under its month", async (t) => {
  const { content, env } = await emptyArchive(t);
  // Late in the evening, in the first time zone to reach a new day: still the 4th.
  const clock = { DATELINE_NOW: "2021-03-04T23:30:00", TZ: "Pacific/Kiritimati" };
  const args = ["Council: approves \"the\" budget", "--author", "Ana Ruiz"];
  const run = await runCommand("src/cli/new-article.ts", args, { ...env, ...clock });
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout.trim(), /articles\/2021\/03\/council-approves-the-budget\.md$/);
  assert.equal(
    await readFile(join(content, "articles/2021/03/council-approves-the-budget.md"), "utf8"),
    [
      "---",
      "title: 'Council: approves \"the\" budget'",
      "date: 2021-03-04",
      "author: Ana Ruiz",
      'summary: ""',
      "entities: []",
      "draft: true # delete this line (or set it to false) to publish",
      "---",
      "",
      "Write the article here.",
      "",
    ].join("\n"),
  );
});

test("the placeholder body npm run new writes is warned about, at its line", async (t) => {
  const { env } = await emptyArchive(t);
  const args = ["A story", "--author", "Ana Ruiz"];
  const clock = { DATELINE_NOW: "2021-03-04T09:00:00" };
  const created = await runCommand("src/cli/new-article.ts", args, { ...env, ...clock });
  assert.equal(created.code, 0, created.stderr);
  const check = await runCommand("src/cli/check.ts", [], env);
  const warning = check.stdout.split("\n").find((line) => line.includes("a-story.md:10:1"));
  assert.equal(
    warning?.replace(/^ +\S*articles\//, "articles/"),
    "articles/2021/03/a-story.md:10:1  the body is still the placeholder that `npm run new` wrote" +
      '  (write the article in place of "Write the article here.")',
    check.stdout,
  );
  assert.ok(check.stdout.indexOf("Warnings:") < check.stdout.indexOf(warning!), "a warning");
});

test("npm run new refuses a clock it cannot read", async (t) => {
  const { env } = await emptyArchive(t);
  const args = ["A story", "--author", "Ana Ruiz"];
  const clock = { DATELINE_NOW: "yesterday" };
  const run = await runCommand("src/cli/new-article.ts", args, { ...env, ...clock });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /DATELINE_NOW "yesterday" is not a date-time/);
});
