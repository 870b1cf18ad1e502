// Search: a plain GET form to `/search/?q=`, which search.js turns into instant search over
// Pagefind's index, with filters (author, entity, year) and their counts, sorting, and the
// whole state kept in the address so that a search can be shared. The form names the search
// shards (src/search/shards.ts), which follow from the articles' dates, so that the page needs
// no request to find them.
import { ENTITY_BUCKETS } from "../src/search/filters.ts";
import { NAME_BUCKETS } from "../src/search/names.ts";
import { shardNames } from "../src/search/shards.ts";
import { Page } from "./components/Page.tsx";
import type { PageData } from "./page-context.ts";

export const data = { permalink: "/search/" };

export function render({ archive }: PageData) {
  const shards = JSON.stringify(shardNames(archive.articles.map((article) => article.date)));
  return (
    <Page archive={archive} url="/search/" title="Search" description={`Search every article in ${archive.site.title}.`} head={<script type="module" src="/assets/search.js" />}>
      <h1>Search</h1>
      <form
        class="search-form"
        action="/search/"
        method="get"
        role="search"
        data-search-form
        data-search-shards={shards}
        data-search-entity-buckets={ENTITY_BUCKETS}
        data-search-name-buckets={NAME_BUCKETS}
        data-search-years={archive.years.map((year) => year.year).join(" ")}
      >
        <label for="search-query">Search the archive</label>
        <div class="search-box">
          <input
            id="search-query"
            type="search"
            name="q"
            autocomplete="off"
            spellcheck={false}
            aria-keyshortcuts="/"
            data-search-shortcut
          />
          <button type="submit">Search</button>
        </div>
        <label class="search-sort" hidden data-search-sort>
          Sort by{" "}
          <select name="sort">
            <option value="">Best match</option>
            <option value="date:desc">Newest first</option>
            <option value="date:asc">Oldest first</option>
          </select>
        </label>
      </form>
      <div class="search-layout">
        <details class="search-filter-panel" data-search-filter-panel hidden>
          <summary>Filters</summary>
          <div class="search-filters" data-search-filters />
        </details>
        <section
          class="search-results"
          aria-label="Results"
          aria-busy="false"
          data-search-results-section
        >
          <div class="search-names" data-search-names />
          <p class="search-status" role="status" aria-live="polite" data-search-status>
            <noscript>
              Search needs JavaScript. Without it, browse the archive by date (the years below
              and <a href="/">the latest articles</a>), by <a href="/authors/">author</a>, or by
              the <a href="/entities/">people, organisations, places and topics</a> it covers.
            </noscript>
          </p>
          <ol class="search-result-list" data-search-results />
          <button type="button" class="search-more" hidden data-search-more>
            Show more results
          </button>
        </section>
      </div>
    </Page>
  );
}
