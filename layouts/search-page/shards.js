// The search index's shards (src/search/shards.ts) on the search page: one Pagefind runtime
// for all of them, merged in as a search first needs each, and a search that reads them in the
// order its sort needs, with each filter group's counts.
import { facetKeys } from "./address.js";

/** The shard names on the form, newest first, with the span of years each holds. */
export function readShards(attribute) {
  try {
    const names = JSON.parse(attribute ?? "[]");
    return names.map((name) => ({ name, ...shardYears(name) }));
  } catch {
    return [];
  }
}

/** The years a shard covers, from its name: `2015-2019`, `2017`, `2017-q3` or `2017-03`. */
function shardYears(name) {
  const [first, second] = name.split("-");
  const from = Number(first);
  return { from, to: second?.length === 4 ? Number(second) : from };
}

/**
 * The shards' Pagefind, merged into one runtime as they are first needed. `noWorker`: a web
 * worker would cost one more script, and a search in one shard takes milliseconds.
 */
export function shardIndex(shards) {
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
export function startSearch(index, term, filters, sort, facets) {
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
      const keys = facetKeys(group === "any" ? "entity" : group).filter((key) => facets.has(key));
      if (keys.length === 0) continue;
      const without = await pagefind.search(term, {
        ...options,
        filters: { ...facetFilters, ...others, ...extra },
      });
      for (const key of keys) counts[key] = without.filters[key] ?? {};
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
