// The Markdown stage's worker threads, each body under a time budget. Rendering is synchronous
// (and micromark is quadratic on some inputs), so a body that takes too long can only be
// stopped from outside: its worker is terminated, and a fresh one takes the next body.
import {
  type MessagePort,
  MessageChannel,
  receiveMessageOnPort,
  Worker,
} from "node:worker_threads";
import { asJob, type RenderJob } from "./job.ts";
import type { RenderFailure, RenderResult } from "./render.ts";

export interface PoolOptions {
  /** Most worker threads to run at once. */
  workers: number;
  /** Longest one body may take to render, in milliseconds. */
  timeLimitMs: number;
  /** Told each body's result as soon as it is known: for progress, and to cache it. */
  onRendered?: (index: number, result: RenderResult) => void;
}

/** Fewer bodies than this per extra worker do not repay its start-up (about half a second). */
const BODIES_PER_WORKER = 200;
/**
 * Bodies sent to a worker beyond the one it is rendering, so that it goes on to the next as
 * soon as it is done instead of waiting for the main thread to answer: on a busy machine that
 * wait cost 0.1 to 0.25 ms a body, a few per cent of rendering an article.
 */
const SENT_AHEAD = 3;
/**
 * One idle worker is kept for the next call in the same process (the dev server's rebuilds, a
 * test file's archives), unless it has rendered so much that its heap is better let go.
 */
const REUSE_UP_TO = 500;
/**
 * Workers do not inherit the TypeScript loader (tsx) that runs this module, and Node 20 does
 * not honour `--import` in a worker's execArgv: a two-line bootstrap registers it first.
 */
const TSX_API = JSON.stringify(import.meta.resolve("tsx/esm/api"));
const WORKER_MODULE = JSON.stringify(new URL("./render-worker.ts", import.meta.url).href);
/**
 * The packages the worker's modules import. The bootstrap loads them before it registers tsx,
 * so that Node loads them itself instead of through the loader's own thread: that halves a
 * worker's start-up, from about 0.8 to 0.45 s of CPU. One missing here still loads, slower;
 * a test keeps the list whole.
 */
export const WORKER_PACKAGES = [
  "hast-util-raw",
  "hast-util-to-string",
  "mdast-util-gfm-autolink-literal",
  "mdast-util-gfm-footnote",
  "mdast-util-gfm-strikethrough",
  "mdast-util-gfm-table",
  "mdast-util-gfm-task-list-item",
  "micromark-extension-gfm-autolink-literal",
  "micromark-extension-gfm-footnote",
  "micromark-extension-gfm-strikethrough",
  "micromark-extension-gfm-table",
  "micromark-extension-gfm-task-list-item",
  "micromark-util-combine-extensions",
  "micromark-util-decode-string",
  "rehype-sanitize",
  "rehype-slug",
  "rehype-stringify",
  "remark-parse",
  "remark-rehype",
  "unified",
  "unist-util-visit",
];
const PACKAGE_URLS = JSON.stringify(WORKER_PACKAGES.map((name) => import.meta.resolve(name)));
const WORKER_BOOTSTRAP =
  `Promise.all(${PACKAGE_URLS}.map((url) => import(url)))` +
  `.then(() => import(${TSX_API}))` +
  `.then(({ register }) => { register(); return import(${WORKER_MODULE}); });`;

/** What a worker says on its port: that it has loaded, then one result per body it was sent. */
export type FromWorker = { ready: true } | { result: RenderResult };

/** A body's fate: its result, too slow, or never started because its worker was stopped. */
type Outcome = RenderResult | "timeout" | "not started";

/** The worker kept, or started early, for the next call; it may still be loading. */
let idle: RenderThread | undefined;
let started = 0;

/**
 * Starts a worker now, for the next call to take, unless one is idle already: a worker takes
 * about a second to load the pipeline, which the caller can overlap with reading the archive.
 * Nearly every build renders at least one body (the one that changed). Until it is taken, the
 * worker does not keep the process alive.
 */
export function startWorkerEarly(): void {
  if (idle?.alive) return;
  idle = new RenderThread(false);
  // A worker that cannot start is found out, and reported, by the call that takes it.
  idle.ready.catch(() => {});
}

/** How many worker threads this process has started, for tests and benchmarks. */
export function workersStarted(): number {
  return started;
}

/** Renders every body, at most `workers` at once; results keep the bodies' order. */
export async function renderInWorkers(
  jobs: readonly (string | RenderJob)[],
  options: PoolOptions,
): Promise<RenderResult[]> {
  const bodies = jobs.map(asJob);
  const results = new Array<RenderResult>(bodies.length);
  /** Bodies that a stopped worker never started, to be sent again before the rest. */
  const again: number[] = [];
  let next = 0;
  const take = (): number | undefined =>
    again.shift() ?? (next < bodies.length ? next++ : undefined);
  const record = (index: number, outcome: Outcome): void => {
    if (outcome === "not started") return void again.push(index);
    results[index] = outcome === "timeout" ? tooSlow(options.timeLimitMs) : outcome;
    options.onRendered?.(index, results[index]);
  };
  const lane = async (): Promise<void> => {
    let thread = await takeThread();
    const sent: { index: number; outcome: Promise<Outcome> }[] = [];
    try {
      for (;;) {
        while (sent.length <= SENT_AHEAD) {
          const index = take();
          if (index === undefined) break;
          sent.push({ index, outcome: thread.render(bodies[index]!, options.timeLimitMs) });
        }
        const oldest = sent.shift();
        if (!oldest) break;
        const outcome = await oldest.outcome;
        record(oldest.index, outcome);
        if (thread.alive && outcome !== "timeout") continue;
        await thread.stop();
        // Every body sent is settled once its worker is stopped; those not started go again.
        for (const { index, outcome } of sent.splice(0)) record(index, await outcome);
        if (again.length > 0 || next < bodies.length) thread = await startThread();
      }
    } finally {
      await release(thread);
    }
  };
  const wanted = Math.ceil(bodies.length / BODIES_PER_WORKER);
  const lanes = Math.max(1, Math.min(options.workers, wanted));
  if (bodies.length > 0) await Promise.all(Array.from({ length: lanes }, lane));
  return results;
}

