// The Markdown cache: whatever is found under .cache/markdown-packs/ is checked before it is
// used; a pack or an entry that is not sound is rendered again, and the pack replaced.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import {
  chmod,
  chown,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  truncate,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type TestContext, test } from "node:test";
import { renderAll } from "../../src/markdown/render-all.ts";
import { PACK_FOLDER, pipelineSources, RenderCache } from "../../src/markdown/render-cache.ts";
import type { RenderedBody } from "../../src/markdown/render.ts";
import { PROJECT_ROOT } from "../support/build.ts";
import { mountTmpfs, tempDir } from "../support/temp.ts";

const BODY = "Hello *world*, again.";
const RENDERED = {
  html: "<p>Hello <em>world</em>, again.</p>",
  text: "Hello world, again.",
  wordCount: 3,
};
const PLANTED = { html: "<p>from the cache</p>", text: "from the cache", wordCount: 3 };

async function newCacheDir(t: TestContext): Promise<string> {
  const cacheDir = await mkdtemp(join(tmpdir(), "dateline-cache-"));
  t.after(() => rm(cacheDir, { recursive: true, force: true }));
  return cacheDir;
}

/** The packs in a cache folder, oldest first. */
async function packs(cacheDir: string): Promise<string[]> {
  const names = (await readdir(join(cacheDir, PACK_FOLDER))).sort();
  return names.map((name) => join(cacheDir, PACK_FOLDER, name));
}

/** Writes renderings straight into the cache, as a build that rendered them would. */
async function plant(cacheDir: string, entries: [string, RenderedBody][]): Promise<void> {
  const cache = await RenderCache.open(cacheDir);
  for (const [body, rendered] of entries) cache.add(cache.key(body), rendered);
  await cache.close();
}

/** What the cache holds for `body`, read as a build reads it. */
async function cached(cacheDir: string, body: string): Promise<RenderedBody | undefined> {
  const cache = await RenderCache.open(cacheDir);
  const found = cache.read(cache.key(body));
  return found && { ...found };
}

/** A cache folder whose one pack holds BODY's entry, and that pack's path. */
async function cacheWithEntry(t: TestContext): Promise<{ cacheDir: string; pack: string }> {
  const cacheDir = await newCacheDir(t);
  assert.deepEqual(await renderAll([BODY], { cacheDir }), [RENDERED]);
  const found = await packs(cacheDir);
  assert.equal(found.length, 1, found.join(", "));
  return { cacheDir, pack: found[0]! };
}

/** BODY is rendered again, and its entry is in the one pack left, a file. */
async function assertRewritten(cacheDir: string, damaged: string): Promise<void> {
  assert.deepEqual(await renderAll([BODY], { cacheDir }), [RENDERED], "rendered again");
  const left = await packs(cacheDir);
  assert.equal(left.length, 1, `one pack left: ${left.join(", ")}`);
  assert.notEqual(left[0], damaged, "the damaged pack was removed");
  assert.ok((await lstat(left[0]!)).isFile(), "the pack is a file");
  assert.deepEqual(await cached(cacheDir, BODY), RENDERED, "and holds the body again");
}

test("a cached body is used as it is", async (t) => {
  const cacheDir = await newCacheDir(t);
  await plant(cacheDir, [[BODY, PLANTED]]);
  assert.deepEqual(await renderAll([BODY], { cacheDir }), [PLANTED]);
});

test("a build that renders nothing writes nothing", async (t) => {
  const { cacheDir, pack } = await cacheWithEntry(t);
  const before = await readFile(pack);
  assert.deepEqual(await renderAll([BODY, BODY], { cacheDir }), [RENDERED, RENDERED]);
  assert.deepEqual(await packs(cacheDir), [pack]);
  assert.deepEqual(await readFile(pack), before);
});

