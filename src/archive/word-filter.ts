// A Bloom filter of a body's words, for the mention cache (./mention-cache.ts): whether a body
// may hold a word, in eight bits a word, with no false "no". Written here rather than taken
// from npm: the one maintained package (bloom-filters) brings lodash, seedrandom, long and
// reflect-metadata for what is twenty lines, and its JSON is several times this size.

/** Bits per distinct word: with 3 hashes, about 1 word in 33 not in the body is said to be. */
const BITS_PER_WORD = 8;
const HASHES = 3;

export class WordFilter {
  private constructor(private readonly bits: Uint8Array) {}

  /** A filter holding `words`. */
  static of(words: Iterable<string>): WordFilter {
    const distinct = new Set(words);
    const bytes = Math.max(8, Math.ceil((distinct.size * BITS_PER_WORD) / 8));
    const filter = new WordFilter(new Uint8Array(bytes));
    for (const word of distinct) filter.add(word);
    return filter;
  }

  /** A filter from its `toString`; undefined for anything else. */
  static parse(text: string): WordFilter | undefined {
    const bits = Buffer.from(text, "base64url");
    return bits.length >= 8 && bits.toString("base64url") === text
      ? new WordFilter(new Uint8Array(bits))
      : undefined;
  }

  /** False when `word` is certainly not in the filter. */
  mayHave(word: string): boolean {
    return this.positions(word).every((bit) => (this.bits[bit >> 3]! & (1 << (bit & 7))) !== 0);
  }

  toString(): string {
    return Buffer.from(this.bits).toString("base64url");
  }

  private add(word: string): void {
    for (const bit of this.positions(word)) this.bits[bit >> 3]! |= 1 << (bit & 7);
  }

  /**
   * The word's bits, by double hashing (Kirsch and Mitzenmacher): FNV-1a, and MurmurHash3's
   * finalizer of it for the step.
   */
  private positions(word: string): number[] {
    const size = this.bits.length * 8;
    const first = fnv1a(word);
    const step = mix(first) | 1;
    const positions: number[] = [];
    for (let i = 0; i < HASHES; i++) {
      positions.push(((first + Math.imul(i, step)) >>> 0) % size);
    }
    return positions;
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
