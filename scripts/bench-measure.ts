// Measures for the bench: a command's wall time, the peak memory of its whole process tree,
// and what a build wrote.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";

/** How often the process tree's memory is sampled. */
export const SAMPLE_MS = 100;
const HAS_PROC = existsSync("/proc/self/status");

export interface RunResult {
  ok: boolean;
  exit: string;
  wallSeconds: number;
  peakBytes: number;
  /**
   * The machine's 1-minute load average, averaged over the run: about the cores the command
   * keeps busy when it has the machine to itself, more when other work competed with it.
   */
  meanLoad: number;
  stderrTail: string;
  stdoutTail: string;
}

export class BuildFailed extends Error {
  constructor(
    readonly build: string,
    readonly result: RunResult,
  ) {
    super(`${build} failed (${result.exit})`);
  }
}

/** Runs a build to completion with `measure`, throwing BuildFailed unless it succeeded. */
export async function measureBuild(
  build: string,
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<RunResult> {
  const result = await measure(command, args, cwd, env);
  if (!result.ok) throw new BuildFailed(build, result);
  return result;
}

/** Runs a command to completion, sampling the memory of its whole process tree. */
export function measure(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const stdout = new Tail(8000);
    const stderr = new Tail(8000);
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let peakBytes = 0;
    const loads: number[] = [];
    let wallSeconds = 0;
    let exit = "";
    const sample = (): void => {
      if (child.pid !== undefined && exit === "") {
        peakBytes = Math.max(peakBytes, treeRssBytes(child.pid));
        loads.push(loadavg()[0] ?? 0);
      }
    };
    const timer = setInterval(sample, SAMPLE_MS);
    child.once("spawn", sample);
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.once("exit", (code, signal) => {
      wallSeconds = (performance.now() - started) / 1000;
      exit = signal ? `signal ${signal}` : `exit code ${code}`;
      clearInterval(timer);
    });
    child.once("error", (error) => {
      clearInterval(timer);
      resolvePromise({
        ok: false, exit: error.message, wallSeconds: 0, peakBytes, meanLoad: 0,
        stderrTail: "", stdoutTail: "",
      });
    });
    child.once("close", () => {
      resolvePromise({
        ok: exit === "exit code 0",
        exit,
        wallSeconds,
        peakBytes,
        meanLoad: loads.reduce((sum, load) => sum + load, 0) / Math.max(1, loads.length),
        stderrTail: stderr.toString(),
        stdoutTail: stdout.toString(),
      });
    });
  });
}

/** Keeps the last `max` characters of a stream. */
class Tail {
  private text = "";

  constructor(private readonly max: number) {}

  push(chunk: Buffer): void {
    this.text = (this.text + chunk.toString("utf8")).slice(-this.max);
  }

  toString(): string {
    return this.text;
  }
}

// ---------------------------------------------------------------- process tree memory

/** Resident memory of a process and all its descendants, summed. */
function treeRssBytes(root: number): number {
  const children = childrenByParent();
  const tree: number[] = [];
  const queue = [root];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  if (HAS_PROC) return tree.reduce((sum, pid) => sum + rssBytes(pid), 0);
  const members = new Set(tree);
  return psTable().reduce((sum, [pid, , rss]) => sum + (members.has(pid) ? rss : 0), 0);
}

/** Parent pid → child pids, for every process in /proc (or `ps` where there is no /proc). */
function childrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  const add = (pid: number, ppid: number): void => {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  };
  if (!HAS_PROC) {
    for (const [pid, ppid] of psTable()) add(pid, ppid);
    return children;
  }
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProc(`/proc/${name}/stat`);
    // Fields after the command name, which is in parentheses and may itself contain spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ppid = Number(fields[1]);
    if (Number.isInteger(ppid)) add(Number(name), ppid);
  }
  return children;
}

function readProc(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return ""; // the process ended between listing and reading
  }
}

function rssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readProc(`/proc/${pid}/status`));
  return match ? Number(match[1]) * 1024 : 0;
}

/** [pid, ppid, rss bytes] of every process, from `ps` (macOS and others without /proc). */
function psTable(): [number, number, number][] {
  const out = spawnSync("ps", ["-A", "-o", "pid=,ppid=,rss="], { encoding: "utf8" }).stdout ?? "";
  return out
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter((f): f is [number, number, number] => f.length === 3 && f.every(Number.isFinite))
    .map(([pid, ppid, rssKb]) => [pid, ppid, rssKb * 1024]);
}

// ---------------------------------------------------------------- what a build wrote

export interface SiteCount {
  indexPages: number;
  otherPages: number;
  pagefindBytes: number;
  pagefindFiles: number;
}

/** HTML pages of a built site, and the size of its search index (its top `pagefind/`). */
export function countSite(dir: string): SiteCount {
  const count: SiteCount = { indexPages: 0, otherPages: 0, pagefindBytes: 0, pagefindFiles: 0 };
  const walk = (folder: string, inPagefind: boolean): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(path, inPagefind || (folder === dir && entry.name === "pagefind"));
      } else if (inPagefind) {
        count.pagefindFiles++;
        count.pagefindBytes += statSync(path).size;
      } else if (entry.name === "index.html") {
        count.indexPages++;
      } else if (entry.name.endsWith(".html")) {
        count.otherPages++;
      }
    }
  };
  if (existsSync(dir)) walk(dir, false);
  return count;
}
