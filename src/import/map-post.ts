// Import, step 2: one source post becomes one article file in the content contract's format:
// plain-text title, dated with its offset, every author, summary, updated, draft for anything
// not published, and the old path as an alias when it differs from Dateline's URL.
import { stringify } from "yaml";
import { parseSitePath, slugify } from "../content/paths.ts";
import { ArticleFrontMatter } from "../content/schema.ts";
import { uploadedFile } from "./body/upload-links.ts";
import { convertBody } from "./convert-body.ts";
import { applyTerms, type TermMap } from "./map-terms.ts";
import { ownUrl } from "./own-urls.ts";
import { firstWords, plainText } from "./plain-text.ts";
import type { Attachment } from "./shortcodes.ts";
import type { SourcePost } from "./source.ts";
import { momentOf } from "./source-dates.ts";

export interface PostContext {
  map: TermMap | undefined;
  attachments: ReadonlyMap<string, Attachment>;
  uploadsDir?: string;
  /** The file this post was written to by an earlier import, if any. */
  earlierPath?: string;
  /** True when a path is already used by another post or by a file of the archive. */
  isTaken(path: string): boolean;
}

export interface ArticleFile {
  sourceId: string;
  /** Relative to the content folder, with `/`. */
  path: string;
  text: string;
  title: string;
  draft: boolean;
  authors: string[];
  uploads: string[];
  problems: string[];
}

const NO_AUTHOR = "Unknown author";

/** The article for a post, or the reason it cannot be one. */
export function mapPost(post: SourcePost, context: PostContext): ArticleFile | { skipped: string } {
  const date = post.date ?? post.modified;
  if (!date) return { skipped: "it has no date: give it one in the source and import again" };
  const problems: string[] = [];
  const body = convertBody(post.bodyHtml, {
    paragraphsAsBlankLines: post.paragraphsAsBlankLines,
    ...(post.footnotes ? { footnotes: post.footnotes } : {}),
    shortcodes: { postId: post.postId ?? "", attachments: context.attachments },
    ...(context.uploadsDir ? { uploadsDir: context.uploadsDir } : {}),
    ...(post.link ? { oldAddress: post.link } : {}),
  });
  problems.push(...body.problems);
  if (!body.markdown) problems.push("it has no content: the article's body is empty");
  const title = headline(post, date, body.markdown, problems);
  const path = context.earlierPath ?? freePath(date, post.slug || title, context.isTaken);
  const slug = path.slice(path.lastIndexOf("/") + 1, -".md".length);
  const authors = post.authors.length > 0 ? post.authors : [NO_AUTHOR];
  if (post.authors.length === 0) problems.push(`it names no author: written as "${NO_AUTHOR}"`);
  const image = featuredImage(post, context, problems);
  const uploads = [...body.uploads, ...(image?.upload ? [image.upload] : [])];
  const fields = frontMatter(post, { title, date, authors, slug }, context.map, problems);
  if (image) fields.image = image.field;
  const checked = ArticleFrontMatter.safeParse(fields);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      problems.push(`${issue.path.join(".")} ${issue.message}`);
    }
  }
  const yaml = stringify(fields, { lineWidth: 0 });
  return {
    sourceId: post.id, path, title, draft: !post.published, authors,
    text: `---\n${yaml}---\n${body.markdown ? `\n${body.markdown}` : ""}`,
    uploads: [...new Set(uploads)].sort(), problems,
  };
}

interface Basics {
  title: string;
  date: string;
  authors: string[];
  slug: string;
}

function frontMatter(post: SourcePost, basics: Basics, map: TermMap | undefined,
  problems: string[]): Record<string, unknown> {
  const entities = applyTerms(post.terms, map);
  const summary = plainText(post.excerptHtml);
  const updated = post.modified && laterDay(post.modified, basics.date) ? post.modified : undefined;
  const alias = post.published ? oldPath(post.link, basics, problems) : undefined;
  return {
    title: basics.title,
    date: basics.date,
    author: basics.authors.length === 1 ? basics.authors[0] : basics.authors,
    ...(summary ? { summary } : {}),
    ...(entities.length ? { entities } : {}),
    ...(updated ? { updated } : {}),
    ...(post.published ? {} : { draft: true }),
    ...(alias ? { aliases: [alias] } : {}),
  };
}

