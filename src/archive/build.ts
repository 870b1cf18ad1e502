// Stage 5, the archive model: validated files become one archive, with articles in order and
// the indexes every page needs (by author, entity, year and month), related articles and
// co-mentions. Everything a template shows is decided here.
import { type CalendarDate, pad2, pad4, parseCalendarDate } from "../content/dates.ts";
import { type Slug, type SiteUrl, siteUrl, slugify, type SourcePath } from "../content/paths.ts";
import type { KeyPath } from "../content/front-matter.ts";
import { errorReason, type Place, type Problems } from "../content/problems.ts";
import type { DescribedImage, EntityMention, EntityType, SiteConfig } from "../content/schema.ts";
import type { ArticleSource, AuthorSource, EntitySource, ValidatedContent } from "../content/validate.ts";
import type { RenderJob, RenderResult } from "../markdown/render-all.ts";
import type { RenderedBody } from "../markdown/render.ts";
import type {
  Archive,
  Article,
  ArticleImage,
  ArticleLink,
  Author,
  AuthorRef,
  Correction,
  CorrectionNotice,
  Entity,
  EntityRef,
  HomePage,
  Redirect,
  WithdrawnPage,
} from "./model.ts";
import { dateArchives, onThisDay } from "./date-archives.ts";
import { paginate } from "./pagination.ts";
import type { PublishedSlugs } from "./published-urls.ts";
import { compareText, NameRegistry, type Registered } from "./registry.ts";
import { EntityCounter, linkRelated } from "./relations.ts";
import { authorPages } from "./author-pages.ts";
import { entityGroups, entityIndexPages } from "./entity-index.ts";
import { entityPages } from "./entity-pages.ts";
import { MentionCache } from "./mention-cache.ts";
import { hintMentions, NameIndex } from "./mention-hints.ts";
import { mentionTargets } from "./mentions.ts";
import { linkStories } from "./story.ts";
import { ArchiveImages, type ImageOptions } from "../images/archive-images.ts";

export interface ArchiveOptions {
  /** Drafts are built by the dev server (with a banner) and never by a publishing build. */
  includeDrafts: boolean;
  /** The slugs names were first published under (content/published-urls.json): kept. */
  publishedSlugs?: PublishedSlugs;
  /** Warn where articles' `entities` and bodies disagree (./mention-hints.ts). */
  mentionHints?: boolean;
  /** Where the hints' look-ups are kept between builds (./mention-cache.ts); none: not kept. */
  cacheDir?: string;
  /** Told why the cache could not be used: a warning, not a failure. */
  onCacheProblem?: (reason: string) => void;
  /**
   * The build's calendar day in the site's time zone, for "On this day" on the home page;
   * injected (src/config/options.ts), never read from the clock here. None: no such section.
   */
  today?: CalendarDate;
  /** Publish static images in several sizes and formats (src/images/); none: as written. */
  images?: ImageOptions;
}

/**
 * The editor's hints for every article, with the look-ups kept in the cache when there is one.
 * They run on this thread while the Markdown workers render the bodies: every few
 * milliseconds they let the event loop send the workers their next bodies, so that both keep
 * going (a cold build of 10,000 articles spent about 5 s on the hints with the workers idle).
 */
async function hintAll(
  listed: ReadonlyMap<ArticleSource, readonly Registered<EntitySource>[]>,
  entries: readonly Registered<EntitySource>[],
  options: ArchiveOptions,
  problems: Problems,
): Promise<void> {
  const index = new NameIndex(entries);
  const onProblem = (error: unknown) => options.onCacheProblem?.(errorReason(error));
  const cache = options.cacheDir
    ? await MentionCache.open(options.cacheDir, index).catch(onProblem)
    : undefined;
  let turn = performance.now();
  for (const [source, entities] of listed) {
    hintMentions(source, entities, cache ? cache.find(source) : index.find(source.body), problems);
    if (performance.now() - turn < HINTS_TURN_MS) continue;
    await new Promise(setImmediate);
    turn = performance.now();
  }
  await cache?.save().catch(onProblem);
}

/**
 * Longest the hints hold the thread at once: less than the bodies a Markdown worker has
 * waiting (src/markdown/render-pool.ts, SENT_AHEAD) take to render, a few milliseconds each.
 */
const HINTS_TURN_MS = 5;

/** Renders many Markdown bodies at once, so the caller can cache or parallelise. */
export type RenderBodies = (bodies: readonly RenderJob[]) => Promise<RenderResult[]>;

