// The search stage fails cleanly: when Pagefind panics, dies, or the disk fills up while it
// writes the index, the build says so in Pagefind's words, exits 1, and leaves the published
// site as it was and no temporary folder.
import assert from "node:assert/strict";
import { mkdir, readdir, rm, stat, statfs, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { MANIFEST_FILE } from "../../src/publish/incremental.ts";
import { listFiles, PROJECT_ROOT, readTree, runBuild } from "../support/build.ts";
import { entriesBeside, mountTmpfs, tempDir } from "../support/temp.ts";

const CONTENT = join(PROJECT_ROOT, "test/fixtures/archive/content");
const FAILING_PAGEFIND = join(PROJECT_ROOT, "test/fixtures/pagefind/failing-pagefind");

function assertCleanFailure(run: { code: number; stderr: string }, reason: RegExp) {
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stderr, /Building the search index…/);
  assert.match(run.stderr, reason);
  assert.match(run.stderr, /The build failed; nothing was published: \S+ is unchanged\./);
  assert.doesNotMatch(run.stderr, /^\s+at /m, "no stack trace");
}

test("Pagefind panicking or dying stops the build with its words; the site stays", async (t) => {
  const parent = await tempDir(t, "pagefind");
  const out = join(parent, "site");
  assert.equal((await runBuild(CONTENT, out)).code, 0);
  const before = await readTree(out);
  const failures = [
    {
      how: "panic",
      reason: /Pagefind failed \(exit code 101\) while building the search index:\n.*panicked/,
    },
    { how: "segv", reason: /Pagefind was killed by SIGSEGV while building the search index/ },
  ];
  for (const { how, reason } of failures) {
    const env = { PAGEFIND_BINARY_PATH: FAILING_PAGEFIND, FAILING_PAGEFIND: how };
    const run = await runBuild(CONTENT, out, env);
    assertCleanFailure(run, reason);
    assert.deepEqual(await readTree(out), before, how);
    assert.deepEqual(await entriesBeside(parent), ["site"], `${how} left a temporary folder`);
  }
});

for (const { when, room } of [
  { when: "the search index is written", room: (pages: number, index: number) => pages + index / 2 },
  { when: "the pages are written", room: (pages: number) => pages / 2 },
]) {
  test(`a disk filling up while ${when} stops the build cleanly`, async (t) => {
    const parent = await tempDir(t, "full-disk");
    const disk = join(parent, "disk");
    await mkdir(disk);
    if (!mountTmpfs(t, disk, "8m")) return;
    const out = join(disk, "site");
    const env = { DATELINE_CACHE_DIR: join(parent, "cache") };
    assert.equal((await runBuild(CONTENT, out, env)).code, 0);
    // Without its manifest, the next build renders every page and indexes every search shard
    // again, instead of linking them from this one.
    await rm(join(out, MANIFEST_FILE));
    const before = await readTree(out);

    const used = async (files: string[]) => {
      const stats = await Promise.all(files.map((f) => stat(join(out, f))));
      return stats.reduce((sum, { blocks }) => sum + blocks, 0) * 512;
    };
    const files = await listFiles(out);
    const pages = await used(files.filter((f) => !f.startsWith("pagefind/")));
    const index = await used(files.filter((f) => f.startsWith("pagefind/")));
    const { bavail, bsize } = await statfs(disk);
    await writeFile(join(disk, "filler"), Buffer.alloc(bavail * bsize - room(pages, index)));

    const run = await runBuild(CONTENT, out, env);
    // Pagefind indexes while the other pages are written: either may be what the disk stops.
    const pagefindFull = /Pagefind failed \(exit code 101\)[^]*No space left on device/;
    const pagesFull = /^ENOSPC: no space left on device/m;
    assert.ok(pagefindFull.test(run.stderr) || pagesFull.test(run.stderr), run.stderr);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /The build failed; nothing was published: \S+ is unchanged\./);
    assert.doesNotMatch(run.stderr, /^\s+at |Eleventy/m, "no stack trace, no wrapper's words");
    assert.deepEqual(await readTree(out), before);
    const left = (await entriesBeside(disk)).sort();
    assert.deepEqual(left, ["filler", "site"], "a temporary folder is left");
  });
}
