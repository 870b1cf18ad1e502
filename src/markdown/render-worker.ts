// A worker thread of the Markdown stage: renders the bodies it is sent and sends back results.
import { parentPort } from "node:worker_threads";
import { renderMarkdownSafely } from "./render.ts";

parentPort?.on("message", (bodies: string[]) => {
  parentPort?.postMessage(bodies.map((body) => renderMarkdownSafely(body)));
});
