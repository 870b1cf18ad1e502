// What Eleventy hands each template: the archive model plus the page's own pagination item.
import type { Archive } from "../src/archive/model.ts";

export interface PageData {
  archive: Archive;
  page: { url: string };
}

export type PaginatedData<Alias extends string, Item> = PageData & { [key in Alias]: Item };
