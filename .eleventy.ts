// Eleventy wires the stages: the archive model (src/) is global data, and the templates in
// layouts/ paginate over it. Nothing in this file reads content or renders Markdown itself.
import type { UserConfig } from "@11ty/eleventy";
import { renderToStaticMarkup } from "preact-render-to-string";
import type { VNode } from "preact";
import { resolveOptions } from "./src/config/options.ts";
import { ContentError } from "./src/content/problems.ts";
import { readArchive } from "./src/read-archive.ts";
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

  // The build command validates first and hands its archive in (see src/publish/publish.ts);
  // the dev server reads the archive afresh on every rebuild.
  if (!("archive" in eleventyConfig.globalData)) {
    const options = resolveOptions();
    eleventyConfig.addWatchTarget(options.contentDir);
    eleventyConfig.addGlobalData("archive", async () => {
      const { archive, problems } = await readArchive(options.contentDir, { includeDrafts: process.env.ELEVENTY_RUN_MODE !== "build", cacheDir: options.cacheDir });
      if (!archive) throw new ContentError(problems);
      return archive;
    });
    eleventyConfig.on("eleventy.after", async ({ dir, runMode }) => {
      if (runMode !== "build") await indexSite(dir.output, "en");
    });
  }
}

export const config = {
  dir: { input: "layouts" },
};
