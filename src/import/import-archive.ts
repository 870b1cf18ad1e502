// `npm run import`, the steps in order: read the source, map each post (body, terms, authors),
// plan the files, write them safely, and collect what the report says.
import { existsSync } from "node:fs";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import { slugify } from "../content/paths.ts";
import { Problems } from "../content/problems.ts";
import { planEntityFiles, readEntityFiles } from "./entity-files.ts";
import { type ArticleFile, mapPost } from "./map-post.ts";
import {
  addToTermMap, countTerms, type CountedTerm, readTermMap, termMapText, unmappedTerms,
} from "./map-terms.ts";
import { plainText } from "./plain-text.ts";
import { readSource } from "./read-source.ts";
import type { Attachment } from "./shortcodes.ts";
import type { ImportSource, SourceAuthor, SourcePost, SourceTerm } from "./source.ts";
import {
  type PlannedFile, readImportRecord, writeAtomically, type WriteResult, writeFiles,
} from "./write-files.ts";

export interface ImportOptions {
  /** A file path or a feed's http(s) address. */
  source: string;
  contentDir: string;
  /** The mapping file: read when it exists, written when it does not (unless a dry run). */
  mapFile: string;
  uploadsDir?: string;
  dryRun: boolean;
}

/** A problem with one post, placed in the source. */
export interface PostProblem {
  place: string;
  title: string;
  message: string;
}

export interface ImportResult {
  sourceKind: string;
  articles: (WriteResult & { title: string; draft: boolean })[];
  others: WriteResult[];
  /** Posts of other types (pages, attachments, menu items) and discarded ones, by reason. */
  skipped: Map<string, Skipped>;
  problems: PostProblem[];
  mapWritten: boolean;
  /** Terms the existing map did not list: added to it (unless a dry run), with defaults. */
  addedToMap: CountedTerm[];
}

export async function importArchive(options: ImportOptions, mapProblems: Problems):
  Promise<ImportResult | undefined> {
  if (options.uploadsDir && !(await isFolder(options.uploadsDir))) {
    throw new Error(`--uploads ${options.uploadsDir} is not a folder: give the copy of ` +
      "wp-content/uploads");
  }
  const source = await readSource(options.source);
  const { posts, skipped, problems } = selectPosts(source);
  const terms = countTerms(posts);
  const map = await readTermMap(options.mapFile, mapProblems);
  if (mapProblems.errors.length > 0) return undefined;
  const record = await readImportRecord(options.contentDir);
  const attachments = attachmentsOf(source.posts);
  const claimed = new Set(Object.values(record.posts));
  const articles: ArticleFile[] = [];
  const publishedTerms: SourceTerm[] = [];
  for (const post of posts) {
    const earlierPath = record.posts[post.id];
    const mapped = mapPost(post, {
      map, attachments, ...(earlierPath ? { earlierPath } : {}),
      ...(options.uploadsDir ? { uploadsDir: options.uploadsDir } : {}),
      isTaken: (path) => claimed.has(path) || existsSync(join(options.contentDir, path)),
    });
    const title = plainText(post.titleHtml) || "(no title)";
    if ("skipped" in mapped) {
      problems.push({ place: post.place, title, message: `not imported: ${mapped.skipped}` });
      continue;
    }
    claimed.add(mapped.path);
    articles.push(mapped);
    if (!mapped.draft) publishedTerms.push(...post.terms);
    for (const message of mapped.problems) {
      problems.push({ place: post.place, title: mapped.title, message });
    }
  }
  const entities = planEntityFiles({ terms: publishedTerms, map,
    descriptions: source.termDescriptions,
    existing: await readEntityFiles(options.contentDir, record) });
  problems.push(...entities.problems);
  const planned = [
    ...articles.map((one) => ({ path: one.path, bytes: one.text, sourceId: one.sourceId })),
    ...authorFiles(articles, source.authors),
    ...entities.files,
    ...(options.uploadsDir ? await uploadFiles(articles, options.uploadsDir) : []),
  ];
  const written = await writeFiles(options.contentDir, planned, record, options.dryRun);
  const mapWritten = !map && !options.dryRun;
  if (mapWritten) await writeMapFile(options.mapFile, terms);
  const addedToMap = map ? unmappedTerms(terms, map) : [];
  if (addedToMap.length > 0 && !options.dryRun) await addToMapFile(options.mapFile, addedToMap);
  const outcome = new Map(written.map((one) => [one.path, one]));
  const articlePaths = new Set(articles.map((one) => one.path));
  return {
    sourceKind: source.kind,
    articles: articles.map((one) =>
      ({ ...outcome.get(one.path)!, title: one.title, draft: one.draft })),
    others: [...written.filter((one) => !articlePaths.has(one.path)), ...entities.kept],
    skipped, problems, mapWritten, addedToMap,
  };
}

