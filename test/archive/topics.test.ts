// Tags are topics: each tag names an entity of type topic, the same one as a same-named entity.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { readArchive } from "../../src/read-archive.ts";
import { article, writeArchive } from "../support/archive.ts";
import { suiteCleanup } from "../support/temp.ts";

const temp = suiteCleanup(after);
const base = { author: "Ana Ruiz", summary: "S." };

test("a tag and a same-named entity are one entity, with one page", async () => {
  const root = await writeArchive({
    "entities/elections.md": "---\nname: Elections\ntype: topic\ndescription: Voting.\n---\n",
    "articles/a.md": article({ ...base, title: "A", date: "2020-01-01", entities: "[FBI]", tags: "[elections, courts]" }),
    "articles/b.md": article({ ...base, title: "B", date: "2020-01-02", entities: "[Elections]" }),
    "articles/c.md": article({ ...base, title: "C", date: "2020-01-03", entities: "[Courts]", tags: "[FBI]" }),
  }, temp);
  const result = await readArchive(root, { includeDrafts: false });
  assert.deepEqual(result.problems.filter((p) => p.severity === "error"), []);
  const { archive } = result;
  const elections = archive.entities.filter((e) => e.name.toLowerCase() === "elections");
  assert.equal(elections.length, 1);
  assert.equal(elections[0]!.url, "/entities/elections/");
  assert.deepEqual(elections[0]!.articles.map((a) => a.title), ["B", "A"]);
  const a = archive.articles.find((x) => x.title === "A")!;
  assert.deepEqual(a.entities.map((e) => e.name), ["FBI", "Elections", "courts"]);
  assert.deepEqual(a.topics.map((e) => [e.name, e.type]), [["Elections", "topic"], ["courts", "topic"]]);
  // Listed entities of type topic are topics too; a tag naming an organisation stays one.
  const b = archive.articles.find((x) => x.title === "B")!;
  assert.deepEqual(b.topics.map((e) => e.name), ["Elections"]);
  const c = archive.articles.find((x) => x.title === "C")!;
  assert.deepEqual(c.entities.map((e) => e.name), ["courts", "FBI"]);
  assert.deepEqual(c.topics.map((e) => [e.name, e.type]), [["FBI", "organization"], ["courts", "topic"]]);
  const fbi = archive.entities.find((e) => e.name === "FBI")!;
  assert.deepEqual(fbi.articles.map((x) => x.title), ["C", "A"]);
});

test("a name given another type than its file's or its first article's is warned about", async () => {
  const root = await writeArchive({
    "entities/google.md": "---\nname: Google\ntype: organization\n---\n",
    "articles/a.md": article({ ...base, title: "A", date: "2020-01-01", entities: "[{ name: Paris, type: place }, { name: Google, type: person }]", tags: "[Google]" }),
    "articles/b.md": article({ ...base, title: "B", date: "2020-01-02", entities: "[{ name: Paris, type: person }]", tags: "[paris]" }),
  }, temp);
  const { archive, problems } = await readArchive(root, { includeDrafts: false });
  const warned = problems.filter((p) => p.rule === "entity-type");
  assert.deepEqual(warned.map((p) => [p.file.slice(root.length + 1), p.line, p.message]), [
    ["articles/a.md", 6, '"Google" is a person here, but its type is organization (entities/google.md)'],
    ["articles/b.md", 6, '"Paris" is a person here, but its type is place (as an article first gives it)'],
  ]);
  assert.equal(archive.entities.find((e) => e.name === "Paris")?.type, "place");
});
