// Redirects: an earlier URL of a page (an article's `aliases`, a renamed entity) leads to where
// the page is now, so that a link cited years ago keeps working on any static host.
import type { Redirect } from "../src/archive/model.ts";
import { absoluteUrl } from "../src/archive/pages.ts";
import { isRightToLeft } from "../src/content/language.ts";
import { fileForUrl } from "../src/content/paths.ts";
import type { PaginatedData } from "./page-context.ts";

type Data = PaginatedData<"redirect", Redirect>;

export const data = {
  pagination: { data: "pages.redirects", size: 1, alias: "redirect" },
  // The file, not the URL: `/story.php` is written as `story.php/index.html`, never run.
  permalink: (page: Data) => `/${fileForUrl(page.redirect.url)}`,
};

export function render({ archive, redirect }: Data) {
  return (
    <html
      lang={archive.site.language}
      dir={isRightToLeft(archive.site.language) ? "rtl" : undefined}
    >
      <head>
        <meta charset="utf-8" />
        <title>{`Moved: ${redirect.title}`}</title>
        <meta name="robots" content="noindex" />
        <link rel="canonical" href={absoluteUrl(archive, redirect.target)} />
        <meta http-equiv="refresh" content={`0; url=${redirect.target}`} />
      </head>
      <body>
        {/* Shown only where refreshes are turned off: a page of its own, with one main region. */}
        <main>
          <h1>This page has moved</h1>
          <p>
            It is now at <a href={redirect.target}>{redirect.title}</a>.
          </p>
        </main>
      </body>
    </html>
  );
}