/** Damage done to a pack holding BODY's entry, given the pack's bytes. */
const DAMAGE: Record<string, (pack: Buffer) => Buffer | string> = {
  "a changed byte in the HTML": (pack) => flip(pack, pack.indexOf("<em>")),
  "a changed byte in the text": (pack) => flip(pack, pack.lastIndexOf("world")),
  // The header ends with a line ending; an entry is a checksum, two lengths, a word count…
  "a changed length": (pack) => flip(pack, pack.indexOf("\n") + 1 + 4),
  "a changed word count": (pack) => flip(pack, pack.indexOf("\n") + 1 + 12),
  "truncated": (pack) => pack.subarray(0, pack.length - 4),
  "cut after its header": (pack) => pack.subarray(0, pack.indexOf("\n") + 1),
  "empty": () => "",
  "of another version": (pack) => flip(pack, pack.indexOf("pack 1") + 5),
  "JSON, as the cache was": () => JSON.stringify(RENDERED),
};

function flip(bytes: Buffer, at: number): Buffer {
  assert.ok(at >= 0 && at < bytes.length, `a byte at ${at}`);
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0x20;
  return copy;
}

for (const [name, damage] of Object.entries(DAMAGE)) {
  test(`a pack that is ${name} is not used; the body is rendered again`, async (t) => {
    const { cacheDir, pack } = await cacheWithEntry(t);
    await writeFile(pack, damage(await readFile(pack)));
    await assertRewritten(cacheDir, pack);
  });
}

test("a truncated pack still gives the entries before the cut", async (t) => {
  const cacheDir = await newCacheDir(t);
  const bodies = ["one", "two", "three"];
  await plant(cacheDir, bodies.map((body) => [body, { ...PLANTED, text: body }]));
  const [pack] = await packs(cacheDir);
  await truncate(pack!, (await lstat(pack!)).size - 3);
  const results = await renderAll(bodies, { cacheDir });
  assert.deepEqual(results.map((result) => ("text" in result ? result.text : "")), [
    "one",
    "two",
    "three",
  ]);
  assert.deepEqual(results.map((result) => ("html" in result ? result.html : "")), [
    PLANTED.html,
    PLANTED.html,
    "<p>three</p>",
  ]);
});

test("a directory where a pack should be is removed", async (t) => {
  const { cacheDir, pack } = await cacheWithEntry(t);
  await rm(pack);
  await mkdir(pack);
  await writeFile(join(pack, "inside.txt"), "x");
  await assertRewritten(cacheDir, pack);
});

test("a pack that is a link is not followed, and only the link is removed", async (t) => {
  const { cacheDir, pack } = await cacheWithEntry(t);
  // A sound pack, with another rendering of the body, outside the cache.
  const elsewhere = await newCacheDir(t);
  await plant(elsewhere, [[BODY, PLANTED]]);
  const [outside] = await packs(elsewhere);
  await rm(pack);
  await symlink(outside!, pack);
  await assertRewritten(cacheDir, pack);
  assert.deepEqual(await cached(elsewhere, BODY), PLANTED, "the link's target is untouched");
});

test("each build that renders adds a pack; past eight, the small ones are merged", async (t) => {
  const cacheDir = await newCacheDir(t);
  const bodies = Array.from({ length: 12 }, (_, i) => `Body ${i}.`);
  for (let i = 1; i <= bodies.length; i++) {
    await renderAll(bodies.slice(0, i), { cacheDir });
    assert.ok((await packs(cacheDir)).length <= 8, `${(await packs(cacheDir)).length} packs`);
  }
  for (const body of bodies) assert.ok(await cached(cacheDir, body), `${body} is cached`);
});

test("a pack of bodies mostly no longer used is folded into the new one", async (t) => {
  const cacheDir = await newCacheDir(t);
  const old = Array.from({ length: 10 }, (_, i) => `Old body ${i}.`);
  await renderAll(old, { cacheDir });
  await renderAll([old[0]!, "A new body."], { cacheDir });
  assert.equal((await packs(cacheDir)).length, 1);
  assert.ok(await cached(cacheDir, old[0]!), "the body still used is kept");
  assert.ok(await cached(cacheDir, "A new body."), "the new body is in");
  assert.equal(await cached(cacheDir, old[1]!), undefined, "the others are gone");
});

