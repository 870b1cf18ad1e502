// Import, body conversion: each HTML body under test/fixtures/import/bodies/ beside the
// Markdown it must become, plus what a hostile body must not keep.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { convertBody } from "../../src/import/convert-body.ts";
import type { Attachment } from "../../src/import/shortcodes.ts";
import { PROJECT_ROOT } from "../support/build.ts";
import { tempDir } from "../support/temp.ts";
import { writeArchive } from "../support/archive.ts";

const BODIES = join(PROJECT_ROOT, "test/fixtures/import/bodies");

const attachments = new Map<string, Attachment>([
  ["901", { id: "901", url: "http://old.test/wp-content/uploads/2013/03/bridge.jpg",
    title: "Bridge at dawn", parentId: "1" }],
  ["902", { id: "902", url: "http://old.test/wp-content/uploads/2013/03/river.jpg",
    title: "From the river", parentId: "1" }],
]);

async function convertFixture(name: string, uploadsDir?: string) {
  const html = await readFile(join(BODIES, `${name}.html`), "utf8");
  return convertBody(html, {
    paragraphsAsBlankLines: !html.includes("<!-- wp:"),
    shortcodes: { postId: "1", attachments },
    // The block editor keeps notes in the post's meta; the fixture's second is rendered.
    footnotes: [{ id: "2a1b", content: "From the <em>draft</em> accounts." }],
    ...(uploadsDir ? { uploadsDir } : {}),
  });
}

for (const name of ["classic", "shortcodes", "blocks", "hostile", "footnotes"]) {
  test(`body fixture ${name}.html becomes ${name}.md`, async () => {
    const expected = await readFile(join(BODIES, `${name}.md`), "utf8");
    assert.equal((await convertFixture(name)).markdown, expected);
  });
}

test("a classic body keeps paragraphs, lists, quote, table, code and inline marks", async () => {
  const { markdown, problems } = await convertFixture("classic");
  assert.deepEqual(problems, []);
  for (const part of ["## Headings", "  - Nested item", "> A quotation.", "| North | 1,204 |",
    "```\nif (a < b) { return; }\n```", "[link](http://example.org/report)", "~~deleted~~"]) {
    assert.ok(markdown.includes(part), `missing ${JSON.stringify(part)} in\n${markdown}`);
  }
  assert.doesNotMatch(markdown, /more/, "the <!--more--> marker is dropped");
});

test("shortcodes with a Markdown form are converted, the others reported", async () => {
  const { markdown, problems } = await convertFixture("shortcodes");
  assert.match(markdown,
    /!\[The new bridge\]\(http:\/\/old\.test\/[^)]*bridge\.jpg\)\n\n_The bridge at dawn\._/);
  assert.match(markdown, /- !\[Bridge at dawn\]\([^)]+\)\n- !\[From the river\]/, "gallery");
  assert.match(markdown, /<https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ>/, "oEmbed line");
  assert.match(markdown, /<https:\/\/twitter\.com\/example\/status\/123>/, "[embed]");
  assert.match(markdown, /Kept text and \\\[sic\] stays\./, "shortcode unwrapped, prose kept");
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /\[pullquote\] has no Markdown form/);
});

test("block markup: comments dropped, figure captions kept, embeds as links", async () => {
  const { markdown } = await convertFixture("blocks");
  assert.doesNotMatch(markdown, /wp:/);
  assert.match(markdown,
    /!\[The harbour\]\(\/wp-content\/uploads\/harbour\.jpg\)\n\n_The harbour in April\._/);
  assert.match(markdown, /<https:\/\/twitter\.com\/example\/status\/987>/);
});

test("footnotes: the block editor's (in meta or rendered) and plug-ins' shortcodes", async () => {
  const { markdown, problems } = await convertFixture("footnotes");
  assert.deepEqual(problems, []);
  assert.match(markdown, /grew\[\^1\] and the council agreed\.\[\^2\]/);
  assert.match(markdown, /\[\^2\]: By seven votes to two\.\n/, "the rendered list, back link gone");
  assert.match(markdown, /\[\^3\]: See the \[minutes\]\(https:\/\/example\.org\/minutes\)\.\n$/);
  assert.doesNotMatch(markdown, /wp-block-footnotes|↩/);
});

