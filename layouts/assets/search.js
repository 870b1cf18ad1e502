// Search page: instant search over Pagefind's index with filters, counts and sorting, the
// whole state kept in the address (?q=…&author=…&entity=…&year=…&sort=…).
//
// Written by hand rather than with Pagefind's Default UI, which inserts filter values as
// HTML: an author or entity named `<img onerror=…>` would run script in the reader's browser.
// Everything from the index is put on the page as text; only the excerpt's <mark> is kept.
//
// The index comes in shards, one per span of years, newest first (/pagefind/shards.json; see
// src/search/shards.ts). Each shard is its own Pagefind instance rather than one merged with
// `mergeIndex`: a merged search re-sorts every result by relevance score, so a date sort would
// come back in score order with no way to tell which shard a result came from. Kept apart, the
// shards' results merge here: by score for relevance, as `mergeIndex` does, and for a date sort
// one shard after the other, which is a global order because their spans of years are disjoint.

const FILTERS = [
  { key: "author", label: "Author" },
  { key: "entity", label: "In the article" },
  { key: "year", label: "Year" },
];
const PAGE_SIZE = 10;
const SHOWN_VALUES = 8;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const form = document.querySelector("[data-search-form]");
const input = form?.querySelector('input[name="q"]');
const sortLabel = document.querySelector("[data-search-sort]");
const sortSelect = sortLabel?.querySelector("select");
const filterPanel = document.querySelector("[data-search-filter-panel]");
const filtersBox = document.querySelector("[data-search-filters]");
const status = document.querySelector("[data-search-status]");
const list = document.querySelector("[data-search-results]");
const more = document.querySelector("[data-search-more]");

/** @type {{ q: string, sort: string, filters: Record<string, string[]> }} */
const state = readAddress();
/** Which filter groups the reader has expanded to show every value. */
const expanded = new Set();
let results = [];
let shown = 0;

if (form && input && list && status && filterPanel && filtersBox && more && sortLabel && sortSelect) start();

async function start() {
  let shards;
  try {
    shards = await loadShards();
  } catch {
    status.textContent = "Search is not available: the search index is missing. Run the build again.";
    return;
  }
  const totals = sumCounts(await Promise.all(shards.map((shard) => shard.filters())));
  // A reader may have typed before the script was ready: their words win over the address.
  if (input.value.trim()) state.q = input.value.trim();
  else input.value = state.q;
  sortSelect.value = state.sort;
  sortLabel.hidden = false;
  filterPanel.hidden = false;
  // Beside the results on wide screens; on a phone, folded away above them until asked for.
  filterPanel.open = window.matchMedia("(min-width: 52rem)").matches || activeCount() > 0;

  let latest = 0;
  const run = async (debounce) => {
    const mine = ++latest;
    writeAddress();
    const filters = activeFilters();
    if (!state.q && Object.keys(filters).length === 0) {
      results = [];
      renderFilters(totals);
      renderResults();
      status.textContent = "";
      return;
    }
    if (debounce) await new Promise((resolve) => setTimeout(resolve, 200));
    if (mine !== latest) return; // a newer search replaced this one
    const search = await searchShards(shards, state.q || null, filters, state.sort);
    if (mine !== latest) return;
    results = search.results;
    shown = 0;
    renderFilters(search.filters);
    await renderResults();
    const count = results.length === 1 ? "1 result" : `${results.length.toLocaleString("en")} results`;
    status.textContent = state.q ? `${count} for “${state.q}”` : count;
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    state.q = input.value.trim();
    void run(false);
  });
  input.addEventListener("input", () => {
    state.q = input.value.trim();
    void run(true);
  });
  sortSelect.addEventListener("change", () => {
    state.sort = sortSelect.value;
    void run(false);
  });
  filtersBox.addEventListener("change", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement)) return;
    const values = new Set(state.filters[box.name] ?? []);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    state.filters[box.name] = [...values];
    void run(false);
  });
  filtersBox.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("[data-expand]") : null;
    if (!button) return;
    expanded.add(button.getAttribute("data-expand"));
    void run(false);
  });
  more.addEventListener("click", () => void renderResults(true));
  await run(false);
}

/**
 * Every shard's Pagefind, newest shard first, each imported from its own bundle: a separate
 * module, since Pagefind's WebAssembly glue is one per module. Instances made with
 * `createInstance` from one import share it, and a search on one then traps ("unreachable",
 * Pagefind 1.6) when another has loaded. Without a web worker (`noWorker`): a worker per shard
 * would cost a reader one more script per shard, and a search in one shard takes milliseconds.
 */
