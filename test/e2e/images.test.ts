// Images end to end (src/images/): an archive whose article, body and author name files of
// static/ is built by the real command; its pages show <picture> elements whose every variant
// is published at the width it claims, lists show thumbnails, link previews the 1200-pixel
// fallback; a missing file stops the build at its line, a missing description is a warning.
import assert from "node:assert/strict";
import { HANG } from "../support/hang.ts";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import type { Element } from "hast";
import { MANIFEST_FILE } from "../../src/publish/incremental.ts";
import { runBuild } from "../support/build.ts";
import { article, VALID, writeArchive } from "../support/archive.ts";
import { allElements, parsePageHtml } from "../support/html.ts";
import { tempDir } from "../support/temp.ts";
import { drawnPng } from "../support/images.ts";

const HOME = "https://news.example.org/";
const BODY = [
  "Some text about the FBI.",
  "",
  '![A chart of the votes](/images/wide.png "Votes")',
  "",
  "![A web image](https://example.org/remote.png)",
  "",
].join("\n");

const FILES = {
  "site.yaml": `title: Gazette\nurl: ${HOME}\n`,
  "static/images/wide.png": drawnPng(1600, 900),
  "static/people/ana.png": drawnPng(300, 300, "#2f5d50"),
  "authors/ana-ruiz.md": "---\nname: Ana Ruiz\nimage: /people/ana.png\n---\n",
  "articles/2020/08/pictured.md": article({
    ...VALID,
    title: "Pictured",
    image: '{ src: /images/wide.png, alt: "A map & its <key>", caption: A caption }',
  }, BODY),
  "articles/2020/08/plain.md": article({ ...VALID, title: "Plain", date: "2020-08-11" }),
};

const elements = (html: string) => allElements(parsePageHtml(html));
const pictures = (html: string) => elements(html).filter((e) => e.tagName === "picture");
const childrenOf = (picture: Element) =>
  picture.children.filter((c): c is Element => c.type === "element");
const attr = (element: Element, name: string) => {
  const value = element.properties[name];
  return Array.isArray(value) ? value.join(" ") : value === undefined ? undefined : String(value);
};

/** The width a PNG's header gives. */
async function pngWidth(file: string): Promise<number> {
  return (await readFile(file)).readUInt32BE(16);
}

/** Every variant a <picture> offers exists in the site, a PNG at the width its srcset says. */
async function assertPublished(site: string, picture: Element, where: string) {
  for (const child of childrenOf(picture)) {
    const srcset = attr(child, "srcSet")!;
    for (const entry of srcset.split(", ")) {
      const [url, width] = entry.split(" ") as [string, string];
      const file = join(site, url);
      assert.ok((await stat(file)).size > 0, `${where}: ${url} is published`);
      if (url.endsWith(".png")) assert.equal(`${await pngWidth(file)}w`, width, `${where}: ${url}`);
    }
  }
}

const PUBLISHED = "static images are published as <picture> elements, in every size they offer";

