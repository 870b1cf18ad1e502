import assert from "node:assert/strict";
import { test } from "node:test";
import { formatDate, parseCalendarDate, toTimestamp } from "../../src/content/dates.ts";

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
