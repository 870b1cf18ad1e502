// The Markdown cache: whatever is found under .cache/markdown/ is checked before it is used, and
// an entry that is not a rendered body is rendered again and rewritten.
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
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type TestContext, test } from "node:test";
import { renderAll } from "../../src/markdown/render-all.ts";
import { PROJECT_ROOT } from "../support/build.ts";

const BODY = "Hello *world*, again.";
const RENDERED = {
  html: "<p>Hello <em>world</em>, again.</p>",
  text: "Hello world, again.",
  wordCount: 3,
};

/** A cache folder holding BODY's entry, and that entry's path. */
async function cacheWithEntry(t: TestContext): Promise<{ cacheDir: string; entry: string }> {
  const cacheDir = await mkdtemp(join(tmpdir(), "dateline-cache-"));
  t.after(() => rm(cacheDir, { recursive: true, force: true }));
  assert.deepEqual(await renderAll([BODY], { cacheDir }), [RENDERED]);
  const files = await readdir(join(cacheDir, "markdown"));
  assert.equal(files.length, 1, files.join(", "));
  return { cacheDir, entry: join(cacheDir, "markdown", files[0]!) };
}

async function assertRewritten(cacheDir: string, entry: string): Promise<void> {
  assert.deepEqual(await renderAll([BODY], { cacheDir }), [RENDERED], "rendered again");
  assert.ok((await lstat(entry)).isFile(), "the entry is a file again");
  assert.deepEqual(JSON.parse(await readFile(entry, "utf8")), RENDERED, "and was rewritten");
}

test("a cached body is used as it is", async (t) => {
  const { cacheDir, entry } = await cacheWithEntry(t);
  const planted = { html: "<p>from the cache</p>", text: "from the cache", wordCount: 3 };
  await writeFile(entry, JSON.stringify(planted));
  assert.deepEqual(await renderAll([BODY], { cacheDir }), [planted]);
});

const CORRUPT: Record<string, string> = {
  "not JSON": "{ this is not json",
  "truncated": JSON.stringify(RENDERED).slice(0, 20),
  "empty": "",
  "JSON of the wrong shape": JSON.stringify({ html: 1 }),
  "a list": "[]",
  "null": "null",
  "a body without its word count": JSON.stringify({ html: "<p>x</p>", text: "x" }),
  "a negative word count": JSON.stringify({ ...RENDERED, wordCount: -1 }),
};

for (const [name, text] of Object.entries(CORRUPT)) {
  test(`a cache entry that is ${name} is rendered again and rewritten`, async (t) => {
    const { cacheDir, entry } = await cacheWithEntry(t);
    await writeFile(entry, text);
    await assertRewritten(cacheDir, entry);
  });
}

test("a directory where a cache entry should be is replaced by the entry", async (t) => {
  const { cacheDir, entry } = await cacheWithEntry(t);
  await rm(entry);
  await mkdir(entry);
  await writeFile(join(entry, "inside.txt"), "x");
  await assertRewritten(cacheDir, entry);
});

test("a cache entry that is a link is replaced, never written through", async (t) => {
  const { cacheDir, entry } = await cacheWithEntry(t);
  const outside = join(cacheDir, "outside.txt");
  await writeFile(outside, "not the cache's");
  await rm(entry);
  await symlink(outside, entry);
  await assertRewritten(cacheDir, entry);
  assert.equal(await readFile(outside, "utf8"), "not the cache's");
});

test("a cache entry that cannot be read is rendered again and rewritten", async (t) => {
  const { cacheDir, entry } = await cacheWithEntry(t);
  await chmod(entry, 0o000);
  if (process.getuid?.() !== 0) {
    await assertRewritten(cacheDir, entry);
    return;
  }
  // Root reads any file whatever its mode: read it as an unprivileged user instead.
  const nobody = 65534;
  await chown(cacheDir, nobody, nobody);
  await chown(join(cacheDir, "markdown"), nobody, nobody);
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
  assert.deepEqual(JSON.parse(await readFile(entry, "utf8")), RENDERED, "rewritten");
  assert.equal((await lstat(entry)).uid, nobody, "by the user who could not read it");
});
