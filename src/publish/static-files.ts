// Static files: `content/static/` (images, PDFs, a favicon…) is copied as-is to the site root,
// so `content/static/images/cover.jpg` is published at `/images/cover.jpg`. A static file may
// not replace a page the archive generates, nor anything under /pagefind/.
import { cp, readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { Problem } from "../content/problems.ts";
import { exists } from "../content/load.ts";

export const STATIC_FOLDER = "static";

/**
 * Copies the archive's static files into a built site; returns problems instead of replacing
 * a page. `pages` lists the site's generated files when the folder also holds older copies
 * (the dev server's); otherwise whatever is in the folder counts as generated.
 */
export async function copyStaticFiles(contentDir: string, siteDir: string, pages?: ReadonlySet<string>): Promise<Problem[]> {
  const source = join(contentDir, STATIC_FOLDER);
  if (!(await exists(source))) return [];
  const entries = await readdir(source, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const problems: Problem[] = [];
  for (const file of files) {
    const path = relative(source, file).split(sep).join("/");
    if (path.startsWith("pagefind/")) {
      problems.push({ severity: "error", file, rule: "static-reserved", message: `/${path} is inside /pagefind/, where the search index is written`, fix: `move it out of ${STATIC_FOLDER}/pagefind/` });
    } else if (pages ? pages.has(path) : await stat(join(siteDir, path)).then(() => true, () => false)) {
      problems.push({ severity: "error", file, rule: "static-overwrites-page", message: `/${path} is also a page of the archive`, fix: "rename or move the static file: it would replace the page" });
    }
  }
  if (problems.length === 0) await cp(source, siteDir, { recursive: true, force: pages !== undefined });
  return problems;
}
