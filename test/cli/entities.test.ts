// The editor's entity commands: `npm run entities:suggest` on a fixture article, and
// `npm run new -- --entity`.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { candidates, withEntities } from "../../src/archive/suggest-entities.ts";
import { article, writeArchive } from "../support/archive.ts";
import { runCommand } from "../support/build.ts";

const BODY = [
  "Agents of the F.B.I. met Jane Whitfield of Acme Corporation in Menlo Park.",
  "",
  "Later, the Department of Homeland Security said it would ask Google about it.",
  "",
].join("\n");

async function archive(t: Parameters<typeof writeArchive>[1]) {
  return writeArchive({
    "entities/fbi.md": "---\nname: FBI\ntype: organization\naliases: [F.B.I.]\n---\n",
    "entities/dhs.md": "---\nname: DHS\ntype: organization\naliases: [Department of Homeland Security]\n---\n",
    "articles/other.md": article({ title: "Other", date: "2020-01-01", author: "Ana Ruiz", summary: "S.", entities: "[Google]" }, "Google.\n"),
    "articles/story.md": article({ title: "Story", date: "2020-01-02", author: "Ana Ruiz", summary: "S.", entities: "\n  - Menlo Park # where" }, BODY),
  }, t);
}

test("suggestions: registered names first, with lines, then new candidates", async (t) => {
  const content = await archive(t);
  const run = await runCommand("src/cli/entities-suggest.ts", [join(content, "articles/story.md")], { CONTENT_DIR: content });
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /Mentioned, known to the archive, not listed:\n {2}FBI \(organization, line 10\)\n {2}DHS \(organization, line 12\)\n {2}Google \(organization, line 12\)\n/);
  assert.match(run.stdout, /Other names found[^\n]*\n(?: {2}.*\n)* {2}Jane Whitfield \(person\?\)/);
  assert.doesNotMatch(run.stdout, /Menlo Park \(/, "listed already");
});

test("--write adds the registered ones and the accepted candidates, keeping the front matter", async (t) => {
  const content = await archive(t);
  const file = join(content, "articles/story.md");
  const run = await runCommand("src/cli/entities-suggest.ts", [file, "--write", "--accept", "Jane Whitfield"], { CONTENT_DIR: content });
  assert.equal(run.code, 0, run.stderr);
  const text = await readFile(file, "utf8");
  assert.match(text, /entities:\n {2}- Menlo Park # where\n {2}- FBI\n {2}- DHS\n {2}- Google\n {2}- Jane Whitfield\n---\n/);
  assert.ok(text.endsWith(BODY), "the body is untouched");
});

test("compromise finds people, organisations and places, each once, without possessives", () => {
  const found = candidates("Jane Whitfield's team met Acme Corporation in Paris. Jane Whitfield left Paris.");
  assert.deepEqual(found.find((c) => c.name === "Jane Whitfield"), { name: "Jane Whitfield", type: "person" });
  assert.equal(found.filter((c) => c.name === "Paris").length, 1);
  assert.equal(withEntities("---\ntitle: T\n---\nBody\n", ["A"]), "---\ntitle: T\nentities:\n  - A\n---\nBody\n");
});

test("npm run new -- --entity writes an entity file, never over one nor for a known name", async (t) => {
  const content = await writeArchive({ "entities/fbi.md": "---\nname: FBI\naliases: [F.B.I.]\n---\n" }, t);
  const env = { CONTENT_DIR: content, DATELINE_CACHE_DIR: join(content, ".cache") };
  const made = await runCommand("src/cli/new-article.ts", ["--entity", "Christopher Krebs", "--type", "person"], env);
  assert.equal(made.code, 0, made.stderr);
  assert.match(made.stdout, /entities\/christopher-krebs\.md/);
  assert.equal(await readFile(join(content, "entities/christopher-krebs.md"), "utf8"), "---\nname: Christopher Krebs\ntype: person\naliases: []\ndescription: \"\"\nlinks: []\n---\n");
  const again = await runCommand("src/cli/new-article.ts", ["--entity", "f.b.i."], env);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /"f\.b\.i\." is already an entity: .*fbi\.md/);
  const wrong = await runCommand("src/cli/new-article.ts", ["--entity", "X", "--type", "robot"], env);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /one of person, organization, place, event, work, topic/);
});
