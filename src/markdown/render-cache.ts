// The Markdown stage's cache on disk: rendered bodies, named by a hash of the body and of
// everything its HTML depends on, kept in a few pack files (render-pack.ts) instead of a file
// per body, which cost a build about 0.1 ms of file system work per body written or read.
// Each build that renders something writes one new pack; packs that hold mostly bodies the
// build no longer uses, or that are damaged, are folded into it and removed.
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { type Entry, PackWriter, readPack } from "./render-pack.ts";
import { asJob, type RenderJob } from "./job.ts";
import type { RenderedBody } from "./render.ts";

/** Bump when the Markdown pipeline's output changes, so old cache entries are not used. */
export const PIPELINE_VERSION = "3";

/**
 * What a cached body depends on besides its text: our pipeline's version, our code that
 * makes its HTML and the installed versions of every unified package in it, so that
 * upgrading one (a rehype-sanitize security fix, say) or changing how mentions are found
 * (../markdown/name-pattern.ts, whose changes went unbumped) renders everything afresh.
 */
const CACHE_SALT = [PIPELINE_VERSION, ...pipelineSources(), ...markdownPackageVersions()].join(
  "\n",
);

/** This folder's modules and its plugins', each with a digest of its text. */
export function pipelineSources(): string[] {
  try {
    const here = new URL(".", import.meta.url);
    const names = [
      ...readdirSync(here).filter((name) => name.endsWith(".ts")),
      ...readdirSync(new URL("plugins/", here))
        .filter((name) => name.endsWith(".ts"))
        .map((name) => `plugins/${name}`),
    ].sort();
    return names.map((name) => {
      const text = readFileSync(new URL(name, here));
      return `${name}@${createHash("sha256").update(text).digest("base64url")}`;
    });
  } catch {
    // The code cannot be read: no cached body can be known to be this code's.
    return [randomBytes(16).toString("hex")];
  }
}
/** The salt, hashed once: each body's key continues from a copy of it. */
const SALTED = createHash("sha256").update(CACHE_SALT).update("\0");

const MARKDOWN_PACKAGE =
  /node_modules\/(@[^/]+\/)?(unified|remark|rehype|micromark|mdast|hast|unist)[^/]*$/;

function markdownPackageVersions(): string[] {
  try {
    const lockFile = readFileSync(new URL("../../package-lock.json", import.meta.url), "utf8");
    const lock = JSON.parse(lockFile) as { packages?: Record<string, { version?: string }> };
    return Object.entries(lock.packages ?? {})
      .filter(([path]) => MARKDOWN_PACKAGE.test(path))
      .map(([path, { version }]) => `${path}@${version}`)
      .sort();
  } catch {
    return [];
  }
}

/** The folder of packs, under the cache folder. */
export const PACK_FOLDER = "markdown-packs";
/** Where the cache kept a file per body until packs replaced it; removed when found. */
const LEGACY_FOLDER = "markdown";
const PACK_SUFFIX = ".pack";
/**
 * Packs kept at most after a build. Each build that renders something adds one (a rebuild
 * after an edit adds a pack of one body), so past this the smaller ones are merged.
 */
const MOST_PACKS = 8;

/** A pack file found when the cache was opened, and what this build used of it. */
interface Pack {
  name: string;
  bytes: number;
  /** Not a pack, unreadable, or holding an entry that failed its check: folded away. */
  damaged: boolean;
  /** Entries of it that this build read and found sound. */
  used: Set<Entry>;
}

export class RenderCache {
  private readonly index = new Map<string, { pack: Pack; entry: Entry }>();
  private readonly writer: PackWriter;

  private constructor(
    private readonly dir: string,
    private readonly packs: Pack[],
    private readonly legacyRemoved: Promise<void>,
  ) {
    this.writer = new PackWriter(join(dir, newPackName()));
  }

  static async open(cacheDir: string): Promise<RenderCache> {
    const dir = join(cacheDir, PACK_FOLDER);
    await mkdir(dir, { recursive: true });
    // Overlaps the build; awaited by close(). A failure only leaves the old files behind.
    const legacyRemoved = rm(join(cacheDir, LEGACY_FOLDER), { recursive: true, force: true })
      .catch(() => {});
    const names = (await readdir(dir)).filter((name) => name.endsWith(PACK_SUFFIX)).sort();
    const cache = new RenderCache(dir, [], legacyRemoved);
    for (const name of names) cache.load(name);
    return cache;
  }

  /**
   * A body's key: its text, and the entities whose mentions it links (names, aliases, URLs,
   * descriptions), so that editing an entity renders again only the bodies that list it.
   */
  key(job: string | RenderJob): string {
    const { body, mentions } = asJob(job);
    const hash = SALTED.copy().update(body);
    if (mentions?.length) hash.update("\0mentions\0").update(JSON.stringify(mentions));
    return hash.digest("hex");
  }

  /** The cached rendering, or undefined when there is none that can be trusted. */
  read(key: string): RenderedBody | undefined {
    const found = this.index.get(key);
    if (!found) return undefined;
    const rendered = found.entry.decode();
    if (rendered) {
      found.pack.used.add(found.entry);
    } else {
      found.pack.damaged = true;
      this.index.delete(key);
    }
    return rendered;
  }

  /** Adds a rendering to this build's pack; written in the background, in large writes. */
  add(key: string, rendered: RenderedBody): void {
    this.writer.add(key, rendered);
  }

  /**
   * Finishes this build's pack, folding into it what is still used of the packs it replaces,
   * then removes those. Fails as the first write that failed.
   */
  async close(): Promise<void> {
    const replaced = this.packsToReplace();
    for (const pack of replaced) for (const entry of pack.used) this.writer.copy(entry);
    await this.writer.close();
    await Promise.all(replaced.map((pack) => rm(join(this.dir, pack.name), forced)));
    await this.legacyRemoved;
  }

  private load(name: string): void {
    const read = readPack(join(this.dir, name));
    const pack: Pack = { name, bytes: read.bytes, damaged: read.damaged, used: new Set() };
    this.packs.push(pack);
    for (const entry of read.entries) this.index.set(entry.key, { pack, entry });
  }

  /**
   * Damaged packs, packs of which this build used less than half, and, past MOST_PACKS, all
   * but the largest: what is used of them is small next to what dropping them saves.
   */
  private packsToReplace(): Pack[] {
    const sound = this.packs.filter((pack) => !pack.damaged && usedBytes(pack) * 2 >= pack.bytes);
    const kept = sound.length + 1 > MOST_PACKS
      ? [sound.reduce((largest, pack) => (pack.bytes > largest.bytes ? pack : largest))]
      : sound;
    return this.packs.filter((pack) => !kept.includes(pack));
  }
}

/** A pack's name sorts by when it was begun; pid and random bytes keep builds apart. */
function newPackName(): string {
  const time = Date.now().toString(36).padStart(9, "0");
  return `${time}-${process.pid}-${randomBytes(4).toString("hex")}${PACK_SUFFIX}`;
}

function usedBytes(pack: Pack): number {
  let bytes = 0;
  for (const entry of pack.used) bytes += entry.bytes;
  return bytes;
}

/** A folder or a link in a pack's place goes too; only the name is removed, never a target. */
const forced = { recursive: true, force: true } as const;
