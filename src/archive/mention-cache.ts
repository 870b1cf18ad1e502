// The editor's hints (./mention-hints.ts) look up every word of every body: about a quarter
// of a millisecond a body, seconds for a large archive, on every build. What a body mentions
// depends only on its text and on the registry's names, so it is kept on disk by the file's
// digest, in one pack (../content/cache-pack.ts) whose salt holds the registry's names:
// renaming an entity or adding an alias looks every body up again, editing a body only it.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { packChanged, readPack, writePack } from "../content/cache-pack.ts";
import type { ArticleSource } from "../content/validate.ts";
import type { Mentioned, NameIndex } from "./mention-hints.ts";

/** Bump when an entry's layout changes. */
const FORMAT = "dateline-mentions-1";

/** An entry: for each entry mentioned, its key and where its first mention starts and ends. */
const Entry = z.array(z.tuple([z.string(), z.int().nonnegative(), z.int().nonnegative()]));
type Entry = z.infer<typeof Entry>;

export class MentionCache<S> {
  private readonly used = new Map<string, Entry>();
  private added = false;
  readonly counts = { reused: 0, lookedUp: 0 };

  private constructor(
    private readonly path: string,
    private readonly salt: string,
    private readonly previous: ReadonlyMap<string, unknown>,
    private readonly index: NameIndex<S>,
  ) {}

  /** The cache in `cacheDir` for this index's names; an unreadable pack is an empty cache. */
  static async open<S>(cacheDir: string, index: NameIndex<S>): Promise<MentionCache<S>> {
    const dir = join(cacheDir, "mentions");
    await mkdir(dir, { recursive: true });
    const path = join(dir, "pack.json");
    const salt = cacheSalt(index);
    return new MentionCache(path, salt, await readPack(path, salt), index);
  }

  /** What the article's body mentions: from the pack when its file is known, else looked up. */
  find(source: ArticleSource): Mentioned<S> {
    const key = source.file.digest;
    const restored = this.restore(this.used.get(key) ?? this.previous.get(key));
    if (restored) {
      this.counts.reused++;
      this.used.set(key, restored.entry);
      return restored.found;
    }
    this.counts.lookedUp++;
    const found = this.index.find(source.body);
    const entry: Entry = [...found].map(([entry, { start, end }]) => [entry.key, start, end]);
    this.used.set(key, entry);
    this.added = true;
    return found;
  }

  /** Writes this run's entries, when they differ from the pack read. */
  async save(): Promise<void> {
    if (packChanged(this.previous, this.used, this.added)) {
      await writePack(this.path, this.salt, this.used);
    }
  }

  private restore(raw: unknown): { entry: Entry; found: Mentioned<S> } | undefined {
    if (raw === undefined) return undefined;
    const parsed = Entry.safeParse(raw);
    if (!parsed.success) return undefined;
    const found: Mentioned<S> = new Map();
    for (const [key, start, end] of parsed.data) {
      const entry = this.index.byKey.get(key);
      if (!entry || end < start) return undefined;
      found.set(entry, { start, end });
    }
    return { entry: parsed.data, found };
  }
}

/** The code that finds mentions, Node's version (its Unicode tables), and the names. */
function cacheSalt<S>(index: NameIndex<S>): string {
  const hash = createHash("sha256").update(`${FORMAT}\0${process.version}\0`);
  try {
    for (const module of ["./mention-hints.ts", "../markdown/name-pattern.ts", "./registry.ts"]) {
      hash.update(readFileSync(new URL(module, import.meta.url))).update("\0");
    }
  } catch {
    // The code cannot be read: nothing cached can be known to be this code's, so none is used.
    return randomUUID();
  }
  return hash.update(index.fingerprint).digest("base64url");
}
