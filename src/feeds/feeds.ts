// Stage 8, feeds: the newest articles as Atom (/feed.xml), RSS 2.0 (/rss.xml) and JSON Feed 1.1
// (/feed.json). Serialised by feedsmith: maintained, typed, one library for all three formats
// (and a parser for importing feeds later), and it escapes text and attributes alike, unlike the
// `feed` package, which escaped only `&` in attributes so that an entity named `a<b` broke the
// XML. What is ours: one list of entries, with XML-safe text and URLs made by the URL API.
// Known wart: feedsmith pretty-prints, so text it puts in CDATA (anything with < > &) gets a
// line break and indentation around it, which readers trim (Atom lets them collapse white
// space); ids and links are URLs, which never hold < > &, so they are never wrapped.
import { generateAtomFeed, generateJsonFeed, generateRssFeed } from "feedsmith";
import { toHtml } from "hast-util-to-html";
import type { Token } from "parse5";
import { SAXParser } from "parse5-sax-parser";
import { stringifyEntities } from "stringify-entities";
import type { Archive, Article, Author, Entity } from "../archive/model.ts";
import type { CorrectionNotice } from "../archive/model.ts";
import {
  absoluteUrl,
  CORRECTIONS_FEED_URL,
  CORRECTIONS_URL,
  subjectFeedUrl,
} from "../archive/pages.ts";
import { type CalendarDate, publicationMoment } from "../content/dates.ts";
import type { SiteUrl } from "../content/paths.ts";
import { xmlSafe } from "./xml-text.ts";

export const FEED_SIZE = 50;

/** The feeds a build writes, by URL. */
export const FEED_URLS = { atom: "/feed.xml", rss: "/rss.xml", json: "/feed.json" } as const;

/** The Atom feed of one author's or one entity's newest articles, beside its page. */
export interface SubjectFeed {
  /** The feed's own URL: `<the page's URL>feed.xml`. */
  url: SiteUrl;
  /** The author's or entity's page. */
  page: SiteUrl;
  name: string;
  /** Newest first, at most FEED_SIZE: all that the feed shows, so all that it is made from. */
  articles: Article[];
  /**
   * A feed without articles (an entity or author file no article names yet) says it was updated
   * when the archive was: its date is then one of its inputs.
   */
  archiveUpdated?: CalendarDate;
}

/** What every feed says about the site and its newest articles, in the same words. */
interface FeedContent {
  title: string;
  description: string;
  language: string;
  home: string;
  updated: Date;
  entries: FeedEntry[];
}

interface FeedEntry {
  url: string;
  title: string;
  summary?: string;
  /** The body's HTML, with links made absolute: feed readers resolve them against the feed. */
  html: string;
  published: Date;
  updated: Date;
  authors: { name: string; url: string }[];
  /** The names of the entities the article is about. */
  categories: string[];
}

function subjectFeed(archive: Archive, subject: Author | Entity): SubjectFeed {
  const { url: page, name } = subject;
  const articles = subject.articles.slice(0, FEED_SIZE);
  const feed = { url: subjectFeedUrl(page), page, name, articles };
  const { lastUpdated } = archive;
  return articles.length || !lastUpdated ? feed : { ...feed, archiveUpdated: lastUpdated };
}

export function authorFeeds(archive: Archive): SubjectFeed[] {
  return archive.authors.map((author) => subjectFeed(archive, author));
}

export function entityFeeds(archive: Archive): SubjectFeed[] {
  return archive.entities.map((entity) => subjectFeed(archive, entity));
}

/**
 * When the archive was last updated, as feeds give a moment: its newest article's (see
 * `Archive.lastUpdated`), the "now" of every feed, so that the same archive always gives the
 * same bytes. A feed without entries is dated so too, rather than 1970. Only an archive with no
 * article at all, which a build refuses to publish and a preview alone shows, has the epoch.
 */
function archiveMoment(lastUpdated: CalendarDate | undefined, timezone: string): Date {
  return lastUpdated ? publicationMoment(lastUpdated, timezone) : new Date(0);
}

/**
 * Every feed carries the same text, the text XML can carry: a title with a control character
 * reads the same in the JSON Feed as in the Atom feed. Trimmed, as feedsmith trims XML values.
 */
function feedText(text: string): string {
  return xmlSafe(text).trim();
}

/** The site feed's content, made once per archive for its three formats (Atom, RSS, JSON). */
const contents = new WeakMap<Archive, FeedContent>();

