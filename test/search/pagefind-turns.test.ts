// Pagefind's runs: one at a time while pages are written, two once they are and a long queue
// of shards is left (src/search/index-shards.ts, PagefindTurns).
import assert from "node:assert/strict";
import { test } from "node:test";
import { PagefindTurns } from "../../src/search/index-shards.ts";

/** A run that ends when told to, and says how many were running at its start. */
function runs(turns: PagefindTurns) {
  let running = 0;
  const seen: number[] = [];
  const ends: (() => void)[] = [];
  const start = () =>
    turns.run(async () => {
      running++;
      seen.push(running);
      await new Promise<void>((resolve) => ends.push(resolve));
      running--;
    });
  return { start, seen, ends };
}

const turn = () => new Promise(setImmediate);

test("one run at a time while the pages are being written", async () => {
  const turns = new PagefindTurns(6, new Promise(() => {}));
  const { start, seen, ends } = runs(turns);
  const all = [start(), start(), start()];
  for (let i = 0; i < 3; i++) {
    await turn();
    assert.equal(ends.length, i + 1, "the next starts only when the one before ends");
    ends[i]!();
  }
  await Promise.all(all);
  assert.deepEqual(seen, [1, 1, 1]);
});

test("two at a time once the pages are written, while four shards or more are left", async () => {
  let written = () => {};
  const turns = new PagefindTurns(5, new Promise<void>((resolve) => (written = resolve)));
  const { start, seen, ends } = runs(turns);
  const all = [start(), start(), start(), start(), start()];
  await turn();
  assert.equal(ends.length, 1);
  written();
  await turn();
  assert.equal(ends.length, 2, "a second run starts as soon as the pages are written");
  ends[0]!();
  ends[1]!();
  await turn();
  // Five shards: two admitted, three left: below four, one run at a time again.
  assert.equal(ends.length, 3);
  ends[2]!();
  await turn();
  ends[3]!();
  await turn();
  ends[4]!();
  await Promise.all(all);
  assert.deepEqual(seen, [1, 2, 1, 1, 1]);
});

test("shards taken from the published site do not count as left", async () => {
  const turns = new PagefindTurns(5, Promise.resolve());
  turns.skip();
  turns.skip();
  const { start, seen, ends } = runs(turns);
  const all = [start(), start(), start()];
  for (let i = 0; i < 3; i++) {
    await turn();
    ends[i]!();
  }
  await Promise.all(all);
  assert.deepEqual(seen, [1, 1, 1], "three left: one at a time");
});
