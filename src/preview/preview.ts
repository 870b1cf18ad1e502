// `npm start`'s engine: publish a preview (drafts included, content errors shown on the pages)
// into its own folder with the build's own runner, serve it on this machine only, and publish
// it again whenever a file of the archive changes, is added or is deleted.
import { EventEmitter, once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { watch, type FSWatcher } from "chokidar";
import serveStatic from "serve-static";
import type { Archive } from "../archive/model.ts";
import { RECORD_FILE } from "../archive/published-urls.ts";
import type { BuildOptions } from "../config/options.ts";
import { BUILD_REPORT, ContentError, formatReport } from "../content/problems.ts";
import { startWorkerEarly } from "../markdown/render-all.ts";
import { publish, type PublishReport } from "../publish/publish.ts";
import { publishBodyEdit, type QuickEdit, readFrontMatters } from "./quick-edit.ts";

export interface PreviewOptions {
  port: number;
  /** Loopback only by default: a preview shows drafts, which are nobody else's business. */
  host?: string;
  /** Where build reports go; the terminal by default. */
  log?: (message: string) => void;
}

export type BuildOutcome = { ok: true; report: PublishReport } | { ok: false; message: string };

/** An article page republished by the quick path (src/preview/quick-edit.ts). */
export interface QuickOutcome {
  path: string;
  ms: number;
}

type PreviewEvents = { built: [BuildOutcome]; quick: [QuickOutcome] };

export interface Preview {
  url: string;
  /**
   * Emits "built" with a BuildOutcome after every publish, the first one included, and "quick"
   * when an article's page was republished ahead of the publish that follows every change.
   */
  events: EventEmitter<PreviewEvents>;
  /** Publishes again now (or once more after the publish under way). */
  rebuild(): Promise<BuildOutcome>;
  close(): Promise<void>;
}

const RELOAD_PATH = "/__dateline/reload";
const RELOAD_SCRIPT = `new EventSource(${JSON.stringify(RELOAD_PATH)}).onmessage = () => location.reload();\n`;
/** The preview's own style: its error banner (layouts/components/ContentProblems.tsx). */
const STYLE_PATH = "/__dateline/preview.css";
const STYLE = readFileSync(fileURLToPath(new URL("preview.css", import.meta.url)));

export async function startPreview(options: BuildOptions, preview: PreviewOptions): Promise<Preview> {
  const log = preview.log ?? ((message: string) => console.error(message));
  const events = new EventEmitter<PreviewEvents>();
  // What the quick path needs from the last publish: its model and the front matter it read.
  let published: QuickEdit | undefined;
  const builder = serialBuilder(async () => {
    published = undefined;
    const outcome = await buildOnce(options, log);
    if (outcome.ok) published = await quickEditState(outcome.report.archive, options);
    return outcome;
  });
  const listeners = new Set<ServerResponse>();
  const reload = () => {
    for (const response of listeners) response.write("data: reload\n\n");
  };
  events.on("built", reload);
  events.on("quick", reload);

  // Without a first preview there is nothing to serve: say why and stop.
  const first = await builder.run();
  if (!first.ok) throw new PreviewError(first.message);
  const server = createServer(handler(options.outputDir, listeners));
  server.listen(preview.port, preview.host ?? "127.0.0.1");
  await once(server, "listening");
  const watcher = watchArchive(options.contentDir, (event, path) => void changed(event, path));
  await once(watcher, "ready");

  async function rebuild(): Promise<BuildOutcome> {
    const outcome = await builder.run();
    events.emit("built", outcome);
    return outcome;
  }

  /** A body edited alone shows at once; every change is then published in full. */
  async function changed(event: string, path: string): Promise<void> {
    const state = published;
    // An editor that saves by renaming a new file over the old one makes an "add".
    if ((event === "change" || event === "add") && state && builder.isIdle()) {
      await builder.first(() => quickly(path, state));
    }
    await rebuild();
  }

  async function quickly(path: string, state: QuickEdit): Promise<void> {
    const start = performance.now();
    const done = await publishBodyEdit(path, state).catch(() => false);
    if (!done) return;
    const ms = performance.now() - start;
    log(`Republished ${relative(options.contentDir, path)}'s page in ${Math.round(ms)} ms; publishing the rest…`);
    events.emit("quick", { path, ms });
  }
  return {
    url: urlOf(server),
    events,
    rebuild,
    async close() {
      await watcher.close();
      for (const response of listeners) response.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await builder.idle();
    },
  };
}

async function buildOnce(options: BuildOptions, log: (message: string) => void): Promise<BuildOutcome> {
  const start = performance.now();
  try {
    const report = await publish(options, {}, "preview");
    const problems = report.archive.problems;
    if (problems.length) log(`\n${formatReport(problems, options.workingDir, BUILD_REPORT)}\n`);
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    log(`Preview published in ${seconds} s: ${report.archive.articles.length} articles, ${problems.length} errors shown on the pages.`);
    return { ok: true, report };
  } catch (error) {
    // The last good preview stays up; the editor reads why in the terminal.
    const message = error instanceof ContentError ? formatReport(error.problems, options.workingDir, BUILD_REPORT) : String((error as Error).stack ?? error);
    log(`\nThe preview could not be published; the last one is still served.\n${message}\n`);
    return { ok: false, message };
  }
}

async function quickEditState(archive: Archive, options: BuildOptions): Promise<QuickEdit> {
  // A Markdown worker loaded and waiting, so that the next body edit does not wait a second.
  startWorkerEarly();
  const frontMatters = await readFrontMatters(archive);
  return { archive, frontMatters, siteDir: options.outputDir, cacheDir: options.cacheDir };
}

/**
 * Builds one at a time: a change during a build asks for one more build after it, however
 * many changes arrive, and every caller gets the outcome of a build that started after it
 * asked. `first` runs a quick step that the next build waits for.
 */
function serialBuilder(build: () => Promise<BuildOutcome>) {
  let running: Promise<BuildOutcome> | undefined;
  let queued: Promise<BuildOutcome> | undefined;
  let quick: Promise<void> = Promise.resolve();
  const run = (): Promise<BuildOutcome> => {
    if (!running) {
      running = quick.then(build).finally(() => (running = undefined));
      return running;
    }
    queued ??= running.then(() => {
      queued = undefined;
      return run();
    });
    return queued;
  };
  const first = (step: () => Promise<void>): Promise<void> => (quick = quick.then(step));
  const isIdle = () => !running && !queued;
  return { run, first, isIdle, idle: async () => void (await (queued ?? running)) };
}

function watchArchive(contentDir: string, onChange: (event: string, path: string) => void): FSWatcher {
  return watch(contentDir, {
    ignoreInitial: true,
    // Dot files are editors' swap files and Dateline's own temporary files; the record of
    // published URLs is the build's, and a preview never writes it.
    ignored: (path) => basename(path).startsWith(".") || basename(path) === RECORD_FILE,
  }).on("all", onChange);
}

type Listeners = Set<ServerResponse>;

/**
 * Serves the preview folder through serve-static, which answers malformed and traversing
 * paths with 400 and 403 instead of throwing, and a small reload channel for open pages.
 */
function handler(siteDir: string, listeners: Listeners) {
  const files = serveStatic(siteDir, { dotfiles: "ignore", index: ["index.html"], cacheControl: false });
  return (request: IncomingMessage, response: ServerResponse) => {
    if (request.url === RELOAD_PATH) return reloadChannel(response, listeners);
    if (request.url === `${RELOAD_PATH}.js`) {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" });
      return void response.end(RELOAD_SCRIPT);
    }
    if (request.url === STYLE_PATH) {
      response.writeHead(200, { "content-type": "text/css; charset=utf-8" });
      return void response.end(STYLE);
    }
    files(request, response, (error?: { status?: number }) => notFound(response, error?.status ?? 404));
  };
}

function reloadChannel(response: ServerResponse, listeners: Listeners): void {
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
  response.write(": connected\n\n");
  listeners.add(response);
  response.on("close", () => listeners.delete(response));
}

function notFound(response: ServerResponse, status: number): void {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  response.end(status === 404 ? "Not found in the preview.\n" : `Bad request (${status}).\n`);
}

export class PreviewError extends Error {}

function urlOf(server: Server): string {
  const { address, port } = server.address() as AddressInfo;
  return `http://${address.includes(":") ? `[${address}]` : address}:${port}/`;
}
