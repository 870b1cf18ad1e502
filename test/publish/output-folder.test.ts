// Output folders that deploy set-ups use: a link to a release folder stays a link, with the
// site published into its target; a mount point (a container volume) is published into.
import assert from "node:assert/strict";
import { cp, lstat, mkdir, readdir, readlink, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { removeAbandoned, SITE_MARKER } from "../../src/publish/atomic.ts";
import { MANIFEST_FILE } from "../../src/publish/incremental.ts";
import { mountPoints } from "../../src/publish/output-folder.ts";
import { PROJECT_ROOT, readTree, runBuild, startBuild } from "../support/build.ts";
import { entriesBeside, mountTmpfs, tempDir } from "../support/temp.ts";

const FIXTURE = join(PROJECT_ROOT, "test/fixtures/archive/content");
const ARTICLE = "articles/2021/12/unicode.md";
const ARTICLE_PAGE = "2021/12/31/unicode/index.html";

/** The archive, and a copy of it to change, in `parent`. */
async function archive(parent: string): Promise<string> {
  const content = join(parent, "content");
  await cp(FIXTURE, content, { recursive: true });
  return content;
}

/**
 * Builds as a first publish: these tests delete an article to change the site, which the
 * record of published URLs would rightly refuse (that record is tested in test/urls/).
 */
async function build(content: string, out: string, env: NodeJS.ProcessEnv = {}) {
  await rm(join(content, "published-urls.json"), { force: true });
  const run = await runBuild(content, out, env);
  assert.equal(run.code, 0, run.stderr);
}

test("an output folder that is a link stays a link; the site goes into its target", async (t) => {
  const parent = await tempDir(t, "link");
  const content = await archive(parent);
  const out = join(parent, "site");
  // A relative link to a release folder that does not exist yet, as on a fresh deploy.
  await mkdir(join(parent, "releases"));
  await symlink("releases/current", out);
  await build(content, out);
  assert.ok((await lstat(out)).isSymbolicLink(), "the link is kept");
  assert.equal(await readlink(out), "releases/current");
  assert.ok((await readTree(join(parent, "releases/current"))).has(ARTICLE_PAGE));

  await rm(join(content, ARTICLE));
  await build(content, out);
  assert.ok((await lstat(out)).isSymbolicLink(), "the link is kept");
  const published = await readTree(join(parent, "releases/current"));
  assert.ok(!published.has(ARTICLE_PAGE), "the new site is in the target");
  assert.deepEqual((await entriesBeside(parent)).sort(), ["content", "releases", "site"]);
  assert.deepEqual(await entriesBeside(join(parent, "releases")), ["current"]);
});

test("an output folder that is a mount point is published into; nothing is left", async (t) => {
  const parent = await tempDir(t, "mount");
  const out = join(parent, "site");
  await mkdir(out);
  if (!mountTmpfs(t, out, "64m")) return;
  // A fresh ext4 volume has one; it is the file system's, not the site's.
  await mkdir(join(out, "lost+found"));
  const content = await archive(parent);
  const reference = join(parent, "reference");
  const env = { DATELINE_CACHE_DIR: join(await tempDir(t, "mount-cache"), "cache") };

  await build(content, out, env);
  await build(content, reference, env);
  assert.deepEqual(await sameSite(out), await sameSite(reference));

  await rm(join(content, ARTICLE));
  await build(content, out, env);
  await build(content, reference, env);
  assert.deepEqual(await sameSite(out), await sameSite(reference), "the new site, less one");
  assert.ok(mountPoints().includes(out), "still the mount point");
  assert.deepEqual(await leftovers(out), []);
  assert.ok((await readdir(out)).includes("lost+found"), "the volume's own folder is kept");

  // Stopped half-way, the published site is as it was and the staging folder inside is gone.
  const before = await readTree(out);
  const stopped = startBuild(content, out, env);
  await stopped.printed(/Writing pages for/);
  stopped.kill("SIGTERM");
  assert.equal((await stopped.exited).code, 143);
  assert.deepEqual(await readTree(out), before);
  assert.deepEqual(await leftovers(out), []);
  assert.deepEqual((await entriesBeside(parent)).sort(), ["content", "reference", "site"]);
});

/** A build's folders inside a mount point: its staging folder and the previous site's. */
/**
 * A site's files, for comparing one published into a tmpfs volume with one on disk. Pagefind's
 * index files depend on the order the file system lists pages in, which differs between the
 * two; the shards and the pages each holds do not.
 */
async function sameSite(folder: string): Promise<Map<string, unknown>> {
  const tree = new Map<string, unknown>();
  for (const [file, bytes] of await readTree(folder)) {
    if (file === MANIFEST_FILE) continue;
    if (!file.startsWith("pagefind/") || file === "pagefind/shards.json") tree.set(file, bytes);
    else if (file.endsWith("/pagefind-entry.json")) {
      const entry = JSON.parse(bytes.toString("utf8")) as { languages: Record<string, { page_count: number }> };
      tree.set(file, Object.values(entry.languages).map((language) => language.page_count));
    }
  }
  return tree;
}

async function leftovers(folder: string): Promise<string[]> {
  const names = await readdir(folder);
  return names.filter((name) => name.startsWith(".dateline-") && name !== SITE_MARKER && name !== MANIFEST_FILE);
}

test("a mount point's site left half-swapped by a killed build is put back whole", async (t) => {
  const out = join(await tempDir(t, "mount-swap"), "site");
  const previous = join(out, ".dateline-previous-1-abcdef");
  await mkdir(join(previous, "2020"), { recursive: true });
  await writeFile(join(previous, "2020", "index.html"), "old year");
  await writeFile(join(previous, "index.html"), "old home");
  await writeFile(join(out, "index.html"), "new home");
  await mkdir(join(out, ".dateline-building-1-abcdef"));
  await removeAbandoned(out);
  const texts = [...(await readTree(out))].map(([file, bytes]) => [file, bytes.toString()]);
  const expected = { "2020/index.html": "old year", "index.html": "new home" };
  assert.deepEqual(Object.fromEntries(texts), expected);
  assert.deepEqual((await readdir(out)).sort(), ["2020", "index.html"]);
});
