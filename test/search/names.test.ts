// The search page's names index (src/search/names.ts): entries, folding, buckets.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Author, Entity } from "../../src/archive/model.ts";
import {
  foldName,
  NAME_BUCKETS,
  nameBucket,
  nameBuckets,
  nameEntries,
  nameRow,
} from "../../src/search/names.ts";

const entity = (name: string, aliases: string[], articles: number) => {
  const fields = { name, aliases, url: `/entities/${name.toLowerCase()}/`, type: "organization" };
  return { ...fields, articles: Array.from({ length: articles }) } as unknown as Entity;
};
const author = (name: string, articles: number) => {
  const fields = { name, url: `/authors/${name.toLowerCase()}/` };
  return { ...fields, articles: Array.from({ length: articles }) } as unknown as Author;
};

test("names fold case, accents and spacing", () => {
  assert.equal(foldName("  Zürich   Airport "), "zurich airport");
  assert.equal(foldName("ÉCOLE"), "ecole");
  assert.equal(foldName("東京"), "東京");
});

test("a name's bucket depends on its first folded letter only", () => {
  assert.equal(nameBucket("Facebook"), nameBucket("facebok"));
  assert.equal(nameBucket("Émile"), nameBucket("emile"));
  for (const name of ["a", "Z", "東京", "", "😀 emoji"]) {
    const bucket = nameBucket(name);
    assert.ok(Number.isInteger(bucket) && bucket >= 0 && bucket < NAME_BUCKETS, name);
  }
});

test("entries: entities and authors with articles, most articles first", () => {
  const archive = {
    entities: [entity("FBI", ["Federal Bureau of Investigation"], 6), entity("Unused", [], 0)],
    authors: [author("Ana Ruiz", 9)],
  };
  const entries = nameEntries(archive);
  assert.deepEqual(entries.map((entry) => [entry.name, entry.type, entry.count]), [
    ["Ana Ruiz", "author", 9],
    ["FBI", "organization", 6],
  ]);
  assert.deepEqual(entries[1]?.aliases, ["Federal Bureau of Investigation"]);
});

test("an entry is in the bucket of its name and of each alias", () => {
  const fbi = nameEntries({ entities: [entity("FBI", ["Bureau"], 1)], authors: [] });
  const buckets = nameBuckets(fbi);
  assert.equal(buckets.length, NAME_BUCKETS);
  assert.deepEqual(buckets[nameBucket("FBI")], fbi);
  assert.deepEqual(buckets[nameBucket("Bureau")], fbi);
  const holding = buckets.filter((bucket) => bucket.length > 0).length;
  assert.equal(holding, nameBucket("FBI") === nameBucket("Bureau") ? 1 : 2);
});

test("a file's row is the entry without keys, aliases last", () => {
  const [fbi] = nameEntries({ entities: [entity("FBI", ["F.B.I.", "Bureau"], 2)], authors: [] });
  assert.deepEqual(nameRow(fbi!), ["FBI", "/entities/fbi/", "organization", 2, "F.B.I.", "Bureau"]);
});
