// The search shards' file hashes, remembered between builds (src/search/file-hashes.ts): a file
// as it was is not read again; one written since, truncated or replaced is.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { rename, stat, truncate, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { FileHashes } from "../../src/search/file-hashes.ts";
import { tempDir } from "../support/temp.ts";

/** The build's clock, injected: a day after the files' times set below. */
const DAY = 86_400_000;
const FILE_TIME = new Date("2024-05-01T12:00:00Z");
const NOW = FILE_TIME.getTime() + DAY;

const sha = (text: string) => createHash("sha256").update(text).digest();

/** Writes `text` with a settled modification time, as a file published by an earlier build. */
async function settled(path: string, text: string, time = FILE_TIME): Promise<void> {
  await writeFile(path, text);
  await utimes(path, time, time);
}

/** Hashes `path` in one build, remembering it, and opens the next build's hashes. */
async function rememberedThen(cache: string, path: string, now = NOW): Promise<FileHashes> {
  const first = await FileHashes.open(cache, now);
  await first.hash(path);
  await first.save();
  return FileHashes.open(cache, now);
}

test("a file as it was (inode, size, time) is not read again: its hash is remembered", async (t) => {
  const dir = await tempDir(t, "file-hashes");
  const path = join(dir, "a.pf_fragment");
  await settled(path, "first bytes");
  const next = await rememberedThen(dir, path);
  // The bytes change behind the cache's back, time and size put back: proof it reads nothing.
  await settled(path, "other bytes");
  assert.deepEqual(await next.hash(path), sha("first bytes"));
});

test("a file written since, truncated or replaced is read and hashed again", async (t) => {
  const dir = await tempDir(t, "file-hashes");
  const path = join(dir, "a.pf_fragment");
  await settled(path, "first bytes");
  let next = await rememberedThen(dir, path);
  await writeFile(path, "edit bytes!");
  assert.deepEqual(await next.hash(path), sha("edit bytes!"), "a hand edit of the same size");

  await settled(path, "first bytes");
  next = await rememberedThen(dir, path);
  await truncate(path, 5);
  await utimes(path, FILE_TIME, FILE_TIME);
  assert.deepEqual(await next.hash(path), sha("first"), "truncated, its time put back");

  await settled(path, "first bytes");
  next = await rememberedThen(dir, path);
  // Made while the first still exists, the new file has another inode; time and size the same.
  await settled(join(dir, "new"), "third bytes");
  await rename(join(dir, "new"), path);
  assert.deepEqual(await next.hash(path), sha("third bytes"), "another file in its place");
});

test("a file written just before the build's clock is hashed but not remembered", async (t) => {
  const dir = await tempDir(t, "file-hashes");
  const path = join(dir, "a.pf_fragment");
  await settled(path, "first bytes");
  const written = (await stat(path)).mtimeMs;
  const next = await rememberedThen(dir, path, written + 500);
  await settled(path, "other bytes");
  assert.deepEqual(await next.hash(path), sha("other bytes"));
});

test("a file the build itself wrote is remembered at once, and a later write still seen", async (t) => {
  const dir = await tempDir(t, "file-hashes");
  const path = join(dir, "a.pf_fragment");
  await writeFile(path, "first bytes");
  // The build's clock is when it wrote the file: hash() alone would not trust that file yet.
  const now = (await stat(path)).mtimeMs;
  const build = await FileHashes.open(dir, now);
  assert.deepEqual(await build.hashWritten(path), sha("first bytes"));
  await build.save();
  const setBack = (await stat(path)).mtime;
  assert.ok(setBack.getTime() < now, "its time is set back to before the build");

  let next = await FileHashes.open(dir, now);
  await settled(path, "other bytes", setBack);
  assert.deepEqual(await next.hash(path), sha("first bytes"), "remembered: not read again");
  next = await FileHashes.open(dir, now);
  await writeFile(path, "edit bytes!");
  assert.deepEqual(await next.hash(path), sha("edit bytes!"), "a write after the build");
});

test("a damaged cache, or none, reads every file", async (t) => {
  const dir = await tempDir(t, "file-hashes");
  const path = join(dir, "a.pf_fragment");
  await settled(path, "first bytes");
  await (await rememberedThen(dir, path)).save();
  await writeFile(join(dir, "search-file-hashes.json"), "damaged");
  await settled(path, "other bytes");
  const damaged = await FileHashes.open(dir, NOW);
  assert.deepEqual(await damaged.hash(path), sha("other bytes"));
  const none = await FileHashes.open(undefined, NOW);
  assert.deepEqual(await none.hash(path), sha("other bytes"));
});
