// Eleventy wires the stages: the archive model (src/) is global data, and the templates in
// layouts/ paginate over it. Nothing in this file reads content or renders Markdown itself.
import { relative, resolve, sep } from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { renderToStaticMarkup } from "preact-render-to-string";
import type { VNode } from "preact";
import { resolveOptions } from "./src/config/options.ts";
import { ContentError, formatReport } from "./src/content/problems.ts";
import { readArchive } from "./src/read-archive.ts";
import { writeSiteMarker } from "./src/publish/atomic.ts";
import { copyStaticFiles } from "./src/publish/static-files.ts";
import { indexSite } from "./src/search/index-site.ts";

export default function configure(eleventyConfig: UserConfig): void {
  eleventyConfig.addExtension(["11ty.tsx"], {
    key: "11ty.js",
    compile() {
      return async function render(data) {
        const output = await this.defaultRenderer(data);
        // Pages return JSX, rendered with escaping on; feeds and other files return strings.
        return typeof output === "string" ? output : `<!doctype html>\n${renderToStaticMarkup(output as VNode)}`;
      };
    },
  });
  eleventyConfig.setTemplateFormats(["11ty.tsx"]);
  eleventyConfig.addPassthroughCopy({ "layouts/assets": "assets" });

  // The build command validates first and hands its archive in (see src/publish/publish.ts).
  if (!("archive" in eleventyConfig.globalData)) readArchiveOnEveryBuild(eleventyConfig);
}

/**
 * The dev server (and a bare `eleventy` run) reads the archive afresh on every rebuild, drafts
 * included. Content errors do not stop it: they are printed, and shown on every page, over
 * whatever content is still valid, until the file is fixed.
 */
function readArchiveOnEveryBuild(eleventyConfig: UserConfig): void {
  const options = resolveOptions();
  let language = "en";
  eleventyConfig.addWatchTarget(options.contentDir);
  eleventyConfig.addGlobalData("archive", async () => {
    const isBuild = process.env.ELEVENTY_RUN_MODE === "build";
    const result = await readArchive(options.contentDir, { includeDrafts: !isBuild, draftsOnlyIsFine: !isBuild, cacheDir: options.cacheDir });
    if (result.problems.length) console.error(`\n${formatReport(result.problems, options.workingDir)}\n`);
    if (!result.ok && isBuild) throw new ContentError(result.problems);
    language = result.archive.site.language;
    const errors = result.problems.filter((problem) => problem.severity === "error");
    return Object.freeze({ ...result.archive, problems: errors.map((problem) => ({ ...problem, file: relative(options.workingDir, problem.file) })) });
  });
  // Eleventy's event reports its default output folder, not the one it was given: use ours.
  eleventyConfig.on("eleventy.after", async ({ runMode, results }) => {
    if (runMode === "build") return;
    const pages = new Set(results.map((result) => relative(options.outputDir, resolve(result.outputPath)).split(sep).join("/")));
    const problems = await copyStaticFiles(options.contentDir, options.outputDir, pages);
    if (problems.length) console.error(`\n${formatReport(problems, options.workingDir)}\n`);
    await indexSite(options.outputDir, language);
    await writeSiteMarker(options.outputDir);
  });
}

export const config = {
  dir: { input: "layouts" },
};