test("a footnote mark without its note is removed and reported", () => {
  const body = convertBody('<p>Text<sup data-fn="x"><a href="#x">1</a></sup>.</p>', {
    paragraphsAsBlankLines: false, shortcodes: { postId: "", attachments: new Map() } });
  assert.equal(body.markdown, "Text.\n");
  assert.match(body.problems.join(), /footnote mark has no note/);
});

test("nothing that can run script survives a hostile body, and the report says so", async () => {
  const { markdown, problems } = await convertFixture("hostile");
  const active = ["javascript", "vbscript", "data:", "onerror", "onclick", "onmouseover", "alert(",
    "<iframe", "<object", "<embed", "<form", "<svg", "<math", "<style", "display:none"];
  for (const part of active) assert.ok(!markdown.toLowerCase().includes(part), part);
  assert.match(markdown,
    /After \\<script>not code\\<\/script> \[a fine link\]\(https:\/\/ok\.example\/\)/,
    "text that only looks like a tag stays text, escaped");
  assert.match(problems.join("\n"),
    /removed what could run script: .*<script>.*event handlers.*javascript: addresses/);
});

test("--uploads: links into wp-content/uploads the copy holds point at the new site", async (t) => {
  const uploads = await writeArchive({ "2013/03/bridge.jpg": "jpeg bytes" }, t);
  const { markdown, uploads: found, problems } = await convertFixture("shortcodes", uploads);
  assert.deepEqual(found, ["2013/03/bridge.jpg"]);
  assert.match(markdown, /!\[The new bridge\]\(\/wp-content\/uploads\/2013\/03\/bridge\.jpg\)/);
  assert.match(markdown,
    /!\[From the river\]\(http:\/\/old\.test\/wp-content\/uploads\/2013\/03\/river\.jpg\)/,
    "a file the copy lacks keeps its address");
  assert.match(problems.join("\n"), /river\.jpg is not in the uploads folder/);
});

test("an uploads path cannot leave the uploads folder", async (t) => {
  const parent = await tempDir(t, "uploads");
  const uploads = join(parent, "uploads");
  await writeArchive({ "uploads/a.jpg": "x", "secret.jpg": "y" }, parent);
  const html = '<img src="/wp-content/uploads/..%2Fsecret.jpg" alt="s">' +
    '<img src="/wp-content/uploads/a.jpg" alt="a">';
  const body = convertBody(html, { paragraphsAsBlankLines: false,
    shortcodes: { postId: "", attachments: new Map() }, uploadsDir: uploads });
  assert.deepEqual(body.uploads, ["a.jpg"]);
});

test("a relative image address is made absolute against the post's old address", async (t) => {
  const uploads = await writeArchive({ "2019/04/harbour.jpg": "jpeg bytes" }, t);
  const html = [
    '<img src="x.png" alt="beside the post">',
    '<img src="/images/y.png" alt="at the root">',
    '<img src="../wp-content/uploads/2019/04/harbour.jpg" alt="an upload">',
    '<img src="https://cdn.test/z.png" alt="elsewhere">',
    '<img src="//cdn.test/w.png" alt="no scheme">',
    '<p><a href="/2013/01/other/">a link</a></p>',
  ].join("\n");
  const convert = (oldAddress?: string) =>
    convertBody(html, {
      paragraphsAsBlankLines: false,
      shortcodes: { postId: "", attachments: new Map() },
      uploadsDir: uploads,
      ...(oldAddress ? { oldAddress } : {}),
    });
  const body = convert("http://old.test/2019/05/01/post/");
  assert.deepEqual(body.markdown.match(/!\[[^\]]*\]\([^)]*\)|\[a link\]\([^)]*\)/g), [
    "![beside the post](http://old.test/2019/05/01/post/x.png)",
    "![at the root](http://old.test/images/y.png)",
    "![an upload](/wp-content/uploads/2019/04/harbour.jpg)",
    "![elsewhere](https://cdn.test/z.png)",
    "![no scheme](//cdn.test/w.png)",
    // Links stay: an old path of an article is kept as its alias, and leads to it.
    "[a link](/2013/01/other/)",
  ]);
  assert.deepEqual(body.uploads, ["2019/04/harbour.jpg"]);
  assert.match(convert().markdown, /!\[beside the post\]\(x\.png\)/, "no old address: as written");
});