interface FeaturedImage {
  field: { src: string; alt?: string; caption?: string };
  /** The file to copy from the uploads folder, when the image is there. */
  upload?: string;
}

/**
 * The post's featured image (its attachment's file, alternative text and caption) as the
 * article's `image`; with an uploads folder, the copied file on the new site.
 */
function featuredImage(post: SourcePost, context: PostContext,
  problems: string[]): FeaturedImage | undefined {
  if (!post.thumbnailId) return undefined;
  const attachment = context.attachments.get(post.thumbnailId);
  if (!attachment) {
    problems.push(`its featured image (attachment ${post.thumbnailId}) is not in the export: ` +
      "the article has no image");
    return undefined;
  }
  const alt = attachment.alt ? { alt: attachment.alt } : {};
  const caption = attachment.caption ? { caption: attachment.caption } : {};
  const upload = context.uploadsDir ? uploadedFile(attachment.url, context.uploadsDir) : undefined;
  if (upload && "missing" in upload) problems.push(`its featured image ${upload.missing}`);
  if (!upload || "missing" in upload) {
    return { field: { src: attachment.url, ...alt, ...caption } };
  }
  return { field: { src: upload.url, ...alt, ...caption }, upload: upload.path };
}

/** A plain-text headline; a post without one gets its date and first words, reported. */
function headline(post: SourcePost, date: string, markdown: string, problems: string[]): string {
  const title = plainText(post.titleHtml);
  if (title) return title;
  // Shortcode tags (`[embed]`, `[/caption]`) are markup, not words; their contents are kept.
  const body = post.bodyHtml.replace(/\[\/?[a-zA-Z][\w-]*(?:[\s=][^\]]*)?\/?\]/g, " ");
  const text = plainText(body) || markdown.replace(/[#*_>`[\]()!-]/g, "").trim();
  const words = firstWords(text);
  const made = words ? `${date.slice(0, 10)}: ${words}` : `Untitled, ${date.slice(0, 10)}`;
  problems.push(`it has no title: given "${made}" (write a headline in the file)`);
  return made;
}

/** An updated date is worth showing when it falls on a later day than publication. */
function laterDay(modified: string, date: string): boolean {
  return modified.slice(0, 10) > date.slice(0, 10) && momentOf(modified) > momentOf(date);
}

/** `articles/YYYY/MM/<slug>.md`, numbered when another post or file already has it. */
function freePath(date: string, name: string, isTaken: (path: string) => boolean): string {
  const folder = `articles/${date.slice(0, 4)}/${date.slice(5, 7)}`;
  const slug = slugify(name);
  for (let n = 1; ; n++) {
    const path = `${folder}/${n === 1 ? slug : `${slug}-${n}`}.md`;
    if (!isTaken(path)) return path;
  }
}

/** The post's path on the old site, when Dateline's URL for it differs. */
function oldPath(link: string, basics: Basics, problems: string[]): string | undefined {
  if (!link) return undefined;
  let url: URL;
  try {
    url = new URL(link, "http://old.invalid/");
  } catch {
    problems.push(`its old address ${link} is not a web address: no redirect was made`);
    return undefined;
  }
  const [y, m, d] = [basics.date.slice(0, 4), basics.date.slice(5, 7), basics.date.slice(8, 10)];
  const current = `/${y}/${m}/${d}/${basics.slug}/`;
  if (url.search) {
    problems.push(`its old address ${link} has a query, which a static site cannot serve: ` +
      `link to ${current} instead`);
    return undefined;
  }
  const parsed = parseSitePath(url.pathname);
  if ("problem" in parsed) {
    problems.push(`its old address cannot be kept as a redirect: ${parsed.problem}`);
    return undefined;
  }
  const path = parsed.url;
  if (path === "/" || path === current || `${path}/` === current) return undefined;
  const own = ownUrl(path);
  if (own) {
    problems.push(`its old address ${path} is ${own}, so it cannot lead to the article: ` +
      `no redirect was made (link to ${current} instead)`);
    return undefined;
  }
  return path;
}
