// The search page's filters: Pagefind's filters for the chosen values, and the panel of filter
// groups (author, entity, year) with their counts, long lists narrowed by a type-ahead.
import {
  ENTITY_TYPES,
  FILTERS,
  activeCount,
  facetValue,
  pagefindKey,
  yearsInRange,
} from "./address.js";
import { element } from "./dom.js";

const SHOWN_VALUES = 8;
/** Entities: the first few of each type, as there are six types. */
const SHOWN_PER_TYPE = 5;

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
 * Pagefind's filters for the chosen values, by group (`author`, `year`, `entity`): any of each
 * group's, every group at once (shards.js joins them); with `named` (an entity or author the
 * query names) among its group's values. Authors and years are values of the `facet` key.
 */
export function activeFilters(named) {
  const filters = {};
  for (const { key } of FILTERS) {
    const values = [...(state.filters[key] ?? [])];
    const group = named?.type === "author" ? "author" : "entity";
    if (named && key === group && !values.includes(named.name)) values.push(named.name);
    if (key === "year" && (state.range.from || state.range.to)) {
      const inRange = yearsInRange(state.range, archiveYears);
      // A range that holds none of the archive's years matches nothing: a year of none.
      values.push(...(inRange.length ? inRange : [state.range.from || state.range.to]));
    }
    if (values.length === 0) continue;
    if (key === "entity") {
      filters.entity = { any: values.map((name) => ({ [entityFilterKey(name)]: name })) };
    } else {
      const prefixed = [...new Set(values)].map((value) => facetValue(key, value));
      filters[key] = { [pagefindKey(key)]: { any: prefixed } };
    }
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
 * thousands of checkboxes. Entities come grouped by type, under one type-ahead.
 */
function renderFilters(counts) {
  box.replaceChildren();
  const active = activeCount(state);
  panel.querySelector("summary").textContent = active ? `Filters (${active})` : "Filters";
  for (const { key, label, load, find } of FILTERS) {
    const chosen = state.filters[key] ?? [];
    const keys = key === "entity" ? ENTITY_TYPES.map((type) => type.key) : [key];
    const loaded = keys.every((facet) => facet in counts);
    const known = new Map(keys.flatMap((facet) => Object.entries(counts[facet] ?? {})));
    // Every year of the archive is listed, as a year's shard may not have been searched yet.
    const names = new Set([...known.keys(), ...chosen, ...(key === "year" ? archiveYears : [])]);
    const values = [...names]
      .map((value) => [value, known.get(value)])
      .filter(([value, count]) => count !== 0 || chosen.includes(value))
      .sort(key === "year" ? ([a], [b]) => b.localeCompare(a) : byCount);
    const ranged = key === "year" && (state.range.from || state.range.to);
    const asked = keys.every((facet) => facets.has(facet));
    if (values.length === 0 && !ranged && (loaded || asked)) continue;
    const fieldset = element("fieldset", { class: "search-filter" });
    fieldset.append(element("legend", {}, label));
    if (key === "year") fieldset.append(yearRange());
    const long = find && values.length > SHOWN_VALUES;
    if (long) fieldset.append(typeAhead(key, find));
    const lists = key === "entity" && loaded ? entityLists(counts, chosen) : [];
    if (lists.length === 0) lists.push({ values });
    const show = () => {
      let none = true;
      for (const list of lists) {
        const first = list.label ? SHOWN_PER_TYPE : SHOWN_VALUES;
        const items = valueItems(key, list.values, chosen, first);
        list.ul.replaceChildren(...items);
        if (list.group) list.group.hidden = items.length === 0;
        none &&= items.length === 0;
      }
      if (none && narrowing.get(key)) {
        const note = element("li", { class: "search-filter-none" }, "No match in these results");
        lists[0].ul.append(note);
        if (lists[0].group) lists[0].group.hidden = false;
      }
    };
    for (const list of lists) {
      list.ul = element("ul");
      if (list.label) {
        list.group = element("fieldset", { class: "search-filter-type" });
        list.group.append(element("legend", {}, list.label), list.ul);
        fieldset.append(list.group);
      } else fieldset.append(list.ul);
    }
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

function byCount([a, x], [b, y]) {
  return (y ?? -1) - (x ?? -1) || a.localeCompare(b);
}

/**
 * The entities in the results, one list per type with results (People, Organisations…), each
 * headed by its number of names; a chosen name no type lists (no result has it) comes first.
 */
function entityLists(counts, chosen) {
  const lists = [];
  const typed = new Set();
  for (const { key, label } of ENTITY_TYPES) {
    const entries = Object.entries(counts[key] ?? {});
    for (const [value] of entries) typed.add(value);
    const values = entries
      .filter(([value, count]) => count > 0 || chosen.includes(value))
      .sort(byCount);
    if (values.length) lists.push({ label: `${label} (${values.length})`, values });
  }
  const untyped = chosen.filter((value) => !typed.has(value)).map((value) => [value, undefined]);
  if (untyped.length) lists.unshift({ values: untyped });
  return lists;
}

/** From and To: a span of the archive's years, either end open, kept in the address. */
function yearRange() {
  const range = element("div", { class: "search-year-range" });
  for (const [end, text] of [["from", "From"], ["to", "To"]]) {
    const id = `filter-year-${end}`;
    const select = element("select", { id, name: end });
    select.append(element("option", { value: "" }, "any year"));
    for (const year of archiveYears.toSorted()) select.append(element("option", {}, year));
    select.value = state.range[end];
    range.append(element("label", { for: id }, text), select);
  }
  return range;
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
 * first `shown` of them unless the group is expanded; the chosen ones always.
 */
function valueItems(key, values, chosen, shown = SHOWN_VALUES) {
  const wanted = fold(narrowing.get(key) ?? "");
  const matching = values.filter(([value]) => !wanted || fold(value).includes(wanted));
  const limit = expanded.has(key) && !wanted ? Infinity : shown;
  const visible = values.filter(([value]) => {
    return chosen.includes(value) || matching.slice(0, limit).some(([v]) => v === value);
  });
  const ranged = key === "year" ? yearsInRange(state.range, archiveYears) : [];
  return visible.map(([value, count]) => valueItem(key, value, count, chosen, ranged));
}

/**
 * A checkbox for one value, with the number of results it gives when known; a year within the
 * chosen range is checked and cannot be unchecked but by changing the range.
 */
function valueItem(key, value, count, chosen, ranged) {
  const id = `filter-${key}-${valueId(value)}`;
  const box = element("input", { type: "checkbox", name: key, id });
  box.value = value;
  box.checked = chosen.includes(value) || ranged.includes(value);
  box.disabled = ranged.includes(value);
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
