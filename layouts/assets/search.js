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
// - Best match searches every shard at once; Pagefind merges the results by score. A date sort
//   searches one shard at a time, newest (or oldest) first, only as far as the results shown
//   need: the shards' spans of years are disjoint, so their date-sorted results one after the
//   other are one global order. Until every shard is searched, the count says which years it
//   covers. A year filter skips the shards that cannot match.
// - Filter values come with the results: the short lists of authors and years with every
//   search, the long list of entities (thousands of names a shard) when the reader asks for it.
//   Filtering by an entity reads its bucket's key instead, a sixteenth of that list
//   (src/search/filters.ts).

import { namesIndex } from "./search/names.js";

const FILTERS = [
  { key: "author", label: "Author", find: "Find an author" },
  {
    key: "entity",
    label: "In the article",
    load: "Show the names in these results",
    find: "Find a name",
  },
  { key: "year", label: "Year" },
];
/** Filters whose values (and counts) come with every search; the others when asked for. */
const EAGER_FILTERS = ["author", "year"];
const PAGE_SIZE = 10;
const SHOWN_VALUES = 8;
const UNAVAILABLE = "Search is not available: the search index could not be read.";
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];

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
/** A query that names nothing. */
const NO_NAMES = { named: undefined, close: [] };
const TYPE_LABELS = {
  person: "Person",
  organization: "Organisation",
  place: "Place",
  event: "Event",
  work: "Work",
  topic: "Topic",
  author: "Author",
};

/** @type {{ q: string, words: boolean, sort: string, filters: Record<string, string[]> }} */
const state = readAddress();
/** Which filter groups the reader has expanded to show every value. */
const expanded = new Set();
/** The text typed in each long filter group's type-ahead. */
const narrowing = new Map();
/** Every year of the archive, newest first (from the form). */
let archiveYears = [];
/** Filters whose values are loaded with each search: the eager ones, and those asked for. */
const facets = new Set(EAGER_FILTERS);
/** The search whose results are on the page (see `startSearch`), and how many are shown. */
let current;
let shown = 0;
let entityBuckets = 1;
let names = namesIndex(0);

const ready = form && input && list && status && resultsSection && filterPanel && filtersBox &&
  namesBox;
if (ready && more && sortLabel && sortSelect) start();

