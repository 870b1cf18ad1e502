// The archive by date: years with their months, counts and lead stories; neighbours that skip
// empty years and months; months paginated as every list; "On this day" for a given day.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { ENTITY_PAGE_SIZE } from "../../src/archive/build.ts";
import { leadStories, monthArchiveUrl, onThisDay } from "../../src/archive/date-archives.ts";
import { readArchive } from "../../src/read-archive.ts";
import { article, writeArchive } from "../support/archive.ts";
import { suiteCleanup } from "../support/temp.ts";

const temp = suiteCleanup(after);
const base = { author: "Ana Ruiz", summary: "S." };

async function archiveOf(files: Record<string, string>, now?: Date) {
  const result = await readArchive(await writeArchive(files, temp), {
    includeDrafts: false,
    ...(now ? { now } : {}),
  });
  assert.deepEqual(
    result.problems.filter((p) => p.severity === "error"),
    [],
  );
  return result.archive;
}

/** Articles on these days, each naming its own entity unless told. */
function dated(days: string[], entities = (i: number) => `[E${i}]`): Record<string, string> {
  return Object.fromEntries(
    days.map((date, i) => [
      `articles/a${i}.md`,
      article({ ...base, title: `On ${date}`, date, entities: entities(i) }),
    ]),
  );
}

test("years list their months with counts; neighbours skip empty years and months", async () => {
  const archive = await archiveOf(
    dated([
      "2017-03-01",
      "2017-03-09",
      "2017-11-20",
      "2020-01-05",
      "2020-06-01",
      "2020-06-02",
      "2020-06-03",
    ]),
  );
  const years = archive.years.map((year) => ({
    year: year.year,
    count: year.articleCount,
    months: year.months.map((month) => [month.url, month.articleCount]),
    previous: year.previous?.url,
    next: year.next?.url,
  }));
  assert.deepEqual(years, [
    {
      year: 2020,
      count: 4,
      months: [
        ["/2020/06/", 3],
        ["/2020/01/", 1],
      ],
      previous: "/2017/",
      next: undefined,
    },
    {
      year: 2017,
      count: 3,
      months: [
        ["/2017/11/", 1],
        ["/2017/03/", 2],
      ],
      previous: undefined,
      next: "/2020/",
    },
  ]);
  const months = archive.months.map((month) => [month.url, month.previous?.url, month.next?.url]);
  assert.deepEqual(months, [
    ["/2020/06/", "/2020/01/", undefined],
    ["/2020/01/", "/2017/11/", "/2020/06/"],
    ["/2017/11/", "/2017/03/", "/2020/01/"],
    ["/2017/03/", undefined, "/2017/11/"],
  ]);
  assert.deepEqual(archive.months[1]!.previous, { year: 2017, month: 11, url: "/2017/11/" });
  assert.equal(monthArchiveUrl({ year: 999, month: 1 }), "/0999/01/");
});

test("a month longer than a page is paginated at /YYYY/MM/page/N/, counted whole", async () => {
  const days = Array.from(
    { length: ENTITY_PAGE_SIZE + 1 },
    (_, i) => `2021-05-${String((i % 28) + 1).padStart(2, "0")}`,
  );
  const archive = await archiveOf(dated(days, () => "[Same]"));
  assert.deepEqual(
    archive.months.map((page) => [
      page.url,
      page.pageNumber,
      page.articles.length,
      page.articleCount,
    ]),
    [
      ["/2021/05/", 1, ENTITY_PAGE_SIZE, ENTITY_PAGE_SIZE + 1],
      ["/2021/05/page/2/", 2, 1, ENTITY_PAGE_SIZE + 1],
    ],
  );
  assert.equal(
    archive.years[0]!.months.length,
    1,
    "a year links each month once, at its first page",
  );
  assert.equal(archive.years[0]!.months[0]!.url, "/2021/05/");
});

test("lead stories: the most covered stories first, one article per story", async () => {
  // Three articles on one story (sharing entities A, B, C), two on another, one alone.
  const archive = await archiveOf({
    "articles/s1.md": article({
      ...base,
      title: "Story one, first",
      date: "2019-01-10",
      entities: "[A, B, C]",
    }),
    "articles/s2.md": article({
      ...base,
      title: "Story one, second",
      date: "2019-02-10",
      entities: "[A, B, C, D]",
    }),
    "articles/s3.md": article({
      ...base,
      title: "Story one, third",
      date: "2019-03-10",
      entities: "[A, B, C]",
    }),
    "articles/t1.md": article({
      ...base,
      title: "Story two, first",
      date: "2019-04-10",
      entities: "[P, Q, R]",
    }),
    "articles/t2.md": article({
      ...base,
      title: "Story two, second",
      date: "2019-05-10",
      entities: "[P, Q, R]",
    }),
    "articles/alone.md": article({ ...base, title: "Alone", date: "2019-06-10", entities: "[Z]" }),
  });
  const year = archive.years[0]!;
  assert.deepEqual(
    year.leads.map((lead) => lead.title),
    ["Story one, second", "Story two, second", "Alone"],
  );
  assert.deepEqual(
    leadStories(archive.articles, 1).map((lead) => lead.title),
    ["Story one, second"],
  );
});

test("On this day: the same month and day in earlier years, for the build's day", async () => {
  const files = dated([
    "2021-08-14",
    "2020-08-14",
    "2019-08-14",
    "2019-08-15",
    "2018-07-14",
    "2016-08-14",
  ]);
  files["site.yaml"] = "title: T\ntimezone: Pacific/Kiritimati\npageSize: 2\n";
  // 14 August 2021 at 11:00 UTC is already the 15th in Kiritimati (UTC+14).
  const later = await archiveOf(files, new Date("2021-08-14T11:00:00Z"));
  assert.deepEqual(later.homePages[0]!.onThisDay?.day, { month: 8, day: 15, iso: "2021-08-15" });
  assert.deepEqual(
    later.homePages[0]!.onThisDay?.articles.map((a) => a.date.iso),
    ["2019-08-15"],
  );
  const archive = await archiveOf(files, new Date("2021-08-14T09:00:00Z"));
  const home = archive.homePages[0]!;
  assert.deepEqual(
    home.onThisDay?.articles.map((a) => a.date.iso),
    ["2020-08-14", "2019-08-14", "2016-08-14"],
  );
  assert.equal(archive.homePages[1]!.onThisDay, undefined, "only the first page shows it");
  const none = await archiveOf(files);
  assert.equal(none.homePages[0]!.onThisDay, undefined, "no clock given, no section");
  const empty = onThisDay(archive.articles, { year: 2021, month: 1, day: 1, iso: "2021-01-01" });
  assert.deepEqual(empty.articles, []);
});

test("On this day holds a 29 February only in a year that has one", () => {
  const leap = [{ date: { year: 2016, month: 2, day: 29, iso: "2016-02-29" } }] as never[];
  assert.equal(
    onThisDay(leap, { year: 2020, month: 2, day: 29, iso: "2020-02-29" }).articles.length,
    1,
  );
  assert.equal(
    onThisDay(leap, { year: 2021, month: 2, day: 28, iso: "2021-02-28" }).articles.length,
    0,
  );
});
