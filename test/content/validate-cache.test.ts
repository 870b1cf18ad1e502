// The validate stage's cache: a build that takes records and problems from it reads exactly as
// one that validates every file, an edited file is validated again, and a pack or entry that
// is damaged or foreign is ignored and made again, never trusted.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, test } from "node:test";
import { loadContent } from "../../src/content/load.ts";
import type { KeyPath } from "../../src/content/places.ts";
import { Problems } from "../../src/content/problems.ts";
import { type ValidatedContent, validateContent } from "../../src/content/validate.ts";
import { ValidateCache } from "../../src/content/validate-cache.ts";
import { readArchive } from "../../src/read-archive.ts";
import { type ArchiveFiles, article, VALID, writeArchive } from "../support/archive.ts";
import { suiteCleanup, tempDir } from "../support/temp.ts";

const temp = suiteCleanup(after);

/** Every kind of file, record and problem that validation makes, warnings included. */
const FILES: ArchiveFiles = {
  "articles/2020/08/full.md": [
    "---",
    'title: "Full: every key"',
    "date: 2020-08-12T18:30:00-04:00",
    "author: [Ana Ruiz, Li Wei]",
    'summary: "A summary."',
    "entities:",
    "  - FBI",
    "  - { name: Menlo Park, type: place, tpye: x }",
    "tags: [courts, 1984]",
    "updated: 2020-08-14",
    "draft: false",
    "slug: full-story",
    "image: { src: /images/a.png, alt: An image, caption: }",
    "aliases: [/2019/05/old-story/, /old.php]",
    "---",
    "",
    "",
    "The body, *with* Markdown.",
    "",
  ].join("\n"),
  "articles/2020/08/warnings.md": article(
    { title: "T", date: "2020-08-12", author: "A",
      sumary: "x", updated: "2020-08-01", summary: "" },
    "Write the article here.\n",
  ),
  "articles/2020/08/crlf.md": "\uFEFF---\r\ntitle: Windows\r\ndate: 2020-08-13\r\n" +
    "author: Ana Ruiz\r\nsummary: S\r\nentities: [FBI]\r\n---\r\nBody\r\n",
  "articles/2020/08/no-body.md":
    "---\ntitle: No body\ndate: 2020-08-13\nauthor: [Li Wei]\nsummary: S\nentities: FBI\n---",
  "articles/2020/08/draft.md": article({ ...VALID, draft: "true", entities: "[]" }),
  "articles/2020/08/bad-date.md": article({ ...VALID, date: "2020-13-45" }),
  "articles/2020/08/bad-yaml.md": "---\ntitle: A\nsummary: [unclosed\ndate: 2020-01-01\n---\n",
  "articles/2020/08/no-front-matter.md": "Just text.\n",
  "articles/2020/08/same-bytes.md": article(VALID),
  "articles/2021/01/same-bytes.md": article(VALID),
  "entities/fbi.md":
    "---\nname: FBI\naliases: [F.B.I.]\nlinks:\n  - https://www.fbi.gov/\nwebsite: x\n---\n" +
    "The bureau.\n",
  "entities/menlo-park.md": "---\nname: Menlo Park\ntype: place\ndescription: A city.\n---\n",
  "entities/bad.md": "---\nname: Bad\ntype: company\n---\n",
  "authors/ana.md":
    "---\nname: Ana Ruiz\nbio: Reporter.\nlinks: [https://example.org/ana]\n---\nLonger bio.\n",
  "authors/li.md": "---\nname: Li Wei\n---\n",
};

/** What validation gave, with each record's locate() asked about every key path it has. */
async function validated(dir: string, cacheDir?: string) {
  const problems = new Problems();
  const { files } = await loadContent(dir, problems);
  const cache = cacheDir ? await ValidateCache.open(cacheDir) : undefined;
  const content = validateContent(files, problems, cache);
  await cache?.save();
  return { records: comparable(content), problems: problems.list, counts: cache?.counts };
}

function comparable(content: ValidatedContent) {
  const sources = [...content.articles, ...content.entities, ...content.authors];
  return sources.map(({ locate, ...source }) => ({
    ...source,
    places: pathsOf(source.fields).map((path) => [path, locate(path)]),
  }));
}

function pathsOf(value: unknown, base: KeyPath = []): KeyPath[] {
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : value !== null && typeof value === "object" ? Object.entries(value) : [];
  const paths: KeyPath[] = [[...base, "absent"]];
  for (const [key, child] of children) {
    paths.push([...base, key], ...pathsOf(child, [...base, key]));
  }
  return paths;
}

