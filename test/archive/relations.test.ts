// Related articles and entity counts, counted by number, give what the plain definitions give:
// score every candidate, sort them all, take the first few. The definitions are kept here, as
// the oracle, and compared on seeded random archives full of ties.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Article, ArticleLink, Entity, EntityCount } from "../../src/archive/model.ts";
import type { EntityRef } from "../../src/archive/model.ts";
import { compareText } from "../../src/archive/registry.ts";
import { EntityCounter, firstInOrder, linkRelated } from "../../src/archive/relations.ts";
import type { Slug, SiteUrl, SourcePath } from "../../src/content/paths.ts";

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function entityRef(i: number): EntityRef {
  // Names repeat across slugs ("E2" twice) and differ in case only ("e0", "E0"): ties.
  const name = `${i % 3 === 0 ? "e" : "E"}${Math.floor(i / 2)}`;
  return { name, slug: `e-${i}` as Slug, url: `/entities/e-${i}/` as SiteUrl, type: "person" };
}

function articleNaming(i: number, entities: EntityRef[]): Article {
  const day = 1 + (i % 28);
  const iso = `2020-01-${String(day).padStart(2, "0")}`;
  return {
    title: `A${i}`,
    url: `/a/${i}/` as SiteUrl,
    date: { year: 2020, month: 1, day, iso, written: iso },
    sourcePath: `/a/${i}.md` as SourcePath,
    slug: `a${i}` as Slug,
    authors: [],
    entities,
    topics: [],
    draft: false,
    linkMentions: true,
    html: "",
    wordCount: 0,
    related: [],
    corrections: [],
  };
}

/** Articles naming entities from a skewed pool (a few named everywhere, most rarely). */
function fixture(seed: number, articleCount: number, entityCount: number) {
  const next = random(seed);
  const refs = Array.from({ length: entityCount }, (_, i) => entityRef(i));
  const articles = Array.from({ length: articleCount }, (_, i) => {
    const named = new Set<EntityRef>();
    const count = Math.min(entityCount, 1 + Math.floor(next() * 5));
    while (named.size < count) named.add(refs[Math.floor(entityCount * next() ** 2)]!);
    return articleNaming(i, [...named]);
  });
  const entities = refs.map((ref): Entity => {
    const naming = articles.filter((article) => article.entities.includes(ref));
    return { ...ref, aliases: [], links: [], linkMentions: true, articles: naming, coMentions: [] };
  });
  return { articles, entities };
}

const link = (article: Article): ArticleLink => {
  return { title: article.title, url: article.url, date: article.date };
};

/** The definition: every candidate scored in a map, all of them sorted. */
function relatedByDefinition(articles: Article[], entities: Entity[], limit: number): string[][] {
  const bySlug = new Map(entities.map((entity) => [entity.slug, entity]));
  const index = new Map(articles.map((article, i) => [article, i]));
  return articles.map((article) => {
    const scores = new Map<number, number>();
    for (const ref of article.entities) {
      const mentions = bySlug.get(ref.slug)?.articles ?? [];
      if (mentions.length < 2 || mentions.length > limit) continue;
      const weight = Math.log(1 + articles.length / mentions.length);
      for (const other of mentions) {
        if (other === article) continue;
        const i = index.get(other)!;
        scores.set(i, (scores.get(i) ?? 0) + weight);
      }
    }
    const self = index.get(article)!;
    const distance = (i: number) => Math.abs(i - self);
    return [...scores]
      .sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || distance(a) - distance(b) || a - b)
      .slice(0, 5)
      .map(([i]) => articles[i]!.url);
  });
}

/** The definition: a map of counts, all of them sorted (stably), the first 12 taken. */
function countsByDefinition(articles: readonly Article[], except?: Slug): EntityCount[] {
  const counts = new Map<Slug, EntityCount>();
  for (const article of articles) {
    for (const entity of article.entities) {
      if (entity.slug === except) continue;
      const count = counts.get(entity.slug);
      if (count) count.count++;
      else counts.set(entity.slug, { entity, count: 1 });
    }
  }
  const order = (a: EntityCount, b: EntityCount) =>
    b.count - a.count || compareText(a.entity.name, b.entity.name);
  return [...counts.values()].sort(order).slice(0, 12);
}

test("firstInOrder gives the first of a stable sort, without sorting", () => {
  const next = random(7);
  for (let round = 0; round < 200; round++) {
    const keys = Array.from({ length: Math.floor(next() * 40) }, () => Math.floor(next() * 6));
    const compare = (a: number, b: number) => keys[b]! - keys[a]!;
    const limit = Math.floor(next() * 8);
    const sorted = keys.map((_, i) => i).sort(compare).slice(0, limit);
    const given = firstInOrder(keys.length, limit, compare);
    assert.deepEqual(given, sorted, `keys ${keys.join(",")}, limit ${limit}`);
  }
});

test("related articles are those the definition gives, ties and skipped entities included", () => {
  const cases: [number, number, number, number][] = [
    [1, 300, 40, 250],
    [2, 500, 25, 60],
    [3, 120, 200, 250],
    [4, 60, 3, 250],
  ];
  for (const [seed, articleCount, entityCount, limit] of cases) {
    const { articles, entities } = fixture(seed, articleCount, entityCount);
    const expected = relatedByDefinition(articles, entities, limit);
    linkRelated(articles, entities, { count: 5, candidateLimit: limit, link });
    const related = articles.map((article) => article.related.map((other) => other.url));
    assert.deepEqual(related, expected, `seed ${seed}`);
  }
});

test("entities named together and an author's subjects count as the definition counts", () => {
  const cases: [number, number, number][] = [[11, 400, 30], [12, 200, 300], [13, 50, 4]];
  for (const [seed, articleCount, entityCount] of cases) {
    const { articles, entities } = fixture(seed, articleCount, entityCount);
    const counter = new EntityCounter(articles);
    for (const entity of entities) {
      const expected = countsByDefinition(entity.articles, entity.slug);
      assert.deepEqual(counter.top(entity.articles, 12, entity.slug), expected, entity.slug);
    }
    const next = random(seed);
    for (let round = 0; round < 20; round++) {
      const some = articles.filter(() => next() < 0.1);
      assert.deepEqual(counter.top(some, 12), countsByDefinition(some), `round ${round}`);
    }
  }
});
