// The dev server's error banner (layouts/components/ContentProblems.tsx): every problem with
// its place, message and fix, as text whatever it holds; nothing at all when there is none.
import assert from "node:assert/strict";
import { test } from "node:test";
import { h } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import { ContentProblems } from "../../layouts/components/ContentProblems.tsx";
import type { Problem } from "../../src/content/problems.ts";
import { allElements, parsePageHtml } from "../support/html.ts";

const PROBLEMS: Problem[] = [
  {
    severity: "error",
    file: "articles/2020/08/a.md",
    line: 3,
    column: 7,
    rule: "date",
    message: '"date" "2020-13-45" has no month 13',
    fix: "write the publication date as YYYY-MM-DD",
  },
  {
    severity: "error",
    file: "site.yaml",
    rule: "hostile",
    message: 'title "<script>alert(1)</script>" & more',
    fix: "remove the <b>tags</b>",
  },
];

const banner = (problems: Problem[]) => renderToStaticMarkup(h(ContentProblems, { problems }));

test("no problem, no banner", () => {
  assert.equal(banner([]), "");
});

test("each problem is listed with its file and line, what is wrong and how to fix it", () => {
  const html = banner(PROBLEMS);
  const elements = allElements(parsePageHtml(`<!doctype html><title>t</title>${html}`));
  const section = elements.find((element) => element.tagName === "section")!;
  assert.equal(section.properties.role, "alert");
  assert.deepEqual(section.properties.className, ["content-problems"]);
  assert.match(html, />2 content errors: fix them and this page reloads<\/h2>/);
  const items = elements.filter((element) => element.tagName === "li");
  assert.equal(items.length, 2);
  assert.match(html, /<code class="content-problem-place">articles\/2020\/08\/a\.md:3:7<\/code>/);
  const noLine = /<code class="content-problem-place">site\.yaml<\/code>/;
  assert.match(html, noLine, "no line when none is known");
  const message = "&quot;date&quot; &quot;2020-13-45&quot; has no month 13";
  assert.ok(html.includes(`<span class="content-problem-message">${message}</span>`));
  const fix = "(write the publication date as YYYY-MM-DD)";
  assert.ok(html.includes(`<span class="content-problem-fix">${fix}</span>`));
  const tags = elements.map((element) => element.tagName);
  assert.ok(!tags.includes("script") && !tags.includes("b"), "text stays text");
  assert.match(html, /&lt;script>alert\(1\)&lt;\/script>/);
});

test("one problem is said in the singular", () => {
  const html = banner(PROBLEMS.slice(0, 1));
  assert.match(html, />1 content error: fix it and this page reloads</);
});
