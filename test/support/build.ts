// Runs the real build command, as an editor would, on an archive and an output folder.
import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface BuildRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The moment every command run by the tests takes for "now" (`DATELINE_NOW`), unless a test
 * sets its own: a build's home page shows "On this day", and tests never depend on the date.
 * 14 August: the sample archive has an article of 14 August 2020.
 */
export const TEST_NOW = "2021-08-14T12:00:00Z";

export function runBuild(contentDir: string, outputDir: string, env: NodeJS.ProcessEnv = {}): Promise<BuildRun> {
  return runCommand("src/cli/build.ts", [], { CONTENT_DIR: contentDir, OUTPUT_DIR: outputDir, ...env });
}

export function runCommand(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<BuildRun> {
  return startProcess(process.execPath, ["--import", "tsx", script, ...args], env).exited;
}

export interface RunningProcess {
  readonly pid: number;
  /** Resolves once the process has printed `pattern` (on either stream); rejects if it ends. */
  printed(pattern: RegExp): Promise<void>;
  /** Sends `signal` to the process, or to its whole process group as Ctrl-C does. */
  kill(signal: NodeJS.Signals, to?: "process" | "group"): void;
  readonly exited: Promise<BuildRun & { signal: NodeJS.Signals | null }>;
}

/** Starts a build, to act on it at one of its stages: it leads a process group of its own. */
export function startBuild(content: string, out: string, env: NodeJS.ProcessEnv = {}) {
  const args = ["--import", "tsx", "src/cli/build.ts"];
  const buildEnv = { CONTENT_DIR: content, OUTPUT_DIR: out, ...env };
  return startProcess(process.execPath, args, buildEnv, { ownGroup: true });
}

export function startProcess(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  { ownGroup = false } = {},
): RunningProcess {
  const child = spawn(command, args, {
    cwd: PROJECT_ROOT,
    env: { DATELINE_NOW: TEST_NOW, ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: ownGroup,
  });
  let stdout = "";
  let stderr = "";
  const waiting = new Set<() => void>();
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk;
    for (const check of waiting) check();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk;
    for (const check of waiting) check();
  });
  const exited = new Promise<BuildRun & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? 1, signal, stdout, stderr }));
  });
  return {
    pid: child.pid!,
    printed(pattern) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(stderr) && !pattern.test(stdout)) return;
          waiting.delete(check);
          resolve();
        };
        waiting.add(check);
        check();
        const said = () => `${command} ${args.join(" ")} ended, never printing ${pattern}`;
        void exited.then(() => reject(new Error(`${said()}:\n${stdout}${stderr}`)));
      });
    },
    kill(signal, to = "process") {
      if (to === "group") process.kill(-child.pid!, signal);
      else child.kill(signal);
    },
    exited,
  };
}

/** Every file under a folder, as `/`-separated paths relative to it, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
}

export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const files = await listFiles(dir);
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(dir, file))] as const)));
}

/** The file a site URL is served from: `/a/` is `a/index.html`. */
export function fileForUrl(url: string): string {
  const path = decodeURIComponent(url.split(/[?#]/)[0]!).replace(/^\//, "");
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}
