// What Eleventy hands each template: the archive model plus the page's own pagination item.
import type { Archive } from "../src/archive/model.ts";

export interface PageData {
  archive: Archive;
  page: { url: string };
}

export type PaginatedData<Alias extends string, Item> = PageData & { [key in Alias]: Item };

/**
 * A template's data for one page per item of a list in the model, each at the item's own URL
 * (`data` is the list's path in Eleventy's data, such as "archive.entities").
 */
export function onePagePer<Alias extends string>(data: string, alias: Alias) {
  return {
    pagination: { data, size: 1, alias },
    permalink: (page: { [key in Alias]: { url: string } }) => page[alias].url,
  };
}
