// Atomic publishing: one build at a time per output folder builds the site in a staging folder,
// which replaces the published site only when complete, so a failed, interrupted or killed
// build never leaves a half-written site, and the next build removes whatever it left.
import { randomBytes } from "node:crypto";
import { lstat, mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { constants } from "node:os";
import { basename, dirname, join } from "node:path";
import { exists } from "../content/load.ts";
import { lockOutput, type OutputLock } from "./lock.ts";
import { isMountPoint, resolveOutputFolder } from "./output-folder.ts";

/** Left in every site Dateline writes: a folder without it is not Dateline's to replace. */
export const SITE_MARKER = ".dateline-site";

/** A file system's own folder at the root of a volume: never Dateline's, never touched. */
const VOLUME_FOLDER = "lost+found";

export async function writeSiteMarker(siteDir: string): Promise<void> {
  await writeFile(join(siteDir, SITE_MARKER), "This folder is published by Dateline: every build replaces all of it.\n");
}

/**
 * Why the output folder may not be replaced, or undefined when it may: it does not exist, is
 * empty, or holds a site Dateline wrote. Anything else (a home folder, another site) is kept.
 */
export async function whyNotReplaceable(outputDir: string): Promise<string | undefined> {
  const info = await stat(outputDir).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isDirectory()) return `${outputDir} is a file, not a folder`;
  const entries = (await readdir(outputDir)).filter((name) => name !== VOLUME_FOLDER);
  if (entries.length === 0 || entries.includes(SITE_MARKER)) return undefined;
  return `${outputDir} holds files that Dateline did not publish (${entries.slice(0, 3).join(", ")}${entries.length > 3 ? ", …" : ""}), and publishing replaces the whole folder`;
}

/** Signals that stop a build: Ctrl-C, `kill`'s default, and a closed terminal. */
export const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** A build stopped by a signal; it exits with the shell's code for it (130 for Ctrl-C). */
export class Interrupted extends Error {
  readonly exitCode: number;

  constructor(readonly signal: NodeJS.Signals, outputDir: string) {
    super(`Stopped by ${signal}: nothing was published; ${outputDir} is unchanged.`);
    this.name = "Interrupted";
    this.exitCode = 128 + (constants.signals[signal] ?? 0);
  }
}

/** A build's hold on its output folder, from the lock to the end of the build. */
export interface Publication {
  /** Makes the folder the site is built in. */
  stage(): Promise<StagingFolder>;
  /** Gives the output folder up: its lock, and this build's signal handlers. */
  end(): void;
}

export interface StagingFolder {
  readonly path: string;
  /**
   * The folder starts as the site before the published one (see `spareFor`), for the build to
   * bring up to date, rather than empty.
   */
  readonly recycled: boolean;
  /**
   * Runs one step of the build in the staging folder. A stop signal that arrives during a step
   * lets the step finish (or abort at once, for work that obeys `signal`), then throws
   * `Interrupted`, so the folder is removed only once nothing writes to it any more.
   */
  step<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /**
   * Where this build leaves no site before the published one (there is none yet), makes a
   * spare for the next build with `fill`, a folder beside this one that `commit` keeps;
   * otherwise does nothing, since the published site becomes the spare.
   */
  makeSpare(fill: (folder: string) => Promise<void>): Promise<void>;
  /** Moves the finished site into place; the previous site is removed only after the move. */
  commit(): Promise<void>;
  /** Removes the staging folder; safe to call more than once. */
  discard(): Promise<void>;
}

/**
 * Takes the output folder for one build: its lock (a second build refuses), then the leftovers
 * of builds that were killed outright, which only a lock holder may touch.
 *
 * SIGINT, SIGTERM and SIGHUP stop the build cleanly. Before the staging folder exists there is
 * nothing to undo but the lock, so the process exits at once. Once it exists, the signal waits
 * for the step in progress: Eleventy writes pages synchronously and cannot be cut short, and
 * removing the folder while anything still writes into it would let files reappear after the
 * removal. Pagefind's process is killed and waited for. Repeated signals (npm passes Ctrl-C on
 * to the build, which has had it from the terminal already) change nothing.
 */
