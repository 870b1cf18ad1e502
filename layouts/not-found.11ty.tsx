// 404: what a static host serves for a missing page.
import { Page } from "./components/Page.tsx";
import type { PageData } from "./page-context.ts";

export const data = { permalink: "/404.html" };

export function render({ archive }: PageData) {
  return (
    <Page archive={archive} url="/404.html" title="Page not found">
      <h1>Page not found</h1>
      <p class="lede">There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <form class="search-form" action="/search/" method="get" role="search">
        <label for="search-query">Search the archive</label>
        <input id="search-query" type="search" name="q" />
        <button type="submit">Search</button>
      </form>
      <p>
        Or start from the <a href="/">latest articles</a>, the <a href="/entities/">entities</a> or the <a href="/authors/">authors</a>.
      </p>
    </Page>
  );
}
