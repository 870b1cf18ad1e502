// Where a build publishes: the output folder, or the folder that a link named as the output
// points to (deploy set-ups switch such links, so the link itself is kept), and whether that
// folder is a mount point, which can be neither renamed nor renamed into from outside.
import { readFileSync } from "node:fs";
import { lstat, readlink, realpath, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";

/** The folder to publish into: `outputDir` itself, or the folder it links to. */
export async function resolveOutputFolder(outputDir: string): Promise<string> {
  const info = await lstat(outputDir).catch(() => undefined);
  if (!info?.isSymbolicLink()) return outputDir;
  // A link to a folder not yet made (a fresh deploy) names the folder to create.
  const target = async () => resolve(dirname(outputDir), await readlink(outputDir));
  return realpath(outputDir).catch(target);
}

/**
 * A container volume or any other mount: renaming it fails with EBUSY and renaming into it
 * from another file system with EXDEV, so it is published into differently (see atomic.ts).
 */
export async function isMountPoint(folder: string): Promise<boolean> {
  const real = await realpath(folder).catch(() => undefined);
  if (!real) return false;
  if (mountPoints().includes(real)) return true;
  // Where there is no mount table to read, another device than the parent's says it too.
  const [own, parent] = await Promise.all([stat(real), stat(dirname(real))]);
  return own.dev !== parent.dev;
}

/** Every mount point on this machine: Linux's mount table (a bind mount keeps its device). */
export function mountPoints(): string[] {
  let table: string;
  try {
    table = readFileSync("/proc/self/mountinfo", "utf8");
  } catch {
    return [];
  }
  // Field 5 is the mount point, with spaces and other bytes escaped as octal (\040).
  const unescape = (path: string) =>
    path.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
  return table
    .split("\n")
    .map((line) => line.split(" ")[4])
    .filter((mount): mount is string => mount !== undefined)
    .map(unescape);
}
