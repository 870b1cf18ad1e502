// Stage 3's cache on disk: for each file whose bytes have been validated before, its record
// and its located problems (warnings too, so that they are reported again), so that a rebuild
// parses no YAML and runs no schema for files that did not change. One pack for the whole
// archive, because every file system operation costs; it is checksummed and each entry is
// checked with zod, so that a pack or an entry that is damaged, truncated or of another shape
// is ignored and made again, never trusted.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { packChanged, readPack, writePack } from "./cache-pack.ts";
import type { SourceFile } from "./load.ts";
import { isPlaceList, locator, type PlaceList } from "./places.ts";
import { type Problem, Problems } from "./problems.ts";
import type { ArticleFrontMatter, AuthorFrontMatter, EntityFrontMatter } from "./schema.ts";
import { EntityType } from "./schema.ts";
import type { SiteUrl } from "./paths.ts";
import { type FileValidation, type Validated, validateFile, withDates } from "./validate.ts";

/** Bump when the pack's layout changes (the code's own changes are covered by the salt). */
const FORMAT = "dateline-validate-1";

/**
 * What a file's record depends on besides its bytes and kind: the code that loads, parses and
 * validates it (every module of this folder), the libraries it runs (yaml, zod and the "did you
 * mean" distance), and Node's own version (its Unicode tables decide what is a space).
 */
let salt: string | undefined;
function cacheSalt(): string {
  salt ??= computeSalt();
  return salt;
}

function computeSalt(): string {
  const hash = createHash("sha256").update(`${FORMAT}\0${process.version}\0`);
  try {
    const folder = new URL(".", import.meta.url);
    for (const name of readdirSync(folder).filter((file) => file.endsWith(".ts")).sort()) {
      hash.update(`${name}\0`).update(readFileSync(new URL(name, folder))).update("\0");
    }
    const lockFile = readFileSync(new URL("../../package-lock.json", import.meta.url), "utf8");
    const lock = JSON.parse(lockFile) as { packages?: Record<string, { version?: string }> };
    for (const name of ["yaml", "zod", "fastest-levenshtein"]) {
      hash.update(`${name}@${lock.packages?.[`node_modules/${name}`]?.version}\0`);
    }
  } catch {
    // The code cannot be read: nothing cached can be known to be this code's, so none is used.
    return randomUUID();
  }
  return hash.digest("base64url");
}

const text = z.string();
const optionalText = z.string().optional();
const siteUrl = z.custom<SiteUrl>((value) => typeof value === "string");

/*
 * The schemas' output types, checked as they come back. Strict objects, so that a key the
 * front-matter schema gains makes old entries fail here and be validated afresh rather than
 * come back without it; annotated with the output types, so that TypeScript says when a
 * required key is missing here.
 */
const describedImage = z.strictObject({ src: text, alt: optionalText, caption: optionalText });

const ArticleFields: z.ZodType<ArticleFrontMatter> = z.strictObject({
  title: text,
  date: text,
  author: z.array(text),
  entities: z.array(z.union([text, z.strictObject({ name: text, type: EntityType.optional() })])),
  summary: optionalText,
  tags: z.array(text),
  updated: optionalText,
  draft: z.boolean(),
  slug: optionalText,
  image: describedImage.optional(),
  aliases: z.array(siteUrl),
  corrections: z.array(z.strictObject({ date: text, text })),
  link_mentions: z.boolean(),
});

const EntityFields: z.ZodType<EntityFrontMatter> = z.strictObject({
  name: text,
  type: EntityType,
  aliases: z.array(text),
  description: optionalText,
  links: z.array(text),
  image: describedImage.optional(),
  link_mentions: z.boolean(),
});

const AuthorFields: z.ZodType<AuthorFrontMatter> = z.strictObject({
  name: text,
  bio: optionalText,
  links: z.array(text),
  image: optionalText,
});

const position = z.int().positive();
/** Checked by hand: a place list's shape is its order, which no zod schema says cheaply. */
const places = z.custom<PlaceList>(isPlaceList);
const recordParts = { bodyStart: z.int().nonnegative(), bodyLine: position, places };

const CachedRecord = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("article"), fields: ArticleFields, ...recordParts }),
  z.strictObject({ kind: z.literal("entity"), fields: EntityFields, ...recordParts }),
  z.strictObject({ kind: z.literal("author"), fields: AuthorFields, ...recordParts }),
]);
type CachedRecord = z.infer<typeof CachedRecord>;

