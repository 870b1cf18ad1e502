// The CommonMark spec's examples through the Markdown stage. Examples that differ on purpose
// are listed with the reason; a listed example that starts to match fails too, so the list
// stays honest.
import assert from "node:assert/strict";
import { test } from "node:test";
import spec from "commonmark-spec";
import { renderMarkdown } from "../../src/markdown/render.ts";
import { normalizeHtml } from "../support/html.ts";

const SANITIZED = "raw HTML is sanitized (rehype-sanitize, GitHub's schema): unknown elements, comments, <style>/<script> and unsafe attributes are removed";
const PROTOCOL = "links keep only http, https, mailto and relative URLs: other schemes (irc:, made-up ones, `foo):`) are dropped";
const VALID_HTML = "HTML requires an image's alt: raw <img> without one gets alt=\"\" (rehype-complete-images)";
const GFM_AUTOLINK = "GitHub's extension links bare URLs and e-mail addresses (remark-gfm's autolink literals), as github.com does";

const EXPECTED_DIFFERENCES = new Map<number, string>([
  ...[150, 152, 153, 154, 163, 164, 169, 170, 171, 172, 173, 176, 177, 178, 179, 180, 182, 183, 187].map((n) => [n, SANITIZED] as const),
  ...[201, 308, 309, 344, 476, 477, 491, 494, 524, 536, 642, 643].map((n) => [n, SANITIZED] as const),
  ...[613, 614, 615, 616, 617, 625, 626, 627, 628, 629, 630, 631].map((n) => [n, SANITIZED] as const),
  ...[500, 596, 597, 598, 599, 601].map((n) => [n, PROTOCOL] as const),
  ...[602, 606, 608, 611, 612].map((n) => [n, GFM_AUTOLINK] as const),
  [475, VALID_HTML],
]);

interface Example {
  markdown: string;
  html: string;
  section: string;
  number: number;
}

// The spec shows tabs as → so that they are visible; its own test runner puts them back.
const tabs = (text: string) => text.replace(/→/g, "\t");

test("CommonMark spec examples render as the spec says", () => {
  const examples = (spec as { tests: Example[] }).tests;
  assert.ok(examples.length > 600);
  const unexpected: string[] = [];
  const nowMatching: number[] = [];
  for (const example of examples) {
    const got = normalizeHtml(renderMarkdown(tabs(example.markdown)).html);
    const want = normalizeHtml(tabs(example.html));
    const expectedToDiffer = EXPECTED_DIFFERENCES.has(example.number);
    if (got !== want && !expectedToDiffer) unexpected.push(`#${example.number} (${example.section}) ${JSON.stringify(example.markdown)}\n  want ${want}\n  got  ${got}`);
    if (got === want && expectedToDiffer) nowMatching.push(example.number);
  }
  assert.deepEqual(unexpected, [], `examples that differ from the spec:\n${unexpected.join("\n")}`);
  assert.deepEqual(nowMatching, [], "listed as differing on purpose, but now match: remove them from EXPECTED_DIFFERENCES");
});

test("nothing an example writes can run script", () => {
  for (const example of (spec as { tests: Example[] }).tests) {
    const { html } = renderMarkdown(tabs(example.markdown));
    assert.doesNotMatch(html, /<script|<style|<iframe|\son\w+=|javascript:/i, `example ${example.number}`);
  }
});
