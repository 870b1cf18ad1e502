// The publish step's collections: only when there is enough garbage to be worth the time.
import assert from "node:assert/strict";
import { test } from "node:test";
import { releaseMemory, worthCollecting } from "../../src/publish/release-memory.ts";

const MB = 2 ** 20;

test("a heap is collected once its garbage is 128 MB and half of what was kept", () => {
  assert.equal(worthCollecting(300 * MB, 230 * MB), false, "70 MB of garbage");
  assert.equal(worthCollecting(345 * MB, 230 * MB), false, "115 MB: under 128 MB");
  assert.equal(worthCollecting(360 * MB, 230 * MB), true, "130 MB: over both");
  // A large model (100,000 articles) is collected after more garbage, so less often.
  assert.equal(worthCollecting(2600 * MB, 2000 * MB), false, "600 MB: under half of 2 GB");
  assert.equal(worthCollecting(3000 * MB, 2000 * MB), true, "1 GB: half of 2 GB");
  assert.equal(worthCollecting(200 * MB, 0), true, "no collection yet");
});

test("without --expose-gc, releasing memory does nothing and does not fail", () => {
  assert.equal((globalThis as { gc?: unknown }).gc, undefined);
  releaseMemory();
});
