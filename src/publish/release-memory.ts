// Garbage collected at the build's stage boundaries, where `node --expose-gc` allows it
// (`npm run build` and `npm start` pass it); elsewhere a no-op, and the build the same.
//
// Why by hand: V8 collects its old space when the heap has grown to a few times what the last
// collection kept, and keeps the memory it has grown to. Between two Eleventy runs almost
// nothing is alive but the model, yet at 10,000 articles the process held 1.6 GB through the
// search stage for a model of about 230 MB, and Pagefind's 600 MB came on top. A full
// collection costs a few hundred milliseconds at this size.

/** Collects the garbage now, if Node exposes its collector. */
export function releaseMemory(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