async function archiveWithCache(t: { after(fn: () => Promise<void>): void }) {
  const dir = await writeArchive(FILES, t);
  const cacheDir = join(await tempDir(t, "cache"), ".cache");
  return { dir, cacheDir, pack: join(cacheDir, "validate", "pack.json") };
}

test("records and problems from the cache are those of validating every file", async (t) => {
  const { dir, cacheDir } = await archiveWithCache(t);
  const uncached = await validated(dir);
  const rules = new Set(uncached.problems.map((problem) => problem.rule));
  const exercised = ["unknown-key", "no-summary", "placeholder-body", "updated-before-date",
    "invalid-value", "yaml-syntax", "front-matter-missing"];
  for (const rule of exercised) assert.ok(rules.has(rule), `the archive exercises ${rule}`);
  const cold = await validated(dir, cacheDir);
  assert.deepEqual(cold.counts, { reused: 1, validated: 14 }, "the second same-bytes.md is reused");
  const warm = await validated(dir, cacheDir);
  assert.deepEqual(warm.counts, { reused: 15, validated: 0 });
  for (const run of [cold, warm]) {
    assert.deepEqual(run.problems, uncached.problems);
    assert.deepEqual(run.records, uncached.records);
  }
});

test("a build from the cache reads as one without it: same archive, same problems", async (t) => {
  const { dir, cacheDir } = await archiveWithCache(t);
  await rm(join(dir, "articles/2020/08/bad-date.md"));
  await rm(join(dir, "articles/2020/08/bad-yaml.md"));
  await rm(join(dir, "entities/bad.md"));
  await rm(join(dir, "articles/2021/01/same-bytes.md"));
  const options = { includeDrafts: false, cacheDir };
  const uncached = await readArchive(dir, { includeDrafts: false });
  assert.equal(uncached.ok, false, "no front matter is an error");
  for (let run = 0; run < 2; run++) {
    const cached = await readArchive(dir, options);
    assert.deepEqual(cached.problems, uncached.problems);
    assert.deepEqual(cached.archive, uncached.archive);
  }
});

test("an edited file is validated again; the others come from the cache", async (t) => {
  const { dir, cacheDir } = await archiveWithCache(t);
  await validated(dir, cacheDir);
  const path = join(dir, "articles/2020/08/full.md");
  const text = await readFile(path, "utf8");
  await writeFile(path, text.replace('title: "Full: every key"', "title: Edited\nextra: 1"));
  const edited = await validated(dir, cacheDir);
  assert.deepEqual(edited.counts, { reused: 14, validated: 1 });
  assert.deepEqual(edited, { ...(await validated(dir)), counts: edited.counts });
  const full = edited.records.find(({ file }) => file.relativePath === "articles/2020/08/full.md");
  assert.equal(full && "title" in full.fields && full.fields.title, "Edited");
  const warning = edited.problems.find((problem) => problem.message.includes('"extra"'));
  assert.equal(warning?.line, 3);
});

test("a file moved elsewhere keeps its record and names its new path", async (t) => {
  const { dir, cacheDir } = await archiveWithCache(t);
  await validated(dir, cacheDir);
  await mkdir(join(dir, "articles/2022"));
  await rename(join(dir, "articles/2020/08/warnings.md"), join(dir, "articles/2022/moved.md"));
  const moved = await validated(dir, cacheDir);
  assert.deepEqual(moved.counts, { reused: 15, validated: 0 });
  assert.deepEqual(moved, { ...(await validated(dir)), counts: moved.counts });
  assert.ok(moved.problems.some((problem) => problem.file.endsWith("articles/2022/moved.md")));
});

/** A pack whose checksum matches its body: what only a bug or a forger could write. */
function packWithChecksum(body: string): string {
  return `${createHash("sha256").update(body).digest("base64url")}\n${body}`;
}

interface PackBody {
  salt: string;
  entries: Record<string, unknown>;
}

async function readPackBody(pack: string): Promise<PackBody> {
  const text = await readFile(pack, "utf8");
  return JSON.parse(text.slice(text.indexOf("\n") + 1)) as PackBody;
}

/** The key and entry of full.md, whose title only it has. */
function fullEntry(body: PackBody): [string, unknown] {
  const found = Object.entries(body.entries)
    .find(([, value]) => JSON.stringify(value).includes("Full: every key"));
  assert.ok(found, "full.md is in the pack");
  return found;
}

/** The pack with full.md's entry replaced, under a checksum that matches. */
async function plantEntry(pack: string, replace: (entry: unknown) => unknown): Promise<void> {
  const body = await readPackBody(pack);
  const [key, entry] = fullEntry(body);
  const entries = { ...body.entries, [key]: replace(entry) };
  await writeFile(pack, packWithChecksum(JSON.stringify({ ...body, entries })));
}

