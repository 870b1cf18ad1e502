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
 * What one page of the index holds, in bytes of HTML: its names and jump links, about 400
 * names of the usual length. With the page's shell, heading and pager a page weighs about
 * 50 kB (README, "Entities") whether its names are short or long, Latin or not: names are
 * cut by their weight, not their number.
 */
export const INDEX_PAGE_BYTES = 44_000;

/** An entry's markup besides its name, URL and count: `<li><a href=""></a> <span …>`. */
const ENTRY_MARKUP = 52;
/** A jump link's markup besides its label, id and URL (`<li><a href="/entities/page/12/#">`). */
const JUMP_MARKUP = 40;

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
  bytes = INDEX_PAGE_BYTES,
): EntityIndexPage[] {
  const byName = groups.map(({ type, entities }) => ({ type, sections: byLetter(type, entities) }));
  const byCount = groups.map(({ type, entities }) => ({ type, sections: byBand(type, entities) }));
  const name = { order: "name", first: ENTITY_INDEX_URL, other: ENTITY_COUNT_URL } as const;
  const count = { order: "count", first: ENTITY_COUNT_URL, other: ENTITY_INDEX_URL } as const;
  return [...indexPages(byName, bytes, name), ...indexPages(byCount, bytes, count)];
}

/** The bytes an entry takes on a page (close enough: a name's `&` is written `&amp;`). */
export function entryBytes(entry: IndexEntry): number {
  const text = entry.name + entry.url + entry.count.toLocaleString("en");
  return ENTRY_MARKUP + Buffer.byteLength(text);
}

/**
 * The room a page has for names: its bytes less the jump links every page repeats (at least
 * half of it, for an archive of many letters: Chinese names have hundreds of first letters).
 */
function roomForNames(types: readonly IndexType[], bytes: number): number {
  const url = `${ENTITY_COUNT_URL}page/1000/`.length;
  let jumps = 0;
  for (const { sections } of types) {
    for (const { label, id } of sections) {
      jumps += JUMP_MARKUP + Buffer.byteLength(label + id) + url;
    }
  }
  return Math.max(bytes - jumps, bytes / 2);
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
  if (above === undefined) return `${from} articles or more`;
  return `${from} to ${(above - 1).toLocaleString("en")} articles`;
}

interface Order {
  order: EntityIndexPage["order"];
  first: SiteUrl;
  other: SiteUrl;
}

/** One order of the index cut into pages, each with the jump links of every page. */
function indexPages(types: readonly IndexType[], bytes: number, how: Order): EntityIndexPage[] {
  const cut = cutIntoPages(types, roomForNames(types, bytes), entryBytes);
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
 * The types' sections cut into pages of `size` at most, in order, each entry weighing
 * `weight` (1: `size` is a number of entries). A section that would not fit the room left
 * starts the next page when it fits a page and this page is at least half full (so that a
 * letter is not cut without need, and no page is left nearly empty); otherwise it fills the
 * page and goes on over the next. An entry heavier than a page has one to itself. A last page
 * holding a tenth of a page or less is joined to the one before. At least one page, empty or
 * not.
 */
export function cutIntoPages(
  types: readonly IndexType[],
  size: number,
  weight: (entry: IndexEntry) => number = () => 1,
): IndexPageGroup[][] {
  if (!(size > 0)) throw new Error(`an index page holds something, not ${size}`);
  const pages: IndexPageGroup[][] = [[]];
  let room = size;
  const newPage = () => {
    pages.push([]);
    room = size;
  };
  for (const { type, sections } of types) {
    let started = false;
    for (const section of sections) {
      const weights = section.entries.map(weight);
      const total = weights.reduce((sum, w) => sum + w, 0);
      if (total > room && total <= size && room < size / 2) newPage();
      for (let from = 0; from < weights.length;) {
        let [to, taken] = [from, 0];
        while (to < weights.length && taken + weights[to]! <= room) taken += weights[to++]!;
        if (to === from && room < size) {
          newPage();
          continue;
        }
        if (to === from) taken = weights[to++]!;
        const page = pages.at(-1)!;
        let group = page.at(-1);
        if (group?.type !== type) {
          group = { type, count: 0, continued: started, sections: [] };
          page.push(group);
        }
        const entries = section.entries.slice(from, to);
        group.sections.push({ label: section.label, id: section.id, continued: from > 0, entries });
        started = true;
        from = to;
        room -= taken;
      }
    }
  }
  // A last page of a few names (the last letter did not fit) goes on the one before instead.
  if (pages.length > 1 && size - room <= size / 10) joinLast(pages);
  return pages;
}

/** Moves the last page's names to the end of the page before, joining what continues. */
function joinLast(pages: IndexPageGroup[][]): void {
  const page = pages.at(-2)!;
  for (const group of pages.pop()!) {
    const last = page.at(-1);
    if (last?.type !== group.type) {
      page.push(group);
      continue;
    }
    for (const section of group.sections) {
      const before = last.sections.at(-1);
      if (before?.id === section.id) before.entries.push(...section.entries);
      else last.sections.push(section);
    }
  }
}