function start() {
  entityBuckets = Number(form.getAttribute("data-search-entity-buckets")) || 1;
  names = namesIndex(Number(form.getAttribute("data-search-name-buckets")) || 0);
  archiveYears = (form.getAttribute("data-search-years") ?? "").split(" ").filter(Boolean);
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
    if (address !== "keep") writeAddress(address === "push");
    if (!state.q && activeCount() === 0) {
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
      const search = startSearch(index, term, filters, sort);
      await search.fill(PAGE_SIZE + 1);
      if (mine !== latest) return;
      current = search;
      shown = 0;
      showFilters(search);
      await renderResults();
      if (mine !== latest) return;
      showNames(looked, search.results.length);
      status.textContent = statusLine(search);
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
    void run({ debounce: true, address: typedAddress() });
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
    if (load) facets.add(load);
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
    status.textContent = statusLine(search);
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

/** The shard names on the form, newest first, with the span of years each holds. */
function readShards(attribute) {
  try {
    const names = JSON.parse(attribute ?? "[]");
    return names.map((name) => {
      const [from, to] = name.split("-").map(Number);
      return { name, from, to };
    });
  } catch {
    return [];
  }
}

/**
 * The shards' Pagefind, merged into one runtime as they are first needed. `noWorker`: a web
 * worker would cost one more script, and a search in one shard takes milliseconds.
 */
function shardIndex(shards) {
  let runtime;
  const merged = new Map();
  const bundle = (shard) => `/pagefind/${encodeURIComponent(shard.name)}/`;
  // `highlightParam`: results link to `?highlight=…`, which search-highlight.js marks.
  const options = (shard) => ({
    excerptLength: 30,
    highlightParam: "highlight",
    mergeFilter: { shard: shard.name },
  });
  const startRuntime = async (shard) => {
    const pagefind = await import(`${bundle(shard)}pagefind.js`);
    await pagefind.options({ ...options(shard), noWorker: true });
    await pagefind.init();
    return pagefind;
  };
  const load = async (shard) => {
    if (!runtime) {
      runtime = startRuntime(shard);
      await runtime;
    } else {
      await (await runtime).mergeIndex(bundle(shard), options(shard));
    }
  };
  return {
    shards,
    /** Pagefind, once every shard in `needed` is part of it. */
    async with(needed) {
      for (const shard of needed) if (!merged.has(shard.name)) merged.set(shard.name, load(shard));
      await Promise.all(needed.map((shard) => merged.get(shard.name)));
      return runtime;
    },
  };
}

/**
 * One query's results in the chosen order, fetched as far as asked for (`fill`), with each
 * filter group's counts as if that group were not applied (a shop's filters: the other values
 * of a group stay listed with the results they would add). Pagefind's own counts are for its
 * filters applied in addition, so a group with values chosen is counted by a second search
 * without it: no download, the index's files for it are already loaded.
 */
function startSearch(index, term, filters, sort) {
  const direction = sort ? sort.split(":")[1] : "";
  const years = (filters.year?.any ?? []).map(Number);
  const holds = (shard) => (year) => year >= shard.from && year <= shard.to;
  const mayMatch = (shard) => years.length === 0 || years.some(holds(shard));
  // A year chosen narrows the shards to read, but its group's counts need the other years.
  const candidates = index.shards.filter(mayMatch);
  const pending = direction === "asc" ? candidates.toReversed() : candidates;
  // A filter that excludes nothing still makes Pagefind load its values, so that the results
  // come with their counts.
  const facetFilters = {};
  for (const key of facets) facetFilters[key] = { none: [] };
  const counted = async (pagefind, extra, options) => {
    const found = await pagefind.search(term, {
      ...options,
      filters: { ...facetFilters, ...filters, ...extra },
    });
    const counts = { ...found.filters };
    for (const group of Object.keys(filters)) {
      const others = { ...filters };
      delete others[group];
      const key = group === "any" ? "entity" : group;
      if (!facets.has(key)) continue;
      const without = await pagefind.search(term, {
        ...options,
        filters: { ...facetFilters, ...others, ...extra },
      });
      counts[key] = without.filters[key] ?? {};
    }
    return { results: found.results, counts };
  };
  const search = {
    results: [],
    counts: {},
    /** The shards searched so far, in the order searched. */
    searched: [],
    get complete() {
      return pending.length === 0;
    },
    async fill(wanted) {
      if (!direction && pending.length) {
        const pagefind = await index.with(pending);
        const found = await counted(pagefind, {}, {});
        search.results = found.results;
        search.counts = found.counts;
        search.searched.push(...pending.splice(0));
      }
      while (direction && search.results.length < wanted && pending.length) {
        const shard = pending[0];
        const pagefind = await index.with([shard]);
        const found = await counted(pagefind, { shard: shard.name }, { sort: { date: direction } });
        search.results.push(...found.results);
        addCounts(search.counts, found.counts);
        search.searched.push(pending.shift());
      }
    },
  };
  return search;
}

/** Adds one shard's filter counts to the sum so far: value → count, per filter. */
function addCounts(sum, counts) {
  for (const [key, values] of Object.entries(counts ?? {})) {
    sum[key] ??= {};
    for (const [value, count] of Object.entries(values)) {
      sum[key][value] = (sum[key][value] ?? 0) + count;
    }
  }
}

/**
 * Above the results: the card of the entity or author the query names, with its page, the
 * choice to keep it as a filter or to search the words instead; the closest names to the
 * query; and, when nothing is found, where to browse instead. Names are put on the page as text.
 */
function showNames({ named, close }, found) {
  const parts = [];
  if (named) parts.push(nameCard(named));
  if (close.length) {
    const line = element("p", { class: "search-suggest" }, "Did you mean ");
    close.forEach((entry, i) => {
      if (i > 0) line.append(i === close.length - 1 ? " or " : ", ");
      const link = element("a", { href: `?q=${encodeURIComponent(entry.name)}` }, entry.name);
      link.setAttribute("data-name-action", "suggest");
      link.setAttribute("data-name", entry.name);
      line.append(link, ` (${TYPE_LABELS[entry.type] ?? entry.type})`);
    });
    line.append("?");
    parts.push(line);
  }
  if (found === 0) {
    const line = element("p", { class: "search-browse" }, "Browse instead: ");
    const links = [["/", "latest articles"], ["/authors/", "authors"], ["/entities/", "entities"]];
    links.forEach(([href, text], i) => {
      if (i > 0) line.append(" · ");
      line.append(element("a", { href }, text));
    });
    parts.push(line);
  }
  namesBox.replaceChildren(...parts);
}

function nameCard(entry) {
  const card = element("div", { class: "search-name-card" });
  const title = element("p", { class: "search-name-title" });
  title.append(element("a", { href: entry.url }, entry.name));
  const articles = entry.count === 1 ? "1 article" : `${entry.count.toLocaleString("en")} articles`;
  title.append(" ", element("span", { class: "meta" }, `${TYPE_LABELS[entry.type]} · ${articles}`));
  const group = entry.type === "author" ? "author" : "entity";
  const about = group === "author" ? `by ${entry.name}` : `about ${entry.name}`;
  const actions = element("p", {}, `Showing the articles ${about}. `);
  const button = (kind, text) => {
    const node = element("button", { type: "button", class: "link-button" }, text);
    node.setAttribute("data-name-action", kind);
    node.setAttribute("data-name", entry.name);
    node.setAttribute("data-name-group", group);
    return node;
  };
  actions.append(button("keep", `Keep ${entry.name} as a filter`), " · ");
  actions.append(button("words", `Search for the words “${state.q}” instead`));
  card.append(title, actions);
  return card;
}

/** "12 results for “x”", and which years they are from while some shards are unsearched. */
function statusLine(search) {
  const total = search.results.length;
  const count = total === 1 ? "1 result" : `${total.toLocaleString("en")} results`;
  const line = state.q ? `${count} for “${state.q}”` : count;
  const last = search.searched.at(-1);
  if (search.complete || !last) return line;
  if (state.sort === "date:asc") {
    return `${line} until ${last.to}; later years are searched as you show more`;
  }
  return `${line} since ${last.from}; earlier years are searched as you show more`;
}

/**
 * How a query being typed goes into the history: one entry per query. More or fewer letters of
 * the address's query update its entry; another query is a new one. A box emptied leaves the
 * address alone, so that the next query typed does not replace the last.
 */
function typedAddress() {
  const previous = (new URLSearchParams(window.location.search).get("q") ?? "").toLowerCase();
  const typed = state.q.toLowerCase();
  if (!typed) return activeCount() === 0 ? "keep" : "replace";
  const edit = previous && (typed.startsWith(previous) || previous.startsWith(typed));
  return edit ? "replace" : "push";
}

/** The search the address describes; `words=1`: the query as words even if it is a name. */
function readAddress() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const { key } of FILTERS) filters[key] = params.getAll(key);
  const sort = params.get("sort") ?? "";
  const q = (params.get("q") ?? "").trim();
  const words = params.get("words") === "1";
  return { q, words, sort: ["date:desc", "date:asc"].includes(sort) ? sort : "", filters };
}

