// The search page's state and the address that holds it (?q=…&words=1&author=…&entity=…
// &year=…&sort=…), so that a search can be shared, reloaded and gone Back to.

export const FILTERS = [
  { key: "author", label: "Author", find: "Find an author" },
  {
    key: "entity",
    label: "In the article",
    load: "Show the names in these results",
    find: "Find a name",
  },
  { key: "year", label: "Year" },
];

/**
 * How a query being typed goes into the history: one entry per query. More or fewer letters of
 * the address's query update its entry; another query is a new one. A box emptied leaves the
 * address alone, so that the next query typed does not replace the last.
 */
export function typedAddress(state) {
  const previous = (new URLSearchParams(window.location.search).get("q") ?? "").toLowerCase();
  const typed = state.q.toLowerCase();
  if (!typed) return activeCount(state) === 0 ? "keep" : "replace";
  const edit = previous && (typed.startsWith(previous) || previous.startsWith(typed));
  return edit ? "replace" : "push";
}

/** The search the address describes; `words=1`: the query as words even if it is a name. */
export function readAddress() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const { key } of FILTERS) filters[key] = params.getAll(key);
  const sort = params.get("sort") ?? "";
  const q = (params.get("q") ?? "").trim();
  const words = params.get("words") === "1";
  return { q, words, sort: ["date:desc", "date:asc"].includes(sort) ? sort : "", filters };
}

/** The state in the address: a new history entry (`push`) or the current one updated. */
export function writeAddress(state, push) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.q && state.words) params.set("words", "1");
  for (const { key } of FILTERS) {
    for (const value of state.filters[key] ?? []) params.append(key, value);
  }
  if (state.sort) params.set("sort", state.sort);
  const query = params.toString();
  const address = query ? `?${query}` : window.location.pathname;
  if (address === `${window.location.search}` || (!query && !window.location.search)) return;
  if (push) window.history.pushState(null, "", address);
  else window.history.replaceState(null, "", address);
}

export function activeCount(state) {
  return FILTERS.reduce((sum, { key }) => sum + (state.filters[key]?.length ?? 0), 0);
}
