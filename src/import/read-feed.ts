// Import, step 1 for feeds: read an RSS 2.0 or Atom feed into source records (feedsmith parses
// both; every item of a feed is published, since feeds carry nothing else).
import { type AtomFeed, parseFeed, type RssFeed } from "feedsmith";
import type { ImportSource, SourcePost, SourceTerm } from "./source.ts";
import { elementLines } from "./element-lines.ts";
import { rfc3339Date, rfc822Date } from "./source-dates.ts";

type RssItem = RssFeed.Item<string>;
type AtomEntry = AtomFeed.Entry<string>;

export function readFeed(xml: string, fileName: string): ImportSource {
  const parsed = parseFeed(xml);
  const lines = elementLines(xml, parsed.format === "atom" ? "entry" : "item");
  const at = (index: number) => `${fileName}:${lines[index] ?? 1} (item ${index + 1})`;
  if (parsed.format === "rss") {
    const channel = parsed.feed.dc?.creators ?? [];
    const editor = [parsed.feed.managingEditor ?? ""].map(personName);
    const posts = (parsed.feed.items ?? []).map((item, index) =>
      withAuthors(rssPost(item, at(index)), channel.length ? channel : editor));
    return { kind: "RSS 2.0 feed", posts, authors: [], termDescriptions: [] };
  }
  if (parsed.format === "atom") {
    // An entry without an author has the feed's (RFC 4287, 4.2.1).
    const feedAuthors = (parsed.feed.authors ?? []).map((one) => one.name?.trim() ?? "");
    const posts = (parsed.feed.entries ?? []).map((entry, index) =>
      withAuthors(atomPost(entry, at(index)), feedAuthors));
    return { kind: "Atom feed", posts, authors: [], termDescriptions: [] };
  }
  throw new Error(`${fileName} is a ${parsed.format} feed; import reads RSS 2.0, Atom and ` +
    "WordPress exports");
}

function withAuthors(post: SourcePost, fallback: readonly string[]): SourcePost {
  const authors = fallback.filter(Boolean);
  return post.authors.length > 0 || authors.length === 0 ? post : { ...post, authors };
}

function rssPost(item: RssItem, place: string): SourcePost {
  const link = item.link ?? "";
  const body = item.content?.encoded ?? item.description ?? "";
  const date = item.pubDate ? rfc822Date(String(item.pubDate)) : undefined;
  const authors = item.dc?.creators?.length ? item.dc.creators : (item.authors ?? [])
    .map(personName);
  const terms = (item.categories ?? []).map((category): SourceTerm => {
    const name = (category.name ?? "").trim();
    return { kind: "tag", slug: name, name };
  });
  return {
    ...basePost(place),
    id: item.guid?.value ?? link,
    titleHtml: item.title ?? "",
    bodyHtml: body,
    excerptHtml: item.content?.encoded ? item.description ?? "" : "",
    ...(date ? { date } : {}),
    link,
    authors: authors.filter(Boolean),
    terms: terms.filter((term) => term.name),
  };
}

function personName(person: RssFeed.Person | string): string {
  return rssAuthorName(typeof person === "string" ? person : person.name ?? "");
}

/** RSS's `<author>` is an e-mail address with the name in brackets: `ana@x.org (Ana Ruiz)`. */
function rssAuthorName(author: string): string {
  return /\(([^)]+)\)\s*$/.exec(author)?.[1]?.trim() ?? author.replace(/\S+@\S+/, "").trim();
}

function atomPost(entry: AtomEntry, place: string): SourcePost {
  const link = entry.links?.find((one) => !one.rel || one.rel === "alternate")?.href ?? "";
  const date = rfc3339Date(String(entry.published ?? entry.updated ?? ""));
  const modified = entry.updated ? rfc3339Date(String(entry.updated)) : undefined;
  return {
    ...basePost(place),
    id: entry.id ?? link,
    titleHtml: atomHtml(entry.title),
    bodyHtml: atomHtml(entry.content),
    excerptHtml: atomHtml(entry.summary),
    ...(date ? { date } : {}),
    ...(modified ? { modified } : {}),
    link,
    authors: (entry.authors ?? []).map((author) => author.name?.trim() ?? "").filter(Boolean),
    terms: (entry.categories ?? []).flatMap((category): SourceTerm[] => {
      const name = (category.label ?? category.term ?? "").trim();
      return name ? [{ kind: "tag", slug: category.term ?? name, name }] : [];
    }),
  };
}

/** Atom text is plain text, HTML or XHTML: the first is escaped so it reads as HTML too. */
function atomHtml(value: { value?: string; type?: string } | undefined): string {
  if (!value?.value) return "";
  if (value.type === "html" || value.type === "xhtml") return value.value;
  return value.value.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

function basePost(place: string): Omit<SourcePost, "id" | "titleHtml" | "bodyHtml" |
  "excerptHtml" | "link" | "authors" | "terms"> {
  return { place, type: "post", published: true, slug: "", paragraphsAsBlankLines: false };
}
