// The archive model: what every page, feed and index presents. Built once per build by
// ./build.ts from validated content; templates read it and never compute from it.
import type { CalendarDate } from "../content/dates.ts";
import type { Place, Problem } from "../content/problems.ts";
import type { Slug, SiteUrl, SourcePath } from "../content/paths.ts";
import type { IconFormat } from "./pages.ts";
import type { EntityType, SiteConfig } from "../content/schema.ts";

export type Site = SiteConfig;

export interface AuthorRef {
  name: string;
  slug: Slug;
  url: SiteUrl;
}

export interface EntityRef {
  name: string;
  slug: Slug;
  url: SiteUrl;
  type: EntityType;
}

/** A short reference to an article, for lists that sit on another article's page. */
export interface ArticleLink {
  title: string;
  url: SiteUrl;
  date: CalendarDate;
  summary?: string;
}

/** An article's lead image, or an entity's picture (its file's `image`). */
export interface ArticleImage {
  src: string;
  alt: string;
  caption?: string;
  /** Its sizes and formats, when `src` is a file of the archive's static folder (src/images/). */
  responsive?: ResponsiveImage;
}

/** An image published in several widths and formats (src/images/variants.ts). */
export interface ResponsiveImage {
  /** The widest variant's size in pixels, for the width and height attributes. */
  width: number;
  height: number;
  /** Modern formats first (AVIF, WebP): the browser takes the first it knows. */
  sources: { type: string; srcset: string }[];
  /** The widest JPEG or PNG (the source's own format), for browsers and previews without them. */
  fallback: { type: string; src: string; srcset: string };
  /** The fallback nearest to 1200 pixels wide, for link previews (og:image). */
  preview: { url: string; width: number; height: number };
  /** The narrowest fallback, for search results (Pagefind's `image` meta). */
  thumbnail: string;
  /** Site-folder paths of every variant (`img/…`), published beside the pages. */
  files: string[];
}

/** A dated correction notice (front matter `corrections`). */
export interface Correction {
  date: CalendarDate;
  text: string;
}

/** A correction with the article it corrects, for /corrections/ and its feed. */
export interface CorrectionNotice extends Correction {
  article: ArticleLink & { authors: AuthorRef[] };
  /** The fragment of the article page that shows it: `correction-1`, `correction-2`… */
  anchor: string;
}

export interface Article extends ArticleLink {
  sourcePath: SourcePath;
  slug: Slug;
  updated?: CalendarDate;
  authors: AuthorRef[];
  /** Everything it names: the entities it lists, then those its tags name. */
  entities: EntityRef[];
  /** The topics among them: those its tags name, then listed entities of type topic. */
  topics: EntityRef[];
  draft: boolean;
  /** false when its front matter says `link_mentions: false`. */
  linkMentions: boolean;
  image?: ArticleImage;
  /** Oldest first, as they were made. */
  corrections: Correction[];
  /** Sanitized HTML of the body. */
  html: string;
  wordCount: number;
  /** Articles sharing the most (and the rarest) entities with this one. */
  related: ArticleLink[];
  /** The other articles sharing its main entities, in date order around it (./story.ts). */
  story?: Story;
  /** The next older and next newer articles in the whole archive. */
  previous?: ArticleLink;
  next?: ArticleLink;
}

/** An article's story: the articles before and since it that share its main entities. */
export interface Story {
  /** Oldest first, ending with the one just before. */
  earlier: ArticleLink[];
  /** Oldest first, starting with the one just after. */
  since: ArticleLink[];
}

export interface EntityCount {
  entity: EntityRef;
  count: number;
}

export interface Entity extends EntityRef {
  aliases: string[];
  description?: string;
  links: string[];
  /** false when its file says `link_mentions: false`: mentions of it stay plain text. */
  linkMentions: boolean;
  /** Its picture (a map, a logo, a portrait): `alt` is empty when the file gives none. */
  image?: ArticleImage;
  /** Sanitized HTML of the entity file's body, when it has one. */
  html?: string;
  sourcePath?: SourcePath;
  /** Articles that list this entity, newest first. */
  articles: Article[];
  /** Entities listed most often in the same articles, most first. */
  coMentions: EntityCount[];
}

