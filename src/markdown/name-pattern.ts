// How a name is found in running text: as a whole word (or words), in any case, with or
// without its accents. Shared by mention linking (plugins/rehype-entity-mentions.ts) and by
// the editor's hints, so that both find the same mentions.
//
// Hand-written: the libraries that fold accents (diacritics, fuse.js…) compare strings, they
// do not build a pattern that finds a name in text and keeps the text as written.

/** A letter or a digit: a name found next to one is inside a longer word. */
const WORD_CHAR = String.raw`[\p{L}\p{N}]`;

/**
 * A name written in capitals only ("ICE", "F.B.I.", "SNAP") is an acronym: it is found only
 * in capitals, as "ice" and "snap" are everyday words. Other names are found in any case.
 */
export function isAcronym(name: string): boolean {
  const letters = name.match(/\p{L}/gu) ?? [];
  return (
    letters.length >= 2 &&
    letters.every((letter) => letter === letter.toUpperCase() && letter !== letter.toLowerCase())
  );
}

/** A character without its accents, in lower case: "É" is "e". */
export function foldLetter(char: string): string {
  return char.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Letters with accents of the Latin script, by the letter they fold to; made once. */
let accented: Map<string, string[]> | undefined;

function accentedForms(): Map<string, string[]> {
  if (accented) return accented;
  accented = new Map();
  const ranges: [number, number][] = [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      const char = String.fromCodePoint(code);
      const base = foldLetter(char);
      if (base.length !== 1 || base === char.toLowerCase()) continue;
      accented.set(base, [...(accented.get(base) ?? []), char]);
    }
  }
  return accented;
}

function escapeInClass(char: string): string {
  return /[\\\]^-]/.test(char) ? `\\${char}` : char;
}

/** One letter of a name, as any of its accented and cased forms. */
function letterPattern(letter: string, acronym: boolean): string {
  const base = foldLetter(letter);
  const forms = new Set([letter, letter.toLowerCase(), letter.toUpperCase()]);
  if (base.length === 1) {
    for (const form of [base, ...(accentedForms().get(base) ?? [])]) {
      forms.add(form);
      forms.add(form.toUpperCase());
    }
  }
  const allowed = [...forms].filter((form) => !acronym || form !== form.toLowerCase());
  // Combining marks may follow a letter when the text is decomposed (NFD).
  return `[${allowed.map(escapeInClass).join("")}]\\p{M}*`;
}

const APOSTROPHES = "'’ʼ";
const HYPHENS = "-‐‑–";

/** The pattern (no flags, no boundaries) of one name; spaces match any run of white space. */
export function namePattern(name: string): string {
  const acronym = isAcronym(name);
  let pattern = "";
  for (const char of name.normalize("NFC").trim().replace(/\s+/g, " ")) {
    if (char === " ") pattern += String.raw`\s+`;
    else if (APOSTROPHES.includes(char)) pattern += `[${APOSTROPHES}]`;
    else if (HYPHENS.includes(char))
      pattern += `[${escapeInClass(HYPHENS[0]!)}${HYPHENS.slice(1)}]`;
    else if (/\p{L}/u.test(char)) pattern += letterPattern(char, acronym);
    else pattern += char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return pattern;
}

export interface NameMatcher {
  /** Finds names from left to right; at one place, the longest. Global and Unicode. */
  regexp: RegExp;
  /** The name each capture group stands for: group i + 1 is names[i]. */
  names: string[];
}

/**
 * One expression for many names, each a capture group, longest first so that at one place
 * the longest name wins ("Department of Homeland Security" over "Homeland Security"). A name
 * must not touch a letter or a digit on either side: "Apple" is not found in "Applebee's".
 */
export function nameMatcher(names: readonly string[]): NameMatcher | undefined {
  const usable = [
    ...new Set(names.map((name) => name.trim()).filter((name) => /[\p{L}\p{N}]/u.test(name))),
  ];
  if (usable.length === 0) return undefined;
  usable.sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  const groups = usable.map((name) => `(${namePattern(name)})`).join("|");
  const regexp = new RegExp(`(?<!${WORD_CHAR})(?:${groups})(?!${WORD_CHAR}|\\p{M})`, "gu");
  return { regexp, names: usable };
}

/** Which of the matcher's names a match is: the first capture group that took part. */
export function matchedName(matcher: NameMatcher, groups: readonly unknown[]): string | undefined {
  const index = groups.findIndex((group) => typeof group === "string");
  return index < 0 ? undefined : matcher.names[index];
}
