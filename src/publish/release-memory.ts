// Garbage collected at the build's stage boundaries, where `node --expose-gc` allows it
// (`npm run build` and `npm start` pass it); elsewhere a no-op, and the build the same.
//
// Why by hand: V8 collects its old space when the heap has grown to a few times what the last
// collection kept, and keeps the memory it has grown to. Between two Eleventy runs almost
// nothing is alive but the model, yet at 10,000 articles the process held 1.6 GB through the
// search stage for a model of about 230 MB, and Pagefind's 600 MB came on top.
import { getHeapStatistics } from "node:v8";

/**
 * Garbage worth a full collection: at least this much, and at least half of what the last one
 * kept. A collection takes time in proportion to what is alive (a few hundred milliseconds for
 * the model of 10,000 articles), so a large model is collected less often, not at every stage.
 */
const MIN_GARBAGE = 128 * 2 ** 20;

let kept = 0;

/** Collects the garbage now, if Node exposes its collector and there is enough of it. */
export function releaseMemory(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc || !worthCollecting(getHeapStatistics().used_heap_size, kept)) return;
  gc();
  kept = getHeapStatistics().used_heap_size;
}

/** Whether a heap of `used` bytes is worth collecting, when the last collection kept `kept`. */
export function worthCollecting(used: number, kept: number): boolean {
  return used - kept >= Math.max(MIN_GARBAGE, kept / 2);
}
