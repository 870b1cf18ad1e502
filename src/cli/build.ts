// `npm run build`: validate the archive, then publish it to the output folder, or say why not.
import { resolveOptions, withClock } from "../config/options.ts";
import { BUILD_REPORT, ContentError, formatReport, plural } from "../content/problems.ts";
import { Interrupted } from "../publish/atomic.ts";
import { publish } from "../publish/publish.ts";
import { SearchIndexError } from "../search/index-site.ts";

// After SIGHUP the terminal is gone: a failed write must not crash the clean-up that follows.
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});

async function main(): Promise<number> {
  let options;
  try {
    options = withClock(resolveOptions());
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  const start = performance.now();
  const elapsed = () => `${((performance.now() - start) / 1000).toFixed(1)} s`;
  try {
    console.error(`Building ${options.contentDir} into ${options.outputDir}`);
    const report = await publish(options, { onStage: (message) => console.error(`  ${message}… (${elapsed()})`) });
    if (report.warnings.length) console.error(`\n${formatReport(report.warnings, options.workingDir, BUILD_REPORT)}\n`);
    const { archive } = report;
    console.log(
      `Published ${plural(archive.articles.length, "article")}, ${plural(report.pages, "page")}, ${plural(archive.entities.length, "entity", "entities")} and ${plural(archive.authors.length, "author")} ` +
        `(${plural(report.searchPages, "page")} searchable) to ${options.outputDir} in ${elapsed()}, with ${plural(report.warnings.length, "warning")}.`,
    );
    console.log(`Pages rendered: ${(report.pages - report.reused).toLocaleString("en")}; unchanged since the last build: ${report.reused.toLocaleString("en")}.`);
    console.log(`Time by stage: ${report.timings.map(({ stage, ms }) => `${stage} ${(ms / 1000).toFixed(1)} s`).join(" · ")}`);
    return 0;
  } catch (error) {
    if (error instanceof Interrupted) {
      console.error(`\n${error.message}`);
      return error.exitCode;
    }
    if (error instanceof ContentError) {
      console.error(`\n${formatReport(error.problems, options.workingDir, BUILD_REPORT)}\n\nNothing was published: ${options.outputDir} is unchanged.`);
      return 1;
    }
    // Pagefind's failures and the system's (a full disk, a folder not writable) say all there
    // is to say in their message; anything else is a bug, whose stack trace helps.
    const known = error instanceof SearchIndexError ? error : systemCause(error);
    const failed = `\nThe build failed; nothing was published: ${options.outputDir} is unchanged.`;
    if (known) console.error(`${failed}\n\n${known.message}`);
    else console.error(`${failed}\n`, error);
    return 1;
  }
}

/**
 * The system's error behind a failure, if any: its own, or the one Eleventy wraps when it cannot
 * write a page (`originalError`), or any other wrapper's `cause`.
 */
function systemCause(error: unknown): Error | undefined {
  for (let at = error, depth = 0; at instanceof Error && depth < 8; depth++) {
    if ("syscall" in at) return at;
    const wrapped = at as Error & { originalError?: unknown };
    at = wrapped.originalError ?? wrapped.cause;
  }
  return undefined;
}

process.exitCode = await main();
