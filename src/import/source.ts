// Import, step 1's result: what a WordPress export or a feed says, before any mapping. Each
// reader (read-wxr.ts, read-feed.ts) turns its format into these records.

export type TermKind = "category" | "tag";

/** A category or tag as the source names it; `slug` is the key in the mapping file. */
export interface SourceTerm {
  kind: TermKind;
  slug: string;
  name: string;
}

/** What the source says of a term beyond its name: WordPress's term description (HTML). */
export interface TermDescription {
  kind: TermKind;
  slug: string;
  html: string;
  /** Where the term is described in the source, for the report: `export.xml:22 (tag news)`. */
  place: string;
}

export interface SourcePost {
  /** Stable across exports of the same site (WordPress's guid, a feed item's id or link). */
  id: string;
  /** Where the post is in the source, for the report: `export.xml:120 (item 7)`. */
  place: string;
  /** WordPress's post type (`post`, `page`, `attachment`…); `post` for feed items. */
  type: string;
  /** Published posts only are published; anything else becomes a draft. */
  published: boolean;
  /** Why the post is not published (`draft`, `scheduled`, `password-protected`…). */
  unpublishedAs?: string;
  /** Skipped outright (WordPress's trash, auto-drafts), with the reason. */
  discarded?: string;
  /** Titles may carry markup and entities: made plain text when mapped. */
  titleHtml: string;
  bodyHtml: string;
  excerptHtml: string;
  /** A date as Dateline's front matter takes it (with its offset when known), or none. */
  date?: string;
  modified?: string;
  /** The post's own URL name, when the source has one. */
  slug: string;
  /** The post's address on the old site, absolute or a path. */
  link: string;
  authors: string[];
  terms: SourceTerm[];
  /** Classic WordPress bodies keep paragraphs as blank lines (wpautop); feeds carry HTML. */
  paragraphsAsBlankLines: boolean;
  /** The block editor's footnotes (kept in the post's meta, not its content). */
  footnotes?: { id: string; content: string }[];
  /** The post's featured image: the id of its attachment (WordPress's `_thumbnail_id`). */
  thumbnailId?: string;
  /** Attachments only: the file's address, its alternative text and the post it belongs to. */
  attachmentUrl?: string;
  attachmentAlt?: string;
  parentId?: string;
  postId?: string;
}

export interface SourceAuthor {
  name: string;
  bio?: string;
}

export interface ImportSource {
  /** What was read, for the report: `WordPress export (WXR 1.2)`, `RSS 2.0 feed`… */
  kind: string;
  posts: SourcePost[];
  /** Authors the source describes beyond their names (WordPress's users). */
  authors: SourceAuthor[];
  /** Descriptions of categories and tags, where the source has them (feeds do not). */
  termDescriptions: TermDescription[];
}
