// Part of the archive model (./build.ts): each article's story, the other articles that share
// its main entities, in date order around it ("Earlier" / "Since"), so that a reader can follow
// a story from one meeting to the next without searching.
import type { Slug } from "../content/paths.ts";
import type { Article, ArticleLink, Entity, Story } from "./model.ts";

export interface StoryOptions {
  /** How many of its listed entities (topics aside) make an article's main ones. */
  mainCount: number;
  /** How many of those another article must name to be part of its story. */
  shared: number;
  /** Articles shown on each side. */
  count: number;
  /**
   * How far along each main entity's articles to look on each side: the nearest few are
   * what a reader follows, and an entity in thousands of articles must not cost thousands.
   */
  reach: number;
  link: (article: Article) => ArticleLink;
}

/**
 * The story of each article. `articles` are the archive's, newest first; `entities` hold their
 * articles in that order. Another article is part of the story when it names at least
 * `shared` of this one's main entities (all of them, when it has fewer): the first
 * `mainCount` it lists that are not topics, as editors list the main ones first.
 */
export function linkStories(
  articles: readonly Article[],
  entities: readonly Entity[],
  options: StoryOptions,
): Map<Article, Story> {
  const position = new Map(articles.map((article, i) => [article, i]));
  const bySlug = new Map<Slug, Entity>(entities.map((entity) => [entity.slug, entity]));
  // Positions rather than articles, and counts in an array rather than a map: this runs for
  // every article on every build, over up to mainCount × 2 × reach articles each.
  const positions = new Map<Entity, Int32Array>();
  const positionsOf = (entity: Entity) => {
    let list = positions.get(entity);
    if (!list)
      positions.set(entity, (list = Int32Array.from(entity.articles, (a) => position.get(a)!)));
    return list;
  };
  const met = new Uint8Array(articles.length);
  const stories = new Map<Article, Story>();
  articles.forEach((article, self) => {
    const main = article.entities
      .filter((ref) => ref.type !== "topic" && !article.topics.includes(ref))
      .slice(0, options.mainCount)
      .flatMap((ref) => bySlug.get(ref.slug) ?? []);
    const need = Math.min(options.shared, main.length);
    if (need === 0) return;
    const touched: number[] = [];
    for (const entity of main) {
      const list = positionsOf(entity);
      const at = lowerBound(list, self);
      const from = Math.max(0, at - options.reach);
      const to = Math.min(list.length - 1, at + options.reach);
      for (let i = from; i <= to; i++) {
        const other = list[i]!;
        if (other === self) continue;
        if (met[other] === 0) touched.push(other);
        met[other]! += 1;
      }
    }
    const mates = touched.filter((p) => met[p]! >= need);
    for (const p of touched) met[p] = 0;
    // Newer articles come first in the archive's order: lower positions.
    const since = mates
      .filter((p) => p < self)
      .sort((a, b) => b - a)
      .slice(0, options.count);
    const earlier = mates
      .filter((p) => p > self)
      .sort((a, b) => a - b)
      .slice(0, options.count);
    if (since.length + earlier.length === 0) return;
    stories.set(article, {
      earlier: earlier.reverse().map((p) => options.link(articles[p]!)),
      since: since.map((p) => options.link(articles[p]!)),
    });
  });
  return stories;
}

/** The first index of `list` (ascending positions) at or after `self`. */
function lowerBound(list: Int32Array, self: number): number {
  let low = 0;
  let high = list.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]! < self) low = middle + 1;
    else high = middle;
  }
  return low;
}
