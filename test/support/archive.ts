// Writes small archives to temporary folders, for tests that go through the file system.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { type CleanupOwner, tempDir } from "./temp.ts";

export type ArchiveFiles = Record<string, string | Uint8Array>;

/** Writes `files` into a folder, or into a temporary one removed when `into` (a test) ends. */
export async function writeArchive(
  files: ArchiveFiles,
  into: string | CleanupOwner,
): Promise<string> {
  const root = typeof into === "string" ? into : await tempDir(into, "test");
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

/** The default body mentions the FBI, which VALID lists, so that the check's hints stay quiet. */
export function article(fields: Record<string, string>, body = "Some text about the FBI.\n"): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}`;
}

/** A valid article's front matter, to change one key at a time. */
export const VALID = { title: "A headline", date: "2020-08-12", author: "Ana Ruiz", summary: "A summary.", entities: "[FBI]" };
