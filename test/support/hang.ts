// How long a test may run before node:test calls it hung. Never a measure of speed: tests
// that build archives take minutes on a loaded 2-core machine (four times their quiet time
// when two suites and a 10,000-article build share it), so the guard is far above any run.
export const HANG = { timeout: 1_800_000 } as const;
