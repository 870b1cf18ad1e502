// The search page's headlines index (src/search/headlines.ts): words, buckets, newest headline.
import assert from "node:assert/strict";
import { test } from "node:test";
import { headlineBuckets, headlineWords, nameWords } from "../../src/search/headlines.ts";
import { NAME_BUCKETS, nameBucket } from "../../src/search/names.ts";

test("a headline's words: folded, four letters or more, no numbers, each once", () => {
  assert.deepEqual(headlineWords("Zürich Airport: the 2020 airport BOOM in Zürich"), [
    "zurich",
    "airport",
    "boom",
  ]);
  assert.deepEqual(headlineWords("東京 and Åre"), []);
});

test("each word once, in its first letter's bucket, with the newest headline that has it", () => {
  const articles = [
    { title: "Harbour strike ends", url: "/2021/01/02/ends/" },
    { title: "Harbour strike begins", url: "/2020/05/06/begins/" },
  ];
  const buckets = headlineBuckets(articles);
  assert.equal(buckets.length, NAME_BUCKETS);
  const rows = buckets.flat();
  assert.deepEqual(rows.map(([word]) => word).sort(), ["begins", "ends", "harbour", "strike"]);
  const harbour = buckets[nameBucket("harbour")]!.find(([word]) => word === "harbour");
  assert.deepEqual(harbour, ["harbour", "Harbour strike ends", "/2021/01/02/ends/"]);
  const begins = buckets[nameBucket("begins")]!.find(([word]) => word === "begins");
  assert.equal(begins?.[2], "/2020/05/06/begins/");
});

test("the words of names are left out: the names index suggests those", () => {
  const names = nameWords([{ name: "Harbour Authority", aliases: ["Port Board"] }]);
  assert.deepEqual([...names].sort(), ["authority", "board", "harbour", "port"]);
  const articles = [{ title: "Harbour strike ends at the port", url: "/2021/01/02/ends/" }];
  const words = headlineBuckets(articles, names).flat().map(([word]) => word);
  assert.deepEqual(words.sort(), ["ends", "strike"]);
});