/** What was not imported, counted, with its name for one and for several. */
export interface Skipped {
  one: string;
  many: string;
  count: number;
}

/**
 * WordPress's other post types, counted in the report rather than imported: Dateline's
 * archive holds articles, and the content contract has no place for pages or menus. Images
 * (attachments) come in through the posts that show them: featured images and galleries.
 */
const OTHER_TYPES: Record<string, [string, string]> = {
  page: ["page", "pages"], attachment: ["attachment (media)", "attachments (media)"],
  nav_menu_item: ["menu item", "menu items"], revision: ["revision", "revisions"],
  wp_block: ["reusable block", "reusable blocks"],
};

/** Posts to import: WordPress's other types (pages, attachments, menus) are counted, not kept. */
function selectPosts(source: ImportSource) {
  const skipped = new Map<string, Skipped>();
  const problems: PostProblem[] = [];
  const posts: SourcePost[] = [];
  const count = ([one, many]: [string, string]) => {
    const seen = skipped.get(many) ?? { one, many, count: 0 };
    skipped.set(many, { ...seen, count: seen.count + 1 });
  };
  const seen = new Map<string, number>();
  for (const post of source.posts) {
    if (post.type !== "post") {
      count(OTHER_TYPES[post.type] ??
        [`post of type ${post.type}`, `posts of type ${post.type}`]);
    } else if (post.discarded) count([`post ${post.discarded}`, `posts ${post.discarded}`]);
    else posts.push(uniqueId(post, seen));
  }
  return { posts, skipped, problems };
}

/**
 * A source may give two posts one id (a feed repeating a guid): the later ones are numbered in
 * document order, so that each keeps a file of its own from run to run.
 */
function uniqueId(post: SourcePost, seen: Map<string, number>): SourcePost {
  const times = (seen.get(post.id) ?? 0) + 1;
  seen.set(post.id, times);
  return times === 1 ? post : { ...post, id: `${post.id}#${times}` };
}

function attachmentsOf(posts: readonly SourcePost[]): Map<string, Attachment> {
  const attachments = new Map<string, Attachment>();
  for (const post of posts) {
    if (post.type !== "attachment" || !post.attachmentUrl || !post.postId) continue;
    const caption = plainText(post.excerptHtml);
    attachments.set(post.postId, { id: post.postId, url: post.attachmentUrl,
      title: plainText(post.titleHtml), parentId: post.parentId ?? "",
      ...(post.attachmentAlt ? { alt: plainText(post.attachmentAlt) } : {}),
      ...(caption ? { caption } : {}) });
  }
  return attachments;
}

/** An author file for every byline, with the bio where the source has one. */
function authorFiles(articles: readonly ArticleFile[],
  known: readonly SourceAuthor[]): PlannedFile[] {
  const names = [...new Set(articles.flatMap((one) => one.authors))].sort();
  return names.map((name) => {
    const bio = known.find((one) => one.name === name)?.bio;
    const yaml = stringify({ name, ...(bio ? { bio: plainText(bio) } : {}) }, { lineWidth: 0 });
    return { path: `authors/${slugify(name)}.md`, bytes: `---\n${yaml}---\n` };
  });
}

/** Each uploaded file a body links to, copied to the same path under static/. */
async function uploadFiles(articles: readonly ArticleFile[],
  uploadsDir: string): Promise<PlannedFile[]> {
  const paths = [...new Set(articles.flatMap((one) => one.uploads))].sort();
  return Promise.all(paths.map(async (path) => ({
    path: `static/wp-content/uploads/${path.split("\\").join("/")}`,
    bytes: await readFile(join(uploadsDir, path)),
  })));
}

async function writeMapFile(path: string, terms: readonly CountedTerm[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, termMapText(terms), { flag: "wx" });
}

/** A later export's new terms join the editor's map, so that each can be given its entity. */
async function addToMapFile(path: string, terms: readonly CountedTerm[]): Promise<void> {
  await writeAtomically(path, addToTermMap(await readFile(path, "utf8"), terms));
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then((found) => found.isDirectory(), () => false);
}
