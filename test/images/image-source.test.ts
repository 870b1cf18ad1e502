// The images stage's look-up: which static file an image's `src` names, resolved as a browser
// resolves it against the page, and which sources are left as they are.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { imageSource } from "../../src/images/image-source.ts";

const CONTENT = "/archive/content";
const PAGE = "/2020/08/13/story/";
const file = (...parts: string[]) => join(CONTENT, "static", ...parts);

test("a site path, a path relative to the page and one with .. all land in static/", () => {
  assert.deepEqual(imageSource("/images/map.png", PAGE, CONTENT), {
    kind: "static", file: file("images", "map.png"), sitePath: "/images/map.png",
  });
  assert.deepEqual(imageSource("map.PNG", PAGE, CONTENT), {
    kind: "static", file: file("2020", "08", "13", "story", "map.PNG"),
    sitePath: "/2020/08/13/story/map.PNG",
  });
  // URL resolution stops at the root: nothing outside static/ can be named.
  assert.deepEqual(imageSource("../../../../../../etc/x.jpg", PAGE, CONTENT), {
    kind: "static", file: file("etc", "x.jpg"), sitePath: "/etc/x.jpg",
  });
});

test("a .. or a backslash brought back by decoding names no file: left as it is", () => {
  for (const src of [
    "..%2F..%2F..%2F..%2Fsecret.png", "/images/..%2F..%2F..%2Fetc%2Fx.jpg",
    "/images/%2E%2E%2Fx.png", "/images/..%5C..%5Cx.png", "/images/.%2Fx.png",
  ]) {
    assert.deepEqual(imageSource(src, PAGE, CONTENT), { kind: "as-is" }, src);
  }
});

test("a GIF, still or animated, is a static file to transform", () => {
  assert.deepEqual(imageSource("/images/moving.GIF", PAGE, CONTENT), {
    kind: "static", file: file("images", "moving.GIF"), sitePath: "/images/moving.GIF",
  });
});

test("a percent-encoded name is the file's own name; a query or fragment is not part of it", () => {
  assert.deepEqual(imageSource("/images/town%20hall.jpeg?v=2#top", PAGE, CONTENT), {
    kind: "static", file: file("images", "town hall.jpeg"), sitePath: "/images/town hall.jpeg",
  });
});

test("web addresses and types that are not transformed are left as they are", () => {
  for (const src of [
    "https://example.org/a.png", "http://example.org/a.jpg", "//cdn.example.org/a.png",
    "/images/icon.ico", "/images/icon.svg", "/images/no-extension", "/images/%E0%A4%A.png",
  ]) {
    assert.deepEqual(imageSource(src, PAGE, CONTENT), { kind: "as-is" }, src);
  }
});
