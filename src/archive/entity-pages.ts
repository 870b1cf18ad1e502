// Part of the archive model (./build.ts): each entity's story at a glance (articles per year,
// first and latest mention, the entities named with it) and its articles, paginated at
// `/entities/<slug>/`, `/entities/<slug>/page/2/`, … Every number an entity page shows is here.
import type { SiteUrl } from "../content/paths.ts";
import { listPageUrl, paginate } from "./pagination.ts";
import { subjectFeedUrl } from "./pages.ts";
import type {
  Article,
  ArticleLink,
  Entity,
  EntityPage,
  EntityProfile,
  ListPage,
  YearCount,
} from "./model.ts";

/** The id of the heading of a year's articles on an entity page. */
export function yearAnchor(year: number): string {
  return `y${year}`;
}

/**
 * Articles per year from the first year to the latest, years without any included (a chart
 * with gaps left out would read as a steady story); `articles` are newest first.
 */
export function articlesPerYear(articles: readonly Article[]): YearCount[] {
  const latest = articles[0]?.date.year;
  const first = articles.at(-1)?.date.year;
  if (latest === undefined || first === undefined) return [];
  const counts = new Map<number, number>();
  for (const article of articles)
    counts.set(article.date.year, (counts.get(article.date.year) ?? 0) + 1);
  return Array.from({ length: latest - first + 1 }, (_, i) => ({
    year: first + i,
    count: counts.get(first + i) ?? 0,
  }));
}

/** What every page of an entity shows above its articles; one object, shared by its pages. */
export function entityProfile(
  entity: Entity,
  pageSize: number,
  link: (article: Article) => ArticleLink,
): EntityProfile {
  const { articles } = entity;
  const first = articles.at(-1);
  const latest = articles[0];
  const profile: EntityProfile = {
    name: entity.name,
    slug: entity.slug,
    url: entity.url,
    type: entity.type,
    aliases: entity.aliases,
    links: entity.links,
    articleCount: articles.length,
    perYear: articlesPerYear(articles),
    years: yearStarts(entity, pageSize),
    coMentions: entity.coMentions,
    feedUrl: subjectFeedUrl(entity.url),
  };
  if (entity.description) profile.description = entity.description;
  if (entity.html) profile.html = entity.html;
  if (entity.image) profile.image = entity.image;
  if (first) profile.first = link(first);
  if (latest) profile.latest = link(latest);
  return profile;
}

/** An entity's or author's page and articles, newest first. */
interface Subject {
  url: SiteUrl;
  articles: readonly Article[];
}

/** Each year with articles, newest first, with the page and heading where its articles begin. */
export function yearStarts(subject: Subject, pageSize: number): EntityProfile["years"] {
  const years: EntityProfile["years"] = [];
  subject.articles.forEach((article, i) => {
    const current = years.at(-1);
    if (current?.year === article.date.year) return void current.count++;
    const page = listPageUrl(subject.url, Math.floor(i / pageSize) + 1);
    years.push({
      year: article.date.year,
      count: 1,
      url: `${page}#${yearAnchor(article.date.year)}`,
    });
  });
  return years;
}

/** A subject's pages: its profile on each, and `pageSize` of its articles, newest first. */
export function subjectPages<P>(
  subject: Subject,
  pageSize: number,
  profile: P,
): (ListPage & { profile: P })[] {
  return paginate(subject.articles, pageSize, subject.url, { profile });
}

/** An entity's pages: its profile on each, and `pageSize` of its articles, newest first. */
export function entityPages(
  entity: Entity,
  pageSize: number,
  link: (article: Article) => ArticleLink,
): EntityPage[] {
  return subjectPages(entity, pageSize, entityProfile(entity, pageSize, link));
}
