import assert from "node:assert/strict";
import { after, test } from "node:test";
import { readArchive } from "../../src/read-archive.ts";
import { article, writeArchive } from "../support/archive.ts";
import { suiteCleanup } from "../support/temp.ts";

const temp = suiteCleanup(after);

const base = { author: "Ana Ruiz", summary: "S." };

async function archiveOf(files: Record<string, string>, includeDrafts = false) {
  const result = await readArchive(await writeArchive(files, temp), { includeDrafts });
  assert.deepEqual(result.problems.filter((p) => p.severity === "error"), []);
  return result.archive;
}

test("articles are newest first, by written date then time", async () => {
  const archive = await archiveOf({
    "articles/old.md": article({ ...base, title: "Old", date: "2019-01-01", entities: "[X]" }),
    "articles/morning.md": article({ ...base, title: "Morning", date: "2020-05-05T08:00:00+02:00", entities: "[X]" }),
    "articles/evening.md": article({ ...base, title: "Evening", date: "2020-05-05T20:00:00+02:00", entities: "[X]" }),
  });
  assert.deepEqual(archive.articles.map((a) => a.title), ["Evening", "Morning", "Old"]);
  assert.equal(archive.articles[0]?.url, "/2020/05/05/evening/");
  assert.equal(archive.articles[1]?.previous?.title, "Old");
  assert.equal(archive.articles[1]?.next?.title, "Evening");
});

test("entity names resolve through files, aliases and case to one entity", async () => {
  const archive = await archiveOf({
    "entities/fbi.md": "---\nname: FBI\ntype: organization\naliases: [F.B.I., Federal Bureau of Investigation]\ndescription: The bureau.\n---\nLonger *text*.\n",
    "articles/a.md": article({ ...base, title: "A", date: "2020-01-01", entities: "[F.B.I., Menlo Park]" }),
    "articles/b.md": article({ ...base, title: "B", date: "2020-01-02", entities: "[fbi, '{ name: Menlo Park, type: place }']".replace("'{", "{").replace("}'", "}") }),
    "articles/c.md": article({ ...base, title: "C", date: "2020-01-03", entities: "[Federal Bureau of Investigation]" }),
  });
  const fbi = archive.entities.find((e) => e.slug === "fbi");
  assert.ok(fbi);
  assert.deepEqual(fbi.articles.map((a) => a.title), ["C", "B", "A"]);
  assert.equal(fbi.description, "The bureau.");
  assert.match(fbi.html ?? "", /<em>text<\/em>/);
  assert.deepEqual(archive.articles.find((a) => a.title === "A")?.entities.map((e) => e.name), ["FBI", "Menlo Park"]);
  const menlo = archive.entities.find((e) => e.slug === "menlo-park");
  assert.equal(menlo?.articles.length, 2);
  assert.equal(archive.entities.length, 2);
  assert.deepEqual(fbi.coMentions.map((c) => [c.entity.name, c.count]), [["Menlo Park", 2]]);
});

test("names that would share a URL get distinct, stable ones", async () => {
  const files = {
    "articles/a.md": article({ ...base, title: "A", date: "2020-01-01", entities: '["C++", "C#", "Москва", "東京", "!!!"]' }),
  };
  const first = await archiveOf(files);
  const urls: string[] = first.entities.map((e) => e.url);
  assert.equal(new Set(urls).size, 5);
  assert.ok(urls.includes("/entities/moskva/"));
  assert.ok(urls.includes("/entities/東京/"));
  assert.deepEqual((await archiveOf(files)).entities.map((e) => e.url), urls);
});

test("a suffixed slug never meets another name's plain slug (C, C++ and \"C cedb1b\")", async () => {
  const archive = await archiveOf({ "articles/a.md": article({ ...base, title: "A", date: "2020-01-01", entities: '["C", "C++", "C cedb1b"]' }) });
  const slugs = archive.entities.map((e) => e.slug);
  assert.equal(new Set(slugs).size, 3, slugs.join(" "));
  assert.equal(archive.entities.find((e) => e.name === "C")?.slug, "c");
  assert.equal(archive.entities.find((e) => e.name === "C cedb1b")?.slug, "c-cedb1b");
  assert.match(archive.entities.find((e) => e.name === "C++")?.slug ?? "", /^c-cedb1b[0-9a-f]{2}$/);
});