/** The state in the address: a new history entry (`push`) or the current one updated. */
function writeAddress(push) {
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

function activeCount() {
  return FILTERS.reduce((sum, { key }) => sum + (state.filters[key]?.length ?? 0), 0);
}

/**
 * Pagefind's filters for the chosen values: any of each filter's, every filter at once; with
 * `named` (an entity or author the query names) among its group's values.
 */
function activeFilters(named) {
  const filters = {};
  for (const { key } of FILTERS) {
    const values = [...(state.filters[key] ?? [])];
    const group = named?.type === "author" ? "author" : "entity";
    if (named && key === group && !values.includes(named.name)) values.push(named.name);
    if (values.length === 0) continue;
    if (key === "entity") filters.any = values.map((name) => ({ [entityFilterKey(name)]: name }));
    else filters[key] = { any: values };
  }
  return filters;
}

/** As src/search/filters.ts: FNV-1a of the name, whitespace collapsed, into a bucket. */
function entityFilterKey(name) {
  const text = name.replace(/\s+/g, " ").trim();
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return `entity-${hash % entityBuckets}`;
}

/** The filter panel for a search: beside the results on wide screens, folded on a phone. */
function showFilters(search) {
  const wasHidden = filterPanel.hidden;
  const focused = focusedControl();
  renderFilters(search.counts);
  filterPanel.hidden = false;
  const wide = window.matchMedia("(min-width: 52rem)").matches;
  if (wasHidden) filterPanel.open = wide || activeCount() > 0;
  restoreFocus(focused);
}

/**
 * One fieldset per filter group, values by count (years newest first); the chosen ones always
 * shown and checked. A group whose values are not loaded shows the chosen ones and a button to
 * load the others. A long list shows its first values and a type-ahead that narrows it: never
 * thousands of checkboxes.
 */
function renderFilters(counts) {
  filtersBox.replaceChildren();
  const active = activeCount();
  filterPanel.querySelector("summary").textContent = active ? `Filters (${active})` : "Filters";
  for (const { key, label, load, find } of FILTERS) {
    const chosen = state.filters[key] ?? [];
    const loaded = key in counts;
    const known = new Map(loaded ? Object.entries(counts[key]) : []);
    // Every year of the archive is listed, as a year's shard may not have been searched yet.
    const names = new Set([...known.keys(), ...chosen, ...(key === "year" ? archiveYears : [])]);
    const byCount = ([a, x], [b, y]) => (y ?? -1) - (x ?? -1) || a.localeCompare(b);
    const values = [...names]
      .map((value) => [value, known.get(value)])
      .filter(([value, count]) => count !== 0 || chosen.includes(value))
      .sort(key === "year" ? ([a], [b]) => b.localeCompare(a) : byCount);
    if (values.length === 0 && (loaded || facets.has(key))) continue;
    const fieldset = element("fieldset", { class: "search-filter" });
    fieldset.append(element("legend", {}, label));
    const long = find && values.length > SHOWN_VALUES;
    if (long) fieldset.append(typeAhead(key, find));
    const ul = element("ul");
    fieldset.append(ul);
    const show = () => ul.replaceChildren(...valueItems(key, values, chosen));
    show();
    fieldset.addEventListener("input", (event) => {
      if (!(event.target instanceof HTMLInputElement) || event.target.type !== "search") return;
      narrowing.set(key, event.target.value);
      show();
    });
    const button = (attribute, text) => {
      return element("button", { type: "button", class: "link-button", [attribute]: key }, text);
    };
    if (!loaded) fieldset.append(button("data-load", load ?? `Show ${label}`));
    else if (!long && !expanded.has(key) && values.length > SHOWN_VALUES) {
      fieldset.append(button("data-expand", `Show all ${values.length}`));
    }
    filtersBox.append(fieldset);
  }
}

/** The search box over a long list of values: its text is kept while the reader filters. */
function typeAhead(key, label) {
  const id = `filter-find-${key}`;
  const box = element("div", { class: "search-filter-find" });
  const input = element("input", { type: "search", id, autocomplete: "off" });
  input.value = narrowing.get(key) ?? "";
  box.append(element("label", { for: id }, label), input);
  return box;
}

/**
 * The values to show: those matching the type-ahead's text (accents and case ignored), the
 * first SHOWN_VALUES of them unless the group is expanded; the chosen ones always.
 */
function valueItems(key, values, chosen) {
  const wanted = fold(narrowing.get(key) ?? "");
  const matching = values.filter(([value]) => !wanted || fold(value).includes(wanted));
  const limit = expanded.has(key) && !wanted ? Infinity : SHOWN_VALUES;
  const visible = values.filter(([value]) => {
    return chosen.includes(value) || matching.slice(0, limit).some(([v]) => v === value);
  });
  const items = visible.map(([value, count]) => valueItem(key, value, count, chosen));
  if (wanted && matching.length === 0) {
    items.push(element("li", { class: "search-filter-none" }, "No match in these results"));
  }
  return items;
}

/** A checkbox for one value, with the number of results it gives when known. */
function valueItem(key, value, count, chosen) {
  const id = `filter-${key}-${valueId(value)}`;
  const box = element("input", { type: "checkbox", name: key, id });
  box.value = value;
  box.checked = chosen.includes(value);
  const text = element("label", { for: id }, value);
  if (count !== undefined) text.append(" ", element("span", { class: "count" }, `${count}`));
  const li = element("li");
  li.append(box, text);
  return li;
}

/** Case, accents and spacing folded, for matching a reader's typing to names. */
function fold(text) {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** A stable id for a value: the same checkbox keeps its id, and focus, across searches. */
function valueId(value) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** The filter control that has focus, by id, so a new search does not lose a keyboard's place. */
function focusedControl() {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement) || !filtersBox.contains(focused)) return undefined;
  return focused.id || focused.getAttribute("data-expand") || focused.getAttribute("data-load");
}

