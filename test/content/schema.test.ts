// The schema's forms of an entity's `image`: a path or address (as an author's photo), or
// `{ src, alt, caption }` (as an article's image), both read as the latter.
import assert from "node:assert/strict";
import { test } from "node:test";
import { EntityFrontMatter } from "../../src/content/schema.ts";

const image = (value: unknown) => EntityFrontMatter.parse({ name: "Menlo", image: value }).image;

test("an entity's image may be a path, an address, or { src, alt, caption }", () => {
  assert.deepEqual(image("/images/map.png"), { src: "/images/map.png" });
  assert.deepEqual(image(" map.png "), { src: "map.png" });
  assert.deepEqual(image("https://example.org/logo.png"), { src: "https://example.org/logo.png" });
  const described = { src: "/images/map.png", alt: "A map", caption: "The peninsula" };
  assert.deepEqual(image(described), described);
  assert.deepEqual(image({ src: "/m.png", alt: 1984 }), { src: "/m.png", alt: "1984" });
  assert.equal(image(null), undefined, "an empty image: is no image");
});

test("an entity's image that can run script, or has no src, is refused", () => {
  for (const value of ["javascript:alert(1)", "data:image/png;base64,AAAA", "", { alt: "x" }, 3]) {
    const result = EntityFrontMatter.safeParse({ name: "E", image: value });
    assert.equal(result.success, false, JSON.stringify(value));
  }
});