export async function beginPublishing(outputDir: string): Promise<Publication> {
  // Through a link to the folder it names: the link stays, and its folder is replaced.
  const folder = await resolveOutputFolder(outputDir);
  await mkdir(dirname(folder), { recursive: true });
  const lock = await lockOutput(folder);
  const stop = new AbortController();
  let state: StagingState = "unstaged";
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) return;
    const interrupted = new Interrupted(signal, outputDir);
    stop.abort(interrupted);
    if (state === "unstaged") {
      console.error(`\n${interrupted.message}`);
      lock.release();
      process.exit(interrupted.exitCode);
    }
    const doing = state === "staged"
      ? "ending the step in progress, then removing the temporary folder…"
      : "first finishing moving the new site into place…";
    console.error(`\nStopping (${signal}): ${doing}`);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  const end = () => {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    lock.release();
  };
  try {
    await removeAbandoned(folder);
  } catch (error) {
    end();
    throw error;
  }
  return {
    async stage() {
      const report = (next: StagingState) => (state = next);
      const staging = await createStagingFolder(folder, lock, stop.signal, report);
      if (stop.signal.aborted) {
        await staging.discard();
        throw stop.signal.reason;
      }
      return staging;
    },
    end,
  };
}

/** Whether a signal can exit at once, must wait for the step in progress, or for the swap. */
type StagingState = "unstaged" | "staged" | "publishing";

/**
 * Beside the output folder, so that the finished site moves in with one rename; inside it when
 * it is a mount point, which cannot be renamed (see `swapEntries`).
 */
async function createStagingFolder(
  folder: string,
  lock: OutputLock,
  stop: AbortSignal,
  report: (state: StagingState) => void,
): Promise<StagingFolder> {
  // Staged before the folder exists, so that a signal never exits with it left behind.
  report("staged");
  const intoMount = await isMountPoint(folder);
  const id = `${process.pid}-${randomBytes(3).toString("hex")}`;
  const path = intoMount
    ? join(folder, `.dateline-building-${id}`)
    : join(dirname(folder), `.${basename(folder)}.building-${id}`);
  const recycled = !intoMount && (await recycleSpare(spareFor(folder), path));
  if (!recycled) await mkdir(path);
  const throwIfStopped = () => {
    if (stop.aborted) throw stop.reason;
  };
  let made: string | undefined;
  return {
    path,
    recycled,
    async makeSpare(fill) {
      if (intoMount || made !== undefined || (await exists(folder))) return;
      made = `${path}-spare`;
      await mkdir(made);
      await fill(made);
    },
    async step<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
      throwIfStopped();
      let result: T;
      try {
        result = await work(stop);
      } catch (error) {
        // Work that obeyed the signal fails with its own error; the stop is what happened.
        throwIfStopped();
        throw error;
      }
      throwIfStopped();
      return result;
    },
    async commit() {
      throwIfStopped();
      lock.assertHeld();
      // From here on a signal lets the build finish: stopped between two renames, it would
      // leave the site missing (or half swapped, in a mount point) instead of unchanged.
      report("publishing");
      if (intoMount) await swapEntries(path, folder, join(folder, `.dateline-previous-${id}`));
      else await swapFolder(path, folder);
      if (made !== undefined) await keepSpare(made, spareFor(folder));
    },
    async discard() {
      await rm(path, { recursive: true, force: true });
      if (made !== undefined) await rm(made, { recursive: true, force: true });
      report("unstaged");
    },
  };
}

/**
 * Two renames within one folder: the site is missing only between them, never partial. The
 * replaced site is kept as the spare, for the next build to start from.
 */
async function swapFolder(staging: string, folder: string): Promise<void> {
  const previous = `${staging}-previous`;
  const hadOutput = await exists(folder);
  if (hadOutput) await rename(folder, previous);
  try {
    await rename(staging, folder);
  } catch (error) {
    if (hadOutput) await rename(previous, folder);
    throw error;
  }
  if (hadOutput) await keepSpare(previous, spareFor(folder));
}

/**
 * Where the site before the published one is kept: `.<name>.spare` beside the output folder.
 *
 * Why keep it: on this kind of disk every file system operation costs tens of microseconds,
 * and a site of 10,000 articles has some 50,000 files and folders. Building each site afresh
 * in an empty folder, even with hard links to the unchanged pages, costs seconds before any
 * work and seconds more to delete the old site. Instead the spare becomes the next build's
 * staging folder: only the pages that differ from it are removed and written again, and the
 * swap stays one rename. Most of its pages are hard links shared with the published site, so
 * it takes little room; nothing in it is ever written in place (src/publish/incremental.ts).
 */
