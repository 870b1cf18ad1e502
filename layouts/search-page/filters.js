// The search page's filters: Pagefind's filters for the chosen values, and the panel of filter
// groups (author, entity, year) with their counts, long lists narrowed by a type-ahead.
import { FILTERS, activeCount } from "./address.js";
import { element } from "./dom.js";

const SHOWN_VALUES = 8;

/** What the panel shows from: set once by `setUpFilters`. */
let panel;
let box;
let state;
let facets;
let archiveYears = [];
let entityBuckets = 1;
/** Which filter groups the reader has expanded to show every value. */
export const expanded = new Set();
/** The text typed in each long filter group's type-ahead. */
const narrowing = new Map();

/** The panel's elements, the page's state and loaded filters, the archive's years. */
export function setUpFilters(options) {
  ({ panel, box, state, facets, archiveYears, entityBuckets } = options);
}

/**
 * Pagefind's filters for the chosen values: any of each filter's, every filter at once; with
 * `named` (an entity or author the query names) among its group's values.
 */
export function activeFilters(named) {
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
export function showFilters(search) {
  const wasHidden = panel.hidden;
  const focused = focusedControl();
  renderFilters(search.counts);
  panel.hidden = false;
  const wide = window.matchMedia("(min-width: 52rem)").matches;
  if (wasHidden) panel.open = wide || activeCount(state) > 0;
  restoreFocus(focused);
}

/**
 * One fieldset per filter group, values by count (years newest first); the chosen ones always
 * shown and checked. A group whose values are not loaded shows the chosen ones and a button to
 * load the others. A long list shows its first values and a type-ahead that narrows it: never
 * thousands of checkboxes.
 */
function renderFilters(counts) {
  box.replaceChildren();
  const active = activeCount(state);
  panel.querySelector("summary").textContent = active ? `Filters (${active})` : "Filters";
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
    box.append(fieldset);
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
  if (!(focused instanceof HTMLElement) || !box.contains(focused)) return undefined;
  return focused.id || focused.getAttribute("data-expand") || focused.getAttribute("data-load");
}

function restoreFocus(id) {
  if (!id) return;
  const control = document.getElementById(id) ?? box.querySelector("input, button");
  if (control instanceof HTMLElement) control.focus();
}
