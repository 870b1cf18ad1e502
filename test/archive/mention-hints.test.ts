// The editor's hints: listed entities the body never mentions, and registered ones it mentions
// without listing them, each at its line, as `npm run check` gives them (a build counts them).
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, test } from "node:test";
import { stat, writeFile } from "node:fs/promises";
import { MentionCache } from "../../src/archive/mention-cache.ts";
import { NameIndex, wordsOf } from "../../src/archive/mention-hints.ts";
import type { Registered } from "../../src/archive/registry.ts";
import { PROJECT_ROOT } from "../../src/config/options.ts";
import type { Slug } from "../../src/content/paths.ts";
import type { ArticleSource, EntitySource } from "../../src/content/validate.ts";
import { buildArchive } from "../../src/archive/build.ts";
import { loadContent } from "../../src/content/load.ts";
import { Problems } from "../../src/content/problems.ts";
import { readSiteConfig } from "../../src/content/site.ts";
import { validateContent } from "../../src/content/validate.ts";
import { renderMarkdownSafely } from "../../src/markdown/render.ts";
import { readArchive } from "../../src/read-archive.ts";
import { article, writeArchive } from "../support/archive.ts";
import { HANG } from "../support/hang.ts";
import { suiteCleanup, tempDir } from "../support/temp.ts";

const temp = suiteCleanup(after);
const FILES = {
  "entities/fbi.md": "---\nname: FBI\naliases: [F.B.I., Federal Bureau of Investigation]\n---\n",
  "entities/dhs.md": "---\nname: DHS\naliases: [Department of Homeland Security]\n---\n",
  "entities/ice.md": "---\nname: ICE\n---\n",
  "entities/cisa.md": "---\nname: CISA\n---\n",
  "articles/a.md": article(
    {
      title: "A",
      date: "2020-01-01",
      author: "Ana Ruiz",
      summary: "S.",
      entities: "\n  - F.B.I.\n  - CISA\n  - Menlo Park",
      tags: "[elections]",
    },
    "The Federal Bureau of Investigation met in Menlo Park.\n\nLater the Department of\nHomeland Security spoke; nobody\nskated on thin ice. `CISA` in code, and [a link](https://cisa.gov/) are not mentions.\n",
  ),
};

test("hints at the line: listed and never mentioned, mentioned and not listed", async () => {
  const root = await writeArchive(FILES, temp);
  const result = await readArchive(root, { includeDrafts: false, mentionHints: true });
  const hints = result.problems.filter((p) => p.rule.startsWith("entity-not"));
  assert.deepEqual(
    hints.map((p) => [p.rule, p.line, p.column, p.message]),
    [
      [
        "entity-not-mentioned",
        8,
        5,
        '"CISA" is listed in entities, but the body never mentions it (by name or alias)',
      ],
      [
        "entity-not-listed",
        15,
        11,
        'the body mentions "Department of Homeland Security" (DHS), a registered entity that entities does not list',
      ],
    ],
  );
  const quiet = await readArchive(root, { includeDrafts: false });
  assert.deepEqual(
    quiet.problems.filter((p) => p.rule.startsWith("entity-not")),
    [],
    "off unless asked for",
  );
});

test("the hints are made while the bodies render, not before", async () => {
  const root = await writeArchive(FILES, temp);
  const problems = new Problems();
  const loaded = await loadContent(root, problems);
  const content = validateContent(loaded.files, problems);
  const site = readSiteConfig(loaded.siteYaml, problems);
  const hintsNow = () => problems.list.filter((p) => p.rule.startsWith("entity-not")).length;
  let hintsWhenAsked = -1;
  let hintsWhenRendered = -1;
  // A stand-in for the Markdown workers: it answers only after the event loop has turned.
  const render = async (jobs: readonly { body: string }[]) => {
    hintsWhenAsked = hintsNow();
    await new Promise(setImmediate);
    hintsWhenRendered = hintsNow();
    return jobs.map((job) => renderMarkdownSafely(job.body));
  };
  const options = { includeDrafts: false, mentionHints: true };
  await buildArchive(content, site, options, problems, render);
  assert.equal(hintsWhenAsked, 0, "the bodies are sent to render before any hint is made");
  assert.equal(hintsWhenRendered, 2, "the hints are made while they render");
  assert.equal(hintsNow(), 2);
});

