// `npm run bench`'s own parts: the stage line it reads from a build, and the editors' changes
// it rebuilds after, which must leave the generated archive as it was and follow the content
// contract (a deleted article's URL withdrawn, no other URL lost). No timing is tested.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse as parseYaml } from "yaml";
import { pageShows, type Proof, searchShows } from "../../scripts/bench-check.ts";
import {
  ADDED_TITLE, APPENDED_LINE, linkArchive, planEdits, WITHDRAWN_REASON,
} from "../../scripts/bench-edits.ts";
import { parseStages } from "../../scripts/bench-report.ts";
import { writeArchive } from "../support/archive.ts";
import { readTree, runBuild, runCommand } from "../support/build.ts";

test("the stage line is read as the build prints it; a part it cannot read is skipped", () => {
  const output = [
    "Published 3 articles, 20 pages… in 4.1 s, with 0 warnings.",
    "Time by stage: load 0.4 s · validate 12.0 s" +
      " · pages (eleventy) 250 ms · later · search 1 s",
    "",
  ].join("\n");
  assert.deepEqual(parseStages(output), [
    { stage: "load", seconds: 0.4 },
    { stage: "validate", seconds: 12 },
    { stage: "pages (eleventy)", seconds: 0.25 },
    { stage: "search", seconds: 1 },
  ]);
  assert.deepEqual(parseStages("Published 3 articles.\n"), []);
});

/**
 * Five articles. From the middle of the list, c is edited; from a quarter of the way, b names
 * an entity no other article names, c is the one edited, d has the only article by its author,
 * e the only one of its month: so a is the one deleted. a and b are written the way the
 * generator writes front matter, the others as plain YAML.
 */
const ARCHIVE = {
  "articles/2020/01/a.md": story([
    'title: "A first"', "date: 2020-01-05", 'author: "Ana Ruiz"',
    "entities:", '  - "FBI"', '  - "Menlo Park"', 'tags: ["courts"]',
  ]),
  "articles/2020/01/b.md": story([
    'title: "B second"', "date: 2020-01-20", 'author: ["Ana Ruiz"]',
    "entities:", '  - "FBI"', '  - "Only Here"',
  ]),
  "articles/2020/02/c.md": story([
    "title: C third", "date: 2020-02-03", "author: Ana Ruiz", "entities: [FBI, Menlo Park]",
    "tags: [Courts]",
  ]),
  "articles/2020/02/d.md": story([
    "title: D fourth", "date: 2020-02-10", "author: Bo Chen", "entities: [FBI]",
  ]),
  "articles/2020/03/e.md": story([
    "title: E fifth", "date: 2020-03-01", "author: Ana Ruiz", "entities: [FBI]",
  ]),
};

function story(frontMatter: string[]): string {
  return `---\n${frontMatter.join("\n")}\n---\n\nA story.\n`;
}

function tempFolder(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), "dateline-bench-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test("the edits change a working copy of links, never the archive it was made from", async (t) => {
  const dir = tempFolder(t);
  const archive = await writeArchive(ARCHIVE, join(dir, "archive"));
  writeFileSync(join(archive, "site.yaml"), "title: Test\n");
  writeFileSync(join(archive, "published-urls.json"), "{}\n"); // an earlier run's record
  const before = await readTree(archive);
  const work = join(dir, "work");
  linkArchive(archive, work);
  assert.equal(existsSync(join(work, "published-urls.json")), false, "a cold build has no record");

  const plan = planEdits(work);
  assert.equal(plan.edited, "articles/2020/02/c.md");
  assert.equal(plan.deleted, "articles/2020/01/a.md");
  for (const edit of plan.edits) edit.apply();

  assert.deepEqual(await readTree(archive), before);
  const edited = readFileSync(join(work, plan.edited), "utf8");
  assert.ok(edited.endsWith(`\n${APPENDED_LINE}\n`), edited);
  assert.match(edited, /^title: "C third \(revised by the benchmark\)"$/m);
  const added = readFileSync(join(work, "articles/2025/01/benchmark-added.md"), "utf8");
  assert.match(added, new RegExp(`^title: "${ADDED_TITLE}"\ndate: 2025-01-01$`, "m"));
  assert.equal(existsSync(join(work, plan.deleted)), false);
  assert.deepEqual(parseYaml(readFileSync(join(work, "site.yaml"), "utf8")), {
    title: "Test",
    withdrawn: [{ url: "/2020/01/05/a/", date: "2025-01-02", reason: WITHDRAWN_REASON }],
  });
});

test("after a build, the edits follow the content contract; a rebuild shows each", async (t) => {
  const dir = tempFolder(t);
  const work = join(dir, "content");
  linkArchive(await writeArchive(ARCHIVE, join(dir, "archive")), work);
  const site = join(dir, "site");
  const env = { DATELINE_CACHE_DIR: join(dir, "cache") };
  const plan = planEdits(work);
  const proofs: Proof[] = plan.edits.map((edit) => edit.proof);

  const cold = await runBuild(work, site, env);
  assert.equal(cold.code, 0, cold.stderr);
  for (const proof of plan.coldProofs) {
    assert.ok(pageShows(site, proof), proof.url);
    assert.ok(searchShows(site, proof), proof.url);
  }
  for (const proof of proofs) {
    assert.equal(pageShows(site, proof), false, `${proof.url} before the edits`);
    assert.equal(searchShows(site, proof), false, `${proof.url} before the edits`);
  }

  for (const edit of plan.edits) edit.apply();
  const check = await runCommand("src/cli/check.ts", [], { CONTENT_DIR: work, ...env });
  assert.equal(check.code, 0, `${check.stdout}\n${check.stderr}`);
  const rebuild = await runBuild(work, site, env);
  assert.equal(rebuild.code, 0, rebuild.stderr);
  for (const proof of proofs) {
    assert.ok(pageShows(site, proof), `${proof.url} shows ${proof.text}`);
    assert.ok(searchShows(site, proof), `${proof.url} is found with ${proof.text}`);
  }
});
