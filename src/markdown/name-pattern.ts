// How a name is found in running text: as a whole word (or words), in any case, with or
// without its accents. Used by mention linking (plugins/rehype-entity-mentions.ts); the
// editor's hints (archive/mention-hints.ts) fold words the same way, with foldLetter.
//
// Hand-written: the libraries that fold accents (diacritics, fuse.js…) compare strings, they
// do not find a name in text and say where it is in the text as written.
//
// Both the text and the names are folded (no accents, lower case, one space for any run of
// white space, one apostrophe and one hyphen), then compared as plain strings. An earlier
// version compiled one Unicode expression per body instead, a class of every accented form
// per letter: compiling it cost some 15 ms a body, ten times the rest of the Markdown stage.

/**
 * A letter, a digit or a mark left by folding: a name found next to one is inside a longer
 * word ("राम" in "रामायण", whose next character is a vowel sign).
 */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * A name written in capitals only ("ICE", "F.B.I.", "SNAP") is an acronym: it is found only
 * in capitals, as "ice" and "snap" are everyday words. Other names are found in any case.
 */
export function isAcronym(name: string): boolean {
  const letters = name.match(/\p{L}/gu) ?? [];
  return letters.length >= 2 && letters.every(isCapital);
}

/** A letter that has a small form and is not it ("É", not "é" nor "ß"). */
function isCapital(letter: string): boolean {
  return letter === letter.toUpperCase() && letter !== letter.toLowerCase();
}

/**
 * Accents: the marks shared by scripts (acute, diaeresis, breve…) and Hebrew and Arabic
 * vowel points. Not the vowel signs of Indic or Thai scripts: without them "राम" (Ram) and
 * "रमा" (Rama) are one word.
 */
const ACCENT = /(?=[\p{Script=Inherited}\p{Script=Hebrew}\p{Script=Arabic}])\p{M}/gu;

/** Invisible inside a word: a soft hyphen, joiners. "Apple\u00adbee's" is one word. */
const INVISIBLE = /[\u00ad\u200c\u200d\u2060]/g;

/**
 * Latin letters whose mark Unicode does not take apart, as the text written without it
 * has them: "Lech Walesa" is "Lech Wałęsa", "Soren" "Søren", "Strasse" "Straße". "ı" is
 * "i", as its capital "I" is (the earlier expressions found "DIYARBAKIR" for "Diyarbakır").
 */
const UNMARKED: Record<string, string> = {
  ł: "l",
  ø: "o",
  đ: "d",
  ħ: "h",
  ŧ: "t",
  ı: "i",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ς: "σ",
};
const MARKED = new RegExp(`[${Object.keys(UNMARKED).join("")}]`, "g");

/** A character (or a word) without its accents, in lower case: "É" is "e". */
export function foldLetter(char: string): string {
  return char
    .normalize("NFD")
    .replace(ACCENT, "")
    .replace(INVISIBLE, "")
    .toLowerCase()
    .replace(MARKED, (letter) => UNMARKED[letter]!);
}

const APOSTROPHES = "'’ʼ";
const HYPHENS = "-‐‑–";

/** Folded forms of the characters that are not ASCII, as met. */
const folded = new Map<string, string>();

/** One character (a code point, not ASCII) folded; white space is dealt with by foldText. */
function foldChar(char: string): string {
  let fold = folded.get(char);
  if (fold === undefined) {
    if (APOSTROPHES.includes(char)) fold = "'";
    else if (HYPHENS.includes(char)) fold = "-";
    else fold = foldLetter(char);
    folded.set(char, fold);
  }
  return fold;
}

/** A text folded, and where each of its folded characters comes from in the text. */
export interface FoldedText {
  folded: string;
  /** starts[i] is where folded[i]'s character starts in the text; starts[length] its end. */
  starts: number[];
}

/** ASCII's white space: tab, line feed, vertical tab, form feed, carriage return, space. */
function isAsciiSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

export function foldText(text: string): FoldedText {
  const parts: string[] = [];
  const starts: number[] = [];
  let space = false;
  for (let i = 0; i < text.length;) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const char = code < 0x80 ? "" : text.slice(i, i + width);
    if (code < 0x80 ? isAsciiSpace(code) : /\s/.test(char)) {
      if (!space) (parts.push(" "), starts.push(i));
      space = true;
    } else {
      // Most characters fold to one unit; an accent alone folds to none, "ǅ" to two.
      const fold =
        code >= 65 && code <= 90
          ? String.fromCharCode(code + 32)
          : code < 0x80
            ? text[i]!
            : foldChar(char);
      parts.push(fold);
      for (let unit = 0; unit < fold.length; unit++) starts.push(i);
      space = false;
    }
    i += width;
  }
  starts.push(text.length);
  return { folded: parts.join(""), starts };
}

