// The preview's quick path for the commonest edit: an article whose body changed and whose front
// matter did not. Only that article's page shows the body (lists show headlines, dates, bylines
// and summaries: src/publish/incremental.ts), so the page is rendered from the model the last
// preview published and written in place of the old one, in milliseconds. The full publish
// that follows (search index, manifest) then writes the same bytes; the test says so.
import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pageHtml } from "../../layouts/components/page-html.ts";
import { render as renderArticlePage } from "../../layouts/article.11ty.tsx";
import type { Archive, Article } from "../archive/model.ts";
import { normalizeText } from "../content/load.ts";
import { fileForUrl } from "../content/paths.ts";
import { mentionTargets } from "../archive/mentions.ts";
import { renderAll } from "../markdown/render-all.ts";
import type { MentionTarget } from "../markdown/render.ts";

/** Each article file's front matter as the last full publish read it, by file path. */
export type FrontMatters = ReadonlyMap<string, string>;

/** The front matter of every article of a published model, read again from its file. */
export async function readFrontMatters(archive: Archive): Promise<FrontMatters> {
  const entries = await Promise.all(archive.articles.map(async (article) => {
    const text = await readFile(article.sourcePath, "utf8").catch(() => undefined);
    const split = text === undefined ? undefined : splitFrontMatter(normalizeText(text));
    return split ? [[article.sourcePath as string, split.frontMatter] as const] : [];
  }));
  return new Map(entries.flat());
}

/**
 * The front matter block (fences included) and the body, split where src/content/front-matter.ts
 * splits them: the body is every line after the first line of exactly `---` (then spaces).
 * Undefined when there is no closed block: the full publish says what is wrong.
 */
export function splitFrontMatter(text: string): { frontMatter: string; body: string } | undefined {
  const lines = text.split("\n");
  if (!lines[0]?.startsWith("---")) return undefined;
  const closing = lines.findIndex((line, i) => i > 0 && /^---[ \t]*$/.test(line));
  if (closing === -1) return undefined;
  return { frontMatter: lines.slice(0, closing + 1).join("\n"), body: lines.slice(closing + 1).join("\n") };
}

export interface QuickEdit {
  archive: Archive;
  frontMatters: FrontMatters;
  siteDir: string;
  cacheDir: string;
}

/**
 * Republishes one article's page when only its body changed, and says whether it did. Anything
 * else (a new file, changed front matter, a body that cannot be rendered or has images) is the full
 * publish's, which runs after this anyway.
 */
export async function publishBodyEdit(path: string, edit: QuickEdit): Promise<boolean> {
  const article = edit.archive.articles.find((candidate) => candidate.sourcePath === path);
  const before = edit.frontMatters.get(path);
  if (!article || before === undefined) return false;
  const text = await readFile(path, "utf8").catch(() => undefined);
  const split = text === undefined ? undefined : splitFrontMatter(normalizeText(text));
  if (!split || split.frontMatter !== before) return false;
  const job = { body: split.body, mentions: articleMentionTargets(edit.archive, article) };
  const [rendered] = await renderAll([job], { cacheDir: edit.cacheDir, workers: 1 });
  if (!rendered || "failure" in rendered) return false;
  // A body with images needs the images stage (src/images/), which the full publish runs.
  if (rendered.html.includes("<img")) return false;
  const edited: Article = { ...article, html: rendered.html, wordCount: rendered.wordCount };
  const page = pageHtml(renderArticlePage({ archive: edit.archive, article: edited, page: { url: article.url } }));
  await replaceFile(join(edit.siteDir, fileForUrl(article.url)), page);
  return true;
}

/** What the full publish links in this article's body: the same, so the bytes are the same. */
function articleMentionTargets(archive: Archive, article: Article): MentionTarget[] {
  const bySlug = new Map(archive.entities.map((entity) => [entity.slug, entity]));
  const entities = article.entities.flatMap((ref) => bySlug.get(ref.slug) ?? []);
  return mentionTargets(article.linkMentions, entities);
}

/**
 * A new file renamed over the old: the old one may be a hard link that the spare site shares
 * (src/publish/atomic.ts), which writing in place would change too.
 */
async function replaceFile(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.dateline-${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
