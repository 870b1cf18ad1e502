// What Eleventy hands each template: the archive model plus the page's own pagination item.
import type { Archive } from "../src/archive/model.ts";

export interface PageData {
  archive: Archive;
  page: { url: string };
}

export type PaginatedData<Alias extends string, Item> = PageData & { [key in Alias]: Item };

/**
 * A template's data for one page per item of a list, each at the item's own URL. `data` is the
 * list's path in Eleventy's data: "pages.entities" is the entities whose page must be rendered
 * (all of them, or those whose inputs changed: src/publish/incremental.ts).
 */
export function onePagePer<Alias extends string>(data: string, alias: Alias) {
  return {
    pagination: { data, size: 1, alias },
    permalink: (page: { [key in Alias]: { url: string } }) => page[alias].url,
  };
}
