// Stage 7, the search index: Pagefind, through its Node API, over the pages just written.
// Only article pages carry `data-pagefind-body`, so navigation and list pages stay out.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as pagefind from "pagefind";

export interface SearchIndexResult {
  /** Pages in the index: articles only, not every page Pagefind read. */
  pages: number;
}

export async function indexSite(siteDir: string, language: string): Promise<SearchIndexResult> {
  const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error(`Pagefind could not start: ${createErrors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: join(siteDir, "pagefind") });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    return { pages: await indexedPages(join(siteDir, "pagefind")) };
  } finally {
    await pagefind.close();
  }
}

async function indexedPages(bundleDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundleDir, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}
