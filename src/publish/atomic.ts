// Atomic publishing: a site is built in a temporary folder beside the output and moved into
// place only when complete, so a failed or interrupted build never leaves a half-written site.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { exists } from "../content/load.ts";

export interface StagingFolder {
  path: string;
  /** Moves the finished site into place; the previous site is removed only after the move. */
  commit(): Promise<void>;
  /** Removes the temporary folder; safe to call more than once. */
  discard(): Promise<void>;
}

/** Left in every site Dateline writes: a folder without it is not Dateline's to replace. */
export const SITE_MARKER = ".dateline-site";

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
  const entries = await readdir(outputDir);
  if (entries.length === 0 || entries.includes(SITE_MARKER)) return undefined;
  return `${outputDir} holds files that Dateline did not publish (${entries.slice(0, 3).join(", ")}${entries.length > 3 ? ", …" : ""}), and publishing replaces the whole folder`;
}

export async function createStagingFolder(outputDir: string): Promise<StagingFolder> {
  const parent = dirname(outputDir);
  await mkdir(parent, { recursive: true });
  const stem = `.${basename(outputDir)}.building-${process.pid}-${randomBytes(3).toString("hex")}`;
  const path = join(parent, stem);
  await mkdir(path);
  const discard = () => rm(path, { recursive: true, force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    // An interrupted build removes its own traces; the published site was never touched.
    void discard().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const release = () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
  return {
    path,
    async commit() {
      const old = `${path}-previous`;
      const hadOutput = await exists(outputDir);
      // Two renames within one folder: the site is missing only between them, never partial.
      if (hadOutput) await rename(outputDir, old);
      try {
        await rename(path, outputDir);
      } catch (error) {
        if (hadOutput) await rename(old, outputDir);
        throw error;
      }
      release();
      if (hadOutput) await rm(old, { recursive: true, force: true });
    },
    async discard() {
      release();
      await discard();
    },
  };
}


/**
 * A build killed outright (SIGKILL, power loss) cannot clean up after itself: the next build
 * removes staging folders whose process is gone, and those of a build still running are kept.
 * A build killed between the two renames of the swap left the published site in its
 * `-previous` folder: that is put back, never deleted.
 */
export async function removeAbandoned(outputDir: string): Promise<void> {
  const parent = dirname(outputDir);
  if (!(await exists(parent))) return;
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(outputDir))}\\.building-(\\d+)-[0-9a-f]+(-previous)?$`);
  for (const name of (await readdir(parent)).sort().reverse()) {
    const match = pattern.exec(name);
    if (!match || isRunning(Number(match[1]))) continue;
    if (match[2] && !(await exists(outputDir))) await rename(join(parent, name), outputDir);
    else await rm(join(parent, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
