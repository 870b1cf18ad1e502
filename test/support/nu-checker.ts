// The Nu HTML Checker (vnu.jar from the vnu-jar package) run once over many files: one Java
// process for all pages, as starting the JVM costs more than checking a page. Missing Java is
// a loud skip on a developer's machine and a failure under CI=true, where .ci/run installs it.
// (Not the package's own `vnu.check`: without Java it downloads one, which no machine here can.)
import { execFile, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

export const JAVA = process.env.JAVA || "java";
/** vnu-jar's main export is the path of the jar it ships (build/dist/vnu.jar). */
const VNU_JAR = String(createRequire(import.meta.url)("vnu-jar"));

/** Why the checker cannot run here, or undefined when it can. */
export function javaSkipReason(): string | undefined {
  if (spawnSync(JAVA, ["-version"], { stdio: "ignore" }).status === 0) return undefined;
  const message =
    `No Java (${JAVA}) to run the Nu HTML Checker: install Debian's default-jre-headless ` +
    "(apt-get install default-jre-headless) or set JAVA to its path.";
  if (process.env.CI === "true")
    throw new Error(`${message} The checker is required under CI=true.`);
  console.warn(`\n*** NU HTML CHECKER TESTS SKIPPED *** ${message}\n`);
  return message;
}

/** One message of vnu's JSON output (`--format json`), the fields we print. */
export interface NuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

/**
 * Checks `files`, HTML pages and `.css` style sheets, and returns every error. The pages go
 * to one Java process and the style sheets (`--css`) to another, at the same time: vnu's
 * `--also-check-css`, which would take both in one, reports every HTML error one line above
 * where it is (vnu 26.9.27), and a developer must find the line.
 */
export async function checkWithNu(files: readonly string[]): Promise<NuMessage[]> {
  const css = files.filter((file) => file.endsWith(".css"));
  const html = files.filter((file) => !file.endsWith(".css"));
  const runs = [runNu(html, []), css.length > 0 ? runNu(css, ["--css"]) : Promise.resolve([])];
  return (await Promise.all(runs)).flat();
}

/**
 * One vnu run. It exits 1 when it finds errors, so the exit code says nothing the messages do
 * not; a run that printed no JSON (no Java, a crash) is an error of its own.
 */
function runNu(files: readonly string[], options: readonly string[]): Promise<NuMessage[]> {
  const args = ["-jar", VNU_JAR, "--errors-only", "--format", "json", ...options, ...files];
  return new Promise((resolve, reject) => {
    execFile(JAVA, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      // vnu writes its report to standard error.
      const report = stderr.trim() || stdout.trim();
      try {
        resolve((JSON.parse(report) as { messages: NuMessage[] }).messages);
      } catch {
        reject(
          new Error(
            `the Nu HTML Checker printed no report (${error?.message ?? "no error"}):\n${report}`,
          ),
        );
      }
    });
  });
}

/** One line a developer can act on: the page's file, the place, the rule broken, the markup. */
export function describeNuMessage(message: NuMessage, siteRoot: string): string {
  const file = message.url.startsWith("file:")
    ? relative(siteRoot, fileURLToPath(message.url))
    : message.url;
  const place =
    message.lastLine === undefined ? "" : `:${message.lastLine}:${message.firstColumn ?? 0}`;
  const extract = message.extract ? `\n    in: ${JSON.stringify(message.extract.trim())}` : "";
  const kind = message.subType ? `${message.type} (${message.subType})` : message.type;
  return `${file}${place}: ${kind}: ${message.message}${extract}`;
}
