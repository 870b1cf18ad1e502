// Every error and warning an editor can meet, with the file and line it must name.
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { after, test } from "node:test";
import { MAX_FILE_BYTES } from "../../src/content/load.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { readArchive } from "../../src/read-archive.ts";
import { type ArchiveFiles, article, VALID, writeArchive } from "../support/archive.ts";
import { suiteCleanup } from "../support/temp.ts";

const temp = suiteCleanup(after);

interface Case {
  name: string;
  files: ArchiveFiles;
  severity: "error" | "warning";
  rule: string;
  file: string;
  line?: number;
  message: RegExp;
  fix?: RegExp;
}

const A = "articles/2020/08/a.md";
const B = "articles/2020/08/b.md";

const cases: Case[] = [
  { name: "missing title", files: { [A]: article({ ...VALID, title: "" }).replace("title: \n", "") }, severity: "error", rule: "missing-key", file: A, line: 6, message: /"title" is missing/ },
  { name: "empty title", files: { [A]: article({ ...VALID, title: '""' }) }, severity: "error", rule: "invalid-value", file: A, line: 2, message: /"title" must not be empty/ },
  { name: "missing date", files: { [A]: article({ title: "T", author: "A", summary: "S", entities: "[X]" }) }, severity: "error", rule: "missing-key", file: A, line: 6, message: /"date" is missing/ },
  { name: "impossible date", files: { [A]: article({ ...VALID, date: "2020-13-45" }) }, severity: "error", rule: "invalid-value", file: A, line: 3, message: /no month 13/ },
  { name: "date of the wrong type", files: { [A]: article({ ...VALID, date: "[2020]" }) }, severity: "error", rule: "invalid-value", file: A, line: 3, message: /"date" must be a date/ },
  { name: "author of the wrong type", files: { [A]: article({ ...VALID, author: "{ first: Ana }" }) }, severity: "error", rule: "invalid-value", file: A, line: 4, message: /"author"/ },
  { name: "empty author list", files: { [A]: article({ ...VALID, author: "[]" }) }, severity: "error", rule: "invalid-value", file: A, line: 4, message: /at least one name/ },
  { name: "draft not a boolean", files: { [A]: article({ ...VALID, draft: "yes" }) }, severity: "error", rule: "invalid-value", file: A, line: 7, message: /"draft" must be true or false/ },
  { name: "unknown entity type", files: { [A]: article({ ...VALID, entities: "\n  - { name: X, type: company }" }) }, severity: "error", rule: "invalid-value", file: A, line: 7, message: /entities\[1\]/ },
  { name: "javascript: image", files: { [A]: article({ ...VALID, image: "{ src: 'javascript:alert(1)', alt: x }" }) }, severity: "error", rule: "invalid-value", file: A, line: 7, message: /image\.src/ },
  { name: "YAML syntax error", files: { [A]: "---\ntitle: A\nauthor: B\nsummary: \"unclosed\ndate: 2020-01-01\n---\n" }, severity: "error", rule: "yaml-syntax", file: A, message: /YAML error/ },
  { name: "a key written twice", files: { [A]: "---\ntitle: A\nauthor: B\ndate: 2020-01-01\ntitle: C\n---\n" }, severity: "error", rule: "yaml-syntax", file: A, line: 5, message: /^YAML error: Map keys must be unique$/, fix: /keep one line for each key/ },
  { name: "a tab for indentation", files: { [A]: "---\ntitle: A\nauthor: B\ndate: 2020-01-01\nentities:\n\t- X\n---\n" }, severity: "error", rule: "yaml-syntax", file: A, line: 6, message: /^YAML error: Tabs are not allowed as indentation$/, fix: /indent with spaces, not tabs/ },
  { name: "---js front matter", files: { [A]: "---js\n{ title: 'x' }\n---\n" }, severity: "error", rule: "front-matter-language", file: A, line: 1, message: /only YAML/ },
  { name: "---javascript front matter", files: { [A]: "---javascript\nmodule.exports = {}\n---\n" }, severity: "error", rule: "front-matter-language", file: A, line: 1, message: /only YAML/ },
  { name: "---coffee front matter", files: { [A]: "---coffee\ntitle: 'x'\n---\n" }, severity: "error", rule: "front-matter-language", file: A, line: 1, message: /only YAML/ },
  { name: "a no-break space after the opening ---", files: { [A]: "---\u00a0js\n{ title: 'x' }\n---\n" }, severity: "error", rule: "front-matter-language", file: A, line: 1, message: /"js".*U\+00A0/ },
  { name: "yaml named after the opening ---", files: { [A]: "--- yaml\ntitle: x\n---\n" }, severity: "error", rule: "front-matter-fence", file: A, line: 1, message: /"yaml" after ---/ },
  { name: "two articles at one URL", files: { [A]: article(VALID), "articles/other/a.md": article(VALID) }, severity: "error", rule: "duplicate-url", file: "articles/other/a.md", line: 1, message: /publishes to \/2020\/08\/12\/a\/, as articles\/2020\/08\/a\.md does/ },
  { name: "slug that collides with a file name", files: { [A]: article(VALID), [B]: article({ ...VALID, slug: "a" }) }, severity: "error", rule: "duplicate-url", file: B, message: /articles\/2020\/08\/a\.md/ },
  { name: "duplicate entity name", files: { [A]: article(VALID), "entities/fbi.md": "---\nname: FBI\n---\n", "entities/fbi-2.md": "---\nname: fbi\n---\n" }, severity: "error", rule: "duplicate-entity", file: "entities/fbi.md", line: 2, message: /also defined in entities\/fbi-2\.md/ },
  { name: "alias used by two entities", files: { [A]: article(VALID), "entities/a.md": "---\nname: Alpha\naliases: [AB]\n---\n", "entities/b.md": "---\nname: Beta\naliases:\n  - AB\n---\n" }, severity: "error", rule: "duplicate-alias", file: "entities/b.md", line: 4, message: /"AB" is already an alias of "Alpha" \(entities\/a\.md\)/ },
  { name: "invalid UTF-8", files: { [A]: Buffer.concat([Buffer.from("---\ntitle: A\n"), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from("\n---\n")]) }, severity: "error", rule: "invalid-utf8", file: A, line: 3, message: /not valid UTF-8/ },
  { name: "file over the size limit", files: { [A]: article(VALID, "x".repeat(MAX_FILE_BYTES + 1)) }, severity: "error", rule: "file-too-large", file: A, message: /over the 2 MB limit/ },
  { name: "unknown key, close to a known one", files: { [A]: article({ ...VALID, sumary: "x" }) }, severity: "warning", rule: "unknown-key", file: A, line: 7, message: /unknown key "sumary"/ },
  { name: "no entities", files: { [A]: article({ ...VALID, entities: "[]" }) }, severity: "warning", rule: "no-entities", file: A, line: 6, message: /no entities/ },
  { name: "no entities key", files: { [A]: article({ title: "T", date: "2020-01-01", author: "A", summary: "S" }) }, severity: "warning", rule: "no-entities", file: A, line: 6, message: /no entities/ },
  { name: "no summary", files: { [A]: article({ title: "T", date: "2020-01-01", author: "A", entities: "[X]" }) }, severity: "warning", rule: "no-summary", file: A, line: 6, message: /no summary/ },
  { name: "an empty summary", files: { [A]: article({ ...VALID, summary: '""' }) }, severity: "warning", rule: "no-summary", file: A, line: 5, message: /no summary/ },
  { name: "the body npm run new writes, unchanged", files: { [A]: article(VALID, "Write the article here.\n") }, severity: "warning", rule: "placeholder-body", file: A, line: 9, message: /still the placeholder/ },
  { name: "updated before date", files: { [A]: article({ ...VALID, updated: "2020-08-01" }) }, severity: "warning", rule: "updated-before-date", file: A, line: 7, message: /earlier than date/ },
  { name: "correction before date", files: { [A]: article({ ...VALID, corrections: "[{ date: 2020-08-13, text: a }, { date: 2020-08-01, text: b }]" }) }, severity: "warning", rule: "correction-before-date", file: A, line: 7, message: /correction 2 is dated 2020-08-01, before the article \(2020-08-12\)/ },
  { name: "entity name differing only by accents", files: { [A]: article({ ...VALID, entities: "[Zurich]" }), "entities/z.md": "---\nname: Zürich\ntype: place\n---\n" }, severity: "warning", rule: "entity-spelling", file: A, line: 6, message: /differs only by accents from "Zürich"/ },
  { name: "entity name differing only by case", files: { [A]: article({ ...VALID, entities: "[Fbi]" }), "entities/fbi.md": "---\nname: FBI\n---\n" }, severity: "warning", rule: "entity-spelling", file: A, line: 6, message: /"Fbi" differs only by case from "FBI"/ },
  { name: "entity files whose names share a URL", files: { [A]: article(VALID), "entities/a.md": "---\nname: C++\n---\n", "entities/b.md": "---\nname: C#\n---\n" }, severity: "warning", rule: "entity-url-taken", file: "entities/a.md", line: 2, message: /"C\+\+" would publish to \/entities\/c\/, as "C#" .* does, so it publishes to \/entities\/c-[0-9a-f]{6}\// },
  { name: "author listed twice", files: { [A]: article({ ...VALID, author: "[Ana Ruiz, Li Wei, ana ruiz]" }) }, severity: "warning", rule: "author-repeated", file: A, line: 4, message: /author "Ana Ruiz" is listed more than once/ },
  { name: "a body nested too deeply to render", files: { [A]: article(VALID, "> ".repeat(5000) + "deep\n") }, severity: "error", rule: "markdown-failed", file: A, line: 9, message: /could not be rendered: it is nested too deeply/ },
  { name: "a required key left empty", files: { [A]: "---\ntitle:\ndate: 2020-08-12\nauthor: A\n---\n" }, severity: "error", rule: "missing-key", file: A, line: 2, message: /"title" is empty/ },
  { name: "site.yaml that is a list", files: { [A]: article(VALID), "site.yaml": "- title: News\n" }, severity: "error", rule: "yaml-not-mapping", file: "site.yaml", line: 1, message: /not a list of `key: value` lines/ },
  { name: "site.yaml with an alias bomb", files: { [A]: article(VALID), "site.yaml": "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n" }, severity: "error", rule: "yaml-syntax", file: "site.yaml", message: /alias/i },
  { name: "two entity files differing only by accents", files: { [A]: article(VALID), "entities/a.md": "---\nname: Zürich\n---\n", "entities/b.md": "---\nname: Zurich\n---\n" }, severity: "warning", rule: "entity-spelling", file: "entities/b.md", line: 2, message: /"Zurich" differs only by accents from "Zürich" \(entities\/a\.md\)/ },
  { name: "an entity name that is another entity's alias", files: { [A]: article(VALID), "entities/a.md": "---\nname: Alpha\naliases: [Beta]\n---\n", "entities/b.md": "---\nname: Beta\n---\n" }, severity: "error", rule: "duplicate-alias", file: "entities/b.md", line: 2, message: /"Beta" is already an alias of "Alpha" \(entities\/a\.md\)/ },
  { name: "unknown key inside an entity", files: { [A]: article({ ...VALID, entities: "[{ name: X, tpye: place }]" }) }, severity: "warning", rule: "unknown-key", file: A, line: 6, message: /unknown key "entities\.0\.tpye"/ },
  { name: "unknown key inside the image", files: { [A]: article({ ...VALID, image: "{ src: https://photos.example.org/a.png, altt: x }" }) }, severity: "warning", rule: "unknown-key", file: A, line: 7, message: /unknown key "image\.altt"/ },
  { name: "unknown key inside an entity's image", files: { [A]: article(VALID), "entities/e.md": "---\nname: E\nimage: { src: https://photos.example.org/e.png, altt: x }\n---\n" }, severity: "warning", rule: "unknown-key", file: "entities/e.md", line: 3, message: /unknown key "image\.altt"/ },
  { name: "javascript: entity image", files: { [A]: article(VALID), "entities/e.md": "---\nname: E\nimage: 'javascript:alert(1)'\n---\n" }, severity: "error", rule: "invalid-value", file: "entities/e.md", line: 3, message: /"image" must be a path on the site or an http\(s\) address/ },
  { name: "site.yaml with a bad value", files: { [A]: article(VALID), "site.yaml": "title: News\nurl: not-a-url\n" }, severity: "error", rule: "invalid-value", file: "site.yaml", line: 2, message: /"url" "not-a-url" is not a valid web address/ },
];

for (const c of cases) {
  test(`${c.severity}: ${c.name}`, async () => {
    const dir = await writeArchive(c.files, temp);
    const { problems, ok } = await readArchive(dir, { includeDrafts: false });
    const found = problems.find((p) => p.rule === c.rule && p.file === join(dir, c.file));
    assert.ok(found, `no ${c.rule} for ${c.file}; got:\n${problems.map((p) => formatProblem(p, dir)).join("\n")}`);
    assert.equal(found.severity, c.severity);
    assert.match(found.message, c.message);
    assert.ok(found.fix.length > 10, "a problem says how to fix it");
    if (c.fix) assert.match(found.fix, c.fix);
    if (c.line !== undefined) assert.equal(found.line, c.line, formatProblem(found, dir));
    assert.equal(ok, c.severity === "warning");
  });
}

test("every problem in an archive is reported at once", async () => {
  const dir = await writeArchive({
    [A]: article({ ...VALID, date: "2020-02-30" }),
    [B]: article({ ...VALID, title: '""', draft: "maybe" }),
    "articles/c.md": "---js\n{}\n---\n",
  }, temp);
  const { problems } = await readArchive(dir, { includeDrafts: false });
  const fileErrors = problems.filter((p) => p.severity === "error" && p.file !== dir);
  assert.deepEqual(fileErrors.map((p) => p.file.slice(dir.length + 1)).sort(), ["articles/2020/08/a.md", "articles/2020/08/b.md", "articles/2020/08/b.md", "articles/c.md"]);
  // With every article in error, the archive has nothing to publish: said once, for the folder.
  assert.deepEqual(problems.filter((p) => p.file === dir).map((p) => p.rule), ["nothing-to-publish"]);
});

test("a problem prints as path:line:column  message  (fix)", async () => {
  const dir = await writeArchive({ [A]: article({ ...VALID, date: "2020-13-01" }) }, temp);
  const { problems } = await readArchive(dir, { includeDrafts: false });
  assert.equal(formatProblem(problems[0]!, dir), 'articles/2020/08/a.md:3:7  "date" "2020-13-01" has no month 13  (write the publication date as YYYY-MM-DD, e.g. date: 2020-08-12)');
});

test("BOM and CRLF line endings read like plain LF files", async () => {
  const dir = await writeArchive({ [A]: `\uFEFF${article(VALID).replace(/\n/g, "\r\n")}` }, temp);
  const { problems, archive } = await readArchive(dir, { includeDrafts: false });
  assert.deepEqual(problems, []);
  assert.equal(archive.articles[0]?.title, "A headline");
});

test("a file whose opening --- has a Unicode space does not hide another file's problems", async (t) => {
  const dir = await writeArchive({ [A]: "---\u3000js\n{ title: 'x' }\n---\n", [B]: article({ ...VALID, date: "2020-13-45" }) }, t);
  t.after(() => rm(dir, { recursive: true, force: true }));
  const { problems } = await readArchive(dir, { includeDrafts: false });
  const located = problems.filter((p) => p.file !== dir).map((p) => `${p.file.slice(dir.length + 1)}:${p.line}:${p.column} ${p.rule}`);
  assert.deepEqual(located.sort(), ["articles/2020/08/a.md:1:4 front-matter-language", "articles/2020/08/b.md:3:7 invalid-value"]);
});
