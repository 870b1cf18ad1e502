// Search page: instant search over Pagefind's index with filters, counts and sorting, the
// whole state kept in the address (?q=…&author=…&entity=…&year=…&sort=…).
//
// Written by hand rather than with Pagefind's Default UI, which inserts filter values as
// HTML: an author or entity named `<img onerror=…>` would run script in the reader's browser.
// Everything from the index is put on the page as text; only the excerpt's <mark> is kept.
//
// The index comes in shards, one per span of years, newest first (named on the form; see
// src/search/shards.ts), and a reader downloads only what a search needs:
// - One Pagefind runtime serves every shard: the first shard needed is imported from its bundle
//   and the others are merged into it (`mergeIndex`), so that the script and the WebAssembly
//   download once. Each shard carries a synthetic filter naming it (`shard`), so that a search
//   can keep to one shard.
// - A search reads the shards one after the other, newest first (oldest first for the oldest
//   first sort), only as far as the results shown need, then orders what it read: by date,
//   each shard's sorted results one after the other, one global order as the shards' spans of
//   years are disjoint; by best match, one search over them, which Pagefind merges by score,
//   so that the best matches of the years searched come first. Until every shard is searched, the count says
//   which years it covers. A year filter skips the shards that cannot match. Reading every
//   shard for a best match cost 475 kB in 54 requests at 10,000 articles (README).
// - Filter values come with the results: the short lists of authors and years with every
//   search, the long list of entities (thousands of names a shard) when the reader asks for it.
//   Filtering by an entity reads its bucket's key instead, a sixteenth of that list
//   (src/search/filters.ts).
//
// One module per concern, under search/: the address (state and history), the shards and the
// search over them, the filter panel, the results, the names index and the headlines index.
// This one wires them to the page's form.
import { activeCount, facetKeys, readAddress, typedAddress, writeAddress } from "./address.js";
import { activeFilters, expanded, setUpFilters, showFilters } from "./filters.js";
import { headlinesIndex } from "./headlines.js";
import { namesIndex, NO_NAMES, showNames } from "./names.js";
import { PAGE_SIZE, resultItem, statusLine } from "./results.js";
import { readShards, shardIndex, startSearch } from "./shards.js";
// `/` focuses the box, as on every other page, where Page.tsx loads this file on its own.
import "../assets/search-key.js";

/** Filters whose values (and counts) come with every search; the others when asked for. */
const EAGER_FILTERS = ["author", "year"];
const UNAVAILABLE = "Search is not available: the search index could not be read.";

const form = document.querySelector("[data-search-form]");
const input = form?.querySelector('input[name="q"]');
const sortLabel = document.querySelector("[data-search-sort]");
const sortSelect = sortLabel?.querySelector("select");
const filterPanel = document.querySelector("[data-search-filter-panel]");
const filtersBox = document.querySelector("[data-search-filters]");
const status = document.querySelector("[data-search-status]");
const resultsSection = document.querySelector("[data-search-results-section]");
const list = document.querySelector("[data-search-results]");
const more = document.querySelector("[data-search-more]");
const namesBox = document.querySelector("[data-search-names]");

/** @type {{ q: string, words: boolean, sort: string, filters: Record<string, string[]> }} */
const state = readAddress();
/** Filters whose values are loaded with each search: the eager ones, and those asked for. */
const facets = new Set(EAGER_FILTERS);
/** The search whose results are on the page (see `startSearch`), and how many are shown. */
let current;
let shown = 0;
let names = namesIndex(0);
let headlines = headlinesIndex(0);

const ready = form && input && list && status && resultsSection && filterPanel && filtersBox &&
  namesBox;
if (ready && more && sortLabel && sortSelect) start();

