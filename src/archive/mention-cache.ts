// The editor's hints (./mention-hints.ts) look up every word of every body: about half a
// millisecond a body, seconds for a large archive, on every build. What a body mentions depends
// only on its text and on the registry's names, so it is kept on disk by the file's digest, in
// one pack (../content/cache-pack.ts) that also holds the names it was looked up with.
//
// A new name must not make every body be looked up again: an editor's new article that names a
// new entity would cost the whole archive's look-ups (5 s at 10,000 articles). So each body's
// entry keeps a Bloom filter of its words, and when names change only the bodies whose filter
// may hold the first word of a name added or removed are looked up again: a body without that
// word cannot mention that name, nor be found to mention another in its place.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { packChanged, readPack, writePack } from "../content/cache-pack.ts";
import type { ArticleSource } from "../content/validate.ts";
import { WordFilter } from "./word-filter.ts";
import { type Mentioned, type NameIndex, type NameRow, wordsOf } from "./mention-hints.ts";

/** Bump when an entry's layout changes. */
const FORMAT = "dateline-mentions-2";
/** The pack's entry of the names looked for; files' digests are base64url, never this. */
const NAMES_KEY = "#names";
/** More changed names than this: looking every body up again is as quick as probing each. */
const MOST_PROBES = 2_000;

/** An entry: what its body mentions (each entry's key, where it starts and ends) and its words. */
const Entry = z.strictObject({
  found: z.array(z.tuple([z.string(), z.int().nonnegative(), z.int().nonnegative()])),
  words: z.string(),
});
type Entry = z.infer<typeof Entry>;
const Rows = z.array(
  z.tuple([z.string(), z.string(), z.union([z.literal(0), z.literal(1)]), z.string()]),
);

export class MentionCache<S> {
  private readonly used = new Map<string, unknown>();
  private added = false;
  readonly counts = { reused: 0, lookedUp: 0 };

  private constructor(
    private readonly path: string,
    private readonly salt: string,
    private readonly previous: ReadonlyMap<string, unknown>,
    private readonly index: NameIndex<S>,
    /** First words of the names added or removed since the pack; undefined: too many to probe. */
    private readonly probes: readonly string[] | undefined,
  ) {
    this.used.set(NAMES_KEY, index.rows);
  }

  /** The cache in `cacheDir` for this index's names; an unreadable pack is an empty cache. */
  static async open<S>(cacheDir: string, index: NameIndex<S>): Promise<MentionCache<S>> {
    const dir = join(cacheDir, "mentions");
    await mkdir(dir, { recursive: true });
    const path = join(dir, "pack.json");
    const salt = cacheSalt();
    const previous = await readPack(path, salt);
    const rows = Rows.safeParse(previous.get(NAMES_KEY));
    const probes = rows.success ? changedFirstWords(rows.data, index.rows) : undefined;
    return new MentionCache(path, salt, previous, index, probes);
  }

  /** What the article's body mentions: from the pack when its file is known, else looked up. */
  find(source: ArticleSource): Mentioned<S> {
    const key = source.file.digest;
    const kept = this.used.get(key) ?? this.previous.get(key);
    const restored = this.restore(kept);
    if (restored) {
      this.counts.reused++;
      this.used.set(key, kept);
      return restored;
    }
    this.counts.lookedUp++;
    const words = wordsOf(source.body);
    const found = this.index.findIn(words);
    const entry: Entry = {
      found: [...found].map(([entry, { start, end }]) => [entry.key, start, end]),
      words: WordFilter.of(words.map((word) => word.key)).toString(),
    };
    this.used.set(key, entry);
    this.added = true;
    return found;
  }

  /** Writes this run's entries, when they differ from the pack read. */
  async save(): Promise<void> {
    const namesChanged = this.probes === undefined || this.probes.length > 0;
    if (namesChanged || packChanged(this.previous, this.used, this.added)) {
      await writePack(this.path, this.salt, this.used);
    }
  }

  /** What a kept entry says the body mentions, unless a changed name may change that. */
  private restore(raw: unknown): Mentioned<S> | undefined {
    if (raw === undefined || this.probes === undefined) return undefined;
    const parsed = Entry.safeParse(raw);
    if (!parsed.success) return undefined;
    if (this.probes.length) {
      const words = WordFilter.parse(parsed.data.words);
      if (!words || this.probes.some((word) => words.mayHave(word))) return undefined;
    }
    const found: Mentioned<S> = new Map();
    for (const [key, start, end] of parsed.data.found) {
      const entry = this.index.byKey.get(key);
      if (!entry || end < start) return undefined;
      found.set(entry, { start, end });
    }
    return found;
  }
}

/** The first words of the rows in one list and not the other; undefined when there are many. */
function changedFirstWords(
  before: readonly NameRow[],
  after: readonly NameRow[],
): string[] | undefined {
  const text = (row: NameRow) => row.join("\0");
  const had = new Set(before.map(text));
  const has = new Set(after.map(text));
  const changed = [
    ...before.filter((row) => !has.has(text(row))),
    ...after.filter((row) => !had.has(text(row))),
  ];
  if (changed.length > MOST_PROBES) return undefined;
  return [...new Set(changed.map(([first]) => first))];
}

/** The code that finds mentions and Node's version (its Unicode tables). */
function cacheSalt(): string {
  const hash = createHash("sha256").update(`${FORMAT}\0${process.version}\0`);
  try {
    const modules = [
      "./mention-hints.ts",
      "../markdown/name-pattern.ts",
      "./registry.ts",
      "./word-filter.ts",
    ];
    for (const module of modules) {
      hash.update(readFileSync(new URL(module, import.meta.url))).update("\0");
    }
  } catch {
    // The code cannot be read: nothing cached can be known to be this code's, so none is used.
    return randomUUID();
  }
  return hash.digest("base64url");
}
