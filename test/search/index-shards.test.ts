// The search stage's order of work (src/search/index-shards.ts): a rebuild indexes the shards
// whose inputs changed before it checks the others, and says when the first one is under way,
// so that the pages rendered meanwhile do not hold back Pagefind's start.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import {
  changedFirst, indexShards, type ShardRecord, shardList,
} from "../../src/search/index-shards.ts";
import type { Shard } from "../../src/search/shards.ts";
import { PROJECT_ROOT } from "../support/build.ts";
import { tempDir } from "../support/temp.ts";

const WAITING_PAGEFIND = join(PROJECT_ROOT, "test/fixtures/pagefind/waiting-pagefind");

const shard = (name: string, inputs: string): Shard => ({ name, files: [], inputs });

test("the shards whose inputs changed come first, each group in the shards' order", () => {
  const shards = [
    shard("2025-2029", "same"),
    shard("2024", "edited"),
    shard("2023", "same"),
    shard("2022", "new"),
  ];
  const previous: ShardRecord = {
    "2025-2029": ["same", "f1"],
    "2024": ["before", "f2"],
    "2023": ["same", "f3"],
  };
  const names = (list: Shard[]) => list.map((one) => one.name);
  assert.deepEqual(names(changedFirst(shards, previous)), ["2024", "2022", "2025-2029", "2023"]);
  assert.deepEqual(names(changedFirst(shards, undefined)), names(shards), "no record: all changed");
});

test("the first shard is said to be under way while Pagefind still runs for it", async (t) => {
  const dir = await tempDir(t, "index-shards");
  const [staging, published] = [join(dir, "staging"), join(dir, "published")];
  const page = "2024/05/a/index.html";
  await mkdir(join(staging, "2024/05/a"), { recursive: true });
  await mkdir(published);
  await writeFile(join(staging, page), "<html><body data-pagefind-body>A</body></html>");
  // Pagefind's stand-in finishes only once a line is written to this pipe.
  const go = join(dir, "go");
  execFileSync("mkfifo", [go]);
  const env = { PAGEFIND_BINARY_PATH: WAITING_PAGEFIND, WAITING_PAGEFIND_FIFO: go };
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  t.after(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  let started = () => {};
  const underWay = new Promise<void>((resolve) => (started = resolve));
  const shards = [{ name: "2020-2024", files: [page], inputs: "x" }];
  const job = { stagingDir: staging, publishedDir: published, previous: undefined, language: "en" };
  const indexing = indexShards(shards, { ...job, onStarted: started });
  // Were it said only once Pagefind ended, this would wait for ever: the stand-in waits for us.
  await underWay;
  await writeFile(go, "go\n");
  const report = await indexing;
  assert.deepEqual(report.indexed, ["2020-2024"]);
  assert.equal(report.pages, 1);
});

test("with nothing to index, the search is said to be under way at once", async (t) => {
  const dir = await tempDir(t, "index-shards");
  let calls = 0;
  const job = { stagingDir: dir, publishedDir: dir, previous: {}, language: "en" };
  const report = await indexShards([], { ...job, onStarted: () => calls++ });
  assert.equal(calls, 1);
  assert.deepEqual(report.indexed, []);
});

test("a build names the shards it indexed and reused, up to eight, and counts the rest", () => {
  assert.equal(shardList([]), "none");
  assert.equal(shardList(["2024", "2023"]), "2024, 2023");
  const years = Array.from({ length: 170 }, (_, i) => String(2024 - i));
  assert.equal(shardList(years), "2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017 and 162 more");
});
