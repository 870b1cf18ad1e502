// The search index's shards (src/search/shards.ts) on the search page: one Pagefind runtime
// for all of them, merged in as a search first needs each, and a search that reads them newest
// first (oldest first for that sort) as far as the results shown need, with each filter
// group's counts.
import { facetKeys, pagefindKey, splitFacets } from "./address.js";

/** The shard names on the form, newest first, with the span of years each holds. */
export function readShards(attribute) {
  try {
    const names = JSON.parse(attribute ?? "[]");
    return names.map((name) => ({ name, ...shardYears(name) }));
  } catch {
    return [];
  }
}

/**
 * The years a shard covers, from its name: `2015-2019`, `2017`, `2017-q3` or `2017-03`, or
 * `2020-2029` (a young newest span with the one before it).
 */
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
export function startSearch(index, term, groups, sort, facets) {
  const direction = sort ? sort.split(":")[1] : "";
  const years = (groups.year?.facet?.any ?? []).map((value) => Number(value.split(":")[1]));
  const holds = (shard) => (year) => year >= shard.from && year <= shard.to;
  const mayMatch = (shard) => years.length === 0 || years.some(holds(shard));
  // A year chosen narrows the shards to read, but its group's counts need the other years.
  const candidates = index.shards.filter(mayMatch);
  const pending = direction === "asc" ? candidates.toReversed() : candidates;
  // A filter that excludes nothing still makes Pagefind load its values, so that the results
  // come with their counts.
  const facetFilters = {};
  for (const key of facets) facetFilters[pagefindKey(key)] = { none: [] };
  /** Pagefind's filters: every group's at once, and `extra` (the shards to search). */
  const joined = (chosen, extra) => {
    const all = Object.values(chosen);
    return { ...facetFilters, ...(all.length ? { all } : {}), ...extra };
  };
  const filters = joined(groups, {});
  const counted = async (pagefind, extra, options) => {
    const found = await pagefind.search(term, { ...options, filters: joined(groups, extra) });
    const counts = splitFacets(found.filters);
    for (const group of Object.keys(groups)) {
      const others = { ...groups };
      delete others[group];
      const keys = facetKeys(group).filter((key) => facets.has(key));
      if (keys.length === 0) continue;
      const without = await pagefind.search(term, { ...options, filters: joined(others, extra) });
      const split = splitFacets(without.filters);
      for (const key of keys) counts[key] = split[key] ?? {};
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
    /**
     * Reads shards in order (newest first, or oldest for `date:asc`) until `wanted` results are
     * found or none is left, then takes their results in one order: by date, shard after shard
     * (their spans of years are disjoint); by best match, by score across them.
     */
    async fill(wanted) {
      const batch = [];
      let found = search.results.length;
      while (found < wanted && pending.length) {
        const shard = pending.shift();
        batch.push(shard);
        const pagefind = await index.with([shard]);
        const inShard = { ...filters, shard: shard.name };
        found += (await pagefind.search(term, { filters: inShard })).results.length;
      }
      if (batch.length === 0) return;
      const pagefind = await index.with(batch);
      // By date, each shard on its own, one after the other: Pagefind sorts merged indexes
      // each on its own. By best match, the batch at once, so that Pagefind merges by score.
      const searches = direction
        ? batch.map((shard) => [shard.name, { sort: { date: direction } }])
        : [[{ any: batch.map((shard) => shard.name) }, {}]];
      for (const [shard, options] of searches) {
        const more = await counted(pagefind, { shard }, options);
        search.results.push(...more.results);
        addCounts(search.counts, more.counts);
      }
      search.searched.push(...batch);
      // A year whose shard was not searched has no count yet (Pagefind says 0 for it once its
      // shard is loaded for another search): listed without one.
      const read = (year) => search.searched.some((shard) => holds(shard)(Number(year)));
      for (const year of Object.keys(search.counts.year ?? {})) {
        if (!read(year)) delete search.counts.year[year];
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
