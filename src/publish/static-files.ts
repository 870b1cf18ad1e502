// Static files: `content/static/` (images, PDFs, a favicon…) is copied as-is to the site root,
// so `content/static/images/cover.jpg` is published at `/images/cover.jpg`. A static file may
// not replace a page the archive generates, nor anything under /pagefind/. Since nothing in
// content may run code in a reader's browser or change how the web server behaves, only types
// from an allowlist of what readers download are published, no name starting with "." (a
// host's settings: .htaccess, .user.ini), and no link to a file elsewhere on the machine.
import type { Dirent } from "node:fs";
import { cp, readdir, stat } from "node:fs/promises";
import { basename, extname, join, relative, sep } from "node:path";
import type { Problem } from "../content/problems.ts";
import { exists } from "../content/load.ts";
import { PROJECT_ROOT } from "../config/options.ts";

export const STATIC_FOLDER = "static";

/** The theme's own files (style sheet, fonts, scripts), published under /assets/. */
export const THEME_ASSETS = join(PROJECT_ROOT, "layouts", "assets");

/**
 * Copies the theme's files into a site being built, before the archive's static files, which
 * may not replace them. Ours rather than Eleventy's passthrough copy, whose failure (a full
 * disk) escapes its promise and ends the process with a stack trace, the site half-written.
 */
export async function copyThemeAssets(siteDir: string): Promise<void> {
  await cp(THEME_ASSETS, join(siteDir, "assets"), { recursive: true });
}

/** The theme's files as the site holds them (`assets/site.css`), which no static file replaces. */
export async function themeAssetFiles(): Promise<string[]> {
  const entries = await readdir(THEME_ASSETS, { recursive: true, withFileTypes: true });
  const path = (entry: Dirent) => relative(THEME_ASSETS, join(entry.parentPath, entry.name));
  const files = entries.filter((entry) => entry.isFile()).map(path);
  return files.map((file) => `assets/${file.split(sep).join("/")}`);
}

/**
 * What readers download, and what neither a browser nor a web server acts on. An allowlist,
 * because the types that do are many and keep growing (XHTML, SVG, MathML, RSS with a style
 * sheet; web.config, staticwebapp.config.json). SVG runs script; JSON is left out because hosts
 * read configuration from JSON files in the published folder (CSV serves for data).
 */
export const PUBLISHED_TYPES: readonly string[] = [
  // images
  ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".bmp", ".tif", ".tiff",
  // audio, video, captions
  ".mp3", ".m4a", ".aac", ".oga", ".ogg", ".opus", ".wav", ".flac", ".weba",
  ".mp4", ".m4v", ".webm", ".ogv", ".mov", ".vtt",
  // documents and data
  ".pdf", ".txt", ".csv", ".tsv", ".rtf", ".epub",
  ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp",
  // archives and fonts
  ".zip", ".gz", ".tgz", ".tar", ".woff", ".woff2", ".ttf", ".otf",
];
const PUBLISHED = new Set(PUBLISHED_TYPES);

/**
 * Extensions that web servers run as programs wherever they appear in a name: Apache, for one,
 * hands `photo.php.png` to PHP.
 */
const SERVER_RUN = /\.(php\d?|phtml|phar|cgi|pl|py|rb|asp|aspx|jsp|shtml)\./i;

/**
 * Copies the archive's static files into a built site; returns problems instead of replacing
 * a page. `pages` lists the site's generated files when the folder also holds older copies
 * (the dev server's); otherwise whatever is in the folder counts as generated.
 */
export async function copyStaticFiles(contentDir: string, siteDir: string, pages?: ReadonlySet<string>): Promise<Problem[]> {
  const inFolder: SiteHolds = (path) => stat(join(siteDir, path))
    .then((found) => (found.isDirectory() ? "folder" : "file"), () => undefined);
  const problems = await checkStaticFiles(contentDir, pages ?? inFolder);
  if (problems.length === 0 && (await exists(join(contentDir, STATIC_FOLDER)))) await cp(join(contentDir, STATIC_FOLDER), siteDir, { recursive: true, force: pages !== undefined });
  return problems;
}

/** What the built site holds at a path (relative to its root): a page or other file, a folder. */
export type SiteHolds = (path: string) => Promise<"file" | "folder" | undefined>;

