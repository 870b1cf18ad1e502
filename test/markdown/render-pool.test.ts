// The Markdown stage's worker threads: a worker started early, while the archive is read, is
// the one that renders, and it never holds the process open.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  renderInWorkers,
  startWorkerEarly,
  WORKER_PACKAGES,
  workersStarted,
} from "../../src/markdown/render-pool.ts";
import { HANG } from "../support/hang.ts";
import { PROJECT_ROOT } from "../support/build.ts";

test("a worker started early renders the next bodies, and no other is started", async () => {
  const before = workersStarted();
  startWorkerEarly();
  startWorkerEarly();
  assert.equal(workersStarted(), before + 1, "one worker, started at once");
  const results = await renderInWorkers(["*Early*.", "Then this."], {
    workers: 1,
    timeLimitMs: 10_000,
  });
  assert.deepEqual(
    results.map((result) => ("html" in result ? result.html : result.failure)),
    ["<p><em>Early</em>.</p>", "<p>Then this.</p>"],
  );
  assert.equal(workersStarted(), before + 1, "the early worker rendered them");
});

// HANG only turns a hang (a worker that holds the process open) into a failure.

test("a process that started a worker early and rendered nothing exits", HANG, async () => {
  const module = new URL("../../src/markdown/render-pool.ts", import.meta.url).href;
  const script = `import { startWorkerEarly } from ${JSON.stringify(module)};
    startWorkerEarly();
    console.log("started");`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  const code = await new Promise((resolve) => child.on("close", resolve));
  assert.equal(code, 0);
  assert.equal(stdout.trim(), "started");
});

/** The packages a module and the modules it imports import, types and Node's own left out. */
function packagesImported(module: URL, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(module.href)) return packages;
  seen.add(module.href);
  const source = readFileSync(module, "utf8");
  for (const [, type, specifier] of source.matchAll(/^import (type )?[^;]*?"([^"]+)";/gms)) {
    if (type || specifier!.startsWith("node:")) continue;
    if (!specifier!.startsWith(".")) packages.add(specifier!);
    else for (const name of packagesImported(new URL(specifier!, module), seen)) packages.add(name);
  }
  return packages;
}

test("a worker loads every package it needs before the TypeScript loader", () => {
  const worker = new URL("../../src/markdown/render-worker.ts", import.meta.url);
  assert.deepEqual([...WORKER_PACKAGES].sort(), [...packagesImported(worker)].sort());
});
