// The file format of the Markdown cache (render-cache.ts): a pack is a header, then entries,
// each a rendered body with its key and a checksum. What is read back is checked: a file that
// is not a pack, or is truncated, yields what it holds whole; an entry that fails its checksum
// is not used, so a damaged cache renders those bodies again and is never published.
import { closeSync, constants, openSync, readFileSync } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { createHash } from "node:crypto";
import * as zlib from "node:zlib";
import type { RenderedBody } from "./render.ts";

/** The first bytes of every pack; a new layout gets a new number, and old packs go unused. */
const MAGIC = Buffer.from("dateline markdown pack 1\n");
/**
 * An entry: checksum (of everything after it), HTML's length, text's length, word count (all
 * 32-bit little-endian), the key (32 bytes of SHA-256), then the HTML and the text, in UTF-8.
 */
const HEADER = 48;
const KEY_AT = 16;
/** Bytes gathered before they are written: a few hundred writes for a whole archive. */
const WRITE_BYTES = 1 << 20;

/**
 * CRC-32 finds the damage a file system or an interrupted copy does, at a fifth of SHA-256's
 * cost; zlib has it since Node 20.15, and before that a slice of SHA-256 stands in (a pack
 * written under the other is then rendered again, never trusted).
 */
const checksum: (bytes: Buffer) => number = typeof zlib.crc32 === "function"
  ? (bytes) => zlib.crc32(bytes)
  : (bytes) => createHash("sha256").update(bytes).digest().readUInt32LE(0);

/** An entry of a pack read from disk; its bytes are checked when it is decoded. */
export class Entry {
  constructor(
    private readonly pack: Buffer,
    private readonly start: number,
    private readonly end: number,
    readonly key: string,
  ) {}

  get bytes(): number {
    return this.end - this.start;
  }

  /** The entry as it is on disk, to be copied into another pack once it has been decoded. */
  get raw(): Buffer {
    return this.pack.subarray(this.start, this.end);
  }

  /**
   * The rendered body, or undefined when the entry fails its checksum. Its text is decoded
   * when first asked for: the archive uses the HTML and the word count, and decoding the text
   * of every body was a fifth of reading the cache.
   */
  decode(): RenderedBody | undefined {
    const { pack, start, end } = this;
    if (pack.readUInt32LE(start) !== checksum(pack.subarray(start + 4, end))) return undefined;
    const htmlEnd = start + HEADER + pack.readUInt32LE(start + 4);
    let text: string | undefined;
    return {
      html: pack.toString("utf8", start + HEADER, htmlEnd),
      get text() {
        return (text ??= pack.toString("utf8", htmlEnd, end));
      },
      wordCount: pack.readUInt32LE(start + 12),
    };
  }
}

export interface ReadPack {
  bytes: number;
  /** Not a pack, unreadable, or ending inside an entry. */
  damaged: boolean;
  entries: Entry[];
}

/**
 * A pack's entries, found by their lengths; their checksums are checked as they are decoded.
 * Read whole and at once: a pack holds a build's worth of bodies, and one read of it costs
 * less than a file per body did. A link is not followed: the cache is only what is in it.
 */
export function readPack(path: string): ReadPack {
  let data: Buffer;
  try {
    const file = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      data = readFileSync(file);
    } finally {
      closeSync(file);
    }
  } catch {
    return { bytes: 0, damaged: true, entries: [] };
  }
  if (!data.subarray(0, MAGIC.length).equals(MAGIC)) {
    return { bytes: data.length, damaged: true, entries: [] };
  }
  const entries: Entry[] = [];
  let at = MAGIC.length;
  while (at + HEADER <= data.length) {
    const end = at + HEADER + data.readUInt32LE(at + 4) + data.readUInt32LE(at + 8);
    if (end > data.length) break;
    entries.push(new Entry(data, at, end, data.toString("hex", at + KEY_AT, at + HEADER)));
    at = end;
  }
  return { bytes: data.length, damaged: at !== data.length, entries };
}

/**
 * A new pack, created only when its first entry comes (never over an existing file or
 * through a link) and written in the background in large writes, so that writing overlaps
 * the rendering. An interrupted build leaves a pack whose whole entries are still good.
 */
export class PackWriter {
  private file: Promise<FileHandle> | undefined;
  private chunks: Buffer[] = [];
  private chunkBytes = 0;
  private queue: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  constructor(private readonly path: string) {}

  add(key: string, rendered: RenderedBody): void {
    const entry = encode(key, rendered);
    if (entry) this.push(entry);
  }

  /** An entry of another pack, already checked. */
  copy(entry: Entry): void {
    this.push(entry.raw);
  }

  /** Writes what is left and closes the file; fails as the first write that failed. */
  async close(): Promise<void> {
    if (!this.file) return;
    this.flush();
    await this.queue;
    await this.file.then((file) => file.close(), () => {});
    if (this.failure) throw this.failure.error;
  }

  private push(bytes: Buffer): void {
    if (!this.file) {
      this.file = open(this.path, "wx");
      // Its failure is reported by the writes that wait for it.
      this.file.catch(() => {});
      this.push(MAGIC);
    }
    this.chunks.push(bytes);
    this.chunkBytes += bytes.length;
    if (this.chunkBytes >= WRITE_BYTES) this.flush();
  }

  private flush(): void {
    const bytes = Buffer.concat(this.chunks, this.chunkBytes);
    this.chunks = [];
    this.chunkBytes = 0;
    const file = this.file!;
    this.queue = this.queue
      .then(async () => (await file).writeFile(bytes))
      .catch((error: unknown) => void (this.failure ??= { error }));
  }
}

/** A lone surrogate, which UTF-8 cannot carry: such a rendering is not cached. */
const LONE_SURROGATE = /\p{Cs}/u;

function encode(key: string, { html, text, wordCount }: RenderedBody): Buffer | undefined {
  if (LONE_SURROGATE.test(html) || LONE_SURROGATE.test(text)) return undefined;
  if (!Number.isInteger(wordCount) || wordCount < 0 || wordCount > 0xffff_ffff) return undefined;
  const htmlBytes = Buffer.byteLength(html);
  const entry = Buffer.allocUnsafe(HEADER + htmlBytes + Buffer.byteLength(text));
  entry.writeUInt32LE(htmlBytes, 4);
  entry.writeUInt32LE(entry.length - HEADER - htmlBytes, 8);
  entry.writeUInt32LE(wordCount, 12);
  entry.write(key, KEY_AT, HEADER - KEY_AT, "hex");
  entry.write(html, HEADER, "utf8");
  entry.write(text, HEADER + htmlBytes, "utf8");
  entry.writeUInt32LE(checksum(entry.subarray(4)), 0);
  return entry;
}
