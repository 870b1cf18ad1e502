// Mention linking (src/markdown/plugins/rehype-entity-mentions.ts) on fixtures:
// test/fixtures/mentions/<case>/input.md with targets.json renders to output.html.
// To accept a deliberate change, run the tests once with UPDATE_FIXTURES=1, then read the diff.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import rehypeParse from "rehype-parse";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { isAcronym, nameMatcher } from "../../src/markdown/name-pattern.ts";
import rehypeEntityMentions, {
  type MentionTarget,
} from "../../src/markdown/plugins/rehype-entity-mentions.ts";
import { renderMarkdown } from "../../src/markdown/render.ts";

const FIXTURES = new URL("../fixtures/mentions/", import.meta.url);

for (const name of readdirSync(FIXTURES)) {
  test(`mentions fixture: ${name}`, () => {
    const input = readFileSync(new URL(`${name}/input.md`, FIXTURES), "utf8");
    const targets = JSON.parse(
      readFileSync(new URL(`${name}/targets.json`, FIXTURES), "utf8"),
    ) as MentionTarget[];
    const expectedFile = new URL(`${name}/output.html`, FIXTURES);
    const html = `${renderMarkdown(input, targets).html}\n`;
    if (process.env.UPDATE_FIXTURES === "1") writeFileSync(expectedFile, html);
    assert.ok(
      existsSync(expectedFile),
      `fixture ${name} has no output.html: run with UPDATE_FIXTURES=1 to write it`,
    );
    assert.equal(html, readFileSync(expectedFile, "utf8"), `fixture ${name} differs`);
  });
}

function linked(html: string, targets: MentionTarget[]): string {
  const processor = unified()
    .use(rehypeParse, { fragment: true })
    .use(rehypeEntityMentions, { targets })
    .use(rehypeStringify);
  return String(processor.processSync(html));
}

test("the plugin links the first mention only, with the description as its title", () => {
  const out = linked("<p>CISA and cisa, then CISA.</p>", [
    { url: "/entities/cisa/", names: ["Cisa"], title: "An agency & more" },
  ]);
  assert.equal(
    out,
    '<p><a href="/entities/cisa/" class="mention" title="An agency &#x26; more">CISA</a> and cisa, then CISA.</p>',
  );
});

test("without targets, or with names that have no letters, the tree is left as it is", () => {
  assert.equal(linked("<p>Text.</p>", []), "<p>Text.</p>");
  assert.equal(
    linked("<p>Text -- .</p>", [{ url: "/x/", names: ["--", " "] }]),
    "<p>Text -- .</p>",
  );
});

test("a name's characters that mean something in a pattern are taken as written", () => {
  const out = linked("<p>C++ and C# and Cx.</p>", [
    { url: "/c/", names: ["C++"] },
    { url: "/cs/", names: ["C#"] },
  ]);
  assert.equal(
    out,
    '<p><a href="/c/" class="mention">C++</a> and <a href="/cs/" class="mention">C#</a> and Cx.</p>',
  );
});

test("text the body writes as HTML is escaped, never taken as markup", () => {
  const { html } = renderMarkdown("Facebook &lt;b&gt; said.\n", [
    { url: "/f/", names: ["Facebook"], title: '"><script>x</script>' },
  ]);
  // Inside a quoted attribute, < and > are text: only the quote must be escaped.
  const link = '<a href="/f/" class="mention" title="&#x22;><script>x</script>">Facebook</a>';
  assert.equal(html, `<p>${link} &#x3C;b> said.</p>`);
});

test("acronyms are names written in capitals only", () => {
  assert.equal(isAcronym("ICE"), true);
  assert.equal(isAcronym("F.B.I."), true);
  assert.equal(isAcronym("Ice"), false);
  assert.equal(isAcronym("A"), false);
  assert.equal(isAcronym("3M"), false);
});

test("the matcher tries longer names first, so it finds the longest at one place", () => {
  const matcher = nameMatcher(["Homeland Security", "Department of Homeland Security"])!;
  assert.deepEqual(matcher.names, ["Department of Homeland Security", "Homeland Security"]);
  const text = "the Department of  Homeland\nSecurity";
  const [found] = matcher.find(text);
  assert.equal(found?.name, "Department of Homeland Security");
  assert.equal(text.slice(found?.start, found?.end), "Department of  Homeland\nSecurity");
});

test("names are found in folded text and given back as written, across forms of Unicode", () => {
  const matcher = nameMatcher(["José García", "ΟΔΥΣΣΕΑΣ Ελύτης", "ÉTA", "Ana"])!;
  const text = "Jose\u0301  GARCI\u0301A met Οδυσσέας Ελύτης; éta, ÉTA, Ana\u0301 and 𝐀Ana.";
  const found = matcher.find(text).map(({ name, start, end }) => [name, text.slice(start, end)]);
  assert.deepEqual(found, [
    ["José García", "Jose\u0301  GARCI\u0301A"],
    ["ΟΔΥΣΣΕΑΣ Ελύτης", "Οδυσσέας Ελύτης"],
    ["ÉTA", "ÉTA"],
    ["Ana", "Ana\u0301"],
  ]);
});

test("at one place, a shorter name is tried when the longer one is not a whole word there", () => {
  const matcher = nameMatcher(["Kofi Ostarson", "Kofi"])!;
  const text = "Kofi Ostarsons";
  assert.deepEqual(matcher.find(text), [{ name: "Kofi", start: 0, end: 4 }]);
});

test("at one place, the name longest once folded wins, though written decomposed", () => {
  // Nine code units written, six folded: longer as written than "Helene X", shorter folded.
  const decomposed = "He\u0301le\u0300ne\u0300";
  const matcher = nameMatcher([decomposed, "Helene X"])!;
  assert.deepEqual(matcher.find("Helene X"), [{ name: "Helene X", start: 0, end: 8 }]);
});

test("vowel signs of Indic scripts are letters of the name, not accents to drop", () => {
  // "राम" (Ram) is not "रमा" (Rama) nor the start of "रामायण" (Ramayana).
  const matcher = nameMatcher(["राम"])!;
  const text = "रमा, रामायण और राम।";
  const found = matcher.find(text).map(({ start, end }) => text.slice(start, end));
  assert.deepEqual(found, ["राम"]);
  assert.deepEqual(nameMatcher(["मोदी"])!.find("मादा मद"), []);
});

test("a soft hyphen or a joiner inside a word is invisible: the word is still one", () => {
  const matcher = nameMatcher(["Apple", "Obama"])!;
  const text = "Apple\u00adbee's, Oba\u00adma.";
  const found = matcher.find(text).map(({ name, start, end }) => [name, text.slice(start, end)]);
  assert.deepEqual(found, [["Obama", "Oba\u00adma"]]);
});

test("a dotless ı folds to i, as its capital I does", () => {
  const matcher = nameMatcher(["Diyarbakır"])!;
  const text = "DIYARBAKIR, Diyarbakir";
  assert.equal(matcher.find(text).length, 2);
});

test("letters with a stroke, ß, æ and œ are found written without them", () => {
  const matcher = nameMatcher(["Lech Wałęsa", "Søren", "Straße", "Œuvre"])!;
  const text = "Lech Walesa, Soren, STRASSE, Oeuvre; Lech Wałęsa.";
  const found = matcher.find(text).map(({ start, end }) => text.slice(start, end));
  assert.deepEqual(found, ["Lech Walesa", "Soren", "STRASSE", "Oeuvre", "Lech Wałęsa"]);
});
