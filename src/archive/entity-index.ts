// Part of the archive model (./build.ts): the entities index, by type, each type by letter
// (`/entities/`) or by number of articles (`/entities/by-count/`), cut into pages of a few
// hundred names (`…/page/2/`, …) so that it stays readable at thousands, with jump links to
// every type and section on whichever page it starts.
import { siteUrl, type SiteUrl } from "../content/paths.ts";
import { ENTITY_TYPES, type EntityType } from "../content/schema.ts";
import { foldLetter } from "../markdown/name-pattern.ts";
import { pagedAt } from "./pagination.ts";
import type {
  Entity, EntityGroup, EntityIndexPage, IndexContents, IndexEntry, IndexPageGroup,
} from "./model.ts";

/** The first pages of the index by name and by number of articles. */
export const ENTITY_INDEX_URL = siteUrl("/entities/");
export const ENTITY_COUNT_URL = siteUrl("/entities/by-count/");

/**
 * Names on one page of the index: about 100 bytes each, so a page stays near 45 kB with its
 * jump links and the page shell (README, "Entities").
 */
export const INDEX_PAGE_SIZE = 400;

/**
 * The bands of the index by count, each from its number of articles up to the next one's:
 * a reader jumps to "10 to 99 articles" as to a letter.
 */
export const COUNT_BANDS: readonly number[] = [1000, 100, 10, 2, 1, 0];

/** The letter a name is filed under: its first letter without accents, or # for the rest. */
export function indexLetter(name: string): string {
  const first = [...name.trim()][0] ?? "";
  if (!/\p{L}/u.test(first)) return "#";
  return foldLetter(first).toUpperCase().slice(0, 1) || "#";
}

/** Each type that has entities, in the order of ENTITY_TYPES; `entities` sorted by name. */
export function entityGroups(entities: readonly Entity[]): EntityGroup[] {
  return ENTITY_TYPES.flatMap((type): EntityGroup[] => {
    const ofType = entities.filter((entity) => entity.type === type);
    return ofType.length === 0 ? [] : [{ type, entities: ofType }];
  });
}

/** A type's entries under headings (a letter, a band of counts), before it is cut into pages. */
export interface IndexSection {
  label: string;
  /** The heading's id, unique on any page: the type's, then the section's own. */
  id: string;
  entries: IndexEntry[];
}

interface IndexType {
  type: EntityType;
  sections: IndexSection[];
}

/** The index's pages: by name, then by number of articles; at least one page each. */
export function entityIndexPages(
  groups: readonly EntityGroup[],
  size = INDEX_PAGE_SIZE,
): EntityIndexPage[] {
  const byName = groups.map(({ type, entities }) => ({ type, sections: byLetter(type, entities) }));
  const byCount = groups.map(({ type, entities }) => ({ type, sections: byBand(type, entities) }));
  return [
    ...indexPages(byName, size, { order: "name", first: ENTITY_INDEX_URL, other: ENTITY_COUNT_URL }),
    ...indexPages(byCount, size, { order: "count", first: ENTITY_COUNT_URL, other: ENTITY_INDEX_URL }),
  ];
}

function entry(entity: Entity): IndexEntry {
  return { name: entity.name, url: entity.url, count: entity.articles.length };
}

/** A type's entities by letter, A–Z then the other scripts' letters then #; names in order. */
export function byLetter(type: EntityType, entities: readonly Entity[]): IndexSection[] {
  const letters = new Map<string, IndexEntry[]>();
  for (const entity of entities) {
    const letter = indexLetter(entity.name);
    const filed = letters.get(letter);
    if (filed) filed.push(entry(entity));
    else letters.set(letter, [entry(entity)]);
  }
  const order = (letter: string) => (letter === "#" ? "\uffff" : letter);
  return [...letters]
    .sort(([a], [b]) => (order(a) < order(b) ? -1 : 1))
    .map(([letter, entries]) => ({ label: letter, id: `${type}-${letterId(letter)}`, entries }));
}

