// Part of the archive model (./build.ts): how articles relate through the entities they name.
// Related articles, entities named together and an author's main subjects are counts over
// the archive's mentions, kept in typed arrays by number so that each costs what it touches.
import type { Slug } from "../content/paths.ts";
import type { Article, ArticleLink, Entity, EntityCount, EntityRef } from "./model.ts";
import { compareText } from "./registry.ts";

export interface RelatedOptions {
  /** How many related articles each article lists. */
  count: number;
  /** Entities in more articles than this say little about relatedness, and cost the most. */
  candidateLimit: number;
  link: (article: Article) => ArticleLink;
}

/**
 * Related articles score shared entities by rarity (an inverse document frequency), so two
 * articles about the same small event outrank two that both mention a big company. Very
 * common entities are skipped when gathering candidates. Equal scores go to the article
 * nearest in the archive's order, then to the newer.
 */
export function linkRelated(
  articles: readonly Article[],
  entities: readonly Entity[],
  { count, candidateLimit, link }: RelatedOptions,
): void {
  const candidates = candidateEntities(articles, entities, candidateLimit);
  // One score per article, reset after use: only one article's candidates are ever non-zero.
  const scores = new Float64Array(articles.length);
  const touched = new Int32Array(articles.length);
  const finalists = new Int32Array(articles.length);
  const bestScores = new Float64Array(count);
  articles.forEach((article, self) => {
    let touchedCount = 0;
    for (const ref of article.entities) {
      const candidate = candidates.get(ref.slug);
      if (!candidate) continue;
      for (const other of candidate.articles) {
        if (other === self) continue;
        // Weights are positive, so a score of zero means "not met yet".
        if (scores[other] === 0) touched[touchedCount++] = other;
        scores[other] = scores[other]! + candidate.weight;
      }
    }
    // Only candidates scoring at least the count-th best score can be among the first.
    const least = nthLargest(scores, touched, touchedCount, bestScores);
    let finalistCount = 0;
    for (let k = 0; k < touchedCount; k++) {
      if (scores[touched[k]!]! >= least) finalists[finalistCount++] = touched[k]!;
    }
    const before = (p: number, q: number) => {
      const a = finalists[p]!;
      const b = finalists[q]!;
      return scores[b]! - scores[a]! || Math.abs(a - self) - Math.abs(b - self) || a - b;
    };
    const related = firstInOrder(finalistCount, count, before);
    article.related = related.map((p) => link(articles[finalists[p]!]!));
    for (let k = 0; k < touchedCount; k++) scores[touched[k]!] = 0;
  });
}

/**
 * The `best.length`-th largest of the scores of the first `count` items (counting equal
 * scores each time), or -Infinity when there are fewer items; `best` is working space.
 */
function nthLargest(
  scores: Float64Array,
  items: Int32Array,
  count: number,
  best: Float64Array,
): number {
  const last = best.length - 1;
  if (last < 0) return Infinity;
  best.fill(-Infinity);
  for (let k = 0; k < count; k++) {
    const score = scores[items[k]!]!;
    if (score <= best[last]!) continue;
    let at = last;
    while (at > 0 && score > best[at - 1]!) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = score;
  }
  return best[last]!;
}

interface Candidate {
  weight: number;
  /** Positions in the archive's order of the articles that name the entity. */
  articles: Int32Array;
}

function candidateEntities(
  articles: readonly Article[],
  entities: readonly Entity[],
  limit: number,
): Map<Slug, Candidate> {
  const position = new Map(articles.map((article, i) => [article, i]));
  const candidates = new Map<Slug, Candidate>();
  for (const entity of entities) {
    const mentions = entity.articles.length;
    if (mentions < 2 || mentions > limit) continue;
    const weight = Math.log(1 + articles.length / mentions);
    const named = numbered(entity.articles, (article) => position.get(article)!);
    candidates.set(entity.slug, { weight, articles: named });
  }
  return candidates;
}

/**
 * Counts how often each entity is named across lists of the archive's articles (an entity's
 * articles, for the entities named with it; an author's, for the subjects they cover). Made
 * once per archive: it numbers the entities and reuses its arrays for every list.
 */
export class EntityCounter {
  private readonly numbers = new Map<Slug, number>();
  private readonly refs: EntityRef[] = [];
  /** Each article's entities, by number. */
  private readonly named = new Map<Article, Int32Array>();
  /** Each entity's place in the order of names (the same place for the same name). */
  private readonly nameRank: Int32Array;
  private readonly counts: Int32Array;
  /** The numbers met so far in the current count, in the order first met. */
  private readonly met: Int32Array;

  constructor(articles: readonly Article[]) {
    for (const article of articles) {
      this.named.set(article, numbered(article.entities, (ref) => this.numberOf(ref)));
    }
    this.nameRank = rankNames(this.refs);
    this.counts = new Int32Array(this.refs.length);
    this.met = new Int32Array(this.refs.length);
  }

  /**
   * The `limit` entities named most often in `articles` (which must be the archive's), most
   * first, then by name, then in the order first met; `except` is left out.
   */
  top(articles: readonly Article[], limit: number, except?: Slug): EntityCount[] {
    const { counts, met, refs } = this;
    const skip = except === undefined ? -1 : (this.numbers.get(except) ?? -1);
    let metCount = 0;
    for (const article of articles) {
      for (const n of this.named.get(article)!) {
        if (n === skip) continue;
        if (counts[n] === 0) met[metCount++] = n;
        counts[n] = counts[n]! + 1;
      }
    }
    const { nameRank } = this;
    // Compares positions in `met`, so that the last resort is the order first met.
    const before = (p: number, q: number) => {
      const a = met[p]!;
      const b = met[q]!;
      return counts[b]! - counts[a]! || nameRank[a]! - nameRank[b]! || p - q;
    };
    const top = firstInOrder(metCount, limit, before).map((k): EntityCount => {
      const n = met[k]!;
      return { entity: refs[n]!, count: counts[n]! };
    });
    for (let k = 0; k < metCount; k++) counts[met[k]!] = 0;
    return top;
  }

  private numberOf(ref: EntityRef): number {
    let n = this.numbers.get(ref.slug);
    if (n === undefined) {
      n = this.refs.push(ref) - 1;
      this.numbers.set(ref.slug, n);
    }
    return n;
  }
}

/** Int32Array.from(items, number), which V8 runs far slower than a loop. */
function numbered<T>(items: readonly T[], number: (item: T) => number): Int32Array {
  const numbers = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) numbers[i] = number(items[i]!);
  return numbers;
}

function rankNames(refs: readonly EntityRef[]): Int32Array {
  const byName = refs.map((_, n) => n).sort((a, b) => compareText(refs[a]!.name, refs[b]!.name));
  const rank = new Int32Array(refs.length);
  byName.forEach((n, i) => {
    const previous = byName[i - 1];
    const same = previous !== undefined && refs[previous]!.name === refs[n]!.name;
    rank[n] = same ? rank[previous]! : i;
  });
  return rank;
}

/**
 * The first `limit` of the positions 0 to `count` - 1 in the order `compare` gives, as sorting
 * them all and taking the first `limit` would give (equal ones keep their order), without
 * sorting them all.
 */
export function firstInOrder(
  count: number,
  limit: number,
  compare: (a: number, b: number) => number,
): number[] {
  const best: number[] = [];
  if (limit <= 0) return best;
  for (let item = 0; item < count; item++) {
    if (best.length === limit && compare(item, best[limit - 1]!) >= 0) continue;
    let at = Math.min(best.length, limit - 1);
    while (at > 0 && compare(item, best[at - 1]!) < 0) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = item;
  }
  return best;
}