/** The entry with one piece of its JSON text replaced. */
const edit = (from: string | RegExp, to: string) => (entry: unknown): unknown =>
  JSON.parse(JSON.stringify(entry).replace(from, to));

test("a sound entry is used as it is", async (t) => {
  const { dir, cacheDir, pack } = await archiveWithCache(t);
  await validated(dir, cacheDir);
  await plantEntry(pack, edit("Full: every key", "From the cache"));
  const { records } = await validated(dir, cacheDir);
  const titles = records.map(({ fields }) => ("title" in fields ? fields.title : undefined));
  assert.ok(titles.includes("From the cache"), titles.join(", "));
});

const DAMAGED: Record<string, (text: string) => string | Promise<string>> = {
  "truncated": (text) => text.slice(0, text.length / 2),
  "empty": () => "",
  "one byte changed": (text) => text.replace("Full: every key", "Full: every kez"),
  "not JSON, with a matching checksum": () => packWithChecksum("{ not json"),
  "of another shape, with a matching checksum": () =>
    packWithChecksum(JSON.stringify({ files: [] })),
  "another code's, with a matching checksum": async (text) => {
    const body = JSON.parse(text.slice(text.indexOf("\n") + 1)) as { salt: string };
    return packWithChecksum(JSON.stringify({ ...body, salt: "another version" }));
  },
};

for (const [name, damage] of Object.entries(DAMAGED)) {
  test(`a pack that is ${name} is ignored, and written again whole`, async (t) => {
    const { dir, cacheDir, pack } = await archiveWithCache(t);
    const expected = await validated(dir);
    await validated(dir, cacheDir);
    await writeFile(pack, await damage(await readFile(pack, "utf8")));
    const after = await validated(dir, cacheDir);
    assert.deepEqual(after.counts, { reused: 1, validated: 14 });
    assert.deepEqual(after, { ...expected, counts: after.counts });
    const again = await validated(dir, cacheDir);
    assert.deepEqual(again.counts, { reused: 15, validated: 0 }, "rewritten");
  });
}

const FOREIGN_ENTRIES: Record<string, (entry: unknown) => unknown> = {
  "a record without its fields": edit('"fields":', '"title":'),
  "a field of the wrong type": edit('"draft":false', '"draft":"no"'),
  "an unknown field": edit('"draft":false', '"draft":false,"extra":1'),
  "a line of zero": edit(/"bodyLine":\d+/, '"bodyLine":0'),
  "a damaged place list": edit('"places":[', '"places":[0,'),
  "another kind's record": edit('"kind":"article"', '"kind":"author"'),
  "a body past the end of the file": edit(/"bodyStart":\d+/, '"bodyStart":99999'),
  "a problem without a message":
    edit('"problems":[', '"problems":[{"severity":"warning","rule":"x","fix":"y"},'),
  "not an object": () => "entry",
};

for (const [name, damage] of Object.entries(FOREIGN_ENTRIES)) {
  test(`an entry with ${name} is validated afresh and replaced`, async (t) => {
    const { dir, cacheDir, pack } = await archiveWithCache(t);
    const expected = await validated(dir);
    await validated(dir, cacheDir);
    await plantEntry(pack, damage);
    const after = await validated(dir, cacheDir);
    assert.deepEqual(after.counts, { reused: 14, validated: 1 });
    assert.deepEqual(after, { ...expected, counts: after.counts });
    const again = await validated(dir, cacheDir);
    assert.deepEqual(again.counts, { reused: 15, validated: 0 }, "replaced");
  });
}

test("a folder where the pack should be is replaced by the pack", async (t) => {
  const { dir, cacheDir, pack } = await archiveWithCache(t);
  await mkdir(pack, { recursive: true });
  await writeFile(join(pack, "inside.txt"), "x");
  assert.deepEqual((await validated(dir, cacheDir)).counts, { reused: 1, validated: 14 });
  assert.deepEqual((await validated(dir, cacheDir)).counts, { reused: 15, validated: 0 });
});

test("entries no file uses any more are dropped from the pack", async (t) => {
  const { dir, cacheDir, pack } = await archiveWithCache(t);
  await validated(dir, cacheDir);
  const before = Object.keys((await readPackBody(pack)).entries).length;
  await rm(join(dir, "authors/li.md"));
  await validated(dir, cacheDir);
  assert.equal(Object.keys((await readPackBody(pack)).entries).length, before - 1);
});
