// Import, entity files: each entity the map makes of a term gets its file in the contract's
// format (the description as its body, clean); the import's own files are updated, an
// editor's are left alone, and a renamed entity's old file is kept and reported.
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import {
  type EntityInput, type ExistingEntityFile, planEntityFiles, readEntityFiles,
} from "../../src/import/entity-files.ts";
import type { TermMap } from "../../src/import/map-terms.ts";
import { readWxr } from "../../src/import/read-wxr.ts";
import type { SourceTerm, TermDescription } from "../../src/import/source.ts";
import { readImportRecord, writeFiles } from "../../src/import/write-files.ts";
import { writeArchive } from "../support/archive.ts";

const news: SourceTerm = { kind: "category", slug: "news", name: "News" };
const newsTag: SourceTerm = { kind: "tag", slug: "news", name: "news" };
const filed: SourceTerm = { kind: "category", slug: "uncategorized", name: "Uncategorized" };
const mayor: SourceTerm = { kind: "tag", slug: "mayor", name: "Mayor" };
const cSharp: SourceTerm = { kind: "tag", slug: "c-sharp", name: "C#" };
const c: SourceTerm = { kind: "tag", slug: "c", name: "C" };

function plan(overrides: Partial<EntityInput>) {
  return planEntityFiles({ terms: [], map: undefined, descriptions: [], existing: [],
    ...overrides });
}

function text(bytes: string | Uint8Array): string {
  return typeof bytes === "string" ? bytes : Buffer.from(bytes).toString("utf8");
}

test("one file per entity, in the contract's format; skipped terms get none", () => {
  const map: TermMap = { categories: {}, tags: { mayor: { name: "Ana Ruiz", type: "person" } } };
  const { files, kept, problems } = plan({ terms: [news, filed, mayor, news, newsTag], map });
  assert.deepEqual(files.map((one) => [one.path, text(one.bytes)]), [
    ["entities/ana-ruiz.md", "---\nname: Ana Ruiz\ntype: person\n---\n"],
    // "news" the tag folds into "News" the category, as the build's registry folds names.
    ["entities/news.md", "---\nname: News\ntype: topic\n---\n"],
  ]);
  assert.deepEqual(kept, []);
  assert.deepEqual(problems, []);
});

// Input and expected output side by side: the description's HTML, then the file's body.
const DESCRIPTIONS: [string, string][] = [
  ["Reporting from the <strong>city</strong>.\n\nTips: <a href=\"https://n.test/\">desk</a>.",
    "Reporting from the **city**.\n\nTips: [desk](https://n.test/).\n"],
  ["The council<script>alert(1)</script>, its <a href=\"javascript:alert(2)\" " +
    "onclick=\"x()\">votes</a>.", "The council, its votes.\n"],
  ["<ul><li>one</li><li>two</li></ul>", "- one\n- two\n"],
];

test("a term's description becomes the body, through the bodies' path, nothing left to run",
  () => {
    for (const [html, markdown] of DESCRIPTIONS) {
      const place = "export.xml:21 (category news)";
      const descriptions: TermDescription[] = [{ kind: "category", slug: "news", html, place }];
      const { files, problems } = plan({ terms: [news], descriptions });
      assert.equal(text(files[0]!.bytes), `---\nname: News\ntype: topic\n---\n\n${markdown}`, html);
      if (html.includes("script")) {
        assert.match(problems[0]!.message, /^its description: removed what could run script/);
        assert.deepEqual([problems[0]!.place, problems[0]!.title], [place, "News"]);
      } else assert.deepEqual(problems, []);
    }
  });

test("a category's description is preferred to a tag's of the same entity", () => {
  const descriptions: TermDescription[] = [
    { kind: "tag", slug: "news", html: "The tag.", place: "x.xml:2 (tag news)" },
    { kind: "category", slug: "news", html: "The category.", place: "x.xml:1 (category news)" },
  ];
  const { files } = plan({ terms: [newsTag, news], descriptions });
  assert.match(text(files[0]!.bytes), /\n\nThe category\.\n$/);
});

function existing(path: string, keys: string[], whose: "editor" | "import" | "edited") {
  return { path, keys, imported: whose !== "editor", untouched: whose === "import" };
}

test("an editor's entity, by name or alias, is left alone and the articles name it", () => {
  const files: ExistingEntityFile[] = [
    existing("entities/newsroom.md", ["newsroom", "news"], "editor"),
    existing("entities/mayor.md", ["the mayor"], "editor"),
  ];
  const result = plan({ terms: [news, newsTag, mayor], existing: files });
  assert.deepEqual(result.kept, [
    { path: "entities/newsroom.md", outcome: "kept-own-entity" }]);
  // Same path, another name: write-files leaves it alone (not the import's), so no -2 is made.
  assert.deepEqual(result.files.map((one) => one.path), ["entities/mayor.md"]);
});

test("the import's own file keeps its entity; a newcomer of a like slug gets another", () => {
  const files = [existing("entities/c.md", ["c#"], "import")];
  const { files: planned } = plan({ terms: [c, cSharp], existing: files });
  assert.deepEqual(planned.map((one) => [one.path, text(one.bytes)]), [
    ["entities/c-2.md", "---\nname: C\ntype: topic\n---\n"],
    ["entities/c.md", "---\nname: C#\ntype: topic\n---\n"],
  ]);
});