test("the old cache of one file per body is removed", async (t) => {
  const cacheDir = await newCacheDir(t);
  await mkdir(join(cacheDir, "markdown"));
  await writeFile(join(cacheDir, "markdown", "0a1b.json"), JSON.stringify(RENDERED));
  await renderAll([BODY], { cacheDir });
  await assert.rejects(lstat(join(cacheDir, "markdown")), { code: "ENOENT" });
});

test("a rendering that UTF-8 cannot carry is returned, and rendered again next time", async (t) => {
  const cacheDir = await newCacheDir(t);
  const body = "A lone \ud800 surrogate.";
  const [first] = await renderAll([body], { cacheDir });
  assert.ok(first && "html" in first && first.html.includes("\ud800"), "kept as it came");
  assert.deepEqual(await renderAll([body], { cacheDir }), [first]);
});

test("a cache that cannot be made or written is reported, and the bodies render all the same", async (t) => {
  const parent = await tempDir(t, "cache-unwritable");
  const file = join(parent, "not-a-folder");
  await writeFile(file, "");
  const problems: string[] = [];
  const onCacheProblem = (reason: string) => void problems.push(reason);
  assert.deepEqual(await renderAll([BODY], { cacheDir: file, onCacheProblem }), [RENDERED]);
  assert.deepEqual(problems, ["ENOTDIR"]);

  const disk = join(parent, "disk");
  await mkdir(disk);
  if (!mountTmpfs(t, disk, "64k")) return;
  const long = `${"A long paragraph of words. ".repeat(8_000)}\n`;
  const rendered = await renderAll([long], { cacheDir: disk, onCacheProblem });
  assert.ok("html" in rendered[0]! && rendered[0].html.length > long.length);
  assert.deepEqual(problems, ["ENOTDIR", "ENOSPC"]);
});

test("a pack that cannot be read is rendered again and replaced", async (t) => {
  const { cacheDir, pack } = await cacheWithEntry(t);
  await chmod(pack, 0o000);
  if (process.getuid?.() !== 0) {
    await assertRewritten(cacheDir, pack);
    return;
  }
  // Root reads any file whatever its mode: read it as an unprivileged user instead.
  const nobody = 65534;
  await chown(cacheDir, nobody, nobody);
  await chown(join(cacheDir, PACK_FOLDER), nobody, nobody);
  const module = new URL("../../src/markdown/render-all.ts", import.meta.url).href;
  const call = `renderAll([${JSON.stringify(BODY)}], { cacheDir: ${JSON.stringify(cacheDir)} })`;
  const script = `import { renderAll } from ${JSON.stringify(module)};
    console.log(JSON.stringify(await ${call}));`;
  // Its own temporary folder, for tsx's cache: removed with the rest.
  const env = { ...process.env, TMPDIR: cacheDir, HOME: cacheDir };
  const args = ["--import", "tsx", "--input-type=module", "-e", script];
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, uid: nobody, gid: nobody });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  const code = await new Promise((resolve) => child.on("close", resolve));
  assert.equal(code, 0, stderr);
  assert.deepEqual(JSON.parse(stdout), [RENDERED]);
  const left = await packs(cacheDir);
  assert.equal(left.length, 1, left.join(", "));
  assert.notEqual(left[0], pack, "the unreadable pack was removed");
  assert.equal((await lstat(left[0]!)).uid, nobody, "by the user who could not read it");
  assert.deepEqual(await cached(cacheDir, BODY), RENDERED, "and its body is cached again");
});

test("a cached body is of the code that rendered it: mention linking's included", () => {
  const names = pipelineSources().map((source) => source.split("@")[0]);
  assert.ok(names.includes("name-pattern.ts"), names.join(", "));
  assert.ok(names.includes("plugins/rehype-entity-mentions.ts"), names.join(", "));
  assert.ok(names.includes("render.ts"), names.join(", "));
});