function tooSlow(timeLimitMs: number): RenderFailure {
  const seconds = Number((timeLimitMs / 1000).toFixed(1));
  return {
    failure: `the body took longer than ${seconds} s to render, so it was stopped`,
    fix:
      "look for long runs of unclosed brackets, links or emphasis (such as `[a](` repeated) " +
      "and remove them, or split the body",
  };
}

async function takeThread(): Promise<RenderThread> {
  const thread = idle;
  idle = undefined;
  if (thread?.alive) {
    thread.busy(true);
    const loaded = await thread.ready.then(
      () => true,
      () => false,
    );
    if (loaded && thread.alive) return thread;
  }
  return startThread();
}

async function startThread(): Promise<RenderThread> {
  const thread = new RenderThread(true);
  await thread.ready;
  return thread;
}

async function release(thread: RenderThread): Promise<void> {
  if (!idle && thread.alive && thread.rendered < REUSE_UP_TO) {
    thread.busy(false);
    idle = thread;
  } else {
    await thread.stop();
  }
}

/** A body sent to a worker and not answered yet. */
interface Waiting {
  resolve: (outcome: Outcome) => void;
  timeLimitMs: number;
}

/**
 * One worker thread and the port it answers on. The worker renders the bodies it is sent one
 * after the other, in order, so the oldest one not answered is the one it is rendering: that
 * one's time is measured, from when the answer before it arrived.
 */
class RenderThread {
  alive = true;
  rendered = 0;
  /** Settles once the worker has loaded the pipeline, so that its start-up is never timed. */
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly port: MessagePort;
  /** Why the worker died, when it did while rendering. */
  private crash: Error | undefined;
  private readonly waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private keepsProcessAlive: boolean) {
    const { port1, port2 } = new MessageChannel();
    started++;
    this.port = port1;
    this.worker = new Worker(WORKER_BOOTSTRAP, {
      eval: true,
      workerData: { port: port2 },
      transferList: [port2],
      // The main thread's stack (V8's default): a worker's deeper one lets a body nested
      // thousands deep take seconds longer before it fails as "nested too deeply".
      resourceLimits: { stackSizeMb: 1 },
    });
    this.ready = new Promise((resolve, reject) => {
      const failed = (error: Error) => {
        this.alive = false;
        port1.close();
        reject(new Error(`the Markdown worker could not start: ${error.message}`));
      };
      this.worker.once("error", failed);
      this.worker.once("exit", (code) => failed(new Error(`it exited with code ${code}`)));
      port1.once("message", () => {
        this.worker.removeAllListeners();
        this.listen();
        resolve();
      });
    });
    this.busy(keepsProcessAlive);
  }

  private listen(): void {
    this.port.on("message", (message: FromWorker) => {
      if ("result" in message) this.answered(message.result);
    });
    this.worker.on("error", (error) => (this.crash = error));
    this.worker.on("exit", () => {
      this.alive = false;
      this.endAll(crashed(this.crash));
    });
    // Listening refs the port again.
    this.busy(this.keepsProcessAlive);
  }

  /**
   * The body's result; "timeout" when it is still rendering `timeLimitMs` after it started;
   * "not started" when the worker was stopped (or died) over a body sent before it.
   */
  render(body: RenderJob, timeLimitMs: number): Promise<Outcome> {
    return new Promise((resolve) => {
      if (!this.alive) return resolve("not started");
      this.waiting.push({ resolve, timeLimitMs });
      if (this.waiting.length === 1) this.startTimer();
      this.port.postMessage(body);
    });
  }

  private answered(result: RenderResult): void {
    clearTimeout(this.timer);
    this.rendered++;
    this.waiting.shift()?.resolve(result);
    if (this.waiting.length > 0) this.startTimer();
  }

  private startTimer(): void {
    this.timer = setTimeout(() => this.expired(), this.waiting[0]!.timeLimitMs);
  }

  /** A busy main thread may not have delivered an answer that came in time: look first. */
  private expired(): void {
    const pending = receiveMessageOnPort(this.port)?.message as FromWorker | undefined;
    if (pending && "result" in pending) this.answered(pending.result);
    else this.endAll("timeout");
  }

  /** The body being rendered ends with `outcome`; the ones sent after it never start. */
  private endAll(outcome: Outcome): void {
    clearTimeout(this.timer);
    const [rendering, ...queued] = this.waiting.splice(0);
    rendering?.resolve(outcome);
    for (const body of queued) body.resolve("not started");
  }

  /** An idle worker must not keep the process alive; a busy one must. */
  busy(busy: boolean): void {
    this.keepsProcessAlive = busy;
    for (const handle of [this.worker, this.port]) {
      if (busy) handle.ref();
      else handle.unref();
    }
  }

  async stop(): Promise<void> {
    this.alive = false;
    this.endAll("not started");
    this.port.close();
    await this.worker.terminate();
  }
}

function crashed(error: Error | undefined): RenderFailure {
  return {
    failure: `the body could not be rendered: its worker stopped (${error?.message ?? "exited"})`,
    fix: "split the body, or simplify its largest table, list or block of HTML",
  };
}
