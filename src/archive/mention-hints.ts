// Part of the archive model (./build.ts), for editors: where an article's `entities` and its
// body disagree. An entity listed that the body never mentions (by name or alias), and a
// registered entity the body mentions that the list leaves out, each a warning at its line.
//
// Hand-written over the body's words rather than through name-pattern.ts's expressions: one
// expression of every registered name would cost a build far more than a look-up per word.
import { foldLetter, foldText, isAcronym } from "../markdown/name-pattern.ts";
import type { Problems } from "../content/problems.ts";
import type { ArticleSource, EntitySource } from "../content/validate.ts";
import type { Registered } from "./registry.ts";

/** A name as the index looks for it: first word, whole name, acronym (1) or not, entry's key. */
export type NameRow = [first: string, name: string, acronym: 0 | 1, key: string];

/** A word of a body: where it starts, and its folded form. */
export interface Word {
  key: string;
  /**
   * What is between the word and the one before: " " for white space, apostrophes and
   * hyphens (a hint takes "foreign-influence task force" for its name, as before), else as
   * written. A name's words must be apart as in the name: "New York. Times" is not "New York
   * Times".
   */
  gap: string;
  start: number;
  end: number;
  capitals: boolean;
}

/**
 * Letters, digits and inner dots ("F.B.I"), and what folding drops (a soft hyphen, joiners);
 * apostrophes and hyphens end a word.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}.\u00ad\u200c\u200d\u2060]*/gu;

/**
 * Code, URLs and HTML tags hold names that are not mentions: blanked, lines kept. A tag
 * starts with a letter or "/" after its "<": "rates < 3% at the Fed, > 2%" is text.
 */
