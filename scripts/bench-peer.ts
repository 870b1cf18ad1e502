// Where `npm run bench --hugo` finds the Hugo site it compares Dateline with.
import { isAbsolute, resolve } from "node:path";

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
