// Part of the archive model (./build.ts): the entities index, by type, each type by letter
// (for A–Z jump links) and by number of articles, so that it stays readable at thousands.
import { ENTITY_TYPES } from "../content/schema.ts";
import { foldLetter } from "../markdown/name-pattern.ts";
import type { Entity, EntityGroup } from "./model.ts";

/** The index by number of articles shows this many of each type; the A–Z index shows all. */
export const TOP_BY_COUNT = 100;

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
    if (ofType.length === 0) return [];
    return [{ type, entities: ofType, letters: byLetter(ofType), byCount: mostMentioned(ofType) }];
  });
}

function byLetter(entities: readonly Entity[]): EntityGroup["letters"] {
  const letters = new Map<string, Entity[]>();
  for (const entity of entities) {
    const letter = indexLetter(entity.name);
    letters.set(letter, [...(letters.get(letter) ?? []), entity]);
  }
  // Letters in alphabetical order, # last; names keep the order they are given in.
  const order = (letter: string) => (letter === "#" ? "\uffff" : letter);
  return [...letters]
    .sort(([a], [b]) => (order(a) < order(b) ? -1 : 1))
    .map(([letter, filed]) => ({ letter, entities: filed }));
}

/** Most articles first, then in the order given (by name); at most TOP_BY_COUNT. */
function mostMentioned(entities: readonly Entity[]): Entity[] {
  const ranked = entities.map((entity, i) => ({ entity, i }));
  ranked.sort((a, b) => b.entity.articles.length - a.entity.articles.length || a.i - b.i);
  return ranked.slice(0, TOP_BY_COUNT).map(({ entity }) => entity);
}
