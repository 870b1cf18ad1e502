// Stage 1, load: the characters a web page may not hold are found and left out, whether the
// quick scan (code units, no `u` flag) or the full one (code points) decides.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  findForbiddenCharacters, withoutForbiddenCharacters,
} from "../../src/content/forbidden-characters.ts";

const cases: [name: string, text: string, found: string | undefined, kept: string][] = [
  ["plain text", "Plain text, über alles.\n", undefined, "Plain text, über alles.\n"],
  ["an emoji (a surrogate pair)", "Cheers 🎉 and 𝔸", undefined, "Cheers 🎉 and 𝔸"],
  ["a vertical tab", "a\u000Bb", "U+000B", "ab"],
  ["a C1 control", "curly \u0093quote", "U+0093", "curly quote"],
  ["a BMP noncharacter", "x\uFDD0y\uFFFE", "U+FDD0", "xy"],
  ["a supplementary noncharacter", "x\u{1FFFE}y\u{10FFFF}", "U+1FFFE", "xy"],
  ["a lone surrogate", "x\uD800y", "U+D800", "xy"],
];

for (const [name, text, found, kept] of cases) {
  test(`forbidden characters: ${name}`, () => {
    assert.equal(findForbiddenCharacters(text)?.first, found);
    assert.equal(withoutForbiddenCharacters(text), kept);
  });
}

test("the first forbidden character's line and column, and the count", () => {
  assert.deepEqual(findForbiddenCharacters("one\ntw\u0007o\u0007"), {
    count: 2, first: "U+0007", at: { line: 2, column: 3 },
  });
});
