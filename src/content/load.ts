// Stage 1, load: find the archive's files and read each once, as checked UTF-8 text.
import { createHash } from "node:crypto";
import { type Dirent, readFileSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, sep } from "node:path";
import { findForbiddenCharacters, withoutForbiddenCharacters } from "./forbidden-characters.ts";
import { type SourcePath, sourcePath } from "./paths.ts";
import type { Problems } from "./problems.ts";

export type SourceKind = "article" | "entity" | "author";

export interface SourceFile {
  kind: SourceKind;
  path: SourcePath;
  /** Path relative to the content folder, with `/` separators: stable across machines. */
  relativePath: string;
  /** The file name without its `.md`: an article's slug unless its front matter sets one. */
  stem: string;
  /** Text with any BOM removed, CRLF/CR line endings made LF, and no forbidden character. */
  text: string;
  /** A hash of the file's bytes as read: what the validate stage's cache knows it by. */
  digest: string;
}

export interface LoadedContent {
  files: SourceFile[];
  /** Raw text of `site.yaml`, when the archive has one. */
  siteYaml?: { path: SourcePath; text: string };
}

/** Larger files are refused: no news article is 2 MB of text, and it protects the build's memory. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

const FOLDERS: Record<SourceKind, { folder: string; recursive: boolean }> = {
  article: { folder: "articles", recursive: true },
  entity: { folder: "entities", recursive: false },
  author: { folder: "authors", recursive: false },
};

export async function loadContent(contentDir: string, problems: Problems): Promise<LoadedContent> {
  if (!(await exists(contentDir))) {
    problems.error(contentDir, "content-missing", "the content folder does not exist", "check CONTENT_DIR (or --content), or create the folder with an articles/ folder inside");
    return { files: [] };
  }
  const kinds = Object.keys(FOLDERS) as SourceKind[];
  const lists = await Promise.all(kinds.map((kind) => listSources(contentDir, kind, problems)));
  const files = await readSources(lists.flat(), problems);
  const sitePath = sourcePath(join(contentDir, "site.yaml"));
  const site = (await exists(sitePath)) ? readText(sitePath, problems) : undefined;
  return site === undefined ? { files } : { files, siteYaml: { path: sitePath, text: site.text } };
}

/** Files read between two turns of the event loop, so that Ctrl-C is heard while reading. */
const READ_BATCH = 256;

/**
 * Reads synchronously, in batches: for 11,000 files in the page cache, Node's asynchronous
 * reads (open, stat, read, close, each a trip through the thread pool) took 1.2 s against
 * 0.3 s, and a rebuild reads every file.
 */
async function readSources(found: readonly Listed[], problems: Problems): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (let start = 0; start < found.length; start += READ_BATCH) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const entry of found.slice(start, start + READ_BATCH)) {
      const read = readText(entry.path, problems);
      if (read) files.push({ ...entry, ...read });
    }
  }
  return files;
}

/** A source's extension, in any case: `UPPER.MD` is as much an article as `lower.md`. */
const MARKDOWN = /\.md$/i;

type Listed = Omit<SourceFile, "text" | "digest">;

/**
 * Every entry under the kind's folder, so that a file that will not be published (`notes.txt`,
 * `a.markdown`, a link, an entity in a subfolder) gets a warning instead of silence.
 * Dotfiles and dot-folders (`.DS_Store`, `.git/`) are an editor's or a tool's, and skipped.
 */
async function listSources(
  contentDir: string,
  kind: SourceKind,
  problems: Problems,
): Promise<Listed[]> {
  const { folder, recursive } = FOLDERS[kind];
  const dir = join(contentDir, folder);
  if (!(await exists(dir))) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const sources: Listed[] = [];
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    // Cut rather than path.relative, which resolves both paths against the working folder:
    // for 11,000 entries that was a tenth of a second. Every entry's path starts with `dir`.
    const inFolder = path.slice(dir.length + 1).split(sep);
    if (entry.isDirectory() || inFolder.some((part) => part.startsWith("."))) continue;
    const reason = whyNotPublished(entry, folder, recursive || inFolder.length === 1);
    if (reason) {
      problems.warn(path, "not-published", reason.message, reason.fix);
      continue;
    }
    const relativePath = [folder, ...inFolder].join("/");
    const stem = entry.name.replace(MARKDOWN, "");
    sources.push({ kind, path: sourcePath(path), relativePath, stem });
  }
  return sources.sort((a, b) => compareCodeUnits(a.relativePath, b.relativePath));
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Reason = { message: string; fix: string };

function whyNotPublished(entry: Dirent, folder: string, inPlace: boolean): Reason | undefined {
  const { name } = entry;
  if (!entry.isFile()) {
    const what = entry.isSymbolicLink() ? "a link" : "not a regular file";
    return {
      message: `${what}, so it will not be published`,
      fix: `links are not followed: copy the file itself into ${folder}/, or delete this one`,
    };
  }
  if (!MARKDOWN.test(name)) {
    const stem = name.replace(/\.[^.]*$/, "");
    const markdownByAnotherName = /\.(markdown|mdown|mkdn?|mdx|txt)$/i.test(name);
    return {
      message: "not a .md file, so it will not be published",
      fix: markdownByAnotherName
        ? `rename it to ${stem}.md to publish it, or move it out of ${folder}/`
        : `only .md files are published from ${folder}/: move it out (e.g. to static/), ` +
          "or start its name with a dot to keep it here unpublished",
    };
  }
  if (inPlace) return undefined;
  return {
    message: `in a subfolder of ${folder}/, which is not read, so it will not be published`,
    fix: `move it to ${folder}/${name}`,
  };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function readText(path: SourcePath, problems: Problems): { text: string; digest: string } | undefined {
  const bytes = readFileSync(path);
  if (bytes.byteLength > MAX_FILE_BYTES) {
    problems.error(path, "file-too-large", `file is ${(bytes.byteLength / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit`, "split it, or move large data out of the article");
    return undefined;
  }
  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch {
    problems.error(path, "invalid-utf8", "file is not valid UTF-8 text", "save it as UTF-8 in your editor (File → Save with encoding → UTF-8)", firstInvalidByte(bytes));
    return undefined;
  }
  const lines = normalizeLines(decoded);
  const forbidden = findForbiddenCharacters(lines);
  if (forbidden) {
    const { count, first, at } = forbidden;
    const what = count === 1
      ? `an invisible control character (${first})`
      : `${count} invisible control characters (${first} first)`;
    const message = `holds ${what}, which web pages cannot carry: left out`;
    const fix = `delete ${count === 1 ? "it" : "them"}: such characters come from pasting out of ` +
      "another program, or from a wrong encoding (U+0093 for a curly quote)";
    problems.warn(path, "forbidden-character", message, fix, at);
  }
  const text = forbidden ? withoutForbiddenCharacters(lines) : lines;
  return { text, digest: createHash("sha256").update(bytes).digest("base64url") };
}

/** A file's text as the stages read it: see SourceFile's `text`. */
export function normalizeText(text: string): string {
  return withoutForbiddenCharacters(normalizeLines(text));
}

function normalizeLines(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Most files have no CR at all: looking for one is cheaper than a replace that finds none.
  return withoutBom.includes("\r") ? withoutBom.replace(/\r\n?/g, "\n") : withoutBom;
}

/** Finds the line of the first byte sequence that is not UTF-8, so the editor can go there. */
function firstInvalidByte(bytes: Buffer): { line: number } {
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0x0a) line++;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0) return { line };
    try {
      utf8.decode(bytes.subarray(i, i + length));
    } catch {
      return { line };
    }
    i += length - 1;
  }
  return { line };
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
