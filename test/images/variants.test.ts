// The images stage's transform (src/images/variants.ts): AVIF, WebP and the source's format at
// the widths that fit, made once into the cache, named by the source's bytes.
import assert from "node:assert/strict";
import { HANG } from "../support/hang.ts";
import { readdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { imageVariants } from "../../src/images/variants.ts";
import sharp from "sharp";
import { drawnGif, drawnPng } from "../support/images.ts";
import { tempDir } from "../support/temp.ts";

const TITLE = "a PNG gets AVIF, WebP and PNG at each width up to its own, made once";

test(TITLE, HANG, async (t) => {
  const folder = await tempDir(t, "variants");
  const source = join(folder, "map.png");
  await writeFile(source, drawnPng(1000, 500));
  const cache = join(folder, "cache");

  const image = await imageVariants(source, cache);
  // 1200 is wider than the source: left out, as eleventy-img does (it never enlarges).
  assert.equal(image.width, 800);
  assert.equal(image.height, 400);
  assert.deepEqual(image.sources.map((s) => s.type), ["image/avif", "image/webp"]);
  assert.equal(image.fallback.type, "image/png");
  const widths = (srcset: string) => srcset.split(", ").map((entry) => entry.split(" ")[1]);
  for (const srcset of [...image.sources.map((s) => s.srcset), image.fallback.srcset]) {
    assert.deepEqual(widths(srcset), ["160w", "400w", "800w"]);
  }
  assert.match(image.fallback.src, /^\/img\/[\w-]+-800\.png$/);
  assert.match(image.thumbnail, /^\/img\/[\w-]+-160\.png$/);
  assert.deepEqual(image.preview, { url: image.fallback.src, width: 800, height: 400 });
  assert.equal(image.files.length, 9);
  const cached = (await readdir(join(cache, "img"))).sort();
  assert.deepEqual(cached, image.files.map((file) => file.slice("img/".length)).sort());
  assert.deepEqual(await readdir(cache), ["img"], "no folder is left from making them");

  const time = async (file: string) => (await stat(join(cache, file))).mtimeMs;
  const times = async () => Promise.all(image.files.map(time));
  const before = await times();
  assert.deepEqual(await imageVariants(source, cache), image, "the same image, from the cache");
  assert.deepEqual(await times(), before, "nothing is encoded again");

  await writeFile(source, drawnPng(1000, 500, "#1a5fc8"));
  const replaced = await imageVariants(source, cache);
  assert.notEqual(replaced.fallback.src, image.fallback.src, "new bytes, new names");
});

test("an image narrower than every width keeps its own, once", HANG, async (t) => {
  const folder = await tempDir(t, "variants");
  const png = join(folder, "small.png");
  await writeFile(png, drawnPng(120, 90));
  const image = await imageVariants(png, join(folder, "cache"));
  assert.equal(image.fallback.srcset.split(", ").length, 1);
  assert.equal(image.width, 120);
  assert.equal(image.thumbnail, image.fallback.src);
});

const ANIMATED = "an animated GIF becomes an animated WebP and GIF at each width, its frames kept";

test(ANIMATED, HANG, async (t) => {
  const folder = await tempDir(t, "variants");
  const gif = join(folder, "moving.gif");
  await writeFile(gif, drawnGif(600, 300, 3));
  const cache = join(folder, "cache");
  const image = await imageVariants(gif, cache);
  // AVIF cannot move: left out. The height is one frame's, not the frames' stacked.
  assert.deepEqual(image.sources.map((s) => s.type), ["image/webp"]);
  assert.equal(image.fallback.type, "image/gif");
  assert.equal(image.width, 600);
  assert.equal(image.height, 300);
  const widths = (srcset: string) => srcset.split(", ").map((entry) => entry.split(" ")[1]);
  assert.deepEqual(widths(image.fallback.srcset), ["160w", "400w", "600w"]);
  assert.deepEqual(widths(image.sources[0]!.srcset), ["160w", "400w", "600w"]);
  assert.equal(image.files.length, 6);
  for (const file of image.files) {
    const meta = await sharp(join(cache, file), { animated: true }).metadata();
    assert.equal(meta.pages, 3, `${file} keeps its three frames`);
    assert.ok(meta.pageHeight! > 0 && meta.height === meta.pageHeight! * 3, file);
  }
  assert.deepEqual(await imageVariants(gif, cache), image, "made once");
});

test("a still GIF is transformed as a PNG is: AVIF, WebP and GIF", HANG, async (t) => {
  const folder = await tempDir(t, "variants");
  const gif = join(folder, "still.gif");
  await writeFile(gif, drawnGif(300, 150, 1));
  const image = await imageVariants(gif, join(folder, "cache"));
  assert.deepEqual(image.sources.map((s) => s.type), ["image/avif", "image/webp"]);
  assert.equal(image.fallback.type, "image/gif");
  assert.deepEqual([image.width, image.height], [300, 150]);
  assert.equal(image.files.length, 6);
});
