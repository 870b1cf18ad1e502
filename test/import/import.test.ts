// Import end to end, as an editor runs it: `npm run import` on a WordPress export and on feeds,
// then the real build, then the site checked; a second run, an editor's change and an edited
// mapping file.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { appendFile, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { readSource } from "../../src/import/read-source.ts";
import {
  fileForUrl, listFiles, PROJECT_ROOT, readTree, runBuild, runCommand,
} from "../support/build.ts";
import { writeArchive } from "../support/archive.ts";
import { drawnPng } from "../support/images.ts";
import { serveStatic } from "../support/static-server.ts";
import { tempDir } from "../support/temp.ts";

const FIXTURES = join(PROJECT_ROOT, "test/fixtures/import");
const WXR = join(FIXTURES, "wordpress-export.xml");

interface Imported {
  file: string;
  fields: { title: string; date: string; draft?: boolean; aliases?: string[];
    entities?: { name: string; type: string }[] };
}

function runImport(content: string, args: string[]) {
  return runCommand("src/cli/import.ts", args, { CONTENT_DIR: content, INIT_CWD: PROJECT_ROOT });
}

async function readArticles(content: string): Promise<Imported[]> {
  const files = (await listFiles(join(content, "articles"))).filter((file) => file.endsWith(".md"));
  return Promise.all(files.map(async (file) => {
    const text = await readFile(join(content, "articles", file), "utf8");
    return { file, fields: parse(text.split("---\n")[1]!) as Imported["fields"] };
  }));
}

function articleUrl(article: Imported): string {
  const [y, m, d] = article.fields.date.slice(0, 10).split("-");
  const slug = article.file.slice(article.file.lastIndexOf("/") + 1, -3);
  return `/${y}/${m}/${d}/${slug}/`;
}

/**
 * Entity files an editor wrote before any import: one holding a tag's name as an alias, one
 * at the path a tag's entity would have.
 */
const EDITORS_ENTITIES = {
  "entities/port.md": "---\nname: Port of the City\ntype: place\naliases: [harbour]\n---\n\n" +
    "Written by the editor.\n",
  "entities/budget.md": "---\nname: City Budget\ntype: topic\n---\n\nThe editor's budget.\n",
};

async function importedArchive(t: Parameters<typeof tempDir>[0]) {
  const parent = await tempDir(t, "import");
  const content = join(parent, "content");
  await writeArchive(EDITORS_ENTITIES, content);
  // Real images (PNG bytes; the build reads what a file holds, whatever its name says).
  const files = { "2013/03/bridge.jpg": drawnPng(40, 30), "2019/04/harbour.jpg": drawnPng(40, 30),
    "2013/03/bridge-river.jpg": drawnPng(40, 30, "#1a5fc8") };
  const uploads = await writeArchive(files,
    join(parent, "uploads"));
  const run = await runImport(content, [WXR, "--uploads", uploads]);
  assert.equal(run.code, 0, run.stderr);
  return { parent, content, uploads, run };
}