/** What a site of these generated files holds: the files, and the folders they are in. */
function holdsOf(pages: ReadonlySet<string>): SiteHolds {
  const folders = new Set<string>();
  for (const page of pages) {
    for (let at = page.indexOf("/"); at !== -1; at = page.indexOf("/", at + 1)) {
      folders.add(page.slice(0, at));
    }
  }
  return async (path) => (pages.has(path) ? "file" : folders.has(path) ? "folder" : undefined);
}

/**
 * The problems publishing the static files would have, given the site's generated files (or
 * what its folder holds), the theme's files among them. A static file may neither replace a
 * page, nor need a folder where a page is a file (`static/feed.xml/a.png`), nor be a file
 * where pages need a folder: the copy would fail half-way through with a system error that
 * names no content file.
 */
export async function checkStaticFiles(
  contentDir: string,
  pages: ReadonlySet<string> | SiteHolds,
): Promise<Problem[]> {
  const source = join(contentDir, STATIC_FOLDER);
  if (!(await exists(source))) return [];
  const holds = typeof pages === "function" ? pages : holdsOf(pages);
  const entries = await readdir(source, { recursive: true, withFileTypes: true });
  const problems: Problem[] = [];
  for (const entry of entries.filter((e) => e.isSymbolicLink())) {
    problems.push({ severity: "error", file: join(entry.parentPath, entry.name), rule: "static-link", message: "is a link to a file elsewhere, which would publish that file", fix: "copy the file itself into static/ instead of linking to it" });
  }
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  for (const file of files) {
    const path = relative(source, file).split(sep).join("/");
    // One problem a file, the most specific: that it would replace a page says more than its type.
    const refusal = whyNotPublished(path);
    if (path.startsWith("pagefind/")) {
      problems.push({ severity: "error", file, rule: "static-reserved", message: `/${path} is inside /pagefind/, where the search index is written`, fix: `move it out of ${STATIC_FOLDER}/pagefind/` });
      continue;
    }
    const clash = await pageClash(path, holds);
    const fix = "rename or move the static file: it would replace the page";
    const rule = "static-overwrites-page";
    if (clash) problems.push({ severity: "error", file, rule, message: clash, fix });
    else if (refusal) problems.push({ severity: "error", file, ...refusal });
  }
  return problems;
}

/** How a static file at `path` would meet the site's pages, if it would. */
async function pageClash(path: string, holds: SiteHolds): Promise<string | undefined> {
  const here = await holds(path);
  if (here === "file" && path.startsWith("assets/") && (await isThemeFile(path))) {
    return `/${path} is one of the theme's own files (its style sheet, fonts and scripts)`;
  }
  if (here === "file") return `/${path} is also a page of the archive`;
  if (here === "folder") return `/${path} is a folder of the archive's pages`;
  const parts = path.split("/");
  for (let depth = 1; depth < parts.length; depth++) {
    const folder = parts.slice(0, depth).join("/");
    if ((await holds(folder)) !== "file") continue;
    return `/${path} would need /${folder} to be a folder, and it is a page of the archive`;
  }
  return undefined;
}

async function isThemeFile(path: string): Promise<boolean> {
  return (await themeAssetFiles()).includes(path);
}

/** Why a file at `path` (relative to static/) may not be published, if it may not. */
function whyNotPublished(path: string): Pick<Problem, "rule" | "message" | "fix"> | undefined {
  if (path.split("/").some((part) => part.startsWith("."))) {
    return {
      rule: "static-dotfile",
      message: 'names starting with "." (such as .htaccess) are not published: servers obey them',
      fix: `remove it from ${STATIC_FOLDER}/`,
    };
  }
  const type = extname(path).toLowerCase();
  if (!PUBLISHED.has(type)) {
    const what = type ? `${extname(path)} files` : "files without an extension";
    return {
      rule: "static-type",
      message: `${what} are not among the types published from ${STATIC_FOLDER}/`,
      fix: `only files readers download are: ${PUBLISHED_TYPES.join(", ")}; `
        + "put HTML in an article, and convert SVG to PNG",
    };
  }
  const inner = SERVER_RUN.exec(basename(path));
  if (inner) {
    const name = basename(path);
    const message = `"${name}" has ".${inner[1]}" inside its name: some web servers run that`;
    return { rule: "static-inner-type", message, fix: "rename it without that part" };
  }
  return undefined;
}