const RELATED_COUNT = 5;
const CO_MENTION_COUNT = 12;
/**
 * Articles per page of an entity or author: more than the home page's, as such a list is long;
 * 50 keeps a page of a 10,000-article entity near 40 kB.
 */
export const ENTITY_PAGE_SIZE = 50;
/**
 * An article's story: the articles naming 3 of its first 6 listed entities (all, when it lists
 * fewer), the nearest 4 each side, looked for among the nearest 40 of each entity's articles.
 */
const STORY = { mainCount: 6, shared: 3, count: 4, reach: 40 };
/** Entities in more articles than this say little about relatedness, and cost the most to scan. */
const RELATED_CANDIDATE_LIMIT = 250;

export async function buildArchive(content: ValidatedContent, site: SiteConfig, options: ArchiveOptions, problems: Problems, render: RenderBodies): Promise<Archive> {
  const entityRegistry = new NameRegistry<EntitySource>("entity", problems);
  for (const source of content.entities) entityRegistry.register(source, source.fields.type, source.fields.aliases);
  const authorRegistry = new NameRegistry<AuthorSource>("author", problems);
  for (const source of content.authors) authorRegistry.register(source, "person", []);
  // Entity and author files are published even when no article names them yet.

  const sources = content.articles.filter((source) => options.includeDrafts || !source.fields.draft);
  const registries = { authors: authorRegistry, entities: entityRegistry };
  const mentions = sources.map((source) => namesIn(source, registries, problems));
  const published = options.publishedSlugs ?? { entities: new Map(), authors: new Map() };
  const entityRefs = new Map(entityRegistry.all(published.entities).map((entry) => [entry, toEntityRef(entry)]));
  const authorRefs = new Map(authorRegistry.all(published.authors).map((entry) => [entry, toAuthorRef(entry)]));

  const linkedMentions = new Map(sources.map((source, i) => [source, articleMentions(source, mentions[i]!.entities, entityRefs)]));
  const bodySources = [...sources, ...content.entities, ...content.authors];
  const rendering = renderBodies(bodySources, linkedMentions, render, problems);
  // Awaited below, after the hints, which the rendering's failure must not leave unhandled;
  // if the hints fail, the rendering ends before the build does, so that nothing is left working.
  rendering.catch(() => undefined);
  if (options.mentionHints) {
    const listed = new Map(sources.map((source, i) => [source, mentions[i]!.listed]));
    const entries = [...entityRefs.keys()];
    await hintAll(listed, entries, options, problems).catch(async (error: unknown) => {
      await rendering.catch(() => undefined);
      throw error;
    });
  }
  const bodies = await rendering;
  const articles = sources.map((source, i) => {
    const { authors, entities, topics } = mentions[i]!;
    const refs = { authors: authors.map((a) => authorRefs.get(a)!), entities: entities.map((e) => entityRefs.get(e)!), topics: topics.map((e) => entityRefs.get(e)!) };
    return toArticle(source, bodies.get(source)!, refs);
  });
  const images = options.images ? new ArchiveImages(options.images, problems) : undefined;
  await images?.addToArticles(articles, sources);
  checkUniqueUrls(articles, sources, problems);
  articles.sort(newestFirst);
  const linkTo = sharedLinks();
  linkNeighbours(articles, linkTo);

  const counter = new EntityCounter(articles);
  const entities = buildEntities(articles, entityRefs, bodies, counter);
  const authors = buildAuthors(articles, authorRefs, bodies, counter);
  const authorSources = new Map([...authorRefs].map(([entry, ref]) => [ref.slug, entry.source]));
  await images?.addToAuthors(authors, (author) => authorSources.get(author.slug));
  const entitySources = new Map([...entityRefs].map(([entry, ref]) => [ref.slug, entry.source]));
  await images?.addToEntities(entities, (entity) => entitySources.get(entity.slug));
  const related = { count: RELATED_COUNT, candidateLimit: RELATED_CANDIDATE_LIMIT, link: linkTo };
  linkRelated(articles, entities, related);
  for (const [article, story] of linkStories(articles, entities, { ...STORY, link: linkTo })) {
    article.story = story;
    // An article of its story is listed there, in its place in time, not again as related.
    const told = new Set([...story.earlier, ...story.since]);
    article.related = article.related.filter((link) => !told.has(link));
  }
  // Nothing changes an article once it is linked; frozen, it cannot, and page input hashing
  // (src/publish/page-inputs.ts) may then keep what a list shows of it.
  for (const article of articles) deepFreeze(article);

  const { years, months } = dateArchives(articles, ENTITY_PAGE_SIZE);
  const homePages: HomePage[] = paginate(articles, site.pageSize, siteUrl("/"), {});
  const groups = entityGroups(entities);
  if (options.today && homePages[0]) homePages[0].onThisDay = onThisDay(articles, options.today);
  const archive: Archive = {
    site,
    articles,
    homePages,
    years,
    months,
    authors,
    authorPages: authors.flatMap((author) => authorPages(author, ENTITY_PAGE_SIZE)),
    entities,
    entityPages: entities.flatMap((entity) => entityPages(entity, ENTITY_PAGE_SIZE, linkTo)),
    entityGroups: groups,
    entityIndexPages: entityIndexPages(groups),
    redirects: [...articleRedirects(articles, sources), ...renamedEntityRedirects(published.entities, entityRegistry, entities)],
    withdrawn: site.withdrawn.map((page) => withdrawnPage(page)),
    corrections: correctionNotices(articles),
    imageFiles: [...(images?.files ?? [])].sort(),
    problems: [],
    ...(articles[0] ? { lastUpdated: articles[0].updated ?? articles[0].date } : {}),
  };
  // Frozen (its top level) so that Eleventy's data merge shares it instead of copying it whole.
  return Object.freeze(archive);
}

