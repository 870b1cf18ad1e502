// Search shards are fixed spans of the calendar, split only past a size: one article's change
// touches one shard, and a big archive never asks Pagefind to hold too much at once.
import assert from "node:assert/strict";
import { test } from "node:test";
import { MAX_SHARD_ARTICLES, planShards, shardNames, spanOf } from "../../src/search/shards.ts";

const dates = (year: number, month: number, count: number) =>
  Array.from({ length: count }, () => ({ year, month }));

test("a small archive is in five-year shards, newest first, only where it has articles", () => {
  const names = shardNames([...dates(2003, 1, 2), ...dates(2019, 12, 1), ...dates(2020, 1, 1)]);
  assert.deepEqual(names, ["2020-2024", "2015-2019", "2000-2004"]);
});

test("a span past the size is split into years, a year into quarters, a quarter into months", () => {
  const big = MAX_SHARD_ARTICLES;
  const names = shardNames([
    ...dates(2016, 5, big), // 2015-2019 too big; 2016 alone is not
    ...dates(2017, 2, 1),
    ...dates(2021, 1, big), // 2021 too big: its first quarter too, so its months
    ...dates(2021, 2, 1),
    ...dates(2021, 7, 3),
  ]);
  assert.deepEqual(names, ["2021-q3", "2021-02", "2021-01", "2017", "2016"]);
  assert.deepEqual(shardNames(dates(2010, 3, big + 1)), ["2010-03"], "a month is never split");
});

test("every article goes to the shard whose span holds its date", () => {
  const articles = [
    ...dates(2021, 1, MAX_SHARD_ARTICLES),
    ...dates(2021, 2, 2),
    ...dates(2021, 8, 1),
    ...dates(2012, 6, 1),
  ].map((date, i) => ({ url: `/a/${i}/` as never, date: { ...date, day: 1, iso: "", written: "" } }));
  const context = { searchHashes: new Map(), code: "c", shell: "s", pagefindVersion: "1", language: "en" };
  const shards = planShards(articles, context);
  assert.deepEqual(shards.map((shard) => [shard.name, shard.files.length]), [
    ["2021-q3", 1], ["2021-02", 2], ["2021-01", MAX_SHARD_ARTICLES], ["2010-2014", 1],
  ]);
});

test("a shard's span is read back from its name", () => {
  const months = (name: string) => {
    const { from, to } = spanOf(name);
    return [`${Math.floor(from / 12)}-${(from % 12) + 1}`, `${Math.floor(to / 12)}-${(to % 12) + 1}`];
  };
  assert.deepEqual(months("2015-2019"), ["2015-1", "2019-12"]);
  assert.deepEqual(months("2017"), ["2017-1", "2017-12"]);
  assert.deepEqual(months("2017-q3"), ["2017-7", "2017-9"]);
  assert.deepEqual(months("2017-03"), ["2017-3", "2017-3"]);
});

test("years before 1000 make four-digit shard names, which read back and hold their articles", () => {
  const big = MAX_SHARD_ARTICLES;
  const articles = [...dates(1, 1, 1), ...dates(998, 4, big), ...dates(998, 5, 1)]
    .map((date, i) => ({ url: `/a/${i}/` as never, date: { ...date, day: 1, iso: "", written: "" } }));
  const context = { searchHashes: new Map(), code: "c", shell: "s", pagefindVersion: "1", language: "en" };
  const shards = planShards(articles, context);
  assert.deepEqual(shards.map((shard) => [shard.name, shard.files.length]), [
    ["0998-05", 1], ["0998-04", big], ["0000-0004", 1],
  ]);
  assert.deepEqual(spanOf("0000-0004"), { name: "0000-0004", from: 0, to: 4 * 12 + 11 });
});