async function loadShards() {
  const response = await fetch("/pagefind/shards.json");
  if (!response.ok) throw new Error(`shards.json: ${response.status}`);
  const { shards: names } = await response.json();
  return Promise.all(
    names.map(async (name) => {
      const pagefind = await import(`/pagefind/${encodeURIComponent(name)}/pagefind.js`);
      await pagefind.options({ excerptLength: 30, noWorker: true });
      return pagefind;
    }),
  );
}

/** One search over every shard, its results in one global order, its filter counts summed. */
async function searchShards(shards, term, filters, sort) {
  const direction = sort ? sort.split(":")[1] : "";
  const options = { filters, ...(direction ? { sort: { date: direction } } : {}) };
  const searches = await Promise.all(shards.map((shard) => shard.search(term, options)));
  let results;
  if (!direction) results = searches.flatMap((s) => s.results).sort((a, b) => b.score - a.score);
  else if (direction === "desc") results = searches.flatMap((s) => s.results);
  else results = searches.toReversed().flatMap((s) => s.results);
  return { results, filters: sumCounts(searches.map((s) => s.filters)) };
}

/** Filter counts of several shards: value → count, summed per filter. */
function sumCounts(counts) {
  const sum = {};
  for (const shard of counts) {
    for (const [key, values] of Object.entries(shard ?? {})) {
      sum[key] ??= {};
      for (const [value, count] of Object.entries(values)) sum[key][value] = (sum[key][value] ?? 0) + count;
    }
  }
  return sum;
}

function readAddress() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const { key } of FILTERS) filters[key] = params.getAll(key);
  const sort = params.get("sort") ?? "";
  return { q: (params.get("q") ?? "").trim(), sort: ["date:desc", "date:asc"].includes(sort) ? sort : "", filters };
}

function writeAddress() {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const { key } of FILTERS) for (const value of state.filters[key] ?? []) params.append(key, value);
  if (state.sort) params.set("sort", state.sort);
  const query = params.toString();
  window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
}

function activeCount() {
  return FILTERS.reduce((sum, { key }) => sum + (state.filters[key]?.length ?? 0), 0);
}

function activeFilters() {
  const filters = {};
  for (const { key } of FILTERS) if (state.filters[key]?.length) filters[key] = { any: state.filters[key] };
  return filters;
}

/** One fieldset per filter, values by count; the chosen ones always shown and checked. */
function renderFilters(counts) {
  filtersBox.replaceChildren();
  const active = activeCount();
  filterPanel.querySelector("summary").textContent = active ? `Filters (${active})` : "Filters";
  for (const { key, label } of FILTERS) {
    const chosen = state.filters[key] ?? [];
    const values = Object.entries(counts[key] ?? {})
      .filter(([value, count]) => count > 0 || chosen.includes(value))
      .sort(([a, x], [b, y]) => (key === "year" ? b.localeCompare(a) : y - x || a.localeCompare(b)));
    if (values.length === 0) continue;
    const fieldset = element("fieldset", { class: "search-filter" });
    fieldset.append(element("legend", {}, label));
    const visible = expanded.has(key) ? values : values.filter(([value], i) => i < SHOWN_VALUES || chosen.includes(value));
    const ul = element("ul");
    for (const [value, count] of visible) {
      const id = `filter-${key}-${values.findIndex(([v]) => v === value)}`;
      const box = element("input", { type: "checkbox", name: key, id });
      box.value = value;
      box.checked = chosen.includes(value);
      const text = element("label", { for: id }, value);
      text.append(" ", element("span", { class: "count" }, `${count}`));
      const li = element("li");
      li.append(box, text);
      ul.append(li);
    }
    fieldset.append(ul);
    if (visible.length < values.length) fieldset.append(element("button", { type: "button", class: "link-button", "data-expand": key }, `Show all ${values.length}`));
    filtersBox.append(fieldset);
  }
}

async function renderResults(append = false) {
  if (!append) list.replaceChildren();
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
  if (item.meta?.date) meta.append(element("time", { datetime: item.meta.date }, readableDate(item.meta.date)));
  const authors = item.filters?.author ?? [];
  if (authors.length) meta.append(`${item.meta?.date ? " · " : ""}By ${authors.join(", ")}`);
  li.append(meta, excerpt(item.excerpt ?? ""));
  return li;
}

/** Pagefind's excerpt is escaped text with <mark> around matches: keep the marks, nothing else. */
function excerpt(html) {
  const paragraph = element("p", { class: "summary" });
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
  for (const node of parsed.body.firstChild?.childNodes ?? []) {
    paragraph.append(node.nodeName === "MARK" ? element("mark", {}, node.textContent ?? "") : (node.textContent ?? ""));
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