/** Each earlier path an article lists in `aliases` leads to it. */
function articleRedirects(articles: readonly Article[], sources: readonly ArticleSource[]): Redirect[] {
  const bySource = new Map(articles.map((article) => [article.sourcePath, article]));
  return sources.flatMap((source) => {
    const article = bySource.get(source.file.path)!;
    return source.fields.aliases.map((url, i) => ({ url, target: article.url, title: article.title, sourcePath: source.file.path, place: source.locate(["aliases", i]) }));
  });
}

/**
 * A name published with a page of its own that is now another entity's alias ("Facebook",
 * once its own entity, now an alias of "Meta"): its old page leads to the entity it joined.
 */
function renamedEntityRedirects(published: PublishedSlugs["entities"], registry: NameRegistry<EntitySource>, entities: readonly Entity[]): Redirect[] {
  const held = new Set(entities.map((entity) => entity.slug));
  const redirects: Redirect[] = [];
  for (const [key, slug] of published) {
    const now = registry.find(key);
    if (!now || now.slug === slug || held.has(slug)) continue;
    held.add(slug);
    redirects.push({ url: siteUrl(`/entities/${slug}/`), target: siteUrl(`/entities/${now.slug}/`), title: now.name, ...(now.source ? { sourcePath: now.source.file.path } : {}) });
  }
  return redirects;
}

function withdrawnPage(page: SiteConfig["withdrawn"][number]): WithdrawnPage {
  const date = parseCalendarDate(page.date) as CalendarDate;
  return page.reason ? { url: page.url, date, reason: page.reason } : { url: page.url, date };
}

/** The authors and entities an article names, each resolved once; a repeated author warned. */
function namesIn(
  source: ArticleSource,
  registries: { authors: NameRegistry<AuthorSource>; entities: NameRegistry<EntitySource> },
  problems: Problems,
): { authors: Registered<AuthorSource>[]; entities: Registered<EntitySource>[]; topics: Registered<EntitySource>[]; listed: Registered<EntitySource>[] } {
  const file = source.file.path;
  // locate() falls back to the key itself when `author` is one name rather than a list.
  const authors = source.fields.author.map((name, i) =>
    registries.authors.resolve({ name, file, place: placeIn(source, ["author", i]) }),
  );
  const entities = source.fields.entities.map((mention, i) => {
    const place = placeIn(source, ["entities", i]);
    return registries.entities.resolve({ ...mentionName(mention), file, place });
  });
  // A tag is a topic: the same entity as a same-named one, with one page (`tags` is shorthand).
  const topics = source.fields.tags.map((name, i) => {
    const place = placeIn(source, ["tags", i]);
    return registries.entities.resolve({ name, type: "topic", tag: true, file, place });
  });
  const repeated = (author: Registered<AuthorSource>) => {
    const message = `author "${author.name}" is listed more than once`;
    const place = source.locate(["author"]);
    problems.warn(file, "author-repeated", message, "list each author once", place);
  };
  return { authors: dedupeWarning(authors, repeated), entities: dedupe([...entities, ...topics]), topics: dedupe(topics), listed: entities };
}

/**
 * Where a name is written, looked up only if asked (for a warning). Not an arrow function in
 * place: tsx keeps the names of those, at a cost per function made, and there is one per name.
 */
function placeIn(source: ArticleSource, path: KeyPath): () => Place {
  return () => source.locate(path);
}