export interface Author extends AuthorRef {
  bio?: string;
  links: string[];
  /** A photo: a path on the site or an http(s) address (the author file's `image`). */
  image?: string;
  /** The photo's sizes and formats, when it is a file of the static folder (src/images/). */
  photo?: ResponsiveImage;
  html?: string;
  sourcePath?: SourcePath;
  articles: Article[];
  /** The entities this author writes about most. */
  topEntities: EntityCount[];
}

/** A year or month with articles, as its neighbours link to it (`month` for a month). */
export interface DateArchiveRef {
  year: number;
  month?: number;
  url: SiteUrl;
}

/** One page of a month's articles (./date-archives.ts): `/2020/08/`, `/2020/08/page/2/`… */
export interface MonthArchive extends ListPage {
  year: number;
  month: number;
  yearUrl: SiteUrl;
  /** All of the month's articles, on every page. */
  articleCount: number;
  /** The nearest older and newer months with articles. */
  previous?: DateArchiveRef;
  next?: DateArchiveRef;
}

export interface YearArchive {
  year: number;
  url: SiteUrl;
  /** The first page of each month with articles, newest first. */
  months: MonthArchive[];
  articleCount: number;
  /** The year's lead stories (./date-archives.ts, leadStories). */
  leads: Article[];
  /** The nearest older and newer years with articles. */
  previous?: DateArchiveRef;
  next?: DateArchiveRef;
}

/** Articles of the same month and day in earlier years, for the home page. */
export interface OnThisDay {
  /** The build's day, in the site's time zone. */
  day: { month: number; day: number; iso: string };
  /** Newest first; empty when there are none (the section is then left out). */
  articles: Article[];
}

/** A page number a list offers (./pagination.ts), or a gap of numbers left out. */
export type PageSlot = { pageNumber: number; url: SiteUrl } | { gap: true };

/** One page of a paginated list, as its pager links it (./pagination.ts). */
export interface Paged {
  url: SiteUrl;
  pageNumber: number;
  pageCount: number;
  firstUrl: SiteUrl;
  lastUrl: SiteUrl;
  previousUrl?: SiteUrl;
  nextUrl?: SiteUrl;
  /** The page numbers to offer, in order; none when the list has one page. */
  slots: PageSlot[];
}

/** One page of a list of articles: home, month, author and entity pages. */
export interface ListPage extends Paged {
  articles: Article[];
}

/** A page of the home page; the first also shows "On this day" when the build has a day. */
export interface HomePage extends ListPage {
  onThisDay?: OnThisDay;
}

export interface YearCount {
  year: number;
  count: number;
}

/** What every page of an entity shows above its articles (./entity-pages.ts). */
export interface EntityProfile extends EntityRef {
  aliases: string[];
  description?: string;
  links: string[];
  image?: ArticleImage;
  html?: string;
  articleCount: number;
  /** Articles per year, from the first year to the latest, years without any included. */
  perYear: YearCount[];
  /** Years with articles, newest first: where on which page each year's articles begin. */
  years: (YearCount & { url: string })[];
  first?: ArticleLink;
  latest?: ArticleLink;
  /** Entities named in the same articles: `count` is the number of articles naming both. */
  coMentions: EntityCount[];
  /** The entity's Atom feed (`/entities/<slug>/feed.xml`, src/feeds/feeds.ts). */
  feedUrl: SiteUrl;
}

/** What every page of an author shows above their articles (./author-pages.ts). */
export interface AuthorProfile extends AuthorRef {
  bio?: string;
  html?: string;
  image?: string;
  photo?: ResponsiveImage;
  links: string[];
  articleCount: number;
  perYear: YearCount[];
  years: (YearCount & { url: string })[];
  topEntities: EntityCount[];
}

