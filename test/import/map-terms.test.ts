// Import, terms: the mapping file written on a first run, read back, honoured, and refused
// with its line when wrong.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { Problems } from "../../src/content/problems.ts";
import {
  addToTermMap, applyTerms, countTerms, readTermMap, termMapText,
} from "../../src/import/map-terms.ts";
import type { SourceTerm } from "../../src/import/source.ts";
import { writeArchive } from "../support/archive.ts";

const news: SourceTerm = { kind: "category", slug: "news", name: "News" };
const filed: SourceTerm = { kind: "category", slug: "uncategorized", name: "Uncategorized" };
const mayor: SourceTerm = { kind: "tag", slug: "mayor", name: "Mayor" };
const colon: SourceTerm = { kind: "tag", slug: "a: b", name: "Q&A: #1" };

test("the first map lists every term with its count, most used first; it reads back", async (t) => {
  const terms = countTerms([{ terms: [news, mayor] }, { terms: [news, filed, colon] }]);
  const text = termMapText(terms);
  assert.match(text,
    /categories:\n {2}news: \{ name: News, type: topic \} # 2 posts\n {2}uncategorized: skip # 1 /);
  assert.match(text, /tags:\n/);
  const dir = await writeArchive({ "map.yaml": text }, t);
  const problems = new Problems();
  const map = await readTermMap(join(dir, "map.yaml"), problems);
  assert.deepEqual(problems.list, []);
  assert.deepEqual(map?.tags["a: b"], { name: "Q&A: #1", type: "topic" }, "awkward names survive");
  assert.deepEqual(applyTerms([news, filed, mayor], map), [
    { name: "News", type: "topic" }, { name: "Mayor", type: "topic" }]);
});

test("an edited map is honoured: renamed, retyped, merged and skipped terms", async (t) => {
  const dir = await writeArchive({ "map.yaml": [
    "categories:",
    "  news: skip",
    "tags:",
    "  mayor: { name: Office of the Mayor, type: organization }",
    "  a: b: { name: Office of the Mayor, type: organization }",
  ].join("\n").replace("  a: b:", '  "a: b":') }, t);
  const map = await readTermMap(join(dir, "map.yaml"), new Problems());
  assert.deepEqual(applyTerms([news, mayor, colon], map), [
    { name: "Office of the Mayor", type: "organization" }]);
});

test("a wrong map is refused with the file, the line and how to fix it", async (t) => {
  const wrong = "tags:\n  mayor: { name: Mayor, type: mayor }\n";
  const dir = await writeArchive({ "map.yaml": wrong }, t);
  const problems = new Problems();
  assert.equal(await readTermMap(join(dir, "map.yaml"), problems), undefined);
  assert.equal(problems.errors.length, 1);
  const [problem] = problems.errors;
  assert.equal(problem!.line, 2);
  assert.match(problem!.message, /tags\.mayor/);
  assert.match(problem!.fix, /skip/);
});

test("no map yet: none is read, and defaults apply", async (t) => {
  const dir = await writeArchive({}, t);
  assert.equal(await readTermMap(join(dir, "none.yaml"), new Problems()), undefined);
  assert.deepEqual(applyTerms([filed, mayor], undefined), [{ name: "Mayor", type: "topic" }]);
});

test("new terms join an edited map with their counts; the editor's lines stay as written",
  async (t) => {
    const edited = [
      "# My notes on the map.",
      "categories:",
      "  news: skip # we file by tag",
      "tags:",
      "  mayor: { name: Office of the Mayor, type: organization } # 12 posts",
      "",
    ].join("\n");
    const floods: SourceTerm = { kind: "tag", slug: "floods", name: "Floods" };
    const added = addToTermMap(edited, [
      { ...floods, count: 1 }, { ...colon, count: 3 }, { ...filed, count: 2 }]);
    assert.equal(added, [
      "# My notes on the map.",
      "categories:",
      "  news: skip # we file by tag",
      "  uncategorized: skip # 2 posts, new in this export",
      "tags:",
      "  mayor: { name: Office of the Mayor, type: organization } # 12 posts",
      '  "a: b": { name: "Q&A: #1", type: topic } # 3 posts, new in this export',
      "  floods: { name: Floods, type: topic } # 1 post, new in this export",
      "",
    ].join("\n"));
    const dir = await writeArchive({ "map.yaml": added }, t);
    const problems = new Problems();
    const map = await readTermMap(join(dir, "map.yaml"), problems);
    assert.deepEqual(problems.list, []);
    assert.deepEqual(applyTerms([news, mayor, colon, floods], map), [
      { name: "Office of the Mayor", type: "organization" },
      { name: "Q&A: #1", type: "topic" }, { name: "Floods", type: "topic" }]);
  });

test("new terms fill an empty section, a missing one, and an empty map", () => {
  const floods = { kind: "tag", slug: "floods", name: "Floods", count: 2 } as const;
  const news2 = { ...news, count: 1 };
  assert.equal(addToTermMap("categories: {}\ntags: {}\n", [floods]),
    "categories: {}\ntags:\n  floods: { name: Floods, type: topic } # 2 posts, new in this " +
    "export\n");
  assert.equal(addToTermMap("tags:\n  x: skip\n", [news2]),
    "tags:\n  x: skip\ncategories:\n  news: { name: News, type: topic } # 1 post, new in " +
    "this export\n");
  assert.match(addToTermMap("", [floods]), /^tags:\n {2}floods: /);
});
