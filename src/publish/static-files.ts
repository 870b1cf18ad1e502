// Static files: `content/static/` (images, PDFs, a favicon…) is copied as-is to the site root,
// so `content/static/images/cover.jpg` is published at `/images/cover.jpg`. A static file may
// not replace a page the archive generates, nor anything under /pagefind/; and since nothing
// in content may run code in a reader's browser, no file that a browser would run (HTML, SVG,
// JavaScript, XML with stylesheets) and no link to a file elsewhere on the machine.
import { cp, readdir, stat } from "node:fs/promises";
import { extname, join, relative, sep } from "node:path";
import type { Problem } from "../content/problems.ts";
import { exists } from "../content/load.ts";

export const STATIC_FOLDER = "static";

/** File types a browser opening them directly would run script from. */
const ACTIVE_TYPES = new Set([".html", ".htm", ".xhtml", ".shtml", ".svg", ".svgz", ".js", ".mjs", ".cjs", ".xml", ".xsl", ".xslt", ".wasm", ".swf"]);

/**
 * Copies the archive's static files into a built site; returns problems instead of replacing
 * a page. `pages` lists the site's generated files when the folder also holds older copies
 * (the dev server's); otherwise whatever is in the folder counts as generated.
 */
export async function copyStaticFiles(contentDir: string, siteDir: string, pages?: ReadonlySet<string>): Promise<Problem[]> {
  const problems = await checkStaticFiles(contentDir, pages ?? ((path) => stat(join(siteDir, path)).then(() => true, () => false)));
  if (problems.length === 0 && (await exists(join(contentDir, STATIC_FOLDER)))) await cp(join(contentDir, STATIC_FOLDER), siteDir, { recursive: true, force: pages !== undefined });
  return problems;
}

/** The problems publishing the static files would have, given the pages (or a test for one). */
export async function checkStaticFiles(contentDir: string, pages: ReadonlySet<string> | ((path: string) => Promise<boolean>)): Promise<Problem[]> {
  const source = join(contentDir, STATIC_FOLDER);
  if (!(await exists(source))) return [];
  const isPage = typeof pages === "function" ? pages : async (path: string) => pages.has(path);
  const entries = await readdir(source, { recursive: true, withFileTypes: true });
  const problems: Problem[] = [];
  for (const entry of entries.filter((e) => e.isSymbolicLink())) {
    problems.push({ severity: "error", file: join(entry.parentPath, entry.name), rule: "static-link", message: "is a link to a file elsewhere, which would publish that file", fix: "copy the file itself into static/ instead of linking to it" });
  }
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  for (const file of files) {
    const path = relative(source, file).split(sep).join("/");
    if (ACTIVE_TYPES.has(extname(file).toLowerCase())) {
      problems.push({ severity: "error", file, rule: "static-active", message: `${extname(file)} files can run script in a reader's browser, so they are not published`, fix: "publish the content as an article, or convert images to PNG, JPEG or WebP" });
    } else if (path.startsWith("pagefind/")) {
      problems.push({ severity: "error", file, rule: "static-reserved", message: `/${path} is inside /pagefind/, where the search index is written`, fix: `move it out of ${STATIC_FOLDER}/pagefind/` });
    } else if (await isPage(path)) {
      problems.push({ severity: "error", file, rule: "static-overwrites-page", message: `/${path} is also a page of the archive`, fix: "rename or move the static file: it would replace the page" });
    }
  }
  return problems;
}