function start() {
  const buckets = Number(form.getAttribute("data-search-name-buckets")) || 0;
  names = namesIndex(buckets);
  headlines = headlinesIndex(buckets);
  setUpFilters({
    panel: filterPanel,
    box: filtersBox,
    state,
    facets,
    archiveYears: (form.getAttribute("data-search-years") ?? "").split(" ").filter(Boolean),
    entityBuckets: Number(form.getAttribute("data-search-entity-buckets")) || 1,
  });
  const shards = readShards(form.getAttribute("data-search-shards"));
  if (shards.length === 0) {
    status.textContent = `${UNAVAILABLE} Run the build again.`;
    return;
  }
  const index = shardIndex(shards);
  // A reader may have typed before the script was ready: their words win over the address.
  if (input.value.trim()) state.q = input.value.trim();
  else input.value = state.q;
  sortSelect.value = state.sort;
  sortLabel.hidden = false;

  let latest = 0;
  /**
   * Runs the search the state describes. `address`: "push" makes it a new history entry (a new
   * query, filter or sort), "replace" updates the current one (more letters of a query being
   * typed), "keep" leaves it (the reader went Back or Forward to it).
   */
  const run = async ({ debounce = false, address = "push" } = {}) => {
    const mine = ++latest;
    if (address !== "keep") writeAddress(state, address === "push");
    if (!state.q && activeCount(state) === 0) {
      showNothing();
      return;
    }
    busy(true);
    if (debounce) await new Promise((resolve) => setTimeout(resolve, 200));
    if (mine !== latest) return; // a newer search replaced this one
    try {
      const looked = state.q && !state.words ? await names.lookup(state.q) : NO_NAMES;
      if (mine !== latest) return;
      // A query that is a name or alias searches for its articles, as its filter would.
      const named = looked.named;
      const filters = activeFilters(named);
      // Without words there is no best match: filtered results come newest first.
      const term = named ? null : state.q || null;
      const sort = state.sort || (term ? "" : "date:desc");
      const search = startSearch(index, term, filters, sort, facets);
      await search.fill(PAGE_SIZE + 1);
      if (mine !== latest) return;
      current = search;
      shown = 0;
      showFilters(search);
      await renderResults();
      if (mine !== latest) return;
      const found = search.results.length;
      // Only a search that finds nothing reads the headlines index: most never do.
      const close = found === 0 && state.q ? await headlines.closest(state.q) : [];
      if (mine !== latest) return;
      showNames(namesBox, looked, found, state.q, close);
      status.textContent = statusLine(search, state);
    } catch {
      if (mine === latest) status.textContent = `${UNAVAILABLE} Reload the page.`;
    }
    if (mine === latest) busy(false);
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    state.q = input.value.trim();
    state.words = false;
    void run();
  });
  input.addEventListener("input", () => {
    state.q = input.value.trim();
    state.words = false;
    void run({ debounce: true, address: typedAddress(state) });
  });
  window.addEventListener("popstate", () => {
    Object.assign(state, readAddress());
    input.value = state.q;
    sortSelect.value = state.sort;
    void run({ address: "keep" });
  });
  namesBox.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const action = target?.closest("[data-name-action]");
    if (!action) return;
    event.preventDefault();
    const name = action.getAttribute("data-name") ?? "";
    const kind = action.getAttribute("data-name-action");
    if (kind === "words") state.words = true;
    if (kind === "suggest") {
      state.q = name;
      state.words = false;
    }
    if (kind === "keep") {
      const group = action.getAttribute("data-name-group") ?? "entity";
      state.filters[group] = [...new Set([...(state.filters[group] ?? []), name])];
      state.q = "";
    }
    input.value = state.q;
    void run();
  });
  // A reader about to type will most likely search the newest shard first: start on it now.
  const prepare = () => void index.with([shards[0]]).catch(() => {});
  input.addEventListener("focus", prepare, { once: true });
  sortSelect.addEventListener("change", () => {
    state.sort = sortSelect.value;
    void run();
  });
  filtersBox.addEventListener("change", (event) => {
    const box = event.target;
    if (box instanceof HTMLSelectElement && (box.name === "from" || box.name === "to")) {
      state.range[box.name] = box.value;
      void run();
      return;
    }
    if (!(box instanceof HTMLInputElement) || box.type !== "checkbox") return;
    const values = new Set(state.filters[box.name] ?? []);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    state.filters[box.name] = [...values];
    void run();
  });
  filtersBox.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const button = target?.closest("[data-expand], [data-load]");
    if (!button) return;
    const expand = button.getAttribute("data-expand");
    if (expand) expanded.add(expand);
    const load = button.getAttribute("data-load");
    if (load) for (const key of facetKeys(load)) facets.add(key);
    void run({ address: "keep" });
  });
  more.addEventListener("click", () => void showMore());
  void run({ address: "keep" });
}

/** The next page of results, searching further shards first if a date sort needs them. */
async function showMore() {
  const search = current;
  if (!search) return;
  more.disabled = true;
  busy(true);
  try {
    await search.fill(shown + 2 * PAGE_SIZE + 1);
    if (search !== current) return;
    await renderResults(true);
    status.textContent = statusLine(search, state);
  } catch {
    status.textContent = `${UNAVAILABLE} Reload the page.`;
  } finally {
    more.disabled = false;
    if (search === current) busy(false);
  }
}

function showNothing() {
  current = undefined;
  namesBox.replaceChildren();
  filterPanel.hidden = true;
  list.replaceChildren();
  more.hidden = true;
  status.textContent = "";
  busy(false);
}

/** Results are busy while a search or its next page is loading (and tests wait on it). */
function busy(on) {
  resultsSection.setAttribute("aria-busy", on ? "true" : "false");
}

/** Shows the next page of results (or the first), once each one's text has arrived. */
async function renderResults(append = false) {
  if (!append) list.replaceChildren();
  const results = current?.results ?? [];
  const page = results.slice(shown, shown + PAGE_SIZE);
  const items = await Promise.all(page.map((result) => result.data()));
  for (const item of items) list.append(resultItem(item));
  shown += page.length;
  more.hidden = shown >= results.length;
}
