// The hashes of the search shards' files (./index-shards.ts, `fingerprint`), remembered across
// builds by each file's inode, size and modification time, as git's index remembers a work
// tree: a rebuild then reads only the files that changed, not every shard's 12 MB. Any write
// to a file (a hand edit, a truncation) changes its modification time, and a file put in its
// place has another inode, so either is read and hashed again.
import { createHash } from "node:crypto";
import { statSync, utimesSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { packChanged, readPack, writePack } from "../content/cache-pack.ts";

const PACK_FILE = "search-file-hashes.json";
const SALT = "search-file-hashes 1";
/**
 * A file modified this recently is hashed but not remembered: the file system's clock ticks
 * in milliseconds, so a write just after the build's might leave its time as it was (git's
 * "racily clean" entries). Two seconds is far beyond any tick.
 */
const SETTLED_MS = 2000;

/** Inode key → size, modification time in nanoseconds, and the hash of the bytes. */
const Entry = z.tuple([z.string(), z.string(), z.string()]);

export class FileHashes {
  private readonly used = new Map<string, z.infer<typeof Entry>>();
  private added = false;

  private constructor(
    private readonly pack: string | undefined,
    private readonly known: ReadonlyMap<string, unknown>,
    private readonly now: number,
  ) {}

  /**
   * The hashes remembered in `cacheDir` (none without one); `now` is the build's clock, to
   * tell a settled file from one just written.
   */
  static async open(cacheDir: string | undefined, now: number): Promise<FileHashes> {
    const pack = cacheDir === undefined ? undefined : join(cacheDir, PACK_FILE);
    const known = pack === undefined ? new Map<string, unknown>() : await readPack(pack, SALT);
    return new FileHashes(pack, known, now);
  }

  /** The SHA-256 of the file's bytes: remembered when the file is as it was, else read. */
  async hash(path: string): Promise<Buffer> {
    // Stat before reading: a write in between leaves a time that the next build will not trust.
    // Synchronous: 11,700 stats took 43 ms of CPU so, 170 ms through libuv's thread pool.
    const info = statSync(path, { bigint: true });
    const key = `${info.dev}:${info.ino}`;
    const [size, time] = [String(info.size), String(info.mtimeNs)];
    const entry = Entry.safeParse(this.known.get(key));
    if (entry.success && entry.data[0] === size && entry.data[1] === time) {
      this.used.set(key, entry.data);
      return Buffer.from(entry.data[2], "base64url");
    }
    const hash = createHash("sha256").update(await readFile(path)).digest();
    if (Number(info.mtimeMs) < this.now - SETTLED_MS) {
      this.used.set(key, [size, time, hash.toString("base64url")]);
      this.added = true;
    }
    return hash;
  }

  /**
   * The hash of a file this build has just written and will not write again, remembered at
   * once: its modification time is first set back to before the build, where no later write
   * can leave it, since a write sets the time it happens. Without it, every shard a build
   * indexes is read again by the next one (at 10,000 articles, the first rebuild after a cold
   * build read 80 MB).
   */
  async hashWritten(path: string): Promise<Buffer> {
    const before = new Date(this.now - 2 * SETTLED_MS);
    utimesSync(path, before, before);
    return this.hash(path);
  }

  /**
   * Keeps the hashes of the files this build saw, and only those. A cache that cannot be
   * written costs time, not correctness: the other caches already warn about the folder.
   */
  async save(): Promise<void> {
    if (this.pack === undefined || !packChanged(this.known, this.used, this.added)) return;
    await writePack(this.pack, SALT, this.used).catch(() => undefined);
  }
}
