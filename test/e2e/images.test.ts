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
import { checkWithNu, describeNuMessage, javaSkipReason } from "../support/nu-checker.ts";
import { tempDir } from "../support/temp.ts";
import sharp from "sharp";
import { drawnGif, drawnPng } from "../support/images.ts";

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
  "static/places/harbour.png": drawnPng(800, 600, "#1a5fc8"),
  "authors/ana-ruiz.md": "---\nname: Ana Ruiz\nimage: /people/ana.png\n---\n",
  "entities/harbour.md": [
    "---", "name: The Harbour", "type: place",
    'image: { src: /places/harbour.png, alt: "A map of the harbour", caption: "The old quay" }',
    "---", "",
  ].join("\n"),
  // On the web, or a type left as it is: shown as written, a relative path made the site's.
  "entities/gazette.md":
    "---\nname: The Old Gazette\nimage: { src: logo.bmp, alt: Its masthead }\n---\n",
  "entities/remote.md":
    "---\nname: Remote Co\nimage: { src: https://example.org/r.png, alt: R }\n---\n",
  "articles/2020/08/pictured.md": article({
    ...VALID,
    title: "Pictured",
    image: '{ src: /images/wide.png, alt: "A map & its <key>", caption: A caption }',
  }, BODY),
  "articles/2020/08/plain.md": article({ ...VALID, title: "Plain", date: "2020-08-11" }),
  "articles/2020/08/older.md": article({
    ...VALID,
    title: "Older",
    date: "2020-08-10",
    image: '{ src: /images/wide.png, alt: "The same map" }',
  }),
};

const elements = (html: string) => allElements(parsePageHtml(html));
const pictures = (html: string) => elements(html).filter((e) => e.tagName === "picture");
const childrenOf = (picture: Element) =>
  picture.children.filter((c): c is Element => c.type === "element");
const attr = (element: Element, name: string) => {
  const value = element.properties[name];
  return Array.isArray(value) ? value.join(" ") : value === undefined ? undefined : String(value);
};

/** A page's images left as written (a web address, a BMP), in their box of fixed proportions. */
const writtenImages = (html: string) => elements(html).filter((e) => e.tagName === "img"
  && attr(e, "className") === "written-image");

/** A page's <meta> elements, by property or name. */
const metaOf = (html: string) => new Map(elements(html).filter((e) => e.tagName === "meta").map(
  (e) => [attr(e, "property") ?? attr(e, "name"), attr(e, "content")],
));

