// A worker thread of the Markdown stage: renders each body it is sent on its port, one at a
// time, and answers on the same port, so that the pool can time every body.
import { type MessagePort, workerData } from "node:worker_threads";
import type { FromWorker } from "./render-pool.ts";
import { type RenderJob, renderMarkdownSafely } from "./render.ts";

const { port } = workerData as { port: MessagePort };
const answer = (message: FromWorker): void => port.postMessage(message);

port.on("message", ({ body, mentions }: RenderJob) => {
  answer({ result: renderMarkdownSafely(body, mentions) });
});
answer({ ready: true });
