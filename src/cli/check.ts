// `npm run check`: every stage of a build but writing, on the same archive model, so that it
// lists exactly the problems `npm run build` would stop on.
import { resolveOptions } from "../config/options.ts";
import { formatReport, plural } from "../content/problems.ts";
import { planSite } from "../pipeline.ts";

const options = resolveOptions();
const { archive, ok, problems } = await planSite(options, "check");
if (problems.length) console.log(formatReport(problems, options.workingDir));
if (ok) console.log(`${problems.length ? "\n" : ""}Checked ${plural(archive.articles.length, "article")} in ${options.contentDir}: ready to publish.`);
process.exitCode = ok ? 0 : 1;
