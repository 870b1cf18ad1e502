// Publishing is atomic: a build killed half-way, however it is killed, leaves the published
// site exactly as it was, and its temporary folder does not outlive the next build.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { generateCorpus } from "../../scripts/generate-corpus.ts";
import { removeAbandoned } from "../../src/publish/atomic.ts";
import { PROJECT_ROOT, readTree, runBuild } from "../support/build.ts";

async function publishedSite() {
  const parent = await mkdtemp(join(tmpdir(), "dateline-kill-"));
  const content = join(parent, "content");
  await generateCorpus({ count: 400, outDir: content, seed: 7 });
  const out = join(parent, "site");
  const first = await runBuild(content, out);
  assert.equal(first.code, 0, first.stderr);
  return { parent, content, out, before: await readTree(out) };
}

/** Starts a build and kills it once it has started writing pages into its staging folder. */
async function killWhileWriting(content: string, out: string, signal: NodeJS.Signals): Promise<void> {
  const parent = join(out, "..");
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/build.ts"], { cwd: PROJECT_ROOT, env: { ...process.env, CONTENT_DIR: content, OUTPUT_DIR: out, DATELINE_CACHE_DIR: join(parent, "no-cache") }, stdio: "ignore" });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  for (let i = 0; i < 600; i++) {
    const staging = (await readdir(parent)).find((name) => name.includes(".building-"));
    if (staging && (await readdir(join(parent, staging))).length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill(signal);
  await exited;
}

test("a build interrupted while writing (SIGINT, SIGTERM) leaves the site and no temporary folder", async () => {
  const { parent, content, out, before } = await publishedSite();
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    await killWhileWriting(content, out, signal);
    assert.deepEqual(await readTree(out), before, signal);
    assert.deepEqual((await readdir(parent)).filter((name) => name.startsWith(".")), [], `${signal} left a temporary folder`);
  }
});

test("a build killed outright (SIGKILL) leaves the site; the next build removes its folder", async () => {
  const { parent, content, out, before } = await publishedSite();
  await killWhileWriting(content, out, "SIGKILL");
  assert.deepEqual(await readTree(out), before);
  assert.ok((await readdir(parent)).some((name) => name.includes(".building-")), "SIGKILL leaves its staging folder");
  await writeFile(join(content, "articles", "broken.md"), "---\ntitle: Broken\n---\n");
  assert.equal((await runBuild(content, out)).code, 1, "the next build fails on content");
  assert.deepEqual(await readTree(out), before);
  assert.deepEqual((await readdir(parent)).filter((name) => name.startsWith(".")), [], "and still cleans up after the killed one");
});

test("a site left in the swap's -previous folder by a killed build is put back", async () => {
  const parent = await mkdtemp(join(tmpdir(), "dateline-swap-"));
  const out = join(parent, "site");
  const deadPid = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ["-e", ""]);
    child.on("exit", () => resolve(child.pid!));
  });
  const previous = join(parent, `.site.building-${deadPid}-abcdef-previous`);
  await mkdir(previous);
  await writeFile(join(previous, "index.html"), "published");
  await removeAbandoned(out);
  assert.deepEqual([...(await readTree(out)).keys()], ["index.html"]);
  assert.deepEqual(await readdir(parent), ["site"]);
});
