// A page's inputs change exactly when what the page shows changes: an article's page with its
// body, the pages that list or link to an article with its headline, and nothing else.
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import type { Archive, Article } from "../../src/archive/model.ts";
import { pageInputs } from "../../src/publish/incremental.ts";
import { jsonReplacingObjects, searchInputText } from "../../src/publish/page-inputs.ts";
import { readArchive } from "../../src/read-archive.ts";
import { article, writeArchive } from "../support/archive.ts";

const LISTS = [
  "articles", "homePages", "years", "months", "authorPages", "entityPages", "entityIndexPages",
] as const;

/** Every page's inputs, by URL, as the page plan hashes them. */
function inputsByUrl(archive: Archive): Map<string, string> {
  const inputs = new Map<string, string>();
  for (const list of LISTS) {
    for (const item of archive[list]) inputs.set(item.url, pageInputs(item));
  }
  return inputs;
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const differ = [...after].filter(([url, inputs]) => before.get(url) !== inputs);
  return differ.map(([url]) => url).sort();
}

/** The pages that show `url` as a list entry or a link: lists, and articles linking to it. */
function pagesShowing(archive: Archive, url: string): string[] {
  const lists = [...archive.homePages, ...archive.months, ...archive.authorPages, ...archive.entityPages];
  const shows = (articles: readonly Article[]) => articles.some((listed) => listed.url === url);
  const listing = lists.filter((list) => shows(list.articles));
  // Every page of an entity names its first and latest mention.
  const mentioning = archive.entityPages.filter(({ profile }) => profile.first?.url === url || profile.latest?.url === url);
  listing.push(...mentioning);
  const years = archive.years.filter((year) => year.months.some((month) => shows(month.articles)));
  const linking = archive.articles.filter((other) => {
    const story = [...(other.story?.earlier ?? []), ...(other.story?.since ?? [])];
    return [...other.related, ...story, other.previous, other.next].some((link) => link?.url === url);
  });
  return [...listing, ...years, ...linking].map((page) => page.url);
}

const FILES: Record<string, string> = { "site.yaml": "title: T\npageSize: 4\n" };
for (let i = 1; i <= 9; i++) {
  const entities = ["[Harbour Board]", "[City Council]", "[Harbour Board, City Council]"][i % 3];
  const author = i % 4 === 0 ? "[Ana Ruiz, Li Wei]" : "Ana Ruiz";
  const fields = { title: `Story ${i}`, date: `2020-0${i}-15`, author, summary: `About ${i}.` };
  FILES[`articles/a${i}.md`] = article({ ...fields, entities: entities! });
}
const EDITED = "articles/a6.md";

async function modelOf(content: string): Promise<Archive> {
  return (await readArchive(content, { includeDrafts: false })).archive;
}

test("a new headline changes its page and the pages listing or linking to it", async (t) => {
  const content = await writeArchive(FILES, t);
  const first = await modelOf(content);
  const edited = first.articles.find((listed) => listed.title === "Story 6")!;
  const headline = FILES[EDITED]!.replace("title: Story 6", "title: Story six");
  await writeFile(join(content, EDITED), headline);
  const second = await modelOf(content);
  const expected = [...new Set([edited.url, ...pagesShowing(first, edited.url)])].sort();
  assert.ok(expected.length > 6, `listed and linked widely: ${expected.join(" ")}`);
  assert.deepEqual(changed(inputsByUrl(first), inputsByUrl(second)), expected);
});

test("a body edit changes the article's own page only", async (t) => {
  const content = await writeArchive(FILES, t);
  const first = await modelOf(content);
  await writeFile(join(content, EDITED), `${FILES[EDITED]}\nOne more paragraph.\n`);
  const second = await modelOf(content);
  assert.deepEqual(changed(inputsByUrl(first), inputsByUrl(second)), ["/2020/06/15/a6/"]);
});

