// `npm run check` and `npm run build` read the archive alike, so they list the same problems.
import assert from "node:assert/strict";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { article, VALID, writeArchive } from "../support/archive.ts";
import { runBuild, runCommand } from "../support/build.ts";
import { drawnGif, drawnPng } from "../support/images.ts";

/** The problem lines of a report (`  path:line:column  message  (fix)`), without the summary. */
function problemLines(output: string): string[] {
  return output.split("\n").filter((line) => /^ {2}\S+\.md:\d+/.test(line)).sort();
}

test("check and build list the same problems, a Unicode space after --- included", async (t) => {
  const parent = await mkdtemp(join(tmpdir(), "dateline-check-build-"));
  t.after(() => rm(parent, { recursive: true, force: true }));
  const content = await writeArchive(
    {
      "articles/a.md": "---\u00a0js\n{ title: 'x' }\n---\nBody\n",
      "articles/b.md": article({ ...VALID, date: "2020-13-45" }),
      "articles/c.md": article({ ...VALID, sumary: "typo" }),
    },
    join(parent, "content"),
  );
  const env = { DATELINE_CACHE_DIR: join(parent, "cache") };
  const check = await runCommand("src/cli/check.ts", [], { CONTENT_DIR: content, ...env });
  const build = await runBuild(content, join(parent, "site"), env);
  assert.equal(check.code, 1, check.stderr);
  assert.equal(build.code, 1, build.stderr);
  const listed = problemLines(check.stdout);
  assert.equal(listed.length, 3, check.stdout);
  assert.match(listed[0]!, /articles\/a\.md:1:4 {2}front matter is marked as "js"/);
  assert.match(listed[1]!, /articles\/b\.md:3:7 {2}"date" "2020-13-45" has no month 13/);
  assert.match(listed[2]!, /articles\/c\.md:7:1 {2}unknown key "sumary"/);
  assert.deepEqual(problemLines(build.stderr), listed);
});

test("a cache folder that cannot be made costs a warning, never the build", async (t) => {
  const parent = await mkdtemp(join(tmpdir(), "dateline-cache-file-"));
  t.after(() => rm(parent, { recursive: true, force: true }));
  const content = await writeArchive({ "articles/a.md": article(VALID) }, join(parent, "content"));
  const cache = join(parent, "cache");
  await writeFile(cache, "a file where the cache folder should be\n");
  const build = await runBuild(content, join(parent, "site"), { DATELINE_CACHE_DIR: cache });
  assert.equal(build.code, 0, build.stderr);
  const output = `${build.stdout}\n${build.stderr}`;
  assert.match(output, /the validation cache in \S+ could not be used \(ENOTDIR\)/);
  assert.match(output, /the Markdown cache in \S+ could not be used \(ENOTDIR\)/);
  assert.match(output, /the mention cache in \S+ could not be used \(ENOTDIR\)/);
  assert.match(output, /Published 1 article/);
});

const MEASURED = "check reads and measures images, makes no variant, locates one that is no image";

test(MEASURED, async (t) => {
  const parent = await mkdtemp(join(tmpdir(), "dateline-check-images-"));
  t.after(() => rm(parent, { recursive: true, force: true }));
  const image = (src: string) => `{ src: ${src}, alt: A map }`;
  const files = {
    "static/images/map.png": drawnPng(1600, 900),
    "static/images/moving.gif": drawnGif(300, 200),
    "articles/a.md": article({ ...VALID, image: image("/images/map.png") }),
    "articles/b.md": article(
      { ...VALID, title: "B", image: image("/images/moving.gif") },
      "Some text about the FBI.\n\n![A chart](/images/chart.png)\n",
    ),
  };
  const content = await writeArchive(files, join(parent, "content"));
  const cache = join(parent, "cache");
  const env = { CONTENT_DIR: content, DATELINE_CACHE_DIR: cache };
  const good = await runCommand("src/cli/check.ts", [], env);
  assert.equal(good.code, 1, "chart.png is missing");
  assert.match(good.stdout, /articles\/b\.md:12:\d+ {2}"\/images\/chart\.png" is not in static\//);
  const cached = await readdir(cache).catch(() => []);
  assert.ok(!cached.some((name) => name.startsWith("img")), `no variant: ${cached.join(", ")}`);

  // Bytes that are no image, under an image's name: an error at the image's line, as a build's.
  await writeFile(join(content, "static/images/chart.png"), "not a PNG\n");
  const check = await runCommand("src/cli/check.ts", [], env);
  assert.equal(check.code, 1);
  const listed = problemLines(check.stdout);
  assert.equal(listed.length, 1, check.stdout);
  const unreadable = /articles\/b\.md:12:\d+ {2}"\/images\/chart\.png" could not be read as an/;
  assert.match(listed[0]!, unreadable);
  assert.ok(!(await readdir(cache)).some((name) => name.startsWith("img")), "still no variant");
  const build = await runBuild(content, join(parent, "site"), { DATELINE_CACHE_DIR: cache });
  assert.deepEqual(problemLines(build.stderr), listed);
});
