// The Markdown stage's worker threads, each body under a time budget. Rendering is synchronous
// (and micromark is quadratic on some inputs), so a body that takes too long can only be
// stopped from outside: its worker is terminated, and a fresh one takes the next body.
import {
  type MessagePort,
  MessageChannel,
  receiveMessageOnPort,
  Worker,
} from "node:worker_threads";
import type { RenderFailure, RenderResult } from "./render.ts";

export interface PoolOptions {
  /** Most worker threads to run at once. */
  workers: number;
  /** Longest one body may take to render, in milliseconds. */
  timeLimitMs: number;
  /** Told how many bodies are done after each one, for progress. */
  onRendered?: (done: number) => void;
}

/** Fewer bodies than this per extra worker do not repay its start-up (about half a second). */
const BODIES_PER_WORKER = 200;
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
const WORKER_BOOTSTRAP =
  `import(${TSX_API}).then(({ register }) => { register(); return import(${WORKER_MODULE}); });`;

/** What a worker says on its port: that it has loaded, then one result per body it was sent. */
export type FromWorker = { ready: true } | { result: RenderResult };

let idle: RenderThread | undefined;

/** Renders every body, at most `workers` at once; results keep the bodies' order. */
export async function renderInWorkers(
  bodies: readonly string[],
  options: PoolOptions,
): Promise<RenderResult[]> {
  const results = new Array<RenderResult>(bodies.length);
  let next = 0;
  let done = 0;
  const lane = async (): Promise<void> => {
    let thread = await takeThread();
    try {
      while (next < bodies.length) {
        const index = next++;
        const outcome = await thread.render(bodies[index]!, options.timeLimitMs);
        results[index] = outcome === "timeout" ? tooSlow(options.timeLimitMs) : outcome;
        options.onRendered?.(++done);
        if (thread.alive && outcome !== "timeout") continue;
        await thread.stop();
        if (next < bodies.length) thread = await RenderThread.start();
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
    return thread;
  }
  return RenderThread.start();
}

async function release(thread: RenderThread): Promise<void> {
  if (!idle && thread.alive && thread.rendered < REUSE_UP_TO) {
    thread.busy(false);
    idle = thread;
  } else {
    await thread.stop();
  }
}

/** One worker thread and the port it answers on. */
class RenderThread {
  alive = true;
  rendered = 0;
  /** Why the worker died, when it did while rendering. */
  private crash: Error | undefined;

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
  ) {
    worker.on("error", (error) => (this.crash = error));
    worker.on("exit", () => {
      this.alive = false;
      if (idle === this) idle = undefined;
    });
  }

  /** Resolves once the worker has loaded the pipeline, so that its start-up is not timed. */
  static start(): Promise<RenderThread> {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_BOOTSTRAP, {
      eval: true,
      workerData: { port: port2 },
      transferList: [port2],
      // The main thread's stack (V8's default): a worker's deeper one lets a body nested
      // thousands deep take seconds longer before it fails as "nested too deeply".
      resourceLimits: { stackSizeMb: 1 },
    });
    return new Promise((resolve, reject) => {
      const failed = (error: Error) => {
        port1.close();
        reject(new Error(`the Markdown worker could not start: ${error.message}`));
      };
      worker.once("error", failed);
      worker.once("exit", (code) => failed(new Error(`it exited with code ${code}`)));
      port1.once("message", () => {
        worker.removeAllListeners();
        resolve(new RenderThread(worker, port1));
      });
    });
  }

  /** The body's result, or "timeout" when it is still rendering after `timeLimitMs`. */
  render(body: string, timeLimitMs: number): Promise<RenderResult | "timeout"> {
    return new Promise((resolve) => {
      const finish = (outcome: RenderResult | "timeout") => {
        clearTimeout(timer);
        this.port.off("message", answered);
        this.worker.off("exit", exited);
        if (outcome !== "timeout") this.rendered++;
        resolve(outcome);
      };
      const answered = (message: FromWorker) => {
        if ("result" in message) finish(message.result);
      };
      const exited = () => finish(crashed(this.crash));
      // A busy main thread may not have delivered an answer that came in time: look first.
      const expired = () => {
        const pending = receiveMessageOnPort(this.port)?.message as FromWorker | undefined;
        finish(pending && "result" in pending ? pending.result : "timeout");
      };
      const timer = setTimeout(expired, timeLimitMs);
      this.port.on("message", answered);
      this.worker.on("exit", exited);
      this.port.postMessage(body);
    });
  }

  /** An idle worker must not keep the process alive; a busy one must. */
  busy(busy: boolean): void {
    for (const handle of [this.worker, this.port]) {
      if (busy) handle.ref();
      else handle.unref();
    }
  }

  async stop(): Promise<void> {
    this.alive = false;
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
