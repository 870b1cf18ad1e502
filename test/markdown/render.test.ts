// The Markdown stage on fixtures: test/fixtures/markdown/<case>/input.md renders to output.html.
// To accept a deliberate change, run the tests once with UPDATE_FIXTURES=1, then read the diff.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import { countWords, renderMarkdown, renderMarkdownSafely } from "../../src/markdown/render.ts";

const FIXTURES = new URL("../fixtures/markdown/", import.meta.url);

for (const name of readdirSync(FIXTURES)) {
  test(`markdown fixture: ${name}`, () => {
    const input = readFileSync(new URL(`${name}/input.md`, FIXTURES), "utf8");
    const expectedFile = new URL(`${name}/output.html`, FIXTURES);
    const html = `${renderMarkdown(input).html}\n`;
    if (process.env.UPDATE_FIXTURES === "1") writeFileSync(expectedFile, html);
    assert.ok(existsSync(expectedFile), `fixture ${name} has no output.html: run with UPDATE_FIXTURES=1 to write it`);
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

test("no id in a body can take one the page uses, headings' included", () => {
  const { html } = renderMarkdown('## Main\n\n<div id="search">x</div>\n\n[to main](#main)\n');
  assert.match(html, /<h2 id="user-content-main">Main<\/h2>/);
  assert.match(html, /<div id="user-content-search">/);
  assert.match(html, /href="#user-content-main"/);
  assert.doesNotMatch(html, /id="(main|search)"/);
});

test("a body nesting more than 500 elements deep, which browsers flatten, is a failure", () => {
  const list = (depth: number) => Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}- item`).join("\n");
  assert.ok("html" in renderMarkdownSafely(list(240)), "a list 240 deep is 480 elements");
  const deep = renderMarkdownSafely(list(300));
  assert.ok("failure" in deep);
  assert.equal(deep.failure, "the body could not be rendered: it is nested 600 elements deep, past the 500 a page holds before browsers flatten it");
});
