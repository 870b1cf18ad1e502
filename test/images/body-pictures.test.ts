// Body images (src/images/body-pictures.ts) on fixtures: test/fixtures/pictures/<case>/input.md,
// rendered by the Markdown stage, with every static image given the same variants, becomes
// output.html. To accept a deliberate change, run once with UPDATE_FIXTURES=1 and read the diff.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import type { ResponsiveImage } from "../../src/archive/model.ts";
import { bodyImages, withPictures } from "../../src/images/body-pictures.ts";
import { imageSource } from "../../src/images/image-source.ts";
import { renderMarkdown } from "../../src/markdown/render.ts";

const FIXTURES = new URL("../fixtures/pictures/", import.meta.url);

/** What ./variants.ts makes of a 1200 × 600 PNG, as the model holds it. */
export const MAP: ResponsiveImage = {
  width: 1200,
  height: 600,
  sources: [
    { type: "image/avif", srcset: "/img/h-160.avif 160w, /img/h-1200.avif 1200w" },
    { type: "image/webp", srcset: "/img/h-160.webp 160w, /img/h-1200.webp 1200w" },
  ],
  fallback: {
    type: "image/png",
    src: "/img/h-1200.png",
    srcset: "/img/h-160.png 160w, /img/h-1200.png 1200w",
  },
  preview: { url: "/img/h-1200.png", width: 1200, height: 600 },
  thumbnail: "/img/h-160.png",
  files: ["avif", "webp", "png"].flatMap((type) => [`img/h-160.${type}`, `img/h-1200.${type}`]),
};

const variants = (image: { src: string }) =>
  imageSource(image.src, "/2020/08/13/story/", "/content").kind === "static" ? MAP : undefined;

for (const name of readdirSync(FIXTURES)) {
  test(`pictures fixture: ${name}`, () => {
    const input = readFileSync(new URL(`${name}/input.md`, FIXTURES), "utf8");
    const { html: body } = renderMarkdown(input, []);
    const html = `${withPictures(body, bodyImages(body), variants)}\n`;
    const expectedFile = new URL(`${name}/output.html`, FIXTURES);
    if (process.env.UPDATE_FIXTURES === "1") writeFileSync(expectedFile, html);
    const missing = `fixture ${name} has no output.html: run with UPDATE_FIXTURES=1`;
    assert.ok(existsSync(expectedFile), missing);
    assert.equal(html, readFileSync(expectedFile, "utf8"), `fixture ${name} differs`);
  });
}

test("a body without images is returned as it is, unparsed", () => {
  const body = "<p>No <b>images</b> here &amp; <imgx> neither.</p>";
  assert.deepEqual(bodyImages("<p>No images.</p>"), []);
  assert.equal(withPictures(body, bodyImages(body), () => MAP), body);
});

test("only the <img> tags are replaced: the text around them is kept byte for byte", () => {
  const body = '<p>Before &amp;<img src="/a.png" alt="A">after <img src="/b.png" alt="">.</p>';
  const images = bodyImages(body);
  const found = images.map((image) => [image.src, image.alt]);
  assert.deepEqual(found, [["/a.png", "A"], ["/b.png", ""]]);
  const html = withPictures(body, images, (image) => (image.src === "/a.png" ? MAP : undefined));
  assert.ok(html.startsWith("<p>Before &amp;<picture>"), html);
  assert.ok(html.endsWith('</picture>after <img src="/b.png" alt="">.</p>'), html);
  const img = /<img src="\/img\/h-1200.png" srcset="[^"]+" sizes="[^"]+" alt="A" width="1200"/;
  assert.match(html, img);
  assert.match(html, /height="600" loading="lazy" decoding="async">/);
});