test("words are folded, keep inner dots, and leave out code and addresses", () => {
  assert.deepEqual(
    wordsOf("The F.B.I. and Zoë's `code` https://x.org/Zoë").map((w) => w.key),
    ["the", "f.b.i", "and", "zoe", "s"],
  );
});

function covidEntry(): Registered<EntitySource> {
  return {
    key: "covid-19",
    name: "COVID-19 pandemic",
    spellings: new Set(["COVID-19 pandemic", "COVID-19"]),
    type: "event",
    slug: "covid-19-pandemic" as Slug,
  };
}

test("an acronym with digits is found in capitals only", () => {
  const index = new NameIndex([covidEntry()]);
  assert.deepEqual([...index.find("The COVID-19 outbreak.").values()], [{ start: 4, end: 12 }]);
  assert.equal(index.find("The covid-19 outbreak.").size, 0);
});

test("the sample archive's entity lists and bodies agree: no hint", async () => {
  const sample = await readArchive(join(PROJECT_ROOT, "content"), {
    includeDrafts: false,
    mentionHints: true,
  });
  assert.deepEqual(
    sample.problems.map((p) => `${p.file}:${p.line} ${p.message}`),
    [],
  );
});

test("the hints' look-ups are kept between builds, and made again when the names change", async () => {
  const root = await writeArchive(FILES, temp);
  const cacheDir = await tempDir(temp, "cache");
  const read = async () => {
    const result = await readArchive(root, { includeDrafts: false, mentionHints: true, cacheDir });
    return result.problems.map((p) => `${p.rule} ${p.line}:${p.column}`);
  };
  const pack = join(cacheDir, "mentions", "pack.json");
  const first = await read();
  assert.equal(first.length, 2);
  const written = await stat(pack);
  assert.deepEqual(await read(), first, "the same hints from the cache");
  assert.equal((await stat(pack)).mtimeMs, written.mtimeMs, "an unchanged pack is not written");

  await writeFile(pack, "damaged");
  assert.deepEqual(await read(), first, "a damaged pack is looked up again");

  // CISA's file gains an alias the body uses: every body is looked up again with it.
  await writeFile(join(root, "entities/cisa.md"), "---\nname: CISA\naliases: [Menlo Park]\n---\n");
  assert.deepEqual(await read(), ["entity-not-listed 15:11"]);
});

test("the mention cache gives back what the index found, by the file's digest", async () => {
  const index = new NameIndex([covidEntry()]);
  const cacheDir = await tempDir(temp, "cache");
  const source = (digest: string, body: string) =>
    ({ file: { digest }, body }) as unknown as ArticleSource;
  const first = await MentionCache.open(cacheDir, index);
  const found = first.find(source("d1", "The COVID-19 outbreak."));
  await first.save();
  const again = await MentionCache.open(cacheDir, index);
  // The digest decides: a file known by it is not read again (here the body is not even there).
  assert.deepEqual(again.find(source("d1", "")), found);
  assert.deepEqual(again.counts, { reused: 1, lookedUp: 0 });
  assert.equal(again.find(source("d2", "No mention.")).size, 0);
  assert.deepEqual(again.counts, { reused: 1, lookedUp: 1 });
});

