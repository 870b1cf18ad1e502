// The search page's state and the address that holds it (?q=…&words=1&author=…&entity=…
// &year=…&from=…&to=…&sort=…), so that a search can be shared, reloaded and gone Back to.

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
 * The entity filter's values come grouped by type, each type under a Pagefind filter key of
 * its own (src/search/filters.ts): a reader sees People, Organisations… with their counts.
 */
export const ENTITY_TYPES = [
  { key: "type-person", label: "People" },
  { key: "type-organization", label: "Organisations" },
  { key: "type-place", label: "Places" },
  { key: "type-event", label: "Events" },
  { key: "type-work", label: "Works" },
  { key: "type-topic", label: "Topics" },
];

/** The keys of the counts a filter group shows (authors' and years' split from `facet`). */
export function facetKeys(key) {
  return key === "entity" ? ENTITY_TYPES.map((type) => type.key) : [key];
}

/**
 * Authors and years share Pagefind's filter key `facet`, their values prefixed (`author:…`,
 * `year:…`), so that a search reads one file of them a shard (src/search/filters.ts).
 */
export const FACET_KEY = "facet";
export const FACET_GROUPS = ["author", "year"];

/** The Pagefind filter key that holds a group's (or a count's) values. */
export function pagefindKey(key) {
  return FACET_GROUPS.includes(key) ? FACET_KEY : key;
}

/** `year:2018` from the year group's `2018`. */
export function facetValue(group, value) {
  return `${group}:${value}`;
}

/** Pagefind's counts by key with `facet` split into its groups: `{ author: {…}, year: {…} }`. */
export function splitFacets(filters) {
  const counts = {};
  for (const [key, values] of Object.entries(filters ?? {})) {
    if (key !== FACET_KEY) {
      counts[key] = values;
      continue;
    }
    for (const group of FACET_GROUPS) counts[group] ??= {};
    for (const [value, count] of Object.entries(values)) {
      const colon = value.indexOf(":");
      const group = value.slice(0, colon);
      if (FACET_GROUPS.includes(group)) counts[group][value.slice(colon + 1)] = count;
    }
  }
  return counts;
}

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
  const year = (name) => (/^\d{4}$/.test(params.get(name) ?? "") ? params.get(name) : "");
  const range = { from: year("from"), to: year("to") };
  return { q, words, sort: ["date:desc", "date:asc"].includes(sort) ? sort : "", filters, range };
}

/** The state in the address: a new history entry (`push`) or the current one updated. */
export function writeAddress(state, push) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.q && state.words) params.set("words", "1");
  for (const { key } of FILTERS) {
    for (const value of state.filters[key] ?? []) params.append(key, value);
  }
  if (state.range.from) params.set("from", state.range.from);
  if (state.range.to) params.set("to", state.range.to);
  if (state.sort) params.set("sort", state.sort);
  const query = params.toString();
  const address = query ? `?${query}` : window.location.pathname;
  if (address === `${window.location.search}` || (!query && !window.location.search)) return;
  if (push) window.history.pushState(null, "", address);
  else window.history.replaceState(null, "", address);
}

export function activeCount(state) {
  const range = state.range.from || state.range.to ? 1 : 0;
  return FILTERS.reduce((sum, { key }) => sum + (state.filters[key]?.length ?? 0), range);
}

/**
 * The archive's years (strings) within the address's range, either end open; the range is one
 * with the ticked years: a year matches if it is ticked or within the range.
 */
export function yearsInRange(range, years) {
  if (!range.from && !range.to) return [];
  const ends = [Number(range.from || -Infinity), Number(range.to || Infinity)];
  const [from, to] = ends.toSorted((a, b) => a - b);
  return years.filter((year) => Number(year) >= from && Number(year) <= to);
}
