// One build at a time per output folder: a second build refuses and names the first, a lock
// left by a killed build is taken over, and the site is whole whatever the interleaving.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readdir, symlink } from "node:fs/promises";
import { join } from "node:path";
import { test, type TestContext } from "node:test";
import { PROJECT_ROOT, readTree, runBuild, startBuild } from "../support/build.ts";
import { entriesBeside, tempDir } from "../support/temp.ts";

const CONTENT = join(PROJECT_ROOT, "test/fixtures/archive/content");

async function publishedSite(t: TestContext) {
  const parent = await tempDir(t, "lock");
  const out = join(parent, "site");
  const first = await runBuild(CONTENT, out);
  assert.equal(first.code, 0, first.stderr);
  return { parent, out, before: await readTree(out) };
}

function refusedBy(stderr: string): number | undefined {
  const match = /another build \(process (\d+)\) is publishing to this folder/.exec(stderr);
  return match ? Number(match[1]) : undefined;
}

test("a build while another holds the output refuses, naming it; the first goes on", async (t) => {
  const { parent, out, before } = await publishedSite(t);
  const first = startBuild(CONTENT, out);
  await first.printed(/Reading the archive…/);
  // Held still while the second build runs, so that the two overlap on every machine.
  first.kill("SIGSTOP");
  try {
    const second = await runBuild(CONTENT, out);
    assert.equal(second.code, 1, second.stderr);
    assert.equal(refusedBy(second.stderr), first.pid, second.stderr);
    assert.match(second.stderr, /wait for it to finish, or stop it with kill \d+/);
    assert.match(second.stderr, /Nothing was published/);
  } finally {
    first.kill("SIGCONT");
    await first.exited;
  }
  const run = await first.exited;
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(await readTree(out), before);
  assert.deepEqual(await entriesBeside(parent), ["site"]);
});

test("two builds started at once into one output end cleanly; the site is whole", async (t) => {
  const { parent, out, before } = await publishedSite(t);
  const builds = [startBuild(CONTENT, out), startBuild(CONTENT, out)];
  const runs = await Promise.all(builds.map((build) => build.exited));
  runs.forEach((run, i) => {
    // Overlapping, one refuses naming the other; one after the other, both publish.
    if (run.code !== 0) assert.equal(refusedBy(run.stderr), builds[1 - i]!.pid, run.stderr);
  });
  assert.ok(runs.some((run) => run.code === 0), "one of them publishes");
  assert.deepEqual(await readTree(out), before);
  assert.deepEqual(await entriesBeside(parent), ["site"]);
});

test("a lock left by a build that was killed is taken over", async (t) => {
  const { parent, out, before } = await publishedSite(t);
  const deadPid = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ["-e", ""]);
    child.on("exit", () => resolve(child.pid!));
  });
  // A dead process, and a live one whose start time shows its pid was reused.
  for (const owner of [String(deadPid), `${process.pid}@1`]) {
    await symlink(owner, join(parent, ".site.lock"));
    const run = await runBuild(CONTENT, out);
    assert.equal(run.code, 0, `${owner}: ${run.stderr}`);
    assert.deepEqual(await readTree(out), before);
    assert.deepEqual(await entriesBeside(parent), ["site"]);
  }
});
