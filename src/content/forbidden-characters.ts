// Characters that a web page may not hold (and a feed neither): control characters other than
// white space, lone surrogates and noncharacters. Pasted from a word processor (a vertical tab
// for a line break) or left by a wrong encoding (U+0093 for a curly quote), one such character
// makes every page that shows its text invalid HTML, so content loses them as it is read.
import type { Place } from "./problems.ts";

const SUPPLEMENTARY_NONCHARACTERS = Array.from({ length: 16 }, (_, plane) => {
  const hex = (plane + 1).toString(16).toUpperCase();
  return `\\u{${hex}FFFE}\\u{${hex}FFFF}`;
}).join("");

const FORBIDDEN = new RegExp(
  `[\\u0000-\\u0008\\u000B\\u000E-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF\\uFDD0-\\uFDEF` +
    `\\uFFFE\\uFFFF${SUPPLEMENTARY_NONCHARACTERS}]`,
  "gu",
);

/**
 * Every UTF-16 code unit that can be or begin a forbidden character: the same ranges, and any
 * surrogate (a supplementary noncharacter is a pair of them). Without the `u` flag V8 scans a
 * text three times as fast, and nearly every text holds none of these (a surrogate only in an
 * emoji or another astral character): only a text that does is searched by `FORBIDDEN`. Every
 * source file is searched on every build, 60 MB of text at 10,000 articles.
 */
const MAYBE_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/** The text without the characters a web page may not hold. */
export function withoutForbiddenCharacters(text: string): string {
  if (!MAYBE_FORBIDDEN.test(text)) return text;
  FORBIDDEN.lastIndex = 0;
  return FORBIDDEN.test(text) ? text.replace(FORBIDDEN, "") : text;
}

/** How many forbidden characters the text holds, and the first one with its place. */
export function findForbiddenCharacters(
  text: string,
): { count: number; first: string; at: Required<Place> } | undefined {
  if (!MAYBE_FORBIDDEN.test(text)) return undefined;
  const found = [...text.matchAll(FORBIDDEN)];
  const first = found[0];
  if (!first) return undefined;
  const before = text.slice(0, first.index);
  const line = before.split("\n").length;
  const column = first.index - before.lastIndexOf("\n");
  const code = first[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
  return { count: found.length, first: `U+${code}`, at: { line, column } };
}