function mentionName(mention: EntityMention): { name: string; type?: EntityType } {
  return typeof mention === "string" ? { name: mention } : mention;
}

type BodySource = ArticleSource | EntitySource | AuthorSource;

/** The entities an article's body links at their first mention (src/archive/mentions.ts). */
function articleMentions(source: ArticleSource, entities: readonly Registered<EntitySource>[], refs: ReadonlyMap<Registered<EntitySource>, EntityRef>): RenderJob["mentions"] {
  return mentionTargets(source.fields.link_mentions, entities.map((entry) => {
    const fields = entry.source?.fields;
    return { name: entry.name, aliases: fields?.aliases ?? [], url: refs.get(entry)!.url, linkMentions: fields?.link_mentions ?? true, ...(fields?.description ? { description: fields.description } : {}) };
  }));
}

/** Every body rendered at once; one that cannot be rendered is a problem at its line, and empty. */
async function renderBodies(sources: readonly BodySource[], mentions: ReadonlyMap<BodySource, RenderJob["mentions"]>, render: RenderBodies, problems: Problems): Promise<Map<BodySource, RenderedBody>> {
  const results = await render(sources.map((source) => {
    const linked = mentions.get(source);
    return linked?.length ? { body: source.body, mentions: linked } : { body: source.body };
  }));
  return new Map(
    sources.map((source, i) => {
      const result = results[i]!;
      if (!("failure" in result)) return [source, result];
      problems.error(source.file.path, "markdown-failed", result.failure, result.fix, { line: source.bodyLine });
      return [source, { html: "", text: "", wordCount: 0 }];
    }),
  );
}

function toEntityRef(entry: Registered<EntitySource>): EntityRef {
  return { name: entry.name, slug: entry.slug, url: siteUrl(`/entities/${entry.slug}/`), type: entry.type };
}

function toAuthorRef(entry: Registered<AuthorSource>): AuthorRef {
  return { name: entry.name, slug: entry.slug, url: siteUrl(`/authors/${entry.slug}/`) };
}

interface ArticleRefs {
  authors: AuthorRef[];
  entities: EntityRef[];
  /** The entities its tags name. */
  topics: EntityRef[];
}

function toArticle(source: ArticleSource, body: RenderedBody, { authors, entities, topics }: ArticleRefs): Article {
  const { fields, date } = source;
  const slug: Slug = slugify(fields.slug ?? source.file.stem);
  const article: Article = {
    title: fields.title,
    url: siteUrl(`/${pad4(date.year)}/${pad2(date.month)}/${pad2(date.day)}/${slug}/`),
    date,
    sourcePath: source.file.path,
    slug,
    authors,
    entities,
    topics: [...new Set([...topics, ...entities.filter((entity) => entity.type === "topic")])],
    draft: fields.draft,
    linkMentions: fields.link_mentions,
    html: body.html,
    wordCount: body.wordCount,
    related: [],
    corrections: corrections(fields.corrections),
  };
  if (fields.summary) article.summary = fields.summary;
  if (source.updated) article.updated = source.updated;
  if (fields.image) article.image = toImage(fields.image);
  return article;
}

/** Validated already: each date parses. Oldest first, whatever order they were written in. */
function corrections(written: ArticleSource["fields"]["corrections"]): Correction[] {
  const parsed = written.map(({ date, text }) => ({
    date: parseCalendarDate(date) as CalendarDate,
    text,
  }));
  return parsed.sort((a, b) => -newerCorrection(a, b));
}

function newerCorrection(a: Correction, b: Correction): number {
  return compareText(b.date.iso, a.date.iso) || compareText(b.date.written, a.date.written);
}

/** Every article's corrections, newest first, each with the article and its anchor there. */
function correctionNotices(articles: readonly Article[]): CorrectionNotice[] {
  const notices = articles.flatMap((article) =>
    article.corrections.map((correction, index) => ({
      ...correction,
      article: { ...link(article), authors: article.authors },
      anchor: `correction-${index + 1}`,
    })),
  );
  return notices.sort(newerCorrection);
}

function checkUniqueUrls(articles: readonly Article[], sources: readonly ArticleSource[], problems: Problems): void {
  const seen = new Map<SiteUrl, ArticleSource>();
  articles.forEach((article, i) => {
    const source = sources[i]!;
    const first = seen.get(article.url);
    if (!first) seen.set(article.url, source);
    else problems.error(source.file.path, "duplicate-url", `publishes to ${article.url}, as ${first.file.relativePath} does`, "give one of the two a different slug: in the front matter or by renaming the file", source.locate(["slug"]));
  });
}

