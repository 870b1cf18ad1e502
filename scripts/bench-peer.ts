// The peer `npm run bench -- --hugo` compares Dateline with: the Hugo site in
// ../shared/bench/hugo over the same archive, then Pagefind's CLI over Hugo's output.
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { linkArchive } from "./bench-edits.ts";
import { measureBuild, type RunResult } from "./bench-measure.ts";

/**
 * `../shared/bench/hugo` beside the project root, so that every checkout (a worktree, another
 * machine) finds it; `BENCH_HUGO_SITE` points elsewhere, relative to where the command ran.
 */
export function hugoPeerSite(projectRoot: string, env: NodeJS.ProcessEnv): string {
  const setting = env["BENCH_HUGO_SITE"];
  if (!setting) return resolve(projectRoot, "..", "shared", "bench", "hugo");
  if (isAbsolute(setting)) return resolve(setting);
  return resolve(env["INIT_CWD"] || process.cwd(), setting);
}

/** Hugo's version (`0.111.3`), or why the peer cannot run: no `hugo`, or no peer site. */
export function peerReadiness(hugoSite: string): { version: string } | { missing: string } {
  const probe = spawnSync("hugo", ["version"], { encoding: "utf8" });
  if (probe.error !== undefined || probe.status !== 0) {
    return { missing: "no working `hugo` on PATH (on Debian: apt-get install -y hugo)" };
  }
  if (!existsSync(hugoSite)) {
    return { missing: `no Hugo site at ${hugoSite} (set BENCH_HUGO_SITE to its folder)` };
  }
  return { version: /v(\d+\.\d+\.\d+)/.exec(probe.stdout)?.[1] ?? probe.stdout.trim() };
}

export interface PeerRun {
  /** Where the peer's site was written. */
  publicDir: string;
  hugo: RunResult;
  pagefind: RunResult;
}

/**
 * Builds the archive in `archiveDir` with the Hugo site, in a fresh copy of it at `workDir`,
 * then indexes Hugo's output with Pagefind's CLI: each timed on its own, as a user runs them.
 */
export async function runPeer(
  archiveDir: string,
  workDir: string,
  hugoSite: string,
  pagefindBin: string,
): Promise<PeerRun> {
  rmSync(workDir, { recursive: true, force: true });
  cpSync(hugoSite, workDir, { recursive: true });
  makeWritable(workDir);
  linkArchive(join(archiveDir, "articles"), join(workDir, "content", "articles"));
  const hugoArgs = ["--quiet", "-d", "public"];
  const hugo = await measureBuild("hugo", "hugo", hugoArgs, workDir, process.env);
  const pagefind = await measureBuild(
    "pagefind (over hugo's site)", pagefindBin, ["--site", "public"], workDir, process.env,
  );
  return { publicDir: join(workDir, "public"), hugo, pagefind };
}

/** The shared peer site may be read-only; its copy must take the articles and Hugo's output. */
function makeWritable(dir: string): void {
  chmodSync(dir, statSync(dir).mode | 0o200);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) makeWritable(join(dir, entry.name));
    else chmodSync(join(dir, entry.name), statSync(join(dir, entry.name)).mode | 0o200);
  }
}
