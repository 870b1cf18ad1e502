// `npm run check`: validate every file of the archive without building, and list every problem.
import { resolveOptions } from "../config/options.ts";
import { formatReport, plural } from "../content/problems.ts";
import { readArchive } from "../read-archive.ts";

const options = resolveOptions();
const { archive, ok, problems } = await readArchive(options.contentDir, { includeDrafts: true, cacheDir: options.cacheDir });
if (problems.length) console.log(formatReport(problems, options.workingDir));
if (ok) console.log(`${problems.length ? "\n" : ""}Checked ${plural(archive.articles.length, "article")} in ${options.contentDir}: ready to publish.`);
process.exitCode = ok ? 0 : 1;
