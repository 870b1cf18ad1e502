// Import, step 5: write the files, safely again and again. The hash of every file written is
// kept in `import-record.json` beside the archive's files: a file whose bytes still match it
// is the import's own and may be updated; any other (an editor's change, a deletion, a file
// the import never wrote) is left alone and reported. A run with nothing new changes nothing.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { z } from "zod";

export const RECORD_FILE = "import-record.json";

const ImportRecord = z.object({
  version: z.literal(1),
  /** Each file written, by path in the content folder: the SHA-256 of what was written. */
  files: z.record(z.string(), z.string()),
  /** Each source post's file, so that a post keeps its file (and URL) from run to run. */
  posts: z.record(z.string(), z.string()),
});
export type ImportRecord = z.infer<typeof ImportRecord>;

/**
 * What became of a file. The last two are entity files the import plans around rather than
 * writes (entity-files.ts): an editor's entity of the same name, and an earlier import's
 * entity that no term maps to now (the map renamed or skipped it).
 */
export type Outcome =
  | "created" | "updated" | "unchanged" | "kept-edited" | "kept-deleted" | "kept-existing"
  | "kept-own-entity" | "kept-unused";

export interface PlannedFile {
  /** Relative to the content folder, with `/`. */
  path: string;
  bytes: string | Uint8Array;
  sourceId?: string;
}

export interface WriteResult {
  path: string;
  outcome: Outcome;
}

export async function readImportRecord(contentDir: string): Promise<ImportRecord> {
  let text: string;
  try {
    text = await readFile(join(contentDir, RECORD_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyRecord();
    throw error;
  }
  const parsed = ImportRecord.safeParse(parseJson(text));
  if (!parsed.success) {
    // Without the record, nothing can be told apart from an editor's change: stop.
    throw new Error(`${join(contentDir, RECORD_FILE)} is damaged: restore it from version ` +
      "control (it is written by npm run import alone)");
  }
  return parsed.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function emptyRecord(): ImportRecord {
  return { version: 1, files: {}, posts: {} };
}

/** Decides each file's fate and, unless `dryRun`, writes it and the record. */
export async function writeFiles(contentDir: string, files: readonly PlannedFile[],
  record: ImportRecord, dryRun: boolean): Promise<WriteResult[]> {
  const next: ImportRecord = { version: 1, files: { ...record.files }, posts: { ...record.posts } };
  const results: WriteResult[] = [];
  for (const file of files) {
    const outcome = await decide(contentDir, file, record);
    results.push({ path: file.path, outcome });
    if (file.sourceId) next.posts[file.sourceId] = file.path;
    if (outcome === "created" || outcome === "updated" || outcome === "unchanged") {
      next.files[file.path] = sha256(file.bytes);
    }
    if (!dryRun && (outcome === "created" || outcome === "updated")) {
      await writeAtomically(join(contentDir, file.path), file.bytes);
    }
  }
  const changed = JSON.stringify(sorted(next)) !== JSON.stringify(sorted(record));
  if (!dryRun && changed) {
    const text = `${JSON.stringify(sorted(next), null, 1)}\n`;
    await writeAtomically(join(contentDir, RECORD_FILE), text);
  }
  return results;
}

async function decide(contentDir: string, file: PlannedFile,
  record: ImportRecord): Promise<Outcome> {
  const onDisk = await readIfThere(join(contentDir, file.path));
  const written = record.files[file.path];
  if (onDisk === undefined) return written ? "kept-deleted" : "created";
  const current = sha256(onDisk);
  if (current === sha256(file.bytes)) return "unchanged";
  if (!written) return "kept-existing";
  return current === written ? "updated" : "kept-edited";
}

async function readIfThere(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** A file is either its old bytes or its new ones, never half written. */
export async function writeAtomically(path: string, bytes: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.importing`;
  await writeFile(temporary, bytes);
  await rename(temporary, path);
}

export function sha256(bytes: string | Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function sorted(record: ImportRecord): ImportRecord {
  const byKey = (entries: Record<string, string>) => Object.fromEntries(
    Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { version: 1, files: byKey(record.files), posts: byKey(record.posts) };
}
