// Part of the archive model (./build.ts): the archive by date. Each year with its months and
// their counts, its lead stories and its neighbours; each month's pages of articles and its
// neighbours; "On this day" for the home page. Only years and months with articles exist.
import { type CalendarDate, pad2, pad4 } from "../content/dates.ts";
import { type SiteUrl, siteUrl } from "../content/paths.ts";
import type { Article, DateArchiveRef, MonthArchive, OnThisDay, YearArchive } from "./model.ts";
import { paginate } from "./pagination.ts";

/** Lead stories on a year's page. */
export const LEAD_COUNT = 5;
/** Articles on one "On this day" list: a few, from the latest years. */
export const ON_THIS_DAY_COUNT = 10;

/** The year's archive page: `/2020/`. */
export function yearArchiveUrl(year: number): SiteUrl {
  return siteUrl(`/${pad4(year)}/`);
}

/** The month's archive page: `/2020/08/`, where an article's date leads. */
export function monthArchiveUrl(date: Pick<CalendarDate, "year" | "month">): SiteUrl {
  return siteUrl(`/${pad4(date.year)}/${pad2(date.month)}/`);
}

/** A year's articles, month by month; `articles` are the archive's, newest first. */
interface YearGroup {
  year: number;
  months: Article[][];
}

function groupByMonth(articles: readonly Article[]): YearGroup[] {
  const years: YearGroup[] = [];
  for (const article of articles) {
    const { year, month } = article.date;
    let group = years.at(-1);
    if (group?.year !== year) years.push((group = { year, months: [] }));
    const current = group.months.at(-1);
    if (current?.[0]?.date.month === month) current.push(article);
    else group.months.push([article]);
  }
  return years;
}

/**
 * Every year and every month page, newest first. Months are paginated as every list is
 * (`/2020/08/page/2/`, `pageSize` articles a page); `years[i].months` holds their first pages.
 * A month's neighbours are the nearest older and newer months with articles, across years.
 */
export function dateArchives(
  articles: readonly Article[],
  pageSize: number,
): { years: YearArchive[]; months: MonthArchive[] } {
  const groups = groupByMonth(articles);
  const monthRefs = groups.flatMap((group) =>
    group.months.map((month) => monthRef(month[0]!.date)),
  );
  const yearRefs = groups.map((group) => ({ year: group.year, url: yearArchiveUrl(group.year) }));
  const months: MonthArchive[] = [];
  let index = 0;
  const years = groups.map((group, y): YearArchive => {
    const firstPages = group.months.map((monthArticles) => {
      const neighbours = around(monthRefs, index++);
      const pages = monthPages(monthArticles, pageSize, neighbours);
      months.push(...pages);
      return pages[0]!;
    });
    return {
      year: group.year,
      url: yearRefs[y]!.url,
      months: firstPages,
      articleCount: group.months.reduce((sum, month) => sum + month.length, 0),
      leads: leadStories(group.months.flat(), LEAD_COUNT),
      ...around(yearRefs, y),
    };
  });
  return { years, months };
}

function monthRef(date: CalendarDate): DateArchiveRef {
  return { year: date.year, month: date.month, url: monthArchiveUrl(date) };
}

/** The neighbours of item `i` of a newest-first list: `previous` older, `next` newer. */
function around<T>(refs: readonly T[], i: number): { previous?: T; next?: T } {
  const older = refs[i + 1];
  const newer = refs[i - 1];
  return { ...(older ? { previous: older } : {}), ...(newer ? { next: newer } : {}) };
}

function monthPages(
  articles: readonly Article[],
  pageSize: number,
  neighbours: { previous?: DateArchiveRef; next?: DateArchiveRef },
): MonthArchive[] {
  const { year, month } = articles[0]!.date;
  const url = monthArchiveUrl({ year, month });
  const extra = {
    year,
    month,
    yearUrl: yearArchiveUrl(year),
    articleCount: articles.length,
    ...neighbours,
  };
  return paginate(articles, pageSize, url, extra);
}

/**
 * A year's lead stories, by the rule a front-page editor would use looking back: the stories
 * the archive covered most. An article weighs the number of articles on its story (those
 * sharing its main entities, ./story.ts), then the number of entities it names (the fuller
 * report of a story), then its date (newest first); one article per story, so that the leads
 * are five stories and not five days of one. Dateline's front matter has no "featured" flag;
 * the rule reads the front matter only (never the body), so that a body edit changes no list.
 */
export function leadStories(articles: readonly Article[], count: number): Article[] {
  const weight = (article: Article) =>
    article.story ? article.story.earlier.length + article.story.since.length : 0;
  const ranked = articles
    .map((article, order) => ({ article, weight: weight(article), order }))
    .sort(
      (a, b) =>
        b.weight - a.weight ||
        b.article.entities.length - a.article.entities.length ||
        a.order - b.order,
    );
  const leads: Article[] = [];
  const told = new Set<string>();
  for (const { article } of ranked) {
    if (leads.length === count) break;
    if (told.has(article.url)) continue;
    leads.push(article);
    told.add(article.url);
    for (const link of [...(article.story?.earlier ?? []), ...(article.story?.since ?? [])])
      told.add(link.url);
  }
  return leads;
}

/**
 * The articles published on `day`'s month and day in earlier years, newest first, for the
 * home page. `day` is the build's calendar day in the newsroom's time zone (site.yaml
 * `timezone`), injected by the command that builds (src/config/options.ts): the model never
 * reads the clock, so the same archive and day always publish the same site.
 */
export function onThisDay(
  articles: readonly Article[],
  day: Pick<CalendarDate, "year" | "month" | "day" | "iso">,
): OnThisDay {
  const matching = articles.filter(
    (article) =>
      article.date.month === day.month &&
      article.date.day === day.day &&
      article.date.year < day.year,
  );
  return {
    day: { month: day.month, day: day.day, iso: day.iso },
    articles: matching.slice(0, ON_THIS_DAY_COUNT),
  };
}
