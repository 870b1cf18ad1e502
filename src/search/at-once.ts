// A bounded pool for the search stage: shards indexed side by side, and the many small file
// operations of linking and fingerprinting a shard, which each wait ~100 µs on the file system.
// Hand-written (a dozen lines) because a failure must also stop the calls still running and
// wait for them, so that no Pagefind is left writing into a staging folder being removed.

/**
 * Runs `work` on every item, at most `limit` at a time, and resolves with the results in the
 * items' order. On the first failure it starts no more, aborts the signal the running calls
 * were given, and rejects with that failure once every started call has ended. `outer` (a stop
 * signal) aborts them the same way.
 */
export async function atOnce<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, signal: AbortSignal) => Promise<R>,
  outer?: AbortSignal,
): Promise<R[]> {
  const stop = new AbortController();
  const signal = outer ? AbortSignal.any([outer, stop.signal]) : stop.signal;
  const results = new Array<R>(items.length);
  const failures: unknown[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal.aborted) {
      const index = next++;
      try {
        results[index] = await work(items[index]!, signal);
      } catch (error) {
        failures.push(error);
        stop.abort(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  // A stop signal is what happened, whatever the calls it cut short said.
  outer?.throwIfAborted();
  if (failures.length) throw failures[0];
  return results;
}