/** A page's JSON-LD object. */
function jsonLd(html: string) {
  const script = elements(html).find((e) => attr(e, "type") === "application/ld+json");
  const text = script?.children[0]?.type === "text" ? script.children[0].value : "{}";
  return JSON.parse(text) as { "@type": string; mainEntity: Record<string, unknown> };
}

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

  const meta = metaOf(page);
  assert.equal(meta.get("og:image"), `${HOME.slice(0, -1)}${attr(leadImg, "src")}`);
  assert.equal(meta.get("og:image:width"), "1200");
  assert.equal(meta.get("og:image:height"), "675");
  assert.equal(meta.get("twitter:card"), "summary_large_image");
  assert.equal(meta.get("twitter:image"), meta.get("og:image"));

  const home = await readFile(join(site, "index.html"), "utf8");
  const [leadStory, thumb, ...others] = pictures(home);
  assert.ok(leadStory && thumb && others.length === 0, "the lead's image, a thumbnail: no more");
  assert.equal(attr(leadStory, "className"), "article-list-lead-image");
  const leadStoryImg = childrenOf(leadStory).at(-1)!;
  assert.equal(attr(leadStoryImg, "alt"), "A map & its <key>", "large, it is described");
  assert.equal(attr(leadStoryImg, "loading"), "eager");
  assert.equal(attr(leadStoryImg, "fetchPriority"), "high");
  assert.equal(attr(leadStoryImg, "width"), "1200");
  assert.equal(attr(leadStoryImg, "height"), "675");
  assert.match(attr(leadStoryImg, "sizes")!, /calc\(100vw - 2rem\)$/, "the column on a phone");
  assert.equal(attr(thumb, "className"), "article-list-thumb");
  const thumbImg = childrenOf(thumb).at(-1)!;
  assert.equal(attr(thumbImg, "alt"), "", "the headline beside it says what it is");
  assert.equal(attr(thumbImg, "loading"), "lazy");
  assert.equal(attr(thumbImg, "fetchPriority"), undefined);

  const author = await readFile(join(site, "authors/ana-ruiz/index.html"), "utf8");
  const [photo] = pictures(author);
  assert.ok(photo, "the author's photo");
  const photoImg = childrenOf(photo).at(-1)!;
  assert.equal(attr(photoImg, "width"), "300");
  assert.equal(attr(photoImg, "alt"), "Photo of Ana Ruiz");
  await assertPublished(site, photo, "photo");

  const place = await readFile(join(site, "entities/the-harbour/index.html"), "utf8");
  const [map, ...notMaps] = pictures(place);
  assert.ok(map && notMaps.length === 0, "the entity's picture");
  const mapImg = childrenOf(map).at(-1)!;
  assert.equal(attr(mapImg, "alt"), "A map of the harbour");
  assert.equal(attr(mapImg, "width"), "800");
  assert.equal(attr(mapImg, "height"), "600");
  assert.match(place, /<figcaption>The old quay<\/figcaption>/);
  await assertPublished(site, map, "entity");
  const placeMeta = metaOf(place);
  const mapUrl = `${HOME.slice(0, -1)}${attr(mapImg, "src")}`;
  assert.equal(placeMeta.get("og:image"), mapUrl);
  assert.equal(placeMeta.get("og:image:alt"), "A map of the harbour");
  assert.equal(placeMeta.get("twitter:image"), mapUrl);
  const placeData = jsonLd(place);
  assert.equal(placeData["@type"], "CollectionPage");
  assert.deepEqual(placeData.mainEntity, {
    "@type": "Place",
    name: "The Harbour",
    url: `${HOME}entities/the-harbour/`,
    image: { "@type": "ImageObject", url: mapUrl, contentUrl: mapUrl, width: "800", height: "600" },
  });

  const gazette = await readFile(join(site, "entities/the-old-gazette/index.html"), "utf8");
  const [masthead] = writtenImages(gazette);
  assert.equal(attr(masthead!, "src"), "/entities/the-old-gazette/logo.bmp");
  assert.equal(attr(masthead!, "alt"), "Its masthead");
  assert.equal(metaOf(gazette).get("og:image"), `${HOME}entities/the-old-gazette/logo.bmp`);
  const remote = await readFile(join(site, "entities/remote-co/index.html"), "utf8");
  assert.equal(attr(writtenImages(remote)[0]!, "src"), "https://example.org/r.png");
  assert.equal(jsonLd(remote).mainEntity.image, "https://example.org/r.png");

  const manifestText = await readFile(join(site, MANIFEST_FILE), "utf8");
  const manifest = JSON.parse(manifestText) as { others: string[] };
  const images = manifest.others.filter((file) => file.startsWith("img/"));
  // 1600 wide: 160, 400, 800 and 1200; 300 wide: 160 and its own 300 (eleventy-img adds the
  // source's width when it is over 1.25 times the widest kept); 800 wide: 160, 400 and 800.
  // Three formats each.
  assert.equal(images.length, (4 + 2 + 3) * 3, images.join(", "));
});

const PROBLEMS = "a missing image stops the build at its line; a missing alt warns at its line";