function feedContent(archive: Archive): FeedContent {
  const kept = contents.get(archive);
  if (kept) return kept;
  const made = siteFeedContent(archive);
  contents.set(archive, made);
  return made;
}

function siteFeedContent(archive: Archive): FeedContent {
  const { site } = archive;
  return {
    title: feedText(site.title),
    description: feedText(site.description),
    language: site.language,
    home: absoluteUrl(archive, "/"),
    updated: archiveMoment(archive.lastUpdated, site.timezone),
    entries: archive.articles.slice(0, FEED_SIZE).map((article) => feedEntry(archive, article)),
  };
}

function feedEntry(archive: Archive, article: Article): FeedEntry {
  const { timezone } = archive.site;
  const published = publicationMoment(article.date, timezone);
  const summary = feedText(article.summary ?? "");
  return {
    url: absoluteUrl(archive, article.url),
    title: feedText(article.title),
    ...(summary ? { summary } : {}),
    html: absolutizeLinks(archive, xmlSafe(article.html)),
    published,
    updated: article.updated ? publicationMoment(article.updated, timezone) : published,
    authors: article.authors.map((author) => ({
      name: feedText(author.name),
      url: absoluteUrl(archive, author.url),
    })),
    categories: article.entities.map((entity) => feedText(entity.name)),
  };
}

/** The attributes that hold a URL in sanitized HTML (rehype-sanitize's GitHub schema). */
const URL_ATTRIBUTES = new Set(["href", "src", "cite", "longdesc"]);

/**
 * Root-relative URLs in the body's elements become absolute, through the URL API. Done on the
 * HTML's tags as parse5 reads them, not by pattern: `<a href="/x">` written as text in a code
 * sample is text, and stays as it is. Only the attributes that change are written again, at
 * their places in the text, escaped as hast-util-to-html escapes them; the rest of the body
 * stays byte for byte. parse5's streaming tokenizer rather than a tree and a serializer: less
 * than half the time, which was about 4 s of a cold build at 10,000 articles.
 */
export function absolutizeLinks(archive: Archive, html: string): string {
  // Every root-relative attribute value is written `="/…`: without one there is nothing to do.
  if (!html.includes('="/')) return html;
  const absolute = (value: string) => {
    return ROOT_RELATIVE.test(value) ? absoluteUrl(archive, value) : value;
  };
  const edits: { start: number; end: number; text: string }[] = [];
  const parser = new TagReader({ sourceCodeLocationInfo: true });
  parser.on("startTag", ({ attrs, sourceCodeLocation }) => {
    for (const { name, value } of attrs) {
      const made = name === "srcset"
        ? absoluteSrcSet(value, absolute)
        : URL_ATTRIBUTES.has(name) ? absolute(value) : value;
      // parse5 types a tag's place as any token's, but gives a tag's attributes theirs.
      const at = (sourceCodeLocation as Token.LocationWithAttributes | null)?.attrs?.[name];
      if (made === value || !at) continue;
      const text = `${name}="${stringifyEntities(made, DOUBLE_QUOTED)}"`;
      edits.push({ start: at.startOffset, end: at.endOffset, text });
    }
  });
  // The whole body in one write: its tags are read, and their events given, before it returns.
  parser.write(html);
  let written = "";
  let from = 0;
  for (const { start, end, text } of edits) {
    written += html.slice(from, start) + text;
    from = end;
  }
  return written + html.slice(from);
}

/**
 * parse5's SAX parser that reads tags and lets the text between them go: gathering that text,
 * character by character, was two thirds of its time, and nothing here reads it.
 */
class TagReader extends SAXParser {
  override onCharacter(): void {}
  override onWhitespaceCharacter(): void {}
  override onNullCharacter(): void {}
}

/** What hast-util-to-html escapes in a double-quoted attribute value (its safe settings). */
const DOUBLE_QUOTED = { subset: ["\0", '"', "&", "'", "`"], attribute: true };

/** A responsive image's candidates (src/images/): "/img/a-400.webp 400w, …". */
function absoluteSrcSet(srcSet: string, absolute: (url: string) => string): string {
  return srcSet
    .split(",")
    .map((candidate) => candidate.trim().replace(/^\S+/, absolute))
    .join(", ");
}

const ROOT_RELATIVE = /^\/(?![/\\])/;

/** Atom, the site's feed or an author's or entity's. */
interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  self: string;
  alternate: string;
  updated: Date;
  /** Each entry's XML (entryXml). */
  entries: string[];
}

