// Stage 7, the search index: Pagefind's own program over a folder of pages, one search shard
// (src/search/index-shards.ts says which). Only article pages carry `data-pagefind-body`.
//
// Pagefind's command line rather than its Node API: the API talks to the same program through
// a child process it keeps to itself, and when that process dies (a full disk, a panic) its
// promises never settle, so Node exits with code 13 in the middle of a build. Running the
// program ourselves, we see it end however it ends, and can stop it and wait for it.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { releaseMemory } from "../publish/release-memory.ts";

export interface SearchIndexResult {
  /** Pages in the index: articles only, not every page Pagefind read. */
  pages: number;
}

/**
 * Word locations per file of the word index (Pagefind's default is 20,000). A search downloads
 * the file holding each word it looks up in every shard it searches; with files a quarter of the
 * default size, a word common in the archive is about alone in its file. Measured at 10,000
 * articles in shards of five years: a follow-up search by best match 147 kB before, 67 after;
 * each shard has about 320 files of words instead of 110. Pagefind calls the setting unstable:
 * if a version drops it, the index is only larger (and the version is among a shard's inputs).
 */
const INDEX_CHUNK_SIZE = "5000";

/** How much of Pagefind's output an error message quotes: its last lines. */
const OUTPUT_LINES = 12;
const OUTPUT_KEPT = 16_384;

/**
 * Indexes the pages in `siteDir` into `bundleDir` (an absolute path). Rejects with Pagefind's
 * own words when it fails or dies; when `signal` aborts, kills it and rejects only once it has
 * exited, so that nothing writes into the site any more. `onStarted` is called once Pagefind
 * runs.
 */
export async function indexSite(
  siteDir: string,
  bundleDir: string,
  language: string,
  signal?: AbortSignal,
  onStarted?: () => void,
): Promise<SearchIndexResult> {
  signal?.throwIfAborted();
  const args = ["--site", siteDir, "--output-path", bundleDir, "--force-language", language];
  args.push("--quiet");
  // Pagefind holds about 600 MB for a shard of 2,000 pages: this process's garbage goes first.
  releaseMemory();
  const binary = await pagefindBinary();
  const { code, died, output } = await run(binary, args, siteDir, signal, onStarted);
  signal?.throwIfAborted();
  if (code !== 0) {
    const how = died ? `was killed by ${died}` : `failed (exit code ${code})`;
    const said = output ? `:\n${output}` : "";
    throw new SearchIndexError(`Pagefind ${how} while building the search index${said}`);
  }
  return { pages: await indexedPages(bundleDir) };
}

/** Pagefind failed or died: the build stops with its words, not a stack trace. */
export class SearchIndexError extends Error {
  override name = "SearchIndexError";
}

interface Finished {
  code: number | null;
  died: NodeJS.Signals | null;
  output: string;
}

function run(
  binary: string,
  args: string[],
  cwd: string,
  signal?: AbortSignal,
  onStarted?: () => void,
) {
  return new Promise<Finished>((resolve, reject) => {
    // Settings meant for another Pagefind run (PAGEFIND_GLOB and the like) must not change ours;
    // the working folder is the site, so no pagefind.yml elsewhere is read either. A panic's
    // message is what the editor needs, not a Rust backtrace. The chunk size is ours.
    const inherited = Object.entries(process.env).filter(([key]) => !key.startsWith("PAGEFIND_"));
    const env = {
      ...Object.fromEntries(inherited),
      RUST_BACKTRACE: "0",
      PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: INDEX_CHUNK_SIZE,
    };
    const child = spawn(binary, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding("utf8");
      stream.on("data", (text: string) => (output = (output + text).slice(-OUTPUT_KEPT)));
    }
    const kill = () => child.kill("SIGKILL");
    signal?.addEventListener("abort", kill, { once: true });
    let failedToStart: Error | undefined;
    child.on("error", (error) => (failedToStart = error));
    child.on("spawn", () => onStarted?.());
    // "close" comes after the process has exited and its output ended, however it ended.
    child.on("close", (code, died) => {
      signal?.removeEventListener("abort", kill);
      if (failedToStart) {
        const why = failedToStart.message;
        reject(new SearchIndexError(`Pagefind could not start (${binary}): ${why}`));
        return;
      }
      const lines = output.split("\n").filter((line) => line.trim());
      resolve({ code, died, output: lines.slice(-OUTPUT_LINES).join("\n") });
    });
  });
}

/**
 * The program the `pagefind` package installed for this platform, found by the package's own
 * rule (which also honours PAGEFIND_BINARY_PATH). That rule is not among the package's exports,
 * so its file is imported by path, beside the package's entry point.
 */
async function pagefindBinary(): Promise<string> {
  const resolver = new URL("./resolveBinary.js", import.meta.resolve("pagefind")).href;
  const { resolveBinaryPath } = (await import(resolver)) as {
    resolveBinaryPath(names: string[]): string;
  };
  return resolveBinaryPath(["pagefind_extended", "pagefind"]);
}

/** The Pagefind that indexes: a new version may write a different index from the same pages. */
export async function pagefindVersion(): Promise<string> {
  const manifest = new URL("../package.json", import.meta.resolve("pagefind"));
  const { version } = JSON.parse(await readFile(manifest, "utf8")) as { version: string };
  return `${version} ${process.env.PAGEFIND_BINARY_PATH ?? ""}`;
}

export async function indexedPages(bundleDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundleDir, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}
