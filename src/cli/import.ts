// `npm run import -- <export.xml | feed.xml | https://…/feed> [--dry-run] [--uploads <folder>]
// [--map <file>]`: bring a WordPress export or a feed into the archive, safely again and again.
import { isAbsolute, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { resolveOptions } from "../config/options.ts";
import { formatProblem, Problems } from "../content/problems.ts";
import { importArchive } from "../import/import-archive.ts";
import { formatImportReport } from "../import/report.ts";

const USAGE = "usage: npm run import -- <export.xml | feed.xml | https://…/feed> " +
  "[--dry-run] [--uploads <wp-content/uploads copy>] [--map <import-map.yaml>]";

const options = resolveOptions();
const { values, positionals } = readArguments(process.argv.slice(2));
if (positionals.length !== 1) {
  console.error(USAGE);
  process.exit(2);
}
const here = (path: string) => (isAbsolute(path) ? path : resolve(options.workingDir, path));
const source = /^https?:\/\//i.test(positionals[0]!) ? positionals[0]! : here(positionals[0]!);
const mapFile = here(values.map ?? join(options.contentDir, "import-map.yaml"));
const dryRun = values["dry-run"] ?? false;
const problems = new Problems();
try {
  const result = await importArchive({ source, contentDir: options.contentDir, mapFile, dryRun,
    ...(values.uploads ? { uploadsDir: here(values.uploads) } : {}) }, problems);
  if (!result) {
    for (const problem of problems.list) console.error(formatProblem(problem, options.workingDir));
    console.error("Nothing was imported: fix the mapping file and run the import again.");
    process.exit(1);
  }
  console.log(formatImportReport(result, positionals[0]!, dryRun, mapFile));
} catch (error) {
  console.error(`The import stopped: ${(error as Error).message}`);
  process.exit(1);
}

function readArguments(args: string[]) {
  try {
    return parseArgs({
      args,
      options: { "dry-run": { type: "boolean" }, uploads: { type: "string" },
        map: { type: "string" }, content: { type: "string" }, output: { type: "string" } },
      allowPositionals: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}
