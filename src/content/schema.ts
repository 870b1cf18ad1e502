// Stage 3, the schema: what front matter and site.yaml may say. The types inferred here are
// the content's types everywhere else in the pipeline.
import { IANAZone } from "luxon";
import { z } from "zod";
import { parseCalendarDate } from "./dates.ts";
import { withoutForbiddenCharacters } from "./forbidden-characters.ts";
import { parseLanguageTag } from "./language.ts";
import { parseSitePath, type SiteUrl } from "./paths.ts";
import { parseSiteUrl } from "./site-url.ts";

export const ENTITY_TYPES = ["person", "organization", "place", "event", "work", "topic"] as const;
export const EntityType = z.enum(ENTITY_TYPES, { error: `must be one of ${ENTITY_TYPES.join(", ")}` });
export type EntityType = z.infer<typeof EntityType>;

/**
 * YAML reads `title: 1984` as a number; a headline is text whatever it looks like. A YAML
 * escape (`"\a"`) can make a character no web page may hold: it is left out, as in files.
 */
const text = z
  .union([z.string(), z.number(), z.boolean()], { error: "must be text" })
  .transform((value) => withoutForbiddenCharacters(String(value)).trim());
const requiredText = text.refine((value) => value.length > 0, { message: "must not be empty" });
/** An empty `key:` in YAML is null: treated as if the key were not there. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === null ? undefined : value), schema.optional());

/** A list, or a single value taken as a list of one; each item is checked on its own line. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === null || value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));

const dateString = z
  .string({ error: "must be a date written as YYYY-MM-DD (quote-free), or an ISO date-time with offset" })
  .superRefine((value, ctx) => {
    const result = parseCalendarDate(value);
    if ("problem" in result) ctx.addIssue({ code: "custom", message: result.problem });
  });

const httpUrl = z.string().trim().refine((value) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value), { message: "must be a full http:// or https:// address" });
/** Images may be relative to the site or on the web; never `javascript:` or `data:`. */
const imageUrl = z.string().trim().refine((value) => value.length > 0 && (/^https?:\/\//i.test(value) || !/^[a-z][a-z0-9+.-]*:/i.test(value)), { message: "must be a path on the site or an http(s) address" });

/** An image with what it shows: an article's lead image, or an entity's. */
const describedImage = z.object(
  { src: imageUrl, alt: optional(text), caption: optional(text) },
  { error: "must be { src, alt, caption }" },
);
export type DescribedImage = z.infer<typeof describedImage>;

/**
 * An entity's picture (a map, a logo, a portrait): a path or address, as an author's photo,
 * or `{ src, alt, caption }` as an article's image; read as the latter either way.
 */
const entityImage = z
  .union([imageUrl, describedImage], {
    error: "must be a path on the site, an http(s) address, or { src, alt, caption }",
  })
  .transform((image): DescribedImage => (typeof image === "string" ? { src: image } : image));

/** An earlier path of this site (`/2019/05/story.html`): it becomes a redirect or a notice. */
const sitePath = z
  .string({ error: "must be a path on this site, such as /2019/05/old-story/" })
  .transform((value, ctx): SiteUrl => {
    const result = parseSitePath(value);
    if ("url" in result) return result.url;
    ctx.addIssue({ code: "custom", message: result.problem });
    return z.NEVER;
  });

const linkMentions = optional(z.boolean({ error: "must be true or false" })).transform((value) => value ?? true);

export const EntityMention = z.union([
  requiredText,
  z.object({ name: requiredText, type: optional(EntityType) }, { error: "must be a name, or { name, type }" }),
]);
export type EntityMention = z.infer<typeof EntityMention>;

/** A dated correction notice, shown on the article and on /corrections/. */
const Correction = z.object(
  { date: dateString, text: requiredText },
  { error: "must be { date, text }" },
);

export const ArticleFrontMatter = z.object({
  title: requiredText,
  date: dateString,
  author: z.union([requiredText, z.array(requiredText).min(1, { message: "must list at least one name" })], { error: "must be a name or a list of names" }).transform((value) => (Array.isArray(value) ? value : [value])),
  entities: list(EntityMention),
  summary: optional(text),
  tags: list(requiredText),
  updated: optional(dateString),
  draft: optional(z.boolean({ error: "must be true or false" })).transform((value) => value ?? false),
  slug: optional(requiredText),
  image: optional(describedImage),
  aliases: list(sitePath),
  corrections: list(Correction),
  /** false: no mention in the body links to an entity's page. */
  link_mentions: linkMentions,
});
export type ArticleFrontMatter = z.infer<typeof ArticleFrontMatter>;

export const EntityFrontMatter = z.object({
  name: requiredText,
  type: optional(EntityType).transform((value) => value ?? "organization"),
  aliases: list(requiredText),
  description: optional(text),
  links: list(httpUrl),
  /** A picture of it: a path or address, or `{ src, alt, caption }`. */
  image: optional(entityImage),
  /** false: mentions of this entity in bodies are not linked (a common word, say). */
  link_mentions: linkMentions,
});
export type EntityFrontMatter = z.infer<typeof EntityFrontMatter>;

export const AuthorFrontMatter = z.object({
  name: requiredText,
  bio: optional(text),
  links: list(httpUrl),
  /** A photo of the author. */
  image: optional(imageUrl),
});
export type AuthorFrontMatter = z.infer<typeof AuthorFrontMatter>;

/** The site's public address, stored as the URL API writes it: `https://news.example.org/`. */
const siteAddress = z
  .string({ error: "must be a full address, such as https://news.example.org" })
  .transform((value, ctx) => {
    const result = parseSiteUrl(value.trim());
    if ("url" in result) return result.url;
    ctx.addIssue({ code: "custom", message: result.problem });
    return z.NEVER;
  });

/** A BCP 47 language tag, stored canonical: `EN-us` is `en-US`. */
const languageTag = z
  .string({ error: "must be a language tag, such as en or pt-BR" })
  .transform((value, ctx) => {
    const result = parseLanguageTag(value.trim());
    if ("language" in result) return result.language;
    ctx.addIssue({ code: "custom", message: result.problem });
    return z.NEVER;
  });

/** An IANA time zone name, such as America/New_York: where the newsroom's days begin. */
const timeZone = z
  .string({ error: "must be a time zone name, such as America/New_York or UTC" })
  .transform((value, ctx) => {
    const zone = value.trim();
    if (IANAZone.isValidZone(zone)) return zone;
    ctx.addIssue({ code: "custom", message: `"${zone}" is not a time zone name` });
    return z.NEVER;
  });

export const SiteConfig = z.object({
  title: optional(requiredText).transform((value) => value ?? "Dateline"),
  description: optional(text).transform((value) => value ?? ""),
  /** The site's public address, ending in `/`: every absolute URL is built from it. */
  url: optional(siteAddress).transform((value) => value ?? "http://localhost:8080/"),
  language: optional(languageTag).transform((value) => value ?? "en"),
  /** The newsroom's time zone: feeds date a date-only article at noon there. */
  timezone: optional(timeZone).transform((value) => value ?? "UTC"),
  /** Articles per page on the home page and in lists. */
  pageSize: optional(
    z.number({ error: "must be a whole number" })
      .int({ error: "must be a whole number" })
      .min(1, { error: "must be at least 1" })
      .max(500, { error: "must be at most 500" }),
  ).transform((value) => value ?? 20),
  /** Published URLs taken down on purpose: each becomes a notice that says so. */
  withdrawn: list(z.object({ url: sitePath, date: dateString, reason: optional(text) }, { error: "must be { url, date, reason }" })),
});
export type SiteConfig = z.infer<typeof SiteConfig>;

/** Keys each file kind may have: anything else is warned about. */
export const KNOWN_KEYS = {
  article: Object.keys(ArticleFrontMatter.shape),
  entity: Object.keys(EntityFrontMatter.shape),
  author: Object.keys(AuthorFrontMatter.shape),
  site: Object.keys(SiteConfig.shape),
} as const;

/** How to fix a problem with each key, in an editor's words. */
export const KEY_HINTS: Record<string, string> = {
  title: 'add a headline, e.g. title: "Council approves budget"',
  date: "write the publication date as YYYY-MM-DD, e.g. date: 2020-08-12",
  updated: "write the date of the last change as YYYY-MM-DD, e.g. updated: 2020-08-14",
  author: "write the byline as a name, or a list of names: author: [Ana Ruiz, Li Wei]",
  entities: "list the names of people, organisations, places and events, one per line after entities:",
  summary: "write one or two sentences of plain text",
  tags: "list topic words: tags: [elections, courts]",
  draft: "write draft: true or draft: false",
  link_mentions: "write link_mentions: false to leave mentions in bodies unlinked, or remove the key",
  slug: "write the URL name, e.g. slug: council-budget",
  image: "write image: with src:, alt: and caption: indented under it",
  name: "write the name as plain text",
  type: `write one of: ${ENTITY_TYPES.join(", ")}`,
  aliases: "list other names (entities), or earlier paths of this article: aliases: [/2019/05/old-story/]",
  description: "write one or two sentences of plain text",
  links: "list full addresses, each starting with https://",
  bio: "write one or two sentences of plain text",
  url: "write the address of the site's home page, e.g. url: https://news.example.org",
  language: "write a BCP 47 language tag, e.g. language: en, or pt-BR for Brazilian Portuguese",
  timezone: "write the newsroom's time zone from the IANA list, e.g. timezone: Europe/Lisbon",
  pageSize: "write a whole number from 1 to 500, e.g. pageSize: 20",
  corrections: 'list each as - { date: 2020-08-14, text: "We misspelt her name." }',
  withdrawn: "list each URL taken down as - { url: /2020/01/02/story/, date: 2024-05-01, reason: … }",
};
