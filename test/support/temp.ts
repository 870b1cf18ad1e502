// Temporary folders for tests: each is removed when its test (or suite) ends, passed or failed,
// with anything a test mounted inside it unmounted first.
import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import type { TestContext } from "node:test";
import { mountPoints } from "../../src/publish/output-folder.ts";

/** Whatever runs clean-ups when it ends: a test's context `t`, or `suiteCleanup(after)`. */
export interface CleanupOwner {
  after(fn: () => Promise<void>): void;
}

/** A new empty folder under the system's temporary folder, removed when `owner` ends. */
export async function tempDir(owner: CleanupOwner, prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `dateline-${prefix}-`));
  owner.after(() => removeTempDir(dir));
  return dir;
}

/**
 * A clean-up owner for a describe block or a file's top-level hooks, whose hook functions get
 * no `t.after`: call it in the block's body (not inside a hook), where node:test's `after`
 * registers for that block.
 */
export function suiteCleanup(after: (fn: () => Promise<void>) => void): CleanupOwner {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  return { after: (fn) => void cleanups.push(fn) };
}

async function removeTempDir(dir: string): Promise<void> {
  // A test that failed half-way may leave a mount inside: deepest first, lazily if still busy.
  const inside = mountPoints().filter((mount) => mount === dir || mount.startsWith(dir + sep));
  for (const mount of inside.sort((a, b) => b.length - a.length)) {
    spawnSync("umount", ["-l", mount]);
  }
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Mounts a tmpfs of `size` (e.g. "4m") at `dir`, which must be inside a `tempDir` (it is
 * unmounted with it). Where mounting is not allowed (not root, no CAP_SYS_ADMIN), skips the
 * test loudly and returns false.
 */
export function mountTmpfs(t: TestContext, dir: string, size: string): boolean {
  const args = ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir];
  const mount = spawnSync("mount", args, { encoding: "utf8" });
  if (mount.status === 0) return true;
  const why = (mount.stderr || mount.error?.message || "").trim();
  const reason = `cannot mount a tmpfs here (${why}): run the tests as root to cover this`;
  console.warn(`\n*** TEST SKIPPED *** ${t.name}: ${reason}\n`);
  t.skip(reason);
  return false;
}

/**
 * A folder's entries, without the spare sites that publishing keeps beside an output folder
 * (`.<name>.spare`, src/publish/atomic.ts): what tests of "nothing is left" look at.
 */
export async function entriesBeside(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((name) => !/^\..+\.spare$/.test(name));
}