test(PUBLISHED, HANG, async (t) => {
  const parent = await tempDir(t, "images");
  const content = await writeArchive(FILES, join(parent, "content"));
  const site = join(parent, "site");
  const env = { DATELINE_CACHE_DIR: join(parent, "cache") };
  const run = await runBuild(content, site, env);
  assert.equal(run.code, 0, run.stderr);
  assert.doesNotMatch(run.stderr, /image-|alt text/);

  const page = await readFile(join(site, "2020/08/12/pictured/index.html"), "utf8");
  const [lead, body, ...more] = pictures(page);
  assert.ok(lead && body && more.length === 0, "the lead image and the body's static image");
  const leadParts = childrenOf(lead);
  assert.deepEqual(leadParts.map((e) => e.tagName), ["source", "source", "img"]);
  assert.deepEqual(leadParts.slice(0, 2).map((e) => attr(e, "type")), ["image/avif", "image/webp"]);
  const leadImg = leadParts[2]!;
  assert.equal(attr(leadImg, "alt"), "A map & its <key>");
  assert.equal(attr(leadImg, "width"), "1200");
  assert.equal(attr(leadImg, "height"), "675");
  assert.equal(attr(leadImg, "loading"), "eager");
  assert.equal(attr(leadImg, "fetchPriority"), "high");
  assert.match(attr(leadImg, "src")!, /^\/img\/[\w-]+-1200\.png$/);
  const bodyImg = childrenOf(body).at(-1)!;
  assert.equal(attr(bodyImg, "loading"), "lazy");
  assert.equal(attr(bodyImg, "alt"), "A chart of the votes");
  assert.equal(attr(bodyImg, "title"), "Votes");
  assert.match(page, /<img src="https:\/\/example.org\/remote.png" alt="A web image">/);
  await assertPublished(site, lead, "lead");
  await assertPublished(site, body, "body");

  const meta = new Map(elements(page).filter((e) => e.tagName === "meta").map((e) => [
    attr(e, "property") ?? attr(e, "name"), attr(e, "content"),
  ]));
  assert.equal(meta.get("og:image"), `${HOME.slice(0, -1)}${attr(leadImg, "src")}`);
  assert.equal(meta.get("og:image:width"), "1200");
  assert.equal(meta.get("og:image:height"), "675");
  assert.equal(meta.get("twitter:card"), "summary_large_image");
  assert.equal(meta.get("twitter:image"), meta.get("og:image"));

  const home = await readFile(join(site, "index.html"), "utf8");
  const [thumb, ...others] = pictures(home);
  assert.ok(thumb && others.length === 0, "one thumbnail: the plain article has none");
  const thumbImg = childrenOf(thumb).at(-1)!;
  assert.equal(attr(thumbImg, "alt"), "", "the headline beside it says what it is");
  assert.equal(attr(thumbImg, "loading"), "lazy");

  const author = await readFile(join(site, "authors/ana-ruiz/index.html"), "utf8");
  const [photo] = pictures(author);
  assert.ok(photo, "the author's photo");
  const photoImg = childrenOf(photo).at(-1)!;
  assert.equal(attr(photoImg, "width"), "300");
  assert.equal(attr(photoImg, "alt"), "Photo of Ana Ruiz");
  await assertPublished(site, photo, "photo");

  const manifestText = await readFile(join(site, MANIFEST_FILE), "utf8");
  const manifest = JSON.parse(manifestText) as { others: string[] };
  const images = manifest.others.filter((file) => file.startsWith("img/"));
  // 1600 wide: 160, 400, 800 and 1200; 300 wide: 160 and its own 300 (eleventy-img adds the
  // source's width when it is over 1.25 times the widest kept). Three formats each.
  assert.equal(images.length, (4 + 2) * 3, images.join(", "));
});

const PROBLEMS = "a missing image stops the build at its line; a missing alt warns at its line";

test(PROBLEMS, HANG, async (t) => {
  const parent = await tempDir(t, "images");
  const content = await writeArchive({
    ...FILES,
    "articles/2020/08/broken.md": article(
      { ...VALID, title: "Broken", image: "{ src: /images/nope.png }" },
      "Some text about the FBI.\n\n![](/images/wide.png)\n\n![Gone](gone.jpg)\n",
    ),
  }, join(parent, "content"));
  const env = { DATELINE_CACHE_DIR: join(parent, "cache") };
  const run = await runBuild(content, join(parent, "site"), env);
  assert.notEqual(run.code, 0);
  const file = "articles/2020/08/broken.md";
  const line = (pattern: RegExp) => run.stderr.split("\n").find((text) => pattern.test(text)) ?? "";
  const missing = (at: number, what: string) =>
    new RegExp(`${file}:${at}:\\d+ +"${what}" is not in static/`);
  assert.match(line(/nope\.png/), missing(7, "/images/nope.png"));
  assert.match(line(/gone\.jpg/), missing(14, "gone.jpg"));
  assert.match(line(/gone\.jpg/), /\(no file static\/2020\/08\/12\/broken\/gone.jpg\)/);
  assert.match(line(/^ *\S+:7:\d+ +image has no alt/), /add alt: under image:/);
  assert.match(line(/"\/images\/wide.png" has no alt/), new RegExp(`${file}:12:`));
});
