// A minimal static file server on loopback for browser tests: serves a built site as a
// static host would (`/a/` → `a/index.html`, 404.html for anything missing), and compresses
// text with gzip when asked, as static hosts do, for tests of what a reader downloads.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { createGzip } from "node:zlib";
import { fileForUrl } from "./build.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** Types a static host compresses: text, not images or WebAssembly already compact. */
const COMPRESSED = new Set([".html", ".css", ".js", ".json", ".xml", ".txt", ".svg"]);

export async function serveStatic(
  root: string,
  { gzip = false } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const path = normalize(fileForUrl(new URL(request.url ?? "/", "http://localhost").pathname)).replace(/^(\.\.[/\\])+/, "");
    let file = join(root, path);
    let status = 200;
    if (!(await stat(file).then((s) => s.isFile()).catch(() => false))) {
      file = join(root, "404.html");
      status = 404;
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const accepts = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    if (gzip && accepts && COMPRESSED.has(extname(file))) {
      const headers = { "content-type": type, "content-encoding": "gzip", vary: "accept-encoding" };
      response.writeHead(status, headers);
      createReadStream(file).pipe(createGzip()).pipe(response);
      return;
    }
    response.writeHead(status, { "content-type": type });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
