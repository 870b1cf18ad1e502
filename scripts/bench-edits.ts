// The bench's working copy of a generated archive, and the editor's changes it rebuilds after.
import {
  copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { parse as parseYaml } from "yaml";
import type { Proof } from "./bench-check.ts";

/** The build's record of published URLs: never taken into a working copy (a cold build). */
const RECORD_FILE = "published-urls.json";
/** The generator's dates end on 2024-12-31: an article of this date is the newest, as news is. */
const ADDED_DATE = "2025-01-01";
const WITHDRAWN_DATE = "2025-01-02";

export const APPENDED_LINE = "Benchmark note: this line was appended to the body.";
export const TITLE_SUFFIX = " (revised by the benchmark)";
export const ADDED_TITLE = "An article added by the benchmark";
export const WITHDRAWN_REASON = "Deleted by the benchmark.";

/** One change an editor makes between two builds. */
export interface Edit {
  /** Short name: a column of the stage table. */
  name: string;
  /** What the editor did, in general: a row of the report. */
  label: string;
  /** What the editor did to which file: a note above the report's tables. */
  what: string;
  apply(): void;
  /** What the rebuilt site must show, so that a rebuild which missed the change is seen. */
  proof: Proof;
}

export interface EditPlan {
  /** The article whose body and title are edited. */
  edited: string;
  /** The published article that is deleted (and withdrawn). */
  deleted: string;
  /** The pages the cold build must have published for these edits to make sense. */
  coldProofs: Proof[];
  edits: Edit[];
}

/**
 * Makes `to` a copy of the archive in `from` made of hard links: instant even for 100,000
 * files, and the generated archive stays reusable because every edit below replaces a file
 * rather than writing into it. Falls back to copying where links cannot be made.
 */
export function linkArchive(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    const source = join(entry.parentPath, entry.name);
    const target = join(to, relative(from, source));
    if (entry.isDirectory()) {
      mkdirSync(target, { recursive: true });
    } else if (entry.isFile() && relative(from, source) !== RECORD_FILE) {
      mkdirSync(dirname(target), { recursive: true });
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/**
 * Replaces a file with new content. Removing it first breaks a hard link, so the generated
 * archive behind a working copy is never changed.
 */
export function replaceFile(path: string, text: string): void {
  rmSync(path, { force: true });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

// ---------------------------------------------------------------- the edits

/** An article of the archive, as the bench needs it. */
interface ArticleFile {
  /** Relative to the archive, with `/`. */
  file: string;
  published: boolean;
  /** Where it is published; undefined for a draft, or where the URL is not plain to see. */
  url: string | undefined;
  /** `YYYY-MM`, whose month archive lists it. */
  month: string;
  /** Its authors' names and its entities' and tags' names, each with its kind, lower-cased. */
  names: string[];
}

/**
 * The four changes the bench rebuilds after, in order: append a line to one article's body,
 * change its title, add a new article, delete another article. A deleted article's URL stays
 * published (README, "Published URLs are permanent"), so the deletion also lists it under
 * `withdrawn` in site.yaml, as an editor must; and the article deleted is one whose month,
 * authors, entities and tags other articles keep published, so that no other URL goes.
 */
export function planEdits(contentDir: string): EditPlan {
  const articles = readArticles(contentDir);
  const edited = pick(articles, 0.5, () => true);
  const mentions = countMentions(articles);
  const deletable = (article: ArticleFile): boolean =>
    article.file !== edited.file &&
    [`month ${article.month}`, ...article.names].every((key) => (mentions.get(key) ?? 0) > 1);
  const deleted = pick(articles, 0.25, deletable);
  const editedPath = join(contentDir, edited.file);
  const editedText = readFileSync(editedPath, "utf8");
  const [year, month] = ADDED_DATE.split("-");
  const addedFile = `articles/${year}/${month}/benchmark-added.md`;
  const addedUrl = `/${ADDED_DATE.replaceAll("-", "/")}/benchmark-added/`;
  return {
    edited: edited.file,
    deleted: deleted.file,
    coldProofs: [edited, deleted].map(({ url }) => ({ url, text: "", search: "found" as const })),
    edits: [
      {
        name: "body",
        label: "after appending a line to one article's body",
        what: `appending a line to the body of ${edited.file}`,
        apply: () => {
          replaceFile(editedPath, `${readFileSync(editedPath, "utf8")}\n${APPENDED_LINE}\n`);
        },
        proof: { url: edited.url, text: APPENDED_LINE, search: "found" },
      },
      {
        name: "front matter",
        label: "after changing one article's title",
        what: `changing the title of ${edited.file}`,
        apply: () => replaceFile(editedPath, retitle(readFileSync(editedPath, "utf8"))),
        proof: { url: edited.url, text: TITLE_SUFFIX.trim(), search: "found" },
      },
      {
        name: "added",
        label: "after adding one article",
        what: `adding ${addedFile}, the newest article, with the edited one's names and body`,
        apply: () => replaceFile(join(contentDir, addedFile), newArticle(editedText)),
        proof: { url: addedUrl, text: ADDED_TITLE, search: "found" },
      },
      {
        name: "deleted",
        label: "after deleting one article (URL withdrawn)",
        what: `deleting ${deleted.file} and withdrawing its URL in site.yaml`,
        apply: () => withdraw(contentDir, deleted.file, deleted.url),
        proof: { url: deleted.url, text: WITHDRAWN_REASON, search: "gone" },
      },
    ],
  };
}

/** Every article under articles/, in a stable order. */
function readArticles(contentDir: string): ArticleFile[] {
  return readdirSync(join(contentDir, "articles"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => relative(contentDir, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort()
    .map((file) => describe(file, readFileSync(join(contentDir, file), "utf8")));
}

/**
 * What the bench needs of an article. The URL is taken as Dateline makes it from a plain ASCII
 * file name (its slug, as written) and a `YYYY-MM-DD` date; other articles get none, and are
 * never picked.
 */
function describe(file: string, text: string): ArticleFile {
  const fields = frontMatter(text);
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(fields["date"]));
  const slug = /\/([a-z0-9-]+)\.md$/.exec(file)?.[1];
  const plain = date !== null && slug !== undefined && fields["slug"] === undefined;
  const published = fields["draft"] !== true;
  const names = (kind: string, value: unknown): string[] =>
    (Array.isArray(value) ? value : [value]).flatMap((item: unknown) => {
      const object = typeof item === "object" && item !== null;
      const name = object ? (item as { name?: unknown }).name : item;
      return typeof name === "string" ? [`${kind} ${name.toLowerCase()}`] : [];
    });
  return {
    file,
    published,
    url: plain && published ? `/${date[1]}/${date[2]}/${date[3]}/${slug}/` : undefined,
    month: date === null ? "" : `${date[1]}-${date[2]}`,
    names: [
      ...names("author", fields["author"]),
      ...names("entity", fields["entities"]),
      ...names("entity", fields["tags"]),
    ],
  };
}

/**
 * The front matter as a record. The generator writes every value as JSON on its own line (or a
 * list of JSON strings), which is read here without a YAML parser: 28 s of YAML at 100,000
 * articles is longer than some of the builds measured. Anything else is read as YAML.
 */
function frontMatter(text: string): Record<string, unknown> {
  const block = text.split(/^---$/m)[1] ?? "";
  try {
    const fields: Record<string, unknown> = {};
    let list: unknown[] | undefined;
    for (const line of block.split("\n")) {
      if (line.trim() === "") continue;
      const item = /^ {2}- (.*)$/.exec(line);
      if (item !== null && list !== undefined) {
        list.push(JSON.parse(item[1] ?? ""));
        continue;
      }
      const field = /^(\w+):(?: (.*))?$/.exec(line);
      if (field === null) throw new Error(`not a line the generator writes: ${line}`);
      const [, key = "", value] = field;
      list = value === undefined ? [] : undefined;
      const isDate = value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value);
      fields[key] = value === undefined ? list : isDate ? value : JSON.parse(value);
    }
    return fields;
  } catch {
    const fields: unknown = parseYaml(block);
    return typeof fields === "object" && fields !== null ? (fields as Record<string, unknown>) : {};
  }
}

/** How many published articles are in each month and name each author, entity and tag. */
function countMentions(articles: readonly ArticleFile[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const article of articles) {
    if (!article.published) continue;
    for (const key of new Set([`month ${article.month}`, ...article.names])) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** The first article from a fraction of the way through the list that has a URL and fits. */
function pick(
  articles: readonly ArticleFile[],
  fraction: number,
  fits: (article: ArticleFile) => boolean,
): ArticleFile & { url: string } {
  const start = Math.floor(articles.length * fraction);
  for (let i = 0; i < articles.length; i++) {
    const article = articles[(start + i) % articles.length];
    if (article?.url !== undefined && fits(article)) return { ...article, url: article.url };
  }
  throw new Error("the archive has no article the bench can edit or delete: it is too small");
}

function retitle(text: string): string {
  return text.replace(/^title: (.*)$/m, (_line, value: string) => {
    const title: unknown = parseYaml(value);
    if (typeof title !== "string") throw new Error(`a title that is not a string: ${value}`);
    return `title: ${JSON.stringify(title + TITLE_SUFFIX)}`;
  });
}

/** The same authors, entities and body as another article, under a new title and date. */
function newArticle(template: string): string {
  return template
    .replace(/^title: .*$/m, `title: ${JSON.stringify(ADDED_TITLE)}`)
    .replace(/^date: .*$/m, `date: ${ADDED_DATE}`);
}

function withdraw(contentDir: string, file: string, url: string): void {
  const siteYaml = join(contentDir, "site.yaml");
  const site = existsSync(siteYaml) ? readFileSync(siteYaml, "utf8") : "";
  if (/^withdrawn:/m.test(site)) throw new Error(`${siteYaml} already has a withdrawn list`);
  const reason = JSON.stringify(WITHDRAWN_REASON);
  const entry = `{ url: ${JSON.stringify(url)}, date: ${WITHDRAWN_DATE}, reason: ${reason} }`;
  const separator = site === "" || site.endsWith("\n") ? "" : "\n";
  rmSync(join(contentDir, file));
  replaceFile(siteYaml, `${site}${separator}withdrawn:\n  - ${entry}\n`);
}
