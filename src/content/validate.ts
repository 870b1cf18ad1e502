// Stage 3, validate: check each file's front matter against its schema and turn every
// failure into a located problem. Returns typed records; files with errors are left out.
import { closest, distance } from "fastest-levenshtein";
import type { z } from "zod";
import { type CalendarDate, parseCalendarDate } from "./dates.ts";
import { type FrontMatter, type KeyPath, parseFrontMatter, type YamlMapping } from "./front-matter.ts";
import type { SourceFile } from "./load.ts";
import type { PlaceList } from "./places.ts";
import type { Place, Problems } from "./problems.ts";
import { ArticleFrontMatter, AuthorFrontMatter, EntityFrontMatter, KEY_HINTS, KNOWN_KEYS } from "./schema.ts";
import type { ValidateCache } from "./validate-cache.ts";

export interface Validated<T> {
  file: SourceFile;
  fields: T;
  body: string;
  bodyLine: number;
  locate: FrontMatter["locate"];
}

export interface ArticleSource extends Validated<ArticleFrontMatter> {
  date: CalendarDate;
  updated?: CalendarDate;
}
export type EntitySource = Validated<EntityFrontMatter>;
export type AuthorSource = Validated<AuthorFrontMatter>;

export interface ValidatedContent {
  articles: ArticleSource[];
  entities: EntitySource[];
  authors: AuthorSource[];
}

/** One file's record, of the file's kind. */
export type SourceRecord =
  | { kind: "article"; source: ArticleSource }
  | { kind: "entity"; source: EntitySource }
  | { kind: "author"; source: AuthorSource };

/** A file that validated: its record, and where its keys are, which a cache can keep. */
export type FileValidation = SourceRecord & { places: PlaceList };

/**
 * Every file's record, in file order, each file's problems added in the same order. With a
 * cache, a file whose bytes it has seen is not parsed again: its record and its problems,
 * warnings included, come from the cache.
 */
export function validateContent(
  files: readonly SourceFile[],
  problems: Problems,
  cache?: ValidateCache,
): ValidatedContent {
  const content: ValidatedContent = { articles: [], entities: [], authors: [] };
  for (const file of files) {
    const record = cache ? cache.validate(file, problems) : validateFile(file, problems);
    if (record?.kind === "article") content.articles.push(record.source);
    else if (record?.kind === "entity") content.entities.push(record.source);
    else if (record?.kind === "author") content.authors.push(record.source);
  }
  return content;
}

/** Parses and checks one file; undefined when it has errors, which are in `problems`. */
export function validateFile(file: SourceFile, problems: Problems): FileValidation | undefined {
  const frontMatter = parseFrontMatter(file.path, file.text, problems);
  if (!frontMatter) return undefined;
  const { places } = frontMatter;
  if (file.kind === "article") {
    const source = validateArticle(file, frontMatter, problems);
    return source && { kind: "article", source, places };
  }
  if (file.kind === "entity") {
    const source = validateWith(EntityFrontMatter, KNOWN_KEYS.entity, file, frontMatter, problems);
    if (source) warnUnknownNestedKeys(file.path, frontMatter, problems, "entity");
    return source && { kind: "entity", source, places };
  }
  const source = validateWith(AuthorFrontMatter, KNOWN_KEYS.author, file, frontMatter, problems);
  return source && { kind: "author", source, places };
}

function validateArticle(file: SourceFile, frontMatter: FrontMatter, problems: Problems): ArticleSource | undefined {
  const known = KNOWN_KEYS.article;
  const validated = validateWith(ArticleFrontMatter, known, file, frontMatter, problems);
  const article = validated && withDates(validated);
  if (!article) return undefined;
  const { date, updated, locate } = article;
  if (updated && updated.iso < date.iso) {
    problems.warn(file.path, "updated-before-date", `updated (${updated.iso}) is earlier than date (${date.iso})`, "set updated to the day of the last change, on or after the publication date", locate(["updated"]));
  }
  // /corrections/ and its feed list corrections by their date: one before the article's is a typo.
  article.fields.corrections.forEach((correction, index) => {
    const day = parseCalendarDate(correction.date);
    if ("problem" in day || day.iso >= date.iso) return;
    const message = `correction ${index + 1} is dated ${day.iso}, before the article (${date.iso})`;
    const fix = "date it the day the article was corrected, on or after its publication";
    const place = locate(["corrections", index, "date"]);
    problems.warn(file.path, "correction-before-date", message, fix, place);
  });
  warnUnknownNestedKeys(file.path, frontMatter, problems, "article");
  warnUnfinished(article, frontMatter, problems);
  return article;
}

/** An article's dates as calendar dates; undefined if either is not one (the schema said so). */
export function withDates(article: Validated<ArticleFrontMatter>): ArticleSource | undefined {
  const date = parseCalendarDate(article.fields.date);
  const updated = article.fields.updated ? parseCalendarDate(article.fields.updated) : undefined;
  if ("problem" in date || (updated && "problem" in updated)) return undefined;
  return updated ? { ...article, date, updated } : { ...article, date };
}

/** The body `npm run new` writes: an article still saying it has not been written yet. */
export const PLACEHOLDER_BODY = "Write the article here.";

