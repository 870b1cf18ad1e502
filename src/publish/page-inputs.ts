// Incremental publishing (./incremental.ts): what a page shows, as text to hash. Every page
// is written out so on every build to tell whether it changed, so it must be cheap: written
// out whole, the pages of 10,000 articles come to over 150 MB of text.
import { createHash } from "node:crypto";
import type { Article, ArticleLink } from "../archive/model.ts";
import type { SubjectFeed } from "../feeds/feeds.ts";
import type { SiteIcon } from "../icons/site-icons.ts";

/**
 * A page's inputs: its own item, whole; the articles it lists only as far as a list shows
 * them, so that editing an article's body re-renders its page and not every list it is in.
 */
export function pageInputText(item: unknown): string {
  if (isArticle(item)) return articleInputTexts(item).page;
  return jsonReplacingObjects(item, (value) => (value === item ? value : shortForm(value)));
}

/**
 * An article's page inputs and its search inputs, the article written out once for both: its
 * page shows everything it gives the search index, and its links to other articles.
 */
export function articleInputTexts(article: Article): { page: string; search: string } {
  const search = searchInputText(article);
  return { page: `${search}\n${JSON.stringify(articleLinks(article))}`, search };
}

/**
 * What an article's page gives the search index: the article itself, without its links to
 * other articles (related, neighbours, its story), which layouts/article.11ty.tsx keeps out of
 * the indexed region (`data-pagefind-ignore`): adding or deleting an article changes those
 * links on articles of every year, and must re-index only the shard it is in.
 */
export function searchInputText(article: Article): string {
  const { related: _r, previous: _p, next: _n, story: _s, ...indexed } = article;
  const page = { ...indexed, html: bodyDigest(article) };
  return jsonReplacingObjects(page, (value) => (value === page ? value : shortForm(value)));
}

/**
 * A feed's inputs: unlike a list, it shows its articles' bodies, last updates and entities
 * (src/feeds/feeds.ts, feedEntry), so all of those count; a body as its digest, kept while the
 * article lives, since one article is in the feeds of all its authors and entities.
 */
export function feedInputText(feed: SubjectFeed): string {
  const articles = feed.articles.map((article) => [
    listedForm(article),
    article.updated,
    bodyDigest(article),
    article.entities.map((entity) => entity.name),
  ]);
  // An empty feed is dated by the archive's last update (src/feeds/feeds.ts).
  return JSON.stringify([feed.url, feed.page, feed.name, articles, feed.archiveUpdated]);
}

/** An icon's inputs: the title it is drawn from, and the language that capitalises it. */
export function iconInputText(icon: SiteIcon): string {
  return JSON.stringify([icon.url, icon.format, icon.title, icon.language]);
}

const bodyDigests = new WeakMap<Article, string>();

function bodyDigest(article: Article): string {
  const kept = bodyDigests.get(article);
  if (kept !== undefined) return kept;
  const made = digest(article.html);
  if (Object.isFrozen(article)) bodyDigests.set(article, made);
  return made;
}

/**
 * What a page shows of an object in its item: a listed article as a list shows it, and an
 * object that cannot change (a date, an author or entity named) as the digest of its JSON,
 * kept while it lives: the same few thousand are named across thousands of pages.
 */
function shortForm(value: object): unknown {
  if (isArticle(value)) return listedForm(value);
  return keptForms.get(value) ?? (frozenScalars(value) ? keep(value, value, [value]) : value);
}

/** A frozen plain object whose fields are all scalars: nothing in it can change. */
function frozenScalars(value: object): boolean {
  if (!Object.isFrozen(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const field of Object.values(value)) {
    if (typeof field === "object" && field !== null) return false;
  }
  return true;
}

export function isArticle(value: unknown): value is Article {
  return typeof value === "object" && value !== null && "wordCount" in value && "html" in value;
}

/**
 * An article's links to other articles, as digests: a link is on a dozen pages, and is written
 * once while it lives, once it cannot change. (Its body, long, is a digest too, made once.)
 */
function articleLinks(article: Article): object {
  const { related, previous, next, story } = article;
  const since = story?.since.map(linkForm);
  return {
    related: related.map(linkForm),
    ...(story ? { story: { earlier: story.earlier.map(linkForm), since } } : {}),
    ...(previous ? { previous: linkForm(previous) } : {}),
    ...(next ? { next: linkForm(next) } : {}),
  };
}

/**
 * What layouts/components/ArticleList.tsx shows of an article, as a digest: its thumbnail too,
 * whose variants are named by a hash of the image's bytes (src/images/variants.ts), so that a
 * replaced image file renders the lists again (or the image's `src`, when it is left as
 * written), and its alt text, which the front page's lead story shows. The article's own page
 * hashes it whole.
 */
function listedForm(article: Article): string {
  const kept = keptForms.get(article);
  if (kept !== undefined) return kept;
  const { url, title, date, summary, draft, authors, image } = article;
  const shown = image ? [image.responsive ?? image.src, image.alt] : [];
  const parts = [url, title, date, summary, draft, authors, ...shown];
  return keep(article, parts, [article, date, authors, ...authors]);
}

function linkForm(link: ArticleLink): string {
  return keptForms.get(link) ?? keep(link, link, [link, link.date]);
}

const keptForms = new WeakMap<object, string>();

/**
 * The digest of `parts` as JSON, kept for `object` while it lives when it cannot change: when
 * it and every object its parts hold (`holding`) are frozen, as the archive model's articles
 * are (src/archive/build.ts).
 */
function keep(object: object, parts: unknown, holding: readonly object[]): string {
  const form = digest(JSON.stringify(parts));
  if (holding.every((held) => Object.isFrozen(held))) keptForms.set(object, form);
  return form;
}

function digest(text: string): string {
  return createHash("sha256").update(text).digest("base64url");
}

type Replace = (object: object) => unknown;

/**
 * What `JSON.stringify(value, replacer)` gives for a replacer that replaces objects only
 * (`replace` returns its argument to keep it), with the replacing done first and the text
 * then written by JSON.stringify alone: a replacer is called for every value, scalars too,
 * which costs seconds over a large archive. Parts holding nothing to replace are shared, not
 * copied. Only arrays and plain objects are looked into, as the archive model has no other;
 * anything else is written exactly as JSON.stringify writes it.
 */
export function jsonReplacingObjects(value: unknown, replace: Replace): string {
  return JSON.stringify(replaced(value, replace));
}

function replaced(value: unknown, replace: Replace): unknown {
  if (typeof value !== "object" || value === null) return value;
  return withPartsReplaced(replace(value), replace);
}

/** `value` with its elements or fields replaced; a copy only when one of them is. */
function withPartsReplaced(value: unknown, replace: Replace): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      const part = replaced(element, replace);
      if (part !== element) (copy ??= [...value])[i] = part;
    }
    return copy ?? value;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const field: unknown = (value as Record<string, unknown>)[key];
    const part = replaced(field, replace);
    if (part !== field) (copy ??= { ...value })[key] = part;
  }
  return copy ?? value;
}