/** A problem without its file: entries are known by their bytes, wherever the file is. */
const CachedProblem = z.strictObject({
  severity: z.enum(["error", "warning"]),
  rule: text,
  message: text,
  fix: text,
  line: position.optional(),
  column: position.optional(),
});
type CachedProblem = z.infer<typeof CachedProblem>;

const CacheEntry = z.strictObject({
  problems: z.array(CachedProblem),
  record: CachedRecord.optional(),
});
type CacheEntry = z.infer<typeof CacheEntry>;

export class ValidateCache {
  /** Entries of this run, which the pack is written with: what no file used is dropped. */
  private readonly used = new Map<string, unknown>();
  private added = false;
  readonly counts = { reused: 0, validated: 0 };

  private constructor(
    private readonly path: string,
    private readonly previous: ReadonlyMap<string, unknown>,
  ) {}

  /** The cache in `cacheDir`; an unreadable or damaged pack is an empty cache. */
  static async open(cacheDir: string): Promise<ValidateCache> {
    const dir = join(cacheDir, "validate");
    await mkdir(dir, { recursive: true });
    const path = join(dir, "pack.json");
    return new ValidateCache(path, await readPack(path, cacheSalt()));
  }

  /** The file's record, from the cache when its bytes are known, its problems added. */
  validate(file: SourceFile, problems: Problems): FileValidation | undefined {
    const key = `${file.kind}:${file.digest}`;
    const raw = this.used.get(key) ?? this.previous.get(key);
    const restored = raw === undefined ? undefined : restore(raw, file);
    if (restored) {
      this.counts.reused++;
      this.used.set(key, raw);
      for (const problem of restored.problems) problems.add(problem);
      return restored.record;
    }
    this.counts.validated++;
    const own = new Problems();
    const record = validateFile(file, own);
    for (const problem of own.list) problems.add(problem);
    const entry = toEntry(file, record, own.list);
    if (entry) {
      this.used.set(key, entry);
      this.added = true;
    }
    return record;
  }

  /**
   * Writes this run's entries, when they differ from the pack read. Written beside the pack
   * and renamed over it, so that an interrupted build never leaves half a pack.
   */
  async save(): Promise<void> {
    if (!packChanged(this.previous, this.used, this.added)) return;
    await writePack(this.path, cacheSalt(), this.used);
  }
}

/** What to keep of a file's validation; nothing when a problem is about another file. */
function toEntry(
  file: SourceFile,
  validation: FileValidation | undefined,
  problems: readonly Problem[],
): CacheEntry | undefined {
  const kept: CachedProblem[] = [];
  for (const { file: path, ...problem } of problems) {
    if (path !== file.path) return undefined;
    kept.push(problem);
  }
  if (!validation) return { problems: kept };
  const { source, places } = validation;
  const bodyStart = file.text.length - source.body.length;
  const parts = { bodyStart, bodyLine: source.bodyLine, places };
  const record: CachedRecord = validation.kind === "article"
    ? { kind: "article", fields: validation.source.fields, ...parts }
    : validation.kind === "entity"
      ? { kind: "entity", fields: validation.source.fields, ...parts }
      : { kind: "author", fields: validation.source.fields, ...parts };
  return { problems: kept, record };
}

/** The file's problems and record from an entry, or undefined when the entry is not sound. */
type Restored = { problems: Problem[]; record?: FileValidation };

function restore(raw: unknown, file: SourceFile): Restored | undefined {
  const parsed = CacheEntry.safeParse(raw);
  if (!parsed.success) return undefined;
  const { record } = parsed.data;
  const problems = parsed.data.problems.map((problem) => withFile(problem, file.path));
  if (!record) return { problems };
  if (record.kind !== file.kind || record.bodyStart > file.text.length + 1) return undefined;
  const validated = restoreRecord(record, file);
  return validated && { problems, record: validated };
}

/** In the order Problems writes a problem's keys, so that a restored one reads the same. */
function withFile(problem: CachedProblem, file: string): Problem {
  const { severity, rule, message, fix, ...place } = problem;
  return { severity, file, rule, message, fix, ...place };
}

function restoreRecord(record: CachedRecord, file: SourceFile): FileValidation | undefined {
  const { places } = record;
  if (record.kind === "entity") return { kind: "entity", source: validated(record, file), places };
  if (record.kind === "author") return { kind: "author", source: validated(record, file), places };
  const source = withDates(validated(record, file));
  return source && { kind: "article", source, places };
}

function validated<T>(record: CachedRecord & { fields: T }, file: SourceFile): Validated<T> {
  const { fields, bodyStart, bodyLine, places } = record;
  return { file, fields, body: file.text.slice(bodyStart), bodyLine, locate: locator(places) };
}
