// One runner: `npm run build` and `npm run check` go through the same stages, so they stop on
// exactly the same problems, every one of them at once.
import assert from "node:assert/strict";
import { mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { article, VALID, writeArchive } from "../support/archive.ts";
import { runBuild, runCommand } from "../support/build.ts";

/** The problem lines of a report, without the folder the archive happens to live in. */
function problemLines(output: string, contentDir: string): string[] {
  return output
    .split("\n")
    .filter((line) => /^ {2}\S/.test(line) && !/…/.test(line))
    .map((line) => line.replace(/^\s+(\.\.\/)*/, "").replace(contentDir.replace(/^\//, ""), "<content>"))
    .sort();
}

test("build and check list the same problems: content, static files, URLs and aliases", async (t) => {
  const parent = await mkdtemp(join(tmpdir(), "dateline-runner-"));
  t.after(() => rm(parent, { recursive: true, force: true }));
  const content = await writeArchive(
    {
      "articles/good.md": article(VALID),
      "articles/bad-date.md": article({ ...VALID, title: "Bad", date: "2020-02-30" }),
      "articles/clash.md": article({ ...VALID, title: "Clash", date: "2020-08-13", aliases: "[/2020/08/12/good/]" }),
      "static/feed.json": "{}",
      "static/promo.html": "<script>alert(1)</script>",
    },
    join(parent, "content"),
  );
  await symlink("/etc/hostname", join(content, "static", "linked"));
  const build = await runBuild(content, join(parent, "site"));
  const check = await runCommand("src/cli/check.ts", [], { CONTENT_DIR: content });
  assert.equal(build.code, 1);
  assert.equal(check.code, 1);
  const fromBuild = problemLines(build.stderr, content);
  assert.deepEqual(problemLines(check.stdout, content), fromBuild);
  assert.equal(fromBuild.length, 5, fromBuild.join("\n"));
  assert.ok(fromBuild.some((line) => line.includes("bad-date.md:3")));
  assert.ok(fromBuild.some((line) => /clash\.md:7:\d+  a redirect/.test(line)));
  assert.ok(fromBuild.some((line) => line.includes("feed.json")));
  assert.ok(fromBuild.some((line) => line.includes("promo.html")));
  assert.ok(fromBuild.some((line) => line.includes("linked")));
});