export function newestFirst(a: Article, b: Article): number {
  return compareText(b.date.iso, a.date.iso) || compareText(b.date.written, a.date.written) || compareText(a.url, b.url);
}

function link(article: Article): ArticleLink {
  return article.summary ? { title: article.title, url: article.url, date: article.date, summary: article.summary } : { title: article.title, url: article.url, date: article.date };
}

/** One link to each article, shared by every article that links to it. */
function sharedLinks(): (article: Article) => ArticleLink {
  const links = new Map<Article, ArticleLink>();
  return (article) => {
    let shared = links.get(article);
    if (!shared) links.set(article, (shared = link(article)));
    return shared;
  };
}

function linkNeighbours(articles: Article[], link: (article: Article) => ArticleLink): void {
  articles.forEach((article, i) => {
    const newer = articles[i - 1];
    const older = articles[i + 1];
    if (newer) article.next = link(newer);
    if (older) article.previous = link(older);
  });
}

function buildEntities(
  articles: readonly Article[],
  refs: Map<Registered<EntitySource>, EntityRef>,
  bodies: ReadonlyMap<BodySource, RenderedBody>,
  counter: EntityCounter,
): Entity[] {
  const entities = [...refs].map(([{ source }, ref]): Entity => {
    const entity: Entity = { ...ref, aliases: source?.fields.aliases ?? [], links: source?.fields.links ?? [], linkMentions: source?.fields.link_mentions ?? true, articles: [], coMentions: [] };
    if (source?.fields.description) entity.description = source.fields.description;
    if (source?.fields.image) entity.image = toImage(source.fields.image);
    return withSource(entity, source, bodies);
  });
  gatherArticles(entities, articles, (article) => article.entities);
  for (const entity of entities) {
    entity.coMentions = counter.top(entity.articles, CO_MENTION_COUNT, entity.slug);
  }
  return sortByName(entities);
}

function buildAuthors(
  articles: readonly Article[],
  refs: Map<Registered<AuthorSource>, AuthorRef>,
  bodies: ReadonlyMap<BodySource, RenderedBody>,
  counter: EntityCounter,
): Author[] {
  const authors = [...refs].map(([{ source }, ref]): Author => {
    const author: Author = { ...ref, links: source?.fields.links ?? [], articles: [], topEntities: [] };
    if (source?.fields.bio) author.bio = source.fields.bio;
    if (source?.fields.image) author.image = source.fields.image;
    return withSource(author, source, bodies);
  });
  gatherArticles(authors, articles, (article) => article.authors);
  for (const author of authors) author.topEntities = counter.top(author.articles, CO_MENTION_COUNT);
  return sortByName(authors);
}

/** An image as pages show it: without `alt`, it says nothing (a warning says so, src/images/). */
function toImage({ src, alt, caption }: DescribedImage): ArticleImage {
  return { src, alt: alt ?? "", ...(caption ? { caption } : {}) };
}

/** Where an entity or author came from, and its file's body, when it has a file. */
function withSource<T extends { sourcePath?: SourcePath; html?: string }>(item: T, source: EntitySource | AuthorSource | undefined, bodies: ReadonlyMap<BodySource, RenderedBody>): T {
  if (!source) return item;
  item.sourcePath = source.file.path;
  const html = bodies.get(source)?.html;
  if (html) item.html = html;
  return item;
}

/** Files each article under the entities or authors it names, keeping the articles' order. */
function gatherArticles(items: readonly { slug: Slug; articles: Article[] }[], articles: readonly Article[], named: (article: Article) => readonly { slug: Slug }[]): void {
  const bySlug = new Map(items.map((item) => [item.slug, item]));
  for (const article of articles) for (const ref of named(article)) bySlug.get(ref.slug)?.articles.push(article);
}

/** By name in any case, then by slug; each name folded once, not at every comparison. */
function sortByName<T extends { name: string; slug: Slug }>(items: T[]): T[] {
  const keyed = items.map((item) => ({ item, name: item.name.toLowerCase() }));
  keyed.sort((a, b) => compareText(a.name, b.name) || compareText(a.item.slug, b.item.slug));
  return keyed.map(({ item }) => item);
}

/** Freezes `value` and the arrays and objects it holds. */
function deepFreeze(value: unknown): void {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const part of Object.values(value)) deepFreeze(part);
}

function dedupe<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function dedupeWarning<T>(items: T[], warn: (repeated: T) => void): T[] {
  const unique = dedupe(items);
  if (unique.length < items.length) for (const item of new Set(items.filter((item, i) => items.indexOf(item) !== i))) warn(item);
  return unique;
}