test("a name whose slug is a page of the site's own (/entities/by-count/) gets a suffixed one", async () => {
  const files = {
    "entities/by-count.md": "---\nname: By count\ntype: topic\n---\n",
    "articles/a.md": article({ ...base, title: "A", date: "2020-01-01", entities: "[By count]", tags: "[by-count]" }),
  };
  const { archive, problems } = await readArchive(await writeArchive(files, temp), { includeDrafts: false });
  assert.deepEqual(problems.filter((p) => p.severity === "error"), []);
  const urls = archive.entities.map((e) => e.url);
  assert.equal(urls.length, 2);
  for (const url of urls) assert.match(url, /^\/entities\/by-count-[0-9a-f]{6}\/$/);
  const warning = problems.find((p) => p.file.endsWith("by-count.md"));
  assert.match(warning?.message ?? "", /would publish to \/entities\/by-count\/, a page of the site's own/);
});

test("drafts are left out of everything, unless the dev server asks for them", async () => {
  const files = {
    "articles/pub.md": article({ ...base, title: "Published", date: "2020-01-01", entities: "[Shared]" }),
    "articles/draft.md": article({ ...base, title: "Secret draft", date: "2020-02-01", entities: "[Shared, Only In Draft]", draft: "true", author: "Draft Author" }),
  };
  const published = await archiveOf(files);
  const everything = JSON.stringify(published, (key, value) => (key === "site" ? undefined : value));
  assert.doesNotMatch(everything, /Secret draft|Only In Draft|Draft Author/);
  assert.equal(published.months.length, 1);
  const withDrafts = await archiveOf(files, true);
  assert.equal(withDrafts.articles[0]?.title, "Secret draft");
  assert.equal(withDrafts.articles[0]?.draft, true);
});

test("related articles favour rare shared entities over common ones", async () => {
  const files: Record<string, string> = {
    "articles/subject.md": article({ ...base, title: "Subject", date: "2020-06-01", entities: "[Big Co, Small Event]" }),
    "articles/rare.md": article({ ...base, title: "Rare match", date: "2019-01-01", entities: "[Small Event]" }),
  };
  for (let i = 0; i < 8; i++) files[`articles/common-${i}.md`] = article({ ...base, title: `Common ${i}`, date: `2020-05-0${i + 1}`, entities: "[Big Co]" });
  const archive = await archiveOf(files);
  const subject = archive.articles.find((a) => a.title === "Subject");
  assert.equal(subject?.related[0]?.title, "Rare match");
  assert.equal(subject?.related.length, 5);
});

test("date archives, authors and pagination", async () => {
  const files: Record<string, string> = { "site.yaml": "title: T\npageSize: 2\n" };
  for (let i = 1; i <= 5; i++) files[`articles/a${i}.md`] = article({ title: `A${i}`, date: `2020-0${i}-15`, author: i === 5 ? "[Ana Ruiz, Li Wei]" : "Ana Ruiz", summary: "S", entities: "[X]" });
  const archive = await archiveOf(files);
  assert.deepEqual(archive.homePages.map((p) => [p.url, p.articles.length, p.previousUrl, p.nextUrl]), [
    ["/", 2, undefined, "/page/2/"],
    ["/page/2/", 2, "/", "/page/3/"],
    ["/page/3/", 1, "/page/2/", undefined],
  ]);
  assert.deepEqual(archive.years.map((y) => [y.url, y.articleCount, y.months.map((m) => m.url)]), [["/2020/", 5, ["/2020/05/", "/2020/04/", "/2020/03/", "/2020/02/", "/2020/01/"]]]);
  assert.deepEqual(archive.authors.map((a) => [a.name, a.url, a.articles.length]), [["Ana Ruiz", "/authors/ana-ruiz/", 5], ["Li Wei", "/authors/li-wei/", 1]]);
  assert.equal(archive.articles[0]?.authors.length, 2);
});

test("years before 1000 keep four digits in URLs", async () => {
  const archive = await archiveOf({ "articles/old.md": article({ ...base, title: "Old", date: "0999-01-05", entities: "[X]" }) });
  assert.equal(archive.articles[0]?.url, "/0999/01/05/old/");
  assert.deepEqual([archive.years[0]?.url, archive.months[0]?.url], ["/0999/", "/0999/01/"]);
});

test("the model is frozen: templates cannot change it", async () => {
  const archive = await archiveOf({ "articles/a.md": article({ ...base, title: "A", date: "2020-01-01", entities: "[X]" }) });
  assert.ok(Object.isFrozen(archive));
  const [first] = archive.articles;
  const held = [first, first?.date, first?.authors, first?.authors[0], first?.entities[0], first?.related];
  assert.ok(held.every((value) => Object.isFrozen(value)), "an article and all it holds");
});

test("an entity's image is in the model and on each of its pages, in either form", async () => {
  const archive = await archiveOf({
    "entities/port.md": "---\nname: Port\ntype: place\nimage: https://example.org/port.png\n---\n",
    "entities/bay.md":
      "---\nname: Bay\ntype: place\nimage: { src: https://example.org/b.png, alt: A bay }\n---\n",
    "articles/a.md": article({ ...base, title: "A", date: "2020-01-01", entities: "[Port, Bay]" }),
  });
  const byName = new Map(archive.entities.map((entity) => [entity.name, entity]));
  assert.deepEqual(byName.get("Port")?.image, { src: "https://example.org/port.png", alt: "" });
  assert.deepEqual(byName.get("Bay")?.image, { src: "https://example.org/b.png", alt: "A bay" });
  const page = archive.entityPages.find((entityPage) => entityPage.url === "/entities/bay/");
  assert.equal(page?.profile.image, byName.get("Bay")?.image);
});
