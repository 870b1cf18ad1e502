// A cache on disk as one pack: a JSON object of entries, under a salt that names the code
// that wrote it, behind a checksum. A pack that is missing, damaged, truncated or another
// code's reads as empty, never as wrong; one is written beside the old and renamed over it, so
// that an interrupted build never leaves half a pack. Used by the validation cache
// (./validate-cache.ts) and the mention cache (../archive/mention-cache.ts).
import { createHash, randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { z } from "zod";

const Pack = z.strictObject({ salt: z.string(), entries: z.record(z.string(), z.unknown()) });

/** The entries of the pack at `path`, if it is whole and was written under `salt`. */
export async function readPack(path: string, salt: string): Promise<Map<string, unknown>> {
  try {
    const text = await readFile(path, "utf8");
    const newline = text.indexOf("\n");
    const body = text.slice(newline + 1);
    if (newline === -1 || text.slice(0, newline) !== checksum(body)) return new Map();
    const pack = Pack.safeParse(JSON.parse(body));
    if (!pack.success || pack.data.salt !== salt) return new Map();
    return new Map(Object.entries(pack.data.entries));
  } catch {
    // Missing, unreadable or not JSON: the same as an empty cache.
    return new Map();
  }
}

/** Writes the pack whole, or leaves the one at `path` as it was. */
export async function writePack(
  path: string,
  salt: string,
  entries: ReadonlyMap<string, unknown>,
): Promise<void> {
  const body = JSON.stringify({ salt, entries: Object.fromEntries(entries) });
  const temporary = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, `${checksum(body)}\n${body}`);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  try {
    await rename(temporary, path);
  } catch {
    // A folder (or anything else rename cannot replace) in the pack's place.
    await rm(path, { recursive: true, force: true });
    await rename(temporary, path).finally(() => rm(temporary, { force: true }));
  }
}

/** Whether this run's entries differ from the pack's: some added, or some no longer used. */
export function packChanged(
  previous: ReadonlyMap<string, unknown>,
  used: ReadonlyMap<string, unknown>,
  added: boolean,
): boolean {
  return added || [...previous.keys()].some((key) => !used.has(key));
}

function checksum(body: string): string {
  return createHash("sha256").update(body).digest("base64url");
}
