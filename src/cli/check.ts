// `npm run check`: validate every file of the archive without building, and list every problem.
import { pageFiles } from "../archive/pages.ts";
import { resolveOptions } from "../config/options.ts";
import { formatReport, plural } from "../content/problems.ts";
import { checkStaticFiles } from "../publish/static-files.ts";
import { readArchive } from "../read-archive.ts";

const options = resolveOptions();
// Drafts are checked too: they are published one day.
const { archive, ok, problems } = await readArchive(options.contentDir, { includeDrafts: true, cacheDir: options.cacheDir });
const published = { ...archive, articles: archive.articles.filter((article) => !article.draft) };
const all = [...problems, ...(await checkStaticFiles(options.contentDir, pageFiles(published)))];
if (all.length) console.log(formatReport(all, options.workingDir));
const passed = ok && all.every((problem) => problem.severity !== "error");
if (passed) console.log(`${all.length ? "\n" : ""}Checked ${plural(archive.articles.length, "article")} in ${options.contentDir}: ready to publish.`);
process.exitCode = passed ? 0 : 1;