test("an edited import file stays the entity's (write-files keeps the edit)", () => {
  const files = [existing("entities/hall.md", ["city hall", "mayor"], "edited")];
  const { files: planned, kept } = plan({ terms: [mayor], existing: files });
  assert.deepEqual(planned.map((one) => one.path), ["entities/hall.md"]);
  assert.deepEqual(kept, []);
});

test("an import file the editor renamed stays the entity's, not stepped around", () => {
  const files = [existing("entities/mayor.md", ["the mayor"], "edited")];
  const { files: planned, kept } = plan({ terms: [mayor], existing: files });
  assert.deepEqual(planned.map((one) => one.path), ["entities/mayor.md"]);
  assert.deepEqual(kept, []);
});

test("a renamed entity's old file is kept and reported, the new one planned", () => {
  const map: TermMap = { categories: {}, tags: { mayor: { name: "Office of the Mayor",
    type: "organization" } } };
  const files = [existing("entities/mayor.md", ["mayor"], "import"),
    existing("entities/notes.md", ["notes"], "editor")];
  const { files: planned, kept } = plan({ terms: [mayor], map, existing: files });
  assert.deepEqual(planned.map((one) => one.path), ["entities/office-of-the-mayor.md"]);
  assert.deepEqual(kept, [{ path: "entities/mayor.md", outcome: "kept-unused" }]);
});

test("files on disk: read with their keys and whose they are; a second run changes nothing",
  async (t) => {
    const content = await writeArchive({
      "entities/desk.md": "---\nname: Newsdesk\naliases: [News]\n---\nOurs.\n",
      "entities/broken.md": "no front matter\n",
    }, t);
    let record = await readImportRecord(content);
    const first = plan({ terms: [news, mayor],
      existing: await readEntityFiles(content, record) });
    assert.deepEqual(first.kept, [{ path: "entities/desk.md", outcome: "kept-own-entity" }]);
    const written = await writeFiles(content, first.files, record, false);
    assert.deepEqual(written, [{ path: "entities/mayor.md", outcome: "created" }]);

    record = await readImportRecord(content);
    const read = await readEntityFiles(content, record);
    assert.deepEqual(read.map((one) => [one.path, one.keys, one.imported, one.untouched]), [
      ["entities/broken.md", [], false, false],
      ["entities/desk.md", ["newsdesk", "news"], false, false],
      ["entities/mayor.md", ["mayor"], true, true],
    ]);
    const again = plan({ terms: [news, mayor], existing: read });
    const outcomes = await writeFiles(content, again.files, record, false);
    assert.deepEqual(outcomes, [{ path: "entities/mayor.md", outcome: "unchanged" }]);

    // An editor's change to the import's file survives the next run, with a description new.
    const mayorFile = join(content, "entities/mayor.md");
    await writeFile(mayorFile, "---\nname: Mayor\ntype: person\n---\n\nBy hand.\n");
    record = await readImportRecord(content);
    const third = plan({ terms: [mayor], existing: await readEntityFiles(content, record),
      descriptions: [{ kind: "tag", slug: "mayor", html: "From the export.", place: "x.xml:1" }],
    });
    const kept = await writeFiles(content, third.files, record, false);
    assert.deepEqual(kept, [{ path: "entities/mayor.md", outcome: "kept-edited" }]);
    assert.match(await readFile(mayorFile, "utf8"), /By hand/);
  });

test("a WordPress export's term descriptions are read, by kind and slug", () => {
  const xml = '<?xml version="1.0"?><rss version="2.0" ' +
    'xmlns:wp="http://wordpress.org/export/1.2/"><channel>' +
    "<wp:category><wp:category_nicename>news</wp:category_nicename><wp:cat_name>News" +
    "</wp:cat_name><wp:category_description><![CDATA[The <b>news</b>.]]>" +
    "</wp:category_description></wp:category>" +
    "<wp:category><wp:category_nicename>bare</wp:category_nicename></wp:category>\n" +
    "<wp:tag><wp:tag_slug>%c3%a9t%c3%a9</wp:tag_slug><wp:tag_description>Summer" +
    "</wp:tag_description></wp:tag>\n" +
    "<wp:term><wp:term_taxonomy>post_tag</wp:term_taxonomy><wp:term_slug>mayor</wp:term_slug>" +
    "<wp:term_description>The mayor.</wp:term_description></wp:term>" +
    "<wp:term><wp:term_taxonomy>nav_menu</wp:term_taxonomy><wp:term_slug>menu</wp:term_slug>" +
    "<wp:term_description>A menu.</wp:term_description></wp:term>" +
    "</channel></rss>";
  assert.deepEqual(readWxr(xml, "export.xml").termDescriptions, [
    { kind: "category", slug: "news", html: "The <b>news</b>.",
      place: "export.xml:1 (category news)" },
    { kind: "tag", slug: "été", html: "Summer", place: "export.xml:2 (tag été)" },
    { kind: "tag", slug: "mayor", html: "The mayor.", place: "export.xml:3 (tag mayor)" },
  ]);
  // A file of the contract's format: its front matter reads back as the entity.
  const { files } = plan({ terms: [{ kind: "tag", slug: "x", name: "Q&A: #1 — \"yes\"" }] });
  const fields = parse(text(files[0]!.bytes).split("---\n")[1]!) as { name: string };
  assert.equal(fields.name, "Q&A: #1 — \"yes\"");
});
