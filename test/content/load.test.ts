// Stage 1, load: which files of the archive are read, and a word about every one that is not.
import assert from "node:assert/strict";
import { mkdir, rm, symlink } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { loadContent } from "../../src/content/load.ts";
import { formatProblem, Problems } from "../../src/content/problems.ts";
import { readArchive } from "../../src/read-archive.ts";
import { article, VALID, writeArchive } from "../support/archive.ts";

test("an article is .md in any case, and its slug is the name without it", async (t) => {
  const dir = await writeArchive({
    "articles/2020/08/UPPER.MD": article(VALID),
    "articles/Mixed.Md": article({ ...VALID, title: "Second" }),
  }, t);
  t.after(() => rm(dir, { recursive: true, force: true }));
  const { archive, problems } = await readArchive(dir, { includeDrafts: false });
  assert.deepEqual(problems.map((p) => formatProblem(p, dir)), []);
  const urls = archive.articles.map((a) => a.url).sort();
  assert.deepEqual(urls, ["/2020/08/12/mixed/", "/2020/08/12/upper/"]);
});

test("any other file under articles/, entities/ or authors/ is warned about", async (t) => {
  const dir = await writeArchive({
    "articles/a.md": article(VALID),
    "articles/notes.txt": "to do",
    "articles/2020/b.markdown": article(VALID),
    "articles/.DS_Store": "",
    "articles/.drafts/c.md": article(VALID),
    "entities/fbi.md": "---\nname: FBI\n---\n",
    "entities/people/ana.md": "---\nname: Ana\n---\n",
    "authors/ana.MD": "---\nname: Ana Ruiz\n---\n",
    "authors/photo.jpg": "jpeg",
  }, t);
  t.after(() => rm(dir, { recursive: true, force: true }));
  await symlink(join(dir, "articles/a.md"), join(dir, "articles/link.md"));
  await mkdir(join(dir, "authors/empty-folder"));
  const problems = new Problems();
  const { files } = await loadContent(dir, problems);
  const read = files.map((f) => `${f.kind} ${f.relativePath}`);
  const expected = ["article articles/a.md", "entity entities/fbi.md", "author authors/ana.MD"];
  assert.deepEqual(read, expected);
  const inArchive = (file: string) => file.slice(dir.length + 1);
  const warned = problems.list.map((p) => [p.severity, p.rule, inArchive(p.file), p.line]);
  assert.deepEqual(warned.sort(), [
    ["warning", "not-published", "articles/2020/b.markdown", undefined],
    ["warning", "not-published", "articles/link.md", undefined],
    ["warning", "not-published", "articles/notes.txt", undefined],
    ["warning", "not-published", "authors/photo.jpg", undefined],
    ["warning", "not-published", "entities/people/ana.md", undefined],
  ]);
  const fixes = new Map(problems.list.map((p) => [p.file.slice(dir.length + 1), p.fix]));
  assert.match(fixes.get("articles/2020/b.markdown")!, /rename it to b\.md/);
  assert.match(fixes.get("entities/people/ana.md")!, /entities\/ana\.md/);
  assert.match(fixes.get("articles/link.md")!, /link/);
  assert.match(fixes.get("articles/notes.txt")!, /\.md/);
});

test("characters a web page cannot hold are left out of files and front matter, with a warning", async (t) => {
  const body = "Line one\r\nA vertical\u000btab, \u0093quotes\u0094, a bell\u0007 and \u{1FFFF}.\r\n";
  const title = '"A\\abell, a \\x0bvertical tab"';
  const dir = await writeArchive({ "articles/a.md": article({ ...VALID, title }, body) }, t);
  const { archive, problems } = await readArchive(dir, { includeDrafts: false });
  const warned = problems.filter((p) => p.rule === "forbidden-character");
  assert.deepEqual(warned.map((p) => [p.line, p.column]), [[10, 11]]);
  assert.match(warned[0]!.message, /holds 5 invisible control characters \(U\+000B first\)/);
  const [read] = archive.articles;
  assert.equal(read?.title, "Abell, a vertical tab");
  assert.equal(read?.html, "<p>Line one\nA verticaltab, quotes, a bell and .</p>");
});
