// Stage 8, feeds: the newest articles as Atom (/feed.xml), RSS 2.0 (/rss.xml) and JSON Feed 1.1
// (/feed.json). Serialised by feedsmith: maintained, typed, one library for all three formats
// (and a parser for importing feeds later), and it escapes text and attributes alike, unlike the
// `feed` package, which escaped only `&` in attributes so that an entity named `a<b` broke the
// XML. What is ours: one list of entries, with XML-safe text and URLs made by the URL API.
// Known wart: feedsmith pretty-prints, so text it puts in CDATA (anything with < > &) gets a
// line break and indentation around it, which readers trim (Atom lets them collapse white
// space); ids and links are URLs, which never hold < > &, so they are never wrapped.
import { generateAtomFeed, generateJsonFeed, generateRssFeed } from "feedsmith";
import type { Archive, Article } from "../archive/model.ts";
import { absoluteUrl } from "../archive/pages.ts";
import { instant } from "../content/dates.ts";
import { xmlSafe } from "./xml-text.ts";

export const FEED_SIZE = 50;

/** The feeds a build writes, by URL. */
export const FEED_URLS = { atom: "/feed.xml", rss: "/rss.xml", json: "/feed.json" } as const;

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

/**
 * Every feed carries the same text, the text XML can carry: a title with a control character
 * reads the same in the JSON Feed as in the Atom feed. Trimmed, as feedsmith trims XML values.
 */
function feedText(text: string): string {
  return xmlSafe(text).trim();
}

function feedContent(archive: Archive): FeedContent {
  const { site } = archive;
  return {
    title: feedText(site.title),
    description: feedText(site.description),
    language: site.language,
    home: absoluteUrl(archive, "/"),
    updated: archive.lastUpdated ? instant(archive.lastUpdated) : new Date(0),
    entries: archive.articles.slice(0, FEED_SIZE).map((article) => feedEntry(archive, article)),
  };
}

function feedEntry(archive: Archive, article: Article): FeedEntry {
  const published = instant(article.date);
  const summary = feedText(article.summary ?? "");
  return {
    url: absoluteUrl(archive, article.url),
    title: feedText(article.title),
    ...(summary ? { summary } : {}),
    html: absolutizeLinks(archive, xmlSafe(article.html)),
    published,
    updated: article.updated ? instant(article.updated) : published,
    authors: article.authors.map((author) => ({
      name: feedText(author.name),
      url: absoluteUrl(archive, author.url),
    })),
    categories: article.entities.map((entity) => feedText(entity.name)),
  };
}

/**
 * Root-relative `href` and `src` values become absolute, through the URL API. The HTML is
 * rehype-stringify's, so a value never holds a `"`, and the URL API never writes one.
 */
function absolutizeLinks(archive: Archive, html: string): string {
  return html.replace(
    /(\s(?:href|src)=")(\/(?![/\\])[^"]*)"/g,
    (_, attribute: string, path: string) => `${attribute}${absoluteUrl(archive, path)}"`,
  );
}

export function atomFeed(archive: Archive): string {
  const feed = feedContent(archive);
  return generateAtomFeed({
    id: feed.home,
    title: { value: feed.title },
    ...(feed.description ? { subtitle: { value: feed.description } } : {}),
    updated: feed.updated,
    generator: { text: "Dateline" },
    links: [
      { href: feed.home, rel: "alternate", type: "text/html" },
      { href: absoluteUrl(archive, FEED_URLS.atom), rel: "self", type: "application/atom+xml" },
    ],
    xml: { lang: feed.language },
    entries: feed.entries.map((entry) => ({
      id: entry.url,
      title: { value: entry.title },
      links: [{ href: entry.url, rel: "alternate", type: "text/html" }],
      published: entry.published,
      updated: entry.updated,
      ...(entry.summary ? { summary: { value: entry.summary } } : {}),
      content: { value: entry.html, type: "html" },
      authors: entry.authors.map((author) => ({ name: author.name, uri: author.url })),
      categories: entry.categories.map((name) => ({ term: name, label: name })),
    })),
  });
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
