// Search shards are fixed spans of the calendar, split only past a size: one article's change
// touches one shard, and a big archive never asks Pagefind to hold too much at once.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  MAX_SHARD_ARTICLES, planShards, shardFor, shardNames, spanOf,
} from "../../src/search/shards.ts";

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

test("a young newest span is one shard with the five years before it", () => {
  // 1 article is fewer than a fifth of 10: a first search would pay a shard for it.
  const archive = [...dates(2025, 3, 1), ...dates(2021, 6, 10), ...dates(2012, 1, 4)];
  assert.deepEqual(shardNames(archive), ["2020-2029", "2010-2014"]);
  const articles = archive.map((date) => ({ date }));
  assert.equal(shardFor(articles, { year: 2025, month: 3 }), "2020-2029");
  assert.equal(shardFor(articles, { year: 2020, month: 1 }), "2020-2029");
  const joined = spanOf("2020-2029");
  assert.deepEqual([joined.from, joined.to], [2020 * 12, 2029 * 12 + 11]);
});

test("a young newest span joins the last year of the five before when they are split", () => {
  const big = MAX_SHARD_ARTICLES;
  // 2020-2024 holds more than a shard: its years are shards, and 2025-2029 joins 2024.
  const archive = [...dates(2026, 2, 3), ...dates(2024, 5, 20), ...dates(2021, 1, big)];
  assert.deepEqual(shardNames(archive), ["2024-2029", "2021"]);
  const articles = archive.map((date) => ({ date }));
  assert.equal(shardFor(articles, { year: 2026, month: 2 }), "2024-2029");
  assert.equal(shardFor(articles, { year: 2024, month: 5 }), "2024-2029");
  // A fifth of the five years before, not of their last year: 3 of 1,020 is young, 250 not.
  const grown = [...dates(2026, 2, 250), ...dates(2024, 5, 20), ...dates(2021, 1, big)];
  assert.deepEqual(shardNames(grown), ["2025-2029", "2024", "2021"]);
});

test("the young span splits from the one before once it holds a fifth of it", () => {
  const before = dates(2021, 6, 10);
  assert.deepEqual(shardNames([...before, ...dates(2026, 1, 1)]), ["2020-2029"]);
  assert.deepEqual(shardNames([...before, ...dates(2026, 1, 2)]), ["2025-2029", "2020-2024"]);
});

test("only the newest span joins, only its neighbour, only within a shard's size", () => {
  const big = MAX_SHARD_ARTICLES;
  const olderYoung = [...dates(2024, 1, 10), ...dates(2019, 1, 1), ...dates(2012, 1, 10)];
  const older = ["2020-2024", "2015-2019", "2010-2014"];
  assert.deepEqual(shardNames(olderYoung), older, "not an older span");
  const gap = [...dates(2026, 1, 1), ...dates(2017, 1, 10)];
  assert.deepEqual(shardNames(gap), ["2025-2029", "2015-2019"], "not across five empty years");
  const full = [...dates(2026, 1, 2), ...dates(2021, 1, big - 1)];
  assert.deepEqual(shardNames(full), ["2025-2029", "2020-2024"], "not past MAX_SHARD_ARTICLES");
  const fits = [...dates(2026, 1, 1), ...dates(2021, 1, big - 1)];
  assert.deepEqual(shardNames(fits), ["2020-2029"], "up to MAX_SHARD_ARTICLES");
  const split = [...dates(2026, 1, 1), ...dates(2021, 1, big), ...dates(2022, 1, 1)];
  const years = ["2025-2029", "2022", "2021"];
  assert.deepEqual(shardNames(split), years, "not to a year that is not the span's last");
  const quarters = [...dates(2026, 1, 1), ...dates(2024, 1, big), ...dates(2024, 12, 1)];
  const parts = ["2025-2029", "2024-q4", "2024-q1"];
  assert.deepEqual(shardNames(quarters), parts, "not to a quarter");
  const early = [...dates(6, 1, 1), ...dates(2, 1, 10)];
  assert.deepEqual(shardNames(early), ["0000-0009"], "named with four digits, as spanOf reads");
  assert.deepEqual(spanOf("0000-0009"), { name: "0000-0009", from: 0, to: 9 * 12 + 11 });
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
  assert.deepEqual(months("2020-2029"), ["2020-1", "2029-12"]);
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
