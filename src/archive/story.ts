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
  const stories = new Map<Article, Story>();
  const met = new Map<Article, number>();
  for (const article of articles) {
    const main = article.entities
      .filter((ref) => ref.type !== "topic" && !article.topics.includes(ref))
      .slice(0, options.mainCount)
      .flatMap((ref) => bySlug.get(ref.slug) ?? []);
    const need = Math.min(options.shared, main.length);
    if (need === 0) continue;
    const self = position.get(article)!;
    met.clear();
    for (const entity of main) {
      const at = indexOf(entity.articles, self, position);
      const from = Math.max(0, at - options.reach);
      const to = Math.min(entity.articles.length - 1, at + options.reach);
      for (let i = from; i <= to; i++) {
        const other = entity.articles[i]!;
        if (other !== article) met.set(other, (met.get(other) ?? 0) + 1);
      }
    }
    const mates = [...met].filter(([, n]) => n >= need).map(([other]) => position.get(other)!);
    // Newer articles come first in the archive's order: lower positions.
    const since = mates
      .filter((p) => p < self)
      .sort((a, b) => b - a)
      .slice(0, options.count);
    const earlier = mates
      .filter((p) => p > self)
      .sort((a, b) => a - b)
      .slice(0, options.count);
    if (since.length + earlier.length === 0) continue;
    stories.set(article, {
      earlier: earlier.reverse().map((p) => options.link(articles[p]!)),
      since: since.map((p) => options.link(articles[p]!)),
    });
  }
  return stories;
}

/** Where the article at archive position `self` is in `list` (in the archive's order). */
function indexOf(
  list: readonly Article[],
  self: number,
  position: ReadonlyMap<Article, number>,
): number {
  let low = 0;
  let high = list.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (position.get(list[middle]!)! < self) low = middle + 1;
    else high = middle;
  }
  return low;
}
