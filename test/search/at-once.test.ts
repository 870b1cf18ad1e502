// The search stage's bounded pool (src/search/at-once.ts): results in order, and a failure or a
// stop signal ends it only once every call it started has ended, so that no Pagefind it ran is
// left writing into a staging folder being removed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { atOnce } from "../../src/search/at-once.ts";

/** A call that ends when told to, or when its signal aborts (as a killed Pagefind does). */
function controlled() {
  const started: number[] = [];
  const ended: number[] = [];
  const finish = new Map<number, () => void>();
  const work = (item: number, signal: AbortSignal) =>
    new Promise<number>((resolve, reject) => {
      started.push(item);
      const end = (ok: boolean) => {
        ended.push(item);
        if (ok) resolve(item * 10);
        else reject(new Error(`call ${item} was stopped`));
      };
      finish.set(item, () => end(true));
      signal.addEventListener("abort", () => end(false), { once: true });
    });
  return { work, started, ended, finish: (item: number) => finish.get(item)!() };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

test("every item, at most `limit` at a time, results in the items' order", async () => {
  const { work, started, finish } = controlled();
  const all = atOnce([1, 2, 3, 4], 2, work);
  await turn();
  assert.deepEqual(started, [1, 2]);
  finish(2);
  await turn();
  assert.deepEqual(started, [1, 2, 3]);
  for (const item of [1, 3, 4]) {
    finish(item);
    await turn();
  }
  assert.deepEqual(await all, [10, 20, 30, 40]);
});

test("a failure starts nothing more, stops the calls running, and waits for them", async () => {
  const { work, started, ended } = controlled();
  const failure = new Error("Pagefind failed (exit code 101)");
  const failing = (item: number, signal: AbortSignal) => {
    return item === 2 ? Promise.reject(failure) : work(item, signal);
  };
  await assert.rejects(atOnce([1, 2, 3, 4], 2, failing), failure);
  assert.deepEqual(started, [1], "item 3 and 4 never started");
  assert.deepEqual(ended, [1], "item 1 was stopped and had ended");
});

test("a stop signal ends it with the stop's reason once the running calls end", async () => {
  const { work, started, ended } = controlled();
  const stop = new AbortController();
  const all = atOnce([1, 2, 3], 2, work, stop.signal);
  await turn();
  const stopped = new Error("Stopped by SIGINT");
  stop.abort(stopped);
  await assert.rejects(all, stopped);
  assert.deepEqual(started, [1, 2]);
  assert.deepEqual(ended.sort(), [1, 2]);
});