test(PROBLEMS, HANG, async (t) => {
  const parent = await tempDir(t, "images");
  const content = await writeArchive({
    ...FILES,
    // As an author's photo: a path alone, which has no alt text.
    "entities/gone.md": "---\nname: Gone Place\ntype: place\nimage: /places/nope.png\n---\n",
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
  const entity = "entities/gone.md";
  const entityLines = run.stderr.split("\n").filter((text) => text.includes(entity)).join("\n");
  assert.match(entityLines, new RegExp(`${entity}:4:\\d+ +"/places/nope.png" is not in static/`));
  assert.match(entityLines, new RegExp(`${entity}:4:\\d+ +image has no alt text`));
  assert.match(entityLines, /write image: as \{ src: …, alt: … \}/);
});

/** Sixty articles by one author about one place, newest first, two to a page. */
function manyArticles(image: (n: number) => string | undefined, body: (n: number) => string) {
  return Object.fromEntries(Array.from({ length: 60 }, (_, i) => {
    const n = i + 1;
    const day = `2020-0${1 + Math.floor(i / 28)}-${String(1 + (i % 28)).padStart(2, "0")}`;
    const fields = {
      ...VALID, title: `Story ${n}`, date: day, entities: "[FBI, The Harbour]",
      ...(image(n) ? { image: image(n)! } : {}),
    };
    return [`articles/story-${n}.md`, article(fields, body(n))];
  }));
}

const AS_WRITTEN =
  "GIFs keep their animation; images left as written are shown, framed, on every page";

test(AS_WRITTEN, HANG, async (t) => {
  const parent = await tempDir(t, "images");
  const content = await writeArchive({
    "site.yaml": `title: Gazette\nurl: ${HOME}\npageSize: 2\n`,
    "static/images/moving.gif": drawnGif(600, 300, 3),
    // Relative, of a type left as written: named from the author's and entity's first page.
    "authors/ana-ruiz.md": "---\nname: Ana Ruiz\nimage: ana.bmp\n---\n",
    "entities/harbour.md":
      "---\nname: The Harbour\ntype: place\nimage: { src: quay.bmp, alt: The quay }\n---\n",
    ...manyArticles(
      (n) => n === 60 ? '{ src: "https://example.org/lead.jpg", alt: "The flood" }'
        : n === 59 ? '{ src: /images/moving.gif, alt: "A moving chart" }'
        : n === 58 ? '{ src: old.bmp, alt: "An old map" }' : undefined,
      (n) => n === 57 ? "Some text about the FBI.\n\n![The votes, moving](/images/moving.gif)\n"
        : "Some text about the FBI.\n",
    ),
  }, join(parent, "content"));
  const site = join(parent, "site");
  const run = await runBuild(content, site, { DATELINE_CACHE_DIR: join(parent, "cache") });
  assert.equal(run.code, 0, run.stderr);
  const read = (path: string) => readFile(join(site, path), "utf8");

  // An animated GIF: an animated WebP and GIF, no AVIF (which cannot move), one frame's height.
  const gifPage = await read("2020/03/03/story-59/index.html");
  const [moving] = pictures(gifPage);
  const parts = childrenOf(moving!);
  assert.deepEqual(parts.map((e) => attr(e, "type") ?? e.tagName), ["image/webp", "img"]);
  const gifImg = parts[1]!;
  assert.match(attr(gifImg, "src")!, /^\/img\/[\w-]+-600\.gif$/);
  assert.deepEqual([attr(gifImg, "width"), attr(gifImg, "height")], ["600", "300"]);
  await assertPublished(site, moving!, "gif");
  const srcsets = [attr(parts[0]!, "srcSet")!, attr(gifImg, "srcSet")!];
  for (const entry of srcsets.join(", ").split(", ")) {
    const file = join(site, entry.split(" ")[0]!);
    const meta = await sharp(file, { animated: true }).metadata();
    assert.equal(meta.pages, 3, `${entry} keeps its three frames`);
  }
  const bodyPage = await read("2020/03/01/story-57/index.html");
  const [bodyGif, ...noMore] = pictures(bodyPage);
  assert.ok(bodyGif && noMore.length === 0, "the body's GIF");
  assert.equal(attr(childrenOf(bodyGif).at(-1)!, "src"), attr(gifImg, "src"), "the same variants");

  // A web address: shown large on the front page, framed (3:2) so that nothing moves, eager.
  const home = await read("index.html");
  const [lead, thumb] = elements(home).filter((e) => e.tagName === "img");
  assert.equal(attr(lead!, "src"), "https://example.org/lead.jpg");
  assert.equal(attr(lead!, "className"), "written-image");
  assert.deepEqual([attr(lead!, "width"), attr(lead!, "height")], ["1200", "800"]);
  assert.equal(attr(lead!, "alt"), "The flood");
  assert.equal(attr(lead!, "loading"), "eager");
  assert.equal(attr(lead!, "fetchPriority"), "high");
  assert.match(home, /<picture class="article-list-lead-image"><img class="written-image"/);
  assert.match(home, /<article class="pictured">/);
  // The second story's GIF, a thumbnail.
  assert.equal(attr(thumb!, "alt"), "");
  assert.equal(attr(thumb!, "loading"), "lazy");
  const article60 = await read("2020/03/04/story-60/index.html");
  const [story] = writtenImages(article60);
  assert.equal(attr(story!, "src"), "https://example.org/lead.jpg");
  assert.equal(attr(story!, "loading"), "eager");

  // A relative image left as written, in a list: named from its article's page.
  const page2 = await read("page/2/index.html");
  const [oldMap] = writtenImages(page2);
  assert.equal(attr(oldMap!, "src"), "/2020/03/02/story-58/old.bmp");
  assert.equal(attr(oldMap!, "loading"), "lazy");
  assert.match(page2, /<picture class="article-list-thumb"><img class="written-image"/);

  // The framed images' pages are valid HTML (the quality gates check the sample archive's).
  if (!javaSkipReason()) {
    const framed = ["index.html", "page/2/index.html", "2020/03/04/story-60/index.html",
      "2020/03/03/story-59/index.html", "entities/the-harbour/page/2/index.html"];
    const errors = await checkWithNu(framed.map((path) => join(site, path)));
    assert.deepEqual(errors.map((e) => describeNuMessage(e, site)), []);
  }

  // Every page of the author and of the entity (50 articles a page) names the same file.
  const photoOf = (html: string) =>
    elements(html).find((e) => attr(e, "className") === "author-photo");
  for (const path of ["authors/ana-ruiz/", "authors/ana-ruiz/page/2/"]) {
    const photo = photoOf(await read(`${path}index.html`));
    assert.equal(attr(photo!, "src"), "/authors/ana-ruiz/ana.bmp", path);
  }
  for (const path of ["entities/the-harbour/", "entities/the-harbour/page/2/"]) {
    const [quay] = writtenImages(await read(`${path}index.html`));
    assert.equal(attr(quay!, "src"), "/entities/the-harbour/quay.bmp", path);
  }
});