function restoreFocus(id) {
  if (!id) return;
  const control = document.getElementById(id) ?? filtersBox.querySelector("input, button");
  if (control instanceof HTMLElement) control.focus();
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

function resultItem(item) {
  const li = element("li", { class: "search-result" });
  const heading = element("h2");
  heading.append(element("a", { href: item.url }, item.meta?.title ?? item.url));
  li.append(heading);
  const meta = element("p", { class: "meta" });
  const date = item.meta?.date;
  if (date) meta.append(element("time", { datetime: date }, readableDate(date)));
  const authors = item.filters?.author ?? [];
  if (authors.length) meta.append(`${date ? " · " : ""}By ${authors.join(", ")}`);
  li.append(meta, excerpt(item.excerpt ?? ""));
  return li;
}

/** Pagefind's excerpt is escaped text with <mark> around matches: keep the marks, nothing else. */
function excerpt(html) {
  const paragraph = element("p", { class: "summary" });
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
  for (const node of parsed.body.firstChild?.childNodes ?? []) {
    const text = node.textContent ?? "";
    paragraph.append(node.nodeName === "MARK" ? element("mark", {}, text) : text);
  }
  return paragraph;
}

function readableDate(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return month && day ? `${day} ${MONTHS[month - 1]} ${year}` : iso;
}

function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}
