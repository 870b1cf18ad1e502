import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { type CalendarDate, formatDate, parseCalendarDate, publicationMoment, toTimestamp } from "../../src/content/dates.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { readArchive } from "../../src/read-archive.ts";
import { article, VALID, writeArchive } from "../support/archive.ts";
import { runBuild, runCommand } from "../support/build.ts";

test("a date is the calendar date as written", () => {
  const date = parseCalendarDate("2020-08-12");
  assert.deepEqual(date, { year: 2020, month: 8, day: 12, iso: "2020-08-12", written: "2020-08-12" });
});

test("a date-time with offset keeps its own calendar date, whatever the offset", () => {
  for (const written of ["2020-01-01T00:30:00+14:00", "2020-01-01T23:30:00-11:00", "2020-01-01T12:00:00Z"]) {
    const date = parseCalendarDate(written);
    assert.ok(!("problem" in date));
    assert.equal(date.iso, "2020-01-01", written);
  }
});

test("impossible dates are problems that say why", () => {
  const cases: [string, RegExp][] = [
    ["2020-13-45", /no month 13/],
    ["2019-02-29", /2019 has 28 days/],
    ["2020-04-31", /has 30 days/],
    ["12/08/2020", /YYYY-MM-DD/],
    ["2020-08-12T25:00:00Z", /impossible time/],
    ["2020-08-12T10:00:00", /no time zone offset/],
    ["2020-08-12T10:00:00+25:00", /offset of \+25:00/],
    ["2020-08-12T10:00:00-03:75", /offset of -03:75/],
  ];
  for (const [written, message] of cases) {
    const result = parseCalendarDate(written);
    assert.ok("problem" in result, written);
    assert.match(result.problem, message);
  }
  assert.ok(!("problem" in parseCalendarDate("2020-02-29")));
});

test("dates read the same in every time zone", () => {
  const date = parseCalendarDate("2020-03-11T18:30:00-04:00");
  assert.ok(!("problem" in date));
  assert.equal(formatDate(date), "11 March 2020");
  assert.equal(toTimestamp(date), "2020-03-11T22:30:00.000Z");
  const plain = parseCalendarDate("2020-03-11");
  assert.ok(!("problem" in plain));
  assert.equal(toTimestamp(plain), "2020-03-11T00:00:00.000Z");
});

test("a date whose moment in UTC leaves the years 0000 to 9999 is a problem that says so", () => {
  const cases: [string, RegExp][] = [
    ["9999-12-31T23:00:00-05:00", /year 10000 in UTC/],
    ["9999-12-31T20:00:00-0400", /year 10000 in UTC/],
    ["0000-01-01T00:30:00+01:00", /year -1 in UTC/],
  ];
  for (const [written, message] of cases) {
    const result = parseCalendarDate(written);
    assert.ok("problem" in result, written);
    assert.match(result.problem, message);
    assert.match(result.problem, /0000 to 9999/);
  }
});