/**
 * An Atom feed: feedsmith writes the feed without its entries, and each entry's XML (entryXml,
 * made once for all the feeds that hold it: AtomEntries) goes in before the closing tag, where
 * feedsmith puts entries.
 */
function writeAtom(archive: Archive, feed: AtomFeed): string {
  const [start, end] = atomShell(archive, feed);
  return `${start}${feed.entries.join("")}${end}`;
}

/** An Atom feed's text before its entries and after them. */
function atomShell(archive: Archive, feed: Omit<AtomFeed, "entries">): [string, string] {
  const head = generateAtomFeed({
    id: feed.id,
    title: { value: feed.title },
    ...(feed.subtitle ? { subtitle: { value: feed.subtitle } } : {}),
    updated: feed.updated,
    generator: { text: "Dateline" },
    links: [
      { href: feed.alternate, rel: "alternate", type: "text/html" },
      { href: feed.self, rel: "self", type: "application/atom+xml" },
    ],
    xml: { lang: archive.site.language },
  });
  const end = head.lastIndexOf(FEED_END);
  return [head.slice(0, end), head.slice(end)];
}

const FEED_END = "</feed>";
const ENTRY_START = "  <entry>";

/**
 * One entry's Atom XML, as feedsmith writes it in any feed (indented the same): cut from a feed
 * of that entry alone, whose own fields are plain, so that its first `<entry>` is the entry's
 * opening tag and its last `</feed>` the feed's end.
 */
function entryXml(entry: FeedEntry): string {
  const alone = generateAtomFeed({
    id: "entry",
    title: { value: "entry" },
    updated: entry.updated,
    entries: [atomEntry(entry)],
  });
  return alone.slice(alone.indexOf(ENTRY_START), alone.lastIndexOf(FEED_END));
}

/**
 * The Atom entries of the articles in a set of feeds, each made once for all of them and let
 * go after the last that holds it. An article is in the feed of each of its authors and
 * entities, about six at 10,000 articles: making its entry once (parsing its body to make its
 * links absolute, then writing its XML) rather than in every feed saved about 9 s of a cold
 * build's 13 s of feeds. Kept as UTF-8 bytes, outside V8's heap, and only while a feed still
 * to be written holds it: kept as strings for the whole build, the entries of 100,000 articles
 * (two copies of every body) took the heap past its 4 GB limit.
 */
export class AtomEntries {
  private readonly kept = new Map<Article, Buffer>();
  /** How many of the feeds still to be written hold each article. */
  private readonly uses = new Map<Article, number>();

  constructor(
    private readonly archive: Archive,
    feeds: readonly Pick<SubjectFeed, "articles">[],
  ) {
    for (const { articles } of feeds) {
      for (const article of articles) this.uses.set(article, (this.uses.get(article) ?? 0) + 1);
    }
  }

  /** Entries kept for feeds still to be written. */
  get held(): number {
    return this.kept.size;
  }

  /** The article's entry as UTF-8, for one of the feeds: the last use lets it go. */
  bytes(article: Article): Buffer {
    const bytes = this.kept.get(article) ?? Buffer.from(entryXml(feedEntry(this.archive, article)));
    const left = (this.uses.get(article) ?? 0) - 1;
    if (left > 0) {
      this.uses.set(article, left);
      this.kept.set(article, bytes);
    } else {
      this.uses.delete(article);
      this.kept.delete(article);
    }
    return bytes;
  }
}

function atomEntry(entry: FeedEntry) {
  return {
    id: entry.url,
    title: { value: entry.title },
    links: [{ href: entry.url, rel: "alternate", type: "text/html" }],
    published: entry.published,
    updated: entry.updated,
    ...(entry.summary ? { summary: { value: entry.summary } } : {}),
    content: { value: entry.html, type: "html" },
    authors: entry.authors.map((author) => ({ name: author.name, uri: author.url })),
    categories: entry.categories.map((name) => ({ term: name, label: name })),
  };
}

export function atomFeed(archive: Archive): string {
  const feed = feedContent(archive);
  const self = absoluteUrl(archive, FEED_URLS.atom);
  const { home: id, title, description: subtitle, updated } = feed;
  const entries = feed.entries.map(entryXml);
  return writeAtom(archive, { id, title, subtitle, self, alternate: id, updated, entries });
}

/**
 * One author's or entity's Atom feed. Its `updated` is its newest entry's, not the archive's,
 * so that a new article elsewhere leaves the feed, and its input hash, as they were. As UTF-8,
 * its entries' bytes as AtomEntries keeps them: never made into strings, as 460 MB of feeds at
 * 10,000 articles were (decoded, joined, then encoded again to be written: about 4 s).
 */
