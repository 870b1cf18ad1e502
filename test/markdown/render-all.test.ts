// The Markdown stage as the archive uses it: every body rendered, in worker threads, each under
// a time budget, and cached by content hash.
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { formatProblem } from "../../src/content/problems.ts";
import { renderAll } from "../../src/markdown/render-all.ts";
import { readArchive } from "../../src/read-archive.ts";
import { article, VALID, writeArchive } from "../support/archive.ts";

/** Quadratic in micromark: minutes to render, so it never finishes within a budget of seconds. */
const MINUTES_TO_RENDER = "[a](".repeat(200_000);

test("a body over the time budget is stopped and reported; every other body renders", async () => {
  const bodies = ["First *body*.", MINUTES_TO_RENDER, "Third body.", "Fourth."];
  const results = await renderAll(bodies, { workers: 1, timeLimitMs: 3000 });
  assert.deepEqual(results.map((result) => ("failure" in result ? result.failure : result.text)), [
    "First body.",
    "the body took longer than 3 s to render, so it was stopped",
    "Third body.",
    "Fourth.",
  ]);
  const failure = results[1]!;
  assert.ok("fix" in failure && /\[a\]\(/.test(failure.fix), "the fix says what makes it slow");
});

test("a body too slow to render is an error at its file and body line", async (t) => {
  const dir = await writeArchive({
    "articles/a.md": article(VALID, "A body that renders.\n"),
    "articles/slow.md": article({ ...VALID, title: "Slow" }, `\n${MINUTES_TO_RENDER}\n`),
  }, t);
  t.after(() => rm(dir, { recursive: true, force: true }));
  const cacheDir = join(dir, ".cache");
  const options = { includeDrafts: false, cacheDir, markdownTimeLimitMs: 3000 };
  const { archive, problems } = await readArchive(dir, options);
  assert.deepEqual(problems.map((p) => formatProblem(p, dir)), [
    "articles/slow.md:10:1  the body took longer than 3 s to render, so it was stopped  " +
      "(look for long runs of unclosed brackets, links or emphasis (such as `[a](` repeated) " +
      "and remove them, or split the body)",
  ]);
  assert.equal(archive.articles.find((a) => a.title === "A headline")?.wordCount, 4);
});

test("a body nested too deeply is a failure, not a crash of the worker", async () => {
  const [deep, after] = await renderAll(["> ".repeat(5000) + "deep\n", "after"], { workers: 1 });
  assert.ok(deep && "failure" in deep, "nested too deeply");
  assert.match(deep.failure, /could not be rendered: it is nested too deeply/);
  assert.equal(after && "text" in after ? after.text : undefined, "after");
});
