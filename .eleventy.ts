// Eleventy wires the stages: the archive model (src/) is global data, and the templates in
// layouts/ paginate over it. Nothing in this file reads content or renders Markdown itself:
// `npm run build` and `npm start` run the pipeline (src/pipeline.ts) and hand the model in.
import type { UserConfig } from "@11ty/eleventy";
import { renderToStaticMarkup } from "preact-render-to-string";
import type { VNode } from "preact";

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
  if (!("archive" in eleventyConfig.globalData)) {
    throw new Error("Run Dateline with `npm run build` or `npm start`: they hand Eleventy the archive.");
  }
}

export const config = {
  dir: { input: "layouts" },
};
