// Import, step 1 for WordPress: read a WXR export (1.1 or 1.2) into source records.
// fast-xml-parser rather than feedsmith here: feedsmith reads RSS's own namespaces but not
// WordPress's `wp:` elements, which hold everything that matters (status, dates, slugs, users).
import { XMLParser } from "fast-xml-parser";
import type {
  ImportSource, SourceAuthor, SourcePost, SourceTerm, TermDescription, TermKind,
} from "./source.ts";
import { plainText } from "./plain-text.ts";
import { elementLines } from "./element-lines.ts";
import { wordpressDate } from "./source-dates.ts";

type XmlNode = Record<string, unknown>;

const LISTS = new Set(["item", "category", "wp:author", "wp:postmeta", "wp:category", "wp:tag",
  "wp:term"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => LISTS.has(name),
});

/**
 * True when the text is a WordPress export rather than a plain feed: its root declares
 * WordPress's export namespace, `http://` in older exports and `https://` in newer ones. Read
 * as a feed, an export would publish its drafts, so the whole head is searched, however long
 * its opening comments.
 */
export function isWxr(xml: string): boolean {
  const firstItem = xml.indexOf("<item");
  const head = firstItem === -1 ? xml : xml.slice(0, firstItem);
  return /xmlns:wp\s*=\s*["']https?:\/\/wordpress\.org\/export\//.test(head);
}

export function readWxr(xml: string, fileName: string): ImportSource {
  const channel = (parser.parse(xml) as XmlNode).rss as XmlNode | undefined;
  const root = (channel?.channel ?? {}) as XmlNode;
  const users = new Map<string, SourceAuthor>();
  for (const user of nodes(root["wp:author"])) {
    const login = text(user["wp:author_login"]);
    const name = text(user["wp:author_display_name"]).trim() || login;
    const bio = text(user["wp:author_description"]).trim();
    users.set(login, bio ? { name, bio } : { name });
  }
  const lines = elementLines(xml, "item");
  const posts = nodes(root.item).map((item, index) => {
    const place = `${fileName}:${lines[index] ?? 1} (item ${index + 1})`;
    return readItem(item, place, users);
  });
  const version = text(root["wp:wxr_version"]) || "1.x";
  return { kind: `WordPress export (WXR ${version})`, posts, authors: [...users.values()],
    termDescriptions: termDescriptions(root, xml, fileName) };
}

/**
 * The export's term list, ahead of its items: `wp:category` and `wp:tag`, and `wp:term`
 * (which other exporters use for categories and tags too). Only described terms are kept.
 */
function termDescriptions(root: XmlNode, xml: string, fileName: string): TermDescription[] {
  const read = (element: string, term: (node: XmlNode) => [TermKind | "", string, string]) => {
    const lines = elementLines(xml, element);
    return nodes(root[element]).flatMap((node, index): TermDescription[] => {
      const [kind, written, html] = term(node);
      const slug = safeDecode(written);
      if (!kind || !slug || !html.trim()) return [];
      return [{ kind, slug, html, place: `${fileName}:${lines[index] ?? 1} (${kind} ${slug})` }];
    });
  };
  return [
    ...read("wp:category", (node) => ["category", text(node["wp:category_nicename"]),
      text(node["wp:category_description"])]),
    ...read("wp:tag", (node) => ["tag", text(node["wp:tag_slug"]),
      text(node["wp:tag_description"])]),
    ...read("wp:term", (node) => {
      const taxonomy = text(node["wp:term_taxonomy"]);
      const kind = taxonomy === "category" ? "category" : taxonomy === "post_tag" ? "tag" : "";
      return [kind, text(node["wp:term_slug"]), text(node["wp:term_description"])];
    }),
  ];
}

function readItem(item: XmlNode, place: string, users: Map<string, SourceAuthor>): SourcePost {
  const status = text(item["wp:status"]) || "publish";
  const password = text(item["wp:post_password"]).length > 0;
  const body = text(item["content:encoded"]);
  const date = wordpressDate(text(item["wp:post_date"]), text(item["wp:post_date_gmt"]));
  const modified = wordpressDate(text(item["wp:post_modified"]),
    text(item["wp:post_modified_gmt"]));
  return {
    id: text(item.guid) || text(item["wp:post_id"]) || place,
    place,
    type: text(item["wp:post_type"]) || "post",
    published: status === "publish" && !password,
    ...unpublished(status, password),
    titleHtml: text(item.title),
    bodyHtml: body,
    excerptHtml: text(item["excerpt:encoded"]),
    ...(date ? { date } : {}),
    ...(modified ? { modified } : {}),
    slug: safeDecode(text(item["wp:post_name"])),
    link: text(item.link),
    authors: itemAuthors(item, users),
    terms: itemTerms(item),
    paragraphsAsBlankLines: !body.includes("<!-- wp:"),
    footnotes: footnotes(item),
    ...optional("thumbnailId", meta(item, "_thumbnail_id")),
    attachmentUrl: text(item["wp:attachment_url"]),
    ...optional("attachmentAlt", meta(item, "_wp_attachment_image_alt")),
    parentId: text(item["wp:post_parent"]),
    postId: text(item["wp:post_id"]),
  };
}

const UNPUBLISHED: Record<string, string> = { draft: "a draft", future: "scheduled",
  pending: "pending review", private: "private" };

function unpublished(status: string,
  password: boolean): Pick<SourcePost, "unpublishedAs" | "discarded"> {
  if (status === "trash" || status === "auto-draft") {
    return { discarded: `in WordPress's ${status}` };
  }
  if (password) return { unpublishedAs: "password-protected" };
  if (status === "publish" || status === "inherit") return {};
  return { unpublishedAs: UNPUBLISHED[status] ?? `of status "${status}"` };
}

/** One of the post's meta values (`wp:postmeta`), trimmed; empty when it has none. */
function meta(item: XmlNode, key: string): string {
  const found = nodes(item["wp:postmeta"]).find((one) => text(one["wp:meta_key"]) === key);
  return found ? text(found["wp:meta_value"]).trim() : "";
}

function optional<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

/** The block editor's footnotes: JSON in the post's `footnotes` meta, `[{ id, content }]`. */
function footnotes(item: XmlNode): { id: string; content: string }[] {
  const value = meta(item, "footnotes");
  if (!value) return [];
  try {
    const notes: unknown = JSON.parse(value);
    if (!Array.isArray(notes)) return [];
    return notes.flatMap((note: unknown) => {
      const { id, content } = (note ?? {}) as { id?: unknown; content?: unknown };
      return typeof id === "string" && typeof content === "string" ? [{ id, content }] : [];
    });
  } catch {
    return [];
  }
}

/** The post's user, then co-authors (Co-Authors Plus keeps them as `author` terms). */
function itemAuthors(item: XmlNode, users: Map<string, SourceAuthor>): string[] {
  const login = text(item["dc:creator"]).trim();
  const names = login ? [users.get(login)?.name ?? login] : [];
  for (const term of nodes(item.category)) {
    if (text(term["@_domain"]) === "author") names.push(text(term).trim());
  }
  return [...new Set(names.filter(Boolean))];
}

function itemTerms(item: XmlNode): SourceTerm[] {
  const terms: SourceTerm[] = [];
  for (const term of nodes(item.category)) {
    const domain = text(term["@_domain"]);
    const kind = domain === "category" ? "category" : domain === "post_tag" ? "tag" : undefined;
    // WordPress writes term names HTML-escaped (`Q&amp;A`).
    const name = plainText(text(term));
    if (!kind || !name) continue;
    terms.push({ kind, slug: safeDecode(text(term["@_nicename"])) || name, name });
  }
  return terms;
}

function nodes(value: unknown): XmlNode[] {
  if (!Array.isArray(value)) return [];
  return value.map((node) => (typeof node === "object" && node ? node : { "#text": text(node) }));
}

/** An element's text, whether it came as a string or as an object with attributes. */
export function text(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === "object") return text((value as XmlNode)["#text"] ?? "");
  return "";
}

/** WordPress stores non-ASCII slugs %-encoded (`%e6%97%a5`). */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
