// The mention cache's Bloom filter of a body's words: never a false "no", seldom a false "yes".
import assert from "node:assert/strict";
import { test } from "node:test";
import { WordFilter } from "../../src/archive/word-filter.ts";

const words = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}`);

test("every word put in is said to be there, after a round trip through its text too", () => {
  const held = words("word", 400);
  const filter = WordFilter.of(held);
  const again = WordFilter.parse(filter.toString());
  assert.ok(again);
  for (const word of held) {
    assert.ok(filter.mayHave(word), word);
    assert.ok(again.mayHave(word), word);
  }
});

test("few words that are not there are said to be (about 1 in 33 by design)", () => {
  const filter = WordFilter.of(words("word", 400));
  const wrong = words("other", 10_000).filter((word) => filter.mayHave(word)).length;
  assert.ok(wrong < 500, `${wrong} of 10,000 absent words said to be there`);
  assert.equal(WordFilter.of([]).mayHave("anything"), false);
});

test("eight bits a word; a damaged or foreign text is no filter", () => {
  assert.equal(WordFilter.of(words("w", 750)).toString().length, Math.ceil((750 * 4) / 3));
  assert.equal(WordFilter.parse("not base64url!"), undefined);
  assert.equal(WordFilter.parse("AAAA"), undefined, "shorter than the smallest filter");
});
