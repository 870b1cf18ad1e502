// A first build leaves a spare for the next one (src/publish/atomic.ts, `makeSpare`; filled by
// src/publish/incremental.ts, `fillSpare`): hard links to its pages while Pagefind finishes,
// with a manifest of exactly what it holds, kept only when the build publishes.
import assert from "node:assert/strict";
import { cp, mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { beginPublishing, removeAbandoned } from "../../src/publish/atomic.ts";
import { fillSpare, MANIFEST_FILE, type PagePlan } from "../../src/publish/incremental.ts";
import { PROJECT_ROOT, readTree, runBuild } from "../support/build.ts";
import { tempDir } from "../support/temp.ts";

/** A staging folder of `count` pages, and the part of a page plan that fillSpare reads. */
async function stagedPages(dir: string, count: number) {
  const staging = join(dir, "staging");
  const hashes = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const file = `${2000 + (i % 7)}/${i}/index.html`;
    await mkdir(join(staging, `${2000 + (i % 7)}/${i}`), { recursive: true });
    await writeFile(join(staging, file), `page ${i}`);
    hashes.set(file, `inputs ${i}`);
  }
  const plan = { hashes, sizes: new Map(), code: "code", shell: "shell" } as unknown as PagePlan;
  return { staging, plan };
}

const manifestPages = async (spare: string) =>
  Object.keys(JSON.parse(await readFile(join(spare, MANIFEST_FILE), "utf8")).pages as object);

test("the spare holds links to the pages, and a manifest of them, until told it is enough", async (t) => {
  const dir = await tempDir(t, "spare");
  const { staging, plan } = await stagedPages(dir, 1200);
  const signal = new AbortController().signal;

  const whole = join(dir, "whole");
  await mkdir(whole);
  await fillSpare(plan, staging, whole, { enough: new Promise(() => {}), signal });
  const listed = await manifestPages(whole);
  assert.deepEqual(listed.sort(), [...plan.hashes.keys()].sort());
  const [page] = listed;
  const [a, b] = [await stat(join(staging, page!)), await stat(join(whole, page!))];
  assert.equal(a.ino, b.ino, "a hard link, not a copy");

  // Pagefind finished before the spare began: it stops after its first few pages, and its
  // manifest names exactly the pages it holds.
  const part = join(dir, "part");
  await mkdir(part);
  await fillSpare(plan, staging, part, { enough: Promise.resolve(), signal });
  const held = [...(await readTree(part)).keys()].filter((file) => file !== MANIFEST_FILE);
  assert.ok(held.length > 0 && held.length < plan.hashes.size, `${held.length} pages`);
  assert.deepEqual((await manifestPages(part)).sort(), held.sort());
});

test("a first build keeps the spare it made; one over a published site makes none", async (t) => {
  const dir = await tempDir(t, "spare");
  const out = join(dir, "site");
  const spare = join(dir, ".site.spare");
  const fill = (folder: string) => writeFile(join(folder, "made"), "spare");

  let publication = await beginPublishing(out);
  let staging = await publication.stage();
  await writeFile(join(staging.path, "index.html"), "first");
  await staging.makeSpare(fill);
  await staging.commit();
  publication.end();
  assert.equal(await readFile(join(spare, "made"), "utf8"), "spare");
  assert.deepEqual((await readdir(dir)).sort(), [".site.spare", "site"]);

  // The next build starts from that spare; the site it replaces becomes the next spare.
  publication = await beginPublishing(out);
  staging = await publication.stage();
  assert.ok(staging.recycled);
  let filled = false;
  await staging.makeSpare(async () => void (filled = true));
  assert.equal(filled, false, "the published site is the spare");
  await staging.commit();
  publication.end();
  assert.equal(await readFile(join(spare, "index.html"), "utf8"), "first");
});

test("a failed first build removes its spare too; one killed leaves it for the next build", async (t) => {
  const dir = await tempDir(t, "spare");
  const out = join(dir, "site");
  const publication = await beginPublishing(out);
  const staging = await publication.stage();
  await staging.makeSpare((folder) => writeFile(join(folder, "made"), "spare"));
  const building = (await readdir(dir)).filter((name) => name.startsWith(".site.building-"));
  assert.equal(building.length, 2, "the staging folder and its spare");
  await staging.discard();
  publication.end();
  assert.deepEqual(await readdir(dir), []);

  const killed = join(dir, ".site.building-1234-abcdef-spare");
  await mkdir(killed);
  await removeAbandoned(out);
  assert.deepEqual(await readdir(dir), []);
});

test("the build after a first build starts from the spare that build made", async (t) => {
  const dir = await tempDir(t, "spare");
  const [out, content] = [join(dir, "site"), join(dir, "content")];
  await cp(join(PROJECT_ROOT, "content"), content, { recursive: true });
  const env = { DATELINE_CACHE_DIR: join(dir, "cache") };
  const first = await runBuild(content, out, env);
  assert.equal(first.code, 0, first.stderr);
  const spare = join(dir, ".site.spare");
  for (const page of await manifestPages(spare)) await stat(join(spare, page));
  const spareFolder = (await stat(spare)).ino;
  const again = await runBuild(content, out, env);
  assert.equal(again.code, 0, again.stderr);
  // The pages that every build writes (the 404 page, the search page…) aside, none.
  assert.match(again.stdout, /Pages rendered: [0-4]; unchanged since the last build: [1-9]/);
  // The spare became the staging folder, which became the site: the same folder.
  assert.equal((await stat(out)).ino, spareFolder);
});
