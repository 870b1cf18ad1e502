// Import: an old address that Dateline itself publishes (its search page, its feeds, a year's
// archive…) cannot be kept as a redirect: the build would stop on the clash. WordPress sites
// with plain `/%postname%/` permalinks have posts at `/search/` or `/authors/`, so the import
// leaves such an alias out and reports it, rather than writing an archive that does not build.
import { FIXED_FILES, FIXED_PAGES } from "../archive/pages.ts";
import { fileForUrl, type SiteUrl } from "../content/paths.ts";

const FIXED = new Set([...FIXED_PAGES, ...FIXED_FILES].map((url) => fileForUrl(url as SiteUrl)));

/** Dateline's sections, every page beneath them its own: people, entities, search, pages. */
const SECTIONS = /^\/(authors|entities|pagefind|assets|search|corrections|page)\//;

/** The home page's and the date archives' pages: `/2019/`, `/2019/05/`, `/2019/05/page/2/`. */
const DATE_ARCHIVE = /^\/\d{4}\/(\d{2}\/)?(page\/\d+\/)?$/;

/** Why a path on the site cannot be an article's alias, or nothing when it can. */
export function ownUrl(url: SiteUrl): string | undefined {
  const file = fileForUrl(url);
  const page = `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
  if (FIXED.has(file) || /^\/favicon\.|^\/apple-touch-icon/.test(page)) {
    return `Dateline's own ${page}`;
  }
  if (SECTIONS.test(page)) return `under Dateline's ${page.split("/")[1]}/ section`;
  if (DATE_ARCHIVE.test(page)) return "a date archive of Dateline's";
  return undefined;
}
