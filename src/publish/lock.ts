// One build at a time per output folder: a lock beside it names the build's process, so a
// second build refuses and says which process holds it, and a lock left by a build that was
// killed outright is taken over. Hand-written because the lock libraries on npm
// (proper-lockfile, lockfile) judge a lock stale by its age, which would either take a long
// build's lock from under it or keep a dead build's lock for minutes; a pid says for sure.
import { readFileSync, readlinkSync, unlinkSync } from "node:fs";
import { readlink, rename, symlink, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { ContentError } from "../content/problems.ts";

export interface OutputLock {
  readonly path: string;
  /** Throws unless the lock still names this process: checked before the site is replaced. */
  assertHeld(): void;
  /** Removes the lock if it is still this process's; synchronous, so a signal handler can. */
  release(): void;
}

/** The lock's path for an output folder: `.<name>.lock` beside it. */
export function lockPath(outputDir: string): string {
  return join(dirname(outputDir), `.${basename(outputDir)}.lock`);
}

/**
 * Takes the lock, or throws a ContentError naming the build that holds it. The lock is a
 * symbolic link whose target is the owner (`pid@start`): creating one is atomic and carries
 * its content, so no reader ever sees a half-written lock.
 */
export async function lockOutput(outputDir: string): Promise<OutputLock> {
  const path = lockPath(outputDir);
  const me = identity(process.pid);
  // Each round either takes the lock, refuses, or clears a dead owner's lock and tries again.
  for (let round = 0; round < 5; round++) {
    if (await symlink(me, path).then(() => true, ignore("EEXIST"))) return heldLock(path, me);
    const owner = await readlink(path).catch(ignore("ENOENT"));
    if (owner === undefined) continue; // released in between
    if (isAlive(owner)) throw refusal(outputDir, owner, path);
    await clearStale(path, owner, outputDir);
  }
  throw refusal(outputDir, (await readlink(path).catch(ignore("ENOENT"))) ?? "?", path);
}

function heldLock(path: string, me: string): OutputLock {
  let held = true;
  return {
    path,
    assertHeld() {
      const owner = readOwner(path);
      if (owner === me) return;
      const holder = owner ?? "nobody";
      throw new Error(`the lock ${path} names ${holder}, not this build: another build took it`);
    },
    release() {
      if (held && readOwner(path) === me) unlinkSync(path);
      held = false;
    },
  };
}

/**
 * Removes a dead owner's lock without ever removing a live one: the lock is first moved aside
 * (atomic), and what was moved is checked; a newer lock taken in between is put back.
 */
async function clearStale(path: string, owner: string, outputDir: string): Promise<void> {
  const aside = `${path}.stale-${process.pid}`;
  if ((await rename(path, aside).then(() => true, ignore("ENOENT"))) === undefined) return;
  const moved = await readlink(aside);
  await unlink(aside);
  if (moved === owner) return;
  await symlink(moved, path).catch(ignore("EEXIST"));
  throw refusal(outputDir, moved, path);
}

function refusal(outputDir: string, owner: string, path: string): ContentError {
  const pid = owner.split("@")[0];
  return new ContentError([
    {
      severity: "error",
      file: outputDir,
      rule: "output-locked",
      message: `another build (process ${pid}) is publishing to this folder`,
      fix: `wait for it to finish, or stop it with kill ${pid}; if no build runs, delete ${path}`,
    },
  ]);
}

/**
 * A process's pid and, where the system says, its start time: a pid alone may be reused after
 * a restart (a container's build is often the same small pid every time).
 */
function identity(pid: number): string {
  const started = startTime(pid);
  return started === undefined ? String(pid) : `${pid}@${started}`;
}

function isAlive(owner: string): boolean {
  const pid = Number(owner.split("@")[0]);
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  return !owner.includes("@") || identity(pid) === owner;
}

/** Linux's start time of a process, in clock ticks since boot (field 22 of /proc/PID/stat). */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may itself hold spaces.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function readOwner(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

/** A catch handler that turns the one expected error code into `undefined`. */
function ignore(code: string): (error: NodeJS.ErrnoException) => undefined {
  return (error) => {
    if (error.code === code) return undefined;
    throw error;
  };
}
