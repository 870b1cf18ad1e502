// `npm run build`: validate the archive, then publish it to the output folder, or say why not.
import { resolveOptions } from "../config/options.ts";
import { ContentError, formatReport, plural } from "../content/problems.ts";
import { publish } from "../publish/publish.ts";

async function main(): Promise<number> {
  const options = resolveOptions();
  const start = performance.now();
  const stageStart = { at: start };
  const onStage = (message: string) => {
    const now = performance.now();
    console.error(`  ${message}… (${((now - start) / 1000).toFixed(1)} s)`);
    stageStart.at = now;
  };
  try {
    console.error(`Building ${options.contentDir} into ${options.outputDir}`);
    const report = await publish(options, { onStage });
    if (report.warnings.length) console.error(`\n${formatReport(report.warnings)}\n`);
    const { archive } = report;
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    console.log(
      `Published ${plural(archive.articles.length, "article")}, ${plural(report.pages, "page")}, ${plural(archive.entities.length, "entity").replace("entitys", "entities")} and ${plural(archive.authors.length, "author")} ` +
        `(${plural(report.searchPages, "page")} searchable) to ${options.outputDir} in ${seconds} s, with ${plural(report.warnings.length, "warning")}.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ContentError) {
      console.error(`\n${error.message}\n\nNothing was published: ${options.outputDir} is unchanged.`);
      return 1;
    }
    console.error("\nThe build failed; nothing was published.\n", error);
    return 1;
  }
}

process.exitCode = await main();
