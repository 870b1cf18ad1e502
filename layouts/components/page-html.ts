// A template's output as the file Eleventy writes: pages are JSX, rendered with escaping on;
// feeds and other files are strings already. Shared by .eleventy.ts and the preview's quick
// path (src/preview/quick-edit.ts), so that the two write the same bytes.
import { renderToStaticMarkup } from "preact-render-to-string";
import type { VNode } from "preact";

export function pageHtml(output: unknown): string {
  return typeof output === "string" ? output : `<!doctype html>\n${renderToStaticMarkup(output as VNode)}`;
}
