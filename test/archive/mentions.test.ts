// Mention linking through the whole model: which entities an article's body links, and what
// the Markdown stage is asked to render again when an entity's names change.
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, test } from "node:test";
import { buildArchive } from "../../src/archive/build.ts";
import { loadContent } from "../../src/content/load.ts";
import { Problems } from "../../src/content/problems.ts";
import { readSiteConfig } from "../../src/content/site.ts";
import { validateContent } from "../../src/content/validate.ts";
import { RenderCache } from "../../src/markdown/render-cache.ts";
import { renderMarkdown, type RenderJob } from "../../src/markdown/render.ts";
import { readArchive } from "../../src/read-archive.ts";
import { article, writeArchive } from "../support/archive.ts";
import { suiteCleanup, tempDir } from "../support/temp.ts";

const temp = suiteCleanup(after);
const base = { author: "Ana Ruiz", summary: "S." };
const FBI = "---\nname: FBI\naliases: [F.B.I.]\ndescription: The bureau.\n---\n";
const ICE = "---\nname: ICE\nlink_mentions: false\n---\n";

const files = {
  "entities/fbi.md": FBI,
  "entities/ice.md": ICE,
  "articles/a.md": article({ ...base, title: "A", date: "2020-01-01", entities: "[FBI, ICE, Menlo Park]" }, "The F.B.I. and ICE met in Menlo Park. The FBI left.\n"),
  "articles/b.md": article({ ...base, title: "B", date: "2020-01-02", entities: "[FBI]", link_mentions: "false" }, "The FBI again.\n"),
  "articles/c.md": article({ ...base, title: "C", date: "2020-01-03", entities: "[Menlo Park]" }, "Menlo Park, without the FBI.\n"),
};

async function archiveOf(root: string) {
  const result = await readArchive(root, { includeDrafts: false });
  assert.deepEqual(result.problems.filter((p) => p.severity === "error"), []);
  return result.archive;
}

test("a body links the first mention of each entity its article lists, unless told not to", async () => {
  const archive = await archiveOf(await writeArchive(files, temp));
  const html = (title: string) => archive.articles.find((a) => a.title === title)!.html;
  assert.equal(html("A"), '<p>The <a href="/entities/fbi/" class="mention" title="The bureau.">F.B.I.</a> and ICE met in <a href="/entities/menlo-park/" class="mention">Menlo Park</a>. The FBI left.</p>');
  assert.equal(html("B"), "<p>The FBI again.</p>", "link_mentions: false in the article");
  assert.equal(html("C"), '<p><a href="/entities/menlo-park/" class="mention">Menlo Park</a>, without the FBI.</p>', "only entities the article lists");
  assert.equal(archive.entities.find((e) => e.name === "ICE")?.linkMentions, false);
});

/** The bodies a build of `root` asks the Markdown stage for, by the file they come from. */
async function renderJobs(root: string): Promise<Map<string, string>> {
  const problems = new Problems();
  const loaded = await loadContent(root, problems);
  const content = validateContent(loaded.files, problems);
  const cache = await RenderCache.open(await tempDir(temp, "cache"));
  const keys: string[] = [];
  const render = async (jobs: readonly RenderJob[]) => jobs.map((job) => (keys.push(cache.key(job)), renderMarkdown(job.body, job.mentions)));
  await buildArchive(content, readSiteConfig(loaded.siteYaml, problems), { includeDrafts: false }, problems, render);
  const sources = [...content.articles, ...content.entities, ...content.authors];
  return new Map(sources.map((source, i) => [source.file.relativePath, keys[i]!]));
}

test("editing an entity's aliases renders again only the bodies of articles that link it", async () => {
  const root = await writeArchive(files, temp);
  const before = await renderJobs(root);
  await writeFile(join(root, "entities/fbi.md"), FBI.replace("[F.B.I.]", "[F.B.I., Federal Bureau of Investigation]"));
  const after = await renderJobs(root);
  const changed = [...before].filter(([path, key]) => after.get(path) !== key).map(([path]) => path);
  // B lists the FBI but links nothing; C does not list it; the entity file's own body is as it was.
  assert.deepEqual(changed, ["articles/a.md"]);
});

test("a cached body's key is its text and the entities it links", async () => {
  const cache = await RenderCache.open(await tempDir(temp, "cache"));
  const fbi = { url: "/entities/fbi/", names: ["FBI"] };
  assert.equal(cache.key("Text."), cache.key({ body: "Text." }));
  assert.equal(cache.key({ body: "Text.", mentions: [] }), cache.key("Text."));
  assert.notEqual(cache.key({ body: "Text.", mentions: [fbi] }), cache.key("Text."));
  assert.notEqual(cache.key({ body: "Text.", mentions: [fbi] }), cache.key({ body: "Text.", mentions: [{ ...fbi, title: "The bureau." }] }));
});
