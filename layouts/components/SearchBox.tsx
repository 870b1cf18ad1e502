// The search box in every page's masthead: a plain GET form to /search/?q=…, so that it works
// without JavaScript. layouts/assets/search-key.js lets `/` focus it.
export function SearchBox() {
  return (
    <form class="masthead-search" action="/search/" method="get" role="search" aria-label="Site">
      <label for="site-search" class="visually-hidden">
        Search the archive
      </label>
      <input
        id="site-search"
        type="search"
        name="q"
        placeholder="Search the archive"
        aria-keyshortcuts="/"
        enterkeyhint="search"
        data-search-shortcut
      />
      <button type="submit">Search</button>
    </form>
  );
}