test("changed names look up again only the bodies that may hold their first word", async () => {
  const cacheDir = await tempDir(temp, "cache");
  const source = (digest: string, body: string) =>
    ({ file: { digest }, body }) as unknown as ArticleSource;
  const bodies = [
    source("york", "The New York Times wrote about New York."),
    source("fbi", "The FBI spoke."),
    source("quiet", "Nothing named here."),
  ];
  const run = async (index: NameIndex<EntitySource>) => {
    const cache = await MentionCache.open(cacheDir, index);
    const found = bodies.map((body) => [...cache.find(body)].map(([e, at]) => [e.key, at.start]));
    await cache.save();
    return { found, counts: cache.counts };
  };
  const names = [entry("fbi", "FBI"), entry("ny", "New York")];
  const first = await run(new NameIndex(names));
  assert.deepEqual(first.found, [[["ny", 4]], [["fbi", 4]], []]);
  assert.deepEqual((await run(new NameIndex(names))).counts, { reused: 3, lookedUp: 0 });

  // A name no body holds: nothing is looked up again.
  const unrelated = await run(new NameIndex([...names, entry("kofi", "Kofi Ostarson")]));
  assert.deepEqual(unrelated.counts, { reused: 3, lookedUp: 0 });
  assert.deepEqual(unrelated.found, first.found);

  // A longer name hides the shorter where it stands: the body that holds it is looked up again.
  const longer = [...names, entry("nyt", "New York Times")];
  const added = await run(new NameIndex(longer));
  assert.deepEqual(added.counts, { reused: 2, lookedUp: 1 });
  assert.deepEqual(added.found, [[["nyt", 4], ["ny", 31]], [["fbi", 4]], []]);

  // Removed, the shorter name is found where the longer one was, as a lookup would find it.
  const removed = await run(new NameIndex(names));
  assert.deepEqual(removed.counts, { reused: 2, lookedUp: 1 });
  assert.deepEqual(removed.found, first.found);

  // An alias moves to another entry: the bodies with its word follow it.
  const moved = await run(new NameIndex([entry("fbi", "FBI"), entry("nyc", "New York")]));
  assert.deepEqual(moved.counts, { reused: 2, lookedUp: 1 });
  assert.deepEqual(moved.found, [[["nyc", 4]], [["fbi", 4]], []]);
});

function entry(key: string, ...spellings: string[]): Registered<EntitySource> {
  const name = spellings[0]!;
  return { key, name, spellings: new Set(spellings), type: "organization", slug: key as Slug };
}

test("a name's words are not apart in the body by punctuation the name does not have", () => {
  const index = new NameIndex([
    entry("nyt", "New York Times"),
    entry("ob", "O'Brien"),
    entry("dhs", "Department of Homeland Security"),
  ]);
  const keys = (text: string) => [...index.find(text).keys()].map((found) => found.key);
  assert.deepEqual(keys("He flew to New York. Times were hard."), []);
  assert.deepEqual(keys("New York, Times Square and O. Brien Street."), []);
  assert.deepEqual(keys("The New York\nTimes and O’Brien."), ["nyt", "ob"]);
  assert.deepEqual(keys("The Department of  Homeland\n Security."), ["dhs"]);
  assert.deepEqual(keys("> The Department of\n> > Homeland Security."), ["dhs"], "quoted");
  assert.deepEqual(keys("The **New York** _Times_."), ["nyt"], "emphasis");
});

test("a comparison is text, not an HTML tag; a soft hyphen does not end a word", () => {
  const index = new NameIndex([entry("fed", "Fed"), entry("apple", "Apple")]);
  const keys = (text: string) => [...index.find(text).keys()].map((found) => found.key);
  assert.deepEqual(keys("Rates < 3% at the Fed, > 2% elsewhere."), ["fed"]);
  assert.deepEqual(keys("At <b>the</b> <!-- Fed --> Apple\u00adbee's."), []);
  assert.deepEqual(keys("Oba\u00adma met Ap\u00adple."), ["apple"]);
});

// Not timed (no test depends on the machine's speed): one look per open comment over this body
// is a few seconds at most, while a look to the end from each of them, as a pattern without
// the `$` alternative would make, is about 2 * 10^12 steps, hours: the hang guard fails it.
test("comments left open hide the rest of the body, and cost one look, not one each", HANG, () => {
  const index = new NameIndex([entry("fed", "Fed")]);
  assert.equal(index.find("The Fed <!-- draft\n\nthe Fed again").size, 1);
  assert.equal(index.find("<!-- open\n\nthe Fed").size, 0);
  const body = "A <!-- x\n".repeat(200_000) + "the Fed ".repeat(1_000_000);
  assert.equal(index.find(body).size, 0, "the first comment left open hides every Fed after it");
});