export function spareFor(folder: string): string {
  return join(dirname(folder), `.${basename(folder)}.spare`);
}

async function keepSpare(previous: string, spare: string): Promise<void> {
  try {
    await rm(spare, { recursive: true, force: true });
    await rename(previous, spare);
  } catch {
    // Only a cache: without it the next build starts from an empty folder.
    await rm(previous, { recursive: true, force: true });
  }
}

/** Moves the spare to `path` for a build to start from; false when there is none. */
async function recycleSpare(spare: string, path: string): Promise<boolean> {
  // lstat: a link planted under the spare's name must not lead the build's writes elsewhere.
  const info = await lstat(spare).catch(() => undefined);
  if (!info?.isDirectory()) return false;
  return rename(spare, path).then(() => true, () => false);
}

/**
 * A mount point stays where it is: its top-level entries are swapped instead, each by rename
 * within the volume. A file is replaced atomically; a folder is moved aside and the new one
 * moved in, so it is missing between those two renames. Folders go first and top-level files
 * (home page, feeds) last, so that a new page never links to a folder still to come. A reader
 * may meet a mix of the two sites while the swap runs: the price of publishing into a mount.
 */
async function swapEntries(staging: string, folder: string, previous: string): Promise<void> {
  await mkdir(previous);
  const incoming = await readdir(staging, { withFileTypes: true });
  incoming.sort((a, b) => Number(b.isDirectory()) - Number(a.isDirectory()));
  const names = new Set(incoming.map((entry) => entry.name));
  try {
    for (const entry of incoming) {
      const target = join(folder, entry.name);
      const old = await stat(target).catch(() => undefined);
      // rename() replaces a file in one step, but not a folder, nor one kind by the other.
      if (old && (old.isDirectory() || entry.isDirectory())) {
        await rename(target, join(previous, entry.name));
      }
      await rename(join(staging, entry.name), target);
    }
    for (const name of await readdir(folder)) {
      const ours = names.has(name) || name === VOLUME_FOLDER || isStagingName(name);
      if (!ours) await rename(join(folder, name), join(previous, name));
    }
  } catch (error) {
    await restoreMissing(previous, folder);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
  await rm(staging, { recursive: true, force: true });
}

/** Puts back every entry of the previous site that the published folder is missing. */
async function restoreMissing(previous: string, folder: string): Promise<void> {
  const present = new Set(await readdir(folder));
  for (const name of await readdir(previous)) {
    if (!present.has(name)) await rename(join(previous, name), join(folder, name));
  }
  await rm(previous, { recursive: true, force: true });
}

function isStagingName(name: string): boolean {
  return /^\.dateline-(building|previous)-\d+-[0-9a-f]+$/.test(name);
}

/**
 * A build killed outright (SIGKILL, power loss) cannot clean up after itself: the next build,
 * holding the lock, removes its staging folders (and the spare one was making, `-spare`). A
 * build killed in the middle of the swap left the published site in its `-previous` folder
 * (or, for a mount point, some of its entries): that is put back, never deleted.
 */
export async function removeAbandoned(outputDir: string): Promise<void> {
  const parent = dirname(outputDir);
  if (!(await exists(parent))) return;
  const name = escapeRegExp(basename(outputDir));
  const pattern = new RegExp(`^\\.${name}\\.building-\\d+-[0-9a-f]+(-previous|-spare)?$`);
  for (const entry of (await readdir(parent)).sort().reverse()) {
    const match = pattern.exec(entry);
    if (!match) continue;
    const published = match[1] === "-previous";
    if (published && !(await exists(outputDir))) await rename(join(parent, entry), outputDir);
    else await rm(join(parent, entry), { recursive: true, force: true });
  }
  if (!(await stat(outputDir).then((info) => info.isDirectory(), () => false))) return;
  for (const entry of (await readdir(outputDir)).filter(isStagingName)) {
    const path = join(outputDir, entry);
    if (entry.startsWith(".dateline-previous-")) await restoreMissing(path, outputDir);
    else await rm(path, { recursive: true, force: true });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
