// The report of problems (src/content/problems.ts): one line per problem, and in a build's
// report, a rule's many warnings counted instead of listed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { formatReport, Problems } from "../../src/content/problems.ts";

function problems(): Problems {
  const found = new Problems();
  found.error("/a.md", "bad-date", "the date is not a date", "write it as 2024-05-01", { line: 3 });
  for (const file of ["/a.md", "/b.md", "/c.md"])
    for (const line of [7, 8]) found.warn(file, "hint", `hint at ${line}`, "look", { line });
  found.warn("/b.md", "other", "another kind", "look", { line: 1 });
  return found;
}

test("a report lists every problem by default, errors first", () => {
  const report = formatReport(problems().list, "/");
  assert.match(
    report,
    /^Errors:\n {2}a\.md:3:1 {2}the date is not a date {2}\(write it as 2024-05-01\)/,
  );
  assert.equal(report.match(/hint at/g)?.length, 6);
  assert.match(report, /1 error, 7 warnings$/);
});

test("a build's report lists a few warnings of each rule and counts the rest, with their files", () => {
  const report = formatReport(problems().list, "/", { warningsPerRule: 2 });
  assert.deepEqual(report.match(/\S+ {2}hint at \d/g), [
    "a.md:7:1  hint at 7",
    "a.md:8:1  hint at 8",
  ]);
  assert.match(report, /b\.md:1:1 {2}another kind/);
  assert.match(
    report,
    /…and 4 more warnings of the kind "hint" in 2 files: `npm run check` lists them all/,
  );
  assert.match(report, /the date is not a date/);
  assert.match(report, /1 error, 7 warnings$/);
});
