// Permanent URLs: `content/published-urls.json` records every URL a build has published and
// the slug each entity and author name was first published under. A later build that would
// drop a recorded URL stops and says how to keep it (a redirect) or withdraw it on purpose.
import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { z } from "zod";
import { nameKey, type SiteUrl, siteUrl, type Slug, type SourcePath } from "../content/paths.ts";
import type { Problems } from "../content/problems.ts";
import type { Archive, Article } from "./model.ts";
import { compareText } from "./registry.ts";
import { type Output, PERMANENT } from "./pages.ts";

export const RECORD_FILE = "published-urls.json";

/**
 * A name's slug, as the build writes it: one part of a URL. A hand edit could make it climb out
 * of the site (`../../x`) or name no page (`a/b`, `x y`): the record is then damaged.
 */
function recordedSlug() {
  const message = "a name's slug must be one part of a URL: no /, \\, ?, #, %, space, or leading .";
  return z.string().regex(/^[^\s\p{Cc}/\\?#%.][^\s\p{Cc}/\\?#%]*$/u, { message });
}

const RecordFile = z.strictObject({
  about: z.string().optional(),
  urls: z.record(z.string().regex(/^\//), z.string()),
  entities: z.record(z.string(), recordedSlug()),
  authors: z.record(z.string(), recordedSlug()),
});

/** Name keys (see nameKey) to the slug each was first published under. */
export interface PublishedSlugs {
  entities: ReadonlyMap<string, Slug>;
  authors: ReadonlyMap<string, Slug>;
}

export interface PublishedRecord {
  file: SourcePath;
  /** Each URL published, with what was there in an editor's words. */
  urls: ReadonlyMap<SiteUrl, string>;
  /** As written in the file (display names), for writing it back. */
  names: { entities: ReadonlyMap<string, Slug>; authors: ReadonlyMap<string, Slug> };
  slugs: PublishedSlugs;
  /** The line of each URL in the file, so that messages can point there. */
  lines: ReadonlyMap<SiteUrl, number>;
}

const ABOUT = "Written by `npm run build`: every URL this archive has published. Commit it with the archive; do not edit it.";

/** The record, or an empty one before the first publish; a damaged record is an error. */
export async function readPublishedUrls(contentDir: string, problems: Problems): Promise<PublishedRecord> {
  const file = join(contentDir, RECORD_FILE) as SourcePath;
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    problems.error(file, "url-record-unreadable", `the record of published URLs cannot be read (${error.code ?? error.message})`, "make the file readable, or restore it from version control");
    return undefined;
  });
  const empty = toRecord(file, { urls: {}, entities: {}, authors: {} }, "");
  if (text === undefined) return empty;
  let parsed: z.infer<typeof RecordFile>;
  try {
    parsed = RecordFile.parse(JSON.parse(text));
  } catch (error) {
    const reason = error instanceof z.ZodError ? z.prettifyError(error).split("\n")[0] : (error as Error).message;
    problems.error(file, "url-record-damaged", `the record of published URLs is damaged: ${reason}`, `restore ${RECORD_FILE} from version control; it is written by the build and never by hand`, { line: 1 });
    return empty;
  }
  return toRecord(file, parsed, text);
}

function toRecord(file: SourcePath, parsed: z.infer<typeof RecordFile>, text: string): PublishedRecord {
  const names = (record: Record<string, string>) => new Map(Object.entries(record).map(([name, slug]) => [name, slug as Slug]));
  const keys = (record: Record<string, string>) => new Map(Object.entries(record).map(([name, slug]) => [nameKey(name), slug as Slug]));
  return {
    file,
    urls: new Map(Object.entries(parsed.urls).map(([url, label]) => [siteUrl(url), label])),
    names: { entities: names(parsed.entities), authors: names(parsed.authors) },
    slugs: { entities: keys(parsed.entities), authors: keys(parsed.authors) },
    lines: urlLines(text),
  };
}

/**
 * Every recorded URL the build would no longer publish is an error, with the likely cause and
 * the two ways out: an alias (a redirect to where the page is now) or `withdrawn` in site.yaml.
 */
export function checkPublishedUrls(record: PublishedRecord, outputs: readonly Output[], archive: Archive, contentDir: string, problems: Problems): void {
  const published = new Set(outputs.map((output) => output.url));
  let articles: ArticlesBy | undefined;
  for (const [url, label] of record.urls) {
    if (published.has(url)) continue;
    articles ??= articlesBy(archive, contentDir);
    const { cause, fix } = explainMissing(url, label, articles, contentDir);
    problems.error(record.file, "url-dropped", `${url} was published (${label}) and this build would no longer publish it: ${cause}`, fix, { line: record.lines.get(url) ?? 1 });
  }
}

/**
 * The archive's articles by file and by title, the first of each, to say where a dropped
 * article went: made once, for what can be thousands of dropped URLs (a folder renamed).
 */
interface ArticlesBy {
  file: Map<string, Article>;
  title: Map<string, Article>;
}

function articlesBy(archive: Archive, contentDir: string): ArticlesBy {
  const by: ArticlesBy = { file: new Map(), title: new Map() };
  for (const article of archive.articles) {
    const file = relativePath(contentDir, article.sourcePath);
    if (!by.file.has(file)) by.file.set(file, article);
    if (!by.title.has(article.title)) by.title.set(article.title, article);
  }
  return by;
}

function explainMissing(url: SiteUrl, label: string, articles: ArticlesBy, contentDir: string): { cause: string; fix: string } {
  const withdraw = `or list it in site.yaml under withdrawn: - { url: ${url}, date: YYYY-MM-DD }`;
  const source = /\(([^()]+\.md)\)$/i.exec(label)?.[1];
  if (label.startsWith("article")) {
    const title = /^article "(.*)" \(/.exec(label)?.[1];
    const byFile = source === undefined ? undefined : articles.file.get(source);
    const same = byFile ?? (title === undefined ? undefined : articles.title.get(title));
    if (same) {
      const how = relativePath(contentDir, same.sourcePath) === source ? "its slug or date changed" : `the file was renamed to ${relativePath(contentDir, same.sourcePath)}`;
      return { cause: `${how}, so it is now at ${same.url}`, fix: `add aliases: [${url}] to ${relativePath(contentDir, same.sourcePath)} to keep the old URL as a redirect, ${withdraw}` };
    }
    return { cause: "its file was deleted or made a draft", fix: `restore the file, add aliases: [${url}] to the article that replaces it, ${withdraw}` };
  }
  if (label.startsWith("the page of")) {
    return { cause: "no file or article names it any more", fix: `add a file for it under entities/ or authors/ (its page is then kept), add ${url} to an article's aliases, ${withdraw}` };
  }
  return { cause: "no article is dated there any more", fix: `add ${url} to an article's aliases, ${withdraw}` };
}

/** The record after a publish: everything it held, and everything published now. */
export function nextRecord(record: PublishedRecord, outputs: readonly Output[], archive: Archive, contentDir: string): string {
  const urls = new Map(record.urls);
  for (const output of outputs) {
    if (!PERMANENT.has(output.kind)) continue;
    const source = output.kind === "article" && output.sourcePath ? ` (${relativePath(contentDir, output.sourcePath)})` : "";
    urls.set(output.url, `${output.label}${source}`);
  }
  const entities = new Map(record.names.entities);
  for (const entity of archive.entities) if (!record.slugs.entities.has(nameKey(entity.name))) entities.set(entity.name, entity.slug);
  const authors = new Map(record.names.authors);
  for (const author of archive.authors) if (!record.slugs.authors.has(nameKey(author.name))) authors.set(author.name, author.slug);
  return serialize({ urls, entities, authors });
}

/**
 * One entry a line, keys in a fixed order, so that the file diffs well in the archive's
 * version control. JSON.stringify's indentation would do, but sorts nothing.
 */
function serialize(record: { urls: Map<string, string>; entities: Map<string, string>; authors: Map<string, string> }): string {
  const section = (name: string, entries: Map<string, string>) => {
    const lines = [...entries].sort(([a], [b]) => compareText(a, b)).map(([key, value]) => `    ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
    return lines.length ? `  "${name}": {\n${lines.join(",\n")}\n  }` : `  "${name}": {}`;
  };
  return `{\n  "about": ${JSON.stringify(ABOUT)},\n${[section("urls", record.urls), section("entities", record.entities), section("authors", record.authors)].join(",\n")}\n}\n`;
}

/** Writes the record whole or not at all: a temporary file renamed over the old one. */
export async function writePublishedUrls(contentDir: string, text: string): Promise<void> {
  const file = join(contentDir, RECORD_FILE);
  const temporary = join(contentDir, `.${RECORD_FILE}.${process.pid}-${randomBytes(3).toString("hex")}`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Where each URL's line is: the first line that starts with it as a key. */
function urlLines(text: string): Map<SiteUrl, number> {
  const lines = new Map<SiteUrl, number>();
  text.split("\n").forEach((line, i) => {
    const key = /^\s*("\/(?:[^"\\]|\\.)*")\s*:/.exec(line)?.[1];
    if (!key) return;
    const url = siteUrl(JSON.parse(key) as string);
    if (!lines.has(url)) lines.set(url, i + 1);
  });
  return lines;
}

function relativePath(contentDir: string, path: string): string {
  return relative(contentDir, path).split(sep).join("/");
}
