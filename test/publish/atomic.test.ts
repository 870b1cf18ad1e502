// Publishing is atomic: a build stopped at any stage, however it is stopped, leaves the
// published site exactly as it was, says so, and leaves no temporary folder behind (a build
// killed outright leaves one, which the next build removes). Each stop is sent when the build
// announces the stage, never after a guessed delay.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { constants } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { generateCorpus } from "../../scripts/generate-corpus.ts";
import { removeAbandoned } from "../../src/publish/atomic.ts";
import { readTree, runBuild, startBuild } from "../support/build.ts";
import { entriesBeside, suiteCleanup, tempDir } from "../support/temp.ts";

const STAGES = [
  { stage: "reading the archive", line: /Reading the archive…/ },
  { stage: "writing pages", line: /Writing pages for/ },
  { stage: "building the search index", line: /Building the search index…/ },
] as const;

const STOPS = [
  { how: "SIGTERM", signal: "SIGTERM", to: "process" },
  { how: "SIGINT", signal: "SIGINT", to: "process" },
  { how: "SIGHUP", signal: "SIGHUP", to: "process" },
  { how: "Ctrl-C (SIGINT to the process group)", signal: "SIGINT", to: "group" },
] as const;

const file = suiteCleanup(after);
let site: Awaited<ReturnType<typeof publishedSite>>;

/** A site of 400 articles, so that every stage lasts long enough to be stopped in. */
async function publishedSite() {
  const parent = await tempDir(file, "kill");
  const content = join(parent, "content");
  await generateCorpus({ count: 400, outDir: content, seed: 7 });
  const out = join(parent, "site");
  const env = { DATELINE_CACHE_DIR: join(await tempDir(file, "kill-cache"), "cache") };
  const first = await runBuild(content, out, env);
  assert.equal(first.code, 0, first.stderr);
  return { parent, content, out, env, before: await readTree(out) };
}

before(async () => {
  site = await publishedSite();
});

async function assertSiteAsBefore(what: string) {
  assert.deepEqual(await readTree(site.out), site.before, `${what}: the published site changed`);
  const left = (await entriesBeside(site.parent)).sort();
  assert.deepEqual(left, ["content", "site"], `${what}: a temporary folder or lock is left`);
}

for (const { stage, line } of STAGES) {
  for (const { how, signal, to } of STOPS) {
    test(`${how} while ${stage}: the site is unchanged, nothing is left, it says so`, async () => {
      const build = startBuild(site.content, site.out, site.env);
      await build.printed(line);
      build.kill(signal, to);
      const run = await build.exited;
      await assertSiteAsBefore(`${how} while ${stage}`);
      assert.equal(run.code, 128 + constants.signals[signal], run.stderr);
      const said = `Stopped by ${signal}: nothing was published; \\S+ is unchanged\\.`;
      assert.match(run.stderr, new RegExp(said));
    });
  }

  test(`SIGKILL while ${stage}: the site stays; the next build removes what is left`, async () => {
    const build = startBuild(site.content, site.out, site.env);
    await build.printed(line);
    // To the whole group, as a container's stop or systemd does, so Pagefind goes too.
    build.kill("SIGKILL", "group");
    assert.equal((await build.exited).signal, "SIGKILL");
    assert.deepEqual(await readTree(site.out), site.before);
    const next = await runBuild(site.content, site.out, site.env);
    assert.equal(next.code, 0, next.stderr);
    await assertSiteAsBefore(`the build after SIGKILL while ${stage}`);
  });
}

test("a site left in the swap's -previous folder by a killed build is put back", async (t) => {
  const parent = await tempDir(t, "swap");
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
  assert.deepEqual(await entriesBeside(parent), ["site"]);
});
