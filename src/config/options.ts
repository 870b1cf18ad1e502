// Where the archive is read from and where the site is written: the same for every command.
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

/** Dateline's own folder: its layouts and Eleventy config, wherever the archive lives. */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface BuildOptions {
  contentDir: string;
  outputDir: string;
  /** Folder for caches that make rebuilds fast; safe to delete. */
  cacheDir: string;
  /** Where the user ran the command: relative paths are theirs, not npm's project root. */
  workingDir: string;
  /**
   * The build's moment, for what depends on the day ("On this day" on the home page): set by
   * the commands that publish (`DATELINE_NOW`, else the clock), never read by the stages.
   */
  now?: Date;
}

const cliOptions = {
  content: { type: "string" },
  output: { type: "string" },
} as const;

/** Command-line options win over environment variables, which win over the defaults. */
export function resolveOptions(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env, cwd = env.INIT_CWD || process.cwd(), defaultOutput = "_site"): BuildOptions & { positionals: string[] } {
  const { values, positionals } = parseArgs({ args: [...argv], options: cliOptions, allowPositionals: true, strict: false });
  const pick = (flag: unknown, variable: string | undefined, fallback: string): string => absolute(typeof flag === "string" ? flag : variable || fallback, cwd);
  return {
    contentDir: pick(values.content, env.CONTENT_DIR, "content"),
    outputDir: pick(values.output, env.OUTPUT_DIR, defaultOutput),
    cacheDir: absolute(env.DATELINE_CACHE_DIR || ".cache", cwd),
    workingDir: cwd,
    positionals,
  };
}

function absolute(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/**
 * The options with the build's moment: `DATELINE_NOW` when set (tests, or a rebuild of a past
 * day), else the machine's clock. Called by the commands that publish, and nowhere else.
 */
export function withClock<T extends BuildOptions>(
  options: T,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const setting = env.DATELINE_NOW;
  if (setting === undefined || setting === "") return { ...options, now: new Date() };
  const now = new Date(setting);
  if (Number.isNaN(now.getTime())) {
    const fix = "write it like 2021-03-04T09:00:00Z, or unset it";
    throw new Error(`DATELINE_NOW "${setting}" is not a date-time: ${fix}.`);
  }
  return { ...options, now };
}