/** What an article ready to publish should have; each warning points where to add it. */
function warnUnfinished(
  article: Validated<ArticleFrontMatter>,
  frontMatter: FrontMatter,
  problems: Problems,
): void {
  const { file, fields, body, bodyLine } = article;
  // The key's own line when it is written but empty, else the closing --- to add it before.
  const at = (key: string): Place =>
    key in frontMatter.data ? article.locate([key]) : frontMatter.addKeyAt;
  if (body.trim() === PLACEHOLDER_BODY) {
    problems.warn(file.path, "placeholder-body",
      "the body is still the placeholder that `npm run new` wrote",
      `write the article in place of "${PLACEHOLDER_BODY}"`, { line: bodyLine });
  }
  if (fields.draft) return;
  if (fields.entities.length === 0) {
    problems.warn(file.path, "no-entities",
      "article lists no entities, so no entity page will link to it",
      KEY_HINTS.entities!, at("entities"));
  }
  if (!fields.summary) {
    problems.warn(file.path, "no-summary",
      "article has no summary; lists, feeds and search results will show none",
      'add summary: "One or two sentences about the article."', at("summary"));
  }
}

/** Shared by every file kind: parse with the schema, report each issue at its key's line. */
function validateWith<S extends z.ZodType>(schema: S, knownKeys: readonly string[], file: SourceFile, frontMatter: FrontMatter, problems: Problems): Validated<z.output<S>> | undefined {
  const fields = validateFields(schema, knownKeys, file.path, frontMatter, problems);
  if (fields === undefined) return undefined;
  // An empty key (`summary:`) leaves an undefined value in zod's output. It is dropped, so that
  // a record reads the same whether it was validated now or kept as JSON by the cache.
  const { body, bodyLine, locate } = frontMatter;
  return { file, fields: withoutUndefined(fields), body, bodyLine, locate };
}

/** A copy of plain data without the object keys whose value is undefined, at any depth. */
function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  return Object.fromEntries(entries.map(([key, item]) => [key, withoutUndefined(item)])) as T;
}

/** Checks parsed YAML against a schema: warnings for unknown keys, an error for each issue. */
export function validateFields<S extends z.ZodType>(schema: S, knownKeys: readonly string[], file: string, yaml: YamlMapping, problems: Problems): z.output<S> | undefined {
  warnUnknownKeys(file, yaml.keys, knownKeys, problems);
  const result = schema.safeParse(yaml.data, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) reportIssue(file, issue, yaml, problems);
  return undefined;
}

function reportIssue(file: string, issue: z.core.$ZodIssue, yaml: YamlMapping, problems: Problems): void {
  for (const { path, message } of explain(issue, [])) {
    const key = path.map((part) => (typeof part === "number" ? `[${part + 1}]` : part)).join(".").replace(/\.\[/g, "[");
    const top = String(path[0] ?? "");
    const hint = KEY_HINTS[top] ?? `fix ${key}`;
    if (path.length === 1 && yaml.data[top] == null) {
      const written = yaml.keys.find((entry) => entry.key === top);
      problems.error(file, "missing-key", written ? `"${key}" is empty` : `"${key}" is missing`, hint, written?.place ?? yaml.addKeyAt);
    } else {
      problems.error(file, "invalid-value", `"${key}" ${message.replace(/^Invalid input: /, "")}`, hint, yaml.locate(path));
    }
  }
}

/**
 * Flattens zod's issues to what an editor needs: the full key path and one message. For a
 * value that could be of several forms, the form that matched furthest explains the problem.
 */
function explain(issue: z.core.$ZodIssue, base: KeyPath): { path: KeyPath; message: string }[] {
  const path = [...base, ...issue.path.filter((part): part is string | number => typeof part !== "symbol")];
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return [{ path, message: issue.message }];
  const furthest = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0]!;
  if (depth(furthest) === 0) return [{ path, message: issue.message }];
  return furthest.flatMap((inner) => explain(inner, path));
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((issue) => (issue.code === "invalid_type" && issue.path.length === 0 ? 0 : issue.path.length + 1)));
}

/** zod drops unknown keys inside objects silently: `{ name, tpye }` deserves a word too. */
function warnUnknownNestedKeys(file: string, frontMatter: FrontMatter, problems: Problems, kind: "article" | "entity"): void {
  const objects: { path: KeyPath; value: unknown; known: string[] }[] = [{ path: ["image"], value: frontMatter.data.image, known: ["src", "alt", "caption"] }];
  const entities = frontMatter.data.entities;
  if (kind === "article" && Array.isArray(entities)) entities.forEach((value, i) => objects.push({ path: ["entities", i], value, known: ["name", "type"] }));
  for (const { path, value, known } of objects) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) continue;
    const keys = Object.keys(value).map((key) => ({ key: `${path.join(".")}.${key}`, place: frontMatter.locate([...path, key]) }));
    warnUnknownKeys(file, keys, known.map((key) => `${path.join(".")}.${key}`), problems);
  }
}

function warnUnknownKeys(file: string, keys: YamlMapping["keys"], knownKeys: readonly string[], problems: Problems): void {
  for (const { key, place } of keys) {
    if (knownKeys.includes(key)) continue;
    const guess = closest(key.toLowerCase(), [...knownKeys]);
    const close = distance(key.toLowerCase(), guess.toLowerCase()) <= Math.max(2, Math.floor(key.length / 3));
    problems.warn(file, "unknown-key", `unknown key "${key}" is ignored`, close ? `did you mean "${guess}"?` : `the keys are: ${knownKeys.join(", ")}`, place);
  }
}
