// Search: Pagefind's UI over the index built at the end of the build. The form also works as a
// plain GET to `/search/?q=`, which search.js runs on load.
import { Page } from "./components/Page.tsx";
import type { PageData } from "./page-data.ts";

export const data = { permalink: "/search/" };

export function render({ archive }: PageData) {
  const head = (
    <>
      <link rel="stylesheet" href="/pagefind/pagefind-ui.css" />
      <script src="/pagefind/pagefind-ui.js" defer />
      <script src="/assets/search.js" defer />
    </>
  );
  return (
    <Page archive={archive} url="/search/" title="Search" description={`Search every article in ${archive.site.title}.`} head={head}>
      <h1>Search</h1>
      <form class="search-form" action="/search/" method="get" role="search" data-search-form>
        <label for="search-query">Search the archive</label>
        <input id="search-query" type="search" name="q" autocomplete="off" />
        <button type="submit">Search</button>
      </form>
      <div id="search" data-search-ui />
      <noscript>
        <p>Search needs JavaScript. You can still browse by <a href="/entities/">entity</a>, by <a href="/authors/">author</a> or by date from the archive links below.</p>
      </noscript>
    </Page>
  );
}