test("a WordPress export builds, every old link kept, nothing unpublished", async (t) => {
  const { parent, content, run } = await importedArchive(t);
  assert.match(run.stdout, new RegExp(String.raw`^Imported 18 posts from .*wordpress-export\.xml ` +
    String.raw`\(WordPress export \(WXR 1\.2\)\), 5 of them as drafts\.`, "m"));
  assert.match(run.stdout,
    /Not imported: 1 post in WordPress's trash, 1 page, 2 attachments \(media\), 1 menu item\./);
  assert.match(run.stdout,
    /xml:\d+ \(item 3\) {2}"2013-01-04: This post has no title, .*it has no title/);
  assert.match(run.stdout, new RegExp(String.raw`wordpress-export\.xml:\d+ \(item 11\) {2}` +
    String.raw`"Media: Captions, Gallery and Embeds": the shortcode \[contact-form-7\]`));
  assert.match(run.stdout, /"Hostile Title": removed what could run script/);
  const copied = join(content, "static/wp-content/uploads/2013/03/bridge.jpg");
  assert.ok(existsSync(copied), "upload copied");

  const site = join(parent, "site");
  const build = await runBuild(content, site, { DATELINE_CACHE_DIR: join(parent, "cache") });
  assert.equal(build.code, 0, build.stderr);
  assert.match(build.stdout, /Published 13 articles/);

  const articles = await readArticles(content);
  const published = articles.filter((one) => !one.fields.draft);
  for (const article of published) {
    const page = join(site, fileForUrl(articleUrl(article)));
    assert.ok(existsSync(page), `${article.file} has its page`);
    assert.doesNotMatch(article.fields.title, /[<>]|&amp;|&lt;/, `${article.file}: plain title`);
  }
  const bridgePage = join(site, "2013/03/15/media-captions-gallery-embeds/index.html");
  const bridge = await readFile(bridgePage, "utf8");
  // Published as a responsive image, the file itself kept at its old address too.
  assert.match(bridge, /<picture>.*<img src="\/img\/[\w-]+\.png"[^>]* alt="The new bridge"/s);
  assert.ok(existsSync(join(site, "wp-content/uploads/2013/03/bridge.jpg")), "old image URL works");
  const noted = await readFile(join(content, "articles/2023/09/footnotes-block-editor.md"), "utf8");
  assert.match(noted, /grew\[\^1\] this year\.\n\n\[\^1\]: From the _draft_ accounts\.\n$/);
  // A featured image (an attachment) is the article's image, its file copied from the uploads.
  const cafe = await readFile(join(content, "articles/2019/05/cafe-owners-meet-the-mayor.md"),
    "utf8");
  assert.match(cafe, new RegExp(String.raw`\nimage:\n {2}src: /wp-content/uploads/2013/03/` +
    String.raw`bridge-river\.jpg\n {2}alt: The bridge seen from the river, at dusk\n {2}` +
    String.raw`caption: "The bridge from the river\. Photo: Ana Ruiz"\n`));
  const cafePage = await readFile(join(site, "2019/05/02/cafe-owners-meet-the-mayor/index.html"),
    "utf8");
  assert.match(cafePage, /<img src="\/img\/[\w-]+\.png"[^>]* alt="The bridge seen from the river/);
  assert.ok(existsSync(join(site, "wp-content/uploads/2013/03/bridge-river.jpg")));
  assert.match(run.stdout,
    /"Hostile Title": its featured image \(attachment 777\) is not in the export/);
  // Each entity a published article names has its file, its page showing the description.
  const entityFiles = (await readdir(join(content, "entities"))).sort();
  assert.deepEqual(entityFiles, ["bridge.md", "budget.md", "business.md", "city-hall.md",
    "council.md", "elections.md", "harbour-news.md", "interview.md", "mayor.md",
    "mayors-office.md", "news.md", "port.md", "q-a.md", "transport.md"]);
  assert.equal(await readFile(join(content, "entities/news.md"), "utf8"),
    "---\nname: News\ntype: topic\n---\n\nReporting from the **city** and its harbour.\n\n" +
    "Send tips to [the newsdesk](https://example-news.test/tips).\n");
  const newsPage = await readFile(join(site, "entities/news/index.html"), "utf8");
  assert.match(newsPage, /Reporting from the <strong>city<\/strong> and its harbour\./);
  const officePage = await readFile(join(site, "entities/mayors-office/index.html"), "utf8");
  assert.match(officePage, /The mayor(’|')s office at City Hall\./);
  const council = await readFile(join(content, "entities/council.md"), "utf8");
  assert.doesNotMatch(council, /script|javascript:|onclick|<iframe/i);
  assert.match(await readFile(join(site, "entities/council/index.html"), "utf8"),
    /The city council, its votes and <em>minutes<\/em>\./);
  assert.match(run.stdout, /wordpress-export\.xml:22 \(tag council\) {2}"council": its /);
  assert.match(run.stdout, /"council": its description: removed what could run script/);
  // The editor's files are as they were, reported; the articles name the editor's entity.
  for (const [path, text] of Object.entries(EDITORS_ENTITIES)) {
    assert.equal(await readFile(join(content, path), "utf8"), text, path);
  }
  assert.match(run.stdout, new RegExp(String.raw`1 file left alone: the file exists and was ` +
    String.raw`not written by the import\n {4}entities/budget\.md\n`));
  assert.match(run.stdout, /1 file left alone: an entity file the import did not write has this /);
  assert.match(run.stdout, /name it\n {4}entities\/port\.md\n/);
  const portPage = await readFile(join(site, "entities/port-of-the-city/index.html"), "utf8");
  assert.match(portPage, /Written by the editor\./);
  assert.match(portPage, /Blocks: Paragraph, Image and Embed/);
  // A term only a draft has gets no file, and no page.
  assert.ok(!existsSync(join(site, "entities/layoff-plans")), "a draft's term has no page");

  const titledPage = join(site, "2013/01/05/markup-title-with-markup/index.html");
  const titled = await readFile(titledPage, "utf8");
  assert.match(titled, /<h1[^>]*>Markup: Title With Markup &amp; Entities<\/h1>/);

  // Every old link of a published post resolves: to its page, or to a redirect to it.
  const source = await readSource(WXR);
  for (const post of source.posts.filter((one) => one.type === "post" && one.published)) {
    const old = new URL(post.link);
    if (old.search) continue; // `?p=115`: reported, since no static host can serve a query
    const page = join(site, fileForUrl(decodeURI(old.pathname)));
    assert.ok(existsSync(page), `old link ${post.link} resolves`);
  }
  const redirect = await readFile(join(site, "archives/2019/05/cafe-owners.html"), "utf8");
  assert.match(redirect, /\/2019\/05\/02\/cafe-owners-meet-the-mayor\//);

  // Nothing unpublished reaches the site: not its page, its title or its words.
  const unpublished = ["Secret text", "scheduled and must not", "Unfinished draft", "Layoff",
    "Pending review",
    "Private staff note", "Password Protected", "Future Post", "Trash"];
  for (const file of await listFiles(site)) {
    if (file.startsWith("pagefind/") || !/\.(html|xml|json|txt)$/.test(file)) continue;
    const text = await readFile(join(site, file), "utf8");
    for (const words of unpublished) assert.ok(!text.includes(words), `${file} shows "${words}"`);
  }
});

test("a second import changes nothing; an edit survives; the map is honoured", async (t) => {
  const { parent, content, uploads } = await importedArchive(t);
  const before = await readTree(content);
  const again = await runImport(content, [WXR, "--uploads", uploads]);
  assert.equal(again.code, 0, again.stderr);
  assert.deepEqual(await readTree(content), before, "the second run changed a file");
  assert.match(again.stdout, /files unchanged/);
  assert.doesNotMatch(again.stdout, /^ {2}\d+ files? (written|updated)/m);

  // Built once, so that the archive's URLs are recorded: a renamed entity must keep its page.
  const env = { DATELINE_CACHE_DIR: join(parent, "cache") };
  const built = await runBuild(content, join(parent, "site"), env);
  assert.equal(built.code, 0, built.stderr);

  // An editor fixes one article and one entity; the source then changes two posts, that one
  // among them, and two descriptions, that entity's among them.
  const edited = join(content, "articles/2013/01/markup-html-tags-and-formatting.md");
  await appendFile(edited, "\nEditor's note: corrected the vote count.\n");
  const news = join(content, "entities/news.md");
  await appendFile(news, "\nThe editor's word on the newsdesk.\n");
  const changed = (await readFile(WXR, "utf8"))
    .replace("Reporting from the <strong>city</strong>", "News from the city")
    .replace("The mayor's office at City Hall.", "The mayor's office, on the square.")
    .replace(/The city council<script>.*?<\/iframe>/, "The council, renewed.")
    .replace("The council met on Tuesday.", "The council met on Wednesday.")
    .replace("<p>First meeting.</p>]]></content:encoded>", "<p>First meeting, updated.</p>]]>" +
      '</content:encoded><category domain="post_tag" nicename="water-board"><![CDATA[Water ' +
      "Board]]></category>");
  const export2 = join(parent, "export2.xml");
  await writeFile(export2, changed);
  // And re-types terms in the mapping file.
  const mapFile = join(content, "import-map.yaml");
  const map = (await readFile(mapFile, "utf8"))
    .replace(/ {2}mayor-office: .*/,
      "  mayor-office: { name: Office of the Mayor, type: organization }")
    .replace(/ {2}bridge: .*/, "  bridge: skip");
  await writeFile(mapFile, map);
  const third = await runImport(content, [export2, "--uploads", uploads]);
  assert.equal(third.code, 0, third.stderr);
  assert.match(third.stdout, new RegExp(String.raw`2 files left alone: changed by an editor ` +
    String.raw`since the last import\n {4}articles/2013/01/markup-html-tags-and-formatting\.md` +
    String.raw`\n {4}entities/news\.md\n`));
  assert.match(await readFile(news, "utf8"), /Reporting from the \*\*city\*\*[\s\S]*editor's word/);
  // The renamed and the skipped terms' old files stay, reported; the new name gets its file.
  assert.match(third.stdout, new RegExp(String.raw`2 files left alone: written by an earlier ` +
    String.raw`import, but no term maps to its entity now .*\n {4}entities/bridge\.md\n {4}` +
    String.raw`entities/mayors-office\.md\n`));
  assert.match(await readFile(join(content, "entities/mayors-office.md"), "utf8"),
    /The mayor's office at City Hall\./);
  assert.equal(await readFile(join(content, "entities/office-of-the-mayor.md"), "utf8"),
    "---\nname: Office of the Mayor\ntype: organization\n---\n\n" +
    "The mayor's office, on the square.\n");
  assert.match(await readFile(join(content, "entities/water-board.md"), "utf8"),
    /^---\nname: Water Board\ntype: topic\n---\n$/);
  // Nobody changed the council's file: the new description comes in.
  assert.match(third.stdout,
    /files updated from the source\n(?: {4}.*\n)* {4}entities\/council\.md/);
  assert.match(await readFile(join(content, "entities/council.md"), "utf8"),
    /\n\nThe council, renewed\.\n$/);
  const rebuilt = await runBuild(content, join(parent, "site"), env);
  assert.equal(rebuilt.code, 0, rebuilt.stderr);
  const office = await readFile(join(parent, "site/entities/office-of-the-mayor/index.html"),
    "utf8");
  assert.match(office, /The mayor's office, on the square\./);
  assert.ok(existsSync(join(parent, "site/entities/mayors-office/index.html")), "old page kept");
  const kept = await readFile(edited, "utf8");
  assert.match(kept, /Editor's note/);
  assert.match(kept, /met on Tuesday/);
  const updated = await readFile(join(content, "articles/2019/05/council-meets.md"), "utf8");
  assert.match(updated, /First meeting, updated\./);
  assert.match(updated, /- name: Water Board\n {4}type: topic/);
  // The export's new tag joins the map, the editor's choices left as they were.
  assert.match(third.stdout,
    /Added the terms new in this source to .*import-map\.yaml, each as a /);
  assert.match(third.stdout, /: tag water-board \(1 post\)\. Your other lines are as you left/);
  const mapAfter = await readFile(mapFile, "utf8");
  assert.equal(mapAfter.replace(
    "  water-board: { name: Water Board, type: topic } # 1 post, new in this export\n", ""), map);
  assert.match(mapAfter, /\n {2}water-board: .*\n/, "listed among the tags");
  const articles = await readArticles(content);
  const interview = articles.find((one) => one.file.endsWith("interview-with-the-mayor.md"))!;
  assert.deepEqual(interview.fields.entities?.[0],
    { name: "Office of the Mayor", type: "organization" });
  const media = articles.find((one) => one.file.endsWith("media-captions-gallery-embeds.md"))!;
  assert.ok(!media.fields.entities?.some((one) => one.name === "bridge"), "skipped term");

  // An article the editor deleted stays deleted.
  const { rm } = await import("node:fs/promises");
  await rm(join(content, "articles/2019/05/council-meets-2.md"));
  const fourth = await runImport(content, [export2, "--uploads", uploads]);
  assert.doesNotMatch(fourth.stdout, /Added the terms/);
  assert.equal(await readFile(mapFile, "utf8"), mapAfter, "the map is complete: left alone");
  assert.match(fourth.stdout, new RegExp(String.raw`left alone: deleted by an editor since the ` +
    String.raw`last import\n {4}articles/2019/05/council-meets-2\.md`));
  assert.ok(!existsSync(join(content, "articles/2019/05/council-meets-2.md")));
});

test("--dry-run lists what would be written and writes nothing", async (t) => {
  const parent = await tempDir(t, "import-dry");
  const content = join(parent, "content");
  const run = await runImport(content, [WXR, "--dry-run"]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^Would import 18 posts/m);
  assert.match(run.stdout,
    /34 files to write\n {4}articles\/2013\/01\/markup-html-tags-and-formatting\.md/);
  // The entity files too, each named: every entity a published post names.
  assert.match(run.stdout, /\n {4}entities\/bridge\.md\n(?: {4}entities\/.*\n){13}Not /);
  assert.deepEqual(await readdir(parent), []);
});

test("RSS and Atom feeds import into one archive that builds; a wrong map stops", async (t) => {
  const parent = await tempDir(t, "import-feeds");
  const content = join(parent, "content");
  const rss = await runImport(content, [join(FIXTURES, "feed-rss.xml")]);
  assert.equal(rss.code, 0, rss.stderr);
  assert.match(rss.stdout, /Imported 2 posts .*\(RSS 2\.0 feed\)/);
  // A dry run names the terms it would add to the map, and leaves the map alone.
  const mapBefore = await readFile(join(content, "import-map.yaml"), "utf8");
  const dry = await runImport(content, [join(FIXTURES, "feed-atom.xml"), "--dry-run"]);
  assert.match(dry.stdout, /Would add the terms new in this source to .*: tag floods \(1 post\)/);
  assert.equal(await readFile(join(content, "import-map.yaml"), "utf8"), mapBefore);
  const atom = await runImport(content, [join(FIXTURES, "feed-atom.xml")]);
  assert.equal(atom.code, 0, atom.stderr);
  assert.match(atom.stdout, new RegExp(String.raw`Added the terms new in this source to ` +
    String.raw`.*import-map\.yaml, .*: tag floods \(1 post\)\.`));
  assert.match(await readFile(join(content, "import-map.yaml"), "utf8"),
    /\n {2}floods: \{ name: Floods, type: topic \} # 1 post, new in this export\n/);
  const env = { DATELINE_CACHE_DIR: join(parent, "cache") };
  const build = await runBuild(content, join(parent, "site"), env);
  assert.equal(build.code, 0, build.stderr);
  assert.match(build.stdout, /Published 4 articles/);
  for (const url of ["/2003/06/10/ferry-timetable-changes/", "/news/ferry-timetable.php",
    "/2021/03/31/floods-recovery/", "/stories/floods-recovery"]) {
    assert.ok(existsSync(join(parent, "site", fileForUrl(url))), url);
  }

  const wrongMap = "tags:\n  Transport: { name: T, type: town }\n";
  await writeFile(join(content, "import-map.yaml"), wrongMap);
  const refused = await runImport(content, [join(FIXTURES, "feed-rss.xml")]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr,
    /import-map\.yaml:2:\d+ {2}tags\.Transport must be skip, or \{ name, type \}/);
  assert.match(refused.stderr, /Nothing was imported/);
});

test("a feed's address is fetched (from a server on this machine)", async (t) => {
  const server = await serveStatic(FIXTURES);
  t.after(server.close);
  const content = join(await tempDir(t, "import-url"), "content");
  const run = await runImport(content, [`${server.url}/feed-atom.xml`]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout,
    /Imported 2 posts from http:\/\/127\.0\.0\.1:\d+\/feed-atom\.xml \(Atom feed\)/);
  assert.ok(existsSync(join(content, "articles/2021/03/floods-recovery.md")));
});

test("two items with one guid get a file each, and keep it on the next run", async (t) => {
  const item = (title: string) => `<item><title>${title}</title><guid>same</guid>` +
    "<pubDate>Tue, 10 Jun 2003 09:00:00 GMT</pubDate><author>a@b.c (Desk)</author>" +
    `<description>${title} text.</description></item>`;
  const feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>' +
    `<link>https://t.example/</link><description>d</description>${item("One")}${item("Two")}` +
    "</channel></rss>";
  const parent = await writeArchive({ "feed.xml": feed }, t);
  const content = join(parent, "content");
  const first = await runImport(content, [join(parent, "feed.xml")]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /Imported 2 posts/);
  const before = await readTree(content);
  const record = JSON.parse(await readFile(join(content, "import-record.json"), "utf8")) as
    { posts: Record<string, string> };
  assert.deepEqual(record.posts,
    { "same": "articles/2003/06/one.md", "same#2": "articles/2003/06/two.md" });
  const again = await runImport(content, [join(parent, "feed.xml")]);
  assert.equal(again.code, 0, again.stderr);
  assert.deepEqual(await readTree(content), before);
});

test("usage: no source, or a source that cannot be read", async (t) => {
  const content = join(await tempDir(t, "import-usage"), "content");
  const none = await runImport(content, []);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /usage: npm run import/);
  const missing = await runImport(content, [join(FIXTURES, "no-such-file.xml")]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no-such-file\.xml/);
  const noUploads = await runImport(content, [WXR, "--uploads", join(FIXTURES, "none")]);
  assert.equal(noUploads.code, 1);
  assert.match(noUploads.stderr, /--uploads .*none is not a folder/);
  const unknown = await runImport(content, [WXR, "--upload", "x"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Unknown option '--upload'[\s\S]*usage: npm run import/);
  assert.ok(!existsSync(content), "nothing written");
});
