// The editor's hints: listed entities the body never mentions, and registered ones it mentions
// without listing them, each at its line, as `npm run check` gives them (a build counts them).
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, test } from "node:test";
import { NameIndex, wordsOf } from "../../src/archive/mention-hints.ts";
import type { Registered } from "../../src/archive/registry.ts";
import { PROJECT_ROOT } from "../../src/config/options.ts";
import type { Slug } from "../../src/content/paths.ts";
import { readArchive } from "../../src/read-archive.ts";
import { article, writeArchive } from "../support/archive.ts";
import { suiteCleanup } from "../support/temp.ts";

const temp = suiteCleanup(after);
const FILES = {
  "entities/fbi.md": "---\nname: FBI\naliases: [F.B.I., Federal Bureau of Investigation]\n---\n",
  "entities/dhs.md": "---\nname: DHS\naliases: [Department of Homeland Security]\n---\n",
  "entities/ice.md": "---\nname: ICE\n---\n",
  "entities/cisa.md": "---\nname: CISA\n---\n",
  "articles/a.md": article(
    { title: "A", date: "2020-01-01", author: "Ana Ruiz", summary: "S.", entities: "\n  - F.B.I.\n  - CISA\n  - Menlo Park", tags: "[elections]" },
    "The Federal Bureau of Investigation met in Menlo Park.\n\nLater the Department of\nHomeland Security spoke; nobody\nskated on thin ice. `CISA` in code, and [a link](https://cisa.gov/) are not mentions.\n",
  ),
};

test("hints at the line: listed and never mentioned, mentioned and not listed", async () => {
  const root = await writeArchive(FILES, temp);
  const result = await readArchive(root, { includeDrafts: false, mentionHints: true });
  const hints = result.problems.filter((p) => p.rule.startsWith("entity-not"));
  assert.deepEqual(hints.map((p) => [p.rule, p.line, p.column, p.message]), [
    ["entity-not-mentioned", 8, 5, '"CISA" is listed in entities, but the body never mentions it (by name or alias)'],
    ["entity-not-listed", 15, 11, 'the body mentions "Department of\nHomeland Security" (DHS), a registered entity that entities does not list'],
  ]);
  const quiet = await readArchive(root, { includeDrafts: false });
  assert.deepEqual(quiet.problems.filter((p) => p.rule.startsWith("entity-not")), [], "off unless asked for");
});

test("words are folded, keep inner dots, and leave out code and addresses", () => {
  assert.deepEqual(wordsOf("The F.B.I. and Zoë's `code` https://x.org/Zoë").map((w) => w.key), ["the", "f.b.i", "and", "zoe", "s"]);
});

test("an acronym with digits is found in capitals only", () => {
  const covid: Registered<undefined> = {
    key: "covid-19",
    name: "COVID-19 pandemic",
    spellings: new Set(["COVID-19 pandemic", "COVID-19"]),
    type: "event",
    slug: "covid-19-pandemic" as Slug,
  };
  const index = new NameIndex([covid]);
  assert.deepEqual([...index.find("The COVID-19 outbreak.").values()], [{ start: 4, end: 12 }]);
  assert.equal(index.find("The covid-19 outbreak.").size, 0);
});

test("the sample archive's entity lists and bodies agree: no hint", async () => {
  const sample = await readArchive(join(PROJECT_ROOT, "content"), {
    includeDrafts: false,
    mentionHints: true,
  });
  assert.deepEqual(sample.problems.map((p) => `${p.file}:${p.line} ${p.message}`), []);
});