const NOT_TEXT = new RegExp(
  [
    /```[\s\S]*?```|~~~[\s\S]*?~~~|`[^`\n]*`/,
    /\]\([^)\n]*\)|https?:\/\/\S+/,
    // A comment left open hides the rest, as Markdown's HTML block does (and one look each).
    /<\/?[a-z][^>\n]*>|<!--[\s\S]*?(?:-->|$)/,
  ]
    .map((part) => part.source)
    .join("|"),
  "gi",
);

/** A word without accents, in lower case; most words are ASCII, which need less. */
function fold(word: string): string {
  return /^[\x00-\x7f]*$/.test(word) ? word.toLowerCase() : foldLetter(word);
}

/** What is between two words, as `Word.gap` says. */
function foldGap(between: string): string {
  // A quotation's line starts with ">": a name may go on across it, as in the paragraph.
  // Emphasis ("**Kofi** Ostarson") is not punctuation: the body mentions the name.
  const text = between.replace(/\n[ \t]*(?:>[ \t]*)+/g, "\n").replace(/[*_~]+/g, "");
  const folded = foldText(text).folded;
  return /^[ '-]*$/.test(folded) ? " " : folded;
}

export function wordsOf(text: string): Word[] {
  const blanked = text.replace(NOT_TEXT, (match) => match.replace(/[^\n]/g, " "));
  const words: Word[] = [];
  let end = 0;
  for (const match of blanked.matchAll(WORD)) {
    const word = match[0].replace(/\.+$/, "");
    // No small letter: "COVID" and "19" both are, so the acronym "COVID-19" is found.
    const capitals = word === word.toUpperCase();
    const between = blanked.slice(end, match.index);
    const gap = between === " " ? between : foldGap(between);
    end = match.index + word.length;
    words.push({ key: fold(word), gap, start: match.index, end, capitals });
  }
  return words;
}

/** The registry's names and aliases, by their folded words, for finding them in bodies. */
export class NameIndex<S> {
  private readonly names = new Map<
    string,
    { entry: Registered<S>; acronym: boolean; first: string }
  >();
  /** The entries by their keys, for the mention cache (./mention-cache.ts). */
  readonly byKey = new Map<string, Registered<S>>();
  /** Every first few words of a name: a look-up goes on only while the words so far are one. */
  private readonly prefixes = new Set<string>();

  constructor(entries: readonly Registered<S>[]) {
    for (const entry of entries) {
      const spellings = entry.spellings.size ? entry.spellings : new Set([entry.name]);
      for (const spelling of spellings) this.add(spelling, entry);
    }
  }

  /**
   * What the index finds depends on, one row per name as looked for: its first word, the
   * whole name, whether it is an acronym, and the key of the entry it finds. A body can only
   * be found to mention something else when a row that begins with one of its words changes
   * (./mention-cache.ts).
   */
  get rows(): NameRow[] {
    return [...this.names].map(([name, { entry, acronym, first }]) => {
      return [first, name, acronym ? 1 : 0, entry.key];
    });
  }

  private add(spelling: string, entry: Registered<S>): void {
    this.byKey.set(entry.key, entry);
    const keys = wordsOf(spelling).map((word, i) => (i ? word.gap : "") + word.key);
    if (keys.length === 0) return;
    for (let n = 1; n < keys.length; n++) this.prefixes.add(keys.slice(0, n).join(""));
    const key = keys.join("");
    const name = { entry, acronym: isAcronym(spelling), first: keys[0]! };
    if (!this.names.has(key)) this.names.set(key, name);
  }

  /** Each entry mentioned in `text`, with where its first mention starts and ends. */
  find(text: string): Mentioned<S> {
    return this.findIn(wordsOf(text));
  }

  /** As `find`, in a text's words (`wordsOf`). */
  findIn(words: readonly Word[]): Mentioned<S> {
    const found: Mentioned<S> = new Map();
    for (let i = 0; i < words.length;) {
      let key = "";
      let longest: { entry: Registered<S>; n: number } | undefined;
      for (let n = 1; i + n <= words.length; n++) {
        const word = words[i + n - 1]!;
        key = n === 1 ? word.key : key + word.gap + word.key;
        const name = this.names.get(key);
        if (name && (!name.acronym || words.slice(i, i + n).every((word) => word.capitals)))
          longest = { entry: name.entry, n };
        if (!this.prefixes.has(key)) break;
      }
      if (!longest) {
        i++;
        continue;
      }
      if (!found.has(longest.entry))
        found.set(longest.entry, { start: words[i]!.start, end: words[i + longest.n - 1]!.end });
      i += longest.n;
    }
    return found;
  }
}

/** Where `offset` of a body is in its file (`bodyLine` is its first line that is not blank). */
function placeOf(source: ArticleSource, offset: number): { line: number; column: number } {
  const blank = source.body.match(/^(?:[ \t]*\n)*/)![0].split("\n").length - 1;
  const before = source.body.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  const line = source.bodyLine - blank + (before.match(/\n/g)?.length ?? 0);
  return { line, column: offset - lineStart + 1 };
}

/** Where an article's body mentions which entries: NameIndex.find, or its cache. */
export type Mentioned<S> = Map<Registered<S>, { start: number; end: number }>;

/**
 * Warns where an article's listed entities and its body disagree. `listed` are the entities
 * its `entities` items name, in their order (tags are topics a body need not name); `found`
 * is what the index finds in its body.
 */
export function hintMentions(
  source: ArticleSource,
  listed: readonly Registered<EntitySource>[],
  found: Mentioned<EntitySource>,
  problems: Problems,
): void {
  const file = source.file.path;
  listed.forEach((entry, i) => {
    if (found.has(entry)) return;
    const written = source.fields.entities[i];
    const name = typeof written === "string" ? written : (written?.name ?? entry.name);
    problems.warn(
      file,
      "entity-not-mentioned",
      `"${name}" is listed in entities, but the body never mentions it (by name or alias)`,
      "mention it in the text, add the spelling the text uses to its aliases, " +
        "or remove it from entities",
      source.locate(["entities", i]),
    );
  });
  const named = new Set(listed);
  for (const [entry, { start, end }] of found) {
    if (named.has(entry) || !entry.source) continue;
    // On one line, as a problem is: a name may run over a line break in the body.
    const text = source.body.slice(start, end).replace(/\s+/g, " ");
    const alias = text.toLowerCase() === entry.name.toLowerCase() ? "" : ` (${entry.name})`;
    problems.warn(
      file,
      "entity-not-listed",
      `the body mentions "${text}"${alias}, a registered entity that entities does not list`,
      `add "${entry.name}" to entities if the article is about it`,
      placeOf(source, start),
    );
  }
}