export function subjectAtomBytes(
  archive: Archive,
  feed: SubjectFeed,
  made: AtomEntries = new AtomEntries(archive, [feed]),
): Buffer {
  const { timezone } = archive.site;
  const moment = (article: Article) => publicationMoment(article.updated ?? article.date, timezone);
  const newest = Math.max(...feed.articles.map((article) => moment(article).getTime()));
  // Without entries, as of the archive's last update, which the feed records as an input.
  const updated = feed.articles.length
    ? new Date(newest)
    : archiveMoment(feed.archiveUpdated, timezone);
  const alternate = absoluteUrl(archive, feed.page);
  const [start, end] = atomShell(archive, {
    id: alternate,
    title: `${feedText(feed.name)} · ${feedText(archive.site.title)}`,
    subtitle: "",
    self: absoluteUrl(archive, feed.url),
    alternate,
    updated,
  });
  const entries = feed.articles.map((article) => made.bytes(article));
  return Buffer.concat([Buffer.from(start), ...entries, Buffer.from(end)]);
}

/**
 * Every correction as an entry of its own, newest first: a reader who follows the corrections
 * sees each one once, on its day, with a link to where the article shows it.
 */
export function correctionsFeed(archive: Archive): string {
  const { timezone } = archive.site;
  const entries = archive.corrections.slice(0, FEED_SIZE).map((correction) => {
    const moment = publicationMoment(correction.date, timezone);
    return correctionEntry(archive, correction, moment);
  });
  const alternate = absoluteUrl(archive, CORRECTIONS_URL);
  return writeAtom(archive, {
    id: alternate,
    title: `${feedText(archive.site.title)}: corrections`,
    subtitle: "",
    self: absoluteUrl(archive, CORRECTIONS_FEED_URL),
    alternate,
    // No correction yet: as of the archive's last update.
    updated: entries[0]?.updated ?? archiveMoment(archive.lastUpdated, timezone),
    entries: entries.map(entryXml),
  });
}

function correctionEntry(archive: Archive, correction: CorrectionNotice, moment: Date): FeedEntry {
  const { article } = correction;
  const url = `${absoluteUrl(archive, article.url)}#${correction.anchor}`;
  const text = feedText(correction.text);
  return {
    url,
    title: feedText(`Correction: ${article.title}`),
    summary: text,
    // Through the HTML serializer, which escapes what the text holds.
    html: toHtml({
      type: "element",
      tagName: "p",
      properties: {},
      children: [{ type: "text", value: text }],
    }),
    published: moment,
    updated: moment,
    authors: article.authors.map((author) => ({
      name: feedText(author.name),
      url: absoluteUrl(archive, author.url),
    })),
    categories: [],
  };
}

export function rssFeed(archive: Archive): string {
  const feed = feedContent(archive);
  return generateRssFeed({
    title: feed.title,
    link: feed.home,
    // RSS requires a description of the channel.
    description: feed.description || feed.title,
    language: feed.language,
    lastBuildDate: feed.updated,
    generator: "Dateline",
    atom: {
      links: [
        { href: absoluteUrl(archive, FEED_URLS.rss), rel: "self", type: "application/rss+xml" },
      ],
    },
    items: feed.entries.map((entry) => ({
      title: entry.title,
      link: entry.url,
      guid: { value: entry.url, isPermaLink: true },
      pubDate: entry.published,
      ...(entry.summary ? { description: entry.summary } : {}),
      content: { encoded: entry.html },
      // RSS's own <author> must be an e-mail address; Dublin Core's creator is a name.
      dc: { creators: entry.authors.map((author) => author.name) },
      categories: entry.categories.map((name) => ({ name })),
    })),
  });
}

export function jsonFeed(archive: Archive): string {
  const feed = feedContent(archive);
  const json = generateJsonFeed({
    title: feed.title,
    home_page_url: feed.home,
    feed_url: absoluteUrl(archive, FEED_URLS.json),
    ...(feed.description ? { description: feed.description } : {}),
    language: feed.language,
    items: feed.entries.map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: entry.title,
      ...(entry.summary ? { summary: entry.summary } : {}),
      content_html: entry.html,
      date_published: entry.published,
      date_modified: entry.updated,
      authors: entry.authors,
      tags: entry.categories,
    })),
  });
  return `${JSON.stringify(json, null, 2)}\n`;
}
