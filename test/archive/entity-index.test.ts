// The entities index: by type, each type filed by letter and ranked by articles.
import assert from "node:assert/strict";
import { test } from "node:test";
import { entityGroups, indexLetter, TOP_BY_COUNT } from "../../src/archive/entity-index.ts";
import type { Article, Entity } from "../../src/archive/model.ts";
import type { Slug, SiteUrl } from "../../src/content/paths.ts";
import type { EntityType } from "../../src/content/schema.ts";

function entity(name: string, type: EntityType, articles: number): Entity {
  const slug = name.toLowerCase().replace(/\W+/g, "-") as Slug;
  return {
    name, slug, url: `/entities/${slug}/` as SiteUrl, type, aliases: [], links: [], linkMentions: true,
    articles: Array.from({ length: articles }, () => ({}) as Article), coMentions: [],
  };
}

test("names are filed under their first letter, accents aside, # for the rest", () => {
  assert.equal(indexLetter("Ángela Merkel"), "A");
  assert.equal(indexLetter("ßeta"), "S");
  assert.equal(indexLetter("émile"), "E");
  assert.equal(indexLetter("Москва"), "М");
  assert.equal(indexLetter("3M"), "#");
  assert.equal(indexLetter("«Le Monde»"), "#");
});

test("groups by type in the types' order, letters A–Z then #, most mentioned first", () => {
  const entities = [
    entity("3M", "organization", 1), entity("Apple", "organization", 5), entity("Amazon", "organization", 9),
    entity("Zoë Ruiz", "person", 2), entity("Ángel Díaz", "person", 1), entity("Elections", "topic", 3),
  ];
  const groups = entityGroups(entities);
  assert.deepEqual(groups.map((g) => g.type), ["person", "organization", "topic"]);
  const organisations = groups[1]!;
  assert.deepEqual(organisations.letters.map((l) => [l.letter, l.entities.map((e) => e.name)]), [["A", ["Apple", "Amazon"]], ["#", ["3M"]]]);
  assert.deepEqual(organisations.byCount.map((e) => e.name), ["Amazon", "Apple", "3M"]);
  assert.deepEqual(groups[0]!.letters.map((l) => l.letter), ["Z", "A"].sort());
});

test("at 5,000 entities, the index by count shows the most mentioned of each type", () => {
  const entities = Array.from({ length: 5000 }, (_, i) => entity(`Name ${i}`, i % 2 ? "person" : "organization", i % 97));
  const groups = entityGroups(entities);
  for (const group of groups) {
    assert.equal(group.entities.length, 2500);
    assert.equal(group.byCount.length, TOP_BY_COUNT);
    assert.equal(group.byCount[0]!.articles.length, 96);
    assert.equal(group.letters.reduce((n, l) => n + l.entities.length, 0), 2500);
  }
});