export interface AuthorPage extends ListPage {
  profile: AuthorProfile;
}

/** One page of an entity: its profile, and a page of its articles, newest first. */
export interface EntityPage extends ListPage {
  profile: EntityProfile;
}

export interface EntityGroup {
  type: EntityType;
  /** By name. */
  entities: Entity[];
}

/** An entity as the entities index lists it: its name, page and number of articles. */
export interface IndexEntry {
  name: string;
  url: SiteUrl;
  count: number;
}

/** Where a heading of the entities index is: the page it starts on, and its id there. */
export interface IndexTarget {
  label: string;
  url: SiteUrl;
  id: string;
}

/** A type in the index's jump links: its count, where it starts, where each section starts. */
export interface IndexContents {
  type: EntityType;
  /** Where the type's heading is: its first page, and the heading's id. */
  url: SiteUrl;
  id: string;
  count: number;
  sections: IndexTarget[];
}

/** The part of a type that one page of the index shows, section by section. */
export interface IndexPageGroup {
  type: EntityType;
  count: number;
  /** The type began on an earlier page. */
  continued: boolean;
  sections: { label: string; id: string; continued: boolean; entries: IndexEntry[] }[];
}

/**
 * One page of the entities index (./entity-index.ts): by name at `/entities/`, by number of
 * articles at `/entities/by-count/`, each paginated, with jump links to every type and section
 * (a letter, or a band of counts) on whichever page it starts.
 */
export interface EntityIndexPage extends Paged {
  order: "name" | "count";
  /** The first page of the index in the other order. */
  otherUrl: SiteUrl;
  contents: IndexContents[];
  groups: IndexPageGroup[];
}

/** An earlier URL that now leads to a page elsewhere on the site. */
export interface Redirect {
  url: SiteUrl;
  target: SiteUrl;
  /** The title of the page it leads to. */
  title: string;
  /** Where the redirect was asked for: an article's `aliases`, or a renamed entity. */
  sourcePath?: SourcePath;
  place?: Place;
}

/** A published URL taken down on purpose (site.yaml `withdrawn`): a notice, not a 404. */
export interface WithdrawnPage {
  url: SiteUrl;
  date: CalendarDate;
  reason?: string;
}

export interface Archive {
  site: Site;
  /** Published articles, newest first (drafts only when the build includes them). */
  articles: Article[];
  homePages: HomePage[];
  years: YearArchive[];
  /** Every page of every month: `/2020/08/`, then `/2020/08/page/2/`, … */
  months: MonthArchive[];
  authors: Author[];
  /** Every author's pages: `/authors/<slug>/`, then `/authors/<slug>/page/2/`, … */
  authorPages: AuthorPage[];
  entities: Entity[];
  /** Every entity's pages: `/entities/<slug>/`, then `/entities/<slug>/page/2/`, … */
  entityPages: EntityPage[];
  entityGroups: EntityGroup[];
  /** The entities index's pages: by name (`/entities/`, …), then by count (./entity-index.ts). */
  entityIndexPages: EntityIndexPage[];
  redirects: Redirect[];
  withdrawn: WithdrawnPage[];
  /** Every correction of a published article, newest first. */
  corrections: CorrectionNotice[];
  /** The newest date in the archive: stands for "now" in feeds, so output is reproducible. */
  lastUpdated?: CalendarDate;
  /** Site-folder paths of every image variant the pages use (src/images/), to publish. */
  imageFiles: string[];
  /** Content errors, shown on every page by the dev server; always empty in a published site. */
  problems: Problem[];
  /** Set in `npm start`'s preview, never in a published site. */
  preview?: boolean;
  /**
   * The site's icons that the archive's static folder provides, so that the build does not
   * draw them (src/icons/site-icons.ts); set by src/pipeline.ts.
   */
  ownIcons?: IconFormat[];
}
