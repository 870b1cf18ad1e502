// Incremental publishing never trades correctness for speed: after any change, a rebuild over
// the previous site gives, byte for byte, the site a cold build of the same content gives.
import assert from "node:assert/strict";
import { HANG } from "../support/hang.ts";
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { MANIFEST_FILE, pageInputs } from "../../src/publish/incremental.ts";
import { PROJECT_ROOT, readTree, runBuild, TEST_NOW } from "../support/build.ts";
import { article, writeArchive } from "../support/archive.ts";
import { drawnPng } from "../support/images.ts";

type Change = [what: string, make: (content: string) => Promise<void>, everyPage?: "every page changes"];

const ARTICLE = "articles/2019/09/facebook-hosts-election-security-meeting.md";
const LEAD_ARTICLE = "articles/2020/08/wsws-report-links-tech-security-meetings.md";
const edit = async (file: string, change: (text: string) => string) => writeFile(file, change(await readFile(file, "utf8")));

/** The build's moment (`DATELINE_NOW`): the home page's "On this day" is its day's. */
let now = TEST_NOW;

const CHANGES: Change[] = [
  // 14 August shows the sample's article of 14 August 2020; the 15th has none.
  ["the build's day moving on", async () => void (now = "2021-08-15T12:00:00Z")],
  ["the build's day coming round again", async () => void (now = "2022-08-14T12:00:00Z")],
  ["editing a body", (c) => edit(join(c, ARTICLE), (text) => `${text}\nOne more paragraph.\n`)],
  ["editing a title", (c) => edit(join(c, ARTICLE), (text) => text.replace(/^title: .*$/m, 'title: "A new headline"'))],
  ["editing a date within its day", (c) => edit(join(c, ARTICLE), (text) => text.replace(/^date: .*$/m, "date: 2019-09-05T23:00:00-04:00"))],
  ["editing the authors", (c) => edit(join(c, ARTICLE), (text) => text.replace(/^author: .*$/m, "author: [Someone New, Maria Okafor]"))],
  ["editing the entities", (c) => edit(join(c, ARTICLE), (text) => text.replace(/^entities:/m, "entities:\n  - A Brand New Entity"))],
  ["adding an article", (c) => writeFile(join(c, "articles/2020/added.md"), '---\ntitle: "Added"\ndate: 2020-02-02\nauthor: Maria Okafor\nsummary: "New."\nentities: [FBI]\n---\n\nNew text.\n')],
  ["renaming an article, its old URL an alias", async (c) => {
    await rename(join(c, "articles/2020/added.md"), join(c, "articles/2020/renamed.md"));
    await edit(join(c, "articles/2020/renamed.md"), (text) => text.replace("---\n", "---\naliases: [/2020/02/02/added/]\n"));
  }],
  ["deleting an article, its URL withdrawn", async (c) => {
    await rm(join(c, "articles/2020/renamed.md"));
    await edit(join(c, "site.yaml"), (text) => `${text}\nwithdrawn:\n  - { url: /2020/02/02/renamed/, date: 2021-01-01 }\n  - { url: /2020/02/02/added/, date: 2021-01-01 }\n  - { url: /2020/02/, date: 2021-01-01 }\n`);
  }],
  ["changing an entity file", (c) => edit(join(c, "entities/fbi.md"), (text) => text.replace(/^description: .*$/m, 'description: "Changed."'))],
  ["changing site.yaml's page size", (c) => edit(join(c, "site.yaml"), (text) => text.replace(/^pageSize: 3$/m, "pageSize: 4"))],
  ["changing site.yaml's title", (c) => edit(join(c, "site.yaml"), (text) => text.replace(/^title: .*$/m, "title: Another Title")), "every page changes"],
  // The map is the edited article's lead image and in the body of one of 2020.
  ["replacing an image file", (c) => writeFile(join(c, "static/images/meeting-map.png"), drawnPng(1200, 675))],
  ["changing an article's image", (c) => edit(join(c, ARTICLE), (text) => text.replace("/images/meeting-map.png", "/images/meetings-timeline.png"))],
  // The lead story of the front page, which shows its image with its alt text.
  ["describing the lead story's image anew", (c) => edit(join(c, LEAD_ARTICLE), (text) => text.replace(/^  alt: "Timeline.*$/m, '  alt: "A timeline of four meetings"'))],
  // An image on the web is shown as written, the lists' thumbnails and the front page's lead
  // by its address: a new address renders them again.
  ["putting the lead story's image on the web", (c) => edit(join(c, LEAD_ARTICLE), (text) => text.replace("/images/meetings-timeline.png", "https://example.org/timeline.png"))],
  ["moving the lead story's web image", (c) => edit(join(c, LEAD_ARTICLE), (text) => text.replace("https://example.org/timeline.png", "https://example.org/timeline-2.png"))],
  // Shown on the entity's page, and as its link preview.
  ["replacing an entity's image file", (c) => writeFile(join(c, "static/images/entities/menlo-park.png"), drawnPng(800, 800, "#2f5d50"))],
  ["changing an entity's image", (c) => edit(join(c, "entities/washington-dc.md"), (text) => text.replace("entities/washington-dc.png", "entities/menlo-park.png").replace(/^  alt: .*$/m, '  alt: "A map"'))],
  ["changing a static file", async (c) => {
    await mkdir(join(c, "static"), { recursive: true });
    await writeFile(join(c, "static/note.txt"), "changed");
  }],
  // Its feed has no entry, and is dated by the archive's newest article: the next change's.
  ["adding an entity file no article names", (c) => writeFile(join(c, "entities/harbour-board.md"), "---\nname: Harbour Board\n---\n")],
  // Only the pages that list every year show the new one: not every page changes.
  ["adding the first article of a new year", async (c) => {
    await mkdir(join(c, "articles/2031"));
    await writeFile(join(c, "articles/2031/first.md"), '---\ntitle: "A new year"\ndate: 2031-01-02\nauthor: Maria Okafor\n---\n\nText.\n');
  }],
];

/**
 * The search shards (five years each) that a change indexes again: the sample article edited
 * above is from 2019, the one added, renamed and deleted from 2020. What an article gives the
 * index is its own page without its links to other articles, so a change to one article
 * indexes its shard and no other, even where the related articles' pages change. An entity's
 * description is in the bodies that link to it (src/markdown/plugins/rehype-entity-mentions.ts).
 */
const SHARDS_INDEXED: Record<string, string> = {
  "the build's day moving on": "none",
  "the build's day coming round again": "none",
  "editing a body": "2015-2019",
  "editing a title": "2015-2019",
  "editing a date within its day": "2015-2019",
  "editing the authors": "2015-2019",
  "editing the entities": "2015-2019",
  "adding an article": "2020-2024",
  "renaming an article, its old URL an alias": "2020-2024",
  "deleting an article, its URL withdrawn": "2020-2024",
  // The description is the title of the links to it in the bodies of the articles naming it.
  "changing an entity file": "2020-2024, 2015-2019",
  "changing site.yaml's page size": "none",
  "changing site.yaml's title": "2020-2024, 2015-2019",
  "replacing an image file": "2020-2024, 2015-2019",
  "changing an article's image": "2015-2019",
  // The image's alt text is the search result's (Pagefind's image_alt).
  "describing the lead story's image anew": "2020-2024",
  "putting the lead story's image on the web": "2020-2024",
  "moving the lead story's web image": "2020-2024",
  "replacing an entity's image file": "none",
  "changing an entity's image": "none",
  "changing a static file": "none",
  "adding the first article of a new year": "2030-2034",
};

/** The entities index (by name, by count) is re-rendered when its names or counts change. */
const INDEX = ["entities/by-count/index.html", "entities/index.html"];
const INDEX_CHANGES: Record<string, string[]> = {
  "editing a body": [],
  "editing a title": [],
  "editing the entities": INDEX,
};

/** Pages a change must render again, among others: what shows the image changed. */
const SHOWN: Record<string, string[]> = {
  "describing the lead story's image anew": ["index.html"],
  "putting the lead story's image on the web": ["index.html"],
  "moving the lead story's web image": ["index.html"],
  "replacing an entity's image file": ["entities/menlo-park/index.html"],
  "changing an entity's image": ["entities/washington-dc/index.html"],
};

test("after each kind of change, a rebuild equals a cold build, byte for byte", HANG, async (t) => {
  const parent = await mkdtemp(join(tmpdir(), "dateline-incremental-"));
  t.after(() => rm(parent, { recursive: true, force: true }));
  const content = join(parent, "content");
  await cp(join(PROJECT_ROOT, "content"), content, { recursive: true });
  await edit(join(content, "site.yaml"), (text) => `${text}\npageSize: 3\n`);
  const site = join(parent, "site");
  const first = await runBuild(content, site);
  assert.equal(first.code, 0, first.stderr);

  for (const [what, make, everyPage] of CHANGES) {
    const before = await manifestPages(site);
    await make(content);
    const rebuild = await runBuild(content, site, { DATELINE_NOW: now });
    assert.equal(rebuild.code, 0, `${what}: ${rebuild.stderr}`);
    if (what.startsWith("the build's day")) {
      const changed = await changedPages(before, site);
      assert.deepEqual(changed, ["index.html"], `${what}: the home page alone`);
    }
    const index = INDEX_CHANGES[what];
    if (index !== undefined) {
      const changed = (await changedPages(before, site)).filter((file) => INDEX.includes(file));
      assert.deepEqual(changed, index, `${what}: the entities index pages whose inputs changed`);
    }
    for (const page of SHOWN[what] ?? []) {
      assert.ok((await changedPages(before, site)).includes(page), `${what}: ${page} changes`);
    }
    const reused = /unchanged since the last build: (\d+)/.exec(rebuild.stdout)?.[1];
    assert.equal(reused === "0", everyPage !== undefined, `${what}: ${reused} pages reused`);
    const shards = /Search shards indexed: (.*); unchanged: (.*)…/.exec(rebuild.stderr);
    if (what in SHARDS_INDEXED) assert.equal(shards?.[1], SHARDS_INDEXED[what], `${what}: shards indexed`);
    const cold = join(parent, "cold");
    const coldEnv = { DATELINE_CACHE_DIR: join(parent, "cold-cache"), DATELINE_NOW: now };
    const coldRun = await runBuild(content, cold, coldEnv);
    assert.equal(coldRun.code, 0, `${what}: ${coldRun.stderr}`);
    assert.deepEqual(comparable(await readTree(site)), comparable(await readTree(cold)), what);
    assert.deepEqual(await manifestFiles(site), await siteFiles(site), `${what}: the manifest lists every file`);
    await rm(cold, { recursive: true });
  }
});

/**
 * A young newest span is one shard with the five years before it (src/search/shards.ts): its
 * first article joins the two, and the one that takes it past a fifth of them splits them.
 * Neither re-renders an older article's page, which does not name its shard (the highlight
 * script is at one place for all: src/search/index-shards.ts), and a rebuild equals a cold one.
 */
test("a young newest span joins the shard before it, then splits from it", HANG, async (t) => {
  const parent = await mkdtemp(join(tmpdir(), "dateline-incremental-"));
  t.after(() => rm(parent, { recursive: true, force: true }));
  const story = (date: string, i: number) => {
    const fields = { title: `"Harbour report ${i}"`, date, author: "Ana Ruiz", summary: "A." };
    return [`articles/harbour-${i}.md`, article(fields, `The harbour report ${i}.\n`)];
  };
  // Six articles of 2020-2024: the 2026 one is fewer than a fifth of them, two are not.
  const dates = [
    "2021-01-05", "2021-04-05", "2022-02-05", "2022-09-05", "2023-03-05", "2024-06-05",
  ];
  const content = await writeArchive(
    { "site.yaml": "title: Harbour\n", ...Object.fromEntries(dates.map(story)) },
    join(parent, "content"),
  );
  const site = join(parent, "site");
  assert.equal((await runBuild(content, site)).code, 0);
  const page = "2021/01/05/harbour-0/index.html";
  const before = await readFile(join(site, page), "utf8");
  const steps = [
    ["2026-02-01", "2020-2029"],
    // 2020-2024 as it was is in the spare the build starts from (the site before the join).
    ["2026-03-01", "2025-2029"],
  ] as const;
  for (const [date, indexed] of steps) {
    await writeArchive(Object.fromEntries([story(date, dates.length)]), content);
    dates.push(date);
    const rebuild = await runBuild(content, site);
    assert.equal(rebuild.code, 0, `${date}: ${rebuild.stderr}`);
    const shards = /Search shards indexed: (.*); unchanged: (.*)…/.exec(rebuild.stderr);
    assert.equal(shards?.[1], indexed, `${date}: shards indexed`);
    assert.equal(await readFile(join(site, page), "utf8"), before, `${date}: an older page`);
    const highlight = join(site, "pagefind", "pagefind-highlight.js");
    assert.ok((await stat(highlight)).size > 0, `${date}: the highlight script`);
    const cold = join(parent, "cold");
    const coldEnv = { DATELINE_CACHE_DIR: join(parent, "cold-cache") };
    const coldRun = await runBuild(content, cold, coldEnv);
    assert.equal(coldRun.code, 0, `${date}: ${coldRun.stderr}`);
    assert.deepEqual(comparable(await readTree(site)), comparable(await readTree(cold)), date);
    await rm(cold, { recursive: true });
  }
});

type ManifestPages = Record<string, [string, number]>;

async function manifestPages(site: string): Promise<ManifestPages> {
  const manifest = JSON.parse(await readFile(join(site, MANIFEST_FILE), "utf8"));
  return (manifest as { pages: ManifestPages }).pages;
}

/** The pages whose inputs differ from `before` in the site's manifest. */
async function changedPages(before: ManifestPages, site: string): Promise<string[]> {
  const after = await manifestPages(site);
  return Object.keys(after).filter((file) => before[file]?.[0] !== after[file]![0]).sort();
}

/**
 * The files the manifest says the site has besides the search index, which the next build that
 * starts from this folder relies on to remove what is stale, and the files it has.
 */
async function manifestFiles(site: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(site, MANIFEST_FILE), "utf8")) as { pages: object; others: string[] };
  return [...Object.keys(manifest.pages), ...manifest.others].sort();
}

async function siteFiles(site: string): Promise<string[]> {
  const files = [...(await readTree(site)).keys()];
  return files.filter((file) => !file.startsWith("pagefind/") && file !== MANIFEST_FILE).sort();
}

/** The site's files as text, for a readable diff. */
function comparable(tree: Map<string, Buffer>): Record<string, string> {
  return Object.fromEntries([...tree].map(([file, bytes]) => [file, file.startsWith("pagefind/") ? bytes.toString("base64") : bytes.toString("utf8")]));
}

test("a page's inputs are what it shows: a listed article only as a list shows it", () => {
  const article = { url: "/a/", title: "A", date: { iso: "2020-01-01" }, authors: [], draft: false, html: "<p>1</p>", wordCount: 1, related: [] };
  const entity = { name: "E", articles: [article] };
  const edited = { ...article, html: "<p>2</p>", wordCount: 2 };
  assert.notEqual(pageInputs(article), pageInputs(edited), "the article's own page changes");
  assert.equal(pageInputs(entity), pageInputs({ ...entity, articles: [edited] }), "the entity page lists it the same");
  assert.notEqual(pageInputs(entity), pageInputs({ ...entity, articles: [{ ...article, title: "B" }] }));
});

test("a damaged or foreign manifest, or a page edited by hand, is rendered again, never reused", HANG, async (t) => {
  const parent = await mkdtemp(join(tmpdir(), "dateline-incremental-"));
  t.after(() => rm(parent, { recursive: true, force: true }));
  const content = join(parent, "content");
  await cp(join(PROJECT_ROOT, "content"), content, { recursive: true });
  const site = join(parent, "site");
  assert.equal((await runBuild(content, site)).code, 0);
  // The first build's spare (src/publish/atomic.ts, makeSpare) would hold good pages for the
  // next build, whatever the site's manifest says: the first damages are the site's alone.
  await rm(join(parent, ".site.spare"), { recursive: true, force: true });
  const good = await readFile(join(site, MANIFEST_FILE), "utf8");
  const page = "2019/09/05/facebook-hosts-election-security-meeting/index.html";
  const original = await readFile(join(site, page), "utf8");
  const damages: [string, () => Promise<void>, RegExp][] = [
    ["truncated", () => writeFile(join(site, MANIFEST_FILE), good.slice(0, 100)), /: 0\./],
    ["of another shape", () => writeFile(join(site, MANIFEST_FILE), JSON.stringify({ version: 1, pages: [] })), /: 0\./],
    ["a folder", async () => {
      await rm(join(site, MANIFEST_FILE));
      await mkdir(join(site, MANIFEST_FILE));
    }, /: 0\./],
    ["a page edited by hand", () => writeFile(join(site, page), "<p>defaced</p>"), /: [1-9]\d*\./],
    ["a page truncated", async () => writeFile(join(site, page), original.slice(0, 50)), /: [1-9]\d*\./],
    ["a search shard edited by hand", () => writeFile(join(site, shardFile), "{}"), /: [1-9]\d*\./],
    // The site before the published one, kept beside it for the next build to start from.
    ["the spare's manifest truncated", () => writeFile(join(spare, MANIFEST_FILE), "{"), /: [1-9]\d*\./],
    ["a page of the spare edited by hand", () => writeFile(join(spare, page), "<p>x</p>"), /: [1-9]\d*\./],
    ["a search shard of the spare edited by hand", () => writeFile(join(spare, shardFile), "{}"), /: [1-9]\d*\./],
  ];
  const spare = join(parent, ".site.spare");
  const shardFile = "pagefind/2015-2019/pagefind-entry.json";
  const shardEntry = await readFile(join(site, shardFile), "utf8");
  const everyShard = /Search shards indexed: 2020-2024, 2015-2019; unchanged: none…/;
  const indexed: Record<string, RegExp> = {
    "a page edited by hand": /Search shards indexed: none; unchanged: 2020-2024, 2015-2019…/,
    "a page truncated": /Search shards indexed: none; unchanged: 2020-2024, 2015-2019…/,
    "a search shard edited by hand": /Search shards indexed: 2015-2019; unchanged: 2020-2024…/,
    "the spare's manifest truncated": /Search shards indexed: none; unchanged: 2020-2024, 2015-2019…/,
    "a page of the spare edited by hand": /Search shards indexed: none; unchanged: 2020-2024, 2015-2019…/,
    // Written in place, through a hard link that the two sites share: both bundles are damaged.
    "a search shard of the spare edited by hand": /Search shards indexed: 2015-2019; unchanged: 2020-2024…/,
  };
  for (const [what, damage, reused] of damages) {
    await damage();
    const run = await runBuild(content, site);
    assert.equal(run.code, 0, `${what}: ${run.stderr}`);
    assert.match(run.stdout, new RegExp(`unchanged since the last build${reused.source}`), what);
    assert.equal(await readFile(join(site, page), "utf8"), original, what);
    assert.match(run.stderr, indexed[what] ?? everyShard, `${what}: shards indexed`);
    assert.equal(await readFile(join(site, shardFile), "utf8"), shardEntry, what);
  }
});

test("a link planted where the spare site is kept is never followed", HANG, async (t) => {
  const parent = await mkdtemp(join(tmpdir(), "dateline-incremental-"));
  t.after(() => rm(parent, { recursive: true, force: true }));
  const content = join(parent, "content");
  await cp(join(PROJECT_ROOT, "content"), content, { recursive: true });
  const elsewhere = join(parent, "elsewhere");
  await mkdir(elsewhere);
  await writeFile(join(elsewhere, "keep.txt"), "mine");
  await symlink(elsewhere, join(parent, ".site.spare"));
  const site = join(parent, "site");
  for (const build of ["first", "second"]) {
    const run = await runBuild(content, site);
    assert.equal(run.code, 0, `${build}: ${run.stderr}`);
    assert.deepEqual(await readdir(elsewhere), ["keep.txt"], `${build} build wrote into the link's target`);
  }
});