test("every date that parses has an RFC 3339 timestamp, at both ends of the range", () => {
  const cases: [string, string][] = [
    ["0000-01-01", "0000-01-01T00:00:00.000Z"],
    ["0000-01-01T00:30:00-01:00", "0000-01-01T01:30:00.000Z"],
    ["0000-01-01T00:00:00Z", "0000-01-01T00:00:00.000Z"],
    ["9999-12-31", "9999-12-31T00:00:00.000Z"],
    ["9999-12-31T23:00:00+05:00", "9999-12-31T18:00:00.000Z"],
    ["9999-12-31T23:59:59Z", "9999-12-31T23:59:59.000Z"],
    ["2020-08-12 10:00:00+0200", "2020-08-12T08:00:00.000Z"],
  ];
  for (const [written, timestamp] of cases) {
    const date = parseCalendarDate(written);
    assert.ok(!("problem" in date), written);
    assert.equal(toTimestamp(date), timestamp);
    assert.match(toTimestamp(date), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  }
});

test("a date out of range is refused at its key, by build and check alike", async (t) => {
  const date = "9999-12-31T23:00:00-05:00";
  const content = await writeArchive({ "articles/a.md": article({ ...VALID, date }) }, t);
  const parent = await mkdtemp(join(tmpdir(), "dateline-dates-"));
  t.after(() => rm(content, { recursive: true, force: true }));
  t.after(() => rm(parent, { recursive: true, force: true }));
  const { problems } = await readArchive(content, { includeDrafts: false });
  const problem = problems.find((p) => p.rule === "invalid-value");
  assert.ok(problem);
  const expected = `articles/a.md:3:7  "date" "${date}" is in the year 10000 in UTC, and feeds can only`
    + " carry the years 0000 to 9999  (write the publication date as YYYY-MM-DD, e.g. date: 2020-08-12)";
  assert.equal(formatProblem(problem, content), expected);
  const build = await runBuild(content, join(parent, "site"));
  const check = await runCommand("src/cli/check.ts", [], { CONTENT_DIR: content });
  assert.equal(build.code, 1, build.stderr);
  assert.equal(check.code, 1, check.stdout);
  // Both print the path relative to where they run: compare from the line number on.
  const located = (output: string) => /a\.md(:3:7 {2}.*)$/m.exec(output)?.[1];
  assert.equal(located(build.stderr), expected.slice("articles/a.md".length), build.stderr);
  assert.equal(located(check.stdout), located(build.stderr));
});

function calendarDate(written: string): CalendarDate {
  const date = parseCalendarDate(written);
  assert.ok(!("problem" in date), written);
  return date;
}

/** The calendar day and hour a reader whose clock is in `zone` sees for a moment. */
function seenIn(moment: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(moment);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}h`;
}

test("a date alone is published at noon in the newsroom's time zone, summer time included", () => {
  const cases: [written: string, zone: string, utc: string][] = [
    ["2020-08-13", "UTC", "2020-08-13T12:00:00.000Z"],
    ["2020-08-13", "America/New_York", "2020-08-13T16:00:00.000Z"],
    ["2020-01-15", "America/New_York", "2020-01-15T17:00:00.000Z"],
    ["2020-08-13", "Pacific/Kiritimati", "2020-08-12T22:00:00.000Z"],
    ["2020-01-15", "America/Adak", "2020-01-15T22:00:00.000Z"],
    ["2020-08-13", "America/Adak", "2020-08-13T21:00:00.000Z"],
    // At the ends of the years feeds can carry, noon UTC keeps the moment inside them (Juneau
    // kept Russian America's time, +15:02, until 1867).
    ["0000-01-01", "America/Juneau", "0000-01-01T12:00:00.000Z"],
    ["9999-12-31", "Etc/GMT+12", "9999-12-31T12:00:00.000Z"],
  ];
  for (const [written, zone, utc] of cases) {
    const moment = publicationMoment(calendarDate(written), zone);
    assert.equal(moment.toISOString(), utc, `${written} in ${zone}`);
  }
});

test("a date alone keeps its day for every reader within 12 hours of the newsroom", () => {
  const readers = ["Pacific/Kiritimati", "Pacific/Auckland", "Asia/Tokyo", "Europe/Lisbon"]
    .concat(["America/New_York", "America/Adak", "Pacific/Honolulu", "UTC"]);
  for (const newsroom of ["Pacific/Kiritimati", "America/Adak", "Europe/Lisbon"]) {
    for (const written of ["2020-08-13", "2021-01-01", "2020-12-31"]) {
      const moment = publicationMoment(calendarDate(written), newsroom);
      assert.equal(seenIn(moment, newsroom), `${written} 12h`, `${written} in ${newsroom}`);
      for (const reader of readers) {
        const hoursApart = Math.abs(offsetHours(moment, reader) - offsetHours(moment, newsroom));
        if (hoursApart >= 12) continue;
        assert.equal(seenIn(moment, reader).slice(0, 10), written, `${newsroom} → ${reader}`);
      }
    }
  }
});

function offsetHours(moment: Date, zone: string): number {
  const name = new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "longOffset" })
    .formatToParts(moment)
    .find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const [, sign, hours, minutes] = /GMT([+-])(\d{2}):(\d{2})/.exec(name) ?? [, "+", "0", "0"];
  return (sign === "-" ? -1 : 1) * (Number(hours) + Number(minutes) / 60);
}

test("a date with a time of day is published at that moment, whatever the time zone", () => {
  const moment = publicationMoment(calendarDate("2020-08-13T23:30:00-04:00"), "Asia/Tokyo");
  assert.equal(moment.toISOString(), "2020-08-14T03:30:00.000Z");
});