test("the entities index changes when an article names another entity", async (t) => {
  const content = await writeArchive(FILES, t);
  const first = await modelOf(content);
  const index = ["/entities/", "/entities/by-count/"];
  const indexed = (archive: Archive) => archive.entityIndexPages.map((page) => page.url);
  assert.deepEqual(indexed(first), index);
  const named = FILES[EDITED]!.replace(/entities: \[/, "entities: [Port Authority, ");
  await writeFile(join(content, EDITED), named);
  const second = await modelOf(content);
  const changedNow = changed(inputsByUrl(first), inputsByUrl(second));
  assert.deepEqual(changedNow.filter((url) => index.includes(url)), index);
});

test("what an article gives the search index changes with the article, not with its links", async (t) => {
  const content = await writeArchive(FILES, t);
  const searchInputs = (archive: Archive) => {
    return new Map(archive.articles.map((listed) => [listed.url, searchInputText(listed)]));
  };
  const first = await modelOf(content);
  const edited = first.articles.find((listed) => listed.title === "Story 6")!;
  await writeFile(join(content, EDITED), FILES[EDITED]!.replace("title: Story 6", "title: Six"));
  const second = await modelOf(content);
  const linking = pagesShowing(first, edited.url).filter((url) => url !== edited.url);
  assert.ok(linking.some((url) => first.articles.some((listed) => listed.url === url)));
  assert.deepEqual(changed(searchInputs(first), searchInputs(second)), [edited.url]);
  await writeFile(join(content, EDITED), `${FILES[EDITED]}\nOne more paragraph.\n`);
  const third = await modelOf(content);
  assert.deepEqual(changed(searchInputs(second), searchInputs(third)), [edited.url]);
});

test("kept forms of frozen objects equal fresh copies'; unfrozen ones are read anew", async (t) => {
  const { articles, months } = await modelOf(await writeArchive(FILES, t));
  const frozen = articles[0]!;
  assert.ok(Object.isFrozen(frozen) && Object.isFrozen(frozen.date));
  assert.ok(Object.isFrozen(frozen.authors) && Object.isFrozen(frozen.authors[0]));
  const month = (listed: Article) => pageInputs({ ...months[0]!, articles: [listed] });
  const fresh = deepFrozen(structuredClone(frozen));
  assert.equal(month(frozen), month(fresh));
  assert.equal(pageInputs(frozen), pageInputs(fresh));
  const copy = structuredClone(frozen) as Article;
  const before = month(copy);
  copy.title = "Changed in place";
  assert.notEqual(month(copy), before, "a title changed in place shows");
  copy.title = frozen.title;
  copy.date.iso = "1999-01-01";
  assert.notEqual(month(copy), before, "a date changed in place shows");
  const page = pageInputs(copy);
  copy.authors[0]!.name = "Someone Else";
  assert.notEqual(pageInputs(copy), page, "an author renamed in place shows on the article's page");
  const inner = { name: "a" };
  const holder = { url: "/x/", held: [Object.freeze({ inner })] };
  const held = pageInputs(holder);
  inner.name = "b";
  assert.notEqual(pageInputs(holder), held, "what a frozen object holds unfrozen is read anew");
});

function deepFrozen<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const part of Object.values(value)) deepFrozen(part);
    Object.freeze(value);
  }
  return value;
}

test("jsonReplacingObjects writes what JSON.stringify with the same replacer writes", () => {
  const shared = { kind: "shared", at: [1, 2] };
  const values: unknown[] = [
    null,
    3,
    "text",
    [1, [2, { n: 1 }], undefined, () => 1],
    { a: undefined, b: { n: 2 }, c: [shared, shared], d: new Date(0), e: new Map([[1, 2]]) },
    { n: 3, inner: { n: 4 } },
    Object.freeze({ list: Object.freeze([{ n: 5 }, "x"]) }),
    Object.assign(Object.create(null), { z: 1, y: { n: 6 } }),
  ];
  const replace = (value: object) => ("n" in value ? { replaced: value.n } : value);
  const replacer = (_key: string, value: unknown) => {
    return typeof value === "object" && value !== null ? replace(value) : value;
  };
  for (const value of values) {
    assert.equal(jsonReplacingObjects(value, replace), JSON.stringify(value, replacer));
  }
});
