// The search page's script, /assets/search.js: its modules (layouts/search-page/, one per
// concern) and fastest-levenshtein bundled by esbuild into one file, so that a first search
// costs one request for them rather than one a module.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { SEARCH_SCRIPT_URL } from "../src/archive/pages.ts";

export const data = { permalink: SEARCH_SCRIPT_URL };

const ENTRY = fileURLToPath(new URL("search-page/main.js", import.meta.url));

export async function render(): Promise<string> {
  const bundle = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: "esm",
    target: "es2022",
    write: false,
    // Smaller by half; the modules in layouts/search-page/ are the readable source.
    minify: true,
    legalComments: "inline",
    logLevel: "silent",
  });
  return bundle.outputFiles[0]!.text;
}