/** An id for a letter: itself in lower case, or "other" for #. */
function letterId(letter: string): string {
  return letter === "#" ? "other" : letter.toLowerCase();
}

/** A type's entities, most articles first (then in the order given), in bands of counts. */
export function byBand(type: EntityType, entities: readonly Entity[]): IndexSection[] {
  const ranked = entities.map(entry).sort((a, b) => b.count - a.count);
  const sections: IndexSection[] = [];
  for (const listed of ranked) {
    const floor = COUNT_BANDS.find((band) => listed.count >= band) ?? 0;
    const current = sections.at(-1);
    if (current?.id === `${type}-n${floor}`) current.entries.push(listed);
    else sections.push({ label: bandLabel(floor), id: `${type}-n${floor}`, entries: [listed] });
  }
  return sections;
}

/** "100 to 999 articles", "1,000 articles or more", "1 article", "No articles yet". */
export function bandLabel(floor: number): string {
  const i = COUNT_BANDS.indexOf(floor);
  const above = COUNT_BANDS[i - 1];
  if (floor === 0) return "No articles yet";
  if (floor === 1) return "1 article";
  const from = floor.toLocaleString("en");
  return above === undefined ? `${from} articles or more` : `${from} to ${(above - 1).toLocaleString("en")} articles`;
}

interface Order {
  order: EntityIndexPage["order"];
  first: SiteUrl;
  other: SiteUrl;
}

/** One order of the index cut into pages, each with the jump links of every page. */
function indexPages(types: readonly IndexType[], size: number, how: Order): EntityIndexPage[] {
  const cut = cutIntoPages(types, size);
  const count = cut.length;
  const starts = new Map<string, SiteUrl>();
  cut.forEach((groups, i) => {
    for (const section of groups.flatMap((group) => group.sections)) {
      if (!section.continued) starts.set(section.id, pagedAt(how.first, i + 1, count).url);
    }
  });
  const contents = types.map(({ type, sections }): IndexContents => {
    const targets = sections.map(({ label, id }) => ({ label, id, url: starts.get(id)! }));
    const total = sections.reduce((sum, section) => sum + section.entries.length, 0);
    const url = targets[0]?.url ?? how.first;
    return { type, count: total, id: `${type}-heading`, url, sections: targets };
  });
  return cut.map((groups, i) => ({
    ...pagedAt(how.first, i + 1, count),
    order: how.order,
    otherUrl: how.other,
    contents,
    groups: groups.map((group) => ({ ...group, count: countOf(contents, group.type) })),
  }));
}

function countOf(contents: readonly IndexContents[], type: EntityType): number {
  return contents.find((listed) => listed.type === type)?.count ?? 0;
}

/**
 * The types' sections cut into pages of at most `size` entries, in order. A section that would
 * not fit the room left starts the next page when it fits a page and this page is at least
 * half full (so that a letter is not cut without need, and no page is left nearly empty);
 * otherwise it fills the page and goes on over the next. At least one page, empty or not.
 */
export function cutIntoPages(types: readonly IndexType[], size: number): IndexPageGroup[][] {
  if (size < 1) throw new Error(`an index page holds at least one entry, not ${size}`);
  const pages: IndexPageGroup[][] = [[]];
  let room = size;
  const newPage = () => {
    pages.push([]);
    room = size;
  };
  for (const { type, sections } of types) {
    let started = false;
    for (const section of sections) {
      const length = section.entries.length;
      if (length > room && length <= size && room < size / 2) newPage();
      for (let from = 0; from < length;) {
        if (room === 0) newPage();
        const entries = section.entries.slice(from, from + room);
        const page = pages.at(-1)!;
        let group = page.at(-1);
        if (group?.type !== type) {
          group = { type, count: 0, continued: started, sections: [] };
          page.push(group);
        }
        group.sections.push({ label: section.label, id: section.id, continued: from > 0, entries });
        started = true;
        from += entries.length;
        room -= entries.length;
      }
    }
  }
  return pages;
}
