import assert from "node:assert/strict";
import { test } from "node:test";
import { parseFrontMatter } from "../../src/content/front-matter.ts";
import { Problems } from "../../src/content/problems.ts";

function parse(text: string) {
  const problems = new Problems();
  const result = parseFrontMatter("a.md", text, problems);
  return { result, problems: problems.list };
}

test("splits YAML front matter from the body and knows where the body starts", () => {
  const { result, problems } = parse("---\ntitle: Hello\ndate: 2020-08-12\n---\n\nBody text\n");
  assert.deepEqual(problems, []);
  assert.deepEqual(result?.data, { title: "Hello", date: "2020-08-12" });
  assert.equal(result?.body.trim(), "Body text");
  assert.equal(result?.bodyLine, 6);
});

test("the body is all after the closing fence, and starts at its first line with text", () => {
  const cases: [string, string, number][] = [
    ["---\ntitle: A\n---", "", 4],
    ["---\ntitle: A\n---\n", "", 4],
    ["---\n---\nBody", "Body", 3],
    ["---\ntitle: A\n---  \n \n\t\nBody\n---\nMore", " \n\t\nBody\n---\nMore", 6],
  ];
  for (const [text, body, bodyLine] of cases) {
    const { result, problems } = parse(text);
    assert.deepEqual(problems, [], JSON.stringify(text));
    assert.deepEqual([result?.body, result?.bodyLine], [body, bodyLine], JSON.stringify(text));
  }
});

test("dates stay strings: YAML 1.2 has no timestamps, so no time zone can shift them", () => {
  const { result } = parse("---\ndate: 2020-08-12\nupdated: 2020-08-12T23:30:00-11:00\n---\n");
  assert.equal(result?.data.date, "2020-08-12");
  assert.equal(result?.data.updated, "2020-08-12T23:30:00-11:00");
});

test("locates keys and list items by line and column", () => {
  const { result } = parse("---\ntitle: Hello\nentities:\n  - FBI\n  - { name: Menlo Park, type: place }\n---\n");
  assert.deepEqual(result?.locate(["title"]), { line: 2, column: 8 });
  assert.deepEqual(result?.locate(["entities", 1, "type"]), { line: 5, column: 31 });
  assert.deepEqual(result?.keys.map((k) => [k.key, k.place.line]), [["title", 2], ["entities", 3]]);
});

test("YAML syntax errors name the line inside the file", () => {
  const { result, problems } = parse("---\ntitle: Hello\nsummary: [unclosed\ndate: 2020-01-01\n---\n");
  assert.equal(result, undefined);
  assert.equal(problems[0]?.rule, "yaml-syntax");
  assert.ok((problems[0]?.line ?? 0) >= 3, `line ${problems[0]?.line}`);
});

test("duplicate keys are errors", () => {
  const { problems } = parse("---\ntitle: A\ntitle: B\n---\n");
  assert.equal(problems[0]?.rule, "yaml-syntax");
  assert.equal(problems[0]?.line, 3);
});

test("front matter in another language is refused and never run", () => {
  const marker = "__datelineFrontMatterRan";
  for (const language of ["js", "javascript", "coffee", "json", "toml"]) {
    const { result, problems } = parse(`---${language}\n{ title: (globalThis.${marker} = true) && "x" }\n---\nBody\n`);
    assert.equal(result, undefined, language);
    assert.equal(problems[0]?.rule, "front-matter-language");
    assert.equal(problems[0]?.line, 1);
  }
  assert.equal((globalThis as Record<string, unknown>)[marker], undefined);
});

test("missing, unclosed or non-mapping front matter is reported", () => {
  assert.equal(parse("Just a body\n").problems[0]?.rule, "front-matter-missing");
  assert.equal(parse("---\ntitle: x\n").problems[0]?.rule, "front-matter-unclosed");
  assert.equal(parse("---\n- a\n- b\n---\n").problems[0]?.rule, "yaml-not-mapping");
});

test("a comment after the opening --- is YAML, not a language", () => {
  const { result, problems } = parse("--- # written by hand\ntitle: Hello\n---\nBody\n");
  assert.deepEqual(problems, []);
  assert.equal(result?.data.title, "Hello");
});

test("YAML aliases cannot blow up memory", () => {
  const bomb = ["---", "a: &a [x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]", "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]", "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]", "---", ""].join("\n");
  const { result, problems } = parse(bomb);
  assert.equal(result, undefined);
  assert.match(problems[0]?.message ?? "", /alias/i);
});

test("an opening line with a Unicode space is a located error, never a crash or a run", () => {
  const marker = "__datelineUnicodeFenceRan";
  for (const space of ["\u00a0", "\u2003", "\u3000"]) {
    const { result, problems } = parse(`---${space}js\n{ title: (globalThis.${marker} = true) && "x" }\n---\nBody\n`);
    assert.equal(result, undefined);
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.equal(problems[0]?.rule, "front-matter-language");
    assert.deepEqual([problems[0]?.line, problems[0]?.column], [1, 4]);
    assert.match(problems[0]?.message ?? "", /"js"/);
    assert.match(problems[0]?.message ?? "", /U\+[0-9A-F]{4}/, "the invisible space is named");
  }
  assert.equal((globalThis as Record<string, unknown>)[marker], undefined);
});

test("anything but spaces, tabs or a comment after the opening --- is an error", () => {
  for (const opening of ["---\u00a0", "---yaml", "--- yaml", "----", "---#x", "--- \u2003# c"]) {
    const { result, problems } = parse(`${opening}\ntitle: Hello\n---\nBody\n`);
    assert.equal(result, undefined, JSON.stringify(opening));
    assert.equal(problems[0]?.severity, "error", JSON.stringify(opening));
    assert.deepEqual([problems[0]?.line, problems[0]?.column], [1, 4], JSON.stringify(opening));
  }
});

test("fences may end in spaces and tabs; the front matter ends at the first line of just ---", () => {
  const { result, problems } = parse("--- \t\ntitle: Hello\n---\t \n\nBody\n---\nMore body\n");
  assert.deepEqual(problems, []);
  assert.deepEqual(result?.data, { title: "Hello" });
  assert.equal(result?.body, "\nBody\n---\nMore body\n");
  assert.equal(result?.bodyLine, 5);
});

test("a line that is not exactly --- does not close the front matter", () => {
  const { result, problems } = parse("---\ntitle: Hello\n----\nBody\n");
  assert.equal(result, undefined);
  assert.equal(problems[0]?.rule, "front-matter-unclosed");
  const nbsp = parse("---\ntitle: Hello\n---\u00a0\nBody\n");
  assert.equal(nbsp.problems[0]?.rule, "front-matter-unclosed");
  assert.equal(nbsp.problems[0]?.line, 3, "points at the line that looks like a closing fence");
  assert.match(nbsp.problems[0]?.message ?? "", /U\+00A0/);
});

test("empty front matter is an empty mapping", () => {
  const { result, problems } = parse("---\n---\nBody\n");
  assert.deepEqual(problems, []);
  assert.deepEqual(result?.data, {});
  assert.equal(result?.body, "Body\n");
  assert.equal(result?.bodyLine, 3);
});