/** Whether the code point that starts at `index` is a letter or a digit. */
function wordCharAt(text: string, index: number): boolean {
  const code = text.codePointAt(index);
  return code !== undefined && WORD_CHAR.test(String.fromCodePoint(code));
}

/** Whether the code point that ends just before `index` is a letter or a digit. */
function wordCharBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const lowSurrogate = /[\udc00-\udfff]/.test(text[index - 1]!);
  return wordCharAt(text, lowSurrogate && index > 1 ? index - 2 : index - 1);
}

/** Where a name was found in a text, in the text as written. */
export interface NameFound {
  name: string;
  start: number;
  end: number;
}

interface Spelling {
  name: string;
  folded: string;
  acronym: boolean;
}

/**
 * Finds many names in texts, from left to right; at one place, the longest name
 * ("Department of Homeland Security" over "Homeland Security"). A name must not touch a
 * letter or a digit on either side: "Apple" is not found in "Applebee's".
 */
export class NameMatcher {
  /** The names, longest first (then in code point order), as nameMatcher was given them. */
  readonly names: string[];
  /**
   * The spellings by their first folded unit, longest folded first: the longest is the one
   * found, and a name written decomposed ("He\u0301le\u0300ne") is longer than it folds to.
   * Only those that start with the text's unit are tried: a short name met in many words
   * ("ana" in "semana") would otherwise try every name at each.
   */
  private readonly spellings = new Map<string, Spelling[]>();
  /** Any of the folded names: where one may start. Not Unicode: no need. */
  private readonly candidates: RegExp;

  constructor(names: readonly string[]) {
    this.names = [...new Set(names.map((name) => name.trim()).filter(hasWord))].sort(
      (a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0),
    );
    const spellings = this.names.map((name) => ({
      name,
      folded: foldText(name.normalize("NFC")).folded,
      acronym: isAcronym(name),
    }));
    // Stable: names of one folded length keep the order above.
    spellings.sort((a, b) => b.folded.length - a.folded.length);
    for (const spelling of spellings) {
      const first = spelling.folded[0]!;
      const same = this.spellings.get(first);
      if (same) same.push(spelling);
      else this.spellings.set(first, [spelling]);
    }
    const escaped = spellings.map(({ folded }) =>
      folded.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"),
    );
    this.candidates = new RegExp(escaped.join("|"), "g");
  }

  /** Every name in `text`, none overlapping another. */
  find(text: string): NameFound[] {
    const { folded, starts } = foldText(text);
    const found: NameFound[] = [];
    const candidates = this.candidates;
    candidates.lastIndex = 0;
    for (let match = candidates.exec(folded); match; match = candidates.exec(folded)) {
      const at = match.index;
      const spelling = this.spellings
        .get(folded[at]!)
        ?.find((s) => this.isMention(s, folded, at, text, starts));
      if (!spelling) {
        candidates.lastIndex = at + 1;
        continue;
      }
      const end = at + spelling.folded.length;
      found.push({ name: spelling.name, start: starts[at]!, end: starts[end]! });
      candidates.lastIndex = end;
    }
    return found;
  }

  /** Whether `spelling` is at `at` of the folded text, as a whole word, in capitals if it must. */
  private isMention(
    spelling: Spelling,
    folded: string,
    at: number,
    text: string,
    starts: readonly number[],
  ): boolean {
    const end = at + spelling.folded.length;
    if (!folded.startsWith(spelling.folded, at)) return false;
    if (wordCharBefore(folded, at) || wordCharAt(folded, end)) return false;
    if (starts[at] === starts[at - 1] || starts[end] === starts[end - 1]) return false;
    if (!spelling.acronym) return true;
    const written = text.slice(starts[at], starts[end]).match(/\p{L}/gu) ?? [];
    return written.every((letter) => letter !== letter.toLowerCase());
  }
}

function hasWord(name: string): boolean {
  return /[\p{L}\p{N}]/u.test(name);
}

/** The matcher of these names; none when no name has a letter or a digit. */
export function nameMatcher(names: readonly string[]): NameMatcher | undefined {
  const matcher = new NameMatcher(names);
  return matcher.names.length ? matcher : undefined;
}
