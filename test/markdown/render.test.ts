// The Markdown stage on fixtures: test/fixtures/markdown/<case>/input.md renders to output.html.
// To accept a deliberate change, delete output.html and run the tests once: it is rewritten.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import { countWords, renderMarkdown } from "../../src/markdown/render.ts";

const FIXTURES = new URL("../fixtures/markdown/", import.meta.url);

for (const name of readdirSync(FIXTURES)) {
  test(`markdown fixture: ${name}`, () => {
    const input = readFileSync(new URL(`${name}/input.md`, FIXTURES), "utf8");
    const expectedFile = new URL(`${name}/output.html`, FIXTURES);
    const html = `${renderMarkdown(input).html}\n`;
    if (!existsSync(expectedFile)) writeFileSync(expectedFile, html);
    assert.equal(html, readFileSync(expectedFile, "utf8"), `fixture ${name} differs`);
  });
}

test("rendering is a pure function of the text", () => {
  const text = "# Hi\n\nSome *text*[^1].\n\n[^1]: Note.\n";
  assert.deepEqual(renderMarkdown(text), renderMarkdown(text));
});

test("plain text and word count come with the HTML", () => {
  const { text, wordCount } = renderMarkdown("## Heading\n\nIt's a **bold** claim, isn't it?\n");
  assert.equal(text, "Heading It's a bold claim, isn't it?");
  assert.equal(wordCount, 7);
  assert.equal(countWords("東京 and Москва"), 3);
});

test("unsafe URLs and script never survive", () => {
  const { html } = renderMarkdown(readFileSync(new URL("sanitize/input.md", FIXTURES), "utf8"));
  assert.doesNotMatch(html, /javascript:|data:|vbscript:|<script|<iframe|<style|onerror|onclick|onload|<form/i);
});
